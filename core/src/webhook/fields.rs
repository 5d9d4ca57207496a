//! Reading a webhook body field by field, as leniently as the service writes it: any field may be
//! missing, `null`, or a number where a string was meant (and the reverse), and a repeated key
//! keeps its last value (developer.z-api.io/webhooks/on-message-received, whose examples repeat
//! `instanceId` and `thumbnailUrl`).

use serde::Deserialize;

use crate::wire::json_value::{JsonObject, JsonValue};
use crate::wire::lenient::{LooseBool, LooseString, LooseU64};

/// One JSON object of a webhook body.
#[derive(Clone, Copy)]
pub(crate) struct Fields<'a>(pub(crate) &'a JsonObject<'a>);

impl<'a> Fields<'a> {
    fn get(&self, key: &str) -> Option<&'a JsonValue<'a>> {
        self.0.get(key).filter(|v| !matches!(v, JsonValue::Null))
    }

    /// A non-empty string (a number is written as its digits); anything else is absent.
    pub(crate) fn text(&self, key: &str) -> Option<String> {
        self.get(key).and_then(|v| LooseString::deserialize(v).ok()).and_then(LooseString::non_empty)
    }

    /// The first of `keys` that holds a non-empty string.
    pub(crate) fn text_of(&self, keys: &[&str]) -> Option<String> {
        keys.iter().find_map(|k| self.text(k))
    }

    /// A boolean (`true`, `"true"`, `1`); absent or unreadable is `false`.
    pub(crate) fn flag(&self, key: &str) -> bool {
        self.get(key).and_then(|v| LooseBool::deserialize(v).ok()).is_some_and(|b| b.0)
    }

    /// A whole number (or a numeric string); negative, fractional text or another type is absent.
    pub(crate) fn number(&self, key: &str) -> Option<u64> {
        self.get(key).and_then(|v| LooseU64::deserialize(v).ok()).and_then(|n| n.0)
    }

    /// A number with a fraction (coordinates), from a number or a numeric string.
    pub(crate) fn float(&self, key: &str) -> Option<f64> {
        match self.get(key)? {
            JsonValue::Number(n) => n.as_f64(),
            JsonValue::String(s) => s.trim().parse().ok(),
            _ => None,
        }
        .filter(|f: &f64| f.is_finite())
    }

    /// A list of strings (numbers written as digits); other elements are skipped.
    pub(crate) fn texts(&self, key: &str) -> Vec<String> {
        match self.get(key) {
            Some(JsonValue::Array(items)) => {
                items.iter().filter_map(|v| LooseString::deserialize(v).ok().and_then(LooseString::non_empty)).collect()
            }
            _ => Vec::new(),
        }
    }

    /// A nested object.
    pub(crate) fn object(&self, key: &str) -> Option<Fields<'a>> {
        match self.get(key)? {
            JsonValue::Object(object) => Some(Fields(object)),
            _ => None,
        }
    }

    /// The raw value of `key` as JSON text, when present.
    pub(crate) fn json(&self, key: &str) -> Option<String> {
        self.get(key).and_then(|v| serde_json::to_string(v).ok())
    }
}
