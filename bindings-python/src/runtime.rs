//! The module's two tokio runtimes, one for `AsyncClient` (whose futures pyo3-async-runtimes
//! spawns on it) and one that `Client` blocks on with the GIL released, and the panic fences
//! around every call into the core.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll};
use std::time::Duration;

use pyo3::Python;

use tokio::runtime::{Builder, Runtime};
use zapi_communities::Error;

use crate::errors::Failure;

/// Configures `AsyncClient`'s runtime (a worker a core); called once at import, before anything
/// uses it.
pub(crate) fn configure() {
    let mut builder = Builder::new_multi_thread();
    builder.enable_all().thread_name("zapi-communities");
    pyo3_async_runtimes::tokio::init(builder);
}

/// The runtime blocking calls wait on (built on first use): one worker, which runs the
/// connections' tasks and the I/O driver, while each call's own work runs on the calling thread.
///
/// Not the asyncio runtime's workers (one a core): a blocking call leaves them idle between
/// calls, and on two cores each request then woke both of them twice, four thread wake-ups a
/// call besides the caller's (counted in `/proc`), against two or three with one worker. Where
/// waking a thread is slow (a virtual machine whose idle cores sleep: ~55 µs a wake-up on the
/// bench host), one worker took a sequential call from 428–445 µs to 215–264. Each client object
/// has its own connection pool, and a blocking client's connections are opened here, so they
/// never depend on the other runtime.
fn blocking_runtime() -> &'static Runtime {
    static BLOCKING: OnceLock<Runtime> = OnceLock::new();
    BLOCKING.get_or_init(|| {
        Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .thread_name("zapi-communities-io")
            .build()
            .expect("the blocking calls' runtime starts")
    })
}

/// How often a blocking call looks for a pending signal (Ctrl-C).
const SIGNAL_CHECK: Duration = Duration::from_millis(100);

/// Runs `future` to completion on the calling thread (call it with the GIL released). A panic
/// becomes a [`Failure::Panic`].
///
/// Every [`SIGNAL_CHECK`] the thread briefly takes the GIL to run Python's signal handlers, so
/// Ctrl-C interrupts a slow call as it would a plain socket read: the exception the handler
/// raises (`KeyboardInterrupt`) ends the call and the request is dropped. Python runs handlers
/// on the main thread only; elsewhere the check does nothing.
pub(crate) fn block_on<T>(future: impl Future<Output = Result<T, Error>>) -> Result<T, Failure> {
    let interruptible = async {
        let mut future = std::pin::pin!(future);
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
    // Inside the fence: a runtime that cannot start (no threads left) is a failure, not an abort.
    match catch_unwind(AssertUnwindSafe(|| blocking_runtime().block_on(interruptible))) {
        Ok(result) => result,
        Err(payload) => Err(Failure::panic(payload)),
    }
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
mod tests {
    use super::*;

    #[test]
    fn panics_are_caught_in_both_paths() {
        let sync: Result<(), Failure> = block_on(async { panic!("sync boom") });
        assert!(matches!(sync, Err(Failure::Panic(m)) if m == "sync boom"));
        let runtime = pyo3_async_runtimes::tokio::get_runtime();
        let spawned = runtime.block_on(runtime.spawn(CatchUnwind::new(async {
            tokio::task::yield_now().await;
            if true {
                panic!("async boom");
            }
            Ok::<(), Error>(())
        })));
        assert!(matches!(spawned, Ok(Err(Failure::Panic(m))) if m == "async boom"));
        assert!(matches!(guard(|| Err::<(), _>(Error::decode("x"))), Err(Failure::Core(Error::Decode { .. }))));
    }

    #[test]
    fn blocking_calls_wait_on_a_runtime_of_their_own_with_one_worker() {
        let on: Result<String, Failure> =
            block_on(async { Ok(std::thread::current().name().unwrap_or_default().to_owned()) });
        // The call's own future runs on the calling thread, not on a worker.
        assert_eq!(on.ok().as_deref(), std::thread::current().name());
        let spawned: Result<String, Failure> = block_on(async {
            Ok(tokio::spawn(async { std::thread::current().name().unwrap_or_default().to_owned() })
                .await
                .unwrap_or_default())
        });
        assert_eq!(spawned.ok().as_deref(), Some("zapi-communities-io"));
        assert_eq!(blocking_runtime().metrics().num_workers(), 1);
    }
}
