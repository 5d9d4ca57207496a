//! [`LogListener`]: the core's log lines, told to Kotlin or Swift (an SLF4J logger, `Log.d`,
//! `os_log`, …).

use std::sync::Arc;

use zapi_communities::logging::{LogLevel, set_log_sink};

/// Receives the library's log lines (`sending method=GET path=/chats attempt=0`, `retrying …`,
/// `failed …`): methods, relative paths, statuses and redacted errors, never a token. Implement
/// it in Kotlin or Swift and pass it to `setLogListener`. It is called on the thread that logged,
/// so it should return quickly.
#[uniffi::export(with_foreign)]
pub trait LogListener: Send + Sync {
    /// One line and its level.
    fn log(&self, level: LogLevel, message: String);
}

/// Sends the library's log lines at `level` and more severe to `listener`, replacing the one set
/// before; `None` stops them. Returns `false` when another `tracing` subscriber already receives
/// the process's events (an application that installed its own), which then gets them instead.
#[uniffi::export]
pub fn set_log_listener(listener: Option<Arc<dyn LogListener>>, level: LogLevel) -> bool {
    let sink = listener.map(|l| Arc::new(move |level, line: &str| l.log(level, line.to_owned())) as _);
    set_log_sink(sink, level)
}
