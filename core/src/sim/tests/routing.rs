use serde_json::json;

use super::*;
use crate::sim::Simulator;

#[test]
fn unknown_route_is_404() {
    let sim = Simulator::demo();
    send(&sim, get("/communities/a/b")).refused(404, "route not found");
    send(&sim, get("/nope")).refused(404, "route not found");
    send(&sim, get("/")).refused(404, "route not found");
}

#[test]
fn wrong_method_is_405_with_allow() {
    let sim = Simulator::demo();
    let cases = [
        (get("/communities/link"), "POST"),
        (delete("/communities/unlink"), "POST"),
        (get("/communities/120363000000000001"), "DELETE"),
        (post("/group-metadata/1-group", json!({})), "GET"),
        (delete("/send-text"), "POST"),
        (delete("/communities"), "POST, GET"),
    ];
    for (r, allow) in cases {
        let answer = send(&sim, r);
        answer.refused(405, "method not allowed");
        assert_eq!(answer.response.header("Allow"), Some(allow));
    }
}

#[test]
fn json_body_without_content_type_is_415() {
    let sim = Simulator::demo();
    let mut r = post("/communities", json!({ "name": "X" }));
    r.headers.retain(|(k, _)| k != "Content-Type");
    send(&sim, r).refused(415, "Content-Type: application/json");
    let mut r = post("/communities", json!({ "name": "X" }));
    r.headers.push(("Content-Type".into(), "text/plain".into()));
    r.headers.retain(|(k, v)| !(k == "Content-Type" && v == "application/json"));
    send(&sim, r).refused(415, "application/json");
    assert!(sim.state().communities.is_empty(), "a 415 must not create anything");
}

#[test]
fn content_type_with_charset_is_accepted() {
    let sim = Simulator::demo();
    let mut r = post("/communities", json!({ "name": "X" }));
    r.headers.retain(|(k, _)| k != "Content-Type");
    r.headers.push(("content-type".into(), "Application/JSON; charset=utf-8".into()));
    assert_eq!(send(&sim, r).status, 200);
}

#[test]
fn malformed_bodies_are_400() {
    let sim = Simulator::demo();
    let mut r = post("/communities", json!({}));
    r.body = Some("{\"name\": ".into());
    send(&sim, r).refused(400, "not valid JSON");
    send(&sim, post("/communities", json!(["name"]))).refused(400, "must be a JSON object");
    let mut r = post("/communities", json!({}));
    r.body = None;
    send(&sim, r).refused(400, "a JSON body is required");
    send(&sim, post("/communities", json!({ "name": 7 }))).refused(400, "name must be a string");
}

#[test]
fn path_parameters_are_percent_decoded_and_trailing_slash_ignored() {
    let sim = Simulator::demo();
    let group = new_group(&sim, "G", &["5511911111111"]);
    let encoded = group.replace('-', "%2D");
    assert_eq!(send(&sim, get(&format!("/group-metadata/{encoded}"))).ok()["phone"], json!(group));
    assert_eq!(send(&sim, get_page("/chats/", "1", "5")).status, 200);
    send(&sim, get("/group-metadata/%FF")).refused(400, "UTF-8");
}

#[test]
fn odd_bodies_never_crash_any_route() {
    let sim = Simulator::demo();
    let (id, announcement, group) = community_with_group(&sim, &["5511911111111"]);
    let routes = [
        "/communities",
        "/communities/link",
        "/communities/unlink",
        "/communities/settings",
        "/add-participant",
        "/remove-participant",
        "/add-admin",
        "/remove-admin",
        "/update-community-description",
        "/update-community-photo",
        "/create-group",
        "/update-group-settings",
        "/send-text",
    ];
    let bodies = [
        json!(null),
        json!(7),
        json!("text"),
        json!([]),
        json!({}),
        json!({ "communityId": 5, "groupId": [], "phones": {}, "groupsPhones": [null], "phone": false }),
        json!({ "communityId": id, "groupsPhones": [group, announcement, ""], "phones": ["1", 2, null] }),
        json!({ "name": { "nested": true }, "groupName": "", "message": [], "delayMessage": 1e300 }),
        json!({ "phone": group, "message": "m", "groupMentioned": [7, null, { "phone": 1, "subject": [] }], "mentioned": [{}] }),
    ];
    for route in routes {
        for body in &bodies {
            let answer = send(&sim, post(route, body.clone()));
            assert!(answer.status == 200 || (400..500).contains(&answer.status), "{route} {body} → {}", answer.status);
            if answer.status != 200 {
                assert!(answer.json["error"].is_string(), "{route} {body} → {}", answer.json);
            }
        }
    }
}
