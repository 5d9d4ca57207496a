#![doc = include_str!("../README.md")]
// The binding only exists on wasm32; natively (`cargo build --workspace`) the crate is empty.
#![cfg(target_family = "wasm")]
//!
//! # The Rust side
//!
//! Thin wrappers only: [`JsClient`] (`Client` in JS) holds a [`zapi_communities::Client`] and
//! each method converts its arguments with the core's own parsers, awaits the core call and
//! hands the answer over as JSON text that `JSON.parse` turns into plain objects (numbers are
//! numbers, missing values are `null`). The model types' TypeScript comes from `tsify` derives in the
//! core; errors become a thrown `ZapiError`.

mod args;
mod client;
mod communities;
mod convert;
mod errors;
mod groups;
mod logging;
mod members;
mod messages;
mod options;
mod out;
mod pager;
#[cfg(feature = "plan")]
mod plan;
mod scan;
#[cfg(feature = "simulator")]
mod simulator;
mod transport;
mod webhook;
mod webhooks;

pub use client::JsClient;
pub use errors::ZapiErrorClass;
pub use options::InviteOptions;
pub use pager::{ChatPager, CommunityPager};
pub use scan::parse_announcement_groups;

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs once when the module is instantiated: makes `ZapiError` a subclass of `Error` before
/// any code can observe it.
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    out::install();
    errors::install();
}
