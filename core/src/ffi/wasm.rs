//! Conversions for the JavaScript binding (wasm-bindgen, feature `wasm`): none are needed.
//!
//! The model types state their JS shape with `tsify` derives beside their definitions (`Option`
//! fields as `T | null`, ids as `#[serde(transparent)]` strings, `GroupSettings` also
//! deserialisable as an input). The binding serialises them itself (JSON text, then `JSON.parse`), and
//! turns [`crate::Error`] into a thrown `ZapiError` in `bindings-wasm/src/errors.rs`, through a
//! local helper rather than a `From<Error> for JsValue` impl, so nothing here implements a
//! foreign trait for a foreign type.
