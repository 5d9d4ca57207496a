#![doc = include_str!("../README.md")]
// The binding only exists on wasm32; natively (`cargo build --workspace`) the crate is empty.
#![cfg(target_family = "wasm")]
//!
//! # The Rust side
//!
//! Thin wrappers only: [`JsClient`] (`Client` in JS) holds a [`zapi_communities::Client`] and
//! each method converts its arguments with the core's own parsers, awaits the core call and
//! hands the answer over in one buffer that `js/values.js` builds plain objects from (see
//! `out.rs`: the values `JSON.parse` would give, numbers as numbers, missing values `null`). The
//! model types' TypeScript comes from `tsify` derives in the core; errors become a thrown
//! `ZapiError`.

// Which parts are in a build is a feature (see Cargo.toml): the package's main entry is the
// client (`client`), `zapi-communities/webhooks` is the receiving side alone (`webhooks`), and the
// simulator entry has both. A build without the client keeps helpers only the client calls.
#![cfg_attr(not(feature = "client"), allow(dead_code, unused_imports))]

mod args;
#[cfg(feature = "client")]
mod cancel;
#[cfg(feature = "client")]
mod client;
#[cfg(feature = "client")]
mod communities;
mod convert;
mod errors;
#[cfg(feature = "client")]
mod groups;
#[cfg(feature = "client")]
mod logging;
#[cfg(feature = "client")]
mod members;
#[cfg(feature = "client")]
mod messages;
#[cfg(feature = "client")]
mod options;
mod out;
#[cfg(feature = "client")]
mod pager;
#[cfg(feature = "plan")]
mod plan;
#[cfg(feature = "client")]
mod queue;
#[cfg(feature = "client")]
mod scan;
#[cfg(feature = "simulator")]
mod simulator;
#[cfg(feature = "client")]
mod transport;
#[cfg(feature = "webhooks")]
mod webhook;
#[cfg(feature = "client")]
mod webhooks;

#[cfg(feature = "client")]
pub use client::JsClient;
pub use errors::ZapiErrorClass;
#[cfg(feature = "client")]
pub use options::{BulkCallOptions, InviteOptions};
#[cfg(feature = "client")]
pub use pager::{ChatPager, CommunityPager};
#[cfg(feature = "client")]
pub use scan::parse_announcement_groups;
#[cfg(feature = "webhooks")]
pub use webhook::{JsWebhookSecret, parse_webhook};

use wasm_bindgen::prelude::wasm_bindgen;

/// Runs once when the module is instantiated: makes `ZapiError` a subclass of `Error` before
/// any code can observe it.
#[wasm_bindgen(start, skip_typescript)]
fn start() {
    out::install();
    errors::install();
}
