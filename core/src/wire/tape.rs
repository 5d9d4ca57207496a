//! A small JSON document read in one pass into a flat list of its values (a tape): the reader
//! behind `parse_webhook`, where a body of about a kilobyte is read for a dozen fields, many times
//! a second.
//!
//! It accepts exactly what the tree readers of `response.rs` accept (serde_json's grammar, checks
//! and nesting limit, plus a comma right before `]` or `}`), which the tests check over arbitrary
//! inputs, but it builds nothing: a value is a span of the text, a string is unescaped only when
//! it is read, a number is classified only when it is read, and a value nobody reads costs one
//! pass of the scanner. A reader that knows its keys when it is compiled (a [`KeySet`]) has the
//! root's members filed under them in one more pass, so that each lookup is an array read; as
//! everywhere else, the last of a repeated key wins.

use std::borrow::Cow;
use std::cell::Cell;

use serde::de::{self, Deserializer, Unexpected, Visitor};

mod keys;

pub(crate) use keys::KeySet;

/// serde_json refuses a 128th level of nesting; so does the tape.
const MAX_DEPTH: u32 = 128;

/// What a value is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Null,
    True,
    False,
    Number,
    /// A string without escapes: its span is its text.
    String,
    /// A string with at least one escape: its span must be unescaped.
    Escaped,
    Array,
    Object,
}

/// One value: its kind, its span (a string's contents between the quotes, a container's text
/// from bracket to bracket), and the tape position right after it and everything inside it.
#[derive(Debug, Clone, Copy)]
struct Node {
    kind: Kind,
    start: u32,
    end: u32,
    next: u32,
}

/// A document read onto a tape. An object's node is followed by its members, each a key node and
/// a value node; an array's by its elements.
#[derive(Debug)]
pub(crate) struct Tape<'a> {
    text: &'a str,
    nodes: Vec<Node>,
    /// The root object's members filed by [`Tape::file_root`]: for each name of the key set, the
    /// value node of its last appearance, or 0 (the root's own node) when it has none.
    filed: Vec<u32>,
}

// A webhook server reads one body after another on the same threads: each tape hands its two
// lists back for the next one, which then allocates nothing for them. Lists grown by a large
// body are let go rather than kept.
thread_local! {
    static SPARE: Cell<(Vec<Node>, Vec<u32>)> = const { Cell::new((Vec::new(), Vec::new())) };
}

/// The most nodes a spare list keeps room for (64 KiB of nodes).
const SPARE_NODES: usize = 4096;

impl Drop for Tape<'_> {
    fn drop(&mut self) {
        if self.nodes.capacity() <= SPARE_NODES {
            let lists = (std::mem::take(&mut self.nodes), std::mem::take(&mut self.filed));
            // After the thread's locals are gone (a tape dropped by another local's destructor)
            // the lists are simply freed.
            let _ = SPARE.try_with(|spare| spare.set(lists));
        }
    }
}

/// A number as serde_json reads it: unsigned, negative, or a float (any fraction or exponent,
/// `-0`, and integers beyond 64 bits).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Number {
    U64(u64),
    I64(i64),
    F64(f64),
}

/// One value of a tape.
#[derive(Clone, Copy)]
pub(crate) struct Value<'t, 'a> {
    tape: &'t Tape<'a>,
    at: u32,
}

impl<'a> Tape<'a> {
    /// Reads `body`, or `None` when the tree readers would refuse it (the caller asks them why).
    pub(crate) fn read(body: &'a [u8]) -> Option<Tape<'a>> {
        let text = std::str::from_utf8(body).ok()?;
        u32::try_from(body.len()).ok()?;
        let (mut nodes, mut filed) = SPARE.try_with(Cell::take).unwrap_or_default();
        nodes.clear();
        filed.clear();
        nodes.reserve(body.len() / 16 + 4);
        let mut scan = Scanner { bytes: body, at: 0, nodes };
        let read = scan.value(MAX_DEPTH).is_some() && {
            scan.whitespace();
            scan.at == body.len()
        };
        // Built even when refused, so that its lists go back to the spares.
        let tape = Tape { text, nodes: scan.nodes, filed };
        read.then_some(tape)
    }

    /// Files the root's members under the names of `keys`, for [`Tape::filed`] (none when the
    /// root is not an object). Escaped keys are unescaped first; a key outside the set is passed
    /// over.
    pub(crate) fn file_root(&mut self, keys: &KeySet) {
        let mut filed = std::mem::take(&mut self.filed);
        filed.clear();
        filed.resize(keys.len(), 0);
        for (key, value) in self.root().members() {
            let found = match key.kind() {
                Kind::String => keys.find(key.raw_bytes()),
                _ => key.str().and_then(|name| keys.find(name.as_bytes())),
            };
            if let Some(at) = found {
                filed[at] = value.at;
            }
        }
        self.filed = filed;
    }

    /// The root's value for the name at `position` in the key set given to [`Tape::file_root`]
    /// (the last one when the key repeats); `None` when the root has no such member.
    #[inline]
    pub(crate) fn filed(&self, position: usize) -> Option<Value<'_, 'a>> {
        let at = self.filed.get(position).copied().unwrap_or(0);
        (at != 0).then_some(Value { tape: self, at })
    }

    /// The value the document is.
    pub(crate) fn root(&self) -> Value<'_, 'a> {
        Value { tape: self, at: 0 }
    }

    // The wasm build is optimised for size (`opt-level = "z"`), which leaves even accessors this
    // small as calls; these few are on every step of the scan and every lookup.
    #[inline(always)]
    fn node(&self, at: u32) -> Node {
        self.nodes[at as usize]
    }
}

impl<'t, 'a> Value<'t, 'a> {
    #[inline(always)]
    pub(crate) fn kind(&self) -> Kind {
        self.tape.node(self.at).kind
    }

    /// The value's text as it stands in the document (a string's without its quotes).
    pub(crate) fn raw(&self) -> &'a str {
        let node = self.tape.node(self.at);
        &self.tape.text[node.start as usize..node.end as usize]
    }

    /// The bytes of [`Value::raw`], without the checks of slicing a `str`.
    fn raw_bytes(&self) -> &'a [u8] {
        let node = self.tape.node(self.at);
        self.tape.text.as_bytes().get(node.start as usize..node.end as usize).unwrap_or_default()
    }

    /// The value as JSON text, as the document writes it (a string with its quotes).
    pub(crate) fn json(&self) -> &'a str {
        let node = self.tape.node(self.at);
        let quoted = usize::from(matches!(node.kind, Kind::String | Kind::Escaped));
        &self.tape.text[node.start as usize - quoted..node.end as usize + quoted]
    }

    /// The string this value holds, unescaped; `None` for any other kind.
    pub(crate) fn str(&self) -> Option<Cow<'a, str>> {
        match self.kind() {
            Kind::String => Some(Cow::Borrowed(self.raw())),
            Kind::Escaped => Some(Cow::Owned(unescape(self.raw()))),
            _ => None,
        }
    }

    /// The number this value holds, as serde_json would hand it to a visitor.
    pub(crate) fn number(&self) -> Option<Number> {
        (self.kind() == Kind::Number).then(|| classify(self.raw()))
    }

    /// The value of `key` in this object (the last one when the key repeats); `None` for a
    /// missing key or a value that is not an object.
    pub(crate) fn get(&self, key: &str) -> Option<Value<'t, 'a>> {
        if self.kind() != Kind::Object {
            return None;
        }
        // Straight over the nodes: a key of another length is passed over without its text
        // (an escaped key's text is longer than the key it spells, so it is always compared).
        let (nodes, key) = (&self.tape.nodes, key.as_bytes());
        let end = self.tape.node(self.at).next as usize;
        let mut at = self.at as usize + 1;
        let mut found = None;
        while at < end {
            let Some(k) = nodes.get(at) else { break };
            let same_length = (k.end - k.start) as usize == key.len();
            if (same_length || k.kind == Kind::Escaped) && (Value { tape: self.tape, at: at as u32 }).key_is(key) {
                found = Some(Value { tape: self.tape, at: at as u32 + 1 });
            }
            // The value's node says where the next member starts.
            at = nodes.get(at + 1).map_or(end, |value| value.next as usize);
        }
        found
    }

    /// An object's members, in document order.
    pub(crate) fn members(&self) -> impl Iterator<Item = (Value<'t, 'a>, Value<'t, 'a>)> + 't {
        let tape = self.tape;
        let mut at = self.at + 1;
        let end = if self.kind() == Kind::Object { tape.node(self.at).next } else { at };
        std::iter::from_fn(move || {
            (at < end).then(|| {
                let value = at + 1;
                at = tape.node(value).next;
                (Value { tape, at: value - 1 }, Value { tape, at: value })
            })
        })
    }

    /// An array's elements, in order (none for any other kind).
    pub(crate) fn items(&self) -> impl Iterator<Item = Value<'t, 'a>> + 't {
        let tape = self.tape;
        let mut at = self.at + 1;
        let end = if self.kind() == Kind::Array { tape.node(self.at).next } else { at };
        std::iter::from_fn(move || {
            (at < end).then(|| {
                let item = Value { tape, at };
                at = tape.node(at).next;
                item
            })
        })
    }

    /// Whether this key node spells `key`.
    fn key_is(&self, key: &[u8]) -> bool {
        match self.kind() {
            Kind::String => self.raw_bytes() == key,
            _ => self.str().is_some_and(|k| k.as_bytes() == key),
        }
    }
}

/// Reads a scalar into a lenient field type (`LooseString`, `LooseBool`, `LooseU64`) as it reads
/// one of the tree (`json_value.rs`): numbers as serde_json hands them over, strings unescaped,
/// arrays and objects refused as the wrong type.
impl<'de> Deserializer<'de> for Value<'_, '_> {
    type Error = de::value::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.kind() {
            Kind::Null => visitor.visit_unit(),
            Kind::True => visitor.visit_bool(true),
            Kind::False => visitor.visit_bool(false),
            Kind::Number => match classify(self.raw()) {
                Number::U64(n) => visitor.visit_u64(n),
                Number::I64(n) => visitor.visit_i64(n),
                Number::F64(n) => visitor.visit_f64(n),
            },
            Kind::String | Kind::Escaped => visitor.visit_str(&self.str().unwrap_or_default()),
            Kind::Array => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
            Kind::Object => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.kind() {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// serde_json's reading of a number it accepted: an integer that fits is `U64` (or `I64` when
/// negative), and everything else (fractions, exponents, `-0`, integers beyond 64 bits) an `F64`
/// parsed by serde_json itself, so that every digit rounds as it always has.
fn classify(raw: &str) -> Number {
    // Up to 19 digits cannot overflow a u64: read digit by digit, stopping at a fraction or an
    // exponent (floats), without `str::parse`'s second check of the grammar the scanner checked
    // or an overflow check per digit (a 128-bit multiplication in wasm).
    let whole = |digits: &str| match digits.len() {
        ..=19 => digits.bytes().try_fold(0u64, |n, b| {
            let digit = b.wrapping_sub(b'0');
            (digit < 10).then(|| n * 10 + u64::from(digit))
        }),
        _ => digits.parse().ok(),
    };
    let read = match raw.strip_prefix('-') {
        None => whole(raw).map(Number::U64),
        Some("0") => None,
        Some(digits) => {
            whole(digits).filter(|&n| n <= i64::MIN.unsigned_abs()).map(|n| Number::I64(0i64.wrapping_sub_unsigned(n)))
        }
    };
    read.unwrap_or_else(|| float(raw))
}

fn float(raw: &str) -> Number {
    Number::F64(serde_json::from_slice::<f64>(raw.as_bytes()).unwrap_or(f64::NAN))
}

/// The text of a string whose escapes the scanner has checked.
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find('\\') {
        out.push_str(&rest[..at]);
        let escape = &rest[at + 1..];
        let (c, len) = match escape.as_bytes()[0] {
            b'b' => ('\u{8}', 1),
            b'f' => ('\u{c}', 1),
            b'n' => ('\n', 1),
            b'r' => ('\r', 1),
            b't' => ('\t', 1),
            b'u' => {
                let unit = |at: usize| u32::from_str_radix(&escape[at..at + 4], 16).unwrap_or(0xfffd);
                let high = unit(1);
                if (0xd800..0xdc00).contains(&high) {
                    let code = 0x10000 + ((high - 0xd800) << 10) + (unit(7) - 0xdc00);
                    (char::from_u32(code).unwrap_or('\u{fffd}'), 11)
                } else {
                    (char::from_u32(high).unwrap_or('\u{fffd}'), 5)
                }
            }
            other => (char::from(other), 1),
        };
        out.push(c);
        rest = &escape[len..];
    }
    out.push_str(rest);
    out
}

/// The one pass: checks the grammar and records every value.
struct Scanner<'a> {
    bytes: &'a [u8],
    at: usize,
    nodes: Vec<Node>,
}

impl Scanner<'_> {
    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    #[inline(always)]
    fn whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.at += 1;
        }
    }

    #[inline(always)]
    fn push(&mut self, kind: Kind, start: usize, end: usize) -> usize {
        let next = self.nodes.len() as u32 + 1;
        self.nodes.push(Node { kind, start: start as u32, end: end as u32, next });
        self.nodes.len() - 1
    }

    // Inlined where a value is read (a member's, an element's, the root): most values are
    // scalars, read without a call; only containers recurse, through `container`.
    #[inline(always)]
    fn value(&mut self, depth: u32) -> Option<()> {
        self.whitespace();
        match self.peek()? {
            b'{' => self.container(Kind::Object, depth),
            b'[' => self.container(Kind::Array, depth),
            b'"' => self.string(),
            b't' => self.literal(b"true", Kind::True),
            b'f' => self.literal(b"false", Kind::False),
            b'n' => self.literal(b"null", Kind::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn literal(&mut self, word: &[u8], kind: Kind) -> Option<()> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word).then(|| {
            self.push(kind, self.at, end);
            self.at = end;
        })
    }

    #[inline(never)]
    fn container(&mut self, kind: Kind, depth: u32) -> Option<()> {
        let depth = depth - 1;
        if depth == 0 {
            return None;
        }
        let node = self.push(kind, self.at, self.at);
        let close = if kind == Kind::Object { b'}' } else { b']' };
        self.at += 1;
        self.whitespace();
        // The lenient reader drops a comma that comes right before a closing bracket, even one
        // right after the opening bracket.
        if self.peek() == Some(b',') {
            self.at += 1;
            self.whitespace();
            if self.peek() != Some(close) {
                return None;
            }
        }
        if self.peek() == Some(close) {
            return self.close(node);
        }
        loop {
            if kind == Kind::Object {
                self.whitespace();
                if self.peek() != Some(b'"') {
                    return None;
                }
                self.string()?;
                self.whitespace();
                if self.peek() != Some(b':') {
                    return None;
                }
                self.at += 1;
            }
            self.value(depth)?;
            self.whitespace();
            match self.peek()? {
                b',' => {
                    self.at += 1;
                    self.whitespace();
                    if self.peek() == Some(close) {
                        return self.close(node);
                    }
                }
                b if b == close => return self.close(node),
                _ => return None,
            }
        }
    }

    /// Steps over the closing bracket and ends the container's node there.
    fn close(&mut self, node: usize) -> Option<()> {
        self.at += 1;
        let next = self.nodes.len() as u32;
        let container = &mut self.nodes[node];
        container.end = self.at as u32;
        container.next = next;
        Some(())
    }

    // Inlined into its two callers (a key, a value): about half of a webhook body's scan is
    // strings, and the call itself (saving and restoring registers) was about a seventh of each
    // string's instructions.
    #[inline(always)]
    fn string(&mut self) -> Option<()> {
        let start = self.at + 1;
        let mut at = start;
        let mut kind = Kind::String;
        loop {
            at = special(self.bytes, at)?;
            match self.bytes[at] {
                b'"' => break,
                b'\\' => {
                    kind = Kind::Escaped;
                    at = self.escape(at)?;
                }
                _ => return None,
            }
        }
        self.push(kind, start, at);
        self.at = at + 1;
        Some(())
    }

    /// Checks the escape at `at` (its backslash) and returns where the text resumes. Surrogates
    /// must come in pairs, as serde_json requires of a string.
    fn escape(&self, at: usize) -> Option<usize> {
        match *self.bytes.get(at + 1)? {
            b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => Some(at + 2),
            b'u' => {
                let unit = self.hex(at + 2)?;
                match unit {
                    0xdc00..=0xdfff => None,
                    0xd800..=0xdbff => {
                        let low = (self.bytes.get(at + 6..at + 8)? == b"\\u").then(|| self.hex(at + 8))??;
                        (0xdc00..=0xdfff).contains(&low).then_some(at + 12)
                    }
                    _ => Some(at + 6),
                }
            }
            _ => None,
        }
    }

    fn hex(&self, at: usize) -> Option<u32> {
        let digits = self.bytes.get(at..at + 4)?;
        digits.iter().try_fold(0, |n, &b| Some(n * 16 + char::from(b).to_digit(16)?))
    }

    fn number(&mut self) -> Option<()> {
        let start = self.at;
        let digits = |at: &mut usize, bytes: &[u8]| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start + usize::from(self.bytes[start] == b'-');
        match self.bytes.get(at)? {
            b'0' => at += 1,
            b'1'..=b'9' => {
                digits(&mut at, self.bytes);
            }
            _ => return None,
        }
        let mut plain = true;
        if self.bytes.get(at) == Some(&b'.') {
            at += 1;
            plain = false;
            if !digits(&mut at, self.bytes) {
                return None;
            }
        }
        if matches!(self.bytes.get(at), Some(b'e' | b'E')) {
            at += 1;
            plain = false;
            if matches!(self.bytes.get(at), Some(b'+' | b'-')) {
                at += 1;
            }
            if !digits(&mut at, self.bytes) {
                return None;
            }
        }
        // serde_json refuses a number too large for an f64; only these can be.
        if (!plain || at - start > 300) && serde_json::from_slice::<f64>(&self.bytes[start..at]).is_err() {
            return None;
        }
        self.push(Kind::Number, start, at);
        self.at = at;
        Some(())
    }
}

/// Where the first `"`, `\` or control character at or after `at` is: eight bytes at a time.
fn special(bytes: &[u8], mut at: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
        // A byte below 0x20 borrows in `word - 0x20…`; the lowest flagged byte is always a real
        // match (a borrow only flags bytes above one), and that is the one taken.
        let found = zero_byte(word ^ (ONES * u64::from(b'"')))
            | zero_byte(word ^ (ONES * u64::from(b'\\')))
            | (word.wrapping_sub(ONES * 0x20) & !word & HIGH);
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    bytes[at..].iter().position(|&b| b == b'"' || b == b'\\' || b < 0x20).map(|i| at + i)
}

#[cfg(test)]
pub(crate) mod tests;
