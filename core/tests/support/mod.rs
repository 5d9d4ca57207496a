//! Shared by the integration tests: a scripted transport and a dispatcher that runs a call named
//! in a vector through the client.

#![allow(dead_code)] // each test file uses part of it

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::Value;
use zapi_communities::api::validate::{parse_group_ids, parse_group_mentions, parse_phones};
use zapi_communities::api::{Endpoint, MemberTarget, SendText};
use zapi_communities::{
    BoxFuture, Client, CommunityId, Error, GroupAddPrivacy, GroupId, GroupSettings, HttpRequest, HttpResponse,
    InviteLink, Photo, RetryPolicy, SendOptions, Transport, TransportError, WebhookKind, WhoCanAddGroups,
};

/// Answers by `"METHOD path?query"`, else with `fallback`; remembers every request.
#[derive(Default)]
pub struct Scripted {
    pub answers: Mutex<HashMap<String, HttpResponse>>,
    pub fallback: Mutex<Option<HttpResponse>>,
    pub seen: Mutex<Vec<HttpRequest>>,
}

pub fn key(request: &HttpRequest) -> String {
    let mut key = format!("{} {}", request.method, request.path);
    for (i, (k, v)) in request.query.iter().enumerate() {
        key.push(if i == 0 { '?' } else { '&' });
        key.push_str(&format!("{k}={v}"));
    }
    key
}

impl Transport for Scripted {
    fn send<'a>(
        &'a self,
        request: &'a HttpRequest,
        _: SendOptions,
    ) -> BoxFuture<'a, Result<HttpResponse, TransportError>> {
        let answer = self
            .answers
            .lock()
            .unwrap()
            .get(&key(request))
            .cloned()
            .or_else(|| self.fallback.lock().unwrap().clone())
            .unwrap_or_else(|| HttpResponse::new(404, r#"{"error":"not scripted"}"#));
        self.seen.lock().unwrap().push(request.clone());
        Box::pin(async move { Ok(answer) })
    }

    fn sleep(&self, _: Duration) -> BoxFuture<'_, ()> {
        Box::pin(async {})
    }
}

pub const CLIENT_TOKEN: &str = "vector-client-token";

pub fn scripted_client() -> (Arc<Scripted>, Client) {
    let transport = Arc::new(Scripted::default());
    let endpoint = Endpoint::new("VECTOR-INSTANCE", "vector-token").unwrap().with_client_token(CLIENT_TOKEN);
    let client = Client::builder(endpoint).transport(transport.clone()).retry(RetryPolicy::none()).build().unwrap();
    (transport, client)
}

fn text<'a>(args: &'a Value, key: &str) -> &'a str {
    args[key].as_str().unwrap_or("")
}

fn list(args: &Value, key: &str) -> Vec<String> {
    args[key].as_array().map(|a| a.iter().map(|v| v.as_str().unwrap_or("").to_owned()).collect()).unwrap_or_default()
}

fn number(args: &Value, key: &str) -> Option<u32> {
    args[key].as_u64().map(|n| n as u32)
}

fn flag(args: &Value, key: &str) -> bool {
    args[key].as_bool().unwrap_or(false)
}

fn to_json<T: serde::Serialize>(value: T) -> Value {
    serde_json::to_value(value).unwrap()
}

/// Runs `call` with `args` (snake_case, as in tests/vectors) through the client, returning the
/// result in its camelCase JSON shape. Raw strings are parsed with the same field names the
/// bindings use.
pub async fn dispatch(client: &Client, call: &str, args: &Value) -> Result<Value, Error> {
    let community = || CommunityId::parse_field(text(args, "community_id"), "community_id");
    let group = || GroupId::parse_field(text(args, "group_id"), "group_id");
    let phones = || parse_phones("phones", &list(args, "phones"));
    let target = || MemberTarget::parse(text(args, "target"), "target");
    let page = || (number(args, "page").unwrap_or(1), number(args, "page_size").unwrap_or(1));
    Ok(match call {
        "create_community" => to_json(client.create_community(text(args, "name"), args["description"].as_str()).await?),
        "list_communities" => to_json(client.list_communities(page().0, page().1).await?),
        "community_metadata" => to_json(client.community_metadata(&community()?).await?),
        "link_groups" => {
            to_json(client.link_groups(&community()?, &parse_group_ids("group_ids", &list(args, "group_ids"))?).await?)
        }
        "unlink_groups" => to_json(
            client.unlink_groups(&community()?, &parse_group_ids("group_ids", &list(args, "group_ids"))?).await?,
        ),
        "deactivate_community" => to_json(client.deactivate_community(&community()?).await?),
        "update_community_settings" => {
            let who = WhoCanAddGroups::parse(text(args, "who_can_add_new_groups"))?;
            to_json(client.update_community_settings(&community()?, who).await?)
        }
        "update_community_description" => {
            to_json(client.update_community_description(&community()?, text(args, "description")).await?)
        }
        "update_community_photo" => {
            let photo = Photo::parse(text(args, "photo"))?;
            to_json(client.update_community_photo(&community()?, &photo).await?)
        }
        "add_participants" => to_json(client.add_participants(target()?, &phones()?, flag(args, "auto_invite")).await?),
        "remove_participants" => to_json(client.remove_participants(target()?, &phones()?).await?),
        "add_admins" => to_json(client.add_admins(target()?, &phones()?).await?),
        "remove_admins" => to_json(client.remove_admins(target()?, &phones()?).await?),
        "redefine_invitation_link" => to_json(client.redefine_invitation_link(target()?).await?),
        "group_invitation_link" => to_json(client.group_invitation_link(&group()?).await?),
        "create_group" => {
            to_json(client.create_group(text(args, "name"), &phones()?, flag(args, "auto_invite")).await?)
        }
        "list_chats" => to_json(client.list_chats(page().0, page().1).await?),
        "group_metadata" => to_json(client.group_metadata(&group()?).await?),
        "update_group_settings" => {
            let settings = GroupSettings {
                admin_only_message: flag(args, "admin_only_message"),
                admin_only_settings: flag(args, "admin_only_settings"),
                require_admin_approval: flag(args, "require_admin_approval"),
                admin_only_add_member: flag(args, "admin_only_add_member"),
            };
            to_json(client.update_group_settings(&group()?, settings).await?)
        }
        "send_text" => {
            let mut call = SendText::new(client.recipient(text(args, "to"))?, text(args, "message"));
            call.delay_message = number(args, "delay_message");
            call.delay_typing = number(args, "delay_typing");
            call.edit_message_id = args["edit_message_id"].as_str().map(str::to_owned);
            call.mentioned = parse_phones("mentioned", &list(args, "mentioned"))?;
            if let Some(mentions) = args["group_mentioned"].as_array() {
                call.group_mentioned = parse_group_mentions(
                    mentions.iter().map(|m| (text(m, "group_id"), text(m, "subject").to_owned())),
                )?;
            }
            to_json(client.send_text(&call).await?)
        }
        "resolve_announcement_group" => to_json(match args["source"].as_str() {
            Some(source) => {
                let source = zapi_communities::AnnouncementSource::parse(source)?;
                client.resolve_announcement_group_from(&community()?, source).await?
            }
            None => client.resolve_announcement_group(&community()?).await?,
        }),
        "invalidate" => {
            client.invalidate(&community()?);
            Value::Null
        }
        "announce" => {
            let options = zapi_communities::AnnounceOptions {
                delay_message: number(args, "delay_message"),
                delay_typing: number(args, "delay_typing"),
                ..Default::default()
            };
            to_json(client.announce(&community()?, text(args, "text"), options).await?)
        }
        "community_invitation_link" => to_json(client.community_invitation_link(&community()?).await?),
        "approve_participants" => to_json(client.approve_participants(&group()?, &phones()?).await?),
        "reject_participants" => to_json(client.reject_participants(&group()?, &phones()?).await?),
        "leave_group" => to_json(client.leave_group(&group()?).await?),
        "list_queue" => to_json(client.list_queue(args["paging_state"].as_str(), number(args, "page_size")).await?),
        "queued_messages" => to_json(client.queued_messages().await?),
        "delete_queued_message" => to_json(client.delete_queued_message(text(args, "zaap_id")).await?),
        "clear_queue" => to_json(client.clear_queue().await?),
        "update_group_name" => to_json(client.update_group_name(&group()?, text(args, "name")).await?),
        "update_group_description" => {
            to_json(client.update_group_description(&group()?, text(args, "description")).await?)
        }
        "update_group_photo" => {
            to_json(client.update_group_photo(&group()?, &Photo::parse(text(args, "photo"))?).await?)
        }
        "accept_group_invite" => to_json(client.accept_group_invite(&InviteLink::parse(text(args, "link"))?).await?),
        "group_invitation_metadata" => {
            to_json(client.group_invitation_metadata(&InviteLink::parse(text(args, "link"))?).await?)
        }
        "list_groups" => to_json(client.list_groups(page().0, page().1).await?),
        "light_group_metadata" => to_json(client.light_group_metadata(&group()?).await?),
        "community_members" => to_json(client.community_members(&community()?).await?),
        "community_of" => to_json(client.community_of(&group()?).await?),
        "community_context" => to_json(client.community_context(&group()?).await?),
        "set_group_add_privacy" => {
            let who = GroupAddPrivacy::parse_field(text(args, "who"), "who")?;
            let add = parse_phones("blacklist_add", &list(args, "blacklist_add"))?;
            let remove = parse_phones("blacklist_remove", &list(args, "blacklist_remove"))?;
            to_json(client.set_group_add_privacy(who, &add, &remove).await?)
        }
        "group_add_privacy" => to_json(client.group_add_privacy().await?),
        "set_webhook" => {
            let kind = WebhookKind::parse_field(text(args, "kind"), "kind")?;
            to_json(client.set_webhook(kind, text(args, "url")).await?)
        }
        "set_every_webhook" => {
            to_json(client.set_every_webhook(text(args, "url"), args["notify_sent_by_me"].as_bool()).await?)
        }
        "set_notify_sent_by_me" => to_json(client.set_notify_sent_by_me(flag(args, "enabled")).await?),
        other => panic!("unknown call {other}"),
    })
}

/// An error in the vectors' JSON shape: the core's serde shape of it, `{"kind": …, fields}`.
/// An error in its shared shape (`tests/vectors/errors.json`), checked to carry exactly the
/// fields that file declares for its kind, so every error a test sees proves the shape.
pub fn error_json(error: &Error) -> Value {
    let json = serde_json::to_value(error).expect("an error serialises");
    let kind = json["kind"].as_str().expect("an error has a kind");
    let mut keys: Vec<&str> = json.as_object().unwrap().keys().map(String::as_str).filter(|k| *k != "kind").collect();
    keys.sort_unstable();
    let mut want: Vec<&str> = error_kinds()[kind].as_array().unwrap().iter().map(|f| f.as_str().unwrap()).collect();
    want.sort_unstable();
    assert_eq!(keys, want, "the fields of a {kind} error");
    json
}

/// `kinds` of `tests/vectors/errors.json`: each error kind's fields, camelCase.
pub fn error_kinds() -> &'static serde_json::Map<String, Value> {
    static KINDS: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    KINDS
        .get_or_init(|| {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/vectors/errors.json");
            let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
            file["kinds"].clone()
        })
        .as_object()
        .unwrap()
}

/// Whether every key of `expected` has the same value in `actual`.
pub fn matches_subset(expected: &Value, actual: &Value) -> bool {
    expected.as_object().is_some_and(|e| e.iter().all(|(k, v)| actual.get(k) == Some(v)))
}
