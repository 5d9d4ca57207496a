use std::sync::Arc;
use std::time::Duration;

use serde_json::json;

use super::*;
use crate::sim::{Simulator, SimulatorTransport};
use crate::transport::{SendOptions, Transport, TransportError};

fn options(max_body_bytes: usize) -> SendOptions {
    SendOptions { timeout: Duration::from_secs(1), max_body_bytes }
}

#[test]
fn simulator_and_transport_are_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Simulator>();
    assert_send_sync::<SimulatorTransport>();
}

#[tokio::test]
async fn send_goes_to_the_shared_simulator() {
    let sim = Arc::new(Simulator::demo());
    let transport = SimulatorTransport::new(Arc::clone(&sim));
    let response = transport.send(&post("/communities", json!({ "name": "N" })), options(1 << 20)).await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(sim.state().communities.len(), 1);
    assert!(Arc::ptr_eq(transport.simulator(), &sim));
}

#[tokio::test]
async fn a_body_over_the_cap_is_body_too_large() {
    let transport = SimulatorTransport::new(Arc::new(Simulator::demo()));
    let error = transport.send(&post("/communities", json!({ "name": "N" })), options(4)).await.unwrap_err();
    assert_eq!(error, TransportError::BodyTooLarge { limit: 4 });
}

#[tokio::test]
async fn sleep_returns_at_once_and_is_recorded() {
    let transport = SimulatorTransport::new(Arc::new(Simulator::demo()));
    let started = std::time::Instant::now();
    transport.sleep(Duration::from_secs(30)).await;
    transport.sleep(Duration::from_millis(5)).await;
    assert!(started.elapsed() < Duration::from_secs(1));
    assert_eq!(transport.sleeps(), vec![Duration::from_secs(30), Duration::from_millis(5)]);
}
