//! Conversions for the wasm binding (being written).
