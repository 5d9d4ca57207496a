"""Plain-data argument types (typing only: at runtime they are dicts)."""

from typing import TypedDict


class GroupMention(TypedDict):
    """A group mentioned in a message (``group_mentioned=``).

    The message text must contain ``@<digits of group_id>`` where the group is mentioned, and
    the group must belong to the same community as the group the message is sent to.
    """

    group_id: str
    """The mentioned group (``…-group``)."""
    subject: str
    """The group's name as shown in the mention."""
