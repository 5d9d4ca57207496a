//! Median and spread of repeated measurements.

use std::time::Duration;

/// Summary of several timed rounds.
#[derive(Debug, Clone, Copy)]
pub struct Summary {
    /// Median of the rounds.
    pub median: f64,
    /// Lowest round.
    pub min: f64,
    /// Highest round.
    pub max: f64,
}

impl Summary {
    /// Summarises per-round values (any unit).
    pub fn of(mut values: Vec<f64>) -> Self {
        values.sort_by(f64::total_cmp);
        let n = values.len();
        let median = if n % 2 == 1 { values[n / 2] } else { (values[n / 2 - 1] + values[n / 2]) / 2.0 };
        Self { median, min: values[0], max: values[n - 1] }
    }

    /// `median (min–max)` with `unit`.
    pub fn show(&self, unit: &str) -> String {
        format!("{:.1} {unit} ({:.1}–{:.1})", self.median, self.min, self.max)
    }
}

/// Microseconds per operation for `ops` operations done in `elapsed`.
pub fn micros_per_op(elapsed: Duration, ops: usize) -> f64 {
    elapsed.as_secs_f64() * 1e6 / ops as f64
}
