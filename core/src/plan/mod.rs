//! Plan and apply: a community described as data ([`CommunitySpec`]), compared with what the
//! service reports into a typed [`Plan`] of changes, each with its reason, and applied in a safe
//! order. The comparison is sans-IO ([`diff`]); reading the state and applying live on the client.

mod change;
mod diff;
mod spec;

pub use change::{ApplyOutcome, Plan, PlanChange, PlanStep, PlannedGroup, StepOutcome, StepStatus};
pub use diff::{CurrentCommunity, CurrentGroup, CurrentState, diff};
pub use spec::{CommunitySettingsSpec, CommunitySpec, GroupSpec, SPEC_VERSION, ValidSpec};

#[cfg(test)]
mod tests;
