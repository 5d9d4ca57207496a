//! When a failed exchange may be repeated, and how long to wait first.
//!
//! The rule that matters: a repeated POST can be a duplicate message, so a POST is repeated only
//! when the connection was never made. GET and DELETE are idempotent and are repeated on
//! connection failures, timeouts, 429 and 502/503/504. A redirect is never repeated, nor followed.

use std::time::Duration;

use crate::http::{HttpResponse, Method};
use crate::transport::TransportError;
use crate::wire::response::retry_after;

/// How many times and how patiently to retry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0 disables retrying).
    pub max_retries: u32,
    /// The first pause; it doubles on each retry.
    pub initial_backoff: Duration,
    /// The longest pause between attempts. A `Retry-After` longer than this is not waited for:
    /// the call fails with [`crate::Error::RateLimited`] and the caller decides.
    pub max_backoff: Duration,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self { max_retries: 2, initial_backoff: Duration::from_millis(200), max_backoff: Duration::from_secs(10) }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn none() -> Self {
        Self { max_retries: 0, ..Self::default() }
    }

    /// Decides whether attempt number `attempt` (0 = the first) may be followed by another, and
    /// after how long. `None` means: stop and report this outcome.
    pub fn next_delay(
        &self,
        method: Method,
        outcome: &Result<HttpResponse, TransportError>,
        attempt: u32,
    ) -> Option<Duration> {
        if attempt >= self.max_retries {
            return None;
        }
        let retryable = match outcome {
            // Nothing reached the server: safe for every method, POST included.
            Err(TransportError::Connect { .. }) => true,
            // The request may have been applied: only repeat what is idempotent.
            Err(TransportError::Timeout | TransportError::Io { .. }) => method.is_idempotent(),
            Err(TransportError::BodyTooLarge { .. } | TransportError::Redirected { .. }) => false,
            Ok(response) => method.is_idempotent() && matches!(response.status, 429 | 502 | 503 | 504),
        };
        if !retryable {
            return None;
        }
        let backoff = self.backoff(attempt);
        match outcome {
            Ok(response) => match retry_after(response) {
                Some(secs) if Duration::from_secs(secs) > self.max_backoff => None,
                Some(secs) => Some(Duration::from_secs(secs)),
                None => Some(backoff),
            },
            Err(_) => Some(backoff),
        }
    }

    /// Exponential backoff: `initial * 2^attempt`, capped at `max_backoff`.
    fn backoff(&self, attempt: u32) -> Duration {
        let factor = 1u32.checked_shl(attempt.min(16)).unwrap_or(u32::MAX);
        self.initial_backoff.saturating_mul(factor).min(self.max_backoff)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16) -> Result<HttpResponse, TransportError> {
        Ok(HttpResponse::new(code, ""))
    }

    #[test]
    fn posts_are_retried_only_when_nothing_was_sent() {
        let p = RetryPolicy::default();
        assert!(p.next_delay(Method::Post, &Err(TransportError::Connect { message: "refused".into() }), 0).is_some());
        assert_eq!(p.next_delay(Method::Post, &Err(TransportError::Timeout), 0), None);
        assert_eq!(p.next_delay(Method::Post, &Err(TransportError::Io { message: "reset".into() }), 0), None);
        for code in [429, 500, 502, 503, 504] {
            assert_eq!(p.next_delay(Method::Post, &status(code), 0), None, "{code}");
        }
    }

    #[test]
    fn idempotent_calls_retry_on_transient_failures() {
        let p = RetryPolicy::default();
        for method in [Method::Get, Method::Delete] {
            for code in [429, 502, 503, 504] {
                assert!(p.next_delay(method, &status(code), 0).is_some(), "{method} {code}");
            }
            for code in [200, 301, 302, 307, 308, 400, 404, 500] {
                assert_eq!(p.next_delay(method, &status(code), 0), None, "{method} {code}");
            }
            assert!(p.next_delay(method, &Err(TransportError::Timeout), 1).is_some());
            assert_eq!(p.next_delay(method, &Err(TransportError::Timeout), 2), None, "attempts are bounded");
            assert_eq!(p.next_delay(method, &Err(TransportError::BodyTooLarge { limit: 1 }), 0), None);
        }
    }

    #[test]
    fn honours_retry_after_within_the_cap() {
        let p = RetryPolicy::default();
        let soon = Ok(HttpResponse::new(429, "").with_header("Retry-After", "3"));
        assert_eq!(p.next_delay(Method::Get, &soon, 0), Some(Duration::from_secs(3)));
        let late = Ok(HttpResponse::new(429, "").with_header("Retry-After", "3600"));
        assert_eq!(p.next_delay(Method::Get, &late, 0), None);
    }

    #[test]
    fn backoff_doubles_and_caps() {
        let p = RetryPolicy {
            max_retries: 40,
            initial_backoff: Duration::from_millis(100),
            max_backoff: Duration::from_secs(1),
        };
        let t = Err(TransportError::Timeout);
        assert_eq!(p.next_delay(Method::Get, &t, 0), Some(Duration::from_millis(100)));
        assert_eq!(p.next_delay(Method::Get, &t, 1), Some(Duration::from_millis(200)));
        assert_eq!(p.next_delay(Method::Get, &t, 30), Some(Duration::from_secs(1)));
        assert_eq!(RetryPolicy::none().next_delay(Method::Get, &t, 0), None);
    }
}
