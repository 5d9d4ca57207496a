//! Reading a webhook body field by field, as leniently as the service writes it: any field may be
//! missing, `null`, or a number where a string was meant (and the reverse), and a repeated key
//! keeps its last value (developer.z-api.io/webhooks/on-message-received, whose examples repeat
//! `instanceId` and `thumbnailUrl`).
//!
//! Scalars are read by the lenient field types of `wire::lenient` (`LooseString`, `LooseBool`,
//! `LooseU64`), the readers of every response, straight from the tape.

use std::borrow::Cow;

use serde::Deserialize;

use super::keys::{KEYS, Key};
use crate::wire::json_value::JsonValue;
use crate::wire::lenient::{LooseBool, LooseString, LooseU64, blank};
use crate::wire::response::parse_json;
use crate::wire::tape::{Kind, Number, Tape, Value};

/// One JSON object of a webhook body.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'t, 'a> {
    value: Value<'t, 'a>,
    /// The body's tape, when this is the body itself: its members are filed under [`KEYS`].
    filed: Option<&'t Tape<'a>>,
}

impl<'t, 'a> Fields<'t, 'a> {
    /// The top of a body: files its members under [`KEYS`] first.
    pub(crate) fn body(tape: &'t mut Tape<'a>) -> Self {
        tape.file_root(&KEYS);
        let tape: &'t Tape<'a> = tape;
        Fields { value: tape.root(), filed: Some(tape) }
    }

    #[inline]
    fn get(&self, key: Key) -> Option<Value<'t, 'a>> {
        let value = match self.filed {
            Some(tape) => tape.filed(usize::from(key.at)),
            None => self.value.get(key.name),
        };
        value.filter(|v| v.kind() != Kind::Null)
    }

    /// A non-empty string (a whole number is written as its digits); anything else is absent.
    pub(crate) fn text(&self, key: Key) -> Option<String> {
        self.get(key).and_then(text)
    }

    /// [`Fields::text`] for a field that is only looked at: borrowed from the body when it is a
    /// string without escapes, as nearly every one is.
    pub(crate) fn text_ref(&self, key: Key) -> Option<Cow<'a, str>> {
        self.get(key).and_then(text_ref)
    }

    /// The first of `keys` that holds a non-empty string.
    pub(crate) fn text_of(&self, keys: &[Key]) -> Option<String> {
        keys.iter().find_map(|&k| self.text(k))
    }

    /// A boolean (`true`, `"true"`, `1`); absent or unreadable is `false`.
    pub(crate) fn flag(&self, key: Key) -> bool {
        // Nearly every flag is a JSON boolean: read straight from the tape, the rest by the
        // lenient visitor.
        match self.get(key) {
            None => false,
            Some(v) if v.kind() == Kind::True => true,
            Some(v) if v.kind() == Kind::False => false,
            Some(v) => LooseBool::deserialize(v).is_ok_and(|b| b.0),
        }
    }

    /// A whole number (or a numeric string); negative, fractional text or another type is absent.
    pub(crate) fn number(&self, key: Key) -> Option<u64> {
        self.get(key).and_then(|v| LooseU64::deserialize(v).ok()).and_then(|n| n.0)
    }

    /// A number with a fraction (coordinates), from a number or a numeric string.
    pub(crate) fn float(&self, key: Key) -> Option<f64> {
        let value = self.get(key)?;
        match value.number() {
            Some(Number::U64(n)) => Some(n as f64),
            Some(Number::I64(n)) => Some(n as f64),
            Some(Number::F64(f)) => Some(f),
            None => value.str()?.trim().parse().ok(),
        }
        .filter(|f: &f64| f.is_finite())
    }

    /// A list of strings (whole numbers written as digits); other elements are skipped.
    pub(crate) fn texts(&self, key: Key) -> Vec<String> {
        self.get(key).map(|list| list.items().filter_map(text).collect()).unwrap_or_default()
    }

    /// A nested object.
    pub(crate) fn object(&self, key: Key) -> Option<Fields<'t, 'a>> {
        self.get(key).filter(|v| v.kind() == Kind::Object).map(|value| Fields { value, filed: None })
    }

    /// The value of `key` as compact JSON text, objects sorted by key, when present.
    pub(crate) fn json(&self, key: Key) -> Option<String> {
        // Rare (message kinds without a type of their own): printed by the tree reader, which
        // prints as it always has.
        let raw = self.get(key)?.json().as_bytes();
        let value = JsonValue::borrowed(raw).or_else(|_| parse_json::<JsonValue<'static>>(raw)).ok()?;
        serde_json::to_string(&value).ok()
    }
}

/// `LooseString` of one value, empty or blank text counting as absent.
fn text(value: Value<'_, '_>) -> Option<String> {
    text_ref(value).map(Cow::into_owned)
}

/// [`text`], borrowed from the body when the value is a string without escapes.
// Inlined into `text`, which then copies the string with no `Cow` in between (as a call, the
// copy through it cost ~2% of a typical event).
#[inline(always)]
fn text_ref<'a>(value: Value<'_, 'a>) -> Option<Cow<'a, str>> {
    // Nearly every field is a string without escapes: taken straight from the body, without
    // going through the visitor (which gives the same answer, as the tests check).
    if value.kind() == Kind::String {
        let raw = value.raw();
        return (!blank(raw)).then_some(Cow::Borrowed(raw));
    }
    LooseString::deserialize(value).ok().and_then(LooseString::non_empty).map(Cow::Owned)
}
