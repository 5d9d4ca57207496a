//! Paging over the list routes: `nextPage()` until it returns null/nil.

use tokio::sync::Mutex;
use zapi_communities::api::{ListChats, ListCommunities};
use zapi_communities::{Chat, CommunitySummary, Error, Pager};

/// Walks the community list page by page. From `Client.communities(pageSize)`.
#[derive(uniffi::Object)]
pub struct CommunityPager(Mutex<Pager<ListCommunities>>);

/// Walks the chat list page by page. From `Client.chats(pageSize)`.
#[derive(uniffi::Object)]
pub struct ChatPager(Mutex<Pager<ListChats>>);

impl CommunityPager {
    pub(crate) fn new(pager: Pager<ListCommunities>) -> Self {
        Self(Mutex::new(pager))
    }
}

impl ChatPager {
    pub(crate) fn new(pager: Pager<ListChats>) -> Self {
        Self(Mutex::new(pager))
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl CommunityPager {
    /// The next page, or null/nil after the last one. After an error the same page is asked
    /// for again on the next call; concurrent calls take turns.
    ///
    /// # Errors
    /// Whatever the list call returns (`ZapiError`).
    pub async fn next_page(&self) -> Result<Option<Vec<CommunitySummary>>, Error> {
        self.0.lock().await.next_page().await
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl ChatPager {
    /// The next page, or null/nil after the last one. After an error the same page is asked
    /// for again on the next call; concurrent calls take turns.
    ///
    /// # Errors
    /// Whatever the list call returns (`ZapiError`).
    pub async fn next_page(&self) -> Result<Option<Vec<Chat>>, Error> {
        self.0.lock().await.next_page().await
    }
}
