"""Type stubs of the native module (the Rust binding). Import from ``zapi_communities``."""

import builtins
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import ClassVar, Literal, TypeVar, final

from ._types import GroupMention

__version__: str
MAX_WEBHOOK_BYTES: int
"""The largest webhook body ``parse_webhook`` reads (1 MiB): refuse a longer ``Content-Length``
before reading it."""

_T = TypeVar("_T")

_SourceName = Literal["create_response", "community_metadata", "chat_list", "explicit"]
_WhoName = Literal["admins", "all"]
_GroupAddName = Literal["all", "contacts", "contact_blacklist"]
_WebhookName = Literal[
    "received", "received_and_sent", "delivery", "message_status", "disconnected", "connected", "chat_presence"
]

# ----- model ------------------------------------------------------------------------------------

@final
class WhoCanAddGroups:
    """Who may add new groups to a community."""

    ADMINS: ClassVar[WhoCanAddGroups]
    """Only community admins."""
    ALL: ClassVar[WhoCanAddGroups]
    """Any member."""
    @property
    def value(self) -> _WhoName:
        """The wire value: ``admins`` or ``all``."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class AnnouncementSource:
    """Where the announcement group of a community was found."""

    CREATE_RESPONSE: ClassVar[AnnouncementSource]
    """From the create-community response."""
    COMMUNITY_METADATA: ClassVar[AnnouncementSource]
    """From the community's metadata."""
    CHAT_LIST: ClassVar[AnnouncementSource]
    """From the chat list, confirmed by the group's metadata."""
    EXPLICIT: ClassVar[AnnouncementSource]
    """Told to the client with ``remember_announcement_group``."""
    @property
    def value(self) -> _SourceName:
        """The stable name: ``create_response``, ``community_metadata``, ``chat_list`` or ``explicit``."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class LinkedGroup:
    """One group of a community: a linked group or the announcement group."""

    @property
    def id(self) -> str:
        """The group id (``…-group``)."""
    @property
    def name(self) -> str:
        """The group's name."""
    @property
    def is_announcement(self) -> bool:
        """Whether this is the community's announcement group."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Community:
    """A community as the service describes it (create response or metadata)."""

    @property
    def id(self) -> str:
        """The community id (bare digits)."""
    @property
    def name(self) -> str:
        """The community's name (also the announcement group's name)."""
    @property
    def description(self) -> str | None:
        """The description, when the service returned one."""
    @property
    def announcement_group(self) -> str | None:
        """The announcement group's id, when the response listed it."""
    @property
    def groups(self) -> list[LinkedGroup]:
        """Every group the response listed, the announcement group included."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class CommunitySummary:
    """A line of the community list: id and name."""

    @property
    def id(self) -> str:
        """The community id."""
    @property
    def name(self) -> str:
        """The community's name."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class AnnouncementGroup:
    """The group through which a whole community is messaged."""

    @property
    def community_id(self) -> str:
        """The community it belongs to."""
    @property
    def group_id(self) -> str:
        """The group to send to."""
    @property
    def name(self) -> str | None:
        """Its name (the community's name), when known."""
    @property
    def source(self) -> AnnouncementSource:
        """How it was found."""
    @property
    def from_cache(self) -> bool:
        """Whether this answer came from the client's cache rather than a fresh lookup."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class CreatedGroup:
    """A group just created."""

    @property
    def id(self) -> str:
        """The new group's id."""
    @property
    def invitation_link(self) -> str | None:
        """Its invitation link, when returned."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Chat:
    """One line of the chat list."""

    @property
    def phone(self) -> str:
        """Contact phone or group id, as the service wrote it."""
    @property
    def name(self) -> str | None:
        """The chat's name, when present."""
    @property
    def is_group(self) -> bool:
        """A regular group."""
    @property
    def is_group_announcement(self) -> bool:
        """A community's announcement group."""
    @property
    def unread(self) -> int:
        """Unread messages."""
    @property
    def last_message_time(self) -> int | None:
        """Time of the last message as sent by the service."""
    @property
    def is_muted(self) -> bool:
        """Whether the chat is muted."""
    @property
    def archived(self) -> bool:
        """Whether the chat is archived."""
    @property
    def pinned(self) -> bool:
        """Whether the chat is pinned."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Participant:
    """A member of a group and their role."""

    @property
    def phone(self) -> str:
        """Phone or lid, as the service wrote it."""
    @property
    def is_admin(self) -> bool:
        """Whether they are an admin."""
    @property
    def is_super_admin(self) -> bool:
        """Whether they are the creator."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class WebhookKind:
    """One of the webhooks an instance posts to, each set by its own call."""

    RECEIVED: ClassVar[WebhookKind]
    """Received messages and group notifications."""
    RECEIVED_AND_SENT: ClassVar[WebhookKind]
    """Received messages, and those the connected number sends."""
    DELIVERY: ClassVar[WebhookKind]
    """Messages handed to WhatsApp."""
    MESSAGE_STATUS: ClassVar[WebhookKind]
    """Message status changes."""
    DISCONNECTED: ClassVar[WebhookKind]
    """The phone disconnected."""
    CONNECTED: ClassVar[WebhookKind]
    """The phone connected."""
    CHAT_PRESENCE: ClassVar[WebhookKind]
    """Chat presence."""
    @property
    def value(self) -> _WebhookName:
        """The stable name shared by every language."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class CommunityContext:
    """Where a group stands in a community (``Client.community_context``)."""

    @property
    def community_id(self) -> str:
        """The community."""
    @property
    def group_id(self) -> str:
        """The group asked about."""
    @property
    def is_announcement_group(self) -> bool:
        """Whether it is the community's announcement group (else a linked group)."""
    @property
    def from_cache(self) -> bool:
        """Whether the client answered from what it knew, without a request."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GroupAddPrivacy:
    """Who may add the connected number to groups."""

    ALL: ClassVar[GroupAddPrivacy]
    """Everyone (``ALL``)."""
    CONTACTS: ClassVar[GroupAddPrivacy]
    """Only the account's contacts (``CONTACTS``)."""
    CONTACT_BLACKLIST: ClassVar[GroupAddPrivacy]
    """The contacts, except those on the blacklist (``CONTACT_BLACKLIST``)."""
    @property
    def value(self) -> _GroupAddName:
        """The stable name shared by every language: ``all``, ``contacts`` or ``contact_blacklist``."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class GroupInvitationMetadata:
    """A group previewed from its invitation link, before joining. Every field but the id may be missing."""

    @property
    def id(self) -> str:
        """The group's id."""
    @property
    def name(self) -> str | None:
        """The group's name (``subject``)."""
    @property
    def description(self) -> str | None:
        """The description, when the service sent one."""
    @property
    def owner(self) -> str | None:
        """The creator's phone."""
    @property
    def creation(self) -> int | None:
        """Creation time in milliseconds."""
    @property
    def participants_count(self) -> int | None:
        """How many members the group has, when the service said."""
    @property
    def participants(self) -> list[Participant]:
        """The members the preview lists (possibly only some of them)."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GroupMetadata:
    """A group's metadata."""

    @property
    def id(self) -> str:
        """The group id."""
    @property
    def name(self) -> str | None:
        """The group's name."""
    @property
    def description(self) -> str | None:
        """The description."""
    @property
    def owner(self) -> str | None:
        """The creator's phone."""
    @property
    def creation(self) -> int | None:
        """Creation time in milliseconds."""
    @property
    def invitation_link(self) -> str | None:
        """The invitation link (only when the connected number is admin)."""
    @property
    def invitation_link_error(self) -> InvitationLinkError | None:
        """Why there is no invitation link, when the service says (``TOO_MANY_REQUESTS`` is its throttling signal)."""
    @property
    def community_id(self) -> str | None:
        """The community this group belongs to."""
    @property
    def is_group_announcement(self) -> bool:
        """Whether this is a community's announcement group."""
    @property
    def admin_only_message(self) -> bool:
        """Only admins may send messages."""
    @property
    def admin_only_settings(self) -> bool:
        """Only admins may edit the group's info."""
    @property
    def require_admin_approval(self) -> bool:
        """Joining requires an admin's approval."""
    @property
    def participants(self) -> list[Participant]:
        """The members."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class SkippedGroup:
    """A requested group that a link or unlink did not change."""

    @property
    def group_id(self) -> str:
        """The group."""
    @property
    def reason(self) -> str:
        """Why: the service's own reason when it gave one, else what the metadata shows."""
    @property
    def other_community(self) -> str | None:
        """The community the group belongs to instead, when known."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

_BulkName = Literal["done", "already_done", "invited", "not_done", "failed", "pending"]

@final
class BulkStatus:
    """One number's outcome in a bulk call."""

    DONE: ClassVar[BulkStatus]
    """The change happened: added, removed, promoted or demoted."""
    ALREADY_DONE: ClassVar[BulkStatus]
    """Nothing to do (already a member, not a member, …); not sent."""
    INVITED: ClassVar[BulkStatus]
    """Not added, and ``auto_invite`` asked the service to send them the group's link."""
    NOT_DONE: ClassVar[BulkStatus]
    """Accepted, but the change did not happen (for an add: privacy, or no WhatsApp, most often)."""
    FAILED: ClassVar[BulkStatus]
    """Its chunk failed; ``reason`` holds the error."""
    PENDING: ClassVar[BulkStatus]
    """Not sent: the run stopped first. Call again with the same list to resume."""
    @property
    def value(self) -> _BulkName:
        """The stable name: ``done``, ``already_done``, ``invited``, ``not_done``, ``failed`` or ``pending``."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class NumberOutcome:
    """One number of a bulk call and what happened to it."""

    @property
    def phone(self) -> str:
        """The number, normalised."""
    @property
    def status(self) -> BulkStatus:
        """What happened."""
    @property
    def reason(self) -> str | None:
        """Why, when known: the chunk's error for ``FAILED``, a likely cause for ``NOT_DONE``."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class BulkOutcome:
    """What a bulk call did: every number's outcome, in the order given, and what it cost."""

    @property
    def outcomes(self) -> list[NumberOutcome]:
        """One per distinct number."""
    @property
    def duplicates(self) -> list[int]:
        """Indices in the given list dropped as repeats of an earlier number."""
    @property
    def complete(self) -> bool:
        """Whether every chunk was sent; when not, call again with the same list to resume."""
    @property
    def requests(self) -> int:
        """Membership requests sent (one per chunk, plus one per 429 waited out)."""
    @property
    def metadata_reads(self) -> int:
        """Group metadata reads: one before the first chunk and one after each chunk."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class BulkProgress:
    """How far a bulk call has got, after a chunk."""

    @property
    def settled(self) -> int:
        """Numbers with an outcome so far, those already done before the call included."""
    @property
    def total(self) -> int:
        """Numbers in the call, repeats dropped."""
    @property
    def chunks_sent(self) -> int:
        """Chunks sent so far."""
    @property
    def chunks(self) -> int:
        """Chunks to send in all."""
    @property
    def latest(self) -> list[NumberOutcome]:
        """The outcomes of the chunk just sent."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class LinkOutcome:
    """Which of the requested groups ``link_groups`` linked, and which it did not."""

    @property
    def linked(self) -> list[str]:
        """The requested groups linked to the community now, in the order asked."""
    @property
    def skipped(self) -> list[SkippedGroup]:
        """The requested groups that are not, each with the reason."""
    @property
    def verified_by_metadata(self) -> bool:
        """Whether the outcome was read from the community's metadata after the call (one more GET)."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class UnlinkOutcome:
    """Which of the requested groups ``unlink_groups`` unlinked, and which it did not."""

    @property
    def unlinked(self) -> list[str]:
        """The requested groups no longer linked to the community, in the order asked."""
    @property
    def skipped(self) -> list[SkippedGroup]:
        """The requested groups that still are, each with the reason."""
    @property
    def verified_by_metadata(self) -> bool:
        """Whether the outcome was read from the community's metadata after the call (one more GET)."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class InvitationLinkErrorKind:
    """The documented reasons a group's metadata has no invitation link."""

    FORBIDDEN: ClassVar[InvitationLinkErrorKind]
    """``forbidden``: the connected number may not see the link."""
    NOT_AUTHORIZED: ClassVar[InvitationLinkErrorKind]
    """``not-authorized``: the connected number is not an admin of the group."""
    TOO_MANY_REQUESTS: ClassVar[InvitationLinkErrorKind]
    """``too many requests``: WhatsApp is throttling invitation-link lookups; slow down."""
    OTHER: ClassVar[InvitationLinkErrorKind]
    """Any other text (kept in ``InvitationLinkError.text``)."""
    @property
    def value(self) -> Literal["forbidden", "not_authorized", "too_many_requests", "other"]:
        """The stable name shared by every language."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class InvitationLinkError:
    """Why a group's metadata has no invitation link: the kind, and the service's own text."""

    @property
    def kind(self) -> InvitationLinkErrorKind:
        """What the text says."""
    @property
    def text(self) -> str:
        """The service's text, as sent."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class GroupSettings:
    """The four switches of ``update_group_settings`` (all four are sent)."""

    def __new__(
        cls,
        *,
        admin_only_message: bool = False,
        admin_only_settings: bool = False,
        require_admin_approval: bool = False,
        admin_only_add_member: bool = False,
    ) -> GroupSettings: ...
    @property
    def admin_only_message(self) -> bool:
        """Only admins may send messages."""
    @property
    def admin_only_settings(self) -> bool:
        """Only admins may edit the group's info."""
    @property
    def require_admin_approval(self) -> bool:
        """Joining requires an admin's approval."""
    @property
    def admin_only_add_member(self) -> bool:
        """Only admins may add members."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class SentMessage:
    """The ids of a queued message (queued, not yet delivered)."""

    @property
    def zaap_id(self) -> str:
        """Z-API's id for the message."""
    @property
    def message_id(self) -> str:
        """WhatsApp's id; keep it to reply to, edit or delete the message."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Announcement:
    """The result of ``announce``: where it went and the message ids."""

    @property
    def announcement_group(self) -> AnnouncementGroup:
        """The announcement group the message was sent to, and how it was found."""
    @property
    def message(self) -> SentMessage:
        """The queued message."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class QueuedMessage:
    """A message waiting in the queue."""

    @property
    def zaap_id(self) -> str:
        """Z-API's id for the message: the one ``send_text`` returned, and the one to delete it by."""
    @property
    def message_id(self) -> str | None:
        """WhatsApp's id, when the service gave one."""
    @property
    def phone(self) -> str:
        """The recipient: a phone number or a group id."""
    @property
    def message(self) -> str:
        """The text."""
    @property
    def delay_message(self) -> int | None:
        """Seconds the queue waits before sending it, when the message set a delay."""
    @property
    def delay_typing(self) -> int | None:
        """Seconds of "typing…" shown before it, when the message set one."""
    @property
    def created(self) -> int | None:
        """When it was queued, in milliseconds since the epoch."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class QueuePage:
    """One page of the queue, oldest message first."""

    @property
    def messages(self) -> list[QueuedMessage]:
        """The messages of this page."""
    @property
    def paging_state(self) -> str | None:
        """The cursor of the next page: pass it back as ``paging_state`` while ``has_more`` is true."""
    @property
    def has_more(self) -> bool:
        """Whether more messages follow this page."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

# ----- paging -----------------------------------------------------------------------------------

@final
class Pager(Iterator[_T]):
    """Every item of a list, fetched page by page (``for item in pager``)."""

    def __iter__(self) -> Pager[_T]: ...
    def __next__(self) -> _T: ...
    def next_page(self) -> list[_T] | None:
        """The next page (the rest of the current one when iteration stopped inside it), or None after the last."""

@final
class AsyncPager(AsyncIterator[_T]):
    """Every item of a list, fetched page by page (``async for item in pager``)."""

    def __aiter__(self) -> AsyncPager[_T]: ...
    def __anext__(self) -> Awaitable[_T]: ...
    def next_page(self) -> Awaitable[list[_T] | None]:
        """The next page (the rest of the current one when iteration stopped inside it), or None after the last."""

# ----- clients ----------------------------------------------------------------------------------

@final
class Simulator:
    """An in-memory Z-API instance (the demo credentials, nothing in it yet). Pass it to
    ``Client.simulated(simulator)`` to talk to it, and keep it to act as someone else."""

    def __init__(self) -> None: ...
    def invite_join(self, link: str, phone: str) -> Literal["requested", "joined", "already_member"]:
        """Someone (``phone``) follows an invitation link (a full link or its code): in a group that
        requires an admin's approval this is a join request, else they join."""
    def withdraw_join_request(self, group_id: str, phone: str) -> bool:
        """Someone (``phone``) withdraws their request to join a group: ``True``, and a
        ``JoinRequestRevoked`` event, if they had one."""
    def set_link_mode(self, group_id: str, mode: LinkMode) -> bool:
        """A group's admin sets in the WhatsApp app who may share its invitation link: ``True``,
        and a ``LinkModeChanged`` event, if that changed it."""
    def set_phone_connected(self, connected: bool) -> int:
        """The phone disconnects (``False``) or connects again (``True``): while it is disconnected
        each message sent waits in the queue, and reconnecting sends them in order. Returns how
        many were sent."""
    def take_webhooks(self) -> list[SimWebhook]:
        """Every event the instance has posted since the last call, oldest first."""

@final
class SimWebhook:
    """An event the simulated instance posts to a webhook."""

    @property
    def kind(self) -> WebhookKind:
        """The webhook it is for."""
    @property
    def url(self) -> str | None:
        """The URL set for that webhook, if any."""
    @property
    def body(self) -> str:
        """The JSON body, as the service would post it."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Client:
    """A blocking client for one Z-API instance (the GIL is released while it waits)."""

    def __init__(
        self,
        *,
        instance_id: str | None = None,
        token: str | None = None,
        client_token: str | None = None,
        base_url: str | None = None,
        proxy: bool | None = None,
        timeout_ms: int | None = None,
        max_retries: int | None = None,
        initial_backoff_ms: int | None = None,
        max_backoff_ms: int | None = None,
        max_body_bytes: int | None = None,
        allow_insecure_http: bool | None = None,
        page_size: int | None = None,
    ) -> None:
        """A client for one instance (``instance_id`` and ``token``), or for your backend
        (``proxy=True`` and ``base_url``), which holds them. Every option is optional; a missing
        one takes its default (``timeout_ms=30000``, ``max_retries=2``, ``initial_backoff_ms=200``,
        ``max_backoff_ms=10000``, ``max_body_bytes=33554432``, ``page_size=100``, ``base_url``
        ``https://api.z-api.io``). Plain ``http://`` is refused except to loopback unless
        ``allow_insecure_http=True``."""
    @staticmethod
    def from_env(
        *,
        instance_id: str | None = None,
        token: str | None = None,
        client_token: str | None = None,
        base_url: str | None = None,
        proxy: bool | None = None,
        timeout_ms: int | None = None,
        max_retries: int | None = None,
        initial_backoff_ms: int | None = None,
        max_backoff_ms: int | None = None,
        max_body_bytes: int | None = None,
        allow_insecure_http: bool | None = None,
        page_size: int | None = None,
    ) -> Client:
        """A client configured by the ``ZAPI_*`` variables (``ZAPI_`` and each option's name in
        capitals); the keyword arguments override them."""
    @staticmethod
    def simulated(simulator: Simulator | None = None) -> Client:
        """A client on a fresh in-memory simulator of the service, or on ``simulator``."""
    @property
    def instance_id(self) -> str: ...
    @property
    def base_url(self) -> str: ...
    @property
    def timeout_ms(self) -> int: ...
    @property
    def max_retries(self) -> int: ...
    @property
    def max_body_bytes(self) -> int: ...
    @property
    def page_size(self) -> int: ...
    @property
    def is_closed(self) -> bool: ...
    def close(self) -> None: ...
    def __enter__(self) -> Client: ...
    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool: ...
    # communities
    def create_community(self, name: str, description: str | None = None) -> Community: ...
    def list_communities(self, page: int = 1, page_size: int = 100) -> list[CommunitySummary]: ...
    def communities(self, page_size: int | None = None) -> Pager[CommunitySummary]: ...
    def community_metadata(self, community_id: str) -> Community: ...
    def link_groups(self, community_id: str, group_ids: Sequence[str]) -> LinkOutcome: ...
    def unlink_groups(self, community_id: str, group_ids: Sequence[str]) -> UnlinkOutcome: ...
    def deactivate_community(self, community_id: str) -> None: ...
    def update_community_settings(
        self, community_id: str, who_can_add_new_groups: WhoCanAddGroups | _WhoName
    ) -> None: ...
    def update_community_description(self, community_id: str, description: str) -> None: ...
    def update_community_photo(self, community_id: str, photo: str) -> None: ...
    # members
    def add_participants(self, target: str, phones: Sequence[str], *, auto_invite: bool = False) -> None: ...
    def remove_participants(self, target: str, phones: Sequence[str]) -> None: ...
    def add_admins(self, target: str, phones: Sequence[str]) -> None: ...
    def remove_admins(self, target: str, phones: Sequence[str]) -> None: ...
    def add_participants_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        auto_invite: bool = False,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> BulkOutcome: ...
    def remove_participants_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> BulkOutcome: ...
    def plan(self, spec: CommunitySpec | Mapping[str, object] | str) -> Plan: ...
    def apply(self, plan: Plan, *, dry_run: bool = False) -> ApplyOutcome: ...
    def add_admins_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> BulkOutcome: ...
    def remove_admins_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> BulkOutcome: ...
    # invitation links
    def redefine_invitation_link(self, target: str) -> str: ...
    def community_invitation_link(self, community_id: str) -> str: ...
    def group_invitation_link(self, group_id: str) -> str: ...
    def community_members(self, community_id: str) -> list[Participant]: ...
    def community_context(self, group_id: str) -> CommunityContext | None: ...
    # groups and chats
    def create_group(self, name: str, phones: Sequence[str], *, auto_invite: bool = False) -> CreatedGroup: ...
    def list_chats(self, page: int = 1, page_size: int = 100) -> list[Chat]: ...
    def list_announcement_groups(self, page: int = 1, page_size: int = 1000) -> list[str]:
        """The ids of the announcement groups on one page of the chat list, read without
        building a ``Chat`` for every entry. Not checked against group metadata."""
    def chats(self, page_size: int | None = None) -> Pager[Chat]: ...
    def group_metadata(self, group_id: str) -> GroupMetadata: ...
    def list_groups(self, page: int = 1, page_size: int = 100) -> list[Chat]: ...
    def groups(self, page_size: int | None = None) -> Pager[Chat]: ...
    def light_group_metadata(self, group_id: str) -> GroupMetadata: ...
    def community_of(self, group_id: str) -> str | None: ...
    def update_group_settings(self, group_id: str, settings: GroupSettings) -> None: ...
    # running a group
    def approve_participants(self, group_id: str, phones: Sequence[str]) -> None: ...
    def reject_participants(self, group_id: str, phones: Sequence[str]) -> None: ...
    def leave_group(self, group_id: str) -> None: ...
    def update_group_name(self, group_id: str, name: str) -> None: ...
    def update_group_description(self, group_id: str, description: str) -> None: ...
    def update_group_photo(self, group_id: str, photo: str) -> None: ...
    def accept_group_invite(self, link: str) -> None: ...
    def group_invitation_metadata(self, link: str) -> GroupInvitationMetadata: ...
    def set_group_add_privacy(
        self,
        who: GroupAddPrivacy | _GroupAddName,
        *,
        blacklist_add: Sequence[str] | None = None,
        blacklist_remove: Sequence[str] | None = None,
    ) -> None: ...
    def group_add_privacy(self) -> list[str]: ...
    # webhooks
    def set_webhook(self, kind: WebhookKind | _WebhookName, url: str) -> None: ...
    def set_every_webhook(self, url: str, *, notify_sent_by_me: bool | None = None) -> None: ...
    def set_notify_sent_by_me(self, enabled: bool) -> None: ...
    # messages
    def send_text(
        self,
        to: str,
        message: str,
        *,
        delay_message: int | None = None,
        delay_typing: int | None = None,
        edit_message_id: str | None = None,
        mentioned: Sequence[str] | None = None,
        group_mentioned: Sequence[GroupMention] | None = None,
    ) -> SentMessage: ...
    def announce(
        self,
        community_id: str,
        text: str,
        *,
        delay_message: int | None = None,
        delay_typing: int | None = None,
        mentioned: Sequence[str] | None = None,
        group_mentioned: Sequence[GroupMention] | None = None,
    ) -> Announcement: ...
    # the message queue
    def list_queue(self, paging_state: str | None = None, page_size: int | None = None) -> QueuePage: ...
    def queued_messages(self) -> list[QueuedMessage]: ...
    def delete_queued_message(self, zaap_id: str) -> None: ...
    def clear_queue(self) -> None: ...
    # announcement-group resolution
    def resolve_announcement_group(
        self, community_id: str, source: AnnouncementSource | _SourceName | None = None
    ) -> AnnouncementGroup: ...
    def remember_announcement_group(self, community_id: str, group_id: str) -> AnnouncementGroup: ...
    def cached_announcement_group(self, community_id: str) -> AnnouncementGroup | None: ...
    def invalidate(self, community_id: str) -> None: ...
    def invalidate_all(self) -> None: ...
    def export_knowledge(self) -> str:
        """What the client knows (announcement groups, linked groups, group owners) as a versioned
        JSON document, for ``import_knowledge`` in another process or after a restart."""
    def import_knowledge(self, json: str) -> None:
        """Adds a document written by ``export_knowledge``; raises ``ValidationError`` naming
        ``knowledge`` (and changes nothing) for one it cannot read."""

@final
class AsyncClient:
    """An asyncio client for one Z-API instance: the methods of ``Client``, awaitable.

    Call the methods inside a running event loop; each request starts when the method is called.
    """

    def __init__(
        self,
        *,
        instance_id: str | None = None,
        token: str | None = None,
        client_token: str | None = None,
        base_url: str | None = None,
        proxy: bool | None = None,
        timeout_ms: int | None = None,
        max_retries: int | None = None,
        initial_backoff_ms: int | None = None,
        max_backoff_ms: int | None = None,
        max_body_bytes: int | None = None,
        allow_insecure_http: bool | None = None,
        page_size: int | None = None,
    ) -> None:
        """An asyncio client; the options are those of ``Client``."""
    @staticmethod
    def from_env(
        *,
        instance_id: str | None = None,
        token: str | None = None,
        client_token: str | None = None,
        base_url: str | None = None,
        proxy: bool | None = None,
        timeout_ms: int | None = None,
        max_retries: int | None = None,
        initial_backoff_ms: int | None = None,
        max_backoff_ms: int | None = None,
        max_body_bytes: int | None = None,
        allow_insecure_http: bool | None = None,
        page_size: int | None = None,
    ) -> AsyncClient:
        """An asyncio client configured by the ``ZAPI_*`` variables; the keyword arguments override them."""
    @staticmethod
    def simulated(simulator: Simulator | None = None) -> AsyncClient:
        """An asyncio client on a fresh in-memory simulator of the service, or on ``simulator``."""
    @property
    def instance_id(self) -> str: ...
    @property
    def base_url(self) -> str: ...
    @property
    def timeout_ms(self) -> int: ...
    @property
    def max_retries(self) -> int: ...
    @property
    def max_body_bytes(self) -> int: ...
    @property
    def page_size(self) -> int: ...
    @property
    def is_closed(self) -> bool: ...
    def close(self) -> Awaitable[None]: ...
    def __aenter__(self) -> Awaitable[AsyncClient]: ...
    def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> Awaitable[bool]: ...
    # communities
    def create_community(self, name: str, description: str | None = None) -> Awaitable[Community]: ...
    def list_communities(self, page: int = 1, page_size: int = 100) -> Awaitable[list[CommunitySummary]]: ...
    def communities(self, page_size: int | None = None) -> AsyncPager[CommunitySummary]: ...
    def community_metadata(self, community_id: str) -> Awaitable[Community]: ...
    def link_groups(self, community_id: str, group_ids: Sequence[str]) -> Awaitable[LinkOutcome]: ...
    def unlink_groups(self, community_id: str, group_ids: Sequence[str]) -> Awaitable[UnlinkOutcome]: ...
    def deactivate_community(self, community_id: str) -> Awaitable[None]: ...
    def update_community_settings(
        self, community_id: str, who_can_add_new_groups: WhoCanAddGroups | _WhoName
    ) -> Awaitable[None]: ...
    def update_community_description(self, community_id: str, description: str) -> Awaitable[None]: ...
    def update_community_photo(self, community_id: str, photo: str) -> Awaitable[None]: ...
    # members
    def add_participants(
        self, target: str, phones: Sequence[str], *, auto_invite: bool = False
    ) -> Awaitable[None]: ...
    def remove_participants(self, target: str, phones: Sequence[str]) -> Awaitable[None]: ...
    def add_admins(self, target: str, phones: Sequence[str]) -> Awaitable[None]: ...
    def remove_admins(self, target: str, phones: Sequence[str]) -> Awaitable[None]: ...
    def add_participants_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        auto_invite: bool = False,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> Awaitable[BulkOutcome]: ...
    def remove_participants_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> Awaitable[BulkOutcome]: ...
    def plan(self, spec: CommunitySpec | Mapping[str, object] | str) -> Awaitable[Plan]: ...
    def apply(self, plan: Plan, *, dry_run: bool = False) -> Awaitable[ApplyOutcome]: ...
    def add_admins_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> Awaitable[BulkOutcome]: ...
    def remove_admins_bulk(
        self,
        target: str,
        phones: Sequence[str],
        *,
        chunk_size: int | None = None,
        pause_ms: int | None = None,
        progress: Callable[[BulkProgress], object] | None = None,
    ) -> Awaitable[BulkOutcome]: ...
    # invitation links
    def redefine_invitation_link(self, target: str) -> Awaitable[str]: ...
    def community_invitation_link(self, community_id: str) -> Awaitable[str]: ...
    def group_invitation_link(self, group_id: str) -> Awaitable[str]: ...
    def community_members(self, community_id: str) -> Awaitable[list[Participant]]: ...
    def community_context(self, group_id: str) -> Awaitable[CommunityContext | None]: ...
    # groups and chats
    def create_group(
        self, name: str, phones: Sequence[str], *, auto_invite: bool = False
    ) -> Awaitable[CreatedGroup]: ...
    def list_chats(self, page: int = 1, page_size: int = 100) -> Awaitable[list[Chat]]: ...
    def list_announcement_groups(self, page: int = 1, page_size: int = 1000) -> Awaitable[list[str]]:
        """The ids of the announcement groups on one page of the chat list, read without
        building a ``Chat`` for every entry. Not checked against group metadata."""
    def chats(self, page_size: int | None = None) -> AsyncPager[Chat]: ...
    def group_metadata(self, group_id: str) -> Awaitable[GroupMetadata]: ...
    def list_groups(self, page: int = 1, page_size: int = 100) -> Awaitable[list[Chat]]: ...
    def groups(self, page_size: int | None = None) -> AsyncPager[Chat]: ...
    def light_group_metadata(self, group_id: str) -> Awaitable[GroupMetadata]: ...
    def community_of(self, group_id: str) -> Awaitable[str | None]: ...
    def update_group_settings(self, group_id: str, settings: GroupSettings) -> Awaitable[None]: ...
    # running a group
    def approve_participants(self, group_id: str, phones: Sequence[str]) -> Awaitable[None]: ...
    def reject_participants(self, group_id: str, phones: Sequence[str]) -> Awaitable[None]: ...
    def leave_group(self, group_id: str) -> Awaitable[None]: ...
    def update_group_name(self, group_id: str, name: str) -> Awaitable[None]: ...
    def update_group_description(self, group_id: str, description: str) -> Awaitable[None]: ...
    def update_group_photo(self, group_id: str, photo: str) -> Awaitable[None]: ...
    def accept_group_invite(self, link: str) -> Awaitable[None]: ...
    def group_invitation_metadata(self, link: str) -> Awaitable[GroupInvitationMetadata]: ...
    def set_group_add_privacy(
        self,
        who: GroupAddPrivacy | _GroupAddName,
        *,
        blacklist_add: Sequence[str] | None = None,
        blacklist_remove: Sequence[str] | None = None,
    ) -> Awaitable[None]: ...
    def group_add_privacy(self) -> Awaitable[list[str]]: ...
    # webhooks
    def set_webhook(self, kind: WebhookKind | _WebhookName, url: str) -> Awaitable[None]: ...
    def set_every_webhook(self, url: str, *, notify_sent_by_me: bool | None = None) -> Awaitable[None]: ...
    def set_notify_sent_by_me(self, enabled: bool) -> Awaitable[None]: ...
    # messages
    def send_text(
        self,
        to: str,
        message: str,
        *,
        delay_message: int | None = None,
        delay_typing: int | None = None,
        edit_message_id: str | None = None,
        mentioned: Sequence[str] | None = None,
        group_mentioned: Sequence[GroupMention] | None = None,
    ) -> Awaitable[SentMessage]: ...
    def announce(
        self,
        community_id: str,
        text: str,
        *,
        delay_message: int | None = None,
        delay_typing: int | None = None,
        mentioned: Sequence[str] | None = None,
        group_mentioned: Sequence[GroupMention] | None = None,
    ) -> Awaitable[Announcement]: ...
    # the message queue
    def list_queue(self, paging_state: str | None = None, page_size: int | None = None) -> Awaitable[QueuePage]: ...
    def queued_messages(self) -> Awaitable[list[QueuedMessage]]: ...
    def delete_queued_message(self, zaap_id: str) -> Awaitable[None]: ...
    def clear_queue(self) -> Awaitable[None]: ...
    # announcement-group resolution
    def resolve_announcement_group(
        self, community_id: str, source: AnnouncementSource | _SourceName | None = None
    ) -> Awaitable[AnnouncementGroup]: ...
    def remember_announcement_group(self, community_id: str, group_id: str) -> AnnouncementGroup: ...
    def cached_announcement_group(self, community_id: str) -> AnnouncementGroup | None: ...
    def invalidate(self, community_id: str) -> None: ...
    def invalidate_all(self) -> None: ...
    def export_knowledge(self) -> str:
        """What the client knows (announcement groups, linked groups, group owners) as a versioned
        JSON document, for ``import_knowledge`` in another process or after a restart."""
    def import_knowledge(self, json: str) -> None:
        """Adds a document written by ``export_knowledge``; raises ``ValidationError`` naming
        ``knowledge`` (and changes nothing) for one it cannot read."""

# ----- errors -----------------------------------------------------------------------------------

class ZapiError(Exception):
    """Base class of every error this package raises."""

    kind: str
    """The stable name of the error kind, shared by every language."""

class ValidationError(ZapiError, ValueError):
    """An argument was rejected before any request was sent."""

    field: str
    """The argument, named as in the call (``name``, ``group_ids[3]``, ``delay_message``)."""
    reason: str
    """Why it was rejected."""

class ApiError(ZapiError):
    """The service answered with an error."""

    status: int
    """The HTTP status (200 when a 2xx body reported failure; 0 for a redirect a browser hid)."""
    detail: str
    """The service's message."""

class RateLimitedError(ZapiError):
    """The service asked to slow down (HTTP 429)."""

    retry_after_ms: int | None
    """Milliseconds to wait, when the service said."""

class TimeoutError(ZapiError, builtins.TimeoutError):
    """The request did not complete within the timeout; a POST may have been applied."""

    timeout_ms: int
    """The timeout in force, in milliseconds."""

class TransportError(ZapiError):
    """The connection failed."""

    detail: str
    """What failed (never a URL or a token)."""
    sent: bool
    """False only when the request provably never left."""

class DecodeError(ZapiError):
    """A successful response whose body could not be understood."""

    detail: str
    """What was wrong with the body."""

class NotFoundError(ZapiError):
    """What was asked for does not exist."""

    what: str
    """The kind of thing looked for."""
    id: str
    """The id it was looked for by."""

class NotAnnouncementGroupError(ZapiError):
    """A message was addressed to a community's own id: use its announcement group (``announce``)."""

    community_id: str
    """The community id the message was addressed to."""
    announcement_group: str | None
    """The announcement group to use instead, when the client already knows it."""

# ----- webhooks ---------------------------------------------------------------------------------

@final
class DeliveryStatus:
    """Where messages stand."""

    SENT: ClassVar[DeliveryStatus]
    """``SENT``."""
    RECEIVED: ClassVar[DeliveryStatus]
    """``RECEIVED``: delivered."""
    READ: ClassVar[DeliveryStatus]
    """``READ``."""
    READ_BY_ME: ClassVar[DeliveryStatus]
    """``READ_BY_ME``: read on the connected number."""
    PLAYED: ClassVar[DeliveryStatus]
    """``PLAYED``: an audio was heard."""
    OTHER: ClassVar[DeliveryStatus]
    """A value the docs do not list (kept in ``status_text``)."""
    @property
    def value(self) -> Literal["sent", "received", "read", "read_by_me", "played", "other"]:
        """The stable name shared by every language."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class PresenceStatus:
    """What a contact is doing in a chat."""

    AVAILABLE: ClassVar[PresenceStatus]
    """Online."""
    UNAVAILABLE: ClassVar[PresenceStatus]
    """Away."""
    COMPOSING: ClassVar[PresenceStatus]
    """Typing."""
    RECORDING: ClassVar[PresenceStatus]
    """Recording audio."""
    PAUSED: ClassVar[PresenceStatus]
    """Stopped typing."""
    OTHER: ClassVar[PresenceStatus]
    """A value the docs do not list (kept in ``status_text``)."""
    @property
    def value(self) -> Literal["available", "unavailable", "composing", "recording", "paused", "other"]:
        """The stable name shared by every language."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class JoinRequestMethod:
    """How someone asked to join a group that needs an admin's approval."""

    INVITE_LINK: ClassVar[JoinRequestMethod]
    """They followed the invitation link."""
    NON_ADMIN_ADD: ClassVar[JoinRequestMethod]
    """A member who is not an admin tried to add them."""
    OTHER: ClassVar[JoinRequestMethod]
    """Not said, or a value the docs do not list."""
    @property
    def value(self) -> Literal["invite_link", "non_admin_add", "other"]:
        """The stable name shared by every language."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class LinkMode:
    """Who may share a group's invitation link."""

    ADMINS_ONLY: ClassVar[LinkMode]
    """Only admins."""
    ALL_MEMBERS: ClassVar[LinkMode]
    """Every member."""
    @property
    def value(self) -> Literal["admins_only", "all_members"]:
        """The stable name shared by every language."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class MessageContent:
    """The content of a received message, by kind (a ``match`` on the variant classes)."""

    @final
    class Text(MessageContent):
        """Text."""

        __match_args__ = ('message', 'title', 'description', 'url',)
        def __init__(self, message: str, title: str | None, description: str | None, url: str | None) -> None: ...
        @property
        def message(self) -> str:
            """The text."""
        @property
        def title(self) -> str | None:
            """A title WhatsApp attached."""
        @property
        def description(self) -> str | None:
            """A description WhatsApp attached."""
        @property
        def url(self) -> str | None:
            """A link the message carries."""

    @final
    class Image(MessageContent):
        """An image."""

        __match_args__ = ('url', 'caption', 'mime_type',)
        def __init__(self, url: str | None, caption: str | None, mime_type: str | None) -> None: ...
        @property
        def url(self) -> str | None:
            """Where to download it (expires after 30 days)."""
        @property
        def caption(self) -> str | None:
            """Its caption."""
        @property
        def mime_type(self) -> str | None:
            """Its MIME type."""

    @final
    class Audio(MessageContent):
        """An audio message."""

        __match_args__ = ('url', 'mime_type', 'seconds', 'ptt',)
        def __init__(self, url: str | None, mime_type: str | None, seconds: int | None, ptt: bool) -> None: ...
        @property
        def url(self) -> str | None:
            """Where to download it."""
        @property
        def mime_type(self) -> str | None:
            """Its MIME type."""
        @property
        def seconds(self) -> int | None:
            """How long it is."""
        @property
        def ptt(self) -> bool:
            """Whether it was recorded as a voice note."""

    @final
    class Video(MessageContent):
        """A video."""

        __match_args__ = ('url', 'caption', 'mime_type', 'seconds',)
        def __init__(self, url: str | None, caption: str | None, mime_type: str | None, seconds: int | None) -> None: ...
        @property
        def url(self) -> str | None:
            """Where to download it."""
        @property
        def caption(self) -> str | None:
            """Its caption."""
        @property
        def mime_type(self) -> str | None:
            """Its MIME type."""
        @property
        def seconds(self) -> int | None:
            """How long it is."""

    @final
    class Document(MessageContent):
        """A document."""

        __match_args__ = ('url', 'file_name', 'title', 'mime_type',)
        def __init__(self, url: str | None, file_name: str | None, title: str | None, mime_type: str | None) -> None: ...
        @property
        def url(self) -> str | None:
            """Where to download it."""
        @property
        def file_name(self) -> str | None:
            """Its file name."""
        @property
        def title(self) -> str | None:
            """Its title."""
        @property
        def mime_type(self) -> str | None:
            """Its MIME type."""

    @final
    class Location(MessageContent):
        """A location."""

        __match_args__ = ('latitude', 'longitude', 'name', 'address',)
        def __init__(self, latitude: float | None, longitude: float | None, name: str | None, address: str | None) -> None: ...
        @property
        def latitude(self) -> float | None:
            """Latitude."""
        @property
        def longitude(self) -> float | None:
            """Longitude."""
        @property
        def name(self) -> str | None:
            """The place's name."""
        @property
        def address(self) -> str | None:
            """Its address."""

    @final
    class Contact(MessageContent):
        """A contact card."""

        __match_args__ = ('display_name', 'vcard',)
        def __init__(self, display_name: str | None, vcard: str | None) -> None: ...
        @property
        def display_name(self) -> str | None:
            """The name shown."""
        @property
        def vcard(self) -> str | None:
            """The vCard."""

    @final
    class Sticker(MessageContent):
        """A sticker."""

        __match_args__ = ('url', 'mime_type',)
        def __init__(self, url: str | None, mime_type: str | None) -> None: ...
        @property
        def url(self) -> str | None:
            """Where to download it."""
        @property
        def mime_type(self) -> str | None:
            """Its MIME type."""

    @final
    class Reaction(MessageContent):
        """A reaction to an earlier message."""

        __match_args__ = ('value', 'referenced_message_id',)
        def __init__(self, value: str | None, referenced_message_id: str | None) -> None: ...
        @property
        def value(self) -> str | None:
            """The emoji."""
        @property
        def referenced_message_id(self) -> str | None:
            """The message reacted to."""

    @final
    class Other(MessageContent):
        """Any other kind, named by its key in the body, with that object as JSON text."""

        __match_args__ = ('name', 'json',)
        def __init__(self, name: str, json: str) -> None: ...
        @property
        def name(self) -> str:
            """The body's key for it."""
        @property
        def json(self) -> str:
            """Its JSON."""

    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class GroupNotification:
    """A group notification, its parameters named (a ``match`` on the variant classes)."""

    @final
    class JoinRequest(GroupNotification):
        """People wait for an admin's approval to join; decide with ``approve_participants`` / ``reject_participants``."""

        __match_args__ = ('requesters', 'method', 'added_by',)
        def __init__(self, requesters: list[str], method: JoinRequestMethod, added_by: str | None) -> None: ...
        @property
        def requesters(self) -> list[str]:
            """The numbers to approve or reject."""
        @property
        def method(self) -> JoinRequestMethod:
            """How they asked."""
        @property
        def added_by(self) -> str | None:
            """The member who tried to add them."""

    @final
    class JoinRequestRevoked(GroupNotification):
        """People withdrew their request."""

        __match_args__ = ('requesters',)
        def __init__(self, requesters: list[str]) -> None: ...
        @property
        def requesters(self) -> list[str]:
            """Who withdrew."""

    @final
    class LinkModeChanged(GroupNotification):
        """Who may share the invitation link changed."""

        __match_args__ = ('link_mode',)
        def __init__(self, link_mode: LinkMode) -> None: ...
        @property
        def link_mode(self) -> LinkMode:
            """Who may share it now."""

    @final
    class GroupCreated(GroupNotification):
        """The group was created."""

        __match_args__ = ('name',)
        def __init__(self, name: str | None) -> None: ...
        @property
        def name(self) -> str | None:
            """Its name."""

    @final
    class ParticipantsAdded(GroupNotification):
        """People were added."""

        __match_args__ = ('participants',)
        def __init__(self, participants: list[str]) -> None: ...
        @property
        def participants(self) -> list[str]:
            """Who."""

    @final
    class ParticipantsRemoved(GroupNotification):
        """People were removed."""

        __match_args__ = ('participants',)
        def __init__(self, participants: list[str]) -> None: ...
        @property
        def participants(self) -> list[str]:
            """Who."""

    @final
    class ParticipantsLeft(GroupNotification):
        """People left."""

        __match_args__ = ('participants',)
        def __init__(self, participants: list[str]) -> None: ...
        @property
        def participants(self) -> list[str]:
            """Who."""

    @final
    class Unknown(GroupNotification):
        """Any other notification, as sent."""

        __match_args__ = ('name', 'parameters',)
        def __init__(self, name: str, parameters: list[str]) -> None: ...
        @property
        def name(self) -> str:
            """``notification``."""
        @property
        def parameters(self) -> list[str]:
            """``notificationParameters``."""

    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ReceivedMessage:
    """A message or a group notification the connected number received."""

    @property
    def chat(self) -> str:
        """The chat: a phone number, a group id, ``…@lid``, ``…@newsletter`` or ``…-broadcast``."""
    @property
    def message_id(self) -> str | None:
        """The message id."""
    @property
    def is_group(self) -> bool:
        """Whether the chat is a group."""
    @property
    def is_newsletter(self) -> bool:
        """Whether the chat is a newsletter."""
    @property
    def from_me(self) -> bool:
        """Whether the connected number sent it."""
    @property
    def from_api(self) -> bool:
        """Whether it was sent through the API."""
    @property
    def is_edit(self) -> bool:
        """Whether it edits an earlier message."""
    @property
    def moment(self) -> int | None:
        """When, as the service wrote it."""
    @property
    def participant_phone(self) -> str | None:
        """Who wrote it in a group (or who acted)."""
    @property
    def sender_name(self) -> str | None:
        """The sender's name."""
    @property
    def chat_name(self) -> str | None:
        """The chat's name."""
    @property
    def connected_phone(self) -> str | None:
        """The connected number."""
    @property
    def instance_id(self) -> str | None:
        """The instance."""
    @property
    def status(self) -> str | None:
        """The message's status, as written."""
    @property
    def reference_message_id(self) -> str | None:
        """The message this one replies to."""
    @property
    def content(self) -> MessageContent | None:
        """What the message holds; none for notifications."""
    @property
    def notification(self) -> GroupNotification | None:
        """The group notification this message is, if any."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Delivery:
    """A message the API sent, handed to WhatsApp."""

    @property
    def phone(self) -> str | None:
        """The recipient."""
    @property
    def zaap_id(self) -> str | None:
        """The queue id."""
    @property
    def message_id(self) -> str | None:
        """The message id."""
    @property
    def instance_id(self) -> str | None:
        """The instance."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class MessageStatus:
    """A status change of messages."""

    @property
    def status(self) -> DeliveryStatus:
        """The new status."""
    @property
    def status_text(self) -> str:
        """The status as written."""
    @property
    def ids(self) -> list[str]:
        """The messages it applies to."""
    @property
    def phone(self) -> str | None:
        """The chat."""
    @property
    def is_group(self) -> bool:
        """Whether the chat is a group."""
    @property
    def moment(self) -> int | None:
        """When, as written."""
    @property
    def instance_id(self) -> str | None:
        """The instance."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Connection:
    """The phone connected to the instance."""

    @property
    def phone(self) -> str | None:
        """The connected number."""
    @property
    def connected(self) -> bool:
        """``connected`` as sent."""
    @property
    def moment(self) -> int | None:
        """When, as written."""
    @property
    def instance_id(self) -> str | None:
        """The instance."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Disconnection:
    """The phone disconnected from the instance."""

    @property
    def error(self) -> str | None:
        """Why, as written."""
    @property
    def disconnected(self) -> bool:
        """``disconnected`` as sent."""
    @property
    def moment(self) -> int | None:
        """When, as written."""
    @property
    def instance_id(self) -> str | None:
        """The instance."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Presence:
    """A presence update in a chat."""

    @property
    def phone(self) -> str | None:
        """The contact."""
    @property
    def status(self) -> PresenceStatus:
        """What they are doing."""
    @property
    def status_text(self) -> str:
        """The status as written."""
    @property
    def last_seen(self) -> int | None:
        """When they were last seen."""
    @property
    def instance_id(self) -> str | None:
        """The instance."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

# The records under the names the variants of WebhookEvent shadow inside its body.
_Delivery = Delivery
_Presence = Presence

class WebhookEvent:
    """One webhook delivery, by its callback type (a ``match`` on the variant classes)."""

    @final
    class Message(WebhookEvent):
        """A message or a group notification arrived."""

        __match_args__ = ('message',)
        def __init__(self, message: ReceivedMessage) -> None: ...
        @property
        def message(self) -> ReceivedMessage:
            """The message."""

    @final
    class Delivery(WebhookEvent):
        """A message the API sent was handed to WhatsApp."""

        __match_args__ = ('delivery',)
        def __init__(self, delivery: _Delivery) -> None: ...
        @property
        def delivery(self) -> _Delivery:
            """Which message."""

    @final
    class Status(WebhookEvent):
        """Messages were delivered, read or played."""

        __match_args__ = ('status',)
        def __init__(self, status: MessageStatus) -> None: ...
        @property
        def status(self) -> MessageStatus:
            """The new status and the messages."""

    @final
    class Connected(WebhookEvent):
        """The phone connected."""

        __match_args__ = ('connection',)
        def __init__(self, connection: Connection) -> None: ...
        @property
        def connection(self) -> Connection:
            """The connection."""

    @final
    class Disconnected(WebhookEvent):
        """The phone disconnected."""

        __match_args__ = ('disconnection',)
        def __init__(self, disconnection: Disconnection) -> None: ...
        @property
        def disconnection(self) -> Disconnection:
            """The disconnection."""

    @final
    class Presence(WebhookEvent):
        """Someone is typing, recording, online or away."""

        __match_args__ = ('presence',)
        def __init__(self, presence: _Presence) -> None: ...
        @property
        def presence(self) -> _Presence:
            """The presence."""

    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def parse_webhook(body: bytes | str) -> WebhookEvent:
    """Reads one webhook body into its event; raises ``DecodeError`` for a body that is not one.
    The service signs nothing: check the secret in your webhook URL first."""

@final
class WebhookSecret:
    """The secret path segment of your webhook URL: the service signs nothing, so this is how a
    handler tells the instance's posts from anyone else's. ``repr`` never shows it.

    Raises ``ValidationError`` naming ``secret`` for a value that is not 22 to 128 characters of
    ``A-Z a-z 0-9 - _``."""

    def __init__(self, value: str) -> None: ...
    @staticmethod
    def generate() -> WebhookSecret:
        """A new secret from the operating system's random source: 256 bits, 43 URL-safe characters."""
    def expose(self) -> str:
        """The secret itself, to store with your other credentials. Never log it."""
    def url(self, base_url: str) -> str:
        """The URL to give ``set_webhook`` or ``set_every_webhook``: ``base_url`` with the secret as
        one more path segment. Raises ``ValidationError`` naming ``base_url``."""
    def verify(self, request_target: str) -> bool:
        """Whether an incoming request's target (``self.path``, ``PATH_INFO`` or a whole URL) ends in
        this secret. Compared in constant time."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

def parse_announcement_groups(body: bytes | str) -> list[str]:
    """The ids of the announcement groups (``isGroupAnnouncement``) in the body of a
    ``GET /chats`` response you fetched yourself. Scanned in Rust with the GIL released.

    Raises ``ApiError`` for an ``{"error": …}`` body, ``DecodeError`` for one that is not a chat
    list, ``TypeError`` for anything but ``bytes`` or ``str``."""

@final
class GroupSpec:
    """A group of the community as it should be: ``members`` (admins are members too) and ``admins`` left out are left as they are."""

    def __init__(
        self,
        name: str,
        *,
        id: str | None = None,
        members: Sequence[str] | None = None,
        admins: Sequence[str] | None = None,
    ) -> None: ...
    @property
    def id(self) -> str | None:
        """Its id: when given, the group is found by it and renamed to ``name`` if its name differs."""
    @property
    def name(self) -> str:
        """How the group is found when it has no id (linked, else among groups in no community), and its name."""
    @property
    def members(self) -> list[str] | None:
        """Everyone who should be in it besides the account itself; ``None`` leaves them alone."""
    @property
    def admins(self) -> list[str] | None:
        """Its admins besides its creator; ``None`` leaves them alone."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class CommunitySettingsSpec:
    """The community settings a spec declares."""

    def __init__(self, *, who_can_add_new_groups: WhoCanAddGroups) -> None: ...
    @property
    def who_can_add_new_groups(self) -> WhoCanAddGroups:
        """Who may add groups to the community."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class CommunitySpec:
    """A community as it should be (``schemas/community-spec.v1.json``); parts left out are left as they are."""

    def __init__(
        self,
        name: str,
        *,
        description: str | None = None,
        photo: str | None = None,
        settings: CommunitySettingsSpec | None = None,
        groups: Sequence[GroupSpec] = (),
        admins: Sequence[str] | None = None,
    ) -> None: ...
    @property
    def version(self) -> int | None:
        """The document version (1 when left out)."""
    @property
    def name(self) -> str:
        """The community's name: how it is found among the account's communities."""
    @property
    def description(self) -> str | None:
        """Its description."""
    @property
    def photo(self) -> str | None:
        """Its photo, set when the plan creates the community (the service does not report it)."""
    @property
    def settings(self) -> CommunitySettingsSpec | None:
        """Its settings, set when the plan creates the community (the service does not report them)."""
    @property
    def groups(self) -> list[GroupSpec]:
        """Its regular groups, matched by name; linked groups not listed are unlinked (never the last)."""
    @property
    def admins(self) -> list[str] | None:
        """The community's admins besides its creator; each must be in one of its groups."""
    def to_json(self) -> str:
        """The spec as its JSON document."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class PlannedGroup:
    """A group a change acts on: its spec name, and its id unless the plan creates it."""

    @property
    def name(self) -> str:
        """The group's name."""
    @property
    def id(self) -> str | None:
        """Its id; ``None`` for a group an earlier step creates."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

class PlanChange:
    """One change of a plan (a ``match`` on the variant classes)."""

    @property
    def kind(self) -> str:
        """The stable name shared by every language: ``create_community``, ``link_groups``, …"""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
    @final
    class CreateCommunity(PlanChange):
        """Create the community (and with it its announcement group)."""

        __match_args__ = ('name', 'description',)
        def __init__(self, name: str, description: str | None) -> None: ...
        @property
        def name(self) -> str:
            """Its name."""
        @property
        def description(self) -> str | None:
            """Its description."""

    @final
    class UpdateDescription(PlanChange):
        """Replace the community's description."""

        __match_args__ = ('description',)
        def __init__(self, description: str) -> None: ...
        @property
        def description(self) -> str:
            """The new description."""

    @final
    class UpdateSettings(PlanChange):
        """Set who may add groups."""

        __match_args__ = ('who_can_add_new_groups',)
        def __init__(self, who_can_add_new_groups: WhoCanAddGroups) -> None: ...
        @property
        def who_can_add_new_groups(self) -> WhoCanAddGroups:
            """Admins or everyone."""

    @final
    class UpdatePhoto(PlanChange):
        """Set the community's photo."""

        __match_args__ = ('photo',)
        def __init__(self, photo: str) -> None: ...
        @property
        def photo(self) -> str:
            """An http(s) URL or a base64 data URI."""

    @final
    class RenameGroup(PlanChange):
        """Rename a group the spec names by its id."""

        __match_args__ = ('group', 'name',)
        def __init__(self, group: PlannedGroup, name: str) -> None: ...
        @property
        def group(self) -> PlannedGroup:
            """The group, under its current name."""
        @property
        def name(self) -> str:
            """Its new name."""

    @final
    class CreateGroup(PlanChange):
        """Create a group with its first members."""

        __match_args__ = ('name', 'members',)
        def __init__(self, name: str, members: list[str]) -> None: ...
        @property
        def name(self) -> str:
            """Its name."""
        @property
        def members(self) -> list[str]:
            """Its first members (numbers)."""

    @final
    class LinkGroups(PlanChange):
        """Link groups to the community."""

        __match_args__ = ('groups',)
        def __init__(self, groups: list[PlannedGroup]) -> None: ...
        @property
        def groups(self) -> list[PlannedGroup]:
            """The groups."""

    @final
    class UnlinkGroups(PlanChange):
        """Unlink groups from the community (they are not deleted)."""

        __match_args__ = ('groups',)
        def __init__(self, groups: list[PlannedGroup]) -> None: ...
        @property
        def groups(self) -> list[PlannedGroup]:
            """The groups."""

    @final
    class AddMembers(PlanChange):
        """Add people to a group."""

        __match_args__ = ('group', 'phones',)
        def __init__(self, group: PlannedGroup, phones: list[str]) -> None: ...
        @property
        def group(self) -> PlannedGroup:
            """The group."""
        @property
        def phones(self) -> list[str]:
            """The numbers."""

    @final
    class RemoveMembers(PlanChange):
        """Remove people from a group."""

        __match_args__ = ('group', 'phones',)
        def __init__(self, group: PlannedGroup, phones: list[str]) -> None: ...
        @property
        def group(self) -> PlannedGroup:
            """The group."""
        @property
        def phones(self) -> list[str]:
            """The numbers."""

    @final
    class AddAdmins(PlanChange):
        """Promote members to admins of a group, or of the community when ``group`` is ``None``."""

        __match_args__ = ('group', 'phones',)
        def __init__(self, group: PlannedGroup | None, phones: list[str]) -> None: ...
        @property
        def group(self) -> PlannedGroup | None:
            """The group, or ``None`` for the community."""
        @property
        def phones(self) -> list[str]:
            """The numbers."""

    @final
    class RemoveAdmins(PlanChange):
        """Take admin rights away in a group, or in the community when ``group`` is ``None``."""

        __match_args__ = ('group', 'phones',)
        def __init__(self, group: PlannedGroup | None, phones: list[str]) -> None: ...
        @property
        def group(self) -> PlannedGroup | None:
            """The group, or ``None`` for the community."""
        @property
        def phones(self) -> list[str]:
            """The numbers."""

@final
class PlanStep:
    """One change and why it is needed."""

    @property
    def change(self) -> PlanChange:
        """What to do."""
    @property
    def summary(self) -> str:
        """What it does, in one line (the same text in every language)."""
    @property
    def reason(self) -> str:
        """Why: what the service reported that differs from the spec."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class Plan:
    """The changes that make a community match its spec, in the order they run; falsy when empty."""

    @property
    def community_name(self) -> str:
        """The community's name."""
    @property
    def community_id(self) -> str | None:
        """The community, unless the plan creates it."""
    @property
    def linked_groups(self) -> int:
        """Regular groups linked when the plan was made (the guard that keeps the last one)."""
    @property
    def steps(self) -> list[PlanStep]:
        """The steps, in the order they run."""
    @property
    def notes(self) -> list[str]:
        """What the plan could not check, and why."""
    def to_json(self) -> str:
        """The plan as JSON text."""
    def __bool__(self) -> bool: ...
    def __len__(self) -> int: ...
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class StepStatus:
    """What became of a plan step."""

    DONE: ClassVar[StepStatus]
    """The service accepted it."""
    DRY_RUN: ClassVar[StepStatus]
    """A dry run: it would run, nothing was sent."""
    FAILED: ClassVar[StepStatus]
    """It failed; ``error`` says why, and the steps after it did not run."""
    NOT_RUN: ClassVar[StepStatus]
    """Not run: an earlier step failed."""
    @property
    def value(self) -> str:
        """The stable name shared by every language: ``done``, ``dry_run``, ``failed`` or ``not_run``."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

@final
class StepOutcome:
    """One step and what became of it."""

    @property
    def step(self) -> PlanStep:
        """The step."""
    @property
    def status(self) -> StepStatus:
        """What became of it."""
    @property
    def error(self) -> str | None:
        """Why it failed."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]

@final
class ApplyOutcome:
    """What applying a plan did: every step in the order run, stopping at the first failure."""

    @property
    def steps(self) -> list[StepOutcome]:
        """Every step, in the order run."""
    @property
    def complete(self) -> bool:
        """Whether every step is done (or, in a dry run, would run)."""
    @property
    def dry_run(self) -> bool:
        """Whether this was a dry run."""
    @property
    def community_id(self) -> str | None:
        """The community (created by the plan, or the one it was made for)."""
    @property
    def requests(self) -> int:
        """Changes sent, one per step run (0 in a dry run)."""
    def to_json(self) -> str:
        """The outcome as JSON text."""
    def __eq__(self, other: object) -> bool: ...
    __hash__: ClassVar[None]  # type: ignore[assignment]
