//! `Pager` and `AsyncPager`: the core's `Pager` as a Python iterator / async iterator over items,
//! with `next_page()` for page-at-a-time reading. The end of the list is the core's to find (the
//! service returns no total); after an error the same page is asked for again.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex as SyncMutex};

use pyo3::IntoPyObjectExt;
use pyo3::exceptions::PyStopAsyncIteration;
use pyo3::prelude::*;
use tokio::sync::Mutex as AsyncMutex;
use zapi_communities::api::{ListChats, ListCommunities, ListGroups};
use zapi_communities::{Chat, CommunitySummary, Error, Pager};

use crate::errors::{IntoPyResult, Reply};
use crate::logging;
use crate::runtime::{self, CatchUnwind};

/// Which list is walked.
pub(crate) enum Source {
    Communities(Pager<ListCommunities>),
    Chats(Pager<ListChats>),
    Groups(Pager<ListGroups>),
}

impl Source {
    /// The same pager asking for `page_size` items per page when given.
    pub(crate) fn page_size(self, page_size: Option<u32>) -> Self {
        match self {
            Source::Communities(p) => Source::Communities(p.page_size_or_default(page_size)),
            Source::Chats(p) => Source::Chats(p.page_size_or_default(page_size)),
            Source::Groups(p) => Source::Groups(p.page_size_or_default(page_size)),
        }
    }
}

/// One item of either list.
pub(crate) enum Item {
    Community(CommunitySummary),
    Chat(Chat),
}

impl<'py> IntoPyObject<'py> for Item {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self {
            Item::Community(c) => c.into_bound_py_any(py),
            Item::Chat(c) => c.into_bound_py_any(py),
        }
    }
}

/// The pager and the items of the current page not yet handed out.
pub(crate) struct State {
    source: Source,
    buffer: VecDeque<Item>,
}

impl State {
    pub(crate) fn new(source: Source) -> Self {
        Self { source, buffer: VecDeque::new() }
    }

    async fn fetch(&mut self) -> Result<Option<Vec<Item>>, Error> {
        Ok(match &mut self.source {
            Source::Communities(p) => p.next_page().await?.map(|v| v.into_iter().map(Item::Community).collect()),
            Source::Chats(p) => p.next_page().await?.map(|v| v.into_iter().map(Item::Chat).collect()),
            Source::Groups(p) => p.next_page().await?.map(|v| v.into_iter().map(Item::Chat).collect()),
        })
    }

    /// The rest of the current page if some of it was not handed out yet, else the next page.
    async fn next_page(&mut self) -> Result<Option<Vec<Item>>, Error> {
        if !self.buffer.is_empty() {
            return Ok(Some(self.buffer.drain(..).collect()));
        }
        self.fetch().await
    }

    async fn next_item(&mut self) -> Result<Option<Item>, Error> {
        if self.buffer.is_empty() {
            match self.fetch().await? {
                Some(page) => self.buffer.extend(page),
                None => return Ok(None),
            }
        }
        Ok(self.buffer.pop_front())
    }
}

/// Iterates over every item of a list, fetching pages as needed (the GIL is released while a
/// page is fetched). `next_page()` reads a page at a time instead.
#[pyclass(name = "Pager", module = "zapi_communities", frozen, generic)]
pub(crate) struct PyPager {
    state: SyncMutex<State>,
}

impl PyPager {
    pub(crate) fn new(source: Source) -> Self {
        Self { state: SyncMutex::new(State::new(source)) }
    }

    fn run<T: Send>(
        &self,
        py: Python<'_>,
        step: impl AsyncFnOnce(&mut State) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        logging::refresh(py);
        // The lock is taken with the GIL released: a thread waiting for it never holds the GIL
        // that the thread fetching a page may need (to log).
        py.detach(|| {
            let mut state = self.state.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            runtime::block_on(step(&mut state))
        })
        .or_raise(py)
    }
}

#[pymethods]
impl PyPager {
    /// The pager itself.
    fn __iter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// The next item, fetching the next page when the current one is used up.
    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Item>> {
        self.run(py, async |state: &mut State| state.next_item().await)
    }

    /// The next page as a list (the rest of the current page when iteration stopped inside it),
    /// or None after the last page.
    fn next_page(&self, py: Python<'_>) -> PyResult<Option<Vec<Item>>> {
        self.run(py, async |state: &mut State| state.next_page().await)
    }

    fn __repr__(&self) -> &'static str {
        "<zapi_communities.Pager>"
    }
}

/// Iterates asynchronously (`async for`) over every item of a list, fetching pages as needed.
/// `await next_page()` reads a page at a time instead.
#[pyclass(name = "AsyncPager", module = "zapi_communities", frozen, generic)]
pub(crate) struct PyAsyncPager {
    state: Arc<AsyncMutex<State>>,
}

impl PyAsyncPager {
    pub(crate) fn new(source: Source) -> Self {
        Self { state: Arc::new(AsyncMutex::new(State::new(source))) }
    }
}

#[pymethods]
impl PyAsyncPager {
    /// The pager itself.
    fn __aiter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    /// An awaitable of the next item, fetching the next page when the current one is used up.
    fn __anext__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        logging::refresh(py);
        let state = Arc::clone(&self.state);
        let step = CatchUnwind::new(async move { state.lock().await.next_item().await });
        crate::runtime::awaitable(py, async move {
            match step.await {
                Ok(None) => Err(PyStopAsyncIteration::new_err(())),
                Ok(Some(item)) => Ok(Reply(Ok(item))),
                Err(failure) => Ok(Reply(Err(failure))),
            }
        })
    }

    /// The next page as a list (the rest of the current page when iteration stopped inside it),
    /// or None after the last page. Returns an awaitable.
    fn next_page<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        logging::refresh(py);
        let state = Arc::clone(&self.state);
        let step = CatchUnwind::new(async move { state.lock().await.next_page().await });
        crate::runtime::awaitable(py, async move { Ok(Reply(step.await)) })
    }

    fn __repr__(&self) -> &'static str {
        "<zapi_communities.AsyncPager>"
    }
}
