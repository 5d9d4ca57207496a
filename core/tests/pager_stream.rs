//! A pager as a `Stream`: every item of every page, in order, asking for a page only when the
//! one before is used up.

use std::future::poll_fn;
use std::pin::Pin;
use std::sync::Arc;

use futures_core::Stream;
use zapi_communities::sim::Simulator;
use zapi_communities::{Client, Error, PagerStream};

async fn next<S: Stream + Unpin>(stream: &mut S) -> Option<S::Item> {
    poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await
}

#[tokio::test]
async fn a_stream_yields_every_community_of_every_page_in_order() {
    let simulator = Arc::new(Simulator::demo());
    let client = Client::simulated_with(Arc::clone(&simulator)).unwrap();
    let mut created = Vec::new();
    for i in 0..23 {
        created.push(client.create_community(&format!("Rua {i:02}"), None).await.unwrap().id);
    }
    let pages_before = simulator.requests().iter().filter(|r| r.path == "/communities").count();

    let mut stream: PagerStream<_> = client.communities().page_size(10).into_stream();
    let first = next(&mut stream).await.unwrap().unwrap();
    let asked = simulator.requests().iter().filter(|r| r.path == "/communities").count() - pages_before;
    assert_eq!(asked, 1, "one page asked for the first item");
    let mut seen = vec![first.id];
    while let Some(item) = next(&mut stream).await {
        seen.push(item.unwrap().id);
    }
    let all: Vec<_> = client.communities().collect_all().await.unwrap().into_iter().map(|c| c.id).collect();
    assert_eq!(seen, all);
    for id in &created {
        assert!(seen.contains(id));
    }
    assert!(next(&mut stream).await.is_none(), "ended for good");
}

#[tokio::test]
async fn a_bad_page_size_is_one_error_item() {
    let client = Client::simulated();
    let mut stream = client.communities().page_size(0).into_stream();
    let Some(Err(Error::Validation { field, .. })) = next(&mut stream).await else { panic!("no error item") };
    assert_eq!(field, "page_size");
}
