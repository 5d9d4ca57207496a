//! Cancelling a call: the `signal` of its last argument (`{ signal }`), an `AbortSignal`, as
//! `fetch` takes one.
//!
//! Python cancels a call by cancelling its task and Kotlin by cancelling its coroutine; in both,
//! the call's future is dropped. JS has no such handle on a promise, so a call takes a signal:
//! while the call's future is polled, its signal is the thread's current one ([`current`]), and
//! each request or pause the call starts (`transport.rs`) listens to it, so that an abort wakes
//! the call. Then [`Cancel::run`] drops the call's future, which aborts the request in flight and
//! sends nothing more, and the call rejects with `signal.reason` (an `AbortError` unless the
//! caller gave another reason), as `fetch` does. A signal already aborted rejects the call before
//! anything is sent.
//!
//! The abort is listened to by the requests and pauses, written once, rather than raced against
//! each call: a race generic over each call's future made the main entry 7.8 KB gzipped larger
//! (213.9 -> 221.7 KB by one build); this design, with each call's future boxed ([`Scoped`]),
//! leaves it where it was (213.1 KB).

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use zapi_communities::Error;

use crate::errors::OrThrow;

#[wasm_bindgen(module = "/js/abort.js")]
extern "C" {
    #[wasm_bindgen(js_name = isSignal)]
    fn is_signal(value: &JsValue) -> bool;

    #[wasm_bindgen(js_name = whenAborted)]
    fn when_aborted(signal: &AbortSignal) -> Aborted;

    /// An `AbortSignal` (told by its shape, see js/abort.js).
    #[derive(Clone)]
    pub(crate) type AbortSignal;
    #[wasm_bindgen(method, getter)]
    fn aborted(this: &AbortSignal) -> bool;
    #[wasm_bindgen(method, getter)]
    fn reason(this: &AbortSignal) -> JsValue;

    /// What `whenAborted` returns: a promise, resolved when the signal aborts, with `dispose()`.
    #[derive(Clone)]
    #[wasm_bindgen(extends = Promise)]
    type Aborted;
    #[wasm_bindgen(method)]
    fn dispose(this: &Aborted);
}

#[wasm_bindgen(typescript_custom_section)]
const CALL_OPTIONS: &str = r#"
/** What every call takes as its last argument, alone or with the call's other options. */
export interface CallOptions {
    /**
     * Cancels the call when it aborts: its request in flight is aborted, nothing more is sent,
     * and the call rejects with `signal.reason` (an `AbortError` unless you gave another), as
     * `fetch` does. A change the service had already received may have been made.
     */
    signal?: AbortSignal;
}
"#;

/// The signal of one call, if it was given one.
pub(crate) struct Cancel(Option<AbortSignal>);

impl Cancel {
    /// Reads `options.signal` from the options of a call that has no others (`undefined` or
    /// `null`: none). Anything but an object there, any other key in it (a misspelt `signal`
    /// would leave the call uncancellable without a word) or anything but an `AbortSignal` as its
    /// `signal` is a validation error.
    pub(crate) fn read(options: &JsValue) -> Result<Cancel, JsValue> {
        let (cancel, rest) = Self::take(options.clone())?;
        if let Some(key) = rest.dyn_ref::<Object>().and_then(|rest| Object::keys(rest).get(0).as_string()) {
            return Err(Error::validation("options", format!("unknown field `{key}`, expected `signal`"))).js();
        }
        Ok(cancel)
    }

    /// Takes `signal` out of an options object that also holds the call's own settings: returns
    /// it and the object without it (a copy: the caller's object is left as it was), which the
    /// settings' reader (`deny_unknown_fields`) then reads.
    pub(crate) fn take(options: JsValue) -> Result<(Cancel, JsValue), JsValue> {
        if options.is_undefined() || options.is_null() {
            return Ok((Cancel(None), options));
        }
        if !options.is_object() || options.is_array() {
            return Err(Error::validation("options", "must be an object")).js();
        }
        let (found, rest) = take_property(&options, "signal");
        if found.is_undefined() {
            return Ok((Cancel(None), rest));
        }
        if !is_signal(&found) {
            return Err(Error::validation("signal", "must be an AbortSignal")).js();
        }
        Ok((Cancel(Some(found.unchecked_into())), rest))
    }

    /// Runs `call` with this signal as the thread's current one while it is polled; when the
    /// signal has aborted (before the call or while it waited), `call` is dropped unfinished and
    /// the result is `Err(signal.reason)`.
    pub(crate) fn run<'a, T>(&'a self, call: impl Future<Output = T> + 'a) -> Scoped<'a, T> {
        Scoped { signal: self.0.as_ref(), call: Box::pin(call) }
    }
}

/// A call run by [`Cancel::run`]. Its future is boxed, so that this is compiled once for each
/// result type rather than once for each call: generic over the calls' own futures, it made the
/// module 9 KB larger (2 KB gzipped) by one build.
pub(crate) struct Scoped<'a, T> {
    signal: Option<&'a AbortSignal>,
    call: Pin<Box<dyn Future<Output = T> + 'a>>,
}

impl<T> Future for Scoped<'_, T> {
    type Output = Result<T, JsValue>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let signal = self.signal;
        if let Some(signal) = signal.filter(|signal| signal.aborted()) {
            return Poll::Ready(Err(signal.reason()));
        }
        let outer = CURRENT.with(|current| current.replace(signal.cloned()));
        let polled = self.call.as_mut().poll(cx);
        CURRENT.with(|current| current.replace(outer));
        polled.map(Ok)
    }
}

thread_local! {
    /// The signal of the call being polled, if it has one.
    static CURRENT: RefCell<Option<AbortSignal>> = const { RefCell::new(None) };
}

/// The signal of the call being polled, if it has one: what a request or a pause it starts
/// listens to.
pub(crate) fn current() -> Option<AbortSignal> {
    CURRENT.with(|current| current.borrow().clone())
}

/// Listens to a signal until dropped: a promise that resolves when the signal aborts (polling it
/// wakes the call), and the listener removed on drop, so that a signal that outlives many calls
/// (one per bot, say) keeps none for calls that ended.
pub(crate) struct Listening {
    aborted: Aborted,
    woken: JsFuture,
}

impl Listening {
    pub(crate) fn to(signal: &AbortSignal) -> Self {
        let aborted = when_aborted(signal);
        let woken = JsFuture::from(Promise::from(JsValue::from(aborted.clone())));
        Self { aborted, woken }
    }

    /// Registers the call's waker with the abort. What it answers is not needed: once the
    /// signal has aborted, `Cancel::run` drops the call without polling it again.
    pub(crate) fn wake_on_abort(&mut self, cx: &mut Context<'_>) {
        let _ = Pin::new(&mut self.woken).poll(cx);
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        self.aborted.dispose();
    }
}

/// `object[key]`, and a copy of `object` without `key` (`object` itself when it has no such
/// property, or is not an object). A key set to `undefined` is taken out too: `{ signal:
/// undefined }` is no signal, not an unknown setting.
pub(crate) fn take_property(object: &JsValue, key: &str) -> (JsValue, JsValue) {
    let key = JsValue::from_str(key);
    if !object.is_object() || !Reflect::has(object, &key).unwrap_or(false) {
        return (JsValue::UNDEFINED, object.clone());
    }
    let found = Reflect::get(object, &key).unwrap_or(JsValue::UNDEFINED);
    let copy = Object::assign(&Object::new(), object.unchecked_ref());
    let _ = Reflect::delete_property(&copy, &key);
    (found, copy.into())
}
