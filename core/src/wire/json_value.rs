//! Any JSON value, for the readers that must take whatever the service sends: webhook bodies,
//! error and acknowledgement bodies, the sub-groups of a community.
//!
//! It reads exactly as `serde_json::Value` does (the same checks and errors, the last of a
//! repeated key winning) and prints the same text (objects sorted by key). It exists because
//! `serde_json::Value` would bring its `BTreeMap`, value deserializer and the rest of its API
//! into the wasm module for these few readers. Read with [`JsonValue::borrowed`], a value
//! borrows its strings from the body. Webhook bodies, read at a far higher rate, go onto a tape
//! instead (`wire::tape`), which builds no tree; this reader words their errors and prints the
//! message kinds kept as JSON.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::fmt;

use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde::{Serialize, Serializer};
use serde_json::Number;

/// A JSON value. Its strings borrow from the text they were read from when
/// [`JsonValue::borrowed`] read it and they hold no escape; read with `Deserialize`, it owns them.
#[derive(Debug)]
pub(crate) enum JsonValue<'a> {
    Null,
    Bool(bool),
    Number(Number),
    String(Cow<'a, str>),
    Array(Vec<JsonValue<'a>>),
    Object(JsonObject<'a>),
}

/// A JSON object: its entries in document order, repeats included. Lookups scan from the end,
/// so the last of a repeated key wins, as in serde_json's map; the objects read here are small
/// (a webhook body has about twenty keys), where a scan of short tags beats sorting.
#[derive(Debug)]
pub(crate) struct JsonObject<'a>(Vec<Entry<'a>>);

#[derive(Debug)]
struct Entry<'a> {
    /// [`tag`] of the key, compared before the key itself.
    tag: u32,
    key: Cow<'a, str>,
    value: JsonValue<'a>,
}

/// A cheap fingerprint of a key (its length, first and last bytes): most keys that differ
/// differ here, which spares a byte comparison per entry scanned.
fn tag(key: &str) -> u32 {
    let bytes = key.as_bytes();
    let edge = |b: Option<&u8>| u32::from(b.copied().unwrap_or(0));
    ((bytes.len() as u32) << 16) | (edge(bytes.first()) << 8) | edge(bytes.last())
}

impl<'a> JsonObject<'a> {
    /// The value of `key`: the last one, when the key repeats.
    pub(crate) fn get(&self, key: &str) -> Option<&JsonValue<'a>> {
        let tag = tag(key);
        self.0.iter().rev().find(|e| e.tag == tag && e.key == key).map(|e| &e.value)
    }
}

impl<'a> JsonValue<'a> {
    /// Reads `text` as one JSON value (nothing but whitespace after it), borrowing every string
    /// and key that holds no escape instead of copying it.
    pub(crate) fn borrowed(text: &'a [u8]) -> Result<Self, serde_json::Error> {
        let mut reader = serde_json::Deserializer::from_slice(text);
        let value = Reader::<'a, 'a>::borrowing().deserialize(&mut reader)?;
        reader.end()?;
        Ok(value)
    }
}

/// Reads what `serde_json::Value`'s visitor reads, into the same variants, owning every string.
impl<'de> Deserialize<'de> for JsonValue<'_> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Reader::owning().deserialize(d)
    }
}

/// Reads only an object, refusing anything else as `serde_json::Map` does ("expected a map").
impl<'de> Deserialize<'de> for JsonObject<'_> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(ObjectOnly(Reader::owning()))
    }
}

/// The one reader behind both ways in: `text` turns a string slice of the input into a value
/// string, borrowing it or copying it.
#[derive(Clone, Copy)]
struct Reader<'de, 'a> {
    text: fn(&'de str) -> Cow<'a, str>,
}

impl<'de, 'a> Reader<'de, 'a> {
    fn owning() -> Self {
        Self { text: |s| Cow::Owned(s.to_owned()) }
    }
}

impl<'a> Reader<'a, 'a> {
    fn borrowing() -> Self {
        Self { text: Cow::Borrowed }
    }
}

impl<'de, 'a> DeserializeSeed<'de> for Reader<'de, 'a> {
    type Value = JsonValue<'a>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<JsonValue<'a>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, 'a> Visitor<'de> for Reader<'de, 'a> {
    type Value = JsonValue<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<JsonValue<'a>, E> {
        Ok(Number::from_f64(v).map_or(JsonValue::Null, JsonValue::Number))
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::String((self.text)(v)))
    }

    fn visit_str<E>(self, v: &str) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::String(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E>(self, v: String) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::String(Cow::Owned(v)))
    }

    fn visit_unit<E>(self) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::Null)
    }

    fn visit_none<E>(self) -> Result<JsonValue<'a>, E> {
        Ok(JsonValue::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<JsonValue<'a>, D::Error> {
        self.deserialize(d)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonValue<'a>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(self)? {
            items.push(item);
        }
        Ok(JsonValue::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonValue<'a>, A::Error> {
        self.object(map).map(JsonValue::Object)
    }
}

impl<'de, 'a> Reader<'de, 'a> {
    fn object<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonObject<'a>, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(8));
        while let Some(key) = map.next_key_seed(Key(self))? {
            let value = map.next_value_seed(self)?;
            entries.push(Entry { tag: tag(&key), key, value });
        }
        Ok(JsonObject(entries))
    }
}

/// An object key, read as [`Reader`] reads a string.
struct Key<'de, 'a>(Reader<'de, 'a>);

impl<'de, 'a> DeserializeSeed<'de> for Key<'de, 'a> {
    type Value = Cow<'a, str>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Cow<'a, str>, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de, 'a> Visitor<'de> for Key<'de, 'a> {
    type Value = Cow<'a, str>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Cow<'a, str>, E> {
        Ok((self.0.text)(v))
    }

    fn visit_str<E>(self, v: &str) -> Result<Cow<'a, str>, E> {
        Ok(Cow::Owned(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Cow<'a, str>, E> {
        Ok(Cow::Owned(v))
    }
}

/// [`Reader`] restricted to objects.
struct ObjectOnly<'de, 'a>(Reader<'de, 'a>);

impl<'de, 'a> Visitor<'de> for ObjectOnly<'de, 'a> {
    type Value = JsonObject<'a>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<JsonObject<'a>, A::Error> {
        self.0.object(map)
    }
}

/// Writes the value as `serde_json::Value` writes it (so `to_string` gives the same text).
impl Serialize for JsonValue<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            JsonValue::Null => s.serialize_unit(),
            JsonValue::Bool(b) => s.serialize_bool(*b),
            JsonValue::Number(n) => n.serialize(s),
            JsonValue::String(v) => s.serialize_str(v),
            JsonValue::Array(items) => s.collect_seq(items),
            JsonValue::Object(object) => object.serialize(s),
        }
    }
}

/// Sorted by key, one entry per key (the last of a repeat), as `serde_json::Value` prints.
impl Serialize for JsonObject<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A heap sort: the slice sorts would add several kilobytes to the wasm module. For a
        // repeated key the latest entry sorts first, and `dedup` keeps the first.
        let order: BinaryHeap<(&str, Reverse<usize>)> =
            self.0.iter().enumerate().map(|(at, e)| (e.key.as_ref(), Reverse(at))).collect();
        let mut order = order.into_sorted_vec();
        order.dedup_by(|later, kept| later.0 == kept.0);
        s.collect_map(order.into_iter().map(|(key, Reverse(at))| (key, &self.0[at].value)))
    }
}

/// Compact JSON.
impl fmt::Display for JsonValue<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&serde_json::to_string(self).map_err(|_| fmt::Error)?)
    }
}

/// Reads a scalar into a lenient field type (`LooseBool`, …) as `serde_json::from_value` would,
/// errors included (they carry no position). Arrays and objects are refused as the wrong type,
/// which is what every scalar reader answers.
impl<'de> Deserializer<'de> for &JsonValue<'_> {
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

    /// Our readers (owning and borrowing) and serde_json's on the same text: same outcome, same
    /// printed form, same error.
    fn same_as_serde_json(text: &str) {
        let theirs = serde_json::from_str::<serde_json::Value>(text);
        for ours in [serde_json::from_str::<JsonValue>(text), JsonValue::borrowed(text.as_bytes())] {
            match (ours, &theirs) {
                (Ok(ours), Ok(theirs)) => assert_eq!(ours.to_string(), theirs.to_string(), "{text}"),
                (Err(ours), Err(theirs)) => assert_eq!(ours.to_string(), theirs.to_string(), "{text}"),
                (ours, theirs) => panic!("{text}: {ours:?} vs {theirs:?}"),
            }
        }
    }

    #[test]
    fn borrows_what_holds_no_escape() {
        let JsonValue::Object(o) = JsonValue::borrowed(br#"{"plain":"abc","esc\u0061ped":"a\nb"}"#).unwrap() else {
            panic!()
        };
        assert!(matches!(o.get("plain"), Some(JsonValue::String(Cow::Borrowed("abc")))));
        assert!(matches!(&o.0[1].key, Cow::Owned(key) if key == "escaped"));
        assert!(matches!(o.get("escaped"), Some(JsonValue::String(Cow::Owned(v))) if v == "a\nb"));
        let JsonValue::Object(o) = serde_json::from_str::<JsonValue>(r#"{"plain":"abc"}"#).unwrap() else { panic!() };
        assert!(matches!(o.get("plain"), Some(JsonValue::String(Cow::Owned(_)))));
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
        // Keys that share a tag (length, first and last byte) are still told apart.
        let JsonValue::Object(o) = JsonValue::borrowed(br#"{"abc":1,"axc":2,"":3}"#).unwrap() else { panic!() };
        assert_eq!(o.get("abc").map(ToString::to_string).as_deref(), Some("1"));
        assert_eq!(o.get("axc").map(ToString::to_string).as_deref(), Some("2"));
        assert_eq!(o.get("").map(ToString::to_string).as_deref(), Some("3"));
        assert!(o.get("aac").is_none());
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
