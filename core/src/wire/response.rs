//! Status and body handling shared by every call: errors are read here once.

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::json_value::JsonValue;
use super::lenient::LooseBool;
use crate::error::Error;
use crate::http::HttpResponse;

/// Longest service message kept in an error, in characters.
const MAX_MESSAGE_CHARS: usize = 300;

/// Returns the body of a 2xx response, or the error the response describes.
///
/// A 3xx is refused (see `redirect`), whichever transport let it through. A 2xx body of the form
/// `{"error": "…"}` is an error too: the token and IP refusals
/// (developer.z-api.io/security/client-token) are documented with no status, so they may well
/// arrive as 200.
pub(crate) fn success_body(response: &HttpResponse) -> Result<&[u8], Error> {
    if (300..400).contains(&response.status) {
        return Err(super::redirect::refused(response.status, response.header(crate::http::LOCATION)));
    }
    if response.status == 429 {
        return Err(Error::RateLimited { retry_after_ms: retry_after(response).map(|secs| secs.saturating_mul(1000)) });
    }
    if !response.is_success() {
        return Err(Error::Api { status: response.status, detail: describe_error_body(response) });
    }
    if let Some(message) = error_field(&response.body) {
        return Err(Error::Api { status: response.status, detail: message });
    }
    Ok(&response.body)
}

/// Parses a 2xx body that must be a JSON object into `T`.
///
/// The object check matters: serde's derived readers also accept an array as a struct
/// (`[1, 2]` would fill the first two fields), which would turn a wrong answer into a wrong value.
pub(crate) fn json<T: DeserializeOwned>(response: &HttpResponse) -> Result<T, Error> {
    object(success_body(response)?)
}

/// [`json`] for a body [`success_body`] has already checked.
pub(crate) fn object<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    match body.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => parse_json(body),
        Some(_) if looks_like_html(body) => {
            Err(Error::decode(format!("expected JSON, got an HTML page: {}", html_summary(body))))
        }
        Some(_) => Err(Error::decode("expected a JSON object")),
        None => Err(Error::decode("the body is empty")),
    }
}

/// Parses JSON, falling back once to a copy without trailing commas (the documented examples of
/// `/chats` have one, developer.z-api.io/chats/get-chats, whose examples disagree; a service that
/// renders JSON the same way would too).
pub(crate) fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Result<T, Error> {
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(first) => {
            let Some(repaired) = without_trailing_commas(body) else {
                return Err(decode_error(body, &first));
            };
            serde_json::from_slice(&repaired).map_err(|_| decode_error(body, &first))
        }
    }
}

fn decode_error(body: &[u8], error: &serde_json::Error) -> Error {
    if body.iter().all(u8::is_ascii_whitespace) {
        Error::decode("the body is empty")
    } else if looks_like_html(body) {
        Error::decode(format!("expected JSON, got an HTML page: {}", html_summary(body)))
    } else {
        Error::decode(format!("unexpected JSON: {error}"))
    }
}

/// Reads a mutation acknowledgement: `{"success": bool}`, `{"value": bool}` or an empty body
/// (deactivate documents none, developer.z-api.io/communities/deactivate-community). `false` means
/// the service refused.
pub(crate) fn ack(response: &HttpResponse) -> Result<(), Error> {
    ack_listing(response, "").map(|_| ())
}

/// A group an acknowledgement lists as skipped: its id as sent, and the reason when given.
pub(crate) type Listed = (String, Option<String>);

/// Reads an acknowledgement that may list skipped entries under `key` (link groups: `skipped`),
/// as ids or as objects with `phone` (or `groupId`, `id`) and `reason`. `None` when the answer
/// has no such list, which does not prove that nothing was skipped. A `false` with a list is
/// not an error here: every entry was skipped, and the list says why.
pub(crate) fn ack_listing(response: &HttpResponse, key: &str) -> Result<Option<Vec<Listed>>, Error> {
    let body = success_body(response)?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(None);
    }
    let parsed: JsonValue<'static> = parse_json(body)?;
    let JsonValue::Object(object) = parsed else {
        // A bare `true`/`"ok"`: accept truthy scalars, refuse `false`.
        return match parsed {
            JsonValue::Bool(false) => Err(refused(response.status, "false")),
            _ => Ok(None),
        };
    };
    // `{"success"?, "value"?}`, each a loose boolean where `null` means absent; `success` is
    // read (and refused when unreadable) first.
    let flag = |key: &str| match object.get(key) {
        None | Some(JsonValue::Null) => Ok(None),
        Some(value) => LooseBool::deserialize(value).map(|b| Some(b.0)),
    };
    let unexpected = |e: serde_json::Error| Error::decode(format!("unexpected acknowledgement: {e}"));
    let success = flag("success").map_err(unexpected)?;
    let value = flag("value").map_err(unexpected)?;
    let listed = if key.is_empty() { None } else { object.get(key).and_then(listed_entries) };
    match (success.or(value), listed) {
        (Some(false), Some(listed)) if !listed.is_empty() => Ok(Some(listed)),
        (Some(false), _) => Err(refused(response.status, "success: false")),
        (_, listed) => Ok(listed),
    }
}

/// The entries of a `skipped`-style list; `None` unless it is an array.
fn listed_entries(value: &JsonValue) -> Option<Vec<Listed>> {
    let JsonValue::Array(items) = value else { return None };
    let text = |v: Option<&JsonValue>| match v {
        Some(JsonValue::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        _ => None,
    };
    Some(
        items
            .iter()
            .filter_map(|item| match item {
                JsonValue::String(id) => Some((id.trim().to_owned(), None)),
                JsonValue::Object(o) => {
                    let id = text(o.get("phone")).or_else(|| text(o.get("groupId"))).or_else(|| text(o.get("id")))?;
                    Some((id, text(o.get("reason")).map(|r| scrub(&r))))
                }
                _ => None,
            })
            .collect(),
    )
}

fn refused(status: u16, what: &str) -> Error {
    Error::Api { status, detail: format!("the service refused the operation ({what})") }
}

/// Seconds from a `Retry-After` header (delta-seconds form; HTTP dates are ignored).
pub(crate) fn retry_after(response: &HttpResponse) -> Option<u64> {
    response.header(crate::http::RETRY_AFTER).and_then(|v| v.trim().parse().ok())
}

/// The `error` (and `message`) of a JSON object body, when it has a truthy `error`.
pub(crate) fn error_field(body: &[u8]) -> Option<String> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' {
        return None;
    }
    // Every 2xx object answer passes here before its own reader: a body that cannot hold the key
    // (no `error` in its text, nor a `\u` escape that could spell it) is not read twice.
    if !could_hold_error_key(body) {
        return None;
    }
    #[derive(serde::Deserialize)]
    struct ErrorBody {
        error: Option<JsonValue<'static>>,
        message: Option<String>,
    }
    let parsed: ErrorBody = serde_json::from_slice(body).ok()?;
    let error = match parsed.error? {
        JsonValue::String(s) => s.into_owned(),
        JsonValue::Bool(false) | JsonValue::Null => return None,
        other => other.to_string(),
    };
    Some(scrub(&match parsed.message {
        Some(message) if !message.is_empty() => format!("{error}: {message}"),
        _ => error,
    }))
}

/// Whether `body`'s text has `error` or a `\u` escape (which could spell it) anywhere. Found
/// byte by byte with `memchr`, which the module has already: `memmem` would bring its own
/// searchers into the wasm module for this one check.
fn could_hold_error_key(body: &[u8]) -> bool {
    memchr::memchr2_iter(b'e', b'\\', body).any(|at| match body[at] {
        b'e' => body[at..].starts_with(b"error"),
        _ => body.get(at + 1) == Some(&b'u'),
    })
}

/// A one-line description of an error body: its `error`/`message`, an HTML page's title, its
/// text, or a note that it was empty.
pub(crate) fn describe_error_body(response: &HttpResponse) -> String {
    let body = &response.body;
    if body.iter().all(u8::is_ascii_whitespace) {
        return format!("HTTP {} with an empty body", response.status);
    }
    if let Some(message) = error_field(body) {
        return message;
    }
    if let Ok(JsonValue::Object(object)) = JsonValue::borrowed(body) {
        if let Some(JsonValue::String(message)) = object.get("message") {
            return scrub(message);
        }
    }
    if looks_like_html(body) {
        return html_summary(body);
    }
    scrub(&String::from_utf8_lossy(body))
}

fn looks_like_html(body: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&body[..body.len().min(512)]).to_ascii_lowercase();
    head.contains("<html") || head.contains("<!doctype html") || head.contains("<title")
}

/// The `<title>` of an HTML page, else its text without tags.
fn html_summary(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    let lower = text.to_ascii_lowercase();
    if let (Some(start), Some(end)) = (lower.find("<title>"), lower.find("</title>")) {
        if start + 7 <= end {
            return scrub(text[start + 7..end].trim());
        }
    }
    let mut plain = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                plain.push(' ');
            }
            c if !in_tag => plain.push(c),
            _ => {}
        }
    }
    scrub(&plain.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Shortens a message and removes anything that follows `/token/` in it: error pages of proxies
/// and frameworks often echo the request path, and the token is a path segment.
pub(crate) fn scrub(message: &str) -> String {
    let out = scrub_token_segments(message);
    let trimmed = out.trim();
    if trimmed.chars().count() > MAX_MESSAGE_CHARS {
        let cut: String = trimmed.chars().take(MAX_MESSAGE_CHARS).collect();
        format!("{cut}…")
    } else {
        trimmed.to_owned()
    }
}

/// Replaces the path segment after each `/token/` in `message` with `***`.
pub(crate) fn scrub_token_segments(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("/token/") {
        out.push_str(&rest[..at + 7]);
        out.push_str("***");
        let after = &rest[at + 7..];
        let end = after
            .find(|c: char| c == '/' || c == '?' || c == '"' || c == '\'' || c.is_whitespace())
            .unwrap_or(after.len());
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// Removes commas that directly precede `]` or `}` outside strings; `None` when there are none.
fn without_trailing_commas(body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    let mut in_string = false;
    let mut escaped = false;
    let mut changed = false;
    for (i, &b) in body.iter().enumerate() {
        if in_string {
            out.push(b);
            match (escaped, b) {
                (true, _) => escaped = false,
                (false, b'\\') => escaped = true,
                (false, b'"') => in_string = false,
                _ => {}
            }
            continue;
        }
        if b == b'"' {
            in_string = true;
        }
        if b == b',' {
            let next = body[i + 1..].iter().find(|c| !c.is_ascii_whitespace());
            if matches!(next, Some(b']') | Some(b'}')) {
                changed = true;
                continue;
            }
        }
        out.push(b);
    }
    changed.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> HttpResponse {
        HttpResponse::new(status, body)
    }

    #[test]
    fn three_success_shapes() {
        assert_eq!(ack(&resp(200, r#"{"success":true}"#)), Ok(()));
        assert_eq!(ack(&resp(200, r#"{"value":"true"}"#)), Ok(()));
        assert_eq!(ack(&resp(200, "")), Ok(()));
        assert_eq!(ack(&resp(204, "  ")), Ok(()));
        assert!(matches!(ack(&resp(200, r#"{"success":false}"#)), Err(Error::Api { status: 200, .. })));
        assert!(matches!(ack(&resp(200, r#"{"value":false}"#)), Err(Error::Api { .. })));
        assert!(matches!(ack(&resp(200, r#"{"success":"maybe"}"#)), Err(Error::Decode { .. })));
        assert!(matches!(ack(&resp(200, r#"{"success":true,"extra":[1]}"#)), Ok(())));
    }

    #[test]
    fn skipped_lists_are_read_in_either_shape() {
        let body =
            r#"{"success":true,"skipped":[{"phone":"1-group","reason":"already in another community"},"2-group",7]}"#;
        let listed = ack_listing(&resp(200, body), "skipped").unwrap().unwrap();
        assert_eq!(
            listed,
            vec![("1-group".into(), Some("already in another community".into())), ("2-group".into(), None)]
        );
        assert_eq!(ack_listing(&resp(200, r#"{"success":true}"#), "skipped"), Ok(None));
        let all = ack_listing(&resp(200, r#"{"success":false,"skipped":["1-group"]}"#), "skipped").unwrap();
        assert_eq!(all.unwrap().len(), 1, "every group skipped is an outcome, not an error");
        assert!(ack_listing(&resp(200, r#"{"success":false,"skipped":[]}"#), "skipped").is_err());
        assert!(ack_listing(&resp(200, r#"{"success":false}"#), "skipped").is_err());
    }

    #[test]
    fn error_bodies_become_api_errors() {
        let cases = [
            (400, r#"{"error":"null not allowed"}"#, "null not allowed"),
            (500, r#"{"message":"boom"}"#, "boom"),
            (502, "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>", "502 Bad Gateway"),
            (503, "", "HTTP 503 with an empty body"),
            (500, "plain words", "plain words"),
            (200, r#"{"error":"1.2.3.4 not allowed"}"#, "1.2.3.4 not allowed"),
            // The key spelled with an escape is still the key.
            (200, r#"{"\u0065rror":"escaped key"}"#, "escaped key"),
            (200, r#"{"err\u006Fr":true,"message":"m"}"#, "true: m"),
        ];
        for (status, body, message) in cases {
            assert_eq!(success_body(&resp(status, body)), Err(Error::Api { status, detail: message.into() }), "{body}");
        }
    }

    #[test]
    fn redirects_are_api_errors_without_the_location_path() {
        for status in [301, 302, 303, 307, 308] {
            let r = resp(status, "").with_header("Location", "https://evil.example/token/SECRET/x?k=SECRET");
            let Err(Error::Api { status: s, detail: message }) = success_body(&r) else { panic!("{status}") };
            assert_eq!(s, status);
            assert!(message.contains("https://evil.example") && !message.contains("SECRET"), "{message}");
        }
    }

    #[test]
    fn rate_limit_reads_retry_after() {
        let r = resp(429, "").with_header("Retry-After", " 7 ");
        assert_eq!(success_body(&r), Err(Error::RateLimited { retry_after_ms: Some(7000) }));
        assert_eq!(success_body(&resp(429, "")), Err(Error::RateLimited { retry_after_ms: None }));
    }

    #[test]
    fn echoed_paths_lose_their_token() {
        let page = "<html><body>Cannot GET /instances/I/token/s3cr3t/x</body></html>";
        let Err(Error::Api { detail: message, .. }) = success_body(&resp(404, page)) else { panic!() };
        assert!(!message.contains("s3cr3t"), "{message}");
        assert!(message.contains("/token/***/x"));
    }

    #[test]
    fn trailing_commas_are_forgiven_but_strings_untouched() {
        let v: serde_json::Value = parse_json(br#"[{"a":"x,]","b":false,},]"#).unwrap();
        assert_eq!(v, serde_json::json!([{"a": "x,]", "b": false}]));
        assert!(matches!(parse_json::<serde_json::Value>(b"{oops"), Err(Error::Decode { .. })));
        let Err(Error::Decode { detail: message }) = parse_json::<serde_json::Value>(b"<html><title>Hi</title></html>")
        else {
            panic!()
        };
        assert!(message.contains("HTML"));
    }

    #[test]
    fn objects_are_required_where_the_service_sends_objects() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Two {
            a: u8,
            b: u8,
        }
        assert!(matches!(json::<Two>(&resp(200, "[1,2]")), Err(Error::Decode { .. })));
        assert!(matches!(json::<Two>(&resp(200, " ")), Err(Error::Decode { .. })));
        assert!(json::<Two>(&resp(200, r#" {"a":1,"b":2}"#)).is_ok());
    }

    #[test]
    fn long_messages_are_cut() {
        let long = "x".repeat(1000);
        assert!(scrub(&long).chars().count() <= MAX_MESSAGE_CHARS + 1);
    }
}
