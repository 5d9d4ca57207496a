//! Offset paging with `page` (1-based) and `pageSize` (developer.z-api.io/chats/get-chats).

use super::super::reply::Refusal;
use super::super::state::SimState;
use crate::http::HttpRequest;

/// A page request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Page {
    page: usize,
    size: usize,
}

impl Page {
    /// Reads `page` and `pageSize` from the query. When `required` (/chats, /groups:
    /// developer.z-api.io/chats/get-chats, developer.z-api.io/group/get-groups) a missing one is a
    /// 400; otherwise (/communities, developer.z-api.io/communities/list-communities) both absent
    /// means "everything". Present values must be whole numbers ≥ 1, else 400. A `maxPageSize`
    /// limit in `state` shortens every page to it, as a service capping its pages would.
    pub(super) fn from_query(state: &SimState, request: &HttpRequest, required: bool) -> Result<Option<Page>, Refusal> {
        let page = read(request, "page")?;
        let size = read(request, "pageSize")?;
        let cap = state.limits.page_cap();
        match (page, size) {
            (Some(page), Some(size)) => Ok(Some(Page { page, size: size.min(cap) })),
            (None, None) if !required => Ok(None),
            (None, _) => Err(Refusal::bad_request("page is required")),
            (_, None) => Err(Refusal::bad_request("pageSize is required")),
        }
    }

    /// The items of this page; past the end → empty (how a client learns it is done).
    pub(super) fn slice<T>(self, items: Vec<T>) -> Vec<T> {
        let start = (self.page - 1).saturating_mul(self.size);
        items.into_iter().skip(start).take(self.size).collect()
    }
}

/// Applies an optional page.
pub(super) fn paged<T>(page: Option<Page>, items: Vec<T>) -> Vec<T> {
    match page {
        Some(page) => page.slice(items),
        None => items,
    }
}

fn read(request: &HttpRequest, key: &str) -> Result<Option<usize>, Refusal> {
    let Some((_, raw)) = request.query.iter().find(|(k, _)| k == key) else {
        return Ok(None);
    };
    match raw.trim().parse::<usize>() {
        Ok(n) if n >= 1 => Ok(Some(n)),
        _ => Err(Refusal::bad_request(format!("{key} must be a whole number of at least 1"))),
    }
}
