//! Every client method that talks to the service, declared once: [`client_methods!`] expands
//! each entry into `Client.<name>` (blocks with the GIL released) and `AsyncClient.<name>`
//! (returns an awaitable), with the same signature and docstring.
//!
//! An entry is `fn name(positional: Type = default, …; keyword_only: Type = default, …) -> Out
//! = |client| core call;`. The arguments are what pyo3 extracts (owned values, with the GIL
//! held); the body converts them with the core's parsers, naming each argument, and calls the
//! core method of the same name. It runs inside the call's future, so `AsyncClient` reports a
//! bad value through its awaitable.

use pyo3::prelude::*;
use zapi_communities::api::validate::{parse_group_ids, parse_phones};
use zapi_communities::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, Community, CommunityContext, CommunitySummary,
    CreatedGroup, GroupAddPrivacy, GroupInvitationMetadata, GroupMetadata, GroupSettings, InviteLink, LinkOutcome,
    Participant, Photo, QueuePage, QueuedMessage, SentMessage, UnlinkOutcome, WebhookKind, WhoCanAddGroups,
};

use zapi_communities::bulk::{BulkOutcome, MemberChange};
use zapi_communities::plan::{ApplyOutcome, Plan};

use crate::convert::{
    MentionArg, Named, PyMessageOptions, SpecArg, bulk_options, community, count, group, member_target, optional_count,
    progress_callback,
};

macro_rules! client_methods {
    ($(
        $(#[doc = $doc:literal])*
        fn $name:ident(
            $($arg:ident : $ty:ty $(= $default:expr)?),*
            $(; $($kw:ident : $kty:ty = $kdefault:expr),+)?
        ) -> $out:ty = |$c:ident| $body:expr;
    )*) => {
        #[pymethods]
        impl crate::client::PyClient {$(
            $(#[doc = $doc])*
            #[pyo3(signature = ($($arg $(= $default)?),* $(, *, $($kw = $kdefault),+)?))]
            #[allow(clippy::too_many_arguments)]
            fn $name(&self, py: Python<'_>, $($arg: $ty,)* $($($kw: $kty,)+)?) -> PyResult<$out> {
                self.run(py, move |$c| async move { $body.await })
            }
        )*}

        #[pymethods]
        impl crate::async_client::PyAsyncClient {$(
            $(#[doc = $doc])*
            #[pyo3(signature = ($($arg $(= $default)?),* $(, *, $($kw = $kdefault),+)?))]
            #[allow(clippy::too_many_arguments)]
            fn $name<'py>(&self, py: Python<'py>, $($arg: $ty,)* $($($kw: $kty,)+)?) -> PyResult<Bound<'py, PyAny>> {
                self.spawn(py, move |$c| async move { $body.await })
            }
        )*}
    };
}

/// The four bulk methods' one body: the target parsed, the `progress` callable wrapped, and the
/// core's `bulk_with_progress` awaited.
async fn bulk(
    client: zapi_communities::Client,
    change: MemberChange,
    target: String,
    phones: Vec<String>,
    options: Result<zapi_communities::bulk::BulkOptions, zapi_communities::Error>,
    progress: Option<Py<PyAny>>,
) -> Result<BulkOutcome, zapi_communities::Error> {
    let report = progress.map(progress_callback);
    client.bulk_with_progress(change, member_target(&target)?, &phones, options?, report.as_deref()).await
}

client_methods! {
    // ----- communities -------------------------------------------------------------------

    /// Creates a community and remembers its announcement group from the response.
    ///
    /// Raises ``ValidationError`` (``name``, ``description``) before any request.
    fn create_community(name: String, description: Option<String> = None) -> Community =
        |c| c.create_community(&name, description.as_deref());

    /// One page (from 1) of the community list, id and name only. The client remembers the ids, so
    /// a message addressed to one of them is refused (`not_announcement_group`).
    fn list_communities(page: i64 = 1, page_size: i64 = 100) -> Vec<CommunitySummary> =
        |c| c.list_communities(count("page", page)?, count("page_size", page_size)?);

    /// A community's name, description and groups; refreshes what the client knows of it.
    fn community_metadata(community_id: String) -> Community = |c| c.community_metadata(&community(&community_id)?);

    /// Links groups to a community (at most 50; a group belongs to at most one) and says which were
    /// linked and which the service skipped. Their members join the announcement group.
    ///
    /// Raises ``ValidationError`` (``group_ids``, ``group_ids[i]``) before any request, including
    /// for groups the client knows are linked already or owned by another community.
    fn link_groups(community_id: String, group_ids: Vec<String>) -> LinkOutcome =
        |c| c.link_groups(&community(&community_id)?, &parse_group_ids("group_ids", &group_ids)?);

    /// Unlinks groups from a community and says which were unlinked; the groups are kept. As with
    /// `link_groups`, an answer that does not list what it skipped is checked against the
    /// community's metadata (one GET).
    fn unlink_groups(community_id: String, group_ids: Vec<String>) -> UnlinkOutcome =
        |c| c.unlink_groups(&community(&community_id)?, &parse_group_ids("group_ids", &group_ids)?);

    /// Deactivates a community: all its groups are unlinked and kept. Forgets what the client knew
    /// of it, announcement group included.
    fn deactivate_community(community_id: String) -> () = |c| c.deactivate_community(&community(&community_id)?);

    /// Sets who may add groups to the community.
    fn update_community_settings(community_id: String, who_can_add_new_groups: Named<WhoCanAddGroups>) -> () =
        |c| c.update_community_settings(&community(&community_id)?, who_can_add_new_groups.resolve("who_can_add_new_groups")?);

    /// Replaces the community's description.
    fn update_community_description(community_id: String, description: String) -> () =
        |c| c.update_community_description(&community(&community_id)?, &description);

    /// Replaces the community's photo.
    fn update_community_photo(community_id: String, photo: String) -> () =
        |c| c.update_community_photo(&community(&community_id)?, &Photo::parse(&photo)?);

    // ----- members -----------------------------------------------------------------------

    /// Adds people to a community or group.
    fn add_participants(target: String, phones: Vec<String>; auto_invite: bool = false) -> () =
        |c| c.add_participants(member_target(&target)?, &parse_phones("phones", &phones)?, auto_invite);

    /// Removes people from a community or group.
    fn remove_participants(target: String, phones: Vec<String>) -> () =
        |c| c.remove_participants(member_target(&target)?, &parse_phones("phones", &phones)?);

    /// Promotes people to admins of a community or group.
    fn add_admins(target: String, phones: Vec<String>) -> () =
        |c| c.add_admins(member_target(&target)?, &parse_phones("phones", &phones)?);

    /// Adds any number of people to a community or group: repeats dropped and every number checked
    /// before anything is sent, then chunks paced by `options`, each followed by one read of the
    /// members, which is where each number's outcome comes from (`done`, `already_done`, `invited`,
    /// `not_done`, `failed`, `pending`). A 429 is waited out and the chunk sent again (it was not
    /// applied); any other failure is re-read, never re-sent, and stops the run: call again with
    /// the same list to resume.
    ///
    /// ``progress``, when given, is called with a ``BulkProgress`` after each chunk (an exception
    /// it raises is reported as unraisable; the run goes on).
    fn add_participants_bulk(target: String, phones: Vec<String>; chunk_size: Option<i64> = None, pause_ms: Option<i64> = None, auto_invite: bool = false, progress: Option<Py<PyAny>> = None) -> BulkOutcome =
        |c| bulk(c, MemberChange::Add, target, phones, bulk_options(chunk_size, pause_ms, auto_invite), progress);

    /// Removes any number of people from a community or group, as `add_participants_bulk` adds
    /// them.
    fn remove_participants_bulk(target: String, phones: Vec<String>; chunk_size: Option<i64> = None, pause_ms: Option<i64> = None, progress: Option<Py<PyAny>> = None) -> BulkOutcome =
        |c| bulk(c, MemberChange::Remove, target, phones, bulk_options(chunk_size, pause_ms, false), progress);

    /// Promotes any number of members to admins, as `add_participants_bulk` adds people.
    fn add_admins_bulk(target: String, phones: Vec<String>; chunk_size: Option<i64> = None, pause_ms: Option<i64> = None, progress: Option<Py<PyAny>> = None) -> BulkOutcome =
        |c| bulk(c, MemberChange::Promote, target, phones, bulk_options(chunk_size, pause_ms, false), progress);

    /// Takes admin rights from any number of people, as `add_participants_bulk` adds people.
    fn remove_admins_bulk(target: String, phones: Vec<String>; chunk_size: Option<i64> = None, pause_ms: Option<i64> = None, progress: Option<Py<PyAny>> = None) -> BulkOutcome =
        |c| bulk(c, MemberChange::Demote, target, phones, bulk_options(chunk_size, pause_ms, false), progress);

    /// The changes that make the account's community match `spec`, each with its reason; empty when
    /// it already does. Reads the community list and the community's metadata, its members when the
    /// spec lists its admins, the group list when a group named only by name is not linked yet, and
    /// the members of each group whose members or admins the spec lists. Sends no change.
    ///
    /// Raises ``ValidationError`` naming the spec field (``groups[1].members[0]``).
    fn plan(spec: SpecArg) -> Plan =
        |c| async move { c.plan(&spec.0?).await };

    /// Runs `plan`'s steps in the safe order (community, its settings, new groups, links, adds,
    /// promotions, demotions, removals, unlinks), stopping at the first failure; with `dry_run`,
    /// sends nothing and reports what would run. Never unlinks a community's last regular group.
    fn apply(plan: Plan; dry_run: bool = false) -> ApplyOutcome =
        |c| c.apply(&plan, dry_run);

    /// Takes admin rights away in a community or group.
    fn remove_admins(target: String, phones: Vec<String>) -> () =
        |c| c.remove_admins(member_target(&target)?, &parse_phones("phones", &phones)?);

    // ----- invitation links --------------------------------------------------------------

    /// Revokes the invitation link of a community or group and returns the new link.
    fn redefine_invitation_link(target: String) -> String = |c| c.redefine_invitation_link(member_target(&target)?);

    /// A community's current invitation link, read from its announcement group (the service has no
    /// community route for reading it).
    fn community_invitation_link(community_id: String) -> String =
        |c| c.community_invitation_link(&community(&community_id)?);

    /// A group's current invitation link.
    fn group_invitation_link(group_id: String) -> String = |c| c.group_invitation_link(&group(&group_id)?);

    /// The people of a whole community, with their admin flags: the participants of its
    /// announcement group, found the way `announce` finds it (cache first).
    fn community_members(community_id: String) -> Vec<Participant> =
        |c| c.community_members(&community(&community_id)?);

    /// The community a group belongs to and whether it is that community's announcement group:
    /// what a bot needs to turn "someone joined group 1203…" (a webhook event's `chat`) into
    /// "someone joined community X". Answered from what the client knows when it can, else from
    /// the group's light metadata (one request, remembered). None for a group in no community.
    fn community_context(group_id: String) -> Option<CommunityContext> = |c| c.community_context(&group(&group_id)?);

    // ----- running a group ---------------------------------------------------------------

    /// Approves the pending join requests of `phones` in a group that requires an admin's
    /// approval: they become members (of the community's announcement group too, for a linked
    /// group). Requests arrive as `MEMBERSHIP_APPROVAL_REQUEST` webhooks; the service says
    /// nothing per number.
    fn approve_participants(group_id: String, phones: Vec<String>) -> () =
        |c| c.approve_participants(&group(&group_id)?, &parse_phones("phones", &phones)?);

    /// Rejects the pending join requests of `phones` in a group; the service says nothing per
    /// number.
    fn reject_participants(group_id: String, phones: Vec<String>) -> () =
        |c| c.reject_participants(&group(&group_id)?, &parse_phones("phones", &phones)?);

    /// The connected number leaves a group.
    fn leave_group(group_id: String) -> () = |c| c.leave_group(&group(&group_id)?);

    /// Renames a group (1–100 characters). Only admins can.
    fn update_group_name(group_id: String, name: String) -> () = |c| c.update_group_name(&group(&group_id)?, &name);

    /// Replaces a group's description (at most 2048 characters; empty clears it). Only admins can.
    fn update_group_description(group_id: String, description: String) -> () =
        |c| c.update_group_description(&group(&group_id)?, &description);

    /// Replaces a group's photo (an https URL or Base64 data). Only admins can.
    fn update_group_photo(group_id: String, photo: String) -> () =
        |c| c.update_group_photo(&group(&group_id)?, &Photo::parse(&photo)?);

    /// The connected number joins a group from its invitation link (`https://chat.whatsapp.com/CODE`
    /// or the bare code); where an admin must approve, it asks to join.
    fn accept_group_invite(link: String) -> () = |c| c.accept_group_invite(&InviteLink::parse(&link)?);

    /// Previews the group behind an invitation link (`https://chat.whatsapp.com/CODE` or the bare
    /// code) without joining it.
    fn group_invitation_metadata(link: String) -> GroupInvitationMetadata =
        |c| c.group_invitation_metadata(&InviteLink::parse(&link)?);

    /// Sets who may add the connected number to groups (an account setting: the reason adding
    /// someone fails is often theirs). With `contact_blacklist`, `blacklist_add` and
    /// `blacklist_remove` change who is on the blacklist.
    fn set_group_add_privacy(
        who: Named<GroupAddPrivacy>;
        blacklist_add: Option<Vec<String>> = None,
        blacklist_remove: Option<Vec<String>> = None
    ) -> () = |c| async {
        let add = parse_phones("blacklist_add", &blacklist_add.unwrap_or_default())?;
        let remove = parse_phones("blacklist_remove", &blacklist_remove.unwrap_or_default())?;
        c.set_group_add_privacy(who.resolve("who")?, &add, &remove).await
    };

    /// The numbers that may not add the connected number to groups (the blacklist of
    /// `contact_blacklist`). The service does not say which setting is in force.
    fn group_add_privacy() -> Vec<String> = |c| c.group_add_privacy();

    // ----- groups and chats --------------------------------------------------------------

    /// Creates a group (to link it to a community afterwards).
    fn create_group(name: String, phones: Vec<String>; auto_invite: bool = false) -> CreatedGroup =
        |c| c.create_group(&name, &parse_phones("phones", &phones)?, auto_invite);

    /// One page (from 1) of the chat list.
    fn list_chats(page: i64 = 1, page_size: i64 = 100) -> Vec<Chat> =
        |c| c.list_chats(count("page", page)?, count("page_size", page_size)?);

    /// The ids of the announcement groups on one page of the chat list (`isGroupAnnouncement`),
    /// read without building a `Chat` for every entry: the cheap way through a list of 100,000
    /// chats. The ids are not checked against group metadata; to find the announcement group of one
    /// community, use `resolve_announcement_group`.
    fn list_announcement_groups(page: i64 = 1, page_size: i64 = 1000) -> Vec<String> = |c| async {
        let found = c.list_announcement_groups(count("page", page)?, count("page_size", page_size)?).await?;
        Ok(found.into_iter().map(|id| id.as_str().to_owned()).collect::<Vec<String>>())
    };

    /// A group's metadata (members, flags, community).
    fn group_metadata(group_id: String) -> GroupMetadata = |c| c.group_metadata(&group(&group_id)?);

    /// One page (from 1) of the groups the connected number is in. Announcement groups are not
    /// marked in it.
    fn list_groups(page: i64 = 1, page_size: i64 = 100) -> Vec<Chat> =
        |c| c.list_groups(count("page", page)?, count("page_size", page_size)?);

    /// A group's metadata without its invitation link: cheaper than `group_metadata`, and what a
    /// non-admin can read in full.
    fn light_group_metadata(group_id: String) -> GroupMetadata = |c| c.light_group_metadata(&group(&group_id)?);

    /// The community a group belongs to (a linked group or an announcement group), or none, read
    /// from its light metadata. The client remembers the answer, so linking the group elsewhere is
    /// refused before any request.
    fn community_of(group_id: String) -> Option<String> = |c| async {
        Ok(c.community_of(&group(&group_id)?).await?.map(|id| id.as_str().to_owned()))
    };

    /// Sets a group's four switches.
    fn update_group_settings(group_id: String, settings: GroupSettings) -> () =
        |c| c.update_group_settings(&group(&group_id)?, settings);

    // ----- webhooks ----------------------------------------------------------------------

    /// Sets where one webhook posts its events: an `https://` URL (the service posts only to
    /// HTTPS; the simulator also takes `http://` to loopback). The service signs nothing, so
    /// put a long random secret in the URL and check it when events arrive.
    fn set_webhook(kind: Named<WebhookKind>, url: String) -> () =
        |c| async { c.set_webhook(kind.resolve("kind")?, &url).await };

    /// Sets every webhook to one URL and, when `notify_sent_by_me` is given, whether messages
    /// the connected number sends are posted too.
    fn set_every_webhook(url: String; notify_sent_by_me: Option<bool> = None) -> () =
        |c| c.set_every_webhook(&url, notify_sent_by_me);

    /// Whether messages the connected number sends are posted to the received webhook, which
    /// must be set first.
    fn set_notify_sent_by_me(enabled: bool) -> () = |c| c.set_notify_sent_by_me(enabled);

    // ----- messages ----------------------------------------------------------------------

    /// Sends a text message. A community id the client knows is refused: a community is messaged
    /// through its announcement group (`announce`).
    ///
    /// ``delay_message`` / ``delay_typing`` are seconds (1–15); ``mentioned`` lists phones;
    /// ``group_mentioned`` lists ``{"group_id": …, "subject": …}`` (the text must contain
    /// ``@<group digits>``); ``edit_message_id`` replaces a message sent earlier.
    fn send_text(
        to: String,
        message: String;
        delay_message: Option<i64> = None,
        delay_typing: Option<i64> = None,
        edit_message_id: Option<String> = None,
        mentioned: Option<Vec<String>> = None,
        group_mentioned: Option<Vec<MentionArg>> = None
    ) -> SentMessage = |c| async {
        let options = PyMessageOptions { delay_message, delay_typing, edit_message_id, mentioned, group_mentioned };
        // `recipient` refuses a community id the client knows (NotAnnouncementGroupError).
        let to = c.recipient(&to)?;
        c.send_text(&options.into_core()?.into_send_text(to, message)?).await
    };

    /// Sends `text` to the whole community: resolves its announcement group (cache first), then
    /// sends there. Only admins can post to it.
    fn announce(
        community_id: String,
        text: String;
        delay_message: Option<i64> = None,
        delay_typing: Option<i64> = None,
        mentioned: Option<Vec<String>> = None,
        group_mentioned: Option<Vec<MentionArg>> = None
    ) -> Announcement = |c| async {
        let options =
            PyMessageOptions { delay_message, delay_typing, edit_message_id: None, mentioned, group_mentioned };
        c.announce(&community(&community_id)?, &text, options.into_core()?.into_announce()?).await
    };

    // ----- the message queue -------------------------------------------------------------

    /// One page of the messages waiting to be sent, oldest first: the first page without
    /// `paging_state`, the next with the `paging_state` the previous page returned. Messages
    /// wait there while the phone is disconnected and all go out when it reconnects.
    fn list_queue(paging_state: Option<String> = None, page_size: Option<i64> = None) -> QueuePage =
        |c| async { c.list_queue(paging_state.as_deref(), optional_count("page_size", page_size)?).await };

    /// Every message waiting to be sent, oldest first, read page by page (at most 1000 are
    /// held). Look before the phone reconnects: they all go out then.
    fn queued_messages() -> Vec<QueuedMessage> = |c| c.queued_messages();

    /// Takes one message out of the queue, so that it is never sent. `zaap_id` is the one
    /// `send_text` returned (or a queued message's).
    fn delete_queued_message(zaap_id: String) -> () = |c| c.delete_queued_message(&zaap_id);

    /// Empties the queue: none of the messages waiting in it will be sent.
    fn clear_queue() -> () = |c| c.clear_queue();

    // ----- announcement-group resolution -------------------------------------------------

    /// The announcement group of a community: from the cache when known (the create response and
    /// earlier lookups fill it), else from community metadata, else from the chat list confirmed by
    /// each candidate's group metadata. The answer says which source found it.
    ///
    /// Raises ``NotFoundError`` when no source has it.
    fn resolve_announcement_group(community_id: String, source: Option<Named<AnnouncementSource>> = None)
        -> AnnouncementGroup = |c| async {
        let id = community(&community_id)?;
        match source {
            None => c.resolve_announcement_group(&id).await,
            Some(source) => c.resolve_announcement_group_from(&id, source.resolve("source")?).await,
        }
    };
}
