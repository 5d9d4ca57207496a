//! Redirects are refused, never followed.
//!
//! The instance token is a path segment and `Client-Token` a header: a client that followed a
//! `Location` to another host would hand both to it, and a 307/308 would re-send a POST body (a
//! second message). The service documents no redirect on any route, so an answer in 3xx is
//! someone else speaking: it becomes an [`Error::Api`] naming the status and where it pointed,
//! reduced to scheme and host (the path and query of a `Location` can carry anything, the token
//! included).

use crate::error::Error;

/// Longest host kept in a message: DNS names have at most 253 characters, and a port follows.
const MAX_ORIGIN_CHARS: usize = 262;

/// The error for a redirect answer. `status` is 0 when the HTTP stack hid the answer (a browser's
/// `fetch` with `redirect: "manual"` reports an opaque redirect and no status).
pub(crate) fn refused(status: u16, location: Option<&str>) -> Error {
    let to = match location.map(str::trim).filter(|l| !l.is_empty()) {
        None if status == 0 => "a location the browser does not reveal".to_owned(),
        None => "no location".to_owned(),
        Some(location) => match origin(location) {
            Some(origin) => origin,
            None => "another path on the same host".to_owned(),
        },
    };
    let answered = if status == 0 { "a redirect".to_owned() } else { format!("redirect {status}") };
    Error::Api {
        status,
        detail: format!(
            "the server answered {answered} to {to}; this client follows no redirects, so nothing was sent there \
             (check base_url)"
        ),
    }
}

/// `scheme://host[:port]` of an absolute or scheme-relative `Location`, lowercased and without
/// user info; `None` for a relative one. Anything that does not look like a host is replaced.
fn origin(location: &str) -> Option<String> {
    let (scheme, rest) = match location.split_once("://") {
        Some((scheme, rest)) if is_scheme(scheme) => (Some(scheme), rest),
        _ => (None, location.strip_prefix("//")?),
    };
    let authority = rest.split(['/', '?', '#', '\\']).next().unwrap_or_default();
    let host = authority.rsplit_once('@').map_or(authority, |(_, host)| host).to_ascii_lowercase();
    let plausible = !host.is_empty()
        && host.len() <= MAX_ORIGIN_CHARS
        && host.chars().all(|c| c.is_ascii_alphanumeric() || "-.:[]_".contains(c));
    let host = if plausible { host } else { "an unreadable host".to_owned() };
    Some(match scheme {
        Some(scheme) => format!("{}://{host}", scheme.to_ascii_lowercase()),
        None => format!("//{host}"),
    })
}

fn is_scheme(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && s.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(status: u16, location: Option<&str>) -> String {
        match refused(status, location) {
            Error::Api { status: s, detail: message } => {
                assert_eq!(s, status);
                message
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn keeps_scheme_and_host_only() {
        let m = message(307, Some("http://user:pw@127.0.0.2:9999/instances/I/token/SECRET/send-text?x=SECRET#f"));
        assert!(m.contains("redirect 307 to http://127.0.0.2:9999;"), "{m}");
        assert!(!m.contains("SECRET") && !m.contains("user") && !m.contains("pw"), "{m}");
        assert!(message(301, Some("HTTPS://Evil.Example/x")).contains("https://evil.example;"));
        assert!(message(302, Some("//evil.example/token/SECRET")).contains("//evil.example;"));
        assert!(message(308, Some("[::1]")).contains("another path on the same host"));
    }

    #[test]
    fn relative_missing_hidden_and_odd_locations() {
        assert!(message(302, Some("/instances/I/token/SECRET/x")).contains("another path on the same host"));
        assert!(message(301, None).contains("to no location"));
        assert!(message(0, None).contains("does not reveal"));
        let odd = message(302, Some("http://ev\u{0}il<script>/x"));
        assert!(odd.contains("http://an unreadable host"), "{odd}");
        assert!(!odd.contains("script"));
    }
}
