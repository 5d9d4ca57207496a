//! Percent-encoding for path segments and query components.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is encoded, so `@`, `/`, `?` and spaces in an
/// id can never change the route.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Encodes one path segment.
pub(crate) fn segment(raw: &str) -> String {
    utf8_percent_encode(raw, SEGMENT).to_string()
}

/// Encodes one query key or value.
pub(crate) fn query_component(raw: &str) -> String {
    utf8_percent_encode(raw, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    #[test]
    fn encodes_reserved_characters() {
        assert_eq!(super::segment("999@lid"), "999%40lid");
        assert_eq!(super::segment("a/b?c"), "a%2Fb%3Fc");
        assert_eq!(super::segment("120363-group"), "120363-group");
    }
}
