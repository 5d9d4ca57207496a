//! The client's knowledge as a JSON document, version 1 (`schemas/knowledge.v1.json`): what
//! [`Client::export_knowledge`] writes and [`Client::import_knowledge`] reads, so that worker
//! processes, or a restarted bot, start from what another process found out.
//!
//! ```json
//! {"version": 1,
//!  "communities": [{"id": "120363…", "announcementGroup": {"groupId": "120363…-group",
//!                   "name": "Rua das Flores", "source": "create_response"},
//!                   "groups": {"announcement": "120363…-group", "regular": ["120363…-group"]}}],
//!  "groupOwners": {"120363…-group": "120363…"}}
//! ```
//!
//! Communities and owners are written in id order, so the same knowledge is the same text.

use serde::{Deserialize, Serialize};

use super::Client;
use super::knowledge::{Entries, Knowledge, KnownCommunity};
use crate::api::CommunityGroups;
use crate::error::Error;
use crate::model::{AnnouncementGroup, AnnouncementSource, CommunityId, GroupId};

/// The version this library writes, and the only one it reads.
pub const KNOWLEDGE_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct File {
    version: u32,
    #[serde(default)]
    communities: Vec<CommunityEntry>,
    /// Group id to community id, in group id order, each group once (its last entry when a
    /// document repeats one, as a map reads it).
    #[serde(default, with = "owner_map")]
    group_owners: Vec<(String, String)>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CommunityEntry {
    id: String,
    #[serde(default)]
    announcement_group: Option<AnnouncementEntry>,
    #[serde(default)]
    groups: Option<GroupsEntry>,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct AnnouncementEntry {
    group_id: String,
    #[serde(default)]
    name: Option<String>,
    source: String,
}

#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct GroupsEntry {
    #[serde(default)]
    announcement: Option<String>,
    #[serde(default)]
    regular: Vec<String>,
}

impl Client {
    /// What the client knows (announcement groups, linked groups, which community owns which
    /// group, the community ids it has seen) as a versioned JSON document, for
    /// [`Client::import_knowledge`] in another process or after a restart. It holds ids and
    /// names, never a credential.
    pub fn export_knowledge(&self) -> String {
        let file = write(&self.knowledge());
        serde_json::to_string(&file).expect("the knowledge document is plain JSON")
    }

    /// Adds a document written by [`Client::export_knowledge`] to what the client knows; an
    /// entry for a community the client knows already replaces it. Everything is checked first:
    /// on error nothing changes.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `knowledge`: not JSON, a version other than
    /// [`KNOWLEDGE_VERSION`], an unknown field, or a bad id (the reason says where).
    pub fn import_knowledge(&self, json: &str) -> Result<(), Error> {
        let file: File = serde_json::from_str(json).map_err(|e| invalid(format!("not a knowledge document: {e}")))?;
        if file.version != KNOWLEDGE_VERSION {
            return Err(invalid(format!(
                "version {} is not one this library reads (it reads {KNOWLEDGE_VERSION})",
                file.version
            )));
        }
        let entries = read(file)?;
        self.knowledge().absorb(entries);
        Ok(())
    }
}

fn write(knowledge: &Knowledge) -> File {
    let (communities, owners) = knowledge.entries();
    let mut communities: Vec<CommunityEntry> = communities
        .into_iter()
        .map(|(id, known)| CommunityEntry {
            id: id.as_str().to_owned(),
            announcement_group: known.announcement.map(|a| AnnouncementEntry {
                group_id: a.group_id.as_str().to_owned(),
                name: a.name,
                source: a.source.as_str().to_owned(),
            }),
            groups: known.groups.map(|g| GroupsEntry {
                announcement: g.announcement.map(|a| a.as_str().to_owned()),
                regular: g.regular.iter().map(|r| r.as_str().to_owned()).collect(),
            }),
        })
        .collect();
    communities.sort_by(|a, b| a.id.cmp(&b.id));
    let group_owners =
        by_group(owners.into_iter().map(|(g, c)| (g.as_str().to_owned(), c.as_str().to_owned())).collect());
    File { version: KNOWLEDGE_VERSION, communities, group_owners }
}

fn read(file: File) -> Result<Entries, Error> {
    let mut communities = Vec::with_capacity(file.communities.len());
    for (i, entry) in file.communities.into_iter().enumerate() {
        let at = |part: &str| format!("communities[{i}]{part}");
        let id = community(&entry.id, &at(".id"))?;
        let announcement = match entry.announcement_group {
            Some(a) => Some(AnnouncementGroup {
                community_id: id.clone(),
                group_id: group(&a.group_id, &at(".announcementGroup.groupId"))?,
                name: a.name,
                source: AnnouncementSource::parse(&a.source)
                    .map_err(|e| invalid(format!("{}: {}", at(".announcementGroup.source"), e.into_reason())))?,
                from_cache: true,
            }),
            None => None,
        };
        let groups = match entry.groups {
            Some(g) => Some(CommunityGroups {
                announcement: g.announcement.as_deref().map(|a| group(a, &at(".groups.announcement"))).transpose()?,
                regular: g
                    .regular
                    .iter()
                    .enumerate()
                    .map(|(j, r)| group(r, &at(&format!(".groups.regular[{j}]"))))
                    .collect::<Result<_, _>>()?,
            }),
            None => None,
        };
        communities.push((id, KnownCommunity { announcement, groups }));
    }
    let owners = file
        .group_owners
        .iter()
        .map(|(g, c)| Ok((group(g, &format!("groupOwners key {g:?}"))?, community(c, &format!("groupOwners[{g:?}]"))?)))
        .collect::<Result<_, Error>>()?;
    Ok((communities, owners))
}

/// Sorts `owners` by group id and keeps each group's last entry.
fn by_group(mut owners: Vec<(String, String)>) -> Vec<(String, String)> {
    owners.reverse();
    // Stable, so of a repeated group the last entry (first after the reversal) leads, and stays.
    owners.sort_by(|a, b| a.0.cmp(&b.0));
    owners.dedup_by(|later, kept| later.0 == kept.0);
    owners
}

/// `groupOwners` as a JSON object, held as a sorted list: a `BTreeMap` would link the B-tree's
/// code into the wasm module for this one field.
mod owner_map {
    use std::fmt;

    use serde::de::{MapAccess, Visitor};
    use serde::{Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(owners: &[(String, String)], serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(owners.iter().map(|(group, community)| (group, community)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<(String, String)>, D::Error> {
        struct Owners;
        impl<'de> Visitor<'de> for Owners {
            type Value = Vec<(String, String)>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut owners = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    owners.push(entry);
                }
                Ok(super::by_group(owners))
            }
        }
        deserializer.deserialize_map(Owners)
    }
}

fn community(raw: &str, at: &str) -> Result<CommunityId, Error> {
    CommunityId::parse(raw).map_err(|e| invalid(format!("{at}: {}", e.into_reason())))
}

fn group(raw: &str, at: &str) -> Result<GroupId, Error> {
    GroupId::parse(raw).map_err(|e| invalid(format!("{at}: {}", e.into_reason())))
}

fn invalid(reason: String) -> Error {
    Error::validation("knowledge", reason)
}
