//! `queued_messages` reads every page by the service's cursor, and refuses to pass off a list
//! cut short as the whole queue.

mod support;

use support::scripted_client;
use zapi_communities::{Error, HttpResponse};

const ONE: &str = r#"{"ZaapId":"39BB1684570F00E91090F6BBC7EE7646","Phone":"5511999999999","Message":"hi"}"#;

fn answer(body: String) -> HttpResponse {
    HttpResponse::new(200, body)
}

#[tokio::test]
async fn every_page_is_read_until_the_last() {
    let (transport, client) = scripted_client();
    *transport.fallback.lock().unwrap() = Some(answer(format!(r#"{{"messages":[{ONE}],"hasMore":false}}"#)));
    let messages = client.queued_messages().await.unwrap();
    assert_eq!(messages.len(), 1);
    let seen = transport.seen.lock().unwrap();
    assert_eq!(seen[0].body.as_deref(), Some(r#"{"pageSize":30}"#), "30 a page, the most allowed");
}

#[tokio::test]
async fn a_page_with_more_but_no_cursor_or_the_same_cursor_is_an_error() {
    let (transport, client) = scripted_client();
    *transport.fallback.lock().unwrap() = Some(answer(format!(r#"{{"messages":[{ONE}],"hasMore":true}}"#)));
    let cut = client.queued_messages().await.unwrap_err();
    assert!(matches!(&cut, Error::Decode { detail } if detail.contains("no pagingState")), "{cut:?}");

    let (transport, client) = scripted_client();
    let same = format!(r#"{{"messages":[{ONE}],"pagingState":"c1","hasMore":true}}"#);
    *transport.fallback.lock().unwrap() = Some(answer(same));
    let looped = client.queued_messages().await.unwrap_err();
    assert!(matches!(&looped, Error::Decode { detail } if detail.contains("same pagingState")), "{looped:?}");
    assert_eq!(transport.seen.lock().unwrap().len(), 2, "the repeat is caught at the second page");
}
