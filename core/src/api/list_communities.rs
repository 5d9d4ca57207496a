//! `GET /communities?page=&pageSize=` — list communities
//! (developer.z-api.io/communities/list-communities).

use super::{Call, Endpoint, validate};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse, Method};
use crate::model::CommunitySummary;
use crate::wire::{response, shapes::WireCommunitySummary};

/// Lists communities, one page at a time. Both paging parameters are optional on this route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ListCommunities {
    /// The page, from 1.
    pub page: Option<u32>,
    /// Communities per page.
    pub page_size: Option<u32>,
}

impl ListCommunities {
    /// A given page.
    pub fn page(page: u32, page_size: u32) -> Self {
        Self { page: Some(page), page_size: Some(page_size) }
    }
}

impl Call for ListCommunities {
    type Output = Vec<CommunitySummary>;

    fn build(&self, endpoint: &Endpoint) -> Result<HttpRequest, Error> {
        validate::paging(self.page.unwrap_or(1), self.page_size.unwrap_or(1))?;
        let mut query = Vec::new();
        if let Some(page) = self.page {
            query.push(("page".into(), page.to_string()));
        }
        if let Some(size) = self.page_size {
            query.push(("pageSize".into(), size.to_string()));
        }
        Ok(endpoint.request(Method::Get, "/communities", query, None))
    }

    fn parse(&self, response: &HttpResponse) -> Result<Vec<CommunitySummary>, Error> {
        let body = response::success_body(response)?;
        if body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Vec::new());
        }
        let items: Option<Vec<WireCommunitySummary>> = response::parse_json(body)?;
        items.unwrap_or_default().into_iter().enumerate().map(|(i, w)| w.into_summary(i)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::test_support::*;

    #[test]
    fn builds_exact_request() {
        let r = ListCommunities::page(1, 2).build(&endpoint()).unwrap();
        assert_eq!((r.method, &*r.path), (Method::Get, "/communities"));
        assert_eq!(r.query, [("page".into(), "1".to_owned()), ("pageSize".into(), "2".to_owned())]);
        assert_eq!(headers(&r), BARE_HEADERS);
        assert_eq!(r.body, None);
        assert!(ListCommunities::default().build(&endpoint()).unwrap().query.is_empty());
        assert_eq!(ListCommunities::page(0, 2).build(&endpoint()).unwrap_err().field(), Some("page"));
    }

    #[test]
    fn parses_bare_array_and_empty_answers() {
        let call = ListCommunities::default();
        let list = call
            .parse(&HttpResponse::new(200, r#"[{"name":"my first community","id":"98372465382764532938"}]"#))
            .unwrap();
        assert_eq!(list[0].name, "my first community");
        assert_eq!(list[0].id.as_str(), "98372465382764532938");
        assert!(call.parse(&HttpResponse::new(200, "[]")).unwrap().is_empty());
        assert!(call.parse(&HttpResponse::new(200, "null")).unwrap().is_empty());
        assert!(call.parse(&HttpResponse::new(200, "")).unwrap().is_empty());
        assert!(matches!(call.parse(&HttpResponse::new(200, r#"[{"name":"x"}]"#)), Err(Error::Decode { .. })));
    }
}
