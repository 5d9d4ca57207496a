//! Shared helpers: start a server, talk plain HTTP to it.
#![allow(dead_code)] // each test file uses a different subset

use serde_json::Value;
use zapi_sim::{RunningServer, SpawnOptions, spawn};

pub const CLIENT_TOKEN: &str = "sim-client-token";

pub struct Harness {
    pub server: RunningServer,
    pub client: reqwest::Client,
}

/// A server with the demo simulator and a client that never pools connections (a faulted
/// connection must not be reused) and ignores proxy settings.
pub async fn start() -> Harness {
    let server = spawn(SpawnOptions::default()).await.expect("server starts");
    Harness { server, client: client() }
}

pub fn client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().pool_max_idle_per_host(0).build().expect("client")
}

impl Harness {
    /// URL of an instance route (`/communities`, …) with the demo credentials.
    pub fn instance(&self, route: &str) -> String {
        format!("{}{route}", self.server.instance_url())
    }

    /// URL of a control endpoint (`requests`, `faults`, …).
    pub fn control(&self, endpoint: &str) -> String {
        format!("{}/__sim/{endpoint}", self.server.url())
    }

    pub fn get(&self, route: &str) -> reqwest::RequestBuilder {
        self.client.get(self.instance(route)).header("Client-Token", CLIENT_TOKEN)
    }

    pub fn post_json(&self, route: &str, body: &Value) -> reqwest::RequestBuilder {
        self.client
            .post(self.instance(route))
            .header("Client-Token", CLIENT_TOKEN)
            .header("Content-Type", "application/json")
            .body(body.to_string())
    }

    /// Queues fault rules through the control API.
    pub async fn queue(&self, rules: &Value) {
        let response = self.client.post(self.control("faults")).body(rules.to_string()).send().await.unwrap();
        assert_eq!(response.status(), 200, "{}", response.text().await.unwrap());
    }

    pub async fn control_json(&self, endpoint: &str) -> Value {
        let text = self.client.get(self.control(endpoint)).send().await.unwrap().text().await.unwrap();
        serde_json::from_str(&text).unwrap()
    }

    /// The simulator's request log, read over HTTP.
    pub async fn log(&self) -> Vec<Value> {
        self.control_json("requests").await.as_array().unwrap().clone()
    }
}

/// Status and JSON body (`Null` when empty).
pub async fn read(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let text = response.text().await.expect("body");
    let json = if text.is_empty() { Value::Null } else { serde_json::from_str(&text).expect("JSON body") };
    (status, json)
}
