//! The wasm binding (being written).
