//! The transport of clients built from options: the core's reqwest transport, one per process,
//! so a client used before `os.fork()` opens connections of its own in the child instead of
//! writing into its parent's (see `runtime/fork.rs`).

use std::sync::Arc;
use std::time::Duration;

use zapi_communities::{
    BoxFuture, Error, HttpRequest, HttpResponse, ReqwestTransport, SendOptions, Transport, TransportError,
};

use crate::runtime::PerProcess;

/// One connection pool per process.
pub(crate) struct PerProcessTransport(PerProcess<Result<ReqwestTransport, String>>);

impl PerProcessTransport {
    /// A new transport for a client, with this process's pool made now: a TLS stack that cannot
    /// start is the constructor's error, as with the core's default transport.
    pub(crate) fn shared() -> Result<Arc<dyn Transport>, Error> {
        Ok(Arc::new(Self(PerProcess::holding(Ok(ReqwestTransport::new()?)))))
    }

    /// This process's pool; in a child, made by its first call (where that failure is a call's).
    fn here(&self) -> &Result<ReqwestTransport, String> {
        self.0.get_or_init(|| ReqwestTransport::new().map_err(|e| e.to_string()))
    }
}

impl Transport for PerProcessTransport {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        options: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        match self.here() {
            Ok(transport) => transport.send(request, options),
            Err(message) => {
                let failure = TransportError::Connect { message: message.clone() };
                Box::pin(async move { Err(failure) })
            }
        }
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
        Box::pin(tokio::time::sleep(duration))
    }
}
