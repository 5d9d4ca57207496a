//! `Client`: the core client behind a uniffi object. Every method is one line over
//! [`zapi_communities::Client`]; ids arrive already parsed (the core's custom types), lists of
//! ids and phones are parsed here with the core's parsers so errors name `group_ids[3]`.

use std::sync::Arc;
use zapi_communities::plan::{ApplyOutcome, CommunitySpec, Plan};

use zapi_communities::api::MemberTarget;
use zapi_communities::api::validate::{parse_group_ids, parse_phones};
use zapi_communities::bulk::{BulkOptions, BulkOutcome, MemberChange};
use zapi_communities::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, ClientOptions, Community, CommunityContext, CommunityId,
    CommunitySummary, CreatedGroup, Error, GroupAddPrivacy, GroupId, GroupInvitationMetadata, GroupMetadata,
    GroupSettings, InviteLink, LinkOutcome, MessageOptions, Participant, Photo, QueuePage, QueuedMessage, SentMessage,
    UnlinkOutcome, WebhookKind, WhoCanAddGroups,
};

use crate::pager::{ChatPager, CommunityPager};
use crate::progress::{BulkProgressListener, progress_fn};
use crate::simulator::Simulator;
use crate::transport::{ForeignTransport, HttpTransport};

/// A client for one Z-API instance. Cheap to share between threads and coroutines/tasks; every
/// call is async and fails with `ZapiError` (Kotlin: `ZapiException`). Arguments are checked
/// before any request is sent.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug)]
pub struct Client(zapi_communities::Client);

/// Where a member or invitation-link call applies: group ids (`…-group`, `…@g.us`, legacy
/// `phone-timestamp`) are groups, bare digits are communities.
fn target(raw: &str) -> Result<MemberTarget, Error> {
    MemberTarget::parse(raw, "target")
}

/// The four bulk methods' one body: the target parsed, the listener wrapped, and the core's
/// `bulk_with_progress` awaited.
async fn bulk(
    client: &zapi_communities::Client,
    change: MemberChange,
    target: &str,
    phones: &[String],
    options: Option<BulkOptions>,
    progress: Option<Arc<dyn BulkProgressListener>>,
) -> Result<BulkOutcome, Error> {
    let report = progress_fn(progress);
    client
        .bulk_with_progress(change, self::target(target)?, phones, options.unwrap_or_default(), report.as_deref())
        .await
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// A client for the instance `options` describes (or, in proxy mode, for your backend),
    /// on the built-in HTTP stack.
    ///
    /// # Errors
    /// `Validation` naming the bad option (`instance_id`, `token`, `base_url`, `timeout_ms`, …).
    #[uniffi::constructor]
    pub fn new(options: ClientOptions) -> Result<Arc<Self>, Error> {
        Ok(Arc::new(Self(options.build()?)))
    }

    /// A client that sends through the app's own HTTP stack (`HttpTransport`). Timeouts, the
    /// retry policy and every check still apply.
    ///
    /// # Errors
    /// `Validation` naming the bad option (`instance_id`, `token`, `base_url`, `timeout_ms`, …).
    #[uniffi::constructor]
    pub fn with_transport(options: ClientOptions, transport: Arc<dyn HttpTransport>) -> Result<Arc<Self>, Error> {
        Ok(Arc::new(Self(options.into_builder()?.transport(Arc::new(ForeignTransport(transport))).build()?)))
    }

    /// A client wired to a fresh in-memory simulator of the service (no network, no credentials):
    /// the embedded default for tours, tests and demos.
    ///
    /// Pass a `Simulator` to talk to one you keep (to act as someone else on it).
    #[uniffi::constructor(default(simulator = None))]
    pub fn simulated(simulator: Option<Arc<Simulator>>) -> Arc<Self> {
        Arc::new(Self(match simulator {
            // Every `Simulator` binds the demo credentials, which `simulated()` itself relies on.
            Some(sim) => zapi_communities::Client::simulated_with(Arc::clone(&sim.0))
                .unwrap_or_else(|_| zapi_communities::Client::simulated()),
            None => zapi_communities::Client::simulated(),
        }))
    }

    /// A client configured by the `ZAPI_*` environment variables: every `ClientOptions` field,
    /// `ZAPI_` and its name in capitals (`ZAPI_INSTANCE_ID`, `ZAPI_TOKEN`, `ZAPI_CLIENT_TOKEN`,
    /// `ZAPI_BASE_URL`, `ZAPI_TIMEOUT_MS`, `ZAPI_ALLOW_INSECURE_HTTP`, …).
    ///
    /// # Errors
    /// `Validation` naming the missing or invalid variable (or option).
    #[uniffi::constructor(default(options = None))]
    pub fn from_env(options: Option<ClientOptions>) -> Result<Arc<Self>, Error> {
        let builder =
            zapi_communities::Client::builder_from_vars(|name| std::env::var(name).ok(), options.unwrap_or_default())?;
        Ok(Arc::new(Self(builder.build()?)))
    }

    // ----- communities -------------------------------------------------------------------

    /// Creates a community and remembers its announcement group from the response.
    ///
    /// # Errors
    /// `Validation` (`name`, `description`) before any I/O, or any call error.
    #[uniffi::method(default(description = None))]
    pub async fn create_community(&self, name: String, description: Option<String>) -> Result<Community, Error> {
        self.0.create_community(&name, description.as_deref()).await
    }

    /// One page (from 1) of the community list, id and name only. The client remembers the ids, so
    /// a message addressed to one of them is refused (`not_announcement_group`).
    ///
    /// # Errors
    /// `Validation` (`page`, `page_size`) or any call error.
    pub async fn list_communities(&self, page: u32, page_size: u32) -> Result<Vec<CommunitySummary>, Error> {
        self.0.list_communities(page, page_size).await
    }

    /// Pages through every community, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[uniffi::method(default(page_size = None))]
    pub fn communities(&self, page_size: Option<u32>) -> Arc<CommunityPager> {
        Arc::new(CommunityPager::new(self.0.communities().page_size_or_default(page_size)))
    }

    /// A community's name, description and groups; refreshes what the client knows of it.
    ///
    /// # Errors
    /// `Validation` (`community_id`) or any call error.
    pub async fn community_metadata(&self, community_id: CommunityId) -> Result<Community, Error> {
        self.0.community_metadata(&community_id).await
    }

    /// Links groups to a community (at most 50; a group belongs to at most one) and says which were
    /// linked and which the service skipped. Their members join the announcement group.
    ///
    /// # Errors
    /// `Validation` (`group_ids`, `group_ids[i]`) before any I/O, or any call error.
    pub async fn link_groups(&self, community_id: CommunityId, group_ids: Vec<String>) -> Result<LinkOutcome, Error> {
        self.0.link_groups(&community_id, &parse_group_ids("group_ids", &group_ids)?).await
    }

    /// Unlinks groups from a community and says which were unlinked; the groups are kept. As with
    /// `link_groups`, an answer that does not list what it skipped is checked against the
    /// community's metadata (one GET).
    ///
    /// # Errors
    /// `Validation` (e.g. unlinking the last regular group, when known) or any call error.
    pub async fn unlink_groups(
        &self,
        community_id: CommunityId,
        group_ids: Vec<String>,
    ) -> Result<UnlinkOutcome, Error> {
        self.0.unlink_groups(&community_id, &parse_group_ids("group_ids", &group_ids)?).await
    }

    /// Deactivates a community: all its groups are unlinked and kept. Forgets what the client knew
    /// of it, announcement group included.
    ///
    /// # Errors
    /// Any call error.
    pub async fn deactivate_community(&self, community_id: CommunityId) -> Result<(), Error> {
        self.0.deactivate_community(&community_id).await
    }

    /// Sets who may add groups to the community.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_community_settings(
        &self,
        community_id: CommunityId,
        who_can_add_new_groups: WhoCanAddGroups,
    ) -> Result<(), Error> {
        self.0.update_community_settings(&community_id, who_can_add_new_groups).await
    }

    /// Replaces the community's description.
    ///
    /// # Errors
    /// `Validation` (`description`) or any call error.
    pub async fn update_community_description(
        &self,
        community_id: CommunityId,
        description: String,
    ) -> Result<(), Error> {
        self.0.update_community_description(&community_id, &description).await
    }

    /// Replaces the community's photo.
    ///
    /// # Errors
    /// `Validation` (`photo`) before any I/O, or any call error.
    pub async fn update_community_photo(&self, community_id: CommunityId, photo: String) -> Result<(), Error> {
        self.0.update_community_photo(&community_id, &Photo::parse(&photo)?).await
    }

    // ----- members -------------------------------------------------------------------------

    /// Adds people to a community or group.
    ///
    /// # Errors
    /// `Validation` (`target`, `phones`, `phones[i]`) before any I/O, or any call error.
    #[uniffi::method(default(auto_invite = false))]
    pub async fn add_participants(&self, target: String, phones: Vec<String>, auto_invite: bool) -> Result<(), Error> {
        self.0.add_participants(self::target(&target)?, &parse_phones("phones", &phones)?, auto_invite).await
    }

    /// Removes people from a community or group.
    ///
    /// # Errors
    /// `Validation` (`target`, `phones`, `phones[i]`) before any I/O, or any call error.
    pub async fn remove_participants(&self, target: String, phones: Vec<String>) -> Result<(), Error> {
        self.0.remove_participants(self::target(&target)?, &parse_phones("phones", &phones)?).await
    }

    /// Promotes people to admins of a community or group.
    ///
    /// # Errors
    /// `Validation` (`target`, `phones`, `phones[i]`) before any I/O, or any call error.
    pub async fn add_admins(&self, target: String, phones: Vec<String>) -> Result<(), Error> {
        self.0.add_admins(self::target(&target)?, &parse_phones("phones", &phones)?).await
    }

    /// Adds any number of people to a community or group: repeats dropped and every number checked
    /// before anything is sent, then chunks paced by `options`, each followed by one read of the
    /// members, which is where each number's outcome comes from (`done`, `already_done`, `invited`,
    /// `not_done`, `failed`, `pending`). A 429 is waited out and the chunk sent again (it was not
    /// applied); any other failure is re-read, never re-sent, and stops the run: call again with
    /// the same list to resume.
    ///
    /// `progress`, when given, is told how far the call has got after each chunk.
    ///
    /// # Errors
    /// `Validation` (`target`, `phones`, `chunk_size`, `pause_ms`) before any I/O, or the error of
    /// the first members read.
    #[uniffi::method(default(options = None, progress = None))]
    pub async fn add_participants_bulk(
        &self,
        target: String,
        phones: Vec<String>,
        options: Option<BulkOptions>,
        progress: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<BulkOutcome, Error> {
        bulk(&self.0, MemberChange::Add, &target, &phones, options, progress).await
    }

    /// Removes any number of people from a community or group, as `add_participants_bulk` adds
    /// them.
    ///
    /// # Errors
    /// As `addParticipantsBulk`.
    #[uniffi::method(default(options = None, progress = None))]
    pub async fn remove_participants_bulk(
        &self,
        target: String,
        phones: Vec<String>,
        options: Option<BulkOptions>,
        progress: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<BulkOutcome, Error> {
        bulk(&self.0, MemberChange::Remove, &target, &phones, options, progress).await
    }

    /// Promotes any number of members to admins, as `add_participants_bulk` adds people.
    ///
    /// # Errors
    /// As `addParticipantsBulk`.
    #[uniffi::method(default(options = None, progress = None))]
    pub async fn add_admins_bulk(
        &self,
        target: String,
        phones: Vec<String>,
        options: Option<BulkOptions>,
        progress: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<BulkOutcome, Error> {
        bulk(&self.0, MemberChange::Promote, &target, &phones, options, progress).await
    }

    /// The changes that make the account's community match `spec`, each with its reason; empty when
    /// it already does. Reads the community list and the community's metadata, its members when the
    /// spec lists its admins, the group list when a group named only by name is not linked yet, and
    /// the members of each group whose members or admins the spec lists. Sends no change.
    ///
    /// # Errors
    /// `Validation` naming the spec field (`groups[1].members[0]`); any read's error.
    pub async fn plan(&self, spec: CommunitySpec) -> Result<Plan, Error> {
        self.0.plan(&spec).await
    }

    /// Runs `plan`'s steps in the safe order (community, its settings, new groups, links, adds,
    /// promotions, demotions, removals, unlinks), stopping at the first failure; with `dry_run`,
    /// sends nothing and reports what would run. Never unlinks a community's last regular group.
    ///
    /// # Errors
    /// None of its own.
    #[uniffi::method(default(dry_run = false))]
    pub async fn apply(&self, plan: Plan, dry_run: bool) -> Result<ApplyOutcome, Error> {
        self.0.apply(&plan, dry_run).await
    }

    /// Takes admin rights from any number of people, as `add_participants_bulk` adds people.
    ///
    /// # Errors
    /// As `addParticipantsBulk`.
    #[uniffi::method(default(options = None, progress = None))]
    pub async fn remove_admins_bulk(
        &self,
        target: String,
        phones: Vec<String>,
        options: Option<BulkOptions>,
        progress: Option<Arc<dyn BulkProgressListener>>,
    ) -> Result<BulkOutcome, Error> {
        bulk(&self.0, MemberChange::Demote, &target, &phones, options, progress).await
    }

    /// Takes admin rights away in a community or group.
    ///
    /// # Errors
    /// `Validation` (`target`, `phones`, `phones[i]`) before any I/O, or any call error.
    pub async fn remove_admins(&self, target: String, phones: Vec<String>) -> Result<(), Error> {
        self.0.remove_admins(self::target(&target)?, &parse_phones("phones", &phones)?).await
    }

    // ----- invitation links ----------------------------------------------------------------

    /// Revokes the invitation link of a community or group and returns the new link.
    ///
    /// # Errors
    /// `Validation` (`target`) or any call error.
    pub async fn redefine_invitation_link(&self, target: String) -> Result<String, Error> {
        self.0.redefine_invitation_link(self::target(&target)?).await
    }

    /// A community's current invitation link, read from its announcement group (the service has no
    /// community route for reading it).
    ///
    /// # Errors
    /// `NotFound` when no announcement group can be found, or any call error.
    pub async fn community_invitation_link(&self, community_id: CommunityId) -> Result<String, Error> {
        self.0.community_invitation_link(&community_id).await
    }

    /// A group's current invitation link.
    ///
    /// # Errors
    /// `Validation` (`group_id`) or any call error.
    pub async fn group_invitation_link(&self, group_id: GroupId) -> Result<String, Error> {
        self.0.group_invitation_link(&group_id).await
    }

    // ----- groups and chats ----------------------------------------------------------------

    /// Creates a group (to link it to a community afterwards).
    ///
    /// # Errors
    /// `Validation` (`name`, `phones`, `phones[i]`) before any I/O, or any call error.
    #[uniffi::method(default(auto_invite = false))]
    pub async fn create_group(
        &self,
        name: String,
        phones: Vec<String>,
        auto_invite: bool,
    ) -> Result<CreatedGroup, Error> {
        self.0.create_group(&name, &parse_phones("phones", &phones)?, auto_invite).await
    }

    /// One page (from 1) of the chat list.
    ///
    /// # Errors
    /// `Validation` (`page`, `page_size`) or any call error.
    pub async fn list_chats(&self, page: u32, page_size: u32) -> Result<Vec<Chat>, Error> {
        self.0.list_chats(page, page_size).await
    }

    /// Pages through every chat, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[uniffi::method(default(page_size = None))]
    pub fn chats(&self, page_size: Option<u32>) -> Arc<ChatPager> {
        Arc::new(ChatPager::new(self.0.chats().page_size_or_default(page_size)))
    }

    /// The ids of the announcement groups on one page of the chat list (`isGroupAnnouncement`),
    /// read without building a `Chat` for every entry: the cheap way through a list of 100,000
    /// chats. The ids are not checked against group metadata; to find the announcement group of one
    /// community, use `resolve_announcement_group`.
    ///
    /// # Errors
    /// `Validation` (`page`, `page_size`) before any I/O, or any call error.
    pub async fn list_announcement_groups(&self, page: u32, page_size: u32) -> Result<Vec<GroupId>, Error> {
        self.0.list_announcement_groups(page, page_size).await
    }

    /// A group's metadata (members, flags, community).
    ///
    /// # Errors
    /// `Validation` (`group_id`) or any call error.
    pub async fn group_metadata(&self, group_id: GroupId) -> Result<GroupMetadata, Error> {
        self.0.group_metadata(&group_id).await
    }

    /// Sets a group's four switches.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_group_settings(&self, group_id: GroupId, settings: GroupSettings) -> Result<(), Error> {
        self.0.update_group_settings(&group_id, settings).await
    }

    /// One page (from 1) of the groups the connected number is in. Announcement groups are not
    /// marked in it.
    ///
    /// # Errors
    /// `Validation` (`page`, `page_size`) or any call error.
    pub async fn list_groups(&self, page: u32, page_size: u32) -> Result<Vec<Chat>, Error> {
        self.0.list_groups(page, page_size).await
    }

    /// Pages through every group, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[uniffi::method(default(page_size = None))]
    pub fn groups(&self, page_size: Option<u32>) -> Arc<ChatPager> {
        Arc::new(ChatPager::groups(self.0.groups().page_size_or_default(page_size)))
    }

    /// A group's metadata without its invitation link: cheaper than `group_metadata`, and what a
    /// non-admin can read in full.
    ///
    /// # Errors
    /// Any call error.
    pub async fn light_group_metadata(&self, group_id: GroupId) -> Result<GroupMetadata, Error> {
        self.0.light_group_metadata(&group_id).await
    }

    /// The community a group belongs to (a linked group or an announcement group), or none, read
    /// from its light metadata. The client remembers the answer, so linking the group elsewhere is
    /// refused before any request.
    ///
    /// # Errors
    /// Any call error.
    pub async fn community_of(&self, group_id: GroupId) -> Result<Option<CommunityId>, Error> {
        self.0.community_of(&group_id).await
    }

    /// The community a group belongs to and whether it is that community's announcement group:
    /// what a bot needs to turn "someone joined group 1203…" (a webhook event's `chat`) into
    /// "someone joined community X". Answered from what the client knows when it can, else from
    /// the group's light metadata (one request, remembered). None for a group in no community.
    ///
    /// # Errors
    /// Any call error.
    pub async fn community_context(&self, group_id: GroupId) -> Result<Option<CommunityContext>, Error> {
        self.0.community_context(&group_id).await
    }

    /// The people of a whole community, with their admin flags: the participants of its
    /// announcement group, found the way `announce` finds it (cache first).
    ///
    /// # Errors
    /// Resolution errors (`NotFound`) or any call error.
    pub async fn community_members(&self, community_id: CommunityId) -> Result<Vec<Participant>, Error> {
        self.0.community_members(&community_id).await
    }

    // ----- running a group -----------------------------------------------------------------

    /// Approves the pending join requests of `phones` in a group that requires an admin's
    /// approval: they become members (of the community's announcement group too, for a linked
    /// group). Requests arrive as `MEMBERSHIP_APPROVAL_REQUEST` webhooks; the service says
    /// nothing per number.
    ///
    /// # Errors
    /// `Validation` (`phones`) or any call error.
    pub async fn approve_participants(&self, group_id: GroupId, phones: Vec<String>) -> Result<(), Error> {
        self.0.approve_participants(&group_id, &parse_phones("phones", &phones)?).await
    }

    /// Rejects the pending join requests of `phones` in a group; the service says nothing per
    /// number.
    ///
    /// # Errors
    /// `Validation` (`phones`) or any call error.
    pub async fn reject_participants(&self, group_id: GroupId, phones: Vec<String>) -> Result<(), Error> {
        self.0.reject_participants(&group_id, &parse_phones("phones", &phones)?).await
    }

    /// The connected number leaves a group.
    ///
    /// # Errors
    /// Any call error.
    pub async fn leave_group(&self, group_id: GroupId) -> Result<(), Error> {
        self.0.leave_group(&group_id).await
    }

    /// Renames a group (1–100 characters). Only admins can.
    ///
    /// # Errors
    /// `Validation` (`name`) or any call error.
    pub async fn update_group_name(&self, group_id: GroupId, name: String) -> Result<(), Error> {
        self.0.update_group_name(&group_id, &name).await
    }

    /// Replaces a group's description (at most 2048 characters; empty clears it). Only admins can.
    ///
    /// # Errors
    /// `Validation` (`description`) or any call error.
    pub async fn update_group_description(&self, group_id: GroupId, description: String) -> Result<(), Error> {
        self.0.update_group_description(&group_id, &description).await
    }

    /// Replaces a group's photo (an https URL or Base64 data). Only admins can.
    ///
    /// # Errors
    /// `Validation` (`photo`) or any call error.
    pub async fn update_group_photo(&self, group_id: GroupId, photo: String) -> Result<(), Error> {
        self.0.update_group_photo(&group_id, &Photo::parse(&photo)?).await
    }

    /// The connected number joins a group from its invitation link (`https://chat.whatsapp.com/CODE`
    /// or the bare code); where an admin must approve, it asks to join.
    ///
    /// # Errors
    /// `Validation` (`link`) or any call error.
    pub async fn accept_group_invite(&self, link: String) -> Result<(), Error> {
        self.0.accept_group_invite(&InviteLink::parse(&link)?).await
    }

    /// Previews the group behind an invitation link (`https://chat.whatsapp.com/CODE` or the bare
    /// code) without joining it.
    ///
    /// # Errors
    /// `Validation` (`link`) or any call error.
    pub async fn group_invitation_metadata(&self, link: String) -> Result<GroupInvitationMetadata, Error> {
        self.0.group_invitation_metadata(&InviteLink::parse(&link)?).await
    }

    /// Sets who may add the connected number to groups (an account setting: the reason adding
    /// someone fails is often theirs). With `contact_blacklist`, `blacklist_add` and
    /// `blacklist_remove` change who is on the blacklist.
    ///
    /// # Errors
    /// `Validation` (`blacklist_add`, `blacklist_remove`) or any call error.
    #[uniffi::method(default(blacklist_add = [], blacklist_remove = []))]
    pub async fn set_group_add_privacy(
        &self,
        who: GroupAddPrivacy,
        blacklist_add: Vec<String>,
        blacklist_remove: Vec<String>,
    ) -> Result<(), Error> {
        let add = parse_phones("blacklist_add", &blacklist_add)?;
        self.0.set_group_add_privacy(who, &add, &parse_phones("blacklist_remove", &blacklist_remove)?).await
    }

    /// The numbers that may not add the connected number to groups (the blacklist of
    /// `contact_blacklist`). The service does not say which setting is in force.
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_add_privacy(&self) -> Result<Vec<String>, Error> {
        self.0.group_add_privacy().await
    }

    // ----- webhooks ------------------------------------------------------------------------

    /// Sets where one webhook posts its events: an `https://` URL (the service posts only to
    /// HTTPS; the simulator also takes `http://` to loopback). The service signs nothing, so
    /// put a long random secret in the URL and check it when events arrive.
    ///
    /// # Errors
    /// `Validation` (`url`) or any call error.
    pub async fn set_webhook(&self, kind: WebhookKind, url: String) -> Result<(), Error> {
        self.0.set_webhook(kind, &url).await
    }

    /// Sets every webhook to one URL and, when `notify_sent_by_me` is given, whether messages
    /// the connected number sends are posted too.
    ///
    /// # Errors
    /// `Validation` (`url`) or any call error.
    #[uniffi::method(default(notify_sent_by_me = None))]
    pub async fn set_every_webhook(&self, url: String, notify_sent_by_me: Option<bool>) -> Result<(), Error> {
        self.0.set_every_webhook(&url, notify_sent_by_me).await
    }

    /// Whether messages the connected number sends are posted to the received webhook, which
    /// must be set first.
    ///
    /// # Errors
    /// Any call error.
    pub async fn set_notify_sent_by_me(&self, enabled: bool) -> Result<(), Error> {
        self.0.set_notify_sent_by_me(enabled).await
    }

    // ----- messages ------------------------------------------------------------------------

    /// Sends a text message. A community id the client knows is refused: a community is messaged
    /// through its announcement group (`announce`).
    ///
    /// # Errors
    /// `NotAnnouncementGroup`, `Validation` (`to`, `message`, `delay_message`, …) before any
    /// I/O, or any call error.
    #[uniffi::method(default(options))]
    pub async fn send_text(&self, to: String, message: String, options: MessageOptions) -> Result<SentMessage, Error> {
        self.0.send_text(&options.into_send_text(self.0.recipient(&to)?, message)?).await
    }

    /// Sends `text` to the whole community: resolves its announcement group (cache first), then
    /// sends there. Only admins can post to it.
    ///
    /// # Errors
    /// `Validation` before any I/O, `NotFound` when no announcement group can be found, or any
    /// call error.
    #[uniffi::method(default(options))]
    pub async fn announce(
        &self,
        community_id: CommunityId,
        text: String,
        options: MessageOptions,
    ) -> Result<Announcement, Error> {
        self.0.announce(&community_id, &text, options.into_announce()?).await
    }

    // ----- the message queue ---------------------------------------------------------------

    /// One page of the messages waiting to be sent, oldest first: the first page without
    /// `paging_state`, the next with the `paging_state` the previous page returned. Messages
    /// wait there while the phone is disconnected and all go out when it reconnects.
    ///
    /// # Errors
    /// `Validation` (`paging_state`, `page_size`: 1–30) or any call error.
    #[uniffi::method(default(paging_state = None, page_size = None))]
    pub async fn list_queue(&self, paging_state: Option<String>, page_size: Option<u32>) -> Result<QueuePage, Error> {
        self.0.list_queue(paging_state.as_deref(), page_size).await
    }

    /// Every message waiting to be sent, oldest first, read page by page (at most 1000 are
    /// held). Look before the phone reconnects: they all go out then.
    ///
    /// # Errors
    /// Any call error; `Decode` when a page says more follow but gives no cursor, or the cursor
    /// it was asked with.
    pub async fn queued_messages(&self) -> Result<Vec<QueuedMessage>, Error> {
        self.0.queued_messages().await
    }

    /// Takes one message out of the queue, so that it is never sent. `zaap_id` is the one
    /// `send_text` returned (or a queued message's).
    ///
    /// # Errors
    /// `Validation` (`zaap_id`) or any call error.
    pub async fn delete_queued_message(&self, zaap_id: String) -> Result<(), Error> {
        self.0.delete_queued_message(&zaap_id).await
    }

    /// Empties the queue: none of the messages waiting in it will be sent.
    ///
    /// # Errors
    /// Any call error.
    pub async fn clear_queue(&self) -> Result<(), Error> {
        self.0.clear_queue().await
    }

    // ----- announcement-group resolution ---------------------------------------------------

    /// The announcement group of a community: from the cache when known (the create response and
    /// earlier lookups fill it), else from community metadata, else from the chat list confirmed by
    /// each candidate's group metadata. The answer says which source found it.
    ///
    /// # Errors
    /// `NotFound` when no source has it, or any call error.
    #[uniffi::method(default(source = None))]
    pub async fn resolve_announcement_group(
        &self,
        community_id: CommunityId,
        source: Option<AnnouncementSource>,
    ) -> Result<AnnouncementGroup, Error> {
        match source {
            None => self.0.resolve_announcement_group(&community_id).await,
            Some(source) => self.0.resolve_announcement_group_from(&community_id, source).await,
        }
    }

    /// Tells the client a community's announcement group (source `explicit`), e.g. one stored by
    /// your application. It is used until invalidated.
    ///
    /// # Errors
    /// `Validation` (`community_id`, `group_id`).
    pub fn remember_announcement_group(
        &self,
        community_id: CommunityId,
        group_id: GroupId,
    ) -> Result<AnnouncementGroup, Error> {
        Ok(self.0.remember_announcement_group(&community_id, &group_id))
    }

    /// The cached announcement group of a community, with no I/O.
    ///
    /// # Errors
    /// `Validation` (`community_id`).
    pub fn cached_announcement_group(&self, community_id: CommunityId) -> Result<Option<AnnouncementGroup>, Error> {
        Ok(self.0.cached_announcement_group(&community_id))
    }

    /// Forgets what the client knows of one community (announcement group, linked groups).
    ///
    /// # Errors
    /// `Validation` (`community_id`).
    pub fn invalidate(&self, community_id: CommunityId) -> Result<(), Error> {
        self.0.invalidate(&community_id);
        Ok(())
    }

    /// Forgets everything the client has cached.
    pub fn invalidate_all(&self) {
        self.0.invalidate_all();
    }

    /// What the client knows (announcement groups, linked groups, which community owns which group,
    /// the community ids it has seen) as a versioned JSON document, for `import_knowledge` in
    /// another process or after a restart. It holds ids and names, never a credential.
    pub fn export_knowledge(&self) -> String {
        self.0.export_knowledge()
    }

    /// Adds a document written by `export_knowledge` to what the client knows; an entry for a
    /// community the client knows already replaces it. Everything is checked first: on error
    /// nothing changes.
    ///
    /// # Errors
    /// `Validation` naming `knowledge`.
    pub fn import_knowledge(&self, json: String) -> Result<(), Error> {
        self.0.import_knowledge(&json)
    }
}
