//! Which thread a blocking call looks for pending signals on: Python runs signal handlers
//! (Ctrl-C's `KeyboardInterrupt`) on its main thread only, so only a call made there needs to.
//!
//! Elsewhere the check would do nothing but take the GIL, and a thread waiting for the GIL while
//! it drives the shared blocking runtime holds up every other thread's call meanwhile (for as long
//! as a Python thread keeps the GIL: the switch interval, or a whole C call).

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};

use pyo3::prelude::*;

thread_local! {
    /// Whether this is Python's main thread.
    static MAIN: Cell<bool> = const { Cell::new(false) };
}

/// Whether the main thread is known: set at import when the module is imported there (as nearly
/// always). Until then every thread checks, as Python's own blocking calls do.
static MAIN_KNOWN: AtomicBool = AtomicBool::new(false);

/// Notes whether the importing thread is Python's main thread.
pub(crate) fn record_main_thread(py: Python<'_>) -> PyResult<()> {
    let threading = py.import("threading")?;
    if threading.call_method0("current_thread")?.is(&threading.call_method0("main_thread")?) {
        this_is_the_main_thread();
    }
    Ok(())
}

/// Marks the calling thread as the main one (at import, and in a child after `fork()`, where the
/// thread that forked is the only one, and Python's main thread).
pub(crate) fn this_is_the_main_thread() {
    MAIN.set(true);
    MAIN_KNOWN.store(true, Ordering::Relaxed);
}

/// Whether a call made on this thread should look for pending signals.
pub(crate) fn handled_here() -> bool {
    MAIN.get() || !MAIN_KNOWN.load(Ordering::Relaxed)
}

/// For the tests: the main thread is known, and is another one than theirs.
#[cfg(test)]
pub(crate) fn main_thread_elsewhere() {
    MAIN_KNOWN.store(true, Ordering::Relaxed);
}
