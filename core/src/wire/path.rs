//! Percent-encoding for path segments and query components.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

/// Everything but RFC 3986 unreserved characters is encoded, so `@`, `/`, `?` and spaces in an
/// id can never change the route.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// The bytes [`SEGMENT`] leaves as they are, by value: a table lookup per byte.
static UNRESERVED: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~');
        b += 1;
    }
    table
};

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
    if raw.bytes().all(|b| UNRESERVED[usize::from(b)]) {
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
        assert_eq!(super::segment("Az09-._~"), "Az09-._~");
        // The quick pass and the encoder agree on every byte.
        for b in 0..=127u8 {
            let raw = char::from(b).to_string();
            let encoded = super::segment(&raw);
            assert_eq!(encoded == raw, super::UNRESERVED[usize::from(b)], "{b}");
            assert_eq!(encoded, percent_encoding::utf8_percent_encode(&raw, super::SEGMENT).to_string());
        }
        let mut out = String::from("?");
        super::push_encoded(&mut out, "a b&é");
        assert_eq!(out, "?a%20b%26%C3%A9");
    }
}
