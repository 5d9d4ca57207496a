//! The secret in a webhook URL: the one way to tell the service's posts from anyone else's, since
//! the service signs nothing (developer.z-api.io/webhooks/introduction).
//!
//! The secret is the last path segment of the URL the instance is given, so a reverse proxy that
//! strips or adds a path prefix does not break the check, and a query string the proxy appends
//! is ignored. 32 random bytes make it unguessable; the comparison takes the same time however
//! many leading characters match, so it cannot be found one character at a time.

use std::fmt;

use crate::api::webhook_url;
use crate::error::Error;
use crate::secret::Secret;

/// The secret path segment of a webhook URL. `Debug` prints `WebhookSecret(***)`.
///
/// Make one with [`WebhookSecret::generate`] and keep its value ([`WebhookSecret::expose`]) with
/// your other credentials: the instance keeps posting to the URL it was given, across restarts.
#[derive(Clone, PartialEq, Eq)]
pub struct WebhookSecret(Secret);

impl WebhookSecret {
    /// Random bytes in a generated secret: 256 bits, 43 characters of URL-safe base64.
    pub const RANDOM_BYTES: usize = 32;
    /// The shortest secret [`WebhookSecret::new`] accepts: 22 base64 characters are 128 bits.
    pub const MIN_CHARS: usize = 22;
    /// The longest secret [`WebhookSecret::new`] accepts.
    pub const MAX_CHARS: usize = 128;

    /// A new secret from the operating system's random source (`crypto.getRandomValues` in a
    /// browser or Node).
    ///
    /// # Panics
    /// Only if the platform has no random source at all, where no secret could be made safely.
    pub fn generate() -> Self {
        let mut bytes = [0u8; Self::RANDOM_BYTES];
        getrandom::fill(&mut bytes).expect("the platform's random source failed");
        Self(Secret::new(base64_url(&bytes)))
    }

    /// A secret you kept: 22 to 128 characters of `A-Z a-z 0-9 - _`, characters a URL carries
    /// unchanged.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `secret`.
    pub fn new(value: &str) -> Result<Self, Error> {
        let length = value.chars().count();
        if !(Self::MIN_CHARS..=Self::MAX_CHARS).contains(&length) {
            return Err(Error::validation(
                "secret",
                format!("must be {} to {} characters long", Self::MIN_CHARS, Self::MAX_CHARS),
            ));
        }
        if !value.bytes().all(is_url_safe) {
            return Err(Error::validation("secret", "may hold only A-Z, a-z, 0-9, '-' and '_'"));
        }
        Ok(Self(Secret::new(value)))
    }

    /// The secret itself, to store. Never log it.
    pub fn expose(&self) -> &str {
        self.0.expose()
    }

    /// The URL to give the instance (`set_webhook`, `set_every_webhook`): `base_url` with the
    /// secret as one more path segment. `base_url` is checked as those calls check it, and may
    /// not have a query or fragment, which would come after the secret.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `base_url`.
    pub fn url(&self, base_url: &str) -> Result<String, Error> {
        let base = webhook_url("base_url", base_url)?;
        if base.contains(['?', '#']) {
            return Err(Error::validation("base_url", "must not have a query or fragment"));
        }
        Ok(format!("{}/{}", base.trim_end_matches('/'), self.expose()))
    }

    /// Whether an incoming request is the instance's: its target (a path such as
    /// `/hooks/<secret>?x=1`, as `http.server`, WSGI or `node:http` give it, or a whole URL) ends
    /// in this secret. Compared in constant time.
    pub fn verify(&self, request_target: &str) -> bool {
        constant_time_eq(last_segment(request_target).as_bytes(), self.expose().as_bytes())
    }
}

impl fmt::Debug for WebhookSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("WebhookSecret(***)")
    }
}

/// The last non-empty path segment of a request target, without its query and fragment.
fn last_segment(target: &str) -> &str {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let path = match path.split_once("://") {
        Some((_, rest)) => rest.split_once('/').map_or("", |(_, path)| path),
        None => path,
    };
    path.trim_end_matches('/').rsplit('/').next().unwrap_or_default()
}

/// Equal byte strings, in a time that depends only on their lengths (a secret's length is no
/// secret: every generated one has 43 characters).
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let difference = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // Keeps the optimiser from turning the fold into an early-exit comparison.
    std::hint::black_box(difference) == 0
}

fn is_url_safe(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'
}

/// URL-safe base64 without padding (RFC 4648 §5).
fn base64_url(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const KEPT: &str = "s3cr3t-path-segment_0123";

    #[test]
    fn generated_secrets_are_url_safe_distinct_and_accepted_back() {
        let a = WebhookSecret::generate();
        let b = WebhookSecret::generate();
        assert_eq!(a.expose().len(), 43);
        assert_ne!(a, b);
        assert_eq!(WebhookSecret::new(a.expose()).unwrap(), a);
    }

    #[test]
    fn base64_matches_the_rfc_examples() {
        assert_eq!(base64_url(b"f"), "Zg");
        assert_eq!(base64_url(b"fo"), "Zm8");
        assert_eq!(base64_url(b"foo"), "Zm9v");
        assert_eq!(base64_url(b"foob"), "Zm9vYg");
        assert_eq!(base64_url(&[0xfb, 0xff]), "-_8");
    }

    #[test]
    fn a_kept_secret_is_checked() {
        let short = WebhookSecret::new("abc").unwrap_err();
        assert_eq!(short.field(), Some("secret"));
        let slash = WebhookSecret::new("abcdefghijklmnopqrstuv/w").unwrap_err();
        assert_eq!(slash.field(), Some("secret"));
        assert!(!format!("{slash}").contains("abcdefghij"), "{slash}");
    }

    #[test]
    fn the_url_ends_in_the_secret() {
        let secret = WebhookSecret::new(KEPT).unwrap();
        assert_eq!(secret.url("https://bot.example/hooks/").unwrap(), format!("https://bot.example/hooks/{KEPT}"));
        assert_eq!(secret.url("http://127.0.0.1:8080").unwrap(), format!("http://127.0.0.1:8080/{KEPT}"));
        for bad in ["http://bot.example/hooks", "https://bot.example/?a=1", ""] {
            assert_eq!(secret.url(bad).unwrap_err().field(), Some("base_url"), "{bad}");
        }
    }

    #[test]
    fn verify_reads_the_last_segment_of_any_target() {
        let secret = WebhookSecret::new(KEPT).unwrap();
        for good in [
            format!("/hooks/{KEPT}"),
            format!("/{KEPT}?source=zapi"),
            format!("/prefix/hooks/{KEPT}/"),
            format!("https://bot.example/hooks/{KEPT}#x"),
        ] {
            assert!(secret.verify(&good), "{good}");
        }
        for bad in [
            "/hooks/".to_owned(),
            format!("/hooks/{KEPT}x"),
            format!("/hooks/{}", &KEPT[1..]),
            format!("/hooks?s={KEPT}"),
            format!("https://{KEPT}/"),
            String::new(),
        ] {
            assert!(!secret.verify(&bad), "{bad}");
        }
    }

    #[test]
    fn debug_hides_the_value() {
        let secret = WebhookSecret::new(KEPT).unwrap();
        assert_eq!(format!("{secret:?}"), "WebhookSecret(***)");
    }
}
