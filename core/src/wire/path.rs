//! Percent-encoding for path segments and query components.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is encoded, so `@`, `/`, `?` and spaces in an
/// id can never change the route.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Encodes one path segment.
pub(crate) fn segment(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    push_encoded(&mut out, raw);
    out
}

/// Appends `raw` to `out`, encoded as a path segment or a query key or value (the same set):
/// without the formatting machinery or an intermediate string, as every request's URL does.
pub(crate) fn push_encoded(out: &mut String, raw: &str) {
    // Ids, tokens and page numbers rarely need encoding: one quick pass proves it.
    if raw.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')) {
        out.push_str(raw);
    } else {
        utf8_percent_encode(raw, SEGMENT).for_each(|part| out.push_str(part));
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_reserved_characters() {
        assert_eq!(super::segment("999@lid"), "999%40lid");
        assert_eq!(super::segment("a/b?c"), "a%2Fb%3Fc");
        assert_eq!(super::segment("120363-group"), "120363-group");
        let mut out = String::from("?");
        super::push_encoded(&mut out, "a b&é");
        assert_eq!(out, "?a%20b%26%C3%A9");
    }
}
