//! Offset paging over the list routes. The service returns bare arrays with no total or next
//! marker, and documents no maximum page size (developer.z-api.io/chats/get-chats). "The first page
//! shorter than the requested size is the last" would lose everything after page 1 on a service
//! that caps its pages below that size, so the end is an empty page, or a page shorter than the
//! longest one seen so far ([`PageEnd`]).

use std::marker::PhantomData;

use crate::api::{Call, ListChats, ListCommunities, ListGroups};
use crate::client::Client;
use crate::error::Error;
use crate::model::{Chat, CommunitySummary};

/// A list call that can be asked for a given page.
pub trait PagedCall: Call<Output = Vec<Self::Item>> {
    /// One element of a page.
    type Item;
    /// The call for `page` (from 1) with `page_size` items.
    fn at(page: u32, page_size: u32) -> Self;
    /// Tells the client what a page showed (nothing, unless the items teach it something).
    fn learn(_client: &Client, _items: &[Self::Item]) {}
}

impl PagedCall for ListCommunities {
    type Item = CommunitySummary;
    fn at(page: u32, page_size: u32) -> Self {
        ListCommunities::page(page, page_size)
    }
    fn learn(client: &Client, items: &[CommunitySummary]) {
        client.knowledge().learn_community_ids(items.iter().map(|c| &c.id));
    }
}

impl PagedCall for ListChats {
    type Item = Chat;
    fn at(page: u32, page_size: u32) -> Self {
        ListChats { page, page_size }
    }
}

impl PagedCall for ListGroups {
    type Item = Chat;
    fn at(page: u32, page_size: u32) -> Self {
        ListGroups { page, page_size }
    }
}

/// Tells the last page of a list from the lengths of its pages: the list has ended at an empty
/// page, or at a page shorter than the longest one seen so far (the service's real page size,
/// whatever was asked for). A list that fits in one page costs one more, empty, request.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PageEnd {
    longest: usize,
}

impl PageEnd {
    /// Records a page of `len` items; `true` when no page follows it.
    pub fn is_last(&mut self, len: usize) -> bool {
        let last = len == 0 || len < self.longest;
        self.longest = self.longest.max(len);
        last
    }
}

/// Walks the pages of a list. Call [`Pager::next_page`] until it returns `None`.
#[derive(Debug, Clone)]
pub struct Pager<C: PagedCall> {
    client: Client,
    next: Option<u32>,
    page_size: u32,
    end: PageEnd,
    _call: PhantomData<fn() -> C>,
}

impl<C: PagedCall> Pager<C> {
    pub(crate) fn new(client: Client) -> Self {
        let page_size = client.config().page_size;
        Self { client, next: Some(1), page_size, end: PageEnd::default(), _call: PhantomData }
    }

    /// Asks for `page_size` items per page instead of the client's `page_size` option (1 to
    /// 1000; a size out of range fails the first page with [`Error::Validation`] naming
    /// `page_size`).
    pub fn page_size(mut self, page_size: u32) -> Self {
        self.page_size = page_size;
        self
    }

    /// [`Pager::page_size`] when `page_size` is given, else the pager unchanged (for bindings
    /// whose page size argument is optional).
    pub fn page_size_or_default(self, page_size: Option<u32>) -> Self {
        match page_size {
            Some(size) => self.page_size(size),
            None => self,
        }
    }

    /// The next page, or `None` after the last one. After an error the same page is asked for
    /// again on the next call.
    ///
    /// # Errors
    /// Whatever the list call returns.
    pub async fn next_page(&mut self) -> Result<Option<Vec<C::Item>>, Error> {
        let Some(page) = self.next else { return Ok(None) };
        let items = self.client.execute(&C::at(page, self.page_size)).await?;
        C::learn(&self.client, &items);
        self.next = if self.end.is_last(items.len()) { None } else { page.checked_add(1) };
        if items.is_empty() { Ok(None) } else { Ok(Some(items)) }
    }

    /// Reads every remaining page into one list.
    ///
    /// # Errors
    /// The first error any page returns.
    pub async fn collect_all(mut self) -> Result<Vec<C::Item>, Error> {
        let mut all = Vec::new();
        while let Some(page) = self.next_page().await? {
            all.extend(page);
        }
        Ok(all)
    }
}

#[cfg(test)]
mod tests {
    use super::PageEnd;

    #[test]
    fn ends_at_an_empty_page_or_one_shorter_than_the_longest_seen() {
        let mut capped = PageEnd::default();
        // Asked for 100, the service gives 50 at most: 50, 50, 20 is the whole list.
        assert!(!capped.is_last(50));
        assert!(!capped.is_last(50));
        assert!(capped.is_last(20));
        let mut exact = PageEnd::default();
        assert!(!exact.is_last(7));
        assert!(exact.is_last(0));
        assert!(PageEnd::default().is_last(0));
    }
}
