"""``export_knowledge`` / ``import_knowledge``: another process starts from what the first found
out, with no request; the document matches ``schemas/knowledge.v1.json``; a bad one changes
nothing."""

from __future__ import annotations

import importlib
import json
from typing import Any

import pytest

from conftest import ROOT
from zapi_communities import Client, NotAnnouncementGroupError, Simulator, ValidationError

EMPTY = '{"version":1,"communities":[],"groupOwners":{}}'


def test_a_second_client_resolves_and_refuses_from_imported_knowledge() -> None:
    simulator = Simulator()
    first = Client.simulated(simulator)
    community = first.create_community("Street")
    group = first.create_group("Building A", ["5511911110001"])
    first.link_groups(community.id, [group.id])
    exported = first.export_knowledge()

    second = Client.simulated(simulator)
    assert second.export_knowledge() == EMPTY
    second.import_knowledge(exported)
    found = second.cached_announcement_group(community.id)
    assert found is not None and found.group_id == community.announcement_group
    context = second.community_context(group.id)
    assert context is not None and (context.community_id, context.is_announcement_group) == (community.id, False)
    with pytest.raises(NotAnnouncementGroupError):
        second.send_text(community.id, "hi")
    assert second.export_knowledge() == exported


def test_the_document_matches_the_schema() -> None:
    jsonschema: Any = importlib.import_module("jsonschema")
    schema = json.loads((ROOT / "schemas" / "knowledge.v1.json").read_text())
    client = Client.simulated()
    community = client.create_community("Street")
    client.link_groups(community.id, [client.create_group("A", ["5511911110001"]).id])
    client.list_communities()
    document = json.loads(client.export_knowledge())
    jsonschema.validate(document, schema)
    assert document["communities"][0]["announcementGroup"]["source"] == "create_response"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**document, "version": 2}, schema)


@pytest.mark.parametrize(
    ("document", "hint"),
    [
        ("not json", "not a knowledge document"),
        ('{"version":2}', "version 2"),
        ('{"version":1,"communities":[{"id":"120363000000000001"},{"id":"nope"}]}', "communities[1].id"),
    ],
)
def test_a_bad_document_is_refused_whole(document: str, hint: str) -> None:
    client = Client.simulated()
    with pytest.raises(ValidationError) as refused:
        client.import_knowledge(document)
    assert refused.value.field == "knowledge" and hint in refused.value.reason
    assert client.export_knowledge() == EMPTY
