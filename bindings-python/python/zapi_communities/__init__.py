"""Typed client for the Communities features of the Z-API WhatsApp HTTP API.

``Client`` blocks (and releases the GIL while it waits); ``AsyncClient`` returns awaitables for
asyncio. Both have the same methods, speak to a real instance (keyword arguments or the ``ZAPI_*``
environment variables) or to the in-memory simulator (``Client.simulated()``), and raise
``ZapiError`` subclasses. A community is messaged through its announcement group: use
``announce()``.

The work is done by a Rust core (validation, requests, retries, announcement-group resolution);
this package is its binding. Log records go to the ``zapi_communities`` logger.
"""

from ._types import GroupMention
from ._zapi_communities import (
    Announcement,
    AnnouncementGroup,
    AnnouncementSource,
    ApiError,
    AsyncClient,
    AsyncPager,
    Chat,
    Client,
    Community,
    CommunitySummary,
    CreatedGroup,
    DecodeError,
    GroupAddPrivacy,
    GroupInvitationMetadata,
    GroupMetadata,
    GroupSettings,
    InvitationLinkError,
    InvitationLinkErrorKind,
    LinkedGroup,
    LinkOutcome,
    NotAnnouncementGroupError,
    NotFoundError,
    Pager,
    Participant,
    RateLimitedError,
    SentMessage,
    Simulator,
    SkippedGroup,
    TransportError,
    UnlinkOutcome,
    ValidationError,
    WhoCanAddGroups,
    ZapiError,
    __version__,
    parse_announcement_groups,
)

# Exported (the `as` form) but left out of `__all__`: `from zapi_communities import *` must not
# shadow the builtin `TimeoutError`, which `except TimeoutError` should keep meaning (ours is a
# subclass of it). Import it by name, or use `zapi_communities.TimeoutError`.
from ._zapi_communities import TimeoutError as TimeoutError

__all__ = [
    "Announcement",
    "AnnouncementGroup",
    "AnnouncementSource",
    "ApiError",
    "AsyncClient",
    "AsyncPager",
    "Chat",
    "Client",
    "Community",
    "CommunitySummary",
    "CreatedGroup",
    "DecodeError",
    "GroupAddPrivacy",
    "GroupInvitationMetadata",
    "GroupMention",
    "GroupMetadata",
    "GroupSettings",
    "InvitationLinkError",
    "InvitationLinkErrorKind",
    "LinkedGroup",
    "LinkOutcome",
    "NotAnnouncementGroupError",
    "NotFoundError",
    "Pager",
    "Participant",
    "RateLimitedError",
    "SentMessage",
    "Simulator",
    "SkippedGroup",
    "TransportError",
    "UnlinkOutcome",
    "ValidationError",
    "WhoCanAddGroups",
    "ZapiError",
    "__version__",
    "parse_announcement_groups",
]
