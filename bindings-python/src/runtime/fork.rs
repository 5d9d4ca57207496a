//! What a forked child must not share with its parent: the runtimes and the connection pools.
//!
//! After `os.fork()` (and so `multiprocessing` and process pools on Linux, and servers that load
//! the application before forking workers) the child holds copies of the parent's sockets and of
//! its runtimes' epoll instance, but none of their threads. A child that went on using them would
//! wait on threads that do not exist, take readiness events the parent waits for, and write
//! requests into connections whose answers the parent reads. So each process gets its own:
//! [`PerProcess`] holds one value per process of a fork lineage, made on first use in that
//! process, and a child never uses, nor drops, what its parent made (dropping a socket registered
//! with the shared epoll instance would take it out of the parent's interest list too).
//!
//! A process learns that it is a child from `os.register_at_fork` (registered at import), so this
//! covers forks made through Python; a fork by C code that then calls back into Python is not seen.

use std::sync::OnceLock;
use std::sync::atomic::{AtomicU32, Ordering};

use pyo3::prelude::*;
use pyo3::types::PyDict;

/// How many forks separate this process from the one that imported the module: 0 there, 1 in
/// its children, 2 in theirs.
static GENERATION: AtomicU32 = AtomicU32::new(0);

fn generation() -> u32 {
    #[cfg(test)]
    if let Some(pretended) = tests::PRETEND.get() {
        return pretended;
    }
    GENERATION.load(Ordering::Relaxed)
}

/// Run by Python in a child right after `os.fork()`, when the child has one thread: the one that
/// forked, now its main thread.
#[pyfunction]
fn after_fork_in_child() {
    GENERATION.fetch_add(1, Ordering::Relaxed);
    super::signals::this_is_the_main_thread();
}

/// Asks Python to tell this module about each fork (`os.register_at_fork`, absent where `fork`
/// is, on Windows).
pub(crate) fn register(module: &Bound<'_, PyModule>) -> PyResult<()> {
    let os = module.py().import("os")?;
    if !os.hasattr("register_at_fork")? {
        return Ok(());
    }
    let hooks = PyDict::new(module.py());
    hooks.set_item("after_in_child", wrap_pyfunction!(after_fork_in_child, module)?)?;
    os.call_method("register_at_fork", (), Some(&hooks))?;
    Ok(())
}

/// One `T` per process: the value of the process that made this, and, in a child, one made on
/// first use there. Reading it is an atomic load and a walk of one link per fork.
pub(crate) struct PerProcess<T> {
    generation: u32,
    here: OnceLock<T>,
    child: OnceLock<Box<PerProcess<T>>>,
}

impl<T> PerProcess<T> {
    /// Nothing made yet, in any process.
    pub(crate) const fn new() -> Self {
        Self::of(0)
    }

    const fn of(generation: u32) -> Self {
        Self { generation, here: OnceLock::new(), child: OnceLock::new() }
    }

    /// `value` as this process's.
    pub(crate) fn holding(value: T) -> Self {
        Self { generation: generation(), here: OnceLock::from(value), child: OnceLock::new() }
    }

    /// This process's value, made by `make` if this process has none yet.
    pub(crate) fn get_or_init(&self, make: impl FnOnce() -> T) -> &T {
        let mut level = self;
        while level.generation < generation() {
            let next = level.generation + 1;
            level = level.child.get_or_init(|| Box::new(Self::of(next)));
        }
        level.here.get_or_init(make)
    }
}

impl<T> Drop for PerProcess<T> {
    fn drop(&mut self) {
        // A value another process made shares its sockets and epoll instance: left as it is.
        if self.generation != generation()
            && let Some(theirs) = self.here.take()
        {
            std::mem::forget(theirs);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::cell::Cell;
    use std::sync::atomic::AtomicUsize;

    use super::*;

    thread_local! {
        /// The generation this test thread pretends to be in (each test runs on a thread of its
        /// own, so no other test sees it).
        pub(crate) static PRETEND: Cell<Option<u32>> = const { Cell::new(None) };
    }

    /// Counts its drops.
    struct Tracked<'a>(u32, &'a AtomicUsize);

    impl Drop for Tracked<'_> {
        fn drop(&mut self) {
            self.1.fetch_add(1, Ordering::Relaxed);
        }
    }

    #[test]
    fn a_child_makes_its_own_value_and_never_drops_its_parents() {
        let drops = AtomicUsize::new(0);
        let values = PerProcess::new();
        assert_eq!(values.get_or_init(|| Tracked(0, &drops)).0, 0);
        assert_eq!(values.get_or_init(|| Tracked(9, &drops)).0, 0, "made once per process");

        PRETEND.set(Some(1));
        assert_eq!(values.get_or_init(|| Tracked(1, &drops)).0, 1, "the child's own");
        assert_eq!(values.get_or_init(|| Tracked(9, &drops)).0, 1);
        PRETEND.set(Some(2));
        assert_eq!(values.get_or_init(|| Tracked(2, &drops)).0, 2, "a grandchild's own");
        drop(values);
        PRETEND.set(None);

        // The grandchild dropped its own value only: its parent's and grandparent's were left.
        assert_eq!(drops.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn the_process_that_made_it_drops_its_own_value() {
        let drops = AtomicUsize::new(0);
        let values = PerProcess::new();
        values.get_or_init(|| Tracked(0, &drops));
        drop(values);
        assert_eq!(drops.load(Ordering::Relaxed), 1);
    }
}
