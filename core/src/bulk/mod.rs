//! The sans-IO half of bulk membership changes (adding, removing, promoting or demoting any
//! number of people): reading the list before anything is sent, cutting it into chunks, and
//! telling each number's outcome from the group's members before and after.
//!
//! The service answers a participant call with `{"value": true}` whatever happened to each number
//! (developer.z-api.io/group/add-participant), so an outcome cannot come from the answer: it comes
//! from reading the group's metadata (for a community, its announcement group's) before the first
//! chunk and after each one. The client that drives these pieces counts those reads.

mod input;
mod options;
mod outcome;
mod progress;

pub use input::{BulkInput, MAX_LISTED_INVALID};
pub use options::BulkOptions;
pub use outcome::{BulkOutcome, BulkStatus, MemberChange, Members, NumberOutcome, classify};
pub use progress::{BulkProgress, BulkProgressFn};

#[cfg(test)]
mod tests;
