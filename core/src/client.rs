//! The async client: validate → build → send → parse, with the retry policy, the announcement
//! group resolver and its cache. It owns no runtime; the transport brings the I/O.

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use crate::api::{
    Call, ChangeMembers, CreateCommunity, CreateGroup, DeactivateCommunity, Endpoint, GetCommunityMetadata,
    GetGroupInvitationLink, GetGroupMetadata, LinkGroups, ListChats, ListCommunities, MemberAction, MemberTarget,
    RedefineInvitationLink, SendText, UnlinkGroups, UpdateCommunityDescription, UpdateCommunityPhoto,
    UpdateCommunitySettings, UpdateGroupSettings,
};
use crate::error::Error;
use crate::http::HttpResponse;
use crate::knowledge::Knowledge;
use crate::model::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, Community, CommunityId, CommunitySummary, CreatedGroup,
    GroupId, GroupMention, GroupMetadata, GroupSettings, Phone, Photo, Recipient, SentMessage, WhoCanAddGroups,
};
use crate::pager::Pager;
use crate::resolve;
use crate::retry::RetryPolicy;
use crate::transport::{SendOptions, Transport};

/// Base URL shown for the in-memory simulator (never resolved: requests do not leave the process).
pub const SIMULATOR_BASE_URL: &str = "http://simulator.invalid";

/// Page size used when the resolver scans the chat list.
const CHAT_SCAN_PAGE_SIZE: u32 = 200;

/// How the client behaves on every call.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientConfig {
    /// Limit for one exchange (connect, send, read the body). Default 30 s.
    pub timeout: Duration,
    /// Bodies longer than this are refused unread. Default 32 MiB (a 100,000-chat page is ~28 MB).
    pub max_body_bytes: usize,
    /// Which failures are retried, and how.
    pub retry: RetryPolicy,
}

impl Default for ClientConfig {
    fn default() -> Self {
        Self { timeout: Duration::from_secs(30), max_body_bytes: 32 * 1024 * 1024, retry: RetryPolicy::default() }
    }
}

/// Options of [`Client::announce`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct AnnounceOptions {
    /// Seconds the queue waits before the next message (1–15).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub delay_message: Option<u32>,
    /// Seconds "typing…" is shown first (1–15).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub delay_typing: Option<u32>,
    /// Members to mention.
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub mentioned: Vec<Phone>,
    /// Groups of the community to mention (the text must contain `@<group digits>`).
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    pub group_mentioned: Vec<GroupMention>,
}

/// A client for one Z-API instance. Cheap to clone: clones share the connection pool and the
/// announcement-group cache.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), zapi_communities::Error> {
/// use zapi_communities::Client;
/// let client = Client::simulated(); // the embedded simulator; use Client::from_env() for the real service
/// let community = client.create_community("Neighbours", Some("Street news")).await?;
/// let sent = client.announce(&community.id, "Bins go out tonight", Default::default()).await?;
/// assert_eq!(sent.announcement_group.group_id, community.announcement_group.unwrap());
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    endpoint: Endpoint,
    config: ClientConfig,
    transport: Arc<dyn Transport>,
    knowledge: Mutex<Knowledge>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("endpoint", &self.inner.endpoint).field("config", &self.inner.config).finish()
    }
}

/// Builds a [`Client`].
#[derive(Clone)]
pub struct ClientBuilder {
    endpoint: Endpoint,
    config: ClientConfig,
    transport: Option<Arc<dyn Transport>>,
}

impl std::fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientBuilder").field("endpoint", &self.endpoint).field("config", &self.config).finish()
    }
}

impl ClientBuilder {
    /// Sets the per-exchange timeout.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.config.timeout = timeout;
        self
    }

    /// Sets the response body cap.
    pub fn max_body_bytes(mut self, limit: usize) -> Self {
        self.config.max_body_bytes = limit;
        self
    }

    /// Sets the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.config.retry = policy;
        self
    }

    /// Replaces the whole configuration.
    pub fn config(mut self, config: ClientConfig) -> Self {
        self.config = config;
        self
    }

    /// Sends through `transport` instead of the default HTTP stack.
    pub fn transport(mut self, transport: Arc<dyn Transport>) -> Self {
        self.transport = Some(transport);
        self
    }

    /// Finishes the client.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `timeout` when it is zero, or `transport` when no transport
    /// was given and the crate was built without the `reqwest` feature.
    // On wasm32 the transport need not be `Send + Sync` (see `transport::MaybeSend`): there are
    // no threads to share the `Arc` with, and one `Arc` keeps a single code path on every target.
    #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
    pub fn build(self) -> Result<Client, Error> {
        if self.config.timeout.is_zero() {
            return Err(Error::validation("timeout", "must be greater than zero"));
        }
        let transport = match self.transport {
            Some(t) => t,
            None => default_transport()?,
        };
        if self.endpoint.is_public_host() && cfg!(target_arch = "wasm32") {
            // Facts §1.1: the instance token lets anyone send as you; it does not belong in a page.
            tracing::warn!(
                "calling api.z-api.io directly from a browser exposes the instance token; point base_url at your own backend proxy"
            );
        }
        Ok(Client {
            inner: Arc::new(Inner {
                endpoint: self.endpoint,
                config: self.config,
                transport,
                knowledge: Mutex::new(Knowledge::default()),
            }),
        })
    }
}

#[cfg(feature = "reqwest")]
fn default_transport() -> Result<Arc<dyn Transport>, Error> {
    Ok(Arc::new(crate::reqwest_transport::ReqwestTransport::new()?))
}

#[cfg(not(feature = "reqwest"))]
fn default_transport() -> Result<Arc<dyn Transport>, Error> {
    Err(Error::validation("transport", "built without the reqwest feature: pass a transport"))
}

impl Client {
    /// Starts building a client for `endpoint`.
    pub fn builder(endpoint: Endpoint) -> ClientBuilder {
        ClientBuilder { endpoint, config: ClientConfig::default(), transport: None }
    }

    /// A client reading `ZAPI_INSTANCE_ID`, `ZAPI_TOKEN`, `ZAPI_CLIENT_TOKEN` (optional) and
    /// `ZAPI_BASE_URL` (optional, default `https://api.z-api.io`).
    ///
    /// # Errors
    /// [`Error::Validation`] naming the missing or invalid variable.
    pub fn from_env() -> Result<Client, Error> {
        Self::builder(endpoint_from_env(|name| std::env::var(name).ok())?).build()
    }

    /// Like [`Client::from_env`], reading each `ZAPI_*` variable through `get`: for runtimes
    /// whose environment `std::env` cannot see (WebAssembly under Node reads `process.env`).
    ///
    /// ```
    /// use zapi_communities::Client;
    /// let vars = [("ZAPI_INSTANCE_ID", "MY-INSTANCE"), ("ZAPI_TOKEN", "my-token")];
    /// let client = Client::from_vars(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))?;
    /// assert_eq!(client.endpoint().instance_id(), "MY-INSTANCE");
    /// let missing = Client::from_vars(|_| None).unwrap_err();
    /// assert_eq!(missing.field(), Some("ZAPI_INSTANCE_ID"));
    /// # Ok::<(), zapi_communities::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] naming the missing or invalid variable.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Client, Error> {
        Self::builder(endpoint_from_env(get)?).build()
    }

    /// The builder behind [`Client::from_vars`]: the endpoint read from the `ZAPI_*` variables,
    /// so a caller can set the timeout or the retry policy before building (the Python binding's
    /// `Client.from_env(timeout=…, max_retries=…)`).
    ///
    /// ```
    /// use std::time::Duration;
    /// use zapi_communities::Client;
    /// let vars = [("ZAPI_INSTANCE_ID", "MY-INSTANCE"), ("ZAPI_TOKEN", "my-token")];
    /// let get = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
    /// let client = Client::builder_from_vars(get)?.timeout(Duration::from_secs(5)).build()?;
    /// assert_eq!(client.config().timeout, Duration::from_secs(5));
    /// assert_eq!(Client::builder_from_vars(|_| None).unwrap_err().field(), Some("ZAPI_INSTANCE_ID"));
    /// # Ok::<(), zapi_communities::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] naming the missing or invalid variable.
    pub fn builder_from_vars(get: impl Fn(&str) -> Option<String>) -> Result<ClientBuilder, Error> {
        Ok(Self::builder(endpoint_from_env(get)?))
    }

    /// A client wired to a fresh in-memory simulator of the service (no network, no
    /// credentials): the embedded default for tours, tests and demos.
    pub fn simulated() -> Client {
        Self::simulated_with(Arc::new(crate::sim::Simulator::demo()))
            .unwrap_or_else(|_| unreachable!("the demo simulator's credentials are valid"))
    }

    /// A client wired to `simulator` (share it to inspect its state or request log).
    ///
    /// # Errors
    /// [`Error::Validation`] when the simulator's configured instance id or token cannot be used
    /// in a URL (naming `instance_id` or `token`).
    pub fn simulated_with(simulator: Arc<crate::sim::Simulator>) -> Result<Client, Error> {
        let config = simulator.config();
        let mut endpoint =
            Endpoint::new(config.instance_id.clone(), config.token.clone())?.with_base_url(SIMULATOR_BASE_URL)?;
        if let Some(client_token) = &config.client_token {
            endpoint = endpoint.with_client_token(client_token.clone());
        }
        let transport: Arc<dyn Transport> = Arc::new(crate::sim::SimulatorTransport::new(simulator));
        Self::builder(endpoint).transport(transport).build()
    }

    /// The endpoint (tokens redacted in `Debug`).
    pub fn endpoint(&self) -> &Endpoint {
        &self.inner.endpoint
    }

    /// The configuration in force.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    fn knowledge(&self) -> MutexGuard<'_, Knowledge> {
        // A panic while holding the lock cannot leave the cache half-written in a way that
        // matters (every update is a single insert or remove), so a poisoned lock is reused.
        self.inner.knowledge.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs any call: validates and builds it (no I/O on bad input), sends it under the retry
    /// policy, parses the answer. Every error is free of both tokens.
    ///
    /// # Errors
    /// Any [`Error`] kind.
    pub async fn execute<C: Call>(&self, call: &C) -> Result<C::Output, Error> {
        let endpoint = &self.inner.endpoint;
        let request = call.build(endpoint).map_err(|e| endpoint.redact_error(e))?;
        let response = self.send(request).await?;
        call.parse(&response).map_err(|e| endpoint.redact_error(e))
    }

    async fn send(&self, request: crate::http::HttpRequest) -> Result<HttpResponse, Error> {
        let config = &self.inner.config;
        let options = SendOptions { timeout: config.timeout, max_body_bytes: config.max_body_bytes };
        let mut attempt = 0;
        loop {
            tracing::debug!(method = %request.method, path = %request.path, attempt, "sending");
            let outcome = self.inner.transport.send(request.clone(), options).await;
            match config.retry.next_delay(request.method, &outcome, attempt) {
                Some(delay) => {
                    tracing::info!(method = %request.method, path = %request.path, attempt, ?delay, "retrying");
                    self.inner.transport.sleep(delay).await;
                    attempt += 1;
                }
                None => {
                    return match outcome {
                        Ok(response) => {
                            tracing::debug!(path = %request.path, status = response.status, "answered");
                            Ok(response)
                        }
                        Err(error) => {
                            let error = Error::from_transport(error, config.timeout);
                            tracing::warn!(path = %request.path, %error, "failed");
                            Err(self.inner.endpoint.redact_error(error))
                        }
                    };
                }
            }
        }
    }

    // ----- communities -------------------------------------------------------------------

    /// Creates a community and remembers its announcement group from the response.
    ///
    /// # Errors
    /// [`Error::Validation`] (`name`, `description`) before any I/O, or any call error.
    pub async fn create_community(&self, name: &str, description: Option<&str>) -> Result<Community, Error> {
        let call = CreateCommunity { name: name.to_owned(), description: description.map(str::to_owned) };
        let community = self.execute(&call).await?;
        let announcement = resolve::from_community(&community, AnnouncementSource::CreateResponse);
        self.knowledge().learn_community(&community, announcement);
        Ok(community)
    }

    /// One page of the community list (id and name only).
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_communities(&self, page: u32, page_size: u32) -> Result<Vec<CommunitySummary>, Error> {
        self.execute(&ListCommunities::page(page, page_size)).await
    }

    /// Pages through every community.
    pub fn communities(&self, page_size: u32) -> Pager<ListCommunities> {
        Pager::new(self.clone(), page_size)
    }

    /// A community's name, description and groups; refreshes what the client knows of it.
    ///
    /// # Errors
    /// Any call error.
    pub async fn community_metadata(&self, community_id: &CommunityId) -> Result<Community, Error> {
        let community = self.execute(&GetCommunityMetadata { community_id: community_id.clone() }).await?;
        let announcement = resolve::from_community(&community, AnnouncementSource::CommunityMetadata);
        self.knowledge().learn_community(&community, announcement);
        Ok(community)
    }

    /// Links groups to a community. What the client knows (groups already linked, groups owned
    /// by another community) is checked first.
    ///
    /// # Errors
    /// [`Error::Validation`] (`group_ids`, `group_ids[i]`) before any I/O, or any call error.
    pub async fn link_groups(&self, community_id: &CommunityId, group_ids: &[GroupId]) -> Result<(), Error> {
        let call = {
            let known = self.knowledge();
            LinkGroups {
                community_id: community_id.clone(),
                group_ids: group_ids.to_vec(),
                known: known.groups(community_id),
                linked_elsewhere: known.owners(group_ids),
            }
        };
        self.execute(&call).await?;
        self.knowledge().linked(community_id, group_ids);
        Ok(())
    }

    /// Unlinks groups from a community; the groups are kept.
    ///
    /// # Errors
    /// [`Error::Validation`] (e.g. unlinking the last regular group, when known) or any call error.
    pub async fn unlink_groups(&self, community_id: &CommunityId, group_ids: &[GroupId]) -> Result<(), Error> {
        let known = self.knowledge().groups(community_id);
        let call = UnlinkGroups { community_id: community_id.clone(), group_ids: group_ids.to_vec(), known };
        self.execute(&call).await?;
        self.knowledge().unlinked(community_id, group_ids);
        Ok(())
    }

    /// Deactivates a community: all its groups are unlinked and kept. Forgets what the client
    /// knew of it, announcement group included.
    ///
    /// # Errors
    /// Any call error.
    pub async fn deactivate_community(&self, community_id: &CommunityId) -> Result<(), Error> {
        self.execute(&DeactivateCommunity { community_id: community_id.clone() }).await?;
        self.knowledge().forget(community_id);
        Ok(())
    }

    /// Sets who may add groups to the community.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_community_settings(
        &self,
        community_id: &CommunityId,
        who_can_add_new_groups: WhoCanAddGroups,
    ) -> Result<(), Error> {
        self.execute(&UpdateCommunitySettings { community_id: community_id.clone(), who_can_add_new_groups }).await
    }

    /// Replaces the community's description.
    ///
    /// # Errors
    /// [`Error::Validation`] (`description`) or any call error.
    pub async fn update_community_description(
        &self,
        community_id: &CommunityId,
        description: &str,
    ) -> Result<(), Error> {
        let call =
            UpdateCommunityDescription { community_id: community_id.clone(), description: description.to_owned() };
        self.execute(&call).await
    }

    /// Replaces the community's photo.
    ///
    /// # Errors
    /// Any call error (the photo was validated by [`Photo::parse`]).
    pub async fn update_community_photo(&self, community_id: &CommunityId, photo: &Photo) -> Result<(), Error> {
        self.execute(&UpdateCommunityPhoto { community_id: community_id.clone(), photo: photo.clone() }).await
    }

    // ----- members -------------------------------------------------------------------------

    /// Adds people to a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn add_participants(
        &self,
        target: impl Into<MemberTarget>,
        phones: &[Phone],
        auto_invite: bool,
    ) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::AddParticipants { auto_invite }, phones).await
    }

    /// Removes people from a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn remove_participants(&self, target: impl Into<MemberTarget>, phones: &[Phone]) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::RemoveParticipants, phones).await
    }

    /// Promotes people to admins of a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn add_admins(&self, target: impl Into<MemberTarget>, phones: &[Phone]) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::AddAdmins, phones).await
    }

    /// Takes admin rights away in a community or group.
    ///
    /// # Errors
    /// [`Error::Validation`] (`phones`) or any call error.
    pub async fn remove_admins(&self, target: impl Into<MemberTarget>, phones: &[Phone]) -> Result<(), Error> {
        self.change_members(target.into(), MemberAction::RemoveAdmins, phones).await
    }

    async fn change_members(&self, target: MemberTarget, action: MemberAction, phones: &[Phone]) -> Result<(), Error> {
        self.execute(&ChangeMembers { target, action, phones: phones.to_vec() }).await
    }

    // ----- invitation links ----------------------------------------------------------------

    /// Revokes the invitation link of a community or group and returns the new link.
    ///
    /// # Errors
    /// Any call error.
    pub async fn redefine_invitation_link(&self, target: impl Into<MemberTarget>) -> Result<String, Error> {
        self.execute(&RedefineInvitationLink { target: target.into() }).await
    }

    /// A community's current invitation link, read from its announcement group (there is no
    /// community route for reading it, facts §3.12).
    ///
    /// # Errors
    /// Resolution errors ([`Error::NotFound`]) or any call error.
    pub async fn community_invitation_link(&self, community_id: &CommunityId) -> Result<String, Error> {
        let group = self.resolve_announcement_group(community_id).await?;
        self.group_invitation_link(&group.group_id).await
    }

    /// A group's current invitation link.
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_invitation_link(&self, group_id: &GroupId) -> Result<String, Error> {
        self.execute(&GetGroupInvitationLink { group_id: group_id.clone() }).await
    }

    // ----- groups and chats ----------------------------------------------------------------

    /// Creates a group (to link it to a community afterwards).
    ///
    /// # Errors
    /// [`Error::Validation`] (`name`, `phones`) or any call error.
    pub async fn create_group(&self, name: &str, phones: &[Phone], auto_invite: bool) -> Result<CreatedGroup, Error> {
        self.execute(&CreateGroup { name: name.to_owned(), phones: phones.to_vec(), auto_invite }).await
    }

    /// One page of the chat list.
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_chats(&self, page: u32, page_size: u32) -> Result<Vec<Chat>, Error> {
        self.execute(&ListChats { page, page_size }).await
    }

    /// Pages through every chat.
    pub fn chats(&self, page_size: u32) -> Pager<ListChats> {
        Pager::new(self.clone(), page_size)
    }

    /// The ids of the announcement groups on one page of the chat list (`isGroupAnnouncement`),
    /// read without building a [`Chat`] for every entry: the cheap way through a list of
    /// 100,000 chats. The ids are not checked against group metadata; to find the announcement
    /// group of one community, use [`Client::resolve_announcement_group`].
    ///
    /// # Errors
    /// [`Error::Validation`] (`page`, `page_size`) or any call error.
    pub async fn list_announcement_groups(&self, page: u32, page_size: u32) -> Result<Vec<GroupId>, Error> {
        let request = ListChats { page, page_size }.build(&self.inner.endpoint)?;
        let response = self.send(request).await?;
        ListChats::announcement_groups(&response).map_err(|e| self.inner.endpoint.redact_error(e))
    }

    /// A group's metadata (members, flags, community).
    ///
    /// # Errors
    /// Any call error.
    pub async fn group_metadata(&self, group_id: &GroupId) -> Result<GroupMetadata, Error> {
        let metadata = self.execute(&GetGroupMetadata { group_id: group_id.clone(), light: false }).await?;
        self.knowledge().learn_group_owner(&metadata.id, metadata.community_id.as_ref());
        Ok(metadata)
    }

    /// Sets a group's four switches.
    ///
    /// # Errors
    /// Any call error.
    pub async fn update_group_settings(&self, group_id: &GroupId, settings: GroupSettings) -> Result<(), Error> {
        self.execute(&UpdateGroupSettings { group_id: group_id.clone(), settings }).await
    }

    // ----- messages ------------------------------------------------------------------------

    /// Reads a recipient as a user typed it, refusing a community id the client knows (send to
    /// its announcement group instead).
    ///
    /// # Errors
    /// [`Error::NotAnnouncementGroup`] or [`Error::Validation`] naming `to`.
    pub fn recipient(&self, raw: &str) -> Result<Recipient, Error> {
        let trimmed = raw.trim();
        let digits = trimmed.strip_suffix("-group").or_else(|| trimmed.strip_suffix("@g.us")).unwrap_or(trimmed);
        self.refuse_community(digits)?;
        Recipient::parse_field(trimmed, "to")
    }

    fn refuse_community(&self, digits: &str) -> Result<(), Error> {
        let known = self.knowledge();
        match known.is_known_community(digits) {
            Some(community) => Err(Error::NotAnnouncementGroup {
                community_id: community.to_string(),
                announcement_group: known.announcement(community).map(|g| g.group_id.to_string()),
            }),
            None => Ok(()),
        }
    }

    /// Sends a text message. A community id the client knows is refused: a community is
    /// messaged through its announcement group ([`Client::announce`]).
    ///
    /// # Errors
    /// [`Error::NotAnnouncementGroup`], [`Error::Validation`] or any call error.
    pub async fn send_text(&self, call: &SendText) -> Result<SentMessage, Error> {
        let digits = match &call.to {
            Recipient::Phone(p) => p.as_str(),
            Recipient::Group(g) => g.digits(),
        };
        self.refuse_community(digits)?;
        self.execute(call).await
    }

    /// Sends `text` to the whole community: resolves its announcement group (cache first), then
    /// sends there. Only admins can post to it.
    ///
    /// # Errors
    /// [`Error::NotFound`] when no announcement group can be found, or any call error.
    pub async fn announce(
        &self,
        community_id: &CommunityId,
        text: &str,
        options: AnnounceOptions,
    ) -> Result<Announcement, Error> {
        // Validate the message before any lookup, so bad input costs no request at all.
        let parts = SendText {
            // A stand-in group recipient: only the message parts are checked here; the real
            // announcement group replaces it once resolved.
            to: Recipient::Group(GroupId::parse(community_id.as_str())?),
            message: text.to_owned(),
            delay_message: options.delay_message,
            delay_typing: options.delay_typing,
            edit_message_id: None,
            mentioned: options.mentioned,
            group_mentioned: options.group_mentioned,
        };
        parts.validate()?;
        let group = self.resolve_announcement_group(community_id).await?;
        let call = SendText { to: Recipient::Group(group.group_id.clone()), ..parts };
        let message = self.execute(&call).await?;
        Ok(Announcement { announcement_group: group, message })
    }

    // ----- announcement-group resolution ---------------------------------------------------

    /// The announcement group of a community: from the cache when known (the create response
    /// and earlier lookups fill it), else from community metadata, else from the chat list
    /// confirmed by each candidate's group metadata. The answer says which source found it.
    ///
    /// # Errors
    /// [`Error::NotFound`] when no source has it, or any call error.
    pub async fn resolve_announcement_group(&self, community_id: &CommunityId) -> Result<AnnouncementGroup, Error> {
        if let Some(cached) = self.cached_announcement_group(community_id) {
            return Ok(cached);
        }
        match self.resolve_announcement_group_from(community_id, AnnouncementSource::CommunityMetadata).await {
            Err(Error::NotFound { .. }) => {
                self.resolve_announcement_group_from(community_id, AnnouncementSource::ChatList).await
            }
            other => other,
        }
    }

    /// Looks the announcement group up from one source only, bypassing and then refreshing the
    /// cache. `CreateResponse` and `Explicit` are answered from the cache.
    ///
    /// # Errors
    /// [`Error::NotFound`] when that source does not have it, or any call error.
    pub async fn resolve_announcement_group_from(
        &self,
        community_id: &CommunityId,
        source: AnnouncementSource,
    ) -> Result<AnnouncementGroup, Error> {
        let found = match source {
            AnnouncementSource::CommunityMetadata => {
                let community = self.community_metadata(community_id).await?;
                resolve::from_community(&community, source)
            }
            AnnouncementSource::ChatList => self.scan_chats_for_announcement(community_id).await?,
            AnnouncementSource::CreateResponse | AnnouncementSource::Explicit => {
                self.cached_announcement_group(community_id).filter(|g| g.source == source)
            }
        };
        let found = found.ok_or_else(|| Error::NotFound {
            what: format!("announcement group (from {})", source.as_str()),
            id: community_id.to_string(),
        })?;
        if matches!(source, AnnouncementSource::CommunityMetadata | AnnouncementSource::ChatList) {
            self.knowledge().remember_announcement(found.clone());
        }
        Ok(found)
    }

    async fn scan_chats_for_announcement(
        &self,
        community_id: &CommunityId,
    ) -> Result<Option<AnnouncementGroup>, Error> {
        let mut page = 1;
        loop {
            let call = ListChats { page, page_size: CHAT_SCAN_PAGE_SIZE };
            let request = call.build(&self.inner.endpoint)?;
            let response = self.send(request).await?;
            let (candidates, rows) =
                ListChats::scan_announcement_groups(&response).map_err(|e| self.inner.endpoint.redact_error(e))?;
            for candidate in candidates {
                let metadata = self.execute(&GetGroupMetadata { group_id: candidate, light: true }).await?;
                self.knowledge().learn_group_owner(&metadata.id, metadata.community_id.as_ref());
                if let Some(found) = resolve::from_group_metadata(&metadata, community_id) {
                    return Ok(Some(found));
                }
            }
            if rows < CHAT_SCAN_PAGE_SIZE as usize {
                return Ok(None);
            }
            page += 1;
        }
    }

    /// Tells the client a community's announcement group (source `explicit`), e.g. one stored
    /// by your application. It is used until invalidated.
    pub fn remember_announcement_group(&self, community_id: &CommunityId, group_id: &GroupId) -> AnnouncementGroup {
        let group = AnnouncementGroup {
            community_id: community_id.clone(),
            group_id: group_id.clone(),
            name: None,
            source: AnnouncementSource::Explicit,
            from_cache: false,
        };
        self.knowledge().remember_announcement(group.clone());
        group
    }

    /// The cached announcement group of a community, with no I/O.
    pub fn cached_announcement_group(&self, community_id: &CommunityId) -> Option<AnnouncementGroup> {
        self.knowledge().announcement(community_id)
    }

    /// Forgets what the client knows of one community (announcement group, linked groups).
    pub fn invalidate(&self, community_id: &CommunityId) {
        self.knowledge().forget(community_id);
    }

    /// Forgets everything the client has cached.
    pub fn invalidate_all(&self) {
        self.knowledge().forget_all();
    }
}

impl From<CommunityId> for MemberTarget {
    fn from(value: CommunityId) -> Self {
        MemberTarget::Community(value)
    }
}

impl From<&CommunityId> for MemberTarget {
    fn from(value: &CommunityId) -> Self {
        MemberTarget::Community(value.clone())
    }
}

impl From<GroupId> for MemberTarget {
    fn from(value: GroupId) -> Self {
        MemberTarget::Group(value)
    }
}

impl From<&GroupId> for MemberTarget {
    fn from(value: &GroupId) -> Self {
        MemberTarget::Group(value.clone())
    }
}

/// Reads the `ZAPI_*` variables through `get` (a parameter so tests need not touch the process
/// environment).
pub(crate) fn endpoint_from_env(get: impl Fn(&str) -> Option<String>) -> Result<Endpoint, Error> {
    let required =
        |name: &str| get(name).filter(|v| !v.trim().is_empty()).ok_or_else(|| Error::validation(name, "is not set"));
    let mut endpoint = Endpoint::new(required("ZAPI_INSTANCE_ID")?, required("ZAPI_TOKEN")?)
        .map_err(|e| rename_field(e, &[("instance_id", "ZAPI_INSTANCE_ID"), ("token", "ZAPI_TOKEN")]))?;
    if let Some(base) = get("ZAPI_BASE_URL").filter(|v| !v.trim().is_empty()) {
        endpoint = endpoint.with_base_url(&base).map_err(|e| rename_field(e, &[("base_url", "ZAPI_BASE_URL")]))?;
    }
    if let Some(client_token) = get("ZAPI_CLIENT_TOKEN") {
        endpoint = endpoint.with_client_token(client_token);
    }
    Ok(endpoint)
}

fn rename_field(error: Error, names: &[(&str, &str)]) -> Error {
    match error {
        Error::Validation { field, reason } => {
            let field = names.iter().find(|(from, _)| *from == field).map(|(_, to)| (*to).to_owned()).unwrap_or(field);
            Error::Validation { field, reason }
        }
        other => other,
    }
}
