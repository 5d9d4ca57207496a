#![doc = include_str!("../README.md")]

// The Kotlin/Swift binding: the model types and `Error` derive their uniffi shape below the
// `uniffi` feature, which needs this crate's own scaffolding (one generated file per crate).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod api;
pub mod bulk;
mod client;
pub mod error;
mod ffi;
mod io;
pub mod logging;
pub mod model;
pub mod naming;
pub mod plan;
pub mod resolve;
pub mod secret;
pub mod sim;
pub mod webhook;
mod wire;

// The I/O edge lives in `io/`; its public parts keep their paths at the crate root.
pub use io::{http, retry, transport};

pub use client::pager::{PageEnd, PagedCall, Pager};
pub use client::pager_stream::{PagerStream, StreamablePage};
pub use client::{
    AnnounceOptions, Client, ClientBuilder, ClientConfig, ClientOptions, GroupMentionInput, KNOWLEDGE_VERSION,
    MessageOptions, OptionValue, SIMULATOR_BASE_URL,
};
pub use error::{Error, Result};
pub use http::{HttpRequest, HttpResponse, Method, RESPONSE_HEADERS_READ};
#[cfg(feature = "reqwest")]
pub use io::reqwest::ReqwestTransport;
pub use model::*;
pub use retry::RetryPolicy;
pub use secret::Secret;
pub use transport::{BoxFuture, SendOptions, Transport, TransportError};
pub use webhook::{WebhookEvent, WebhookSecret, parse_webhook};
