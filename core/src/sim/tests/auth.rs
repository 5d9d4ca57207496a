use serde_json::json;

use super::*;
use crate::sim::{SimConfig, Simulator};

#[test]
fn wrong_instance_id_is_401_without_echo() {
    let sim = Simulator::demo();
    let mut r = get_page("/chats", "1", "10");
    r.instance_id = "OTHER-INSTANCE".into();
    let answer = send(&sim, r);
    answer.refused(401, "instance not found or invalid token");
    assert!(!String::from_utf8_lossy(&answer.response.body).contains("OTHER-INSTANCE"));
}

#[test]
fn wrong_token_is_401_and_leaks_no_token() {
    let sim = Simulator::demo();
    let mut r = get_page("/chats", "1", "10");
    r.token = Secret::new("wrong-canary");
    let answer = send(&sim, r);
    answer.refused(401, "instance not found or invalid token");
    let body = String::from_utf8_lossy(&answer.response.body).into_owned();
    assert!(!body.contains("wrong-canary") && !body.contains(SimConfig::DEMO_TOKEN), "{body}");
}

#[test]
fn missing_client_token_is_null_not_allowed() {
    let sim = Simulator::demo();
    let mut r = get_page("/chats", "1", "10");
    r.headers.clear();
    let answer = send(&sim, r);
    answer.refused(403, "null not allowed");
    assert_eq!(answer.json, json!({ "error": "null not allowed" }));
}

#[test]
fn wrong_client_token_is_null_not_allowed() {
    let sim = Simulator::demo();
    let mut r = get_page("/chats", "1", "10");
    r.headers = vec![("client-token".into(), "nope".into())];
    assert_eq!(send(&sim, r).json, json!({ "error": "null not allowed" }));
}

#[test]
fn client_token_header_name_is_case_insensitive() {
    let sim = Simulator::demo();
    let mut r = get_page("/chats", "1", "10");
    r.headers = vec![("client-token".into(), SimConfig::DEMO_CLIENT_TOKEN.into())];
    assert_eq!(send(&sim, r).ok(), &json!([]));
}

#[test]
fn no_client_token_configured_means_header_not_checked() {
    let sim = Simulator::new(SimConfig { client_token: None, ..SimConfig::demo() });
    let mut r = get_page("/chats", "1", "10");
    r.headers.clear();
    assert_eq!(send(&sim, r).ok(), &json!([]));
}

#[test]
fn credentials_are_checked_before_the_route() {
    let sim = Simulator::demo();
    let mut r = get("/no-such-route");
    r.token = Secret::new("bad");
    send(&sim, r).refused(401, "invalid token");
    let mut r = get("/no-such-route");
    r.headers.clear();
    send(&sim, r).refused(403, "null not allowed");
}

#[test]
fn custom_credentials_are_honoured() {
    let config = SimConfig {
        instance_id: "I-1".into(),
        token: Secret::new("t-1"),
        client_token: Some(Secret::new("c-1")),
        connected_phone: "5511911112222".into(),
    };
    let sim = Simulator::new(config);
    send(&sim, get_page("/chats", "1", "1")).refused(401, "invalid token");
    let mut r = get_page("/chats", "1", "1");
    r.instance_id = "I-1".into();
    r.token = Secret::new("t-1");
    r.headers = vec![("Client-Token".into(), "c-1".into())];
    assert_eq!(send(&sim, r).ok(), &json!([]));
    assert_eq!(sim.state().connected_phone, "5511911112222");
}
