//! `GET /groups?page=&pageSize=`: the groups of the account, page by page
//! (developer.z-api.io/group/get-groups). Rows have the chat list's shape, with
//! `lastMessageTime` in milliseconds and no announcement groups.

use super::{Call, Endpoint, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::Chat;
use crate::wire::{response, shapes::WireChat};

/// One page (from 1) of the group list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListGroups {
    /// The page, from 1.
    pub page: u32,
    /// Groups per page (1–1000).
    pub page_size: u32,
}

impl Call for ListGroups {
    type Output = Vec<Chat>;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        validate::paging(self.page, self.page_size)?;
        let query = vec![("page".into(), self.page.to_string()), ("pageSize".into(), self.page_size.to_string())];
        Ok(endpoint.request(Method::Get, "/groups", query, None))
    }

    fn parse(&self, response: &HttpResponse) -> Result<Vec<Chat>, Error> {
        let body = response::success_body(response)?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        let rows: Option<Vec<WireChat>> = response::parse_json(body)?;
        Ok(rows.unwrap_or_default().into_iter().map(Chat::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn builds_and_reads_the_documented_page() {
        let call = ListGroups { page: 1, page_size: 2 };
        let r = call.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Get, "/groups"));
        assert_eq!(r.query, vec![("page".into(), "1".into()), ("pageSize".into(), "2".into())]);
        let body = r#"[{"isGroup":true,"name":"Grupo Z-API","phone":"120363019502650977-group","unread":"0",
            "lastMessageTime":"1622991687000","isMuted":"0","isMarkedSpam":"false","archived":"false","pinned":"false","messagesUnread":"0"}]"#;
        let groups = call.parse(&HttpResponse::new(200, body)).unwrap();
        assert_eq!(groups[0].group_id().unwrap().as_str(), "120363019502650977-group");
        assert_eq!(groups[0].last_message_time, Some(1_622_991_687_000));
        assert_eq!(ListGroups { page: 0, page_size: 2 }.build(&endpoint()).unwrap_err().field(), Some("page"));
    }
}
