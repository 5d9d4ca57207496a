#![doc = include_str!("../README.md")]

// The Kotlin/Swift binding: the model types and `Error` derive their uniffi shape below the
// `uniffi` feature, which needs this crate's own scaffolding (one generated file per crate).
#[cfg(feature = "uniffi")]
uniffi::setup_scaffolding!();

pub mod api;
mod client;
pub mod error;
mod ffi;
pub mod http;
mod knowledge;
pub mod model;
mod pager;
#[cfg(feature = "reqwest")]
mod reqwest_transport;
pub mod resolve;
pub mod retry;
pub mod secret;
pub mod sim;
pub mod transport;
mod wire;

pub use client::{
    AnnounceOptions, Client, ClientBuilder, ClientConfig, ClientOptions, OptionValue, SIMULATOR_BASE_URL,
};
pub use error::{Error, Result};
pub use http::{HttpRequest, HttpResponse, Method};
pub use model::*;
pub use pager::{PageEnd, PagedCall, Pager};
#[cfg(feature = "reqwest")]
pub use reqwest_transport::ReqwestTransport;
pub use retry::RetryPolicy;
pub use secret::Secret;
pub use transport::{BoxFuture, SendOptions, Transport, TransportError};
