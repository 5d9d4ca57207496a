//! The I/O edge: the plain HTTP values ([`http`]), the one seam to the network ([`transport`]),
//! the default transport over reqwest, and when a failed exchange may be repeated ([`retry`]).
//! Everything else in the crate is sans-IO.

pub mod http;
#[cfg(feature = "reqwest")]
mod request_url;
#[cfg(feature = "reqwest")]
pub(crate) mod reqwest;
pub mod retry;
pub mod transport;
