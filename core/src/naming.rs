//! Names across languages: JS options and the error's serde shape spell fields in camelCase;
//! Rust, Python and every validation message spell them in snake_case.

/// `retryAfterMs` → `retry_after_ms`: a camelCase field name as the bindings show it in
/// snake_case (a Python exception's attributes, the `field` a JS option error names).
pub fn snake_case(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn camel_to_snake() {
        assert_eq!(super::snake_case("retryAfterMs"), "retry_after_ms");
        assert_eq!(super::snake_case("groups[0].autoInvite"), "groups[0].auto_invite");
        assert_eq!(super::snake_case("kind"), "kind");
    }
}
