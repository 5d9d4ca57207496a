//! The module's two tokio runtimes, one for `AsyncClient` (whose futures become asyncio
//! awaitables through pyo3-async-runtimes) and one that `Client` blocks on with the GIL
//! released, each made once per process (`fork.rs`), and the panic fences around every call into
//! the core.

mod fork;
mod signals;

use std::cell::OnceCell;
use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use pyo3::prelude::*;
use pyo3_async_runtimes::TaskLocals;
use pyo3_async_runtimes::generic::{ContextExt, Runtime as AwaitableRuntime};
use tokio::runtime::{Builder, Runtime};
use tokio::task::JoinHandle;
use zapi_communities::Error;

use crate::errors::Failure;

pub(crate) use fork::{PerProcess, register as register_fork_hook};
pub(crate) use signals::record_main_thread;

/// The runtime `AsyncClient`'s calls run on: a worker a core, started on first use in each
/// process.
fn async_runtime() -> &'static Runtime {
    static ASYNC: PerProcess<Runtime> = PerProcess::new();
    ASYNC.get_or_init(|| {
        Builder::new_multi_thread()
            .enable_all()
            .thread_name("zapi-communities")
            .build()
            .expect("the asyncio calls' runtime starts")
    })
}

/// An asyncio awaitable of `future`, which runs on [`async_runtime`].
pub(crate) fn awaitable<F, T>(py: Python<'_>, future: F) -> PyResult<Bound<'_, PyAny>>
where
    F: Future<Output = PyResult<T>> + Send + 'static,
    T: for<'py> IntoPyObject<'py> + Send + 'static,
{
    pyo3_async_runtimes::generic::future_into_py::<Awaitables, F, T>(py, future)
}

/// [`async_runtime`] as pyo3-async-runtimes sees it: where awaitables' futures are spawned, and
/// the asyncio loop and context each one answers to.
struct Awaitables;

tokio::task_local! {
    static TASK_LOCALS: OnceCell<TaskLocals>;
}

impl AwaitableRuntime for Awaitables {
    type JoinError = tokio::task::JoinError;
    type JoinHandle = JoinHandle<()>;

    fn spawn<F: Future<Output = ()> + Send + 'static>(future: F) -> JoinHandle<()> {
        async_runtime().spawn(future)
    }

    fn spawn_blocking<F: FnOnce() + Send + 'static>(f: F) -> JoinHandle<()> {
        async_runtime().spawn_blocking(f)
    }
}

impl ContextExt for Awaitables {
    fn scope<F, R>(locals: TaskLocals, future: F) -> Pin<Box<dyn Future<Output = R> + Send>>
    where
        F: Future<Output = R> + Send + 'static,
    {
        Box::pin(TASK_LOCALS.scope(OnceCell::from(locals), future))
    }

    fn get_task_locals() -> Option<TaskLocals> {
        TASK_LOCALS.try_with(|cell| cell.get().cloned()).ok().flatten()
    }
}

/// The runtime blocking calls run on (built on first use in each process): a current-thread
/// runtime that each calling thread drives itself while its call lasts, so a sequential call
/// sends, waits and reads on the thread that made it, with no hand-off to another thread.
///
/// Every Python thread shares it and its connection pool: tokio lets one thread at a time drive
/// it (the I/O driver, the timers and the connections' tasks) while the others wait for their
/// answers or for their turn, so a connection opened by one thread serves the next call of any
/// other. Between calls nothing drives it, so each call first lets it catch up ([`catch_up`]): a
/// connection the server closed meanwhile (HTTP/1.1, or HTTP/2's GOAWAY) is found closed and the
/// request goes to a new one (both tested in `tests.rs`).
///
/// Counted in `/proc` over sequential calls against `zapi-sim` on loopback: on the asyncio runtime's
/// workers (one a core) a call woke the calling thread once and each worker about twice, on a
/// runtime of its own with one worker the caller once and the worker two and a half times, and here
/// the caller once, as a `requests` call does. Where waking a thread is slow (a virtual machine
/// whose idle cores sleep: ~55 µs a wake-up on the bench host), a call went from 428–445 µs to
/// 215–264 with one worker, and to 209–211 here. The price is paid by many threads sharing one
/// client: each time the thread driving the runtime finishes its call, another must wake to take
/// over, so 16 threads made about 15% fewer calls a second than with one worker (4 threads, within
/// the noise). `AsyncClient` is the one for many calls at once.
fn blocking_runtime() -> &'static Runtime {
    static BLOCKING: PerProcess<Runtime> = PerProcess::new();
    BLOCKING.get_or_init(|| {
        Builder::new_current_thread()
            .enable_all()
            // The threads of its blocking pool (name resolution), should one be needed.
            .thread_name(BLOCKING_THREADS)
            .build()
            .expect("the blocking calls' runtime starts")
    })
}

/// The name of the threads the blocking runtime starts for work that blocks (name resolution).
const BLOCKING_THREADS: &str = "zapi-communities-io";

/// How often a blocking call looks for a pending signal (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Runs `future` to completion on the calling thread (call it with the GIL released). A panic
/// becomes a [`Failure::Panic`].
///
/// On Python's main thread, every [`SIGNAL_CHECK`] the call briefly takes the GIL to run
/// Python's signal handlers, so Ctrl-C interrupts a slow call as it would a plain socket read: the
/// exception the handler raises (`KeyboardInterrupt`) ends the call and the request is dropped.
/// Python runs handlers on that thread only, so a call made on another never takes the GIL
/// before it ends (`signals.rs`).
pub(crate) fn block_on<T>(future: impl Future<Output = Result<T, Error>>) -> Result<T, Failure> {
    let handles_signals = signals::handled_here();
    let interruptible = async {
        catch_up().await;
        let mut future = std::pin::pin!(future);
        if !handles_signals {
            return future.await.map_err(Failure::Core);
        }
        let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + SIGNAL_CHECK, SIGNAL_CHECK);
        loop {
            tokio::select! {
                result = &mut future => return result.map_err(Failure::Core),
                _ = ticks.tick() => {
                    if let Some(Err(raised)) = Python::try_attach(|py| py.check_signals()) {
                        return Err(Failure::Python(raised));
                    }
                }
            }
        }
    };
    // Inside the fence: a runtime that cannot start (no file descriptor left for its I/O driver)
    // is a failure, not an abort.
    match catch_unwind(AssertUnwindSafe(|| blocking_runtime().block_on(interruptible))) {
        Ok(result) => result,
        Err(payload) => Err(Failure::panic(payload)),
    }
}

/// Lets the blocking runtime take in what arrived while no call drove it, and the connections'
/// tasks act on it, before the call picks a connection: an HTTP/2 server's GOAWAY and close
/// would otherwise be read only after the next request was written into the dead connection, and
/// a POST would fail as "may have been sent" instead of going out on a new one. HTTP/1.1 needs
/// none of this (hyper finds the connection closed when it checks it out).
///
/// Costs two turns of the scheduler, each ending in a poll of the I/O driver that does not wait
/// (an `epoll_wait` that returns at once): tokio's `yield_now` wakes the caller only after the
/// scheduler has polled the driver, which wakes the tasks whose sockets have news, and the second
/// turn runs those tasks before the caller goes on.
async fn catch_up() {
    tokio::task::yield_now().await;
    tokio::task::yield_now().await;
}

/// Runs `f` (a call that does no I/O), turning a panic into a [`Failure::Panic`].
pub(crate) fn guard<T>(f: impl FnOnce() -> Result<T, Error>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result.map_err(Failure::Core),
        Err(payload) => Err(Failure::panic(payload)),
    }
}

/// A future whose panic while polled becomes a [`Failure::Panic`] instead of unwinding into the
/// runtime (where pyo3-async-runtimes would report it as its own `RustPanic`).
pub(crate) struct CatchUnwind<F>(Pin<Box<F>>);

impl<F> CatchUnwind<F> {
    pub(crate) fn new(future: F) -> Self {
        Self(Box::pin(future))
    }
}

impl<T, F: Future<Output = Result<T, Error>>> Future for CatchUnwind<F> {
    type Output = Result<T, Failure>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let inner = self.0.as_mut();
        match catch_unwind(AssertUnwindSafe(move || inner.poll(cx))) {
            Ok(Poll::Ready(result)) => Poll::Ready(result.map_err(Failure::Core)),
            Ok(Poll::Pending) => Poll::Pending,
            Err(payload) => Poll::Ready(Err(Failure::panic(payload))),
        }
    }
}

#[cfg(test)]
mod tests;
