//! A minimal static responder: every request gets the same small JSON list, so the figures
//! measure the clients, not a server's logic.

use std::convert::Infallible;
use std::net::SocketAddr;

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// The body every request gets: one community, as `GET /communities` returns it.
pub const BODY: &str = r#"[{"name":"my first community","id":"120363019502650977"}]"#;

/// Starts the responder on 127.0.0.1, on a thread and runtime of its own (as a separate server
/// process would be: sharing the client's runtime would make the two compete for its workers and
/// charge the server's work to the client), and returns its address.
pub fn start() -> SocketAddr {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("responder".into())
        .spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("runtime");
            runtime.block_on(async move {
                let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind 127.0.0.1");
                tx.send(listener.local_addr().expect("local address")).expect("report the address");
                loop {
                    let Ok((stream, _)) = listener.accept().await else { continue };
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(serve(stream));
                }
            });
        })
        .expect("responder thread");
    rx.recv().expect("the responder's address")
}

async fn serve(stream: tokio::net::TcpStream) {
    let service = service_fn(|_req: Request<hyper::body::Incoming>| async {
        Ok::<_, Infallible>(
            Response::builder()
                .header("content-type", "application/json")
                .body(Full::new(Bytes::from_static(BODY.as_bytes())))
                .expect("static response"),
        )
    });
    let _ = http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(stream), service).await;
}
