//! Python's side of plan/apply: keyword constructors for the spec types (the structs Python
//! builds), `kind` on a change, and the JSON text of a plan and an outcome (for `--json`).

use pyo3::prelude::*;

use super::python::dataclass_repr;
use crate::plan::{ApplyOutcome, CommunitySettingsSpec, CommunitySpec, GroupSpec, Plan, PlanChange};

#[pymethods]
impl CommunitySpec {
    /// A community as it should be; every part but the name may be left out (it is then left as
    /// it is). Checked by ``plan``, which names the first bad field.
    #[new]
    #[pyo3(signature = (name, *, description = None, photo = None, settings = None, groups = Vec::new(), admins = None))]
    fn py_new(
        name: String,
        description: Option<String>,
        photo: Option<String>,
        settings: Option<CommunitySettingsSpec>,
        groups: Vec<GroupSpec>,
        admins: Option<Vec<String>>,
    ) -> Self {
        Self { version: None, name, description, photo, settings, groups, admins }
    }

    /// The spec as its JSON document.
    #[pyo3(name = "to_json")]
    fn py_to_json(&self) -> String {
        self.to_json()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let CommunitySpec { version: _, name: _, description: _, photo: _, settings: _, groups: _, admins: _ } =
            slf.get();
        dataclass_repr(slf.as_any(), "CommunitySpec", &["name", "description", "photo", "settings", "groups", "admins"])
    }
}

#[pymethods]
impl GroupSpec {
    /// A group of the community as it should be: ``members`` (admins are members too) and
    /// ``admins`` left out are left as they are; with ``id``, the group is found by it and
    /// renamed to ``name`` if its name differs.
    #[new]
    #[pyo3(signature = (name, *, id = None, members = None, admins = None))]
    fn py_new(name: String, id: Option<String>, members: Option<Vec<String>>, admins: Option<Vec<String>>) -> Self {
        Self { id, name, members, admins }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let GroupSpec { id: _, name: _, members: _, admins: _ } = slf.get();
        dataclass_repr(slf.as_any(), "GroupSpec", &["name", "id", "members", "admins"])
    }
}

#[pymethods]
impl CommunitySettingsSpec {
    /// The community settings a spec declares.
    #[new]
    #[pyo3(signature = (*, who_can_add_new_groups))]
    fn py_new(who_can_add_new_groups: crate::model::WhoCanAddGroups) -> Self {
        Self { who_can_add_new_groups }
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let CommunitySettingsSpec { who_can_add_new_groups: _ } = slf.get();
        dataclass_repr(slf.as_any(), "CommunitySettingsSpec", &["who_can_add_new_groups"])
    }
}

#[pymethods]
impl PlanChange {
    /// The change's stable name shared by every language (`create_community`, `link_groups`, …).
    #[getter]
    fn kind(&self) -> &'static str {
        self.kind_name()
    }
}

#[pymethods]
impl Plan {
    /// Whether the community already matches its spec.
    fn __bool__(&self) -> bool {
        !self.is_empty()
    }

    fn __len__(&self) -> usize {
        self.steps.len()
    }

    /// The plan as JSON text.
    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let Plan { community_name: _, community_id: _, linked_groups: _, steps: _, notes: _ } = slf.get();
        dataclass_repr(slf.as_any(), "Plan", &["community_name", "community_id", "linked_groups", "steps", "notes"])
    }
}

#[pymethods]
impl ApplyOutcome {
    /// The outcome as JSON text.
    fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    fn __repr__(slf: &Bound<'_, Self>) -> PyResult<String> {
        let ApplyOutcome { steps: _, complete: _, dry_run: _, community_id: _, requests: _ } = slf.get();
        dataclass_repr(slf.as_any(), "ApplyOutcome", &["steps", "complete", "dry_run", "community_id", "requests"])
    }
}
