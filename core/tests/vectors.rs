//! Runs the shared conformance vectors in `tests/vectors/` through the Rust client.

mod support;

use std::path::PathBuf;

use serde_json::Value;
use support::{CLIENT_TOKEN, dispatch, error_json, error_kinds, key, matches_subset, scripted_client};
use zapi_communities::{AnnouncementSource, CommunityId, Error, GroupId, HttpResponse, api::SendText};

fn load(name: &str) -> Vec<Value> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors").join(name);
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

fn response_of(v: &Value) -> HttpResponse {
    let mut response = HttpResponse::new(v["status"].as_u64().unwrap() as u16, v["body"].as_str().unwrap_or(""));
    if let Some(headers) = v["headers"].as_object() {
        for (k, value) in headers {
            response = response.with_header(k.clone(), value.as_str().unwrap());
        }
    }
    response
}

#[tokio::test]
async fn request_vectors() {
    let vectors = load("requests.json");
    assert!(vectors.len() >= 30);
    for v in &vectors {
        let (transport, client) = scripted_client();
        *transport.fallback.lock().unwrap() = Some(HttpResponse::new(200, ""));
        let _ = dispatch(&client, v["call"].as_str().unwrap(), &v["args"]).await;
        let seen = transport.seen.lock().unwrap();
        let follow_up: Vec<&str> =
            v["follow_up"].as_array().map(|f| f.iter().map(|r| r.as_str().unwrap()).collect()).unwrap_or_default();
        let after: Vec<String> = seen.iter().skip(1).map(key).collect();
        assert_eq!(after, follow_up, "{}: the requests after the call's own", v["name"]);
        let request = &seen[0];
        let want = &v["request"];
        let name = &v["name"];
        assert_eq!(request.method.as_str(), want["method"], "{name}");
        assert_eq!(request.path, want["path"].as_str().unwrap(), "{name}");
        let query: Vec<Value> = request.query.iter().map(|(k, v)| serde_json::json!([k, v])).collect();
        assert_eq!(Value::Array(query), want["query"], "{name}");
        let headers: serde_json::Map<String, Value> = request
            .headers
            .iter()
            .filter(|(k, _)| k != "Client-Token")
            .map(|(k, v)| (k.to_string(), Value::String(v.to_string())))
            .collect();
        assert_eq!(Value::Object(headers), want["headers"], "{name}");
        assert_eq!(request.header("Client-Token"), Some(CLIENT_TOKEN), "{name}");
        let body: Value = request.body.as_deref().map(|b| serde_json::from_str(b).unwrap()).unwrap_or(Value::Null);
        assert_eq!(body, want["body"], "{name}");
    }
}

#[tokio::test]
async fn response_vectors() {
    let vectors = load("responses.json");
    assert!(vectors.len() >= 30);
    for v in &vectors {
        let (transport, client) = scripted_client();
        *transport.fallback.lock().unwrap() = Some(response_of(&v["response"]));
        let followed_by = v["followed_by"].as_object().cloned().unwrap_or_default();
        for (k, r) in &followed_by {
            transport.answers.lock().unwrap().insert(k.clone(), response_of(r));
        }
        let got = dispatch(&client, v["call"].as_str().unwrap(), &v["args"]).await;
        let name = &v["name"];
        assert_eq!(transport.seen.lock().unwrap().len(), 1 + followed_by.len(), "{name}: requests");
        match (&v["expect"].get("ok"), got) {
            (Some(want), Ok(value)) => assert_eq!(&value, *want, "{name}"),
            (None, Err(error)) => {
                let want = &v["expect"]["error"];
                assert!(matches_subset(want, &error_json(&error)), "{name}: want {want}, got {error:?}");
            }
            (_, other) => panic!("{name}: unexpected {other:?}"),
        }
    }
}

#[tokio::test]
async fn error_vectors_have_one_shape() {
    let file: Value = serde_json::from_str(
        &std::fs::read_to_string(PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/errors.json"))
            .unwrap(),
    )
    .unwrap();
    let declared: Vec<&str> = error_kinds().keys().map(String::as_str).collect();
    let mut kinds: Vec<&str> = Error::KINDS.iter().map(|(k, _)| *k).collect();
    kinds.sort_unstable();
    assert_eq!(declared, kinds, "errors.json declares every kind");
    for v in file["cases"].as_array().unwrap() {
        let (transport, client) = scripted_client();
        if let Some(response) = v.get("response") {
            *transport.fallback.lock().unwrap() = Some(response_of(response));
        }
        let error = dispatch(&client, v["call"].as_str().unwrap(), &v["args"]).await.unwrap_err();
        assert_eq!(error_json(&error), v["expect"]["error"], "{}", v["name"]);
        assert_eq!(transport.seen.lock().unwrap().len(), usize::from(v.get("response").is_some()), "{}", v["name"]);
    }
}

#[test]
fn event_vectors() {
    let vectors = load("events.json");
    assert!(vectors.len() >= 70);
    for v in &vectors {
        let got = zapi_communities::parse_webhook(v["body"].as_str().unwrap().as_bytes());
        match (v["expect"].get("ok"), got) {
            (Some(want), Ok(event)) => assert_eq!(&serde_json::to_value(&event).unwrap(), want, "{}", v["name"]),
            (None, Err(error)) => assert!(matches_subset(&v["expect"]["error"], &error_json(&error)), "{}", v["name"]),
            (_, other) => panic!("{}: unexpected {other:?}", v["name"]),
        }
    }
}

#[tokio::test]
async fn validation_vectors_fail_before_any_request() {
    let vectors = load("validation.json");
    assert!(vectors.len() >= 40);
    for v in &vectors {
        let (transport, client) = scripted_client();
        let error = dispatch(&client, v["call"].as_str().unwrap(), &v["args"]).await.unwrap_err();
        let want = &v["expect"]["error"];
        assert!(matches_subset(want, &error_json(&error)), "{}: want {want}, got {error:?}", v["name"]);
        assert!(transport.seen.lock().unwrap().is_empty(), "{}: a request was sent", v["name"]);
    }
}

#[tokio::test]
async fn resolution_vectors() {
    for v in &load("resolution.json") {
        let name = &v["name"];
        let (transport, client) = scripted_client();
        for (k, r) in v["responses"].as_object().unwrap() {
            transport.answers.lock().unwrap().insert(k.clone(), response_of(r));
        }
        let community = CommunityId::parse(v["community_id"].as_str().unwrap()).unwrap();
        if let Some(group) = v["remember"].as_str() {
            client.remember_announcement_group(&community, &GroupId::parse(group).unwrap());
        }
        if v["list_first"] == Value::Bool(true) {
            client.list_communities(1, 10).await.unwrap();
        }
        let got = if let Some(to) = v["send_to"].as_str() {
            match client.recipient(to) {
                Ok(recipient) => client.send_text(&SendText::new(recipient, "hi")).await.map(|_| Value::Null),
                Err(e) => Err(e),
            }
        } else {
            let result = match v["source"].as_str() {
                Some(source) => {
                    client.resolve_announcement_group_from(&community, AnnouncementSource::parse(source).unwrap()).await
                }
                None => client.resolve_announcement_group(&community).await,
            };
            result.map(|g| {
                serde_json::json!({"groupId": g.group_id.as_str(), "source": g.source.as_str(), "fromCache": g.from_cache})
            })
        };
        match (v["expect"].get("ok"), got) {
            (Some(want), Ok(value)) => assert_eq!(&value, want, "{name}"),
            (None, Err(error)) => {
                let want = &v["expect"]["error"];
                assert!(matches_subset(want, &error_json(&error)), "{name}: want {want}, got {error:?}");
            }
            (_, other) => panic!("{name}: unexpected {other:?}"),
        }
        let seen: Vec<String> = transport.seen.lock().unwrap().iter().map(key).collect();
        let want: Vec<String> =
            v["requests"].as_array().unwrap().iter().map(|r| r.as_str().unwrap().to_owned()).collect();
        assert_eq!(seen, want, "{name}");
    }
}

/// `METHOD /path?k=v&…` of a request the simulator logged.
fn logged_key(entry: &zapi_communities::sim::LoggedRequest) -> String {
    let query: Vec<String> = entry.query.iter().map(|(k, v)| format!("{k}={v}")).collect();
    let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
    format!("{} {}{query}", entry.method, entry.path)
}

#[tokio::test]
async fn paging_vectors() {
    use std::sync::Arc;
    use zapi_communities::Client;
    use zapi_communities::sim::{SimConfig, Simulator};
    for v in &load("paging.json") {
        let name = &v["name"];
        let fixture = v["fixture"].to_string();
        let sim = Arc::new(Simulator::with_fixture_json(SimConfig::demo(), &fixture).unwrap());
        let client = Client::simulated_with(Arc::clone(&sim)).unwrap();
        let size = v["page_size"].as_u64().unwrap() as u32;
        let ids: Vec<String> = match v["pager"].as_str().unwrap() {
            "communities" => client
                .communities()
                .page_size(size)
                .collect_all()
                .await
                .unwrap()
                .into_iter()
                .map(|c| c.id.as_str().to_owned())
                .collect(),
            "chats" => {
                client.chats().page_size(size).collect_all().await.unwrap().into_iter().map(|c| c.phone).collect()
            }
            other => panic!("{name}: unknown pager {other}"),
        };
        assert_eq!(ids.len() as u64, v["expect"]["count"].as_u64().unwrap(), "{name}");
        let want: Vec<&str> = v["expect"]["ids"].as_array().unwrap().iter().map(|i| i.as_str().unwrap()).collect();
        assert_eq!(ids, want, "{name}");
        let seen: Vec<String> = sim.requests().iter().map(logged_key).collect();
        let want: Vec<&str> = v["requests"].as_array().unwrap().iter().map(|r| r.as_str().unwrap()).collect();
        assert_eq!(seen, want, "{name}");
    }
}
