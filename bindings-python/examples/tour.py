"""A guided tour of the Communities features, in Python (the story of core/examples/tour.rs).

    python examples/tour.py               # on the embedded simulator: no network, no credentials
    python examples/tour.py --live        # on a real instance: ZAPI_INSTANCE_ID, ZAPI_TOKEN,
                                          # ZAPI_CLIENT_TOKEN, ZAPI_BASE_URL and ZAPI_TOUR_PHONES
                                          # (three or more comma-separated numbers)
    python examples/tour.py --quickstart  # only the README's quick start

Both modes run the same code; only the client differs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence
from typing import Callable

from zapi_communities import (
    Client,
    GroupNotification,
    GroupSettings,
    NotAnnouncementGroupError,
    Simulator,
    ValidationError,
    WebhookEvent,
    ZapiError,
    parse_webhook,
)

# Numbers the simulator accepts as people to add; a live run takes them from ZAPI_TOUR_PHONES.
DEMO_PHONES = ["5511911110001", "5511911110002", "5511911110003", "5511911110004"]


def quickstart() -> None:
    """The README's quick start: create a community, find its announcement group, announce."""
    # START quickstart
    from zapi_communities import Client

    client = Client.simulated()  # or Client.from_env(), or Client(instance_id="…", token="…")

    community = client.create_community("Rua das Flores", "Everything about our street")
    group = client.resolve_announcement_group(community.id)
    print(f"announcement group {group.group_id} (source: {group.source.value})")

    sent = client.announce(community.id, "Street party on Saturday at 6pm!", delay_typing=2)
    print(f"message {sent.message.message_id} queued in {sent.announcement_group.group_id}")
    # END quickstart


def run(
    client: Client, phones: Sequence[str], say: Callable[[str], None], simulator: Simulator | None = None
) -> None:
    """The story, line by line through ``say``. ``simulator`` is the one behind ``client``, if any:
    it plays someone outside the account asking to join (on a live instance that request comes from
    a real person, as a ``MEMBERSHIP_APPROVAL_REQUEST`` webhook)."""
    if len(phones) < 3:
        raise ValueError("the tour needs at least three phone numbers")

    say("1. Create a community")
    community = client.create_community("Rua das Flores", "Everything about our street")
    say(f'   community {community.id} "{community.name}"')
    announcement = client.resolve_announcement_group(community.id)
    say(
        f"   its announcement group is {announcement.group_id} (found in the "
        f"{announcement.source.value.replace('_', ' ')}; cached: {str(announcement.from_cache).lower()})"
    )

    say("2. Create two groups and link them")
    building = client.create_group("Building A", phones[:2], auto_invite=True)
    gardens = client.create_group("Gardens", phones[1:3], auto_invite=True)
    say(f"   created {building.id} (Building A) and {gardens.id} (Gardens)")
    client.link_groups(community.id, [building.id, gardens.id])
    metadata = client.community_metadata(community.id)
    regular = [g for g in metadata.groups if not g.is_announcement]
    say(f"   linked; the community now lists {len(regular)} groups besides the announcement group")

    say("3. Find the announcement group again, three ways")
    client.invalidate(community.id)
    from_metadata = client.resolve_announcement_group(community.id)
    say(f"   after forgetting it: {from_metadata.group_id} from the {from_metadata.source.value.replace('_', ' ')}")
    from_chats = client.resolve_announcement_group(community.id, source="chat_list")
    say(f"   from the chat list, confirmed by group metadata: {from_chats.group_id}")
    again = client.resolve_announcement_group(community.id)
    say(f"   asked again: {again.group_id} (cached: {str(again.from_cache).lower()})")

    say("4. Announce to the whole community")
    reach = members(client, announcement.group_id)
    sent = client.announce(community.id, "Street party on Saturday at 6pm!", delay_typing=2)
    say(
        f"   message {sent.message.message_id} queued in {sent.announcement_group.group_id}, "
        f"reaching {len(reach)} people"
    )
    # Sent means queued: while the phone is offline, messages wait in the instance's queue.
    say(f"   waiting in the queue for the phone: {len(client.queued_messages())} messages")
    try:
        client.send_text(community.id, "Street party on Saturday at 6pm!")
        say("   unexpected: sending to the community id was accepted")
    except NotAnnouncementGroupError:
        say("   sending to the community id itself is refused: use its announcement group")

    say("5. A bot decides on requests to join")
    client.update_group_settings(gardens.id, GroupSettings(require_admin_approval=True))
    say("   joining Gardens now needs an admin's approval")
    if simulator is not None:
        listed, stranger = "5511911110099", "5511911110098"
        link = client.group_invitation_link(gardens.id)
        simulator.take_webhooks()  # what the earlier steps posted
        simulator.invite_join(link, listed)
        simulator.invite_join(link, stranger)
        say(f"   {listed} (on the bot's list) and {stranger} (not on it) asked to join")
        # The bot's loop, fed by the simulator's webhooks instead of an HTTP receiver.
        while events := simulator.take_webhooks():
            for posted in events:
                line = bot(client, {listed}, parse_webhook(posted.body))
                if line is not None:
                    say(f"   bot: {line}")
        phones_in = {p.phone for p in client.community_members(community.id)}
        say(
            f"   the community has {len(phones_in)} members; {listed} in it: {str(listed in phones_in).lower()}, "
            f"{stranger} in it: {str(stranger in phones_in).lower()}"
        )
    else:
        say("   a bot decides on the requests your webhook posts: see the bot examples")

    say("6. Promote an admin and reset the invite link")
    client.add_admins(community.id, phones[2:3])
    say(f"   {phones[2]} is now a community admin")
    old_link = client.community_invitation_link(community.id)
    new_link = client.redefine_invitation_link(community.id)
    say(f"   invite link changed: {'yes' if old_link != new_link else 'no'}")

    say("7. Unlink a group")
    client.unlink_groups(community.id, [building.id])
    after = members(client, announcement.group_id)
    left = sorted(p for p in reach if p not in after)
    line = "   left the announcement group:" + "".join(f" {p}" for p in left)
    say(line if left else line + " nobody (everyone is still in another linked group)")
    try:
        client.unlink_groups(community.id, [gardens.id])
        say("   unexpected: unlinking the last group was accepted")
    except ValidationError as refused:
        say(f"   unlinking the last group is refused: {refused.reason}")

    say("8. Change who may add groups")
    client.update_community_settings(community.id, "all")
    say("   every member may now add groups")

    say("9. Deactivate the community")
    client.deactivate_community(community.id)
    for group_id in (building.id, gardens.id):
        meta = client.group_metadata(group_id)
        say(
            f"   group {meta.id} still exists, {len(meta.participants)} members, "
            f"community: {meta.community_id or 'none'}"
        )
    say("Done.")


def bot(client: Client, allowed: set[str], event: WebhookEvent) -> str | None:
    """The tour's bot: approves join requests from ``allowed``, rejects the rest, and welcomes new
    members of a linked group in the community's announcement group. Returns what it did."""
    match event:
        case WebhookEvent.Message(message=m) if isinstance(m.notification, GroupNotification.JoinRequest):
            yes = [p for p in m.notification.requesters if p in allowed]
            no = [p for p in m.notification.requesters if p not in allowed]
            done = []
            if yes:
                client.approve_participants(m.chat, yes)
                done.append(f"approved {', '.join(yes)}")
            if no:
                client.reject_participants(m.chat, no)
                done.append(f"rejected {', '.join(no)} (not on the list)")
            return "; ".join(done)
        case WebhookEvent.Message(message=m) if isinstance(m.notification, GroupNotification.ParticipantsAdded):
            context = client.community_context(m.chat)
            if context is None or context.is_announcement_group:
                return None
            welcome = f"Welcome, {', '.join(m.notification.participants)}!"
            client.announce(context.community_id, welcome)
            return f'announced "{welcome}" to the whole community'
        case _:
            return None


def members(client: Client, group_id: str) -> list[str]:
    return [p.phone for p in client.group_metadata(group_id).participants]


def main(argv: Sequence[str]) -> int:
    if "--quickstart" in argv:
        quickstart()
        return 0
    live = "--live" in argv or "ZAPI_INSTANCE_ID" in os.environ
    try:
        simulator = None
        if live:
            phones = [p.strip() for p in os.environ.get("ZAPI_TOUR_PHONES", "").split(",") if p.strip()]
            client = Client.from_env()
        else:
            simulator = Simulator()
            phones, client = DEMO_PHONES, Client.simulated(simulator)
        print(f"Running the tour on {'a live instance' if live else 'the embedded simulator'}\n")
        with client:
            run(client, phones, print, simulator)
    except (ZapiError, ValueError) as error:
        print(f"tour failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
