//! [`CommunitySpec`]: the community a user wants, as data (`schemas/community-spec.v1.json`).

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::model::{GroupId, Phone, Photo, WhoCanAddGroups};

/// The version of the spec document this library reads (its `version` field may be left out).
pub const SPEC_VERSION: u32 = 1;

/// The most groups a community holds (developer.z-api.io/communities/link-groups).
const MAX_GROUPS: usize = 50;

/// A community as it should be. Left-out parts are left as they are: `description: None` keeps
/// the current description, `members: None` manages no members; a list given is the whole list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CommunitySpec {
    /// The document version, [`SPEC_VERSION`] when left out.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub version: Option<u32>,
    /// The community's name: how it is found among the account's communities.
    pub name: String,
    /// Its description.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub description: Option<String>,
    /// Its photo (an http(s) URL or a base64 data URI), set when the plan creates the community:
    /// the service does not report a community's photo, so an existing one cannot be compared.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub photo: Option<String>,
    /// Its settings, set when the plan creates the community (the service does not report them).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub settings: Option<CommunitySettingsSpec>,
    /// The regular groups linked to it, matched by name. Linked groups not listed are unlinked,
    /// except the last one (a community keeps at least one).
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub groups: Vec<GroupSpec>,
    /// The community's admins (admins of its announcement group), besides its creator. Each must
    /// be a member of one of its groups.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub admins: Option<Vec<String>>,
}

/// The community settings a spec can declare.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CommunitySettingsSpec {
    /// Who may add groups to the community.
    pub who_can_add_new_groups: WhoCanAddGroups,
}

/// A group of the community as it should be.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, get_all, eq, from_py_object, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct GroupSpec {
    /// The group's name: how it is found when it has no `id` (linked to the community, else
    /// among the account's groups that belong to no community), and the name it gets.
    pub name: String,
    /// The group's id (`120363…-group`): when given, the group is found by it rather than by its
    /// name, and renamed to `name` if its name differs.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub id: Option<String>,
    /// Everyone who should be in it besides the account itself (admins are members too); `None`
    /// leaves the members of an existing group alone.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub members: Option<Vec<String>>,
    /// Its admins besides its creator; `None` leaves them alone.
    #[serde(default)]
    #[cfg_attr(feature = "uniffi", uniffi(default))]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub admins: Option<Vec<String>>,
}

/// A spec whose every value was checked: names trimmed, numbers normalised, repeats dropped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidSpec {
    /// The community's name.
    pub name: String,
    /// Its description.
    pub description: Option<String>,
    /// Its photo.
    pub photo: Option<Photo>,
    /// Who may add groups.
    pub who_can_add_new_groups: Option<WhoCanAddGroups>,
    /// Its groups, names unique.
    pub groups: Vec<ValidGroup>,
    /// Its admins.
    pub admins: Option<Vec<Phone>>,
}

/// A checked [`GroupSpec`]: `members` includes the admins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ValidGroup {
    /// Its id, when the spec gives one.
    pub id: Option<GroupId>,
    /// The group's name.
    pub name: String,
    /// Everyone who should be in it.
    pub members: Option<Vec<Phone>>,
    /// Its admins.
    pub admins: Option<Vec<Phone>>,
}

impl CommunitySpec {
    /// Reads a spec document (JSON text).
    ///
    /// # Errors
    /// [`Error::Validation`] naming `spec`, with serde's position in the reason.
    pub fn from_json(json: &str) -> Result<Self, Error> {
        serde_json::from_str(json).map_err(|e| Error::validation("spec", e.to_string()))
    }

    /// The spec as its JSON document.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks every value, naming the first bad one by its path (`groups[1].members[3]`).
    ///
    /// # Errors
    /// [`Error::Validation`] naming the field.
    pub fn validate(&self) -> Result<ValidSpec, Error> {
        if let Some(version) = self.version.filter(|v| *v != SPEC_VERSION) {
            return Err(Error::validation("version", format!("must be {SPEC_VERSION}, got {version}")));
        }
        let name = required_name("name", &self.name)?;
        let photo = self.photo.as_deref().map(Photo::parse).transpose()?;
        if self.groups.len() > MAX_GROUPS {
            return Err(Error::validation("groups", format!("a community holds at most {MAX_GROUPS} groups")));
        }
        let mut names = HashSet::new();
        let mut ids = HashSet::new();
        let mut groups = Vec::with_capacity(self.groups.len());
        for (i, group) in self.groups.iter().enumerate() {
            let name = required_name(&format!("groups[{i}].name"), &group.name)?;
            if !names.insert(name.clone()) {
                return Err(Error::validation(format!("groups[{i}].name"), format!("{name:?} is listed twice")));
            }
            let field = format!("groups[{i}].id");
            let id = group.id.as_deref().map(|id| GroupId::parse_field(id, &field)).transpose()?;
            if let Some(id) = id.as_ref().filter(|id| !ids.insert((*id).clone())) {
                return Err(Error::validation(field, format!("{} is listed twice", id.as_str())));
            }
            let admins = phones(&format!("groups[{i}].admins"), group.admins.as_deref())?;
            let mut members = phones(&format!("groups[{i}].members"), group.members.as_deref())?;
            if let (Some(members), Some(admins)) = (members.as_mut(), admins.as_ref()) {
                for admin in admins {
                    if !members.contains(admin) {
                        members.push(admin.clone());
                    }
                }
            }
            groups.push(ValidGroup { id, name, members, admins });
        }
        Ok(ValidSpec {
            name,
            description: self.description.as_ref().map(|d| d.trim().to_owned()),
            photo,
            who_can_add_new_groups: self.settings.as_ref().map(|s| s.who_can_add_new_groups),
            groups,
            admins: phones("admins", self.admins.as_deref())?,
        })
    }
}

fn required_name(field: &str, raw: &str) -> Result<String, Error> {
    let name = raw.trim();
    if name.is_empty() {
        return Err(Error::validation(field, "must not be empty"));
    }
    Ok(name.to_owned())
}

/// Each number normalised, repeats dropped, the first bad one named with its index.
fn phones(field: &str, raw: Option<&[String]>) -> Result<Option<Vec<Phone>>, Error> {
    let Some(raw) = raw else { return Ok(None) };
    let mut out: Vec<Phone> = Vec::with_capacity(raw.len());
    for (i, entry) in raw.iter().enumerate() {
        let phone = Phone::parse_field(entry, &format!("{field}[{i}]"))?;
        if !out.contains(&phone) {
            out.push(phone);
        }
    }
    Ok(Some(out))
}
