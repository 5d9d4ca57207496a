//! `zapi-sim`: the Z-API Communities simulator as a loopback HTTP server. See the README.

use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;

use zapi_sim::cli::{self, Command, USAGE};
use zapi_sim::{SpawnOptions, spawn};

#[tokio::main]
async fn main() -> ExitCode {
    let options = match cli::parse(std::env::args().skip(1)) {
        Ok(Command::Run(options)) => options,
        Ok(Command::Help) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("zapi-sim: {message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let simulator = match options.simulator() {
        Ok(simulator) => simulator,
        Err(message) => {
            eprintln!("zapi-sim: {message}");
            return ExitCode::from(2);
        }
    };
    let instance_id = simulator.config().instance_id.clone();
    // Listen for SIGTERM before announcing the URL: a harness may stop us right after reading it.
    let stop = StopSignal::install();
    let server = match spawn(SpawnOptions::default().port(options.port).simulator(Arc::new(simulator))).await {
        Ok(server) => server,
        Err(error) => {
            eprintln!("zapi-sim: {error}");
            return ExitCode::FAILURE;
        }
    };
    // The first stdout line is the contract with test harnesses: print it and flush at once.
    let mut stdout = std::io::stdout();
    let _ = writeln!(stdout, "zapi-sim listening on {}", server.url());
    let _ = stdout.flush();
    eprintln!("zapi-sim: instance {instance_id}; control API at {}/__sim/", server.url());
    stop.wait().await;
    server.shutdown().await;
    ExitCode::SUCCESS
}

/// Ctrl-C (SIGINT), or on Unix SIGTERM. Stdin is never read.
struct StopSignal {
    #[cfg(unix)]
    signals: Option<(tokio::signal::unix::Signal, tokio::signal::unix::Signal)>,
}

impl StopSignal {
    /// Starts listening; from here on SIGTERM and SIGINT no longer kill the process outright.
    fn install() -> Self {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            let signals = signal(SignalKind::terminate()).ok().zip(signal(SignalKind::interrupt()).ok());
            Self { signals }
        }
        #[cfg(not(unix))]
        {
            Self {}
        }
    }

    /// Resolves when a stop signal arrives.
    async fn wait(self) {
        #[cfg(unix)]
        if let Some((mut terminate, mut interrupt)) = self.signals {
            tokio::select! {
                _ = terminate.recv() => {}
                _ = interrupt.recv() => {}
            }
            return;
        }
        let _ = tokio::signal::ctrl_c().await;
    }
}
