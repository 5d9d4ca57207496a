//! A hand-written pass over a chat list that picks out the announcement groups.
//!
//! A list of 100,000 chats is ~30 MB of JSON of which two short fields per chat matter. serde
//! (even borrowing, with every other field ignored) checks each number and each escape on the
//! way; this pass only finds where each value ends, so it runs several times faster, which is
//! what makes the scan beat `JSON.parse` inside wasm. It is deliberately narrow: on anything it
//! does not read exactly as the serde readers would (an escape in a key or a phone, a duplicate
//! key, a number or other unusual value as the flag, trailing commas, a non-object entry) it
//! gives up and the caller falls back to them, so both paths always agree.

/// The `phone` of every chat whose `isGroupAnnouncement` is true, and the number of chats; `None`
/// when the body needs the serde readers (see the module docs).
pub(crate) fn announcement_phones(body: &[u8]) -> Option<(Vec<&str>, usize)> {
    // serde would refuse invalid UTF-8 anywhere; so does this, in one fast pass up front.
    std::str::from_utf8(body).ok()?;
    let mut cursor = Cursor { bytes: body, at: 0 };
    cursor.whitespace();
    if cursor.peek() == Some(b'n') {
        cursor.literal(b"null")?;
        cursor.whitespace();
        return cursor.at_end().then_some((Vec::new(), 0));
    }
    cursor.expect(b'[')?;
    let mut phones = Vec::new();
    let mut rows = 0;
    cursor.whitespace();
    if cursor.peek() == Some(b']') {
        cursor.at += 1;
    } else {
        loop {
            let (phone, announcement) = cursor.chat()?;
            rows += 1;
            if let (true, Some(phone)) = (announcement, phone) {
                phones.push(phone);
            }
            cursor.whitespace();
            match cursor.next()? {
                b',' => continue,
                b']' => break,
                _ => return None,
            }
        }
    }
    cursor.whitespace();
    cursor.at_end().then_some((phones, rows))
}

/// The flag's string forms, as the lenient boolean reader (`wire::lenient::LooseBool`) takes them.
fn flag_from_str(text: &str) -> Option<bool> {
    match text.trim().to_ascii_lowercase().as_str() {
        "true" | "1" | "yes" => Some(true),
        "false" | "0" | "no" | "" => Some(false),
        _ => None,
    }
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

// `inline(always)`: the wasm build optimises for size (opt-level z), which otherwise leaves these
// one-liners as calls in the innermost loop and makes the pass several times slower there.
impl<'a> Cursor<'a> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn next(&mut self) -> Option<u8> {
        let byte = self.peek()?;
        self.at += 1;
        Some(byte)
    }

    #[inline(always)]
    fn at_end(&self) -> bool {
        self.at == self.bytes.len()
    }

    #[inline(always)]
    fn whitespace(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.peek() {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn expect(&mut self, byte: u8) -> Option<()> {
        self.whitespace();
        (self.next()? == byte).then_some(())
    }

    #[inline(always)]
    fn literal(&mut self, word: &[u8]) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| self.at = end)
    }

    /// One chat object: its phone (when a plain string) and its flag.
    fn chat(&mut self) -> Option<(Option<&'a str>, bool)> {
        self.expect(b'{')?;
        let mut phone: Option<Option<&'a str>> = None;
        let mut flag: Option<bool> = None;
        self.whitespace();
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Some((None, false));
        }
        loop {
            self.whitespace();
            let key = self.plain_string()?;
            self.expect(b':')?;
            self.whitespace();
            match key {
                "phone" if phone.is_none() => phone = Some(self.phone()?),
                "isGroupAnnouncement" if flag.is_none() => flag = Some(self.flag()?),
                // A repeated field is an error for serde; let it say so.
                "phone" | "isGroupAnnouncement" => return None,
                _ => self.skip_value()?,
            }
            self.whitespace();
            match self.next()? {
                b',' => continue,
                b'}' => break,
                _ => return None,
            }
        }
        Some((phone.flatten(), flag.unwrap_or(false)))
    }

    #[inline(always)]
    fn phone(&mut self) -> Option<Option<&'a str>> {
        if self.peek() == Some(b'n') {
            self.literal(b"null")?;
            return Some(None);
        }
        self.plain_string().map(Some)
    }

    #[inline(always)]
    fn flag(&mut self) -> Option<bool> {
        match self.peek()? {
            b't' => self.literal(b"true").map(|()| true),
            b'f' => self.literal(b"false").map(|()| false),
            b'n' => self.literal(b"null").map(|()| false),
            b'"' => flag_from_str(self.plain_string()?),
            _ => None,
        }
    }

    /// A string with no escape in it, borrowed from the body.
    #[inline(always)]
    fn plain_string(&mut self) -> Option<&'a str> {
        if self.next()? != b'"' {
            return None;
        }
        let start = self.at;
        let length = memchr::memchr2(b'"', b'\\', &self.bytes[start..])?;
        if self.bytes[start + length] == b'\\' {
            return None;
        }
        self.at = start + length + 1;
        // The body was checked to be UTF-8 and quotes are ASCII, so this cannot fail.
        std::str::from_utf8(&self.bytes[start..start + length]).ok()
    }

    /// Moves past a string, escapes included (the opening quote is at the cursor).
    #[inline(always)]
    fn skip_string(&mut self) -> Option<()> {
        self.at += 1;
        loop {
            // `get`: an escape as the very last byte leaves the cursor past the end.
            let rest = self.bytes.get(self.at..)?;
            let offset = memchr::memchr2(b'"', b'\\', rest)?;
            self.at += offset + 1;
            if rest[offset] == b'"' {
                return Some(());
            }
            // An escape: the next byte is part of it, whatever it is.
            self.at += 1;
        }
    }

    /// Moves past any JSON value: strings and containers exactly, scalars by their characters.
    #[inline(always)]
    fn skip_value(&mut self) -> Option<()> {
        match self.peek()? {
            b'"' => self.skip_string(),
            b'{' | b'[' => self.skip_container(),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            b'-' | b'0'..=b'9' => {
                let length = self.bytes[self.at..]
                    .iter()
                    .take_while(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
                    .count();
                self.at += length;
                Some(())
            }
            _ => None,
        }
    }

    /// Moves past an object or array, matching every bracket (nested values are rare in a chat).
    fn skip_container(&mut self) -> Option<()> {
        let mut closers = Vec::new();
        loop {
            match self.peek()? {
                b'"' => {
                    self.skip_string()?;
                    continue;
                }
                b'{' => closers.push(b'}'),
                b'[' => closers.push(b']'),
                close @ (b'}' | b']') => {
                    if closers.pop() != Some(close) {
                        return None;
                    }
                    if closers.is_empty() {
                        self.at += 1;
                        return Some(());
                    }
                }
                _ => {}
            }
            self.at += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(body: &str) -> Option<(Vec<&str>, usize)> {
        announcement_phones(body.as_bytes())
    }

    #[test]
    fn finds_flagged_chats_in_every_flag_form() {
        let body = r#" [
            {"phone":"1-group","isGroupAnnouncement":true,"name":"A \"quoted\" name","extra":{"a":[1,{"b":"]"}]}},
            {"isGroupAnnouncement":"TRUE ","phone":"2-group"},
            {"phone":"3-group","isGroupAnnouncement":"no","unread":-1.5e3},
            {"phone":null,"isGroupAnnouncement":true},
            {"phone":"4-group","isGroupAnnouncement":null,"pinned":false},
            {}
        ] "#;
        assert_eq!(scan(body), Some((vec!["1-group", "2-group"], 6)));
        assert_eq!(scan("null"), Some((vec![], 0)));
        assert_eq!(scan(" [ ] "), Some((vec![], 0)));
    }

    #[test]
    fn leaves_what_serde_must_judge_to_serde() {
        for body in [
            r#"[{"phone":"1-group","isGroupAnnouncement":true,}]"#,
            r#"[{"phone":"1-group","isGroupAnnouncement":true},]"#,
            r#"[{"phone":"1-group","phone":"2-group"}]"#,
            r#"[{"phone":"1\u002dgroup","isGroupAnnouncement":true}]"#,
            r#"[{"ph\u006fne":"1-group","isGroupAnnouncement":true}]"#,
            r#"[{"phone":"1-group","isGroupAnnouncement":1}]"#,
            r#"[{"phone":"1-group","isGroupAnnouncement":"maybe"}]"#,
            r#"[{"phone":5511,"isGroupAnnouncement":true}]"#,
            r#"[{"phone":"1-group","x":{"a":]}]"#,
            r#"[{"phone":"1-group"}"#,
            r#"[{"phone":"1-group"}] x"#,
            r#"[1]"#,
            r#"{"error":"x"}"#,
            "",
        ] {
            assert_eq!(scan(body), None, "{body}");
        }
        assert_eq!(announcement_phones(b"[{\"name\":\"\xff\"}]"), None, "invalid UTF-8");
        // Found by the fuzz target: a body that ends in the escape of an unclosed nested string.
        assert_eq!(scan(r#"[{"a":[{"b":"x\"#), None);
        assert_eq!(scan(r#"[{"a":"\"#), None);
    }
}
