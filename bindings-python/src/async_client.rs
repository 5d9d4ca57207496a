//! `AsyncClient`: the asyncio client. Each method converts its arguments into owned values and
//! returns an awaitable (an `asyncio.Future`) whose work runs on the shared tokio runtime; the
//! event loop is never blocked. The core's checks run inside that work, so a bad value
//! (`ValidationError`) is raised by the `await` like any other `ZapiError`; a wrong type
//! (`TypeError`) or a closed client is reported by the call itself.

use std::future::Future;

use pyo3::prelude::*;
use zapi_communities::{AnnouncementGroup, AnnouncementSource, Client, Error, GroupSettings, WhoCanAddGroups};

use crate::client::Handle;
use crate::convert::{self, MentionArg, MessageOptions, Named, Settings};
use crate::errors::{IntoPyResult, Reply};
use crate::pager::{PyAsyncPager, Source};
use crate::runtime::CatchUnwind;
use crate::{calls, logging};

/// `None` as the result of an awaitable.
struct Done;

impl<'py> IntoPyObject<'py> for Done {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = std::convert::Infallible;

    fn into_pyobject(self, py: Python<'py>) -> Result<Self::Output, Self::Error> {
        Ok(py.None().into_bound(py))
    }
}

/// An asyncio client for one Z-API instance: the methods of ``Client``, awaitable.
///
/// Build it like ``Client`` (keyword arguments, ``AsyncClient.from_env()``,
/// ``AsyncClient.simulated()``); use it with ``async with`` (or ``await close()``) to release the
/// connection pool. Call its methods inside a running event loop. The request starts when the
/// method is called, not when it is awaited.
#[pyclass(name = "AsyncClient", module = "zapi_communities", frozen)]
pub(crate) struct PyAsyncClient(Handle);

impl PyAsyncClient {
    fn spawn<'py, T, F>(&self, py: Python<'py>, call: impl FnOnce(Client) -> F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        let client = self.0.client().or_raise(py)?;
        let redactor = client.clone();
        logging::refresh(py);
        let work = CatchUnwind::new(call(client));
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            Ok(Reply(work.await.map_err(|e| e.redact(redactor.endpoint()))))
        })
    }

    /// [`Self::spawn`] for a call that returns nothing: the awaitable gives `None` (pyo3 would
    /// turn `()` into an empty tuple there).
    fn spawn_unit<'py, F>(&self, py: Python<'py>, call: impl FnOnce(Client) -> F) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<(), Error>> + Send + 'static,
    {
        self.spawn(py, move |c| {
            let work = call(c);
            async move { work.await.map(|()| Done) }
        })
    }

    fn pager(
        &self,
        py: Python<'_>,
        page_size: i64,
        source: impl FnOnce(&Client, u32) -> Source,
    ) -> PyResult<PyAsyncPager> {
        self.0.now(py, |c| Ok(PyAsyncPager::new(source(c, convert::count("page_size", page_size)?))))
    }
}

#[pymethods]
impl PyAsyncClient {
    /// An asyncio client; the arguments are those of ``Client``.
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

    /// An asyncio client configured by the ``ZAPI_*`` variables (see ``Client.from_env``).
    #[staticmethod]
    #[pyo3(signature = (*, timeout = 30.0, max_retries = 2, max_body_bytes = None))]
    fn from_env(py: Python<'_>, timeout: f64, max_retries: i64, max_body_bytes: Option<i64>) -> PyResult<Self> {
        Handle::from_env(Settings { timeout, max_retries, max_body_bytes }).map(Self).or_raise(py)
    }

    /// An asyncio client on a fresh in-memory simulator of the service.
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

    /// Releases the connection pool and the cache (awaitable). Later calls raise
    /// ``TransportError`` (``sent`` False).
    fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.close();
        pyo3_async_runtimes::tokio::future_into_py(py, async { Ok(Done) })
    }

    /// An awaitable of the client itself.
    fn __aenter__<'py>(slf: Py<Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        pyo3_async_runtimes::tokio::future_into_py(py, async move { Ok(slf) })
    }

    /// Closes the client; exceptions propagate (awaitable).
    fn __aexit__<'py>(
        &self,
        py: Python<'py>,
        _exc_type: &Bound<'py, PyAny>,
        _exc: &Bound<'py, PyAny>,
        _traceback: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.0.close();
        pyo3_async_runtimes::tokio::future_into_py(py, async { Ok(false) })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.0.repr(py, "AsyncClient")
    }

    // ----- communities -----------------------------------------------------------------------

    /// Creates a community (and its announcement group, which the client remembers).
    ///
    /// Raises ``ValidationError`` (``name``, ``description``) before any request.
    #[pyo3(signature = (name, description = None))]
    fn create_community<'py>(
        &self,
        py: Python<'py>,
        name: String,
        description: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::create_community(c, name, description))
    }

    /// One page of the community list (id and name only). Pages start at 1.
    #[pyo3(signature = (page = 1, page_size = 100))]
    fn list_communities<'py>(&self, py: Python<'py>, page: i64, page_size: i64) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::list_communities(c, page, page_size))
    }

    /// Every community, page by page: ``async for summary in client.communities(): …``.
    #[pyo3(signature = (page_size = 100))]
    fn communities(&self, py: Python<'_>, page_size: i64) -> PyResult<PyAsyncPager> {
        self.pager(py, page_size, |c, size| Source::Communities(c.communities(size)))
    }

    /// A community's name, description and groups; refreshes what the client knows of it.
    fn community_metadata<'py>(&self, py: Python<'py>, community_id: String) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::community_metadata(c, community_id))
    }

    /// Links groups to a community; resolves to which were linked and which were skipped
    /// (see ``Client.link_groups``).
    ///
    /// Raises ``ValidationError`` (``group_ids``, ``group_ids[i]``) before any request, including
    /// for groups the client knows are linked already or owned by another community.
    fn link_groups<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        group_ids: Vec<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::link_groups(c, community_id, group_ids))
    }

    /// Unlinks groups from a community (the groups are kept); resolves to which were unlinked.
    /// Unlinking the last regular group is refused (``ValidationError``) when the client knows
    /// it is the last.
    fn unlink_groups<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        group_ids: Vec<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::unlink_groups(c, community_id, group_ids))
    }

    /// Deactivates a community: its groups are unlinked and kept. The client forgets it.
    fn deactivate_community<'py>(&self, py: Python<'py>, community_id: String) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::deactivate_community(c, community_id))
    }

    /// Sets who may add groups: ``"admins"`` or ``"all"`` (or a ``WhoCanAddGroups``).
    fn update_community_settings<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        who_can_add_new_groups: Named<WhoCanAddGroups>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::update_community_settings(c, community_id, who_can_add_new_groups))
    }

    /// Replaces the community's description (an empty string clears it).
    fn update_community_description<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        description: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::update_community_description(c, community_id, description))
    }

    /// Replaces the community's photo: an ``http(s)`` URL or a ``data:image/…;base64,`` URI.
    fn update_community_photo<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        photo: String,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::update_community_photo(c, community_id, photo))
    }

    // ----- members ---------------------------------------------------------------------------

    /// Adds people to a community or a group. ``target`` is a community id (bare digits) or a
    /// group id (``…-group``).
    #[pyo3(signature = (target, phones, *, auto_invite = false))]
    fn add_participants<'py>(
        &self,
        py: Python<'py>,
        target: String,
        phones: Vec<String>,
        auto_invite: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::add_participants(c, target, phones, auto_invite))
    }

    /// Removes people from a community or a group (``target`` as in ``add_participants``).
    fn remove_participants<'py>(
        &self,
        py: Python<'py>,
        target: String,
        phones: Vec<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::remove_participants(c, target, phones))
    }

    /// Promotes people to admins of a community or a group.
    fn add_admins<'py>(&self, py: Python<'py>, target: String, phones: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::add_admins(c, target, phones))
    }

    /// Takes admin rights away in a community or a group.
    fn remove_admins<'py>(&self, py: Python<'py>, target: String, phones: Vec<String>) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::remove_admins(c, target, phones))
    }

    // ----- invitation links ------------------------------------------------------------------

    /// Revokes the invitation link of a community or a group and returns the new one.
    fn redefine_invitation_link<'py>(&self, py: Python<'py>, target: String) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::redefine_invitation_link(c, target))
    }

    /// A community's current invitation link (read from its announcement group).
    fn community_invitation_link<'py>(&self, py: Python<'py>, community_id: String) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::community_invitation_link(c, community_id))
    }

    /// A group's current invitation link.
    fn group_invitation_link<'py>(&self, py: Python<'py>, group_id: String) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::group_invitation_link(c, group_id))
    }

    // ----- groups and chats ------------------------------------------------------------------

    /// Creates a group with these members (to link it to a community afterwards).
    #[pyo3(signature = (name, phones, *, auto_invite = false))]
    fn create_group<'py>(
        &self,
        py: Python<'py>,
        name: String,
        phones: Vec<String>,
        auto_invite: bool,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::create_group(c, name, phones, auto_invite))
    }

    /// One page of the chat list. Pages start at 1.
    #[pyo3(signature = (page = 1, page_size = 100))]
    fn list_chats<'py>(&self, py: Python<'py>, page: i64, page_size: i64) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::list_chats(c, page, page_size))
    }

    /// The ids of the announcement groups on one page of the chat list, read in Rust without
    /// building a ``Chat`` for every entry (the fast way through 100,000 chats). Not checked
    /// against group metadata: for one community's announcement group use
    /// ``resolve_announcement_group``.
    #[pyo3(signature = (page = 1, page_size = 1000))]
    fn list_announcement_groups<'py>(&self, py: Python<'py>, page: i64, page_size: i64) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::list_announcement_groups(c, page, page_size))
    }

    /// Every chat, page by page: ``async for chat in client.chats(): …``.
    #[pyo3(signature = (page_size = 100))]
    fn chats(&self, py: Python<'_>, page_size: i64) -> PyResult<PyAsyncPager> {
        self.pager(py, page_size, |c, size| Source::Chats(c.chats(size)))
    }

    /// A group's metadata: members, flags, community.
    fn group_metadata<'py>(&self, py: Python<'py>, group_id: String) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::group_metadata(c, group_id))
    }

    /// Sets a group's four switches (all four are sent).
    fn update_group_settings<'py>(
        &self,
        py: Python<'py>,
        group_id: String,
        settings: GroupSettings,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn_unit(py, move |c| calls::update_group_settings(c, group_id, settings))
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
    fn send_text<'py>(
        &self,
        py: Python<'py>,
        to: String,
        message: String,
        delay_message: Option<i64>,
        delay_typing: Option<i64>,
        edit_message_id: Option<String>,
        mentioned: Option<Vec<String>>,
        group_mentioned: Option<Vec<MentionArg>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = MessageOptions { delay_message, delay_typing, mentioned, group_mentioned };
        self.spawn(py, move |c| calls::send_text(c, to, message, edit_message_id, options))
    }

    /// Sends ``text`` to the whole community: resolves its announcement group (cache first),
    /// then sends there. Only admins can post to it. The message is checked before any lookup.
    #[pyo3(signature = (community_id, text, *, delay_message = None, delay_typing = None, mentioned = None, group_mentioned = None))]
    #[allow(clippy::too_many_arguments)]
    fn announce<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        text: String,
        delay_message: Option<i64>,
        delay_typing: Option<i64>,
        mentioned: Option<Vec<String>>,
        group_mentioned: Option<Vec<MentionArg>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = MessageOptions { delay_message, delay_typing, mentioned, group_mentioned };
        self.spawn(py, move |c| calls::announce(c, community_id, text, options))
    }

    // ----- announcement-group resolution -----------------------------------------------------

    /// The announcement group of a community: from the cache, else community metadata, else
    /// the chat list confirmed by group metadata. With ``source``, only that source is asked
    /// (``"community_metadata"``, ``"chat_list"``; ``"create_response"`` and ``"explicit"``
    /// answer from the cache). The answer's ``source`` and ``from_cache`` say how it was found.
    ///
    /// Raises ``NotFoundError`` when no source has it.
    #[pyo3(signature = (community_id, source = None))]
    fn resolve_announcement_group<'py>(
        &self,
        py: Python<'py>,
        community_id: String,
        source: Option<Named<AnnouncementSource>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.spawn(py, move |c| calls::resolve_announcement_group(c, community_id, source))
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
