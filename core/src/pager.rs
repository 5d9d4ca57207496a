//! Offset paging over the list routes. The service returns bare arrays with no total or next
//! marker (facts §1.6), so the last page is the first one shorter than the page size.

use std::marker::PhantomData;

use crate::api::{Call, ListChats, ListCommunities};
use crate::client::Client;
use crate::error::Error;
use crate::model::{Chat, CommunitySummary};

/// A list call that can be asked for a given page.
pub trait PagedCall: Call<Output = Vec<Self::Item>> {
    /// One element of a page.
    type Item;
    /// The call for `page` (from 1) with `page_size` items.
    fn at(page: u32, page_size: u32) -> Self;
}

impl PagedCall for ListCommunities {
    type Item = CommunitySummary;
    fn at(page: u32, page_size: u32) -> Self {
        ListCommunities::page(page, page_size)
    }
}

impl PagedCall for ListChats {
    type Item = Chat;
    fn at(page: u32, page_size: u32) -> Self {
        ListChats { page, page_size }
    }
}

/// Walks the pages of a list. Call [`Pager::next_page`] until it returns `None`.
#[derive(Debug, Clone)]
pub struct Pager<C: PagedCall> {
    client: Client,
    next: Option<u32>,
    page_size: u32,
    _call: PhantomData<fn() -> C>,
}

impl<C: PagedCall> Pager<C> {
    pub(crate) fn new(client: Client, page_size: u32) -> Self {
        Self { client, next: Some(1), page_size, _call: PhantomData }
    }

    /// The next page, or `None` after the last one. After an error the same page is asked for
    /// again on the next call.
    ///
    /// # Errors
    /// Whatever the list call returns.
    pub async fn next_page(&mut self) -> Result<Option<Vec<C::Item>>, Error> {
        let Some(page) = self.next else { return Ok(None) };
        let items = self.client.execute(&C::at(page, self.page_size)).await?;
        self.next = if items.len() < self.page_size as usize { None } else { page.checked_add(1) };
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
