//! A request's URL for reqwest, parsed without parsing its origin again on every call.
//!
//! Handing reqwest the URL as text makes it parse the whole of it (scheme, host, port, path,
//! query) once per request: about 8k instructions, a tenth of a loopback call. Every call of a
//! client shares one origin (`scheme://host:port`), so each thread keeps the last origin it
//! parsed, and a call's path and query are parsed against it as an absolute-path reference,
//! with the same parser routines `Url::parse` runs on those parts of the whole text. A URL this
//! cannot split that way is left to reqwest as text.

use std::cell::RefCell;

use reqwest::Url;

use crate::http::HttpRequest;

thread_local! {
    /// The last origin parsed on this thread, as written and as parsed.
    static ORIGIN: RefCell<Option<(String, Url)>> = const { RefCell::new(None) };
}

/// `request`'s URL, equal to `Url::parse(&request.url())`; `None` when that text would not split
/// into the same origin and rest, for the caller to hand reqwest the text instead.
pub(crate) fn parsed(request: &HttpRequest) -> Option<Url> {
    let base = &*request.base_url;
    // The two parts written unencoded: a `?` or `#` in them would move where the text splits.
    if base.contains(['?', '#']) || request.path.contains(['?', '#']) {
        return None;
    }
    // The origin ends where the base URL's path starts: at the first `/` after `://`.
    let after_scheme = base.find("://")? + 3;
    let (origin, base_path) = base.split_at(base[after_scheme..].find('/').map_or(base.len(), |at| after_scheme + at));
    let mut rest = String::with_capacity(base_path.len() + request.path.len() + 128);
    rest.push_str(base_path);
    request.push_path_and_query(&mut rest);
    // `rest` starts with `/`; a second `/` (or `\`, the same in an http(s) URL) would make it a
    // reference to another host.
    if rest[1..].starts_with(['/', '\\']) {
        return None;
    }
    with_origin(origin, |origin| Url::options().base_url(Some(origin)).parse(&rest).ok())
}

/// Runs `read` on `origin` parsed, this thread's copy when it was the last one parsed here;
/// `None` when it does not parse or is not an origin alone (`http://host\path` has a path).
fn with_origin(origin: &str, read: impl FnOnce(&Url) -> Option<Url>) -> Option<Url> {
    ORIGIN.with(|cached| {
        let mut cached = cached.borrow_mut();
        let known = matches!(&*cached, Some((text, _)) if text == origin);
        if !known {
            let url = Url::parse(origin).ok().filter(|url| url.path() == "/" && url.query().is_none())?;
            *cached = Some((origin.to_owned(), url));
        }
        cached.as_ref().and_then(|(_, url)| read(url))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::{Call, Endpoint, ListCommunities};
    use crate::http::Method;
    use crate::secret::Secret;

    fn request(base_url: &str, path: &str, query: &[(&str, &str)]) -> HttpRequest {
        HttpRequest {
            method: Method::Get,
            base_url: base_url.into(),
            instance_id: "INST ANCE/1".into(),
            token: Secret::new("tok?en#1"),
            path: path.to_owned().into(),
            query: query.iter().map(|(k, v)| ((*k).to_owned().into(), (*v).to_owned())).collect(),
            headers: Vec::new(),
            body: None,
        }
    }

    #[test]
    fn equals_parsing_the_whole_text() {
        // (`Url` compares as its text.)
        let bases = [
            "http://127.0.0.1:8080",
            "https://api.z-api.io",
            "https://API.Z-API.io:443",
            "http://[::1]:9000",
            "https://user:pw@proxy.example/zapi",
            "https://proxy.example/zapi/v1",
            "https://proxy.example/a/../b",
            "https://xn--bcher-kva.example",
            "https://bücher.example/ä",
        ];
        let tails: [(&str, &[(&str, &str)]); 5] = [
            ("/communities", &[("page", "1"), ("pageSize", "10")]),
            ("/group-metadata/120363-group", &[]),
            ("/a/./b/../c", &[("q", "ä ö&=")]),
            ("", &[]),
            ("/x%2Fy", &[("k", "")]),
        ];
        for base in bases {
            for (path, query) in tails {
                let request = request(base, path, query);
                let expected = Url::parse(&request.url()).ok();
                // (A Unicode host needs IDNA, which this build of `url` may leave out: both refuse it.)
                assert!(expected.is_some() || !base.is_ascii(), "{base} {path}");
                // Twice: the second one takes the origin this thread kept.
                for _ in 0..2 {
                    assert_eq!(parsed(&request), expected, "{base} {path}");
                }
            }
        }
    }

    #[test]
    fn leaves_what_it_cannot_split_to_reqwest() {
        for base in [
            "https://host?x=1",
            "https://host#f",
            "not a url",
            "https://exa mple.com",
            "https://host\\zapi",
            "https://host//evil.example",
            "https://host/\\evil.example",
        ] {
            assert!(parsed(&request(base, "/communities", &[])).is_none(), "{base}");
        }
        // A path with a fragment in it (no call builds one) goes as text too.
        assert!(parsed(&request("https://host", "/a#b", &[])).is_none());
    }

    #[test]
    fn serves_every_origin_a_thread_alternates_between() {
        let endpoint = |base: &str| Endpoint::new("I", "t").unwrap().with_base_url(base).unwrap();
        for base in ["http://127.0.0.1:1", "http://127.0.0.1:2", "http://127.0.0.1:1"] {
            let request = ListCommunities::default().build(&endpoint(base)).unwrap();
            assert_eq!(parsed(&request).unwrap().as_str(), Url::parse(&request.url()).unwrap().as_str());
        }
    }
}
