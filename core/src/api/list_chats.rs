//! `GET /chats?page=&pageSize=` — the chat list (developer.z-api.io/chats/get-chats).

use super::{Call, Endpoint, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::{Chat, GroupId};
use crate::wire::shapes::{WireChat, WireChatProbe};
use crate::wire::{chat_scan, response};

/// Lists chats, one page at a time. Both paging parameters are required on this route.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ListChats {
    /// The page, from 1.
    pub page: u32,
    /// Chats per page.
    pub page_size: u32,
}

impl ListChats {
    /// Only the announcement groups of a chat-list response, without building every [`Chat`]:
    /// the scan borrows from the body and reads two fields per chat, which keeps a
    /// 100,000-chat page cheap.
    ///
    /// # Errors
    /// As for [`Call::parse`].
    pub fn announcement_groups(response: &HttpResponse) -> Result<Vec<GroupId>, Error> {
        Self::scan_announcement_groups(response).map(|(groups, _)| groups)
    }

    /// [`ListChats::announcement_groups`] over the raw body of a successful chat-list response,
    /// for callers who fetched it themselves (or read a stored copy): no status to check, and
    /// the body is borrowed, never copied.
    ///
    /// ```
    /// use zapi_communities::api::ListChats;
    /// let body = br#"[{"phone":"120363019502650977-group","isGroupAnnouncement":true},
    ///                 {"phone":"5511999999999","isGroupAnnouncement":false}]"#;
    /// let found = ListChats::announcement_groups_in_body(body)?;
    /// assert_eq!(found.len(), 1);
    /// assert_eq!(found[0].as_str(), "120363019502650977-group");
    /// # Ok::<(), zapi_communities::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Api`] for an `{"error": …}` body, [`Error::Decode`] for one that is not a chat list.
    pub fn announcement_groups_in_body(body: &[u8]) -> Result<Vec<GroupId>, Error> {
        if let Some(message) = response::error_field(body) {
            return Err(Error::Api { status: 200, detail: message });
        }
        Self::scan_body(body).map(|(groups, _)| groups)
    }

    /// The announcement groups and the number of chats on the page (to know whether it was the
    /// last one).
    pub(crate) fn scan_announcement_groups(response: &HttpResponse) -> Result<(Vec<GroupId>, usize), Error> {
        Self::scan_body(response::success_body(response)?)
    }

    fn scan_body(body: &[u8]) -> Result<(Vec<GroupId>, usize), Error> {
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok((Vec::new(), 0));
        }
        if let Some((phones, rows)) = chat_scan::announcement_phones(body) {
            return Ok((phones.into_iter().filter_map(|phone| GroupId::parse(phone).ok()).collect(), rows));
        }
        // Not a list the fast pass reads exactly: the serde readers decide.
        let probes: Vec<WireChatProbe<'_>> = match serde_json::from_slice::<Option<Vec<WireChatProbe<'_>>>>(body) {
            Ok(p) => p.unwrap_or_default(),
            // Rare path (trailing commas and the like): fall back to the forgiving reader.
            Err(_) => {
                let chats: Vec<WireChat> = response::parse_json::<Option<Vec<WireChat>>>(body)?.unwrap_or_default();
                let rows = chats.len();
                let groups = chats
                    .into_iter()
                    .map(Chat::from)
                    .filter(|c| c.is_group_announcement)
                    .filter_map(|c| c.group_id())
                    .collect();
                return Ok((groups, rows));
            }
        };
        let rows = probes.len();
        let groups = probes
            .into_iter()
            .filter(|p| p.is_group_announcement.0)
            .filter_map(|p| p.phone.and_then(|phone| GroupId::parse(&phone).ok()))
            .collect();
        Ok((groups, rows))
    }
}

impl Call for ListChats {
    type Output = Vec<Chat>;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        validate::paging(self.page, self.page_size)?;
        let query = vec![("page".into(), self.page.to_string()), ("pageSize".into(), self.page_size.to_string())];
        Ok(endpoint.request(Method::Get, "/chats", query, None))
    }

    fn parse(&self, response: &HttpResponse) -> Result<Vec<Chat>, Error> {
        let body = response::success_body(response)?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        let chats: Option<Vec<WireChat>> = response::parse_json(body)?;
        Ok(chats.unwrap_or_default().into_iter().map(Chat::from).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    /// The documented example, trailing comma and string-typed scalars included
    /// (developer.z-api.io/chats/get-chats).
    const DOC_EXAMPLE: &str = r#"[
      {"archived":"false","pinned":"true","messagesUnread":0,"phone":"5511999999999","unread":"0","name":"Z-API",
       "lastMessageTime":"1622991687","muteEndTime":1655953774000,"isMuted":"0","isMarkedSpam":"false",
       "profileThumbnail":null,"isGroupAnnouncement":false,"isGroup":false,},
      {"phone":"120363019502650977-group","name":"News","unread":"3","isGroupAnnouncement":true,"isGroup":false,
       "notes":{"id":"1","content":"x","createdAt":1,"lastUpdateAt":2}},
      {"phone":"120363019502650978-group","name":"Crew","isGroup":true,"isGroupAnnouncement":"false"}
    ]"#;

    #[test]
    fn builds_exact_request() {
        let r = ListChats { page: 1, page_size: 2 }.build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Get, "/chats"));
        assert_eq!(r.query, [("page".into(), "1".to_owned()), ("pageSize".into(), "2".to_owned())]);
        assert_eq!(headers(&r), BARE_HEADERS);
        assert_eq!(ListChats { page: 1, page_size: 0 }.build(&endpoint()).unwrap_err().field(), Some("page_size"));
    }

    #[test]
    fn parses_the_documented_quirks() {
        let chats = ListChats { page: 1, page_size: 3 }.parse(&HttpResponse::new(200, DOC_EXAMPLE)).unwrap();
        assert_eq!(chats.len(), 3);
        assert_eq!(chats[0].last_message_time, Some(1_622_991_687));
        assert!(chats[0].pinned && !chats[0].archived && !chats[0].is_muted);
        assert_eq!(chats[1].unread, 3);
        assert!(chats[1].is_group_announcement);
        assert_eq!(chats[2].group_id().unwrap().as_str(), "120363019502650978-group");
        assert_eq!(chats[0].group_id(), None);
    }

    #[test]
    fn fast_scan_finds_only_announcement_groups() {
        let found = ListChats::announcement_groups(&HttpResponse::new(200, DOC_EXAMPLE)).unwrap();
        assert_eq!(found.iter().map(GroupId::as_str).collect::<Vec<_>>(), ["120363019502650977-group"]);
        let strict = r#"[{"phone":"1-group","isGroupAnnouncement":"true"},{"phone":"120363000000000009-group","isGroupAnnouncement":"true"}]"#;
        let found = ListChats::announcement_groups(&HttpResponse::new(200, strict)).unwrap();
        assert_eq!(found.len(), 1, "an unreadable id is skipped, not fatal");
        assert!(ListChats::announcement_groups(&HttpResponse::new(500, "")).is_err());
        assert_eq!(ListChats::announcement_groups_in_body(strict.as_bytes()).unwrap(), found);
        let refused = ListChats::announcement_groups_in_body(br#"{"error":"Instance not found"}"#).unwrap_err();
        assert!(matches!(refused, Error::Api { status: 200, .. }), "{refused:?}");
        assert!(matches!(ListChats::announcement_groups_in_body(b"<html>"), Err(Error::Decode { .. })));
    }
}
