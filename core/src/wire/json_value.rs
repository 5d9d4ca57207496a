//! Any JSON value, for the few readers that must take whatever the service sends: error and
//! acknowledgement bodies, the sub-groups of a community.
//!
//! It reads exactly as `serde_json::Value` does (the same checks and errors; objects sorted by
//! key, the last of a repeated key winning) and prints the same text. It exists because
//! `serde_json::Value` would bring its `BTreeMap`, value deserializer and the rest of its API
//! into the wasm module for these few readers.

use std::cmp::Ordering;
use std::collections::BinaryHeap;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Serialize, Serializer};
use serde_json::Number;

/// A JSON value.
#[derive(Debug)]
pub(crate) enum JsonValue {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<JsonValue>),
    Object(JsonObject),
}

/// A JSON object: its entries sorted by key, one per key.
#[derive(Debug)]
pub(crate) struct JsonObject(Vec<Entry>);

/// A key and its value, numbered in document order. Entries order by key and, for a repeated
/// key, latest first, so that keeping the first of each key keeps its last value, as
/// serde_json's map does.
#[derive(Debug)]
struct Entry {
    key: String,
    at: usize,
    value: JsonValue,
}

impl JsonObject {
    /// The value of `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&JsonValue> {
        let at = self.0.binary_search_by(|e| e.key.as_str().cmp(key)).ok()?;
        Some(&self.0[at].value)
    }

    fn read<'de, A: MapAccess<'de>>(mut map: A) -> Result<Self, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, JsonValue>()? {
            entries.push(Entry { key, at: entries.len(), value });
        }
        // A heap sort: the slice sorts would add several kilobytes to the wasm module.
        let mut entries = BinaryHeap::from(entries).into_sorted_vec();
        entries.dedup_by(|later, kept| later.key == kept.key);
        Ok(Self(entries))
    }
}

impl Ord for Entry {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key).then(other.at.cmp(&self.at))
    }
}

impl PartialOrd for Entry {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Entry {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Entry {}

impl<'de> Deserialize<'de> for JsonValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

/// Reads what `serde_json::Value`'s visitor reads, into the same variants.
struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = JsonValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<JsonValue, E> {
        Ok(JsonValue::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<JsonValue, E> {
        Ok(JsonValue::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<JsonValue, E> {
        Ok(Number::from_f64(v).map_or(JsonValue::Null, JsonValue::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<JsonValue, E> {
        Ok(JsonValue::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<JsonValue, E> {
        Ok(JsonValue::String(v))
    }

    fn visit_unit<E>(self) -> Result<JsonValue, E> {
        Ok(JsonValue::Null)
    }

    fn visit_none<E>(self) -> Result<JsonValue, E> {
        Ok(JsonValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<JsonValue, D::Error> {
        JsonValue::deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonValue, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(JsonValue::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonValue, A::Error> {
        JsonObject::read(map).map(JsonValue::Object)
    }
}

/// Reads only an object, refusing anything else as `serde_json::Map` does ("expected a map").
impl<'de> Deserialize<'de> for JsonObject {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;
        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = JsonObject;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonObject, A::Error> {
                JsonObject::read(map)
            }
        }
        d.deserialize_map(ObjectVisitor)
    }
}

/// Writes the value as `serde_json::Value` writes it (so `to_string` gives the same text).
impl Serialize for JsonValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            JsonValue::Null => s.serialize_unit(),
            JsonValue::Bool(b) => s.serialize_bool(*b),
            JsonValue::Number(n) => n.serialize(s),
            JsonValue::String(v) => s.serialize_str(v),
            JsonValue::Array(items) => s.collect_seq(items),
            JsonValue::Object(object) => s.collect_map(object.0.iter().map(|e| (&e.key, &e.value))),
        }
    }
}

/// Compact JSON.
impl fmt::Display for JsonValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

/// Reads a scalar into a lenient field type (`LooseBool`, …) as `serde_json::from_value` would,
/// errors included (they carry no position). Arrays and objects are refused as the wrong type,
/// which is what every scalar reader answers.
impl<'de> Deserializer<'de> for &JsonValue {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self {
            JsonValue::Null => visitor.visit_unit(),
            JsonValue::Bool(b) => visitor.visit_bool(*b),
            JsonValue::Number(n) => n.deserialize_any(visitor),
            JsonValue::String(s) => visitor.visit_str(s),
            JsonValue::Array(_) => Err(de::Error::invalid_type(Unexpected::Seq, &visitor)),
            JsonValue::Object(_) => Err(de::Error::invalid_type(Unexpected::Map, &visitor)),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, serde_json::Error> {
        match self {
            JsonValue::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct newtype_struct seq tuple tuple_struct map struct enum identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wire::lenient::LooseBool;

    /// Both readers on the same text: same outcome, same printed form, same error.
    fn same_as_serde_json(text: &str) {
        let ours = serde_json::from_str::<JsonValue>(text);
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours.to_string(), theirs.to_string(), "{text}"),
            (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string(), "{text}"),
            (ours, theirs) => panic!("{text}: {ours:?} vs {theirs:?}"),
        }
    }

    #[test]
    fn reads_and_prints_like_serde_json_value() {
        for text in [
            r#"{"b":[1,-2,3.5,-0,1.0e2,18446744073709551615,18446744073709551616],"a":{"z":null,"y":"\u00e9\n"},"b":true}"#,
            r#"[{"k":1,"k":2,"j":{}},[],"x",false]"#,
            r#"{"Z":1,"a":2,"_":3,"":4}"#,
            r#"{"a":1,}"#,
            "[1,2",
            "[1e400]",
            "{\"a\":\"\u{1}\"}",
            "nul",
            r#"{"a":1} x"#,
            &format!("{}{}", "[".repeat(200), "]".repeat(200)),
        ] {
            same_as_serde_json(text);
        }
        let invalid_utf8 = b"{\"a\":\"\xff\"}";
        assert_eq!(
            serde_json::from_slice::<JsonValue>(invalid_utf8).unwrap_err().to_string(),
            serde_json::from_slice::<serde_json::Value>(invalid_utf8).unwrap_err().to_string()
        );
    }

    #[test]
    fn objects_keep_the_last_of_a_repeated_key() {
        let JsonValue::Object(o) = serde_json::from_str(r#"{"p":"C","q":0,"p":"1-group"}"#).unwrap() else { panic!() };
        assert!(matches!(o.get("p"), Some(JsonValue::String(p)) if p == "1-group"));
        assert!(o.get("r").is_none());
        let not_a_map = serde_json::from_str::<JsonObject>("[1]").unwrap_err().to_string();
        assert_eq!(
            not_a_map,
            serde_json::from_str::<serde_json::Map<String, serde_json::Value>>("[1]").unwrap_err().to_string()
        );
    }

    #[test]
    fn scalars_read_like_from_value() {
        for text in ["true", "0", "-1", "2.5", r#""yes""#, r#""maybe""#, "null", "[]", "{}"] {
            let ours =
                LooseBool::deserialize(&serde_json::from_str::<JsonValue>(text).unwrap()).map_err(|e| e.to_string());
            let theirs =
                serde_json::from_value::<LooseBool>(serde_json::from_str(text).unwrap()).map_err(|e| e.to_string());
            assert_eq!(ours, theirs, "{text}");
            let ours: Result<Option<LooseBool>, _> =
                Deserialize::deserialize(&serde_json::from_str::<JsonValue>(text).unwrap());
            let theirs = serde_json::from_value::<Option<LooseBool>>(serde_json::from_str(text).unwrap());
            assert_eq!(ours.map_err(|e| e.to_string()), theirs.map_err(|e| e.to_string()), "{text}");
        }
    }
}
