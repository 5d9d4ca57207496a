//! Starting and stopping the server: bind, accept loop, shutdown.

use std::net::{Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;
use tokio::task::{JoinHandle, JoinSet};
use zapi_communities::sim::Simulator;

use crate::decoy::Decoy;
use crate::fault::{FaultError, FaultRule};
use crate::fault_queue::FaultQueue;
use crate::service;

/// How to start a server.
#[derive(Debug, Clone, Default)]
pub struct SpawnOptions {
    /// Port on 127.0.0.1; 0 (the default) picks a free one.
    pub port: u16,
    /// The simulator to serve; `None` (the default) serves a fresh [`Simulator::demo`].
    pub simulator: Option<Arc<Simulator>>,
}

impl SpawnOptions {
    /// Listen on `port` instead of a free one.
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Serve this simulator (keep a clone of the `Arc` to inspect it, or use
    /// [`RunningServer::simulator`]).
    pub fn simulator(mut self, simulator: Arc<Simulator>) -> Self {
        self.simulator = Some(simulator);
        self
    }
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The address could not be bound (port taken, no permission, …).
    #[error("cannot listen on 127.0.0.1:{port}: {source}")]
    Bind {
        /// The port asked for.
        port: u16,
        /// What the OS said.
        source: std::io::Error,
    },
}

/// What every connection shares.
#[derive(Debug)]
pub(crate) struct Shared {
    pub(crate) simulator: Arc<Simulator>,
    pub(crate) faults: FaultQueue,
    pub(crate) base_url: String,
    /// Where `redirect` faults point (`None` when no second loopback port could be bound).
    pub(crate) decoy: Option<Decoy>,
    /// The webhooks posted, and being posted.
    pub(crate) deliveries: crate::webhooks::Deliveries,
    /// Moves the simulator's clock with real time while an add limit is set.
    pub(crate) wall_clock: crate::wall_clock::WallClock,
}

impl Shared {
    /// The `Location` of a `redirect` fault: the decoy, or a port nothing listens on.
    pub(crate) fn decoy_url(&self) -> &str {
        self.decoy.as_ref().map_or("http://127.0.0.2:9", Decoy::url)
    }
}

/// Starts a server on 127.0.0.1 and returns once it accepts connections. Call it inside a
/// Tokio runtime (multi-threaded or not); the server runs as tasks of that runtime.
///
/// ```no_run
/// # async fn demo() -> Result<(), zapi_sim::ServerError> {
/// use zapi_sim::{Fault, FaultRule, SpawnOptions, spawn};
///
/// let server = spawn(SpawnOptions::default()).await?;
/// server.push_fault(FaultRule::once(Fault::Status { status: 503, message: None }))
///     .expect("valid fault");
/// println!("{}", server.url()); // http://127.0.0.1:PORT
/// server.shutdown().await;
/// # Ok(()) }
/// ```
///
/// # Errors
/// [`ServerError::Bind`] when the port cannot be bound.
pub async fn spawn(options: SpawnOptions) -> Result<RunningServer, ServerError> {
    let port = options.port;
    let listener =
        TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await.map_err(|source| ServerError::Bind { port, source })?;
    let addr = listener.local_addr().map_err(|source| ServerError::Bind { port, source })?;
    let shared = Arc::new(Shared {
        simulator: options.simulator.unwrap_or_else(|| Arc::new(Simulator::demo())),
        faults: FaultQueue::default(),
        base_url: format!("http://{addr}"),
        decoy: Decoy::start().await,
        deliveries: crate::webhooks::Deliveries::default(),
        wall_clock: crate::wall_clock::WallClock::default(),
    });
    let (stop, stopped) = oneshot::channel();
    let task = tokio::spawn(accept_loop(listener, Arc::clone(&shared), stopped));
    Ok(RunningServer { addr, shared, stop: Some(stop), task: Some(task) })
}

/// A server started by [`spawn`]. Dropping it stops the server (open connections are cut);
/// [`RunningServer::shutdown`] does the same and waits until it has stopped.
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningServer {
    /// Base URL, e.g. `http://127.0.0.1:40123` (no trailing slash).
    pub fn url(&self) -> String {
        self.shared.base_url.clone()
    }

    /// `url()` + `/instances/{id}/token/{token}` with the simulator's credentials: append a
    /// route such as `/communities`. It contains the token; do not log it outside tests.
    pub fn instance_url(&self) -> String {
        let config = self.shared.simulator.config();
        format!("{}/instances/{}/token/{}", self.shared.base_url, config.instance_id, config.token.expose())
    }

    /// The socket address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The simulator being served.
    pub fn simulator(&self) -> &Arc<Simulator> {
        &self.shared.simulator
    }

    /// The decoy host `redirect` faults point at, e.g. `http://127.0.0.2:40124`.
    pub fn decoy_url(&self) -> String {
        self.shared.decoy_url().to_owned()
    }

    /// Connections the decoy accepted since it was last cleared (by `/__sim/reset` or
    /// [`RunningServer::clear_decoy`]): a client that follows no redirects leaves it at 0.
    pub fn decoy_connections(&self) -> u64 {
        self.shared.decoy.as_ref().map_or(0, Decoy::connections)
    }

    /// Starts the decoy's count from zero again.
    pub fn clear_decoy(&self) {
        if let Some(decoy) = &self.shared.decoy {
            decoy.clear();
        }
    }

    /// The pending faults (the same queue `/__sim/faults` manages).
    pub fn faults(&self) -> &FaultQueue {
        &self.shared.faults
    }

    /// Queues a fault rule.
    ///
    /// # Errors
    /// [`FaultError`] when the rule is invalid.
    pub fn push_fault(&self, rule: FaultRule) -> Result<(), FaultError> {
        self.shared.faults.push(rule)
    }

    /// Stops accepting, cuts open connections and waits for the server task to end.
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.abort();
        }
    }
}

async fn accept_loop(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    // Dropping the set at the end aborts every connection still open.
    let mut connections = JoinSet::new();
    loop {
        tokio::select! {
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok((stream, peer)) => {
                    connections.spawn(serve_connection(stream, peer, Arc::clone(&shared)));
                }
                // Out of file descriptors and the like: back off instead of spinning.
                Err(_) => tokio::time::sleep(Duration::from_millis(20)).await,
            },
            Some(_) = connections.join_next(), if !connections.is_empty() => {}
        }
    }
}

async fn serve_connection(stream: TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    let service = service_fn(move |request| service::serve(request, Arc::clone(&shared), peer));
    // Errors here are the client going away or a simulated abort: nothing to report.
    let _ = http1::Builder::new().serve_connection(TokioIo::new(stream), service).await;
}
