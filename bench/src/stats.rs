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

/// The two sides of a figure measured round by round: ours and the alternative, taken in the
/// same rounds.
#[derive(Debug, Default)]
pub struct Pair {
    ours: Vec<f64>,
    theirs: Vec<f64>,
}

impl Pair {
    /// Records one round of each side (any unit, the same for both).
    pub fn push(&mut self, ours: f64, theirs: f64) {
        self.ours.push(ours);
        self.theirs.push(theirs);
    }

    /// Our side over the rounds.
    pub fn ours(&self) -> Summary {
        Summary::of(self.ours.clone())
    }

    /// The alternative over the rounds.
    pub fn theirs(&self) -> Summary {
        Summary::of(self.theirs.clone())
    }

    /// The rounds' ratios, ours ÷ theirs: each round's sides ran under the same conditions, so
    /// the median of these is steadier than the ratio of two medians taken from different
    /// rounds.
    pub fn ratios(&self) -> Summary {
        Summary::of(self.ours.iter().zip(&self.theirs).map(|(a, b)| a / b).collect())
    }
}

/// `median× (min–max)` of per-round ratios, turned over (theirs ÷ ours) when `inverse`: the
/// time ratio of two rates.
pub fn show_ratio(ratios: Summary, inverse: bool) -> String {
    if inverse {
        format!("{:.2}× ({:.2}–{:.2})", 1.0 / ratios.median, 1.0 / ratios.max, 1.0 / ratios.min)
    } else {
        format!("{:.2}× ({:.2}–{:.2})", ratios.median, ratios.min, ratios.max)
    }
}
