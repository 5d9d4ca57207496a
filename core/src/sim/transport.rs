//! [`SimulatorTransport`]: the [`Transport`] that answers from a [`Simulator`] without a network.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::simulator::Simulator;
use crate::http::{HttpRequest, HttpResponse};
use crate::transport::{BoxFuture, SendOptions, Transport, TransportError};

/// Sends every request to a shared [`Simulator`]. Sleeping returns at once but moves the
/// simulator's clock by the time asked for (whole seconds, rounded up), and is recorded, so a
/// test can check the pauses a client asked for.
#[derive(Debug)]
pub struct SimulatorTransport {
    simulator: Arc<Simulator>,
    sleeps: Mutex<Vec<Duration>>,
}

impl SimulatorTransport {
    /// A transport over `simulator`; keep a clone of the `Arc` to inspect it afterwards.
    pub fn new(simulator: Arc<Simulator>) -> Self {
        Self { simulator, sleeps: Mutex::new(Vec::new()) }
    }

    /// The simulator behind this transport.
    pub fn simulator(&self) -> &Arc<Simulator> {
        &self.simulator
    }

    /// Every duration passed to [`Transport::sleep`], in order.
    pub fn sleeps(&self) -> Vec<Duration> {
        self.sleeps.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }
}

impl Transport for SimulatorTransport {
    /// Answers from the simulator. A body over `options.max_body_bytes` gives
    /// [`TransportError::BodyTooLarge`], as a real transport would; the timeout never fires.
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        options: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        Box::pin(async move {
            let response = self.simulator.handle(request);
            if response.body.len() > options.max_body_bytes {
                return Err(TransportError::BodyTooLarge { limit: options.max_body_bytes });
            }
            Ok(response)
        })
    }

    fn sleep(&self, duration: Duration) -> BoxFuture<'_, ()> {
        self.sleeps.lock().unwrap_or_else(|p| p.into_inner()).push(duration);
        self.simulator.advance_clock(duration.as_millis().div_ceil(1000) as u64);
        Box::pin(std::future::ready(()))
    }
}
