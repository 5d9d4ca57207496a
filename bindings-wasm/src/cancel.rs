//! Cancelling a call: the `signal` of its last argument (`{ signal }`), an `AbortSignal`, as
//! `fetch` takes one.
//!
//! Python cancels a call by cancelling its task and Kotlin by cancelling its coroutine; in both,
//! the call's future is dropped. JS has no such handle on a promise, so a call takes a signal
//! and is raced against it here: when the signal aborts first, the call's future is dropped,
//! which aborts its request in flight (`transport.rs`) and sends nothing more, and the call
//! rejects with `signal.reason` (an `AbortError` unless the caller gave another reason), as
//! `fetch` does. A signal already aborted rejects the call before anything is sent.

use std::future::{Future, poll_fn};
use std::pin::{Pin, pin};
use std::task::Poll;

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
    type AbortSignal;
    #[wasm_bindgen(method, getter)]
    fn aborted(this: &AbortSignal) -> bool;
    #[wasm_bindgen(method, getter)]
    fn reason(this: &AbortSignal) -> JsValue;

    /// What `whenAborted` returns: a promise, resolved when the signal aborts, with `dispose()`.
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
#[derive(Clone, Default)]
pub(crate) struct Cancel(Option<AbortSignal>);

impl Cancel {
    /// Reads `options.signal` from a call's options (`undefined` or `null`: none). Anything but
    /// an object there, or anything but an `AbortSignal` as its `signal`, is a validation error.
    pub(crate) fn read(options: &JsValue) -> Result<Cancel, JsValue> {
        Ok(Self::take(options.clone())?.0)
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

    /// Runs `call` until it ends or the signal aborts, whichever comes first; on abort, `call` is
    /// dropped unfinished and the result is `Err(signal.reason)`.
    pub(crate) async fn run<T>(&self, call: impl Future<Output = T>) -> Result<T, JsValue> {
        let Some(signal) = &self.0 else {
            return Ok(call.await);
        };
        if signal.aborted() {
            return Err(signal.reason());
        }
        let aborted = when_aborted(signal);
        let _listening = Listening(&aborted);
        let mut abort = JsFuture::from(Promise::from(JsValue::from(aborted.clone())));
        let mut call = pin!(call);
        poll_fn(|cx| {
            if let Poll::Ready(value) = call.as_mut().poll(cx) {
                return Poll::Ready(Ok(value));
            }
            Pin::new(&mut abort).poll(cx).map(|_| Err(signal.reason()))
        })
        .await
    }
}

/// Stops listening to the signal when the race ends, however it ends.
struct Listening<'a>(&'a Aborted);

impl Drop for Listening<'_> {
    fn drop(&mut self) {
        self.0.dispose();
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
