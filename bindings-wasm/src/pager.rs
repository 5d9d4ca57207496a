//! Paging as JS async iterators: a pager object with `nextPage()` and the async-iterator
//! protocol (`next()`, `[Symbol.asyncIterator]()`), both driving the core's `Pager`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use js_sys::{Object, Reflect};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use zapi_communities::api::{ListChats, ListCommunities, ListGroups};
use zapi_communities::{Error, PagedCall, Pager};

use crate::cancel::Cancel;
use crate::convert::plain;
use crate::errors::OrThrow;

/// The state one pager and the iterators made from it share.
struct Pages<C: PagedCall> {
    /// `None` while a page is being fetched.
    pager: RefCell<Option<Pager<C>>>,
    /// Items of the last page not yet handed out by `next()`.
    buffer: RefCell<VecDeque<C::Item>>,
    /// The signal given when the pager was made: it cancels any page being fetched.
    cancel: Cancel,
}

impl<C: PagedCall + 'static> Pages<C>
where
    C::Item: Serialize,
{
    fn new(pager: Pager<C>, cancel: Cancel) -> Rc<Self> {
        Rc::new(Self { pager: RefCell::new(Some(pager)), buffer: RefCell::new(VecDeque::new()), cancel })
    }

    /// The next page from the core pager; `None` after the last one.
    async fn fetch(&self) -> Result<Option<Vec<C::Item>>, JsValue> {
        // Taken out for the duration of the request, so overlapping calls are refused rather
        // than asking for the same page twice.
        let mut pager = self
            .pager
            .borrow_mut()
            .take()
            .ok_or_else(|| {
                Error::validation("pager", "called again before the previous page arrived; await each call in turn")
            })
            .js()?;
        // A page cancelled on its way is asked for again on the next call: the core pager moves
        // on only once a page has arrived.
        let page = self.cancel.run(pager.next_page()).await;
        *self.pager.borrow_mut() = Some(pager);
        page?.js()
    }

    /// Items `next()` has buffered come first, so mixing both styles loses nothing.
    async fn next_page(&self) -> Result<JsValue, JsValue> {
        let buffered: Vec<C::Item> = self.buffer.borrow_mut().drain(..).collect();
        if !buffered.is_empty() {
            return plain(&buffered);
        }
        match self.fetch().await? {
            Some(page) => plain(&page),
            None => Ok(JsValue::NULL),
        }
    }

    /// One `IteratorResult`: `{ value, done: false }`, or `{ value: undefined, done: true }`.
    async fn next_item(&self) -> Result<JsValue, JsValue> {
        if self.buffer.borrow().is_empty() {
            if let Some(page) = self.fetch().await? {
                self.buffer.borrow_mut().extend(page);
            }
        }
        let item = self.buffer.borrow_mut().pop_front();
        let result = Object::new();
        let value = match &item {
            Some(item) => plain(item)?,
            None => JsValue::UNDEFINED,
        };
        let _ = Reflect::set(&result, &"value".into(), &value);
        let _ = Reflect::set(&result, &"done".into(), &JsValue::from(item.is_none()));
        Ok(result.into())
    }
}

/// The communities, page by page. Use `for await (const community of pager)`, or call
/// `nextPage()` until it resolves to `null`. A failed page is asked for again on the next call.
#[wasm_bindgen]
pub struct CommunityPager(Rc<Pages<ListCommunities>>);

impl CommunityPager {
    pub(crate) fn new(pager: Pager<ListCommunities>, cancel: Cancel) -> Self {
        Self(Pages::new(pager, cancel))
    }
}

#[wasm_bindgen]
impl CommunityPager {
    /// The next page, or `null` after the last one.
    #[wasm_bindgen(js_name = nextPage, unchecked_return_type = "CommunitySummary[] | null")]
    pub async fn next_page(&self) -> Result<JsValue, JsValue> {
        self.0.next_page().await
    }

    /// The async-iterator protocol: the next community.
    #[wasm_bindgen(unchecked_return_type = "IteratorResult<CommunitySummary, undefined>")]
    pub async fn next(&self) -> Result<JsValue, JsValue> {
        self.0.next_item().await
    }

    /// An iterator over the same pages (`for await` calls this).
    #[wasm_bindgen(js_name = "[Symbol.asyncIterator]")]
    pub fn iterator(&self) -> CommunityPager {
        CommunityPager(Rc::clone(&self.0))
    }
}

/// The chats (or the groups), page by page. Use `for await (const chat of pager)`, or call
/// `nextPage()` until it resolves to `null`. A failed page is asked for again on the next call.
#[wasm_bindgen]
pub struct ChatPager(ChatPages);

/// The list a [`ChatPager`] walks: both have the chat list's rows.
#[derive(Clone)]
enum ChatPages {
    Chats(Rc<Pages<ListChats>>),
    Groups(Rc<Pages<ListGroups>>),
}

impl ChatPager {
    pub(crate) fn new(pager: Pager<ListChats>, cancel: Cancel) -> Self {
        Self(ChatPages::Chats(Pages::new(pager, cancel)))
    }

    pub(crate) fn groups(pager: Pager<ListGroups>, cancel: Cancel) -> Self {
        Self(ChatPages::Groups(Pages::new(pager, cancel)))
    }
}

#[wasm_bindgen]
impl ChatPager {
    /// The next page, or `null` after the last one.
    #[wasm_bindgen(js_name = nextPage, unchecked_return_type = "Chat[] | null")]
    pub async fn next_page(&self) -> Result<JsValue, JsValue> {
        match &self.0 {
            ChatPages::Chats(pages) => pages.next_page().await,
            ChatPages::Groups(pages) => pages.next_page().await,
        }
    }

    /// The async-iterator protocol: the next chat.
    #[wasm_bindgen(unchecked_return_type = "IteratorResult<Chat, undefined>")]
    pub async fn next(&self) -> Result<JsValue, JsValue> {
        match &self.0 {
            ChatPages::Chats(pages) => pages.next_item().await,
            ChatPages::Groups(pages) => pages.next_item().await,
        }
    }

    /// An iterator over the same pages (`for await` calls this).
    #[wasm_bindgen(js_name = "[Symbol.asyncIterator]")]
    pub fn iterator(&self) -> ChatPager {
        ChatPager(self.0.clone())
    }
}
