//! The one tokio runtime of the module, shared by `Client` (which blocks on it with the GIL
//! released) and `AsyncClient` (whose futures pyo3-async-runtimes spawns on it), and the panic
//! fences around every call into the core.

use std::future::Future;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use pyo3::Python;

use tokio::runtime::{Builder, Runtime};
use zapi_communities::Error;

use crate::errors::Failure;

/// Configures the runtime; called once at import, before anything uses it.
pub(crate) fn configure() {
    let mut builder = Builder::new_multi_thread();
    builder.enable_all().thread_name("zapi-communities");
    pyo3_async_runtimes::tokio::init(builder);
}

/// The runtime (built on first use).
pub(crate) fn runtime() -> &'static Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
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
    match catch_unwind(AssertUnwindSafe(|| runtime().block_on(interruptible))) {
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
        let spawned = runtime().block_on(runtime().spawn(CatchUnwind::new(async {
            tokio::task::yield_now().await;
            if true {
                panic!("async boom");
            }
            Ok::<(), Error>(())
        })));
        assert!(matches!(spawned, Ok(Err(Failure::Panic(m))) if m == "async boom"));
        assert!(matches!(guard(|| Err::<(), _>(Error::decode("x"))), Err(Failure::Core(Error::Decode { .. }))));
    }
}
