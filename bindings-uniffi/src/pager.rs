//! Paging over the list routes: `nextPage()` until it returns null/nil.

use tokio::sync::Mutex;
use zapi_communities::api::{ListChats, ListCommunities, ListGroups};
use zapi_communities::{Chat, CommunitySummary, Error, Pager};

/// Walks the community list page by page. From `Client.communities(pageSize)`.
#[derive(uniffi::Object)]
pub struct CommunityPager(Mutex<Pager<ListCommunities>>);

/// Walks the chat list (or the group list) page by page. From `Client.chats(pageSize)` or
/// `Client.groups(pageSize)`.
#[derive(uniffi::Object)]
pub struct ChatPager(Mutex<ChatPages>);

/// The list a [`ChatPager`] walks: both have the chat list's rows.
pub(crate) enum ChatPages {
    Chats(Pager<ListChats>),
    Groups(Pager<ListGroups>),
}

impl CommunityPager {
    pub(crate) fn new(pager: Pager<ListCommunities>) -> Self {
        Self(Mutex::new(pager))
    }
}

impl ChatPager {
    pub(crate) fn new(pager: Pager<ListChats>) -> Self {
        Self(Mutex::new(ChatPages::Chats(pager)))
    }

    pub(crate) fn groups(pager: Pager<ListGroups>) -> Self {
        Self(Mutex::new(ChatPages::Groups(pager)))
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
        match &mut *self.0.lock().await {
            ChatPages::Chats(pager) => pager.next_page().await,
            ChatPages::Groups(pager) => pager.next_page().await,
        }
    }
}
