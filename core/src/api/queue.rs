//! The message queue (developer.z-api.io/queue/introduction): `POST /queue` reads it a page at a
//! time, `DELETE /queue/{zaapId}` takes one message out, `DELETE /queue` all of them.

use serde::Serialize;

use super::{Call, Endpoint, json_body, seg, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::QueuePage;
use crate::wire::response;
use crate::wire::shapes::{WireQueuePage, WireQueuedMessage};

/// The most messages one page of the queue holds (developer.z-api.io/queue/post-queue).
pub const MAX_QUEUE_PAGE_SIZE: u32 = 30;

/// One page of the queue, oldest message first: the first page without `paging_state`, the next
/// with the `paging_state` the previous page returned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQueue {
    /// Messages per page (1–30); the service's default (20) when `None`.
    pub page_size: Option<u32>,
    /// The cursor a previous page returned.
    pub paging_state: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Body<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    page_size: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    paging_state: Option<&'a str>,
}

impl Call for ListQueue {
    type Output = QueuePage;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        if let Some(size) = self.page_size {
            validate::page_size(size, MAX_QUEUE_PAGE_SIZE)?;
        }
        if self.paging_state.as_deref().is_some_and(|s| s.trim().is_empty()) {
            return Err(Error::validation("paging_state", "must not be empty (leave it out for the first page)"));
        }
        // The first page is asked with `{}`, as documented, rather than with no body.
        let body = json_body(&Body { page_size: self.page_size, paging_state: self.paging_state.as_deref() });
        Ok(endpoint.request(Method::Post, "/queue", vec![], Some(body)))
    }

    /// A body of the list alone, as the older `GET /queue` answered
    /// (developer.z-api.io/queue/get-queue), is read as the last page.
    fn parse(&self, response: &HttpResponse) -> Result<QueuePage, Error> {
        let body = response::success_body(response)?;
        let page = match body.iter().find(|b| !b.is_ascii_whitespace()) {
            Some(b'[') => WireQueuePage::from_list(response::parse_json::<Vec<WireQueuedMessage>>(body)?),
            _ => response::object::<WireQueuePage>(body)?,
        };
        page.into_page()
    }
}

/// Takes one message out of the queue before it is sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeleteQueuedMessage {
    /// The message's Z-API id (`zaap_id` of the sent or queued message).
    pub zaap_id: String,
}

impl Call for DeleteQueuedMessage {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        // Letters, digits, `-` and `_` only (the documented ids are hex or ULID-like): the id is
        // a path segment, and `.` or `..` would be resolved away by every URL parser, sending
        // the DELETE to another route.
        let id = self.zaap_id.as_str();
        let allowed = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        if id.is_empty() || id.len() > 128 || !id.bytes().all(allowed) {
            return Err(Error::validation("zaap_id", format!("{id:?} is not a message id")));
        }
        Ok(endpoint.request(Method::Delete, format!("/queue/{}", seg(id)), vec![], None))
    }

    /// The docs give no 200 body; an empty body, `{"success":…}` or `{"value":…}` are all read.
    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

/// Empties the queue: none of its messages will be sent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ClearQueue;

impl Call for ClearQueue {
    type Output = ();

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        Ok(endpoint.request(Method::Delete, "/queue", vec![], None))
    }

    /// The docs give no 200 body; an empty body, `{"success":…}` or `{"value":…}` are all read.
    fn parse(&self, response: &HttpResponse) -> Result<(), Error> {
        response::ack(response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    /// The documented example (developer.z-api.io/queue/post-queue).
    const PAGE: &str = r#"{"messages":[{"DelayMessage":-1,"Message":"Mensagem teste",
        "InstanceId":"3E98XXXXXXXXXXXXXXXXXXXF5DDF","CreatedAt":"2026-03-31T14:40:31.776+00:00",
        "ZaapId":"019D44XXXXXXXXXXXXXXXXX68DA6","DelayTyping":0,"Created":1774968031776,"Beta":false,
        "IsTrial":false,"Phone":"120XXXXXXXXXXX305-group","_id":"019D44XXXXXXXXXXXXXXXXX68DA6",
        "MessageId":"ECFXXXXXXXXXXXXXX39"}],"pagingState":"eyJi...","hasMore":true}"#;

    #[test]
    fn lists_a_page_and_reads_the_documented_example() {
        let first = ListQueue::default().build(&endpoint()).unwrap();
        assert_eq!((first.method, &*first.path), (Method::Post, "/queue"));
        assert_eq!(body(&first), json!({}));
        let next = ListQueue { page_size: Some(30), paging_state: Some("eyJi...".into()) };
        assert_eq!(body(&next.build(&endpoint()).unwrap()), json!({"pageSize": 30, "pagingState": "eyJi..."}));

        let page = next.parse(&HttpResponse::new(200, PAGE)).unwrap();
        assert!(page.has_more);
        assert_eq!(page.paging_state.as_deref(), Some("eyJi..."));
        let m = &page.messages[0];
        assert_eq!(
            (m.zaap_id.as_str(), m.message_id.as_deref()),
            ("019D44XXXXXXXXXXXXXXXXX68DA6", Some("ECFXXXXXXXXXXXXXX39"))
        );
        assert_eq!((m.phone.as_str(), m.message.as_str()), ("120XXXXXXXXXXX305-group", "Mensagem teste"));
        assert_eq!((m.delay_message, m.delay_typing, m.created), (None, None, Some(1_774_968_031_776)));
    }

    #[test]
    fn reads_the_older_list_and_string_delays() {
        let body = r#"[{"_id":"39BB","DelayMessage":"5","Message":"oi","Phone":"5511999999999","DelayTyping":3}]"#;
        let page = ListQueue::default().parse(&HttpResponse::new(200, body)).unwrap();
        assert!(!page.has_more);
        assert_eq!(page.paging_state, None);
        assert_eq!((page.messages[0].zaap_id.as_str(), page.messages[0].delay_message), ("39BB", Some(5)));
        assert_eq!(page.messages[0].delay_typing, Some(3));
        let empty = ListQueue::default().parse(&HttpResponse::new(200, r#"{"messages":[],"hasMore":false}"#)).unwrap();
        assert!(empty.messages.is_empty());
        let nameless = ListQueue::default().parse(&HttpResponse::new(200, r#"{"messages":[{"Message":"x"}]}"#));
        assert!(matches!(nameless, Err(Error::Decode { .. })), "{nameless:?}");
    }

    #[test]
    fn refuses_bad_input_before_any_request() {
        for size in [0, 31] {
            let call = ListQueue { page_size: Some(size), paging_state: None };
            assert_eq!(call.build(&endpoint()).unwrap_err().field(), Some("page_size"));
        }
        let blank = ListQueue { page_size: None, paging_state: Some(" ".into()) };
        assert_eq!(blank.build(&endpoint()).unwrap_err().field(), Some("paging_state"));
        for id in ["", "has space", "new\nline", "..", ".", "a/b", "a?b"] {
            let call = DeleteQueuedMessage { zaap_id: id.into() };
            assert_eq!(call.build(&endpoint()).unwrap_err().field(), Some("zaap_id"), "{id:?}");
        }
    }

    #[test]
    fn deletes_one_message_or_all_of_them() {
        let one = DeleteQueuedMessage { zaap_id: "39BB1684570F00E91090F6BBC7EE7646".into() };
        let r = one.build(&endpoint()).unwrap();
        assert_eq!(
            (r.method, &*r.path, r.body.as_deref()),
            (Method::Delete, "/queue/39BB1684570F00E91090F6BBC7EE7646", None)
        );
        assert_eq!(one.parse(&HttpResponse::new(200, "")), Ok(()));
        let all = ClearQueue.build(&endpoint()).unwrap();
        assert_eq!((all.method, &*all.path), (Method::Delete, "/queue"));
        assert_eq!(ClearQueue.parse(&HttpResponse::new(200, r#"{"value":true}"#)), Ok(()));
    }
}
