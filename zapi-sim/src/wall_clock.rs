//! The simulator's logical clock following the wall clock while an add limit is set: the limit
//! counts 60 seconds of that clock, and a client that pauses between chunks or sleeps out a
//! `Retry-After` must find the window moved, as it would on the service. Without a limit the
//! clock stays logical (one tick per change), so the answers of every run stay identical.

use std::sync::Mutex;
use std::time::Instant;

use zapi_communities::sim::Simulator;

/// When the clock was last moved.
#[derive(Debug)]
pub(crate) struct WallClock(Mutex<Instant>);

impl Default for WallClock {
    fn default() -> Self {
        Self(Mutex::new(Instant::now()))
    }
}

impl WallClock {
    /// Moves `simulator`'s clock by the whole seconds passed since the last call, when it limits
    /// adds; the fraction left carries over to the next call.
    pub(crate) fn follow(&self, simulator: &Simulator) {
        let mut last = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let seconds = last.elapsed().as_secs();
        if !simulator.has_add_limit() {
            *last = Instant::now();
            return;
        }
        if seconds > 0 {
            simulator.advance_clock(seconds);
            *last += std::time::Duration::from_secs(seconds);
        }
    }
}
