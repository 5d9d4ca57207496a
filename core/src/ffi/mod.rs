//! Conversions the orphan rule forces into the core, one file per binding, each behind its
//! feature. The bindings themselves live in `bindings-*/`.

#[cfg(feature = "python")]
mod python;
#[cfg(feature = "python")]
mod python_plan;
#[cfg(feature = "uniffi")]
mod uniffi;
#[cfg(feature = "wasm")]
mod wasm;
