//! `Client`: the blocking client. Its constructors and shared members are in `handle.rs`, its
//! calls in `methods.rs`; this file holds how a call blocks (the GIL released while the core
//! works) and what only the blocking client has: the context manager and its pagers.

use std::future::Future;

use pyo3::prelude::*;
use zapi_communities::{Client, Error};

use crate::convert;
use crate::errors::IntoPyResult;
use crate::handle::Handle;
use crate::pager::{PyPager, Source};
use crate::{logging, runtime};

/// A blocking client for one Z-API instance.
///
/// Build it with keyword arguments, from the ``ZAPI_*`` environment variables
/// (``Client.from_env()``), or on the in-memory simulator (``Client.simulated()``). Calls
/// release the GIL while they wait, and reuse connections. Use it as a context manager (or call
/// ``close()``) to release the connection pool.
#[pyclass(name = "Client", module = "zapi_communities", frozen)]
pub(crate) struct PyClient(pub(crate) Handle);

impl PyClient {
    /// Runs one call: converts nothing (the arguments are owned already), releases the GIL and
    /// blocks on the shared runtime until the core answers.
    pub(crate) fn run<T: Send, F: Future<Output = Result<T, Error>>>(
        &self,
        py: Python<'_>,
        call: impl FnOnce(Client) -> F + Send,
    ) -> PyResult<T> {
        let client = self.0.client().or_raise(py)?;
        let redactor = client.clone();
        logging::refresh(py);
        py.detach(move || runtime::block_on(call(client))).map_err(|e| e.redact(redactor.endpoint())).or_raise(py)
    }

    fn pager(
        &self,
        py: Python<'_>,
        page_size: Option<i64>,
        source: impl FnOnce(&Client) -> Source,
    ) -> PyResult<PyPager> {
        self.0.now(py, |c| {
            let size = page_size.map(|s| convert::count("page_size", s)).transpose()?;
            Ok(PyPager::new(source(c).page_size(size)))
        })
    }
}

#[pymethods]
impl PyClient {
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

    /// Pages through every community, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[pyo3(signature = (page_size = None))]
    fn communities(&self, py: Python<'_>, page_size: Option<i64>) -> PyResult<PyPager> {
        self.pager(py, page_size, |c| Source::Communities(c.communities()))
    }

    /// Pages through every chat, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[pyo3(signature = (page_size = None))]
    fn chats(&self, py: Python<'_>, page_size: Option<i64>) -> PyResult<PyPager> {
        self.pager(py, page_size, |c| Source::Chats(c.chats()))
    }

    /// Pages through every group, `page_size` at a time (by default the client's `page_size`
    /// option). Nothing is requested until the first page.
    #[pyo3(signature = (page_size = None))]
    fn groups(&self, py: Python<'_>, page_size: Option<i64>) -> PyResult<PyPager> {
        self.pager(py, page_size, |c| Source::Groups(c.groups()))
    }
}
