//! [`BulkProgress`]: how far a bulk call has got, told after each chunk.

use serde::Serialize;

use super::NumberOutcome;

/// How far a bulk call has got, after a chunk.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub struct BulkProgress {
    /// Numbers with an outcome so far, those already done before the call included.
    pub settled: u32,
    /// Numbers in the call, repeats dropped.
    pub total: u32,
    /// Chunks sent so far.
    pub chunks_sent: u32,
    /// Chunks to send in all.
    pub chunks: u32,
    /// The outcomes of the chunk just sent.
    pub latest: Vec<NumberOutcome>,
}

/// What a bulk call tells its progress to; called after each chunk, on the task running the call.
/// Native bindings run calls on a thread pool, so there it must be `Send + Sync`.
#[cfg(not(target_family = "wasm"))]
pub type BulkProgressFn<'a> = dyn Fn(&BulkProgress) + Send + Sync + 'a;

/// What a bulk call tells its progress to; called after each chunk. The wasm module runs on one
/// thread, so a JS function (neither `Send` nor `Sync`) can be one.
#[cfg(target_family = "wasm")]
pub type BulkProgressFn<'a> = dyn Fn(&BulkProgress) + 'a;
