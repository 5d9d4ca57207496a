//! Positional arguments as JS callers actually pass them.
//!
//! Every parameter crosses as a `JsValue` and is checked here, never by wasm-bindgen's own
//! conversions: those trust the `.d.ts`, and plain JS does not have to. A number where a
//! string is expected (an id typed as digits, say) would otherwise reach wasm memory as garbage
//! (`RuntimeError: memory access out of bounds`), and `undefined` a `TypeError` from the glue.
//! Here each is a `validation` ZapiError naming the argument, like every other bad input.

use js_sys::{Array, JsString, Uint8Array};
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use zapi_communities::api::MemberTarget;
use zapi_communities::api::validate::{parse_group_ids, parse_phones};
use zapi_communities::{CommunityId, Error, GroupId, Phone};

use crate::convert::whole_u32;
use crate::errors::OrThrow;

fn describe(value: &JsValue) -> String {
    if value.is_null() { "null".to_owned() } else { value.js_typeof().as_string().unwrap_or_default() }
}

/// A required string.
pub(crate) fn string(field: &str, value: &JsValue) -> Result<String, JsValue> {
    value.as_string().ok_or_else(|| Error::validation(field, format!("must be a string, got {}", describe(value)))).js()
}

// In `js/values.js`, which already holds the module's memory (`out::install`).
#[wasm_bindgen(module = "/js/values.js")]
extern "C" {
    #[wasm_bindgen(js_name = encodeInto)]
    fn encode_into(text: &JsString, at: *mut u8, room: usize) -> Option<u32>;
}

/// A body as bytes: a `Uint8Array` (copied into the module) or a string (encoded as UTF-8).
pub(crate) fn body(field: &str, value: &JsValue) -> Result<Vec<u8>, JsValue> {
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(bytes.to_vec());
    }
    if let Some(text) = value.dyn_ref::<JsString>() {
        return Ok(utf8(text));
    }
    Err(Error::validation(field, format!("must be a Uint8Array or a string, got {}", describe(value)))).js()
}

/// `text` as UTF-8, encoded by the engine straight into the module's memory (one pass, where
/// `as_string` would copy it unit by unit in JS and then again here).
fn utf8(text: &JsString) -> Vec<u8> {
    let units = text.length() as usize;
    // Bodies are mostly ASCII, one byte per UTF-16 unit: room for a few longer characters
    // first, then, if they did not fit, for the most a unit can take (three bytes; a pair, four).
    // Room is not free: the module's memory grows to the most it ever held and never shrinks.
    for room in [units + units / 8 + 16, units * 3] {
        let mut bytes = vec![0; room];
        if let Some(written) = encode_into(text, bytes.as_mut_ptr(), room) {
            bytes.truncate(written as usize);
            return bytes;
        }
    }
    // Three bytes a unit always fit; an engine that said otherwise gets an empty body, which
    // every reader refuses.
    Vec::new()
}

/// A string that may be left out (`undefined` or `null`).
pub(crate) fn optional_string(field: &str, value: &JsValue) -> Result<Option<String>, JsValue> {
    if value.is_undefined() || value.is_null() { Ok(None) } else { string(field, value).map(Some) }
}

/// A boolean.
pub(crate) fn boolean(field: &str, value: &JsValue) -> Result<bool, JsValue> {
    let reason = || format!("must be a boolean, got {}", describe(value));
    value.as_bool().ok_or_else(|| Error::validation(field, reason())).js()
}

/// [`boolean`], or `None` for `undefined` or `null` (an argument left out).
pub(crate) fn optional_bool(field: &str, value: &JsValue) -> Result<Option<bool>, JsValue> {
    if value.is_undefined() || value.is_null() { Ok(None) } else { boolean(field, value).map(Some) }
}

/// An array of strings; a bad element is named `field[i]`.
pub(crate) fn strings(field: &str, value: &JsValue) -> Result<Vec<String>, JsValue> {
    if !Array::is_array(value) {
        return Err(Error::validation(field, format!("must be an array of strings, got {}", describe(value)))).js();
    }
    Array::from(value).iter().enumerate().map(|(i, item)| string(&format!("{field}[{i}]"), &item)).collect()
}

/// A whole number fitting a `u32` (pages, page sizes).
pub(crate) fn count(field: &str, value: &JsValue) -> Result<u32, JsValue> {
    let number =
        value.as_f64().ok_or_else(|| Error::validation(field, format!("must be a number, got {}", describe(value))));
    number.and_then(|n| whole_u32(field, n)).js()
}

/// [`count`], or `None` for `undefined` or `null` (an argument left out).
pub(crate) fn optional_count(field: &str, value: &JsValue) -> Result<Option<u32>, JsValue> {
    if value.is_undefined() || value.is_null() { Ok(None) } else { count(field, value).map(Some) }
}

/// A community id (`community_id`).
pub(crate) fn community_id(value: &JsValue) -> Result<CommunityId, JsValue> {
    CommunityId::parse(&string("community_id", value)?).js()
}

/// A group id (`group_id`).
pub(crate) fn group_id(value: &JsValue) -> Result<GroupId, JsValue> {
    GroupId::parse(&string("group_id", value)?).js()
}

/// Group ids (`group_ids`, `group_ids[i]`).
pub(crate) fn group_ids(value: &JsValue) -> Result<Vec<GroupId>, JsValue> {
    parse_group_ids("group_ids", &strings("group_ids", value)?).js()
}

/// Phones (`phones`, `phones[i]`).
pub(crate) fn phones(value: &JsValue) -> Result<Vec<Phone>, JsValue> {
    parse_phones("phones", &strings("phones", value)?).js()
}

/// A community or group id (`target`).
pub(crate) fn target(value: &JsValue) -> Result<MemberTarget, JsValue> {
    MemberTarget::parse(&string("target", value)?, "target").js()
}
