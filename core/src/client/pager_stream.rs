//! [`PagerStream`]: a [`Pager`] as a `futures` `Stream` of items, for code that composes streams
//! (`StreamExt::take`, `try_collect`, `select`) rather than asking for pages.

use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use super::pager::{PagedCall, Pager};
use crate::error::Error;
use crate::transport::BoxFuture;

/// The items of every page, one at a time; made by [`Pager::into_stream`]. A page's error is
/// one `Err` item; polling again asks for that page again, as [`Pager::next_page`] does.
pub struct PagerStream<C: PagedCall> {
    buffered: std::vec::IntoIter<C::Item>,
    state: State<C>,
}

type Fetched<C> = (Pager<C>, Result<Option<Vec<<C as PagedCall>::Item>>, Error>);

enum State<C: PagedCall> {
    Idle(Pager<C>),
    Fetching(BoxFuture<'static, Fetched<C>>),
    Done,
}

impl<C: PagedCall> std::fmt::Debug for PagerStream<C> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PagerStream").field("buffered", &self.buffered.len()).finish_non_exhaustive()
    }
}

#[cfg(not(target_arch = "wasm32"))]
/// What a page's future needs to be boxed as a [`BoxFuture`] (`Send` where threads exist).
pub trait StreamablePage: PagedCall<Item: Send + Unpin> + Send + Sync + 'static {}
#[cfg(not(target_arch = "wasm32"))]
impl<C: PagedCall<Item: Send + Unpin> + Send + Sync + 'static> StreamablePage for C {}

#[cfg(target_arch = "wasm32")]
/// What a page's future needs to be boxed as a [`BoxFuture`] (`Send` where threads exist).
pub trait StreamablePage: PagedCall<Item: Unpin> + 'static {}
#[cfg(target_arch = "wasm32")]
impl<C: PagedCall<Item: Unpin> + 'static> StreamablePage for C {}

impl<C: StreamablePage> Pager<C> {
    /// Turns the pager into a `Stream` of items, asking for each page when the last item of the
    /// one before has been taken.
    pub fn into_stream(self) -> PagerStream<C> {
        PagerStream { buffered: Vec::new().into_iter(), state: State::Idle(self) }
    }
}

impl<C: StreamablePage> Stream for PagerStream<C> {
    type Item = Result<C::Item, Error>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.buffered.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            match std::mem::replace(&mut this.state, State::Done) {
                State::Done => return Poll::Ready(None),
                State::Idle(mut pager) => {
                    this.state = State::Fetching(Box::pin(async move {
                        let page = pager.next_page().await;
                        (pager, page)
                    }));
                }
                State::Fetching(mut fetching) => match fetching.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.state = State::Fetching(fetching);
                        return Poll::Pending;
                    }
                    Poll::Ready((pager, Ok(Some(items)))) => {
                        this.buffered = items.into_iter();
                        this.state = State::Idle(pager);
                    }
                    Poll::Ready((_, Ok(None))) => return Poll::Ready(None),
                    Poll::Ready((pager, Err(error))) => {
                        this.state = State::Idle(pager);
                        return Poll::Ready(Some(Err(error)));
                    }
                },
            }
        }
    }
}
