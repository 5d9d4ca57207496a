//! The log bridge of the JS, JVM and Swift bindings: the core's lines reach the sink at the level
//! set, a change of level or sink takes effect at once, and no line carries a credential.

use std::sync::{Arc, Mutex};

use zapi_communities::api::Endpoint;
use zapi_communities::logging::{LogLevel, set_log_sink};
use zapi_communities::{Client, Error};

const TOKEN: &str = "canary-token-4f1d9c";
const CLIENT_TOKEN: &str = "canary-client-token-7e2b";

#[tokio::test]
async fn the_core_lines_reach_the_sink_at_its_level_and_never_a_secret() {
    let lines: Arc<Mutex<Vec<(LogLevel, String)>>> = Arc::default();
    let seen = Arc::clone(&lines);
    assert!(set_log_sink(
        Some(Arc::new(move |level, line: &str| seen.lock().unwrap().push((level, line.into())))),
        LogLevel::Debug
    ));

    // A closed port: the request is sent, retried once, and fails.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let endpoint = Endpoint::new("CANARY-INSTANCE", TOKEN).unwrap().with_client_token(CLIENT_TOKEN);
    let endpoint = endpoint.with_base_url(&format!("http://127.0.0.1:{port}")).unwrap();
    let retry = zapi_communities::RetryPolicy { max_retries: 1, ..Default::default() };
    let client = Client::builder(endpoint).retry(retry).allow_insecure_http(true).build().unwrap();
    assert!(matches!(client.list_chats(1, 10).await, Err(Error::Transport { .. })));

    let got = lines.lock().unwrap().clone();
    let words: Vec<(LogLevel, &str)> = got.iter().map(|(l, t)| (*l, t.split(' ').next().unwrap())).collect();
    assert_eq!(
        words,
        [
            (LogLevel::Debug, "sending"),
            (LogLevel::Info, "retrying"),
            (LogLevel::Debug, "sending"),
            (LogLevel::Warn, "failed")
        ]
    );
    assert!(got[0].1.starts_with("sending method=GET path=/chats"), "{:?}", got[0]);
    for (_, line) in &got {
        assert!(!line.contains(TOKEN) && !line.contains(CLIENT_TOKEN), "{line}");
    }

    // Warnings only: the debug and info lines stop; no sink: nothing at all.
    lines.lock().unwrap().clear();
    let seen = Arc::clone(&lines);
    set_log_sink(
        Some(Arc::new(move |level, line: &str| seen.lock().unwrap().push((level, line.into())))),
        LogLevel::Warn,
    );
    let _ = client.list_chats(1, 10).await;
    let levels: Vec<LogLevel> = lines.lock().unwrap().iter().map(|(l, _)| *l).collect();
    assert_eq!(levels, [LogLevel::Warn]);
    set_log_sink(None, LogLevel::Trace);
    let _ = client.list_chats(1, 10).await;
    assert_eq!(lines.lock().unwrap().len(), 1);
}
