//! The core's `tracing` events, forwarded to Python's `logging.getLogger("zapi_communities")`.
//!
//! Cheap when logging is off: each client call (which holds the GIL anyway) reads the logger's
//! effective level into an atomic; the subscriber compares an event's level with that atomic and
//! touches Python only for events that will be logged. The core logs relative paths, statuses
//! and redacted errors, never a token; which events are the core's, and how an event becomes a
//! line, come from `zapi_communities::logging` (the bridge of the other languages).

use std::sync::atomic::{AtomicU8, Ordering};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use tracing::level_filters::LevelFilter;
use tracing::subscriber::Interest;
use tracing::{Event, Level, Metadata, Subscriber, span};
use zapi_communities::logging::{LogLine, is_core_target};

/// The logger name.
pub(crate) const LOGGER: &str = "zapi_communities";

/// How many tracing levels currently pass: 0 none, 1 ERROR, 2 +WARN, 3 +INFO, 4 +DEBUG, 5 +TRACE.
static PASSING: AtomicU8 = AtomicU8::new(0);

static PY_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Installs the forwarding subscriber for this module's copy of `tracing`.
pub(crate) fn install() {
    // Fails only if a default was set already, which nothing else in this module does.
    let _ = tracing::subscriber::set_global_default(Bridge);
}

fn logger(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    PY_LOGGER
        .get_or_try_init(py, || -> PyResult<Py<PyAny>> {
            Ok(py.import("logging")?.call_method1("getLogger", (LOGGER,))?.unbind())
        })
        .map(|logger| logger.bind(py))
}

/// Reads the Python logger's effective level (`logging.disable()` and `logger.disabled`
/// included). Called at the start of every client call.
pub(crate) fn refresh(py: Python<'_>) {
    let passing = (|| -> PyResult<u8> {
        let logger = logger(py)?;
        if logger.getattr("disabled")?.is_truthy()? {
            return Ok(0);
        }
        let level: i64 = logger.call_method0("getEffectiveLevel")?.extract()?;
        let disabled_up_to: i64 = logger.getattr("manager")?.getattr("disable")?.extract()?;
        Ok(passing_for(level.max(disabled_up_to + 1)))
    })()
    .unwrap_or(0);
    PASSING.store(passing, Ordering::Relaxed);
}

/// Python's numeric level of each tracing level, most severe first.
const LEVELS: [(Level, i64); 5] =
    [(Level::ERROR, 40), (Level::WARN, 30), (Level::INFO, 20), (Level::DEBUG, 10), (Level::TRACE, 5)];

fn passing_for(threshold: i64) -> u8 {
    LEVELS.iter().filter(|(_, py_level)| *py_level >= threshold).count() as u8
}

fn rank(level: &Level) -> (u8, i64) {
    LEVELS.iter().position(|(l, _)| l == level).map(|i| (i as u8 + 1, LEVELS[i].1)).unwrap_or((LEVELS.len() as u8, 5))
}

struct Bridge;

impl Subscriber for Bridge {
    fn register_callsite(&self, _: &'static Metadata<'static>) -> Interest {
        // The Python level can change at any time: ask `enabled` every time (an atomic load).
        Interest::sometimes()
    }

    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        // Only the core's own events: its contract is to log relative paths and redacted errors.
        // The HTTP stack's events (hyper, reqwest, rustls) could carry a URL, and with it the
        // token, so they are dropped.
        metadata.is_event()
            && rank(metadata.level()).0 <= PASSING.load(Ordering::Relaxed)
            && is_core_target(metadata.target())
    }

    fn max_level_hint(&self) -> Option<LevelFilter> {
        Some(LevelFilter::TRACE)
    }

    fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
        // Spans are never enabled (see `enabled`); the core emits none.
        span::Id::from_u64(1)
    }

    fn record(&self, _: &span::Id, _: &span::Record<'_>) {}

    fn record_follows_from(&self, _: &span::Id, _: &span::Id) {}

    fn event(&self, event: &Event<'_>) {
        let text = LogLine::of(event);
        let level = rank(event.metadata().level()).1;
        // `try_attach`: never start or block a finalizing interpreter for a log line.
        Python::try_attach(|py| {
            if let Ok(logger) = logger(py) {
                // `logger.log` formats only when given arguments: a '%' in the text is safe.
                let _ = logger.call_method1("log", (level, text));
            }
        });
    }

    fn enter(&self, _: &span::Id) {}

    fn exit(&self, _: &span::Id) {}
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_levels_select_tracing_levels() {
        assert_eq!(passing_for(30), 2); // WARNING (Python's default): ERROR and WARN
        assert_eq!(passing_for(10), 4); // DEBUG
        assert_eq!(passing_for(1), 5); // NOTSET on every ancestor: everything
        assert_eq!(passing_for(51), 0); // logging.disable(CRITICAL)
        assert_eq!(rank(&Level::INFO), (3, 20));
    }
}
