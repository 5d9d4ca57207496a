//! `Client`: the blocking client. Each method converts its arguments into owned values, releases
//! the GIL and blocks on the shared runtime until the core answers. `Handle`, the state both
//! clients wrap, lives here too.

use std::future::Future;
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;
use zapi_communities::{
    Announcement, AnnouncementGroup, AnnouncementSource, Chat, Client, Community, CommunitySummary, CreatedGroup,
    Error, GroupMetadata, GroupSettings, LinkOutcome, SentMessage, UnlinkOutcome, WhoCanAddGroups,
};

use crate::convert::{self, MentionArg, MessageOptions, Named, Settings};
use crate::errors::{Failure, IntoPyResult};
use crate::pager::{PyPager, Source};
use crate::{calls, logging, runtime};

/// One core client (one connection pool, one announcement-group cache) per Python client object,
/// until `close()`.
pub(crate) struct Handle {
    client: Mutex<Option<Client>>,
    instance_id: String,
    base_url: String,
    timeout: f64,
    max_retries: u32,
    max_body_bytes: usize,
}

impl Handle {
    pub(crate) fn new(client: Client) -> Self {
        Self {
            instance_id: client.endpoint().instance_id().to_owned(),
            base_url: client.endpoint().base_url().to_owned(),
            timeout: client.config().timeout.as_secs_f64(),
            max_retries: client.config().retry.max_retries,
            max_body_bytes: client.config().max_body_bytes,
            client: Mutex::new(Some(client)),
        }
    }

    /// `Client(instance_id=…, token=…, …)`.
    pub(crate) fn from_args(
        instance_id: String,
        token: String,
        client_token: Option<String>,
        base_url: Option<String>,
        settings: Settings,
    ) -> Result<Self, Failure> {
        runtime::guard(|| {
            let endpoint = convert::endpoint(instance_id, token, client_token, base_url)?;
            settings.build(Client::builder(endpoint))
        })
        .map(Self::new)
    }

    /// `Client.from_env(…)`: the `ZAPI_*` variables, as the core reads them.
    pub(crate) fn from_env(settings: Settings) -> Result<Self, Failure> {
        runtime::guard(|| settings.build(Client::builder_from_vars(|name| std::env::var(name).ok())?)).map(Self::new)
    }

    /// The core client, or a `TransportError` (nothing sent) once closed.
    pub(crate) fn client(&self) -> Result<Client, Error> {
        self.lock().clone().ok_or_else(|| Error::Transport { message: "the client is closed".into(), sent: false })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Option<Client>> {
        self.client.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Drops the core client: its connection pool closes once no pager still uses it.
    pub(crate) fn close(&self) {
        self.lock().take();
    }

    pub(crate) fn is_closed(&self) -> bool {
        self.lock().is_none()
    }

    pub(crate) fn instance_id(&self) -> &str {
        &self.instance_id
    }

    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }

    pub(crate) fn timeout(&self) -> f64 {
        self.timeout
    }

    pub(crate) fn max_retries(&self) -> u32 {
        self.max_retries
    }

    pub(crate) fn max_body_bytes(&self) -> usize {
        self.max_body_bytes
    }

    /// `<zapi_communities.Client instance_id='…' base_url='…'>` (Python's quoting); never a token.
    pub(crate) fn repr(&self, py: Python<'_>, class: &str) -> PyResult<String> {
        let instance_id = PyString::new(py, &self.instance_id).repr()?;
        let base_url = PyString::new(py, &self.base_url).repr()?;
        let closed = if self.is_closed() { " closed" } else { "" };
        Ok(format!("<zapi_communities.{class} instance_id={instance_id} base_url={base_url}{closed}>"))
    }

    /// Runs a call that does no I/O, with the GIL held.
    pub(crate) fn now<T>(&self, py: Python<'_>, f: impl FnOnce(&Client) -> Result<T, Error>) -> PyResult<T> {
        let client = self.client().or_raise(py)?;
        runtime::guard(|| f(&client)).map_err(|e| e.redact(client.endpoint())).or_raise(py)
    }
}

/// A blocking client for one Z-API instance.
///
/// Build it with keyword arguments, from the ``ZAPI_*`` environment variables
/// (``Client.from_env()``), or on the in-memory simulator (``Client.simulated()``). Calls
/// release the GIL while they wait, and reuse connections. Use it as a context manager (or call
/// ``close()``) to release the connection pool.
#[pyclass(name = "Client", module = "zapi_communities", frozen)]
pub(crate) struct PyClient(Handle);

impl PyClient {
    fn run<T: Send, F: Future<Output = Result<T, Error>>>(
        &self,
        py: Python<'_>,
        call: impl FnOnce(Client) -> F + Send,
    ) -> PyResult<T> {
        let client = self.0.client().or_raise(py)?;
        let redactor = client.clone();
        logging::refresh(py);
        py.detach(move || runtime::block_on(call(client))).map_err(|e| e.redact(redactor.endpoint())).or_raise(py)
    }

    fn pager(&self, py: Python<'_>, page_size: i64, source: impl FnOnce(&Client, u32) -> Source) -> PyResult<PyPager> {
        self.0.now(py, |c| Ok(PyPager::new(source(c, convert::count("page_size", page_size)?))))
    }
}

#[pymethods]
impl PyClient {
    /// A client for the instance ``instance_id`` with its ``token``; ``client_token`` is the
    /// account's security token (sent as ``Client-Token`` when given), ``base_url`` another host
    /// than ``https://api.z-api.io`` (a proxy, the simulator server), ``timeout`` the limit of one
    /// exchange in seconds, ``max_retries`` how often a failed idempotent call (or a POST that
    /// never left) is repeated, ``max_body_bytes`` the largest response body read (default
    /// 32 MiB).
    ///
    /// Raises ``ValidationError`` naming the bad argument.
    #[new]
    #[pyo3(signature = (
        *, instance_id, token, client_token = None, base_url = None, timeout = 30.0, max_retries = 2,
        max_body_bytes = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        instance_id: String,
        token: String,
        client_token: Option<String>,
        base_url: Option<String>,
        timeout: f64,
        max_retries: i64,
        max_body_bytes: Option<i64>,
    ) -> PyResult<Self> {
        let settings = Settings { timeout, max_retries, max_body_bytes };
        Handle::from_args(instance_id, token, client_token, base_url, settings).map(Self).or_raise(py)
    }

    /// A client configured by ``ZAPI_INSTANCE_ID``, ``ZAPI_TOKEN``, ``ZAPI_CLIENT_TOKEN``
    /// (optional) and ``ZAPI_BASE_URL`` (optional).
    ///
    /// Raises ``ValidationError`` naming the missing or invalid variable.
    #[staticmethod]
    #[pyo3(signature = (*, timeout = 30.0, max_retries = 2, max_body_bytes = None))]
    fn from_env(py: Python<'_>, timeout: f64, max_retries: i64, max_body_bytes: Option<i64>) -> PyResult<Self> {
        Handle::from_env(Settings { timeout, max_retries, max_body_bytes }).map(Self).or_raise(py)
    }

    /// A client on a fresh in-memory simulator of the service: no network, no credentials.
    #[staticmethod]
    fn simulated() -> Self {
        Self(Handle::new(Client::simulated()))
    }

    /// The instance id.
    #[getter]
    fn instance_id(&self) -> &str {
        self.0.instance_id()
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self) -> &str {
        self.0.base_url()
    }

    /// The limit of one exchange, in seconds.
    #[getter]
    fn timeout(&self) -> f64 {
        self.0.timeout()
    }

    /// Retries after a failed first attempt.
    #[getter]
    fn max_retries(&self) -> u32 {
        self.0.max_retries()
    }

    /// Responses longer than this many bytes are refused unread.
    #[getter]
    fn max_body_bytes(&self) -> usize {
        self.0.max_body_bytes()
    }

    /// Whether ``close()`` was called.
    #[getter]
    fn is_closed(&self) -> bool {
        self.0.is_closed()
    }

    /// Releases the connection pool and the cache. Later calls raise ``TransportError``
    /// (``sent`` False). Calling it again does nothing.
    fn close(&self) {
        self.0.close()
    }

    /// Returns the client itself.
    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// Closes the client; exceptions propagate.
    fn __exit__(&self, _exc_type: &Bound<'_, PyAny>, _exc: &Bound<'_, PyAny>, _traceback: &Bound<'_, PyAny>) -> bool {
        self.0.close();
        false
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.0.repr(py, "Client")
    }

    // ----- communities -----------------------------------------------------------------------

    /// Creates a community (and its announcement group, which the client remembers).
    ///
    /// Raises ``ValidationError`` (``name``, ``description``) before any request.
    #[pyo3(signature = (name, description = None))]
    fn create_community(&self, py: Python<'_>, name: String, description: Option<String>) -> PyResult<Community> {
        self.run(py, move |c| calls::create_community(c, name, description))
    }

    /// One page of the community list (id and name only). Pages start at 1.
    #[pyo3(signature = (page = 1, page_size = 100))]
    fn list_communities(&self, py: Python<'_>, page: i64, page_size: i64) -> PyResult<Vec<CommunitySummary>> {
        self.run(py, move |c| calls::list_communities(c, page, page_size))
    }

    /// Every community, page by page: ``for summary in client.communities(): …``.
    #[pyo3(signature = (page_size = 100))]
    fn communities(&self, py: Python<'_>, page_size: i64) -> PyResult<PyPager> {
        self.pager(py, page_size, |c, size| Source::Communities(c.communities(size)))
    }

    /// A community's name, description and groups; refreshes what the client knows of it.
    fn community_metadata(&self, py: Python<'_>, community_id: String) -> PyResult<Community> {
        self.run(py, move |c| calls::community_metadata(c, community_id))
    }

    /// Links groups to a community and returns which were linked (``linked``) and which the
    /// service skipped (``skipped``, e.g. a group already in another community). When the answer
    /// does not say, the community's metadata is read once to find out.
    ///
    /// Raises ``ValidationError`` (``group_ids``, ``group_ids[i]``) before any request, including
    /// for groups the client knows are linked already or owned by another community.
    fn link_groups(&self, py: Python<'_>, community_id: String, group_ids: Vec<String>) -> PyResult<LinkOutcome> {
        self.run(py, move |c| calls::link_groups(c, community_id, group_ids))
    }

    /// Unlinks groups from a community (the groups are kept) and returns which were unlinked.
    /// Unlinking the last regular group is refused (``ValidationError``) when the client knows
    /// it is the last.
    fn unlink_groups(&self, py: Python<'_>, community_id: String, group_ids: Vec<String>) -> PyResult<UnlinkOutcome> {
        self.run(py, move |c| calls::unlink_groups(c, community_id, group_ids))
    }

    /// Deactivates a community: its groups are unlinked and kept. The client forgets it.
    fn deactivate_community(&self, py: Python<'_>, community_id: String) -> PyResult<()> {
        self.run(py, move |c| calls::deactivate_community(c, community_id))
    }

    /// Sets who may add groups: ``"admins"`` or ``"all"`` (or a ``WhoCanAddGroups``).
    fn update_community_settings(
        &self,
        py: Python<'_>,
        community_id: String,
        who_can_add_new_groups: Named<WhoCanAddGroups>,
    ) -> PyResult<()> {
        self.run(py, move |c| calls::update_community_settings(c, community_id, who_can_add_new_groups))
    }

    /// Replaces the community's description (an empty string clears it).
    fn update_community_description(&self, py: Python<'_>, community_id: String, description: String) -> PyResult<()> {
        self.run(py, move |c| calls::update_community_description(c, community_id, description))
    }

    /// Replaces the community's photo: an ``http(s)`` URL or a ``data:image/…;base64,`` URI.
    fn update_community_photo(&self, py: Python<'_>, community_id: String, photo: String) -> PyResult<()> {
        self.run(py, move |c| calls::update_community_photo(c, community_id, photo))
    }

    // ----- members ---------------------------------------------------------------------------

    /// Adds people to a community or a group. ``target`` is a community id (bare digits) or a
    /// group id (``…-group``).
    #[pyo3(signature = (target, phones, *, auto_invite = false))]
    fn add_participants(&self, py: Python<'_>, target: String, phones: Vec<String>, auto_invite: bool) -> PyResult<()> {
        self.run(py, move |c| calls::add_participants(c, target, phones, auto_invite))
    }

    /// Removes people from a community or a group (``target`` as in ``add_participants``).
    fn remove_participants(&self, py: Python<'_>, target: String, phones: Vec<String>) -> PyResult<()> {
        self.run(py, move |c| calls::remove_participants(c, target, phones))
    }

    /// Promotes people to admins of a community or a group.
    fn add_admins(&self, py: Python<'_>, target: String, phones: Vec<String>) -> PyResult<()> {
        self.run(py, move |c| calls::add_admins(c, target, phones))
    }

    /// Takes admin rights away in a community or a group.
    fn remove_admins(&self, py: Python<'_>, target: String, phones: Vec<String>) -> PyResult<()> {
        self.run(py, move |c| calls::remove_admins(c, target, phones))
    }

    // ----- invitation links ------------------------------------------------------------------

    /// Revokes the invitation link of a community or a group and returns the new one.
    fn redefine_invitation_link(&self, py: Python<'_>, target: String) -> PyResult<String> {
        self.run(py, move |c| calls::redefine_invitation_link(c, target))
    }

    /// A community's current invitation link (read from its announcement group).
    fn community_invitation_link(&self, py: Python<'_>, community_id: String) -> PyResult<String> {
        self.run(py, move |c| calls::community_invitation_link(c, community_id))
    }

    /// A group's current invitation link.
    fn group_invitation_link(&self, py: Python<'_>, group_id: String) -> PyResult<String> {
        self.run(py, move |c| calls::group_invitation_link(c, group_id))
    }

    // ----- groups and chats ------------------------------------------------------------------

    /// Creates a group with these members (to link it to a community afterwards).
    #[pyo3(signature = (name, phones, *, auto_invite = false))]
    fn create_group(
        &self,
        py: Python<'_>,
        name: String,
        phones: Vec<String>,
        auto_invite: bool,
    ) -> PyResult<CreatedGroup> {
        self.run(py, move |c| calls::create_group(c, name, phones, auto_invite))
    }

    /// One page of the chat list. Pages start at 1.
    #[pyo3(signature = (page = 1, page_size = 100))]
    fn list_chats(&self, py: Python<'_>, page: i64, page_size: i64) -> PyResult<Vec<Chat>> {
        self.run(py, move |c| calls::list_chats(c, page, page_size))
    }

    /// The ids of the announcement groups on one page of the chat list, read in Rust without
    /// building a ``Chat`` for every entry (the fast way through 100,000 chats). Not checked
    /// against group metadata: for one community's announcement group use
    /// ``resolve_announcement_group``.
    #[pyo3(signature = (page = 1, page_size = 1000))]
    fn list_announcement_groups(&self, py: Python<'_>, page: i64, page_size: i64) -> PyResult<Vec<String>> {
        self.run(py, move |c| calls::list_announcement_groups(c, page, page_size))
    }

    /// Every chat, page by page: ``for chat in client.chats(): …``.
    #[pyo3(signature = (page_size = 100))]
    fn chats(&self, py: Python<'_>, page_size: i64) -> PyResult<PyPager> {
        self.pager(py, page_size, |c, size| Source::Chats(c.chats(size)))
    }

    /// A group's metadata: members, flags, community.
    fn group_metadata(&self, py: Python<'_>, group_id: String) -> PyResult<GroupMetadata> {
        self.run(py, move |c| calls::group_metadata(c, group_id))
    }

    /// Sets a group's four switches (all four are sent).
    fn update_group_settings(&self, py: Python<'_>, group_id: String, settings: GroupSettings) -> PyResult<()> {
        self.run(py, move |c| calls::update_group_settings(c, group_id, settings))
    }

    // ----- messages --------------------------------------------------------------------------

    /// Sends a text message to a phone or a group. A community id the client knows is refused
    /// with ``NotAnnouncementGroupError`` before any request: use ``announce``.
    ///
    /// ``delay_message`` / ``delay_typing`` are seconds (1–15); ``mentioned`` lists phones;
    /// ``group_mentioned`` lists ``{"group_id": …, "subject": …}`` (the text must contain
    /// ``@<group digits>``); ``edit_message_id`` replaces a message sent earlier.
    #[pyo3(signature = (
        to, message, *, delay_message = None, delay_typing = None, edit_message_id = None, mentioned = None,
        group_mentioned = None
    ))]
    #[allow(clippy::too_many_arguments)]
    fn send_text(
        &self,
        py: Python<'_>,
        to: String,
        message: String,
        delay_message: Option<i64>,
        delay_typing: Option<i64>,
        edit_message_id: Option<String>,
        mentioned: Option<Vec<String>>,
        group_mentioned: Option<Vec<MentionArg>>,
    ) -> PyResult<SentMessage> {
        let options = MessageOptions { delay_message, delay_typing, mentioned, group_mentioned };
        self.run(py, move |c| calls::send_text(c, to, message, edit_message_id, options))
    }

    /// Sends ``text`` to the whole community: resolves its announcement group (cache first),
    /// then sends there. Only admins can post to it. The message is checked before any lookup.
    #[pyo3(signature = (community_id, text, *, delay_message = None, delay_typing = None, mentioned = None, group_mentioned = None))]
    #[allow(clippy::too_many_arguments)]
    fn announce(
        &self,
        py: Python<'_>,
        community_id: String,
        text: String,
        delay_message: Option<i64>,
        delay_typing: Option<i64>,
        mentioned: Option<Vec<String>>,
        group_mentioned: Option<Vec<MentionArg>>,
    ) -> PyResult<Announcement> {
        let options = MessageOptions { delay_message, delay_typing, mentioned, group_mentioned };
        self.run(py, move |c| calls::announce(c, community_id, text, options))
    }

    // ----- announcement-group resolution -----------------------------------------------------

    /// The announcement group of a community: from the cache, else community metadata, else
    /// the chat list confirmed by group metadata. With ``source``, only that source is asked
    /// (``"community_metadata"``, ``"chat_list"``; ``"create_response"`` and ``"explicit"``
    /// answer from the cache). The answer's ``source`` and ``from_cache`` say how it was found.
    ///
    /// Raises ``NotFoundError`` when no source has it.
    #[pyo3(signature = (community_id, source = None))]
    fn resolve_announcement_group(
        &self,
        py: Python<'_>,
        community_id: String,
        source: Option<Named<AnnouncementSource>>,
    ) -> PyResult<AnnouncementGroup> {
        self.run(py, move |c| calls::resolve_announcement_group(c, community_id, source))
    }

    /// Tells the client a community's announcement group (source ``explicit``), e.g. one your
    /// application stored. It is used until invalidated. No request is made.
    fn remember_announcement_group(
        &self,
        py: Python<'_>,
        community_id: String,
        group_id: String,
    ) -> PyResult<AnnouncementGroup> {
        self.0.now(py, |c| calls::remember_announcement_group(c, &community_id, &group_id))
    }

    /// The cached announcement group of a community, or None. No request is made.
    fn cached_announcement_group(&self, py: Python<'_>, community_id: String) -> PyResult<Option<AnnouncementGroup>> {
        self.0.now(py, |c| calls::cached_announcement_group(c, &community_id))
    }

    /// Forgets what the client knows of one community (announcement group, linked groups).
    fn invalidate(&self, py: Python<'_>, community_id: String) -> PyResult<()> {
        self.0.now(py, |c| calls::invalidate(c, &community_id))
    }

    /// Forgets everything the client has cached.
    fn invalidate_all(&self, py: Python<'_>) -> PyResult<()> {
        self.0.now(py, calls::invalidate_all)
    }
}
