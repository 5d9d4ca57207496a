//! [`BulkProgressListener`]: a bulk call's progress, told to Kotlin or Swift after each chunk.

use std::sync::Arc;

use zapi_communities::bulk::{BulkProgress, BulkProgressFn};

/// Told how far a bulk call has got, after each chunk; implement it in Kotlin or Swift and pass
/// it as a bulk call's `progress`. It is called on the thread running the call, so it should
/// return quickly (post to the main thread to update a UI).
#[uniffi::export(with_foreign)]
pub trait BulkProgressListener: Send + Sync {
    /// Called after each chunk with how far the call has got.
    fn on_progress(&self, progress: BulkProgress);
}

/// The listener as the core's progress function.
pub(crate) fn progress_fn(listener: Option<Arc<dyn BulkProgressListener>>) -> Option<Box<BulkProgressFn<'static>>> {
    listener.map(|l| Box::new(move |p: &BulkProgress| l.on_progress(p.clone())) as Box<BulkProgressFn<'static>>)
}
