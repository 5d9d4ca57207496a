//! The `zapi-sim` binary: first stdout line, flags, fixture file, clean exit codes.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use serde_json::json;

struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary and returns it with the URL from its first stdout line.
fn launch(args: &[&str]) -> (Running, String) {
    let child = Command::new(env!("CARGO_BIN_EXE_zapi-sim"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("binary starts");
    let mut running = Running(child);
    let stdout = running.0.stdout.take().expect("stdout");
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("first line");
    let url = line.trim().strip_prefix("zapi-sim listening on ").unwrap_or_else(|| panic!("unexpected: {line:?}"));
    assert!(url.starts_with("http://127.0.0.1:"), "{url}");
    (running, url.to_owned())
}

#[tokio::test]
async fn prints_its_url_and_serves_the_demo_credentials_without_stdin() {
    let (_server, url) = launch(&["--port", "0"]);
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let response = client
        .get(format!("{url}/instances/SIM-INSTANCE/token/sim-token/chats?page=1&pageSize=5"))
        .header("Client-Token", "sim-client-token")
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.text().await.unwrap(), "[]");
}

#[tokio::test]
async fn takes_credentials_and_a_fixture_from_flags() {
    let dir = std::env::temp_dir().join(format!("zapi-sim-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let fixture = dir.join("fixture.json");
    let state = json!({ "groups": [{ "phone": "120363222200000001-group", "name": "Fixture group", "participants": [{ "phone": "5511900000000", "isAdmin": true }] }] });
    std::fs::write(&fixture, state.to_string()).unwrap();
    let (_server, url) =
        launch(&["--fixture", fixture.to_str().unwrap(), "--instance-id", "I1", "--token", "T1", "--no-client-token"]);
    let client = reqwest::Client::builder().no_proxy().build().unwrap();
    let response = client
        .get(format!("{url}/instances/I1/token/T1/group-metadata/120363222200000001-group"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let body: serde_json::Value = serde_json::from_str(&response.text().await.unwrap()).unwrap();
    assert_eq!(body["subject"], json!("Fixture group"));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn bad_arguments_exit_with_2() {
    let output = Command::new(env!("CARGO_BIN_EXE_zapi-sim")).args(["--port", "nope"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("not a port"));
    let output =
        Command::new(env!("CARGO_BIN_EXE_zapi-sim")).args(["--fixture", "/no/such/file.json"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn sigterm_stops_it_cleanly() {
    let (mut server, _url) = launch(&[]);
    let pid = server.0.id().to_string();
    let killed = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    assert!(killed.success());
    let status = server.0.wait().unwrap();
    assert_eq!(status.code(), Some(0), "graceful exit on SIGTERM");
}
