//! `AsyncClient`: the asyncio client. Its constructors and shared members are in `handle.rs`,
//! its calls in `methods.rs`; this file holds how a call becomes an awaitable (an
//! `asyncio.Future` whose work runs on the shared tokio runtime, so the event loop is never
//! blocked) and what only the asyncio client has: the async context manager and its pagers.
//! The core's checks run inside that work, so a bad value (`ValidationError`) is raised by the
//! `await` like any other `ZapiError`; a wrong type (`TypeError`) or a closed client is
//! reported by the call itself.

use std::future::Future;

use pyo3::prelude::*;
use zapi_communities::{Client, Error};

use crate::convert;
use crate::errors::{IntoPyResult, Reply};
use crate::handle::Handle;
use crate::logging;
use crate::pager::{PyAsyncPager, Source};
use crate::runtime::CatchUnwind;

/// An asyncio client for one Z-API instance: the methods of ``Client``, awaitable.
///
/// Build it like ``Client`` (keyword arguments, ``AsyncClient.from_env()``,
/// ``AsyncClient.simulated()``); use it with ``async with`` (or ``await close()``) to release the
/// connection pool. Call its methods inside a running event loop. The request starts when the
/// method is called, not when it is awaited.
#[pyclass(name = "AsyncClient", module = "zapi_communities", frozen)]
pub(crate) struct PyAsyncClient(pub(crate) Handle);

impl PyAsyncClient {
    /// Starts one call on the shared runtime and returns its awaitable.
    pub(crate) fn spawn<'py, T, F>(
        &self,
        py: Python<'py>,
        call: impl FnOnce(Client) -> F,
    ) -> PyResult<Bound<'py, PyAny>>
    where
        F: Future<Output = Result<T, Error>> + Send + 'static,
        T: for<'a> IntoPyObject<'a> + Send + 'static,
    {
        let client = self.0.client().or_raise(py)?;
        let redactor = client.clone();
        logging::refresh(py);
        let work = CatchUnwind::new(call(client));
        crate::runtime::awaitable(py, async move { Ok(Reply(work.await.map_err(|e| e.redact(redactor.endpoint())))) })
    }

    fn pager(
        &self,
        py: Python<'_>,
        page_size: Option<i64>,
        source: impl FnOnce(&Client) -> Source,
    ) -> PyResult<PyAsyncPager> {
        self.0.now(py, |c| {
            let size = page_size.map(|s| convert::count("page_size", s)).transpose()?;
            Ok(PyAsyncPager::new(source(c).page_size(size)))
        })
    }
}

#[pymethods]
impl PyAsyncClient {
    /// Releases the connection pool and the cache (awaitable). Later calls raise
    /// ``TransportError`` (``sent`` False).
    fn close<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.0.close();
        crate::runtime::awaitable(py, async { Ok(Reply(Ok(()))) })
    }

    /// An awaitable of the client itself.
    fn __aenter__<'py>(slf: Py<Self>, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::runtime::awaitable(py, async move { Ok(slf) })
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
        crate::runtime::awaitable(py, async { Ok(false) })
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        self.0.repr(py, "AsyncClient")
    }

    /// Pages through every community, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[pyo3(signature = (page_size = None))]
    fn communities(&self, py: Python<'_>, page_size: Option<i64>) -> PyResult<PyAsyncPager> {
        self.pager(py, page_size, |c| Source::Communities(c.communities()))
    }

    /// Pages through every chat, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[pyo3(signature = (page_size = None))]
    fn chats(&self, py: Python<'_>, page_size: Option<i64>) -> PyResult<PyAsyncPager> {
        self.pager(py, page_size, |c| Source::Chats(c.chats()))
    }

    /// Pages through every group, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[pyo3(signature = (page_size = None))]
    fn groups(&self, py: Python<'_>, page_size: Option<i64>) -> PyResult<PyAsyncPager> {
        self.pager(py, page_size, |c| Source::Groups(c.groups()))
    }
}
