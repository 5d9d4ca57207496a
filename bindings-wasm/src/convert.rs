//! Values across the boundary: core results out as plain JSON-compatible objects, JS numbers
//! and option objects in.

use std::fmt;

use js_sys::{Array, ArrayBuffer, Number, Object, Reflect, Symbol, Uint8Array};
use serde::Serialize;
use serde::de::value::SeqDeserializer;
use serde::de::{self, DeserializeOwned, Deserializer, IntoDeserializer, Unexpected, Visitor};
use tsify::{Ts, Tsify};
use wasm_bindgen::{JsCast, JsValue};
use zapi_communities::Error;
use zapi_communities::naming::snake_case;

use crate::errors::to_js;

/// Hands a result to JS as the plain value `JSON.parse` would give for its JSON: numbers as
/// numbers (never `BigInt`), `None` as `null`, maps as plain objects. Written into the module's
/// memory and built there by `js/values.js` (see `out.rs`), in one crossing of the boundary.
pub(crate) fn plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    crate::out::to_js(value)
        .map_err(|e| to_js(Error::decode(format!("the response cannot be represented in JavaScript: {e}"))))
}

/// [`plain`], typed for wasm-bindgen with the core type's TypeScript name.
pub(crate) fn typed<T: Tsify + Serialize>(value: &T) -> Result<Ts<T>, JsValue> {
    plain(value).map(Ts::new_unchecked)
}

/// Reads an options object (`undefined`/`null` = all defaults). A value of the wrong shape is
/// a validation error naming `field`.
pub(crate) fn options<T: DeserializeOwned + Default>(field: &str, value: JsValue) -> Result<T, JsValue> {
    if value.is_undefined() || value.is_null() { Ok(T::default()) } else { record(field, value) }
}

/// Reads a plain object into `T`. A property of the wrong type is a validation error naming it
/// (snake_case, as every language names it: `delay_typing`); a missing key, an unknown one or a
/// value of the wrong shape altogether names `field`.
pub(crate) fn record<T: DeserializeOwned>(field: &str, value: JsValue) -> Result<T, JsValue> {
    T::deserialize(AsJson(value)).map_err(|e| {
        let text = e.to_string();
        let error = match text.strip_prefix('\u{0}').and_then(|marked| marked.split_once('\u{0}')) {
            Some((path, reason)) => Error::validation(snake_case(path), reason),
            None => Error::validation(field, text),
        };
        to_js(error)
    })
}

/// A JS value read as the JSON value it stands for, with the results and error texts options
/// had when they went through serde-wasm-bindgen and a `serde_json::Value`, without building
/// one: that type and its map would be linked into the module for this alone. `undefined`, `NaN` and `±Infinity`
/// are `null`, safe integers are integers, and an object (or `Map`) shows every key, in sorted
/// order: a reader that only looks up the keys a struct expects (as serde-wasm-bindgen's does)
/// would never let `deny_unknown_fields` see a misspelt option.
struct AsJson(JsValue);

/// What an [`AsJson`] holds, worked out once outside the code that is generic over visitors.
enum Json {
    Null,
    Bool(bool),
    I64(i64),
    U64(u64),
    F64(f64),
    String(String),
    Array(Array),
    Object(Vec<(String, AsJson)>),
}

/// `null`, `undefined`, `NaN` or `±Infinity`: all `null` in JSON.
fn is_null(value: &JsValue) -> bool {
    value.is_null() || value.is_undefined() || value.as_f64().is_some_and(|n| !n.is_finite())
}

/// An error worded as serde-wasm-bindgen worded the ones it raised: as a JS `Error`'s text.
fn js_error(message: fmt::Arguments<'_>) -> serde_json::Error {
    de::Error::custom(format_args!("Error: {message}"))
}

impl AsJson {
    fn classify(self) -> Result<Json, serde_json::Error> {
        let value = self.0;
        if is_null(&value) {
            return Ok(Json::Null);
        }
        if let Some(b) = value.as_bool() {
            return Ok(Json::Bool(b));
        }
        if let Some(n) = value.as_f64() {
            return Ok(if Number::is_safe_integer(&value) { Json::I64(n as i64) } else { Json::F64(n) });
        }
        if let Some(s) = value.as_string() {
            return Ok(Json::String(s));
        }
        if value.is_bigint() {
            return match i64::try_from(value) {
                Ok(n) => Ok(Json::I64(n)),
                Err(value) => u64::try_from(value).map(Json::U64).map_err(|_| {
                    js_error(format_args!(
                        "Couldn't deserialize i64 or u64 from a BigInt outside i64::MIN..u64::MAX bounds"
                    ))
                }),
            };
        }
        if let Some(array) = value.dyn_ref::<Array>() {
            return Ok(Json::Array(array.clone()));
        }
        let object: Object = if value.is_instance_of::<Uint8Array>() || value.is_instance_of::<ArrayBuffer>() {
            return Err(js_error(format_args!("invalid type: byte array, expected any valid JSON value")));
        } else if value.is_instance_of::<js_sys::Map>() {
            // Its string keys become the object's; a Map cannot fail to convert.
            Object::from_entries(&value).unwrap_or_else(|e| wasm_bindgen::throw_val(e))
        } else if value.is_object() && !Symbol::iterator().js_in(&value) {
            value.unchecked_into()
        } else {
            return Err(js_error(format_args!("invalid type: {value:?}, expected any valid JSON value")));
        };
        // Sorted by JS, which compares UTF-16 units where Rust (and serde_json's map) compares
        // bytes: the orders differ only between astral characters and U+E000–U+FFFF in a key.
        let keys = Object::keys(&object).sort();
        let mut entries = Vec::with_capacity(keys.length() as usize);
        for key in keys.iter() {
            // A getter that throws: its exception goes on to the caller unchanged.
            let value = Reflect::get(&object, &key).unwrap_or_else(|e| wasm_bindgen::throw_val(e));
            entries.push((key.as_string().unwrap_or_default(), AsJson(value)));
        }
        Ok(Json::Object(entries))
    }
}

impl Json {
    /// The error for a visitor that takes no such value, worded as `serde_json::Value` words it.
    fn invalid_type(&self, expected: &dyn de::Expected) -> serde_json::Error {
        let unexpected = match self {
            Json::Null => Unexpected::Unit,
            Json::Bool(b) => Unexpected::Bool(*b),
            Json::I64(n) => Unexpected::Signed(*n),
            Json::U64(n) => Unexpected::Unsigned(*n),
            Json::F64(n) => Unexpected::Float(*n),
            Json::String(s) => Unexpected::Str(s),
            Json::Array(_) => Unexpected::Seq,
            Json::Object(_) => Unexpected::Map,
        };
        de::Error::invalid_type(unexpected, expected)
    }
}

fn visit_array<'de, V: Visitor<'de>>(array: Array, visitor: V) -> Result<V::Value, serde_json::Error> {
    let len = array.length() as usize;
    let mut items = SeqDeserializer::new(array.iter().map(AsJson));
    let value = visitor.visit_seq(&mut items)?;
    items.end().map_err(|_: serde_json::Error| de::Error::invalid_length(len, &"fewer elements in array"))?;
    Ok(value)
}

fn visit_object<'de, V: Visitor<'de>>(
    entries: Vec<(String, AsJson)>,
    visitor: V,
) -> Result<V::Value, serde_json::Error> {
    visitor.visit_map(Entries { rest: entries.into_iter(), value: None })
}

/// An object's entries, handed to a visitor; an error in a value is marked with its key (see
/// [`named`]), so that `record` can name the option that was wrong.
struct Entries {
    rest: std::vec::IntoIter<(String, AsJson)>,
    value: Option<(String, AsJson)>,
}

impl<'de> de::MapAccess<'de> for Entries {
    type Error = serde_json::Error;

    fn next_key_seed<K: de::DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Self::Error> {
        let Some((key, value)) = self.rest.next() else { return Ok(None) };
        let read = seed.deserialize(key.as_str().into_deserializer())?;
        self.value = Some((key, value));
        Ok(Some(read))
    }

    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Self::Error> {
        let (key, value) = self.value.take().ok_or_else(|| de::Error::custom("a value without its key"))?;
        seed.deserialize(value).map_err(|e| named(&key, e))
    }
}

/// Marks an error with the key of the value it came from: `\u{0}key\u{0}reason`, or
/// `\u{0}outer.inner\u{0}reason` when the value was itself an object.
fn named(key: &str, error: serde_json::Error) -> serde_json::Error {
    let text = error.to_string();
    match text.strip_prefix('\u{0}') {
        Some(inner) => de::Error::custom(format_args!("\u{0}{key}.{inner}")),
        None => de::Error::custom(format_args!("\u{0}{key}\u{0}{}", text.trim_start_matches("Error: "))),
    }
}

/// Like `serde_json::Value`'s, the methods for a given type call only the visitor method that
/// takes it and refuse anything else, which keeps the code made for each visitor small.
impl<'de> Deserializer<'de> for AsJson {
    type Error = serde_json::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::Null => visitor.visit_unit(),
            Json::Bool(b) => visitor.visit_bool(b),
            Json::I64(n) => visitor.visit_i64(n),
            Json::U64(n) => visitor.visit_u64(n),
            Json::F64(n) => visitor.visit_f64(n),
            Json::String(s) => visitor.visit_string(s),
            Json::Array(array) => visit_array(array, visitor),
            Json::Object(entries) => visit_object(entries, visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::Bool(b) => visitor.visit_bool(b),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::I64(n) => visitor.visit_i64(n),
            Json::U64(n) => visitor.visit_u64(n),
            Json::F64(n) => visitor.visit_f64(n),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::String(s) => visitor.visit_string(s),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        self.deserialize_string(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        if is_null(&self.0) { visitor.visit_none() } else { visitor.visit_some(self) }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::Array(array) => visit_array(array, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::Array(array) => visit_array(array, visitor),
            Json::Object(entries) => visit_object(entries, visitor),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    /// A unit variant, given by its name (`'all_members'`): what every string-named option is.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Self::Error> {
        match self.classify()? {
            Json::String(s) => visitor.visit_enum(s.into_deserializer()),
            other => Err(other.invalid_type(&visitor)),
        }
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit unit_struct
        newtype_struct tuple tuple_struct map identifier ignored_any
    }
}

impl<'de> IntoDeserializer<'de, serde_json::Error> for AsJson {
    type Deserializer = Self;

    fn into_deserializer(self) -> Self {
        self
    }
}

/// A JS number that must be a whole number fitting a `u32` (pages, delays, retries).
pub(crate) fn whole_u32(field: &str, value: f64) -> Result<u32, Error> {
    whole(field, value, f64::from(u32::MAX)).map(|v| v as u32)
}

fn whole(field: &str, value: f64, max: f64) -> Result<f64, Error> {
    if value.is_finite() && value.fract() == 0.0 && (0.0..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::validation(field, format!("must be a whole number from 0 to {max}, got {value}")))
    }
}
