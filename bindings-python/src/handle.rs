//! `Handle`: the state `Client` and `AsyncClient` both wrap (one core client, until `close()`),
//! and the constructors and members they share, declared once for both classes.

use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::PyString;
use zapi_communities::{Client, ClientOptions, Error};

use crate::errors::{Failure, IntoPyResult};
use crate::runtime;
use crate::transport::PerProcessTransport;

/// One core client (one connection pool, one announcement-group cache) per Python client object,
/// until `close()`.
pub(crate) struct Handle {
    client: Mutex<Option<Client>>,
    instance_id: String,
    base_url: String,
    timeout_ms: u64,
    max_retries: u32,
    max_body_bytes: usize,
    page_size: u32,
}

impl Handle {
    pub(crate) fn new(client: Client) -> Self {
        let config = client.config();
        Self {
            instance_id: client.endpoint().instance_id().to_owned(),
            base_url: client.endpoint().base_url().to_owned(),
            timeout_ms: u64::try_from(config.timeout.as_millis()).unwrap_or(u64::MAX),
            max_retries: config.retry.max_retries,
            max_body_bytes: config.max_body_bytes,
            page_size: config.page_size,
            client: Mutex::new(Some(client)),
        }
    }

    /// `Client(**options)`.
    pub(crate) fn from_options(options: Result<ClientOptions, Error>) -> Result<Self, Failure> {
        runtime::guard(|| options?.into_builder()?.transport(PerProcessTransport::shared()?).build()).map(Self::new)
    }

    /// `Client.from_env(**options)`: the `ZAPI_*` variables, with the options given overriding them.
    pub(crate) fn from_env(options: Result<ClientOptions, Error>) -> Result<Self, Failure> {
        runtime::guard(|| {
            let builder = Client::builder_from_vars(|name| std::env::var(name).ok(), options?)?;
            builder.transport(PerProcessTransport::shared()?).build()
        })
        .map(Self::new)
    }

    /// The core client, or a `TransportError` (nothing sent) once closed.
    pub(crate) fn client(&self) -> Result<Client, Error> {
        self.lock().clone().ok_or_else(|| Error::Transport { detail: "the client is closed".into(), sent: false })
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

/// Emits the same `#[pymethods]` block into `Client` and `AsyncClient`: what both classes have
/// in common and does no I/O. Each item may use `self.0`, the [`Handle`].
macro_rules! on_both_clients {
    ($($item:item)*) => {
        #[pymethods]
        impl crate::client::PyClient { $($item)* }
        #[pymethods]
        impl crate::async_client::PyAsyncClient { $($item)* }
    };
}

/// The keyword constructor and `from_env` of both clients, one keyword argument per client
/// option, expanded from the core's list of options ([`zapi_communities::for_each_client_option`]).
macro_rules! option_constructors {
    ($( $(#[doc = $doc:literal])* $name:ident : $ty:ty, )*) => {
        on_both_clients! {
            /// A client for one Z-API instance. Every option is a keyword argument and optional:
            /// ``instance_id`` and ``token`` (or ``proxy=True`` with ``base_url`` your backend),
            /// ``client_token``, ``base_url``, ``timeout_ms``, ``max_retries``,
            /// ``initial_backoff_ms``, ``max_backoff_ms``, ``max_body_bytes``,
            /// ``allow_insecure_http``, ``page_size``. See ``ClientOptions`` in the README for each.
            ///
            /// Raises ``ValidationError`` naming the bad option.
            #[new]
            #[pyo3(signature = (*, $($name = None),*))]
            #[allow(clippy::too_many_arguments)]
            fn new(py: Python<'_>, $($name: Option<Bound<'_, PyAny>>),*) -> PyResult<Self> {
                let given = crate::options::read([$((stringify!($name), $name)),*]);
                crate::handle::Handle::from_options(given).map(Self).or_raise(py)
            }

            /// A client configured by the `ZAPI_*` environment variables: every `ClientOptions`
            /// field, `ZAPI_` and its name in capitals (`ZAPI_INSTANCE_ID`, `ZAPI_TOKEN`,
            /// `ZAPI_CLIENT_TOKEN`, `ZAPI_BASE_URL`, `ZAPI_TIMEOUT_MS`, `ZAPI_ALLOW_INSECURE_HTTP`,
            /// …).
            ///
            /// The keyword arguments, the same as the constructor's, override the variables.
            /// Raises ``ValidationError`` naming the missing or invalid variable (or option).
            #[staticmethod]
            #[pyo3(signature = (*, $($name = None),*))]
            #[allow(clippy::too_many_arguments)]
            fn from_env(py: Python<'_>, $($name: Option<Bound<'_, PyAny>>),*) -> PyResult<Self> {
                let given = crate::options::read([$((stringify!($name), $name)),*]);
                crate::handle::Handle::from_env(given).map(Self).or_raise(py)
            }
        }
    };
}

zapi_communities::for_each_client_option!(option_constructors);

on_both_clients! {
    /// A client wired to a fresh in-memory simulator of the service (no network, no credentials):
    /// the embedded default for tours, tests and demos.
    ///
    /// Pass a ``Simulator`` to talk to one you keep (to act as someone else on it).
    #[staticmethod]
    #[pyo3(signature = (simulator = None))]
    fn simulated(py: Python<'_>, simulator: Option<PyRef<'_, crate::simulator::PySimulator>>) -> PyResult<Self> {
        match simulator {
            None => Ok(Self(Handle::new(Client::simulated()))),
            Some(sim) => Client::simulated_with(std::sync::Arc::clone(&sim.0)).map(|c| Self(Handle::new(c))).or_raise(py),
        }
    }

    /// The instance id (``proxy`` in proxy mode).
    #[getter]
    fn instance_id(&self) -> &str {
        &self.0.instance_id
    }

    /// The base URL requests go to.
    #[getter]
    fn base_url(&self) -> &str {
        &self.0.base_url
    }

    /// The limit of one exchange, in milliseconds.
    #[getter]
    fn timeout_ms(&self) -> u64 {
        self.0.timeout_ms
    }

    /// Retries after a failed first attempt.
    #[getter]
    fn max_retries(&self) -> u32 {
        self.0.max_retries
    }

    /// Responses longer than this many bytes are refused unread.
    #[getter]
    fn max_body_bytes(&self) -> usize {
        self.0.max_body_bytes
    }

    /// Items per page of a pager given no page size.
    #[getter]
    fn page_size(&self) -> u32 {
        self.0.page_size
    }

    /// Whether ``close()`` was called.
    #[getter]
    fn is_closed(&self) -> bool {
        self.0.is_closed()
    }

    /// Tells the client a community's announcement group (source `explicit`), e.g. one stored by
    /// your application. It is used until invalidated.
    fn remember_announcement_group(
        &self,
        py: Python<'_>,
        community_id: String,
        group_id: String,
    ) -> PyResult<zapi_communities::AnnouncementGroup> {
        self.0.now(py, |c| {
            let (community, group) = (crate::convert::community(&community_id)?, crate::convert::group(&group_id)?);
            Ok(c.remember_announcement_group(&community, &group))
        })
    }

    /// The cached announcement group of a community, with no I/O.
    fn cached_announcement_group(
        &self,
        py: Python<'_>,
        community_id: String,
    ) -> PyResult<Option<zapi_communities::AnnouncementGroup>> {
        self.0.now(py, |c| Ok(c.cached_announcement_group(&crate::convert::community(&community_id)?)))
    }

    /// Forgets what the client knows of one community (announcement group, linked groups).
    fn invalidate(&self, py: Python<'_>, community_id: String) -> PyResult<()> {
        self.0.now(py, |c| {
            c.invalidate(&crate::convert::community(&community_id)?);
            Ok(())
        })
    }

    /// Forgets everything the client has cached.
    fn invalidate_all(&self, py: Python<'_>) -> PyResult<()> {
        self.0.now(py, |c| {
            c.invalidate_all();
            Ok(())
        })
    }

    /// What the client knows (announcement groups, linked groups, which community owns which group,
    /// the community ids it has seen) as a versioned JSON document, for `import_knowledge` in
    /// another process or after a restart. It holds ids and names, never a credential.
    fn export_knowledge(&self, py: Python<'_>) -> PyResult<String> {
        self.0.now(py, |c| Ok(c.export_knowledge()))
    }

    /// Adds a document written by `export_knowledge` to what the client knows; an entry for a
    /// community the client knows already replaces it. Everything is checked first: on error
    /// nothing changes.
    fn import_knowledge(&self, py: Python<'_>, json: &str) -> PyResult<()> {
        self.0.now(py, |c| c.import_knowledge(json))
    }
}
