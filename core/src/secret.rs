//! A string that must never be printed: the instance token and the account's `Client-Token`.

use std::fmt;
use std::sync::Arc;

/// A credential. `Debug` and `Display` print `***`; read it with [`Secret::expose`].
///
/// The Z-API instance token travels in the URL path, so anything that formats a URL, a request
/// or an error must go through this type rather than a plain `String`. Shared, not copied: every
/// request carries the token, and cloning it costs a reference count.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Secret(Arc<str>);

impl Secret {
    /// Wraps a credential.
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into().into())
    }

    /// The credential itself. Call this only where the value is sent, never where it is shown.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Replaces the secret in `text` with `***`, and its percent-encoded form too (the way it
    /// appears in a URL).
    ///
    /// A secret of at least [`Secret::MIN_REDACTED_CHARS`] characters is replaced wherever it
    /// occurs. A shorter one (real tokens are far longer, but a test or a typo may be one
    /// letter) is replaced only where it stands as a whole word: replacing every `C` would turn
    /// `Connect` into `***onnect` and show the secret by its absence. The token's path segment is
    /// redacted whatever its length by [`crate::api::Endpoint::redact`].
    pub fn redact_in(&self, text: &str) -> String {
        let encoded = crate::wire::path::segment(&self.0);
        let once = redact_value(text, &self.0);
        if *encoded == *self.0 { once } else { redact_value(&once, &encoded) }
    }

    /// Secrets at least this long are redacted wherever they occur, shorter ones only as whole words.
    pub const MIN_REDACTED_CHARS: usize = 8;
}

/// Replaces `secret` in `text` under the rule of [`Secret::redact_in`].
fn redact_value(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    if secret.chars().count() >= Secret::MIN_REDACTED_CHARS {
        return text.replace(secret, "***");
    }
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (at, _) in text.match_indices(secret) {
        let end = at + secret.len();
        let before = text[..at].chars().next_back();
        let after = text[end..].chars().next();
        if before.is_none_or(|c| !is_word(c)) && after.is_none_or(|c| !is_word(c)) {
            out.push_str(&text[copied..at]);
            out.push_str("***");
            copied = end;
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Characters a token can be made of: a secret next to one of these is part of a longer word.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_' || c == '%'
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Self::new(value)
    }
}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Self(value.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_formats_the_value() {
        let s = Secret::new("canary-123");
        assert_eq!(format!("{s:?} {s}"), "*** ***");
        assert_eq!(s.expose(), "canary-123");
        assert_eq!(s.redact_in("/token/canary-123/x"), "/token/***/x");
    }

    #[test]
    fn long_secrets_go_wherever_they_occur_and_encoded_too() {
        let s = Secret::new("a-long secret/42");
        assert_eq!(s.redact_in("xa-long secret/42y"), "x***y");
        assert_eq!(s.redact_in("/token/a-long%20secret%2F42/chats"), "/token/***/chats");
    }

    #[test]
    fn short_secrets_go_only_as_whole_words() {
        let s = Secret::new("C");
        assert_eq!(s.redact_in("could not Connect: C refused"), "could not Connect: *** refused");
        assert_eq!(s.redact_in("C"), "***");
        assert_eq!(s.redact_in("token=C&x"), "token=***&x");
        let t = Secret::new("ab1");
        assert_eq!(t.redact_in("ab1ab1 (ab1) xab1"), "ab1ab1 (***) xab1");
        assert_eq!(Secret::new("").redact_in("unchanged"), "unchanged");
    }
}
