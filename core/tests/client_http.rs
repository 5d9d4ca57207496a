//! The client and the reqwest transport over real loopback HTTP, against a scripted server:
//! the retry policy (never a second POST once bytes may have left), timeouts, the body cap and
//! redaction of the token in every error.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use zapi_communities::api::Endpoint;
use zapi_communities::{Client, CommunityId, Error, RetryPolicy};

/// What the server does with one request.
#[derive(Clone)]
enum Act {
    /// Answers with this status, extra headers and body.
    Reply(u16, Vec<(&'static str, String)>, String),
    /// Reads the request, then never answers.
    Hang,
    /// Reads the request, then closes the connection without a byte.
    Close,
}

fn ok(body: &str) -> Act {
    Act::Reply(200, vec![], body.to_owned())
}

#[derive(Clone, Default)]
struct Seen(Arc<Mutex<Vec<String>>>);

impl Seen {
    fn lines(&self) -> Vec<String> {
        self.0.lock().unwrap().clone()
    }
}

/// Serves `script` in order (the last act repeats) and records each request's first line and
/// headers.
async fn serve(script: Vec<Act>) -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Seen::default();
    let log = seen.clone();
    tokio::spawn(async move {
        let script = Arc::new(script);
        loop {
            let Ok((stream, _)) = listener.accept().await else { return };
            let (script, log) = (script.clone(), log.clone());
            tokio::spawn(async move { connection(stream, script, log).await });
        }
    });
    (url, seen)
}

async fn connection(mut stream: TcpStream, script: Arc<Vec<Act>>, log: Seen) {
    let mut buffer = Vec::new();
    loop {
        // Read one request: headers, then Content-Length bytes of body.
        let head_end = loop {
            if let Some(i) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
                break i + 4;
            }
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        };
        let head = String::from_utf8_lossy(&buffer[..head_end]).to_string();
        let length: usize = head
            .lines()
            .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
            .unwrap_or(0);
        while buffer.len() < head_end + length {
            let mut chunk = [0u8; 4096];
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => return,
                Ok(n) => buffer.extend_from_slice(&chunk[..n]),
            }
        }
        buffer.drain(..head_end + length);
        let index = {
            let mut lines = log.0.lock().unwrap();
            lines.push(head.clone());
            lines.len() - 1
        };
        let act = script.get(index).or(script.last()).cloned().unwrap_or(Act::Close);
        match act {
            Act::Reply(status, headers, body) => {
                let mut out = format!("HTTP/1.1 {status} X\r\ncontent-length: {}\r\n", body.len());
                for (k, v) in headers {
                    out.push_str(&format!("{k}: {v}\r\n"));
                }
                out.push_str("\r\n");
                out.push_str(&body);
                if stream.write_all(out.as_bytes()).await.is_err() {
                    return;
                }
            }
            Act::Hang => {
                tokio::time::sleep(Duration::from_secs(30)).await;
                return;
            }
            Act::Close => return,
        }
    }
}

fn client(url: &str, token: &str, timeout: Duration) -> Client {
    let endpoint =
        Endpoint::new("INSTANCE", token).unwrap().with_base_url(url).unwrap().with_client_token("CLIENT-CANARY-9");
    let retry =
        RetryPolicy { max_retries: 2, initial_backoff: Duration::from_millis(10), max_backoff: Duration::from_secs(2) };
    Client::builder(endpoint).timeout(timeout).retry(retry).max_body_bytes(4096).build().unwrap()
}

fn count(seen: &Seen, method: &str) -> usize {
    seen.lines().iter().filter(|l| l.starts_with(&format!("{method} "))).count()
}

const LIST: &str = r#"[{"id":"120363000000000001","name":"A"}]"#;
const CREATED: &str = r#"{"id":"120363000000000001","subGroups":[{"name":"A","phone":"120363000000000002-group","isGroupAnnouncement":true}]}"#;

#[tokio::test]
async fn requests_carry_path_token_and_headers() {
    let (url, seen) = serve(vec![ok(CREATED)]).await;
    client(&url, "TOKEN-1", Duration::from_secs(5)).create_community("A", None).await.unwrap();
    let head = &seen.lines()[0];
    assert!(head.starts_with("POST /instances/INSTANCE/token/TOKEN-1/communities HTTP/1.1"), "{head}");
    let lower = head.to_ascii_lowercase();
    assert!(lower.contains("client-token: client-canary-9"));
    assert!(lower.contains("content-type: application/json"));
}

#[tokio::test]
async fn idempotent_calls_are_retried_on_transient_statuses() {
    let (url, seen) =
        serve(vec![Act::Reply(503, vec![], String::new()), Act::Reply(502, vec![], String::new()), ok(LIST)]).await;
    let list = client(&url, "T", Duration::from_secs(5)).list_communities(1, 10).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(count(&seen, "GET"), 3);
}

#[tokio::test]
async fn posts_are_never_repeated_after_a_status() {
    let (url, seen) = serve(vec![Act::Reply(503, vec![], "{\"error\":\"busy\"}".into()), ok(CREATED)]).await;
    let err = client(&url, "T", Duration::from_secs(5)).create_community("A", None).await.unwrap_err();
    assert_eq!(err, Error::Api { status: 503, detail: "busy".into() });
    assert_eq!(count(&seen, "POST"), 1);
}

#[tokio::test]
async fn a_timed_out_post_is_not_repeated_but_a_get_is() {
    let (url, seen) = serve(vec![Act::Hang, ok(LIST)]).await;
    let c = client(&url, "T", Duration::from_millis(300));
    let started = Instant::now();
    let err = c.create_community("A", None).await.unwrap_err();
    assert_eq!(err, Error::Timeout { timeout_ms: 300 });
    assert!(started.elapsed() < Duration::from_secs(3));
    tokio::time::sleep(Duration::from_millis(100)).await;
    assert_eq!(count(&seen, "POST"), 1, "the POST may have been applied: never sent twice");

    let (url, seen) = serve(vec![Act::Hang, ok(LIST)]).await;
    let list = client(&url, "T", Duration::from_millis(300)).list_communities(1, 10).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(count(&seen, "GET"), 2);
}

#[tokio::test]
async fn a_dropped_connection_after_sending_is_reported_as_possibly_delivered() {
    let (url, seen) = serve(vec![Act::Close]).await;
    let err = client(&url, "T", Duration::from_secs(5)).create_community("A", None).await.unwrap_err();
    assert!(matches!(err, Error::Transport { sent: true, .. }), "{err:?}");
    assert_eq!(count(&seen, "POST"), 1);
}

#[tokio::test]
async fn a_refused_connection_sent_nothing() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let err = client(&format!("http://127.0.0.1:{port}"), "T", Duration::from_secs(5))
        .create_community("A", None)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Transport { sent: false, .. }), "{err:?}");
}

#[tokio::test]
async fn rate_limits_are_waited_for_on_gets_and_reported_on_posts() {
    let limited = Act::Reply(429, vec![("Retry-After", "1".into())], String::new());
    let (url, seen) = serve(vec![limited.clone(), ok(LIST)]).await;
    let started = Instant::now();
    client(&url, "T", Duration::from_secs(5)).list_communities(1, 10).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(950), "Retry-After honoured");
    assert_eq!(count(&seen, "GET"), 2);

    let (url, seen) = serve(vec![limited]).await;
    let err = client(&url, "T", Duration::from_secs(5)).create_community("A", None).await.unwrap_err();
    assert_eq!(err, Error::RateLimited { retry_after_ms: Some(1000) });
    assert_eq!(count(&seen, "POST"), 1);
}

#[tokio::test]
async fn a_redirect_is_refused_naming_where_it_pointed_but_not_the_token() {
    // The transport hands back only the headers the core reads: `Location` must be one of them.
    let location = "https://Decoy.Example:8443/instances/INSTANCE/token/SECRET-77/communities";
    let extra = || vec![("Location", location.to_owned()), ("X-Other", "dropped".to_owned())];
    let (url, seen) = serve(vec![Act::Reply(302, extra(), String::new())]).await;
    let err = client(&url, "SECRET-77", Duration::from_secs(5)).list_communities(1, 10).await.unwrap_err();
    let Error::Api { status: 302, detail } = &err else { panic!("{err:?}") };
    assert!(detail.contains("redirect 302 to https://decoy.example:8443;"), "{detail}");
    assert!(!format!("{err:?}{err}").contains("SECRET-77"), "{err:?}");
    assert_eq!(count(&seen, "GET"), 1, "never followed nor retried");
}

#[tokio::test]
async fn bodies_over_the_cap_are_refused() {
    let huge = format!("[{}]", vec![r#"{"id":"120363000000000001","name":"A"}"#; 200].join(","));
    let (url, _) = serve(vec![ok(&huge)]).await;
    let err = client(&url, "T", Duration::from_secs(5)).list_communities(1, 10).await.unwrap_err();
    let Error::Decode { detail: message } = err else { panic!("{err:?}") };
    assert!(message.contains("4096"), "{message}");
}

#[tokio::test]
async fn no_error_ever_shows_the_token() {
    const CANARY: &str = "CANARY-TOKEN-42";
    let echo = |status| {
        Act::Reply(
            status,
            vec![],
            format!(
                "<html><body>Cannot GET /instances/INSTANCE/token/{CANARY}/x and {CANARY} CLIENT-CANARY-9</body></html>"
            ),
        )
    };
    let script = vec![
        echo(404),
        echo(500),
        ok("not json"),
        Act::Reply(200, vec![], format!("{{\"error\":\"{CANARY} not allowed\"}}")),
        Act::Close,
    ];
    let (url, _) = serve(script).await;
    let c = client(&url, CANARY, Duration::from_secs(5));
    let community = CommunityId::parse("120363000000000001").unwrap();
    let mut errors = vec![
        c.community_metadata(&community).await.unwrap_err(),
        c.deactivate_community(&community).await.unwrap_err(),
        c.list_communities(1, 1).await.unwrap_err(),
        c.create_community("x", None).await.unwrap_err(),
        c.create_community("y", None).await.unwrap_err(),
        c.create_community("", None).await.unwrap_err(),
    ];
    let refused = client("http://127.0.0.1:9", CANARY, Duration::from_millis(500));
    errors.push(refused.list_communities(1, 1).await.unwrap_err());
    for error in &errors {
        for shown in [error.to_string(), format!("{error:?}")] {
            assert!(!shown.contains(CANARY) && !shown.contains("CLIENT-CANARY-9"), "leaked: {shown}");
        }
    }
    assert!(errors.iter().any(|e| e.kind() == "api") && errors.iter().any(|e| e.kind() == "transport"));
    let shown = format!("{c:?} {:?}", c.endpoint());
    assert!(!shown.contains(CANARY) && !shown.contains("CLIENT-CANARY-9"), "{shown}");
}
