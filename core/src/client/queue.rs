//! The message queue: what the API accepted and has not sent yet
//! (developer.z-api.io/queue/introduction).

use crate::api::{ClearQueue, DeleteQueuedMessage, ListQueue, MAX_QUEUE_PAGE_SIZE};
use crate::error::Error;
use crate::model::{QueuePage, QueuedMessage};

use super::Client;

/// The queue holds at most 1000 messages (developer.z-api.io/queue/introduction): 34 full pages.
/// A service that kept answering `hasMore` past this many pages is not read further.
const MAX_QUEUE_PAGES: usize = 40;

impl Client {
    /// One page of the messages waiting to be sent, oldest first: the first page without
    /// `paging_state`, the next with the `paging_state` the previous page returned. Messages
    /// wait there while the phone is disconnected and all go out when it reconnects.
    ///
    /// # Errors
    /// [`Error::Validation`] (`paging_state`, `page_size`: 1–30) or any call error.
    pub async fn list_queue(&self, paging_state: Option<&str>, page_size: Option<u32>) -> Result<QueuePage, Error> {
        self.execute(&ListQueue { page_size, paging_state: paging_state.map(str::to_owned) }).await
    }

    /// Every message waiting to be sent, oldest first, read page by page (at most 1000 are
    /// held). Look before the phone reconnects: they all go out then.
    ///
    /// # Errors
    /// Any call error; [`Error::Decode`] when a page says more follow but gives no cursor, or the
    /// cursor it was asked with.
    pub async fn queued_messages(&self) -> Result<Vec<QueuedMessage>, Error> {
        let mut messages = Vec::new();
        let mut cursor: Option<String> = None;
        for _ in 0..MAX_QUEUE_PAGES {
            let page = self.list_queue(cursor.as_deref(), Some(MAX_QUEUE_PAGE_SIZE)).await?;
            messages.extend(page.messages);
            if !page.has_more {
                return Ok(messages);
            }
            // A list cut short would read as the whole queue: say so instead.
            match page.paging_state {
                None => return Err(Error::decode("the queue has more messages but gave no pagingState")),
                Some(next) if cursor.as_deref() == Some(next.as_str()) => {
                    return Err(Error::decode("the queue answered the same pagingState twice"));
                }
                next => cursor = next,
            }
        }
        Err(Error::decode(format!("the queue still had more after {MAX_QUEUE_PAGES} pages")))
    }

    /// Takes one message out of the queue, so that it is never sent. `zaap_id` is the one
    /// `send_text` returned (or a queued message's).
    ///
    /// # Errors
    /// [`Error::Validation`] (`zaap_id`) or any call error.
    pub async fn delete_queued_message(&self, zaap_id: &str) -> Result<(), Error> {
        self.execute(&DeleteQueuedMessage { zaap_id: zaap_id.to_owned() }).await
    }

    /// Empties the queue: none of the messages waiting in it will be sent.
    ///
    /// # Errors
    /// Any call error.
    pub async fn clear_queue(&self) -> Result<(), Error> {
        self.execute(&ClearQueue).await
    }
}
