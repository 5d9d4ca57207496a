//! The panic fences, and the blocking runtime over real loopback HTTP: calls run on the calling
//! thread, any thread's call drives the connections another opened, and a connection the server
//! closed between calls never takes the next request. And what a forked child calls on.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex, mpsc};
use std::thread;
use std::time::Duration;

use zapi_communities::api::Endpoint;
use zapi_communities::{Client, Error};

use super::*;

#[test]
fn panics_are_caught_in_both_paths() {
    let sync: Result<(), Failure> = block_on(async { panic!("sync boom") });
    assert!(matches!(sync, Err(Failure::Panic(m)) if m == "sync boom"));
    // The runtime the panic unwound out of still runs calls.
    assert!(matches!(block_on(async { Ok(7) }), Ok(7)));
    let runtime = async_runtime();
    let spawned = runtime.block_on(runtime.spawn(CatchUnwind::new(async {
        tokio::task::yield_now().await;
        if true {
            panic!("async boom");
        }
        Ok::<(), Error>(())
    })));
    assert!(matches!(spawned, Ok(Err(Failure::Panic(m))) if m == "async boom"));
    assert!(matches!(guard(|| Err::<(), _>(Error::decode("x"))), Err(Failure::Core(Error::Decode { .. }))));
}

#[test]
fn blocking_calls_and_their_tasks_run_on_calling_threads() {
    let name = || thread::current().name().unwrap_or_default().to_owned();
    let here = name();
    assert_eq!(block_on(async { Ok(name()) }).ok(), Some(here));
    // A task the call spawns (hyper's connection tasks are such) runs on whichever calling thread
    // drives the runtime at the time (another test's, when they overlap), never on a thread of
    // the runtime's own.
    let spawned = block_on(async { Ok(tokio::spawn(async move { name() }).await.unwrap_or_default()) });
    let spawned = spawned.ok().unwrap_or_default();
    assert!(spawned.starts_with("runtime::tests::"), "a spawned task ran on {spawned:?}");
    assert_eq!(blocking_runtime().handle().runtime_flavor(), tokio::runtime::RuntimeFlavor::CurrentThread);
}

#[test]
fn a_connection_opened_by_one_thread_serves_another_threads_call() {
    let server = Server::start(false);
    let client = server.client();
    let (done, opened) = mpsc::channel();
    let (release, wait) = mpsc::channel::<()>();
    let first = {
        let client = client.clone();
        thread::spawn(move || {
            block_on(client.list_communities(1, 10)).expect("the first call");
            done.send(()).unwrap();
            // Holds on, making no call, until the other thread's call is over.
            wait.recv().unwrap();
        })
    };
    opened.recv().unwrap();
    // Nothing else drives the runtime now: this call must drive the other thread's connection.
    block_on(client.list_communities(1, 10)).expect("a call on the connection the other thread opened");
    release.send(()).unwrap();
    first.join().unwrap();
    assert_eq!(server.requests(), [(0, "GET".to_owned()), (0, "GET".to_owned())]);
}

// The two tests of a connection the server closed between calls only show something when no
// other test drives the shared runtime while they wait (that would take in the close for them):
// tests/steps/10-rust.sh runs each alone too. Alone, the HTTP/2 one fails without `catch_up`.
#[test]
fn a_connection_closed_between_calls_never_takes_the_next_post() {
    let server = Server::start(true);
    let client = server.client();
    block_on(client.list_communities(1, 10)).expect("the first call");
    // The server closes the connection while no call drives the runtime.
    thread::sleep(Duration::from_millis(200));
    block_on(client.create_community("A", None)).expect("a POST on a new connection, not the closed one");
    assert_eq!(server.requests(), [(0, "GET".to_owned()), (1, "POST".to_owned())]);
}

#[test]
fn an_http2_connection_the_server_left_between_calls_never_takes_the_next_post() {
    let (url, seen) = http2_server();
    let reqwest =
        reqwest::Client::builder().http2_prior_knowledge().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let endpoint = Endpoint::new("INSTANCE", "TOKEN").unwrap().with_base_url(&url).unwrap();
    let client = Client::builder(endpoint)
        .timeout(Duration::from_secs(5))
        .transport(Arc::new(zapi_communities::ReqwestTransport::from_client(reqwest)))
        .build()
        .unwrap();
    block_on(client.list_communities(1, 10)).expect("the first call");
    // The server says GOAWAY and closes while no call drives the runtime.
    thread::sleep(Duration::from_millis(300));
    block_on(client.create_community("A", None)).expect("a POST on a new connection, not the one left");
    assert_eq!(*seen.lock().unwrap(), [(0, "GET".to_owned()), (1, "POST".to_owned())]);
}

#[test]
fn a_forked_child_calls_on_its_own_runtime_and_connections_and_leaves_its_parents() {
    let server = Server::start(false);
    let endpoint = Endpoint::new("INSTANCE", "TOKEN").unwrap().with_base_url(&server.url).unwrap();
    let transport = crate::transport::PerProcessTransport::shared().unwrap();
    let client = Client::builder(endpoint).timeout(Duration::from_secs(5)).transport(transport).build().unwrap();
    block_on(client.list_communities(1, 10)).expect("the parent's call");
    let parents = std::ptr::from_ref(blocking_runtime());

    fork::tests::PRETEND.set(Some(1));
    block_on(client.list_communities(1, 10)).expect("the child's call");
    let childs = std::ptr::from_ref(blocking_runtime());
    let childs_async = std::ptr::from_ref(async_runtime());
    fork::tests::PRETEND.set(None);

    block_on(client.list_communities(1, 10)).expect("the parent's next call");
    assert_ne!(parents, childs, "the child drives a runtime of its own");
    assert_ne!(std::ptr::from_ref(async_runtime()), childs_async);
    // The child opened a connection of its own; the parent's next call went on its first one.
    assert_eq!(server.requests(), [(0, "GET".to_owned()), (1, "GET".to_owned()), (0, "GET".to_owned())]);
}

#[test]
fn a_call_off_the_main_thread_never_waits_for_the_gil() {
    Python::initialize();
    signals::main_thread_elsewhere();
    let (held, holding) = mpsc::channel();
    // Another thread holds the GIL for longer than the call lasts, as a long C call does.
    let holder = thread::spawn(move || {
        Python::attach(|_| {
            held.send(()).unwrap();
            thread::sleep(Duration::from_millis(900));
        })
    });
    holding.recv().unwrap();
    let started = std::time::Instant::now();
    block_on(async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        Ok(())
    })
    .unwrap();
    let took = started.elapsed();
    holder.join().unwrap();
    // A signal check would have waited for the GIL from the first tick (100 ms) to 900 ms.
    assert!(took < Duration::from_millis(750), "a 300 ms call took {took:?}");
}

type Seen = Arc<Mutex<Vec<(usize, String)>>>;

/// An HTTP/2 server (prior knowledge, no TLS) on a thread of its own that answers one request
/// per connection, then ends the connection with a GOAWAY, as a server whose idle timeout ran out.
fn http2_server() -> (String, Seen) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.set_nonblocking(true).unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Seen::default();
    let log = seen.clone();
    thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            for index in 0.. {
                let Ok((stream, _)) = listener.accept().await else { return };
                let log = log.clone();
                tokio::spawn(async move {
                    let Ok(mut connection) = h2::server::handshake(stream).await else { return };
                    if let Some(Ok((request, mut respond))) = connection.accept().await {
                        let method = request.method().to_string();
                        let body = answer(&method);
                        log.lock().unwrap().push((index, method));
                        let head = http::Response::builder().status(200).body(()).unwrap();
                        if let Ok(mut stream) = respond.send_response(head, false) {
                            let _ = stream.send_data(bytes::Bytes::from_static(body.as_bytes()), true);
                        }
                    }
                    // Sends the answer, then GOAWAY (the last stream it took: the one above) and
                    // closes the connection.
                    let _ = tokio::time::timeout(Duration::from_millis(50), connection.accept()).await;
                    connection.abrupt_shutdown(h2::Reason::NO_ERROR);
                    while let Some(Ok(_)) = connection.accept().await {}
                });
            }
        });
    });
    (url, seen)
}

/// What the call made expects: a created community for a POST, an empty list otherwise.
fn answer(method: &str) -> &'static str {
    if method == "POST" {
        r#"{"id":"120363000000000001","subGroups":[{"name":"A","phone":"120363000000000002-group","isGroupAnnouncement":true}]}"#
    } else {
        "[]"
    }
}

/// A loopback HTTP/1.1 server on its own threads: answers each request with what the call
/// expects, keeps the connection open (or closes it after one answer) and records which
/// connection each request came on.
struct Server {
    url: String,
    seen: Seen,
}

impl Server {
    fn start(close_after_answer: bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        let seen = Seen::default();
        let log = seen.clone();
        thread::spawn(move || {
            for (index, stream) in listener.incoming().enumerate() {
                let Ok(stream) = stream else { return };
                let log = log.clone();
                thread::spawn(move || serve(stream, index, close_after_answer, &log));
            }
        });
        Server { url, seen }
    }

    fn client(&self) -> Client {
        let endpoint = Endpoint::new("INSTANCE", "TOKEN").unwrap().with_base_url(&self.url).unwrap();
        Client::builder(endpoint).timeout(Duration::from_secs(5)).build().unwrap()
    }

    fn requests(&self) -> Vec<(usize, String)> {
        self.seen.lock().unwrap().clone()
    }
}

fn serve(mut stream: TcpStream, connection: usize, close_after_answer: bool, log: &Seen) {
    let mut buffer = Vec::new();
    loop {
        let Some(method) = read_request(&mut stream, &mut buffer) else { return };
        let body = answer(&method);
        log.lock().unwrap().push((connection, method));
        let answer = format!("HTTP/1.1 200 OK\r\ncontent-length: {}\r\n\r\n{body}", body.len());
        if stream.write_all(answer.as_bytes()).is_err() || close_after_answer {
            return;
        }
    }
}

/// Reads one request (head, then `Content-Length` bytes of body) and returns its method.
fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<String> {
    let mut chunk = [0u8; 4096];
    loop {
        if let Some(end) = request_end(buffer) {
            let method = buffer.split(|&b| b == b' ').next().map(|m| String::from_utf8_lossy(m).into_owned());
            buffer.drain(..end);
            return method;
        }
        match stream.read(&mut chunk) {
            Ok(0) | Err(_) => return None,
            Ok(n) => buffer.extend_from_slice(&chunk[..n]),
        }
    }
}

/// Where the first request in `buffer` ends, once all of it (head and body) is there.
fn request_end(buffer: &[u8]) -> Option<usize> {
    let head_end = buffer.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
    let length: usize = String::from_utf8_lossy(&buffer[..head_end])
        .lines()
        .find_map(|l| l.to_ascii_lowercase().strip_prefix("content-length:").map(|v| v.trim().parse().unwrap_or(0)))
        .unwrap_or(0);
    (buffer.len() >= head_end + length).then_some(head_end + length)
}
