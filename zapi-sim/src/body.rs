//! The response body type: either all at once, or streamed from a task (for the faults that
//! need control over timing, length and aborts).

use std::io;
use std::pin::Pin;
use std::task::{Context, Poll};

use hyper::body::{Body, Bytes, Frame, SizeHint};
use tokio::sync::mpsc;

/// Sender half of a streamed body: each `Ok` is a chunk, an `Err` aborts the connection, and
/// dropping it ends the body.
pub(crate) type ChunkSender = mpsc::Sender<Result<Bytes, io::Error>>;

/// A response body.
#[derive(Debug)]
pub(crate) enum SimBody {
    /// The whole body, sent with an exact `Content-Length`.
    Full(Option<Bytes>),
    /// Chunks produced by a task. The size is unknown to hyper, so an explicit
    /// `Content-Length` header is sent as given, even when it does not match.
    Streamed(mpsc::Receiver<Result<Bytes, io::Error>>),
}

impl SimBody {
    /// A complete body.
    pub(crate) fn full(bytes: impl Into<Bytes>) -> Self {
        let bytes = bytes.into();
        if bytes.is_empty() { SimBody::Full(None) } else { SimBody::Full(Some(bytes)) }
    }

    /// A streamed body and the sender that feeds it.
    pub(crate) fn channel() -> (ChunkSender, Self) {
        let (tx, rx) = mpsc::channel(4);
        (tx, SimBody::Streamed(rx))
    }
}

impl Body for SimBody {
    type Data = Bytes;
    type Error = io::Error;

    fn poll_frame(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Result<Frame<Bytes>, io::Error>>> {
        match self.get_mut() {
            SimBody::Full(bytes) => Poll::Ready(bytes.take().map(|b| Ok(Frame::data(b)))),
            SimBody::Streamed(rx) => rx.poll_recv(cx).map(|chunk| chunk.map(|r| r.map(Frame::data))),
        }
    }

    fn is_end_stream(&self) -> bool {
        matches!(self, SimBody::Full(None))
    }

    fn size_hint(&self) -> SizeHint {
        match self {
            SimBody::Full(Some(bytes)) => SizeHint::with_exact(bytes.len() as u64),
            SimBody::Full(None) => SizeHint::with_exact(0),
            SimBody::Streamed(_) => SizeHint::default(),
        }
    }
}
