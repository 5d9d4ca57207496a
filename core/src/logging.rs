//! The core's log lines for platforms with their own logging (a JS callback or `console`, a
//! JVM or Swift listener): one `tracing` subscriber that hands the core's own events, as
//! `message key=value` lines, to one sink, at a level that can change at any time.
//!
//! Only the core's events pass: its contract is to log methods, relative paths, statuses and
//! redacted errors, never a token. Events of the HTTP stack (hyper, reqwest, rustls) could carry
//! a URL, and with it the token, so they are dropped. Python's bridge to `logging` is this one
//! too, its level following the Python logger's ([`set_log_level`]).

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Arc, RwLock};

use tracing::field::{Field, Visit};
use tracing::level_filters::LevelFilter;
use tracing::subscriber::Interest;
use tracing::{Event, Level, Metadata, Subscriber, span};

/// How severe a log line is, most severe first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum LogLevel {
    /// A call failed.
    Error,
    /// A call failed for a reason worth a look (a transport failure, a refused option).
    Warn,
    /// A retry, and why.
    Info,
    /// Each request sent and each answer's status.
    Debug,
    /// Everything.
    Trace,
}

impl LogLevel {
    /// The stable name shared by every language: `error`, `warn`, `info`, `debug`, `trace`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Warn => "warn",
            Self::Info => "info",
            Self::Debug => "debug",
            Self::Trace => "trace",
        }
    }

    /// The level of a `tracing` event.
    fn of(level: &Level) -> Self {
        match *level {
            Level::ERROR => Self::Error,
            Level::WARN => Self::Warn,
            Level::INFO => Self::Info,
            Level::DEBUG => Self::Debug,
            _ => Self::Trace,
        }
    }

    /// How many levels pass when this is the most verbose one (1 for `Error` … 5 for `Trace`).
    fn rank(self) -> u8 {
        self as u8 + 1
    }
}

/// Where log lines go: called with each line's level and text, on whichever thread logged it.
pub type LogSink = Arc<dyn Fn(LogLevel, &str) + Send + Sync>;

/// How many levels currently pass (0: none).
static PASSING: AtomicU8 = AtomicU8::new(0);

static SINK: RwLock<Option<LogSink>> = RwLock::new(None);

/// Sends the core's log lines at `level` and more severe to `sink`, or stops them with `None`.
/// Replaces the sink set before. The first call installs the forwarding subscriber as the
/// process's `tracing` default; if the application set its own default already, the core's
/// events go to that one instead and this returns `false`.
pub fn set_log_sink(sink: Option<LogSink>, level: LogLevel) -> bool {
    let level = sink.is_some().then_some(level);
    *SINK.write().unwrap_or_else(|poisoned| poisoned.into_inner()) = sink;
    set_log_level(level);
    static INSTALLED: std::sync::OnceLock<bool> = std::sync::OnceLock::new();
    *INSTALLED.get_or_init(|| tracing::subscriber::set_global_default(Bridge).is_ok())
}

/// Changes the most verbose level that reaches the sink (`None`: nothing does), keeping the sink.
/// An atomic store: cheap enough to call before every client call, as the Python binding does to
/// follow its logger's level.
pub fn set_log_level(level: Option<LogLevel>) {
    PASSING.store(level.map_or(0, LogLevel::rank), Ordering::Relaxed);
}

/// Whether an event's `tracing` target is the core's own (`zapi_communities` or a module of it).
fn is_core_target(target: &str) -> bool {
    target.strip_prefix("zapi_communities").is_some_and(|rest| rest.is_empty() || rest.starts_with("::"))
}

struct Bridge;

impl Subscriber for Bridge {
    fn register_callsite(&self, _: &'static Metadata<'static>) -> Interest {
        // The level can change at any time: ask `enabled` every time (an atomic load).
        Interest::sometimes()
    }

    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        metadata.is_event()
            && LogLevel::of(metadata.level()).rank() <= PASSING.load(Ordering::Relaxed)
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
        let sink = SINK.read().unwrap_or_else(|poisoned| poisoned.into_inner()).clone();
        if let Some(sink) = sink {
            sink(LogLevel::of(event.metadata().level()), &LogLine::of(event));
        }
    }

    fn enter(&self, _: &span::Id) {}

    fn exit(&self, _: &span::Id) {}
}

/// An event as one line: `message key=value key=value`.
#[derive(Debug, Default)]
struct LogLine {
    message: String,
    fields: String,
}

impl LogLine {
    /// The line of `event`.
    fn of(event: &Event<'_>) -> String {
        let mut line = Self::default();
        event.record(&mut line);
        if line.fields.is_empty() { line.message } else { line.message + &line.fields }
    }
}

impl Visit for LogLine {
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.message.push_str(value);
        } else {
            let _ = write!(self.fields, " {}={}", field.name(), value);
        }
    }

    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.message, "{value:?}");
        } else {
            let _ = write!(self.fields, " {}={:?}", field.name(), value);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_have_stable_names_and_ranks() {
        for level in [LogLevel::Error, LogLevel::Warn, LogLevel::Info, LogLevel::Debug, LogLevel::Trace] {
            let name = serde_json::to_string(&level).unwrap();
            assert_eq!(name, format!("\"{}\"", level.as_str()));
            assert_eq!(serde_json::from_str::<LogLevel>(&name).unwrap(), level);
        }
        assert_eq!((LogLevel::Error.rank(), LogLevel::Trace.rank()), (1, 5));
        assert_eq!(LogLevel::of(&Level::WARN), LogLevel::Warn);
    }

    #[test]
    fn only_the_core_events_are_forwarded() {
        assert!(is_core_target("zapi_communities::client"));
        assert!(is_core_target("zapi_communities"));
        assert!(!is_core_target("zapi_communities_wasm"));
        assert!(!is_core_target("hyper_util::client::legacy::connect::http"));
    }
}
