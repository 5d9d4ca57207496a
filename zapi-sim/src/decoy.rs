//! The decoy: a listener on another loopback address that `redirect` faults point at.
//!
//! It stands for the attacker's host. It answers nothing and only counts the connections it
//! accepts: a client that follows no redirects never opens one, whatever the status. The
//! count is read (and cleared) through `/__sim/decoy`.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::net::TcpListener;
use tokio::task::JoinHandle;

/// The decoy's address: another host as far as a client can tell. Linux routes all of
/// 127.0.0.0/8 to the loopback interface; where 127.0.0.2 cannot be bound (macOS by default),
/// the decoy falls back to another port of 127.0.0.1.
const DECOY_ADDRESS: Ipv4Addr = Ipv4Addr::new(127, 0, 0, 2);

/// A running decoy listener.
#[derive(Debug)]
pub(crate) struct Decoy {
    url: String,
    connections: Arc<AtomicU64>,
    task: JoinHandle<()>,
}

impl Decoy {
    /// Binds the decoy and starts counting. `None` when no loopback port can be bound at all.
    pub(crate) async fn start() -> Option<Self> {
        let listener = match TcpListener::bind((DECOY_ADDRESS, 0)).await {
            Ok(listener) => listener,
            Err(_) => TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).await.ok()?,
        };
        let addr: SocketAddr = listener.local_addr().ok()?;
        let connections = Arc::new(AtomicU64::new(0));
        let counter = Arc::clone(&connections);
        let task = tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                counter.fetch_add(1, Ordering::SeqCst);
                // Closed at once: the decoy never answers, so a client that did follow a
                // redirect fails instead of reporting success.
                drop(stream);
            }
        });
        Some(Self { url: format!("http://{addr}"), connections, task })
    }

    /// `http://127.0.0.2:PORT`, with no trailing slash.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    /// Connections accepted since the last [`Decoy::clear`].
    pub(crate) fn connections(&self) -> u64 {
        self.connections.load(Ordering::SeqCst)
    }

    /// Starts counting from zero again.
    pub(crate) fn clear(&self) {
        self.connections.store(0, Ordering::SeqCst);
    }
}

impl Drop for Decoy {
    fn drop(&mut self) {
        self.task.abort();
    }
}
