#![doc = include_str!("../README.md")]
//! The Kotlin/Swift binding: thin uniffi objects over [`zapi_communities::Client`]. Every domain
//! type (records, enums, the `ZapiError` error) is the core's own, given its shape by derives in
//! the core behind its `uniffi` feature; this crate adds only the stateful objects, the
//! parameter bundles that exist for foreign callers, and the sans-IO body parser.

uniffi::setup_scaffolding!();

mod client;
mod logging;
mod pager;
mod parse;
mod progress;
mod simulator;
mod transport;
mod webhook_secret;

pub use client::Client;
pub use pager::{ChatPager, CommunityPager};
pub use parse::parse_announcement_groups;
pub use progress::BulkProgressListener;
pub use transport::{HttpHeader, HttpTransport, IncomingResponse, OutgoingRequest, TransportFailure};
pub use webhook_secret::{WebhookSecret, max_webhook_bytes};
