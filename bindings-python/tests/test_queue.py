"""The message queue from Python, sync and async: what waits while the phone is disconnected is
listed page by page, deleted one by one or all at once, and the rest goes out on reconnection."""

from __future__ import annotations

import asyncio

import pytest

from zapi_communities import AsyncClient, Client, QueuedMessage, QueuePage, Simulator, ValidationError

ANA = "5511911111111"


def test_the_queue_is_listed_trimmed_and_sent_on_reconnection() -> None:
    simulator = Simulator()
    client = Client.simulated(simulator)
    empty = client.list_queue()
    assert isinstance(empty, QueuePage)
    assert (empty.messages, empty.paging_state, empty.has_more) == ([], None, False)
    assert simulator.set_phone_connected(False) == 0
    sent = [client.send_text(ANA, text, delay_message=5) for text in ("first", "second", "third")]

    queued = client.queued_messages()
    assert [m.message for m in queued] == ["first", "second", "third"]
    assert isinstance(queued[0], QueuedMessage)
    assert (queued[1].zaap_id, queued[1].message_id) == (sent[1].zaap_id, sent[1].message_id)
    assert (queued[0].phone, queued[0].delay_message, queued[0].delay_typing) == (ANA, 5, None)
    assert queued[0].created is not None
    assert "zaap_id=" in repr(queued[0])

    client.delete_queued_message(sent[1].zaap_id)
    first = client.list_queue(page_size=1)
    assert first.has_more and first.paging_state is not None
    rest = client.list_queue(first.paging_state, 1)
    assert ([m.message for m in rest.messages], rest.has_more) == (["third"], False)

    assert simulator.set_phone_connected(True) == 2
    assert client.queued_messages() == []


def test_clearing_sends_nothing_and_bad_input_is_refused_before_any_request() -> None:
    simulator = Simulator()
    client = Client.simulated(simulator)
    simulator.set_phone_connected(False)
    client.send_text(ANA, "stale")
    client.clear_queue()
    assert simulator.set_phone_connected(True) == 0
    for kwargs, field in (({"page_size": 31}, "page_size"), ({"paging_state": " "}, "paging_state")):
        with pytest.raises(ValidationError) as refused:
            client.list_queue(**kwargs)
        assert refused.value.field == field
    with pytest.raises(ValidationError) as refused:
        client.delete_queued_message("not an id")
    assert refused.value.field == "zaap_id"


def test_the_async_client_reads_the_same_queue() -> None:
    simulator = Simulator()

    async def main() -> list[str]:
        client = AsyncClient.simulated(simulator)
        simulator.set_phone_connected(False)
        await client.send_text(ANA, "hello")
        page = await client.list_queue()
        await client.delete_queued_message(page.messages[0].zaap_id)
        return [m.message for m in await client.queued_messages()]

    assert asyncio.run(main()) == []
