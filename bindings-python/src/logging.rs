//! The core's log lines (`zapi_communities::logging`, the bridge of every binding), forwarded to
//! Python's `logging.getLogger("zapi_communities")`.
//!
//! Cheap when logging is off: each client call (which holds the GIL anyway) reads the logger's
//! effective level and hands it to the core's bridge (an atomic store); the bridge compares an
//! event's level with it and touches Python only for lines that will be logged. Only the core's
//! own lines pass: relative paths, statuses and redacted errors, never a token.

use std::sync::Arc;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use zapi_communities::logging::{LogLevel, set_log_level, set_log_sink};

/// The logger name.
pub(crate) const LOGGER: &str = "zapi_communities";

static PY_LOGGER: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

/// Makes the Python logger the core's log sink, passing nothing until the first [`refresh`].
pub(crate) fn install() {
    set_log_sink(Some(Arc::new(forward)), LogLevel::Warn);
    set_log_level(None);
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
    let level = (|| -> PyResult<Option<LogLevel>> {
        let logger = logger(py)?;
        if logger.getattr("disabled")?.is_truthy()? {
            return Ok(None);
        }
        let level: i64 = logger.call_method0("getEffectiveLevel")?.extract()?;
        let disabled_up_to: i64 = logger.getattr("manager")?.getattr("disable")?.extract()?;
        Ok(most_verbose(level.max(disabled_up_to + 1)))
    })()
    .unwrap_or(None);
    set_log_level(level);
}

/// Python's numeric level of each of the core's levels, most severe first.
const LEVELS: [(LogLevel, i64); 5] =
    [(LogLevel::Error, 40), (LogLevel::Warn, 30), (LogLevel::Info, 20), (LogLevel::Debug, 10), (LogLevel::Trace, 5)];

/// The most verbose of the core's levels that a Python threshold lets through.
fn most_verbose(threshold: i64) -> Option<LogLevel> {
    LEVELS.iter().take_while(|(_, py_level)| *py_level >= threshold).last().map(|(level, _)| *level)
}

fn python_level(level: LogLevel) -> i64 {
    LEVELS.iter().find(|(l, _)| *l == level).map_or(5, |(_, py_level)| *py_level)
}

fn forward(level: LogLevel, line: &str) {
    // `try_attach`: never start or block a finalizing interpreter for a log line.
    Python::try_attach(|py| {
        if let Ok(logger) = logger(py) {
            // `logger.log` formats only when given arguments: a '%' in the text is safe.
            let _ = logger.call_method1("log", (python_level(level), line));
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_levels_select_the_core_levels() {
        assert_eq!(most_verbose(30), Some(LogLevel::Warn)); // WARNING (Python's default): ERROR and WARN
        assert_eq!(most_verbose(10), Some(LogLevel::Debug)); // DEBUG
        assert_eq!(most_verbose(1), Some(LogLevel::Trace)); // NOTSET on every ancestor: everything
        assert_eq!(most_verbose(51), None); // logging.disable(CRITICAL)
        assert_eq!(python_level(LogLevel::Info), 20);
    }
}
