//! A request's URL for reqwest, parsed without parsing its origin again on every call.
//!
//! Handing reqwest the URL as text makes it parse the whole of it (scheme, host, port, path,
//! query) once per request: about 8k instructions, a tenth of a loopback call. Every call of a
//! client shares one origin (`scheme://host:port`), so each thread keeps the last origin it
//! parsed and a call only sets its own path and query on a copy, with the same parser routines
//! `Url::parse` runs on those parts. A URL this cannot split safely is left to reqwest as text.

use std::cell::RefCell;

use reqwest::Url;

use crate::http::HttpRequest;

thread_local! {
    /// The last origin parsed on this thread, as written and as parsed.
    static ORIGIN: RefCell<Option<(String, Url)>> = const { RefCell::new(None) };
}

/// `request`'s URL, equal to `Url::parse(&request.url())`; `None` when that text does not split
/// into an origin, a path and a query (no `#`, no `?` in the base URL), for the caller to hand
/// reqwest the text instead.
pub(crate) fn parsed(request: &HttpRequest) -> Option<Url> {
    let text = request.url();
    // The origin ends where the base URL's path starts: at the first `/` after `://`.
    let after_scheme = request.base_url.find("://")? + 3;
    let origin_end = request.base_url[after_scheme..].find('/').map_or(request.base_url.len(), |at| after_scheme + at);
    let origin = &request.base_url[..origin_end];
    if text.contains('#') || request.base_url.contains('?') || !text.starts_with(origin) {
        return None;
    }
    let (path, query) = match text[origin_end..].split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (&text[origin_end..], None),
    };
    let mut url = ORIGIN.with(|cached| {
        let mut cached = cached.borrow_mut();
        match &*cached {
            Some((text, url)) if text == origin => Some(url.clone()),
            _ => {
                let url = Url::parse(origin).ok()?;
                // An origin that already has a path or a query (`http://host?x`) is not one.
                if url.path() != "/" || url.query().is_some() || url.fragment().is_some() {
                    return None;
                }
                *cached = Some((origin.to_owned(), url.clone()));
                Some(url)
            }
        }
    })?;
    url.set_path(path);
    url.set_query(query);
    Some(url)
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
            base_url: base_url.to_owned(),
            instance_id: "INST ANCE/1".to_owned(),
            token: Secret::new("tok?en#1"),
            path: path.to_owned(),
            query: query.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
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
        for base in ["https://host?x=1", "https://host#f", "not a url", "https://exa mple.com", "https://host\\zapi"] {
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
