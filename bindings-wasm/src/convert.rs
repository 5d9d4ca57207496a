//! Values across the boundary: core results out as plain JSON-compatible objects, JS numbers
//! and option objects in.

use serde::Serialize;
use serde::de::DeserializeOwned;
use tsify::{Ts, Tsify};
use wasm_bindgen::JsValue;
use zapi_communities::Error;

use crate::errors::to_js;

/// Serialises a result the JSON way: numbers as numbers (never `BigInt`), `None` as `null`,
/// maps as plain objects.
pub(crate) fn plain<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        // Only a number beyond 2^53 (which JS cannot hold exactly) can fail here.
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

/// Reads a plain object into `T`. A value of the wrong shape, a missing key or an unknown one
/// is a validation error naming `field`.
pub(crate) fn record<T: DeserializeOwned>(field: &str, value: JsValue) -> Result<T, JsValue> {
    // Through a JSON value: serde-wasm-bindgen only looks up the keys a struct expects, so it
    // would let a misspelt option pass unnoticed; serde_json reports it (`deny_unknown_fields`).
    let refuse = |e: &dyn std::fmt::Display| to_js(Error::validation(field, e.to_string()));
    let json: serde_json::Value = serde_wasm_bindgen::from_value(value).map_err(|e| refuse(&e))?;
    serde_json::from_value(json).map_err(|e| refuse(&e))
}

/// A JS number that must be a whole number fitting a `u32` (pages, delays, retries).
pub(crate) fn whole_u32(field: &str, value: f64) -> Result<u32, Error> {
    whole(field, value, f64::from(u32::MAX)).map(|v| v as u32)
}

/// A JS number that must be a whole number of at most 2^53 (milliseconds).
pub(crate) fn whole_u64(field: &str, value: f64) -> Result<u64, Error> {
    // 2^53 - 1: the largest integer a JS number holds exactly.
    whole(field, value, 9_007_199_254_740_991.0).map(|v| v as u64)
}

fn whole(field: &str, value: f64, max: f64) -> Result<f64, Error> {
    if value.is_finite() && value.fract() == 0.0 && (0.0..=max).contains(&value) {
        Ok(value)
    } else {
        Err(Error::validation(field, format!("must be a whole number from 0 to {max}, got {value}")))
    }
}
