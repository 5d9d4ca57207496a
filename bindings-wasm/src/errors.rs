//! The core's [`Error`] as a thrown JS `ZapiError`: an `Error` subclass whose `kind` names the
//! case and whose other properties carry that case's fields.
//!
//! wasm-bindgen cannot declare a class that extends a JS built-in, so the exported
//! [`ZapiErrorClass`] is an empty shell whose prototype [`install`] re-parents onto
//! `Error.prototype` (and its constructor onto `Error`), exactly what `class ZapiError extends
//! Error {}` sets up. Errors are then made with `Reflect.construct(Error, [message], ZapiError)`,
//! which is what `super(message)` does: a genuine `Error` (stack included) that is also
//! `instanceof ZapiError`.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use zapi_communities::Error;

/// The exported `ZapiError` class; see the module docs. Its TypeScript is written by hand below.
#[wasm_bindgen(js_name = ZapiError, skip_typescript)]
pub struct ZapiErrorClass {}

#[wasm_bindgen(typescript_custom_section)]
const ZAPI_ERROR_TS: &'static str = r#"
/**
 * The stable name of each kind of failure, the same in every language of zapi-communities.
 * - `validation`: an argument was refused before any request was sent (`field`, `reason`).
 * - `api`: the service answered with an error status, an `{"error": …}` body or `success: false` (`status`, `detail`).
 * - `rate_limited`: HTTP 429 (`retryAfter`, seconds, when the service said).
 * - `timeout`: no answer within `timeoutMs`; a POST may still have been applied.
 * - `transport`: the connection failed (`detail`; `sent` says whether the request may have arrived).
 * - `decode`: a 2xx response whose body could not be understood (`detail`).
 * - `not_found`: e.g. no announcement group could be found for a community (`what`, `id`).
 * - `not_announcement_group`: a message was addressed to a community id; send to its announcement group (`communityId`, `announcementGroup`).
 */
export type ZapiErrorKind =
  | "validation"
  | "api"
  | "rate_limited"
  | "timeout"
  | "transport"
  | "decode"
  | "not_found"
  | "not_announcement_group";

/** The properties each kind of {@link ZapiError} carries; narrow on `kind`. */
export type ZapiErrorFields =
  | {
      kind: "validation";
      /** The refused argument, named as in the core (`name`, `group_ids[3]`, `delay_message`, `target`, …). */
      field: string;
      /** Why it was refused and, where possible, what would be accepted. */
      reason: string;
    }
  | {
      kind: "api";
      /** The HTTP status (200 when a 2xx body reported failure). */
      status: number;
      /** The service's own message, or a description of the body when it had none. */
      detail: string;
    }
  | {
      kind: "rate_limited";
      /** Seconds to wait, from `Retry-After`, or `null` when the service did not say. */
      retryAfter: number | null;
    }
  | {
      kind: "timeout";
      /** The timeout that was in force, in milliseconds. */
      timeoutMs: number;
    }
  | {
      kind: "transport";
      /** What failed (never a URL or a token). */
      detail: string;
      /** `false` only when the request provably never left. */
      sent: boolean;
    }
  | {
      kind: "decode";
      /** What was wrong with the body. */
      detail: string;
    }
  | {
      kind: "not_found";
      /** What was looked for, e.g. `announcement group (from chat_list)`. */
      what: string;
      /** The id it was looked for by. */
      id: string;
    }
  | {
      kind: "not_announcement_group";
      /** The community id the message was addressed to. */
      communityId: string;
      /** The announcement group to send to instead, when the client already knows it. */
      announcementGroup: string | null;
    };

/**
 * Every error the client throws (or rejects a promise with). A real `Error` subclass:
 * `error instanceof ZapiError` and `error instanceof Error` are both true, `error.name` is
 * `"ZapiError"`, `error.message` is a readable sentence. Neither token ever appears in it.
 *
 * ```ts
 * try { await client.announce(id, text); }
 * catch (error) {
 *   if (error instanceof ZapiError && error.kind === "validation") console.log(error.field);
 * }
 * ```
 */
export type ZapiError = Error & { readonly name: "ZapiError"; readonly message: string } & Readonly<ZapiErrorFields>;

/** The class of every {@link ZapiError}, for `instanceof`. Errors are created by the client only. */
export declare const ZapiError: {
  readonly prototype: ZapiError;
  new (never: never): ZapiError;
};
"#;

#[wasm_bindgen]
extern "C" {
    /// The global `Error` constructor.
    #[wasm_bindgen(thread_local_v2, js_name = Error)]
    static ERROR_CONSTRUCTOR: Function;
}

thread_local! {
    /// The `ZapiError` constructor, wired to `Error` by [`install`].
    static CLASS: Function = wire_class();
}

/// Wires the class up; called once at start-up (later calls do nothing).
pub(crate) fn install() {
    CLASS.with(|_| ());
}

fn wire_class() -> Function {
    // An instance of the exported shell is the only handle on its class from Rust.
    let probe = JsValue::from(ZapiErrorClass {});
    let prototype = Object::get_prototype_of(&probe);
    let class: Function =
        Reflect::get(&prototype, &"constructor".into()).map(JsCast::unchecked_into).unwrap_or_default();
    ERROR_CONSTRUCTOR.with(|error| {
        let error_prototype: Object =
            Reflect::get(error, &"prototype".into()).map(JsCast::unchecked_into).unwrap_or_default();
        Object::set_prototype_of(&prototype, &error_prototype);
        Object::set_prototype_of(&class, error);
    });
    // The shell's memory-management methods mean nothing on an error: its instances own no Rust value.
    for key in [JsValue::from("free"), JsValue::from("__destroy_into_raw"), js_sys::Symbol::dispose().into()] {
        let _ = Reflect::delete_property(&prototype, &key);
    }
    let name = Object::new();
    let _ = Reflect::set(&name, &"value".into(), &"ZapiError".into());
    let _ = Reflect::set(&name, &"writable".into(), &JsValue::TRUE);
    let _ = Reflect::set(&name, &"configurable".into(), &JsValue::TRUE);
    Object::define_property(&prototype, &"name".into(), &name);
    class
}

/// The thrown form of a core error.
pub(crate) fn to_js(error: Error) -> JsValue {
    let message = JsValue::from(error.to_string());
    let object = CLASS.with(|class| {
        ERROR_CONSTRUCTOR.with(|error_ctor| {
            Reflect::construct_with_new_target(error_ctor, &Array::of1(&message), class)
                .unwrap_or_else(|_| js_sys::Error::new(&error.to_string()).into())
        })
    });
    let set = |key: &str, value: JsValue| {
        let _ = Reflect::set(&object, &key.into(), &value);
    };
    set("kind", error.kind().into());
    match error {
        Error::Validation { field, reason } => {
            set("field", field.into());
            set("reason", reason.into());
        }
        Error::Api { status, message } => {
            set("status", status.into());
            set("detail", message.into());
        }
        Error::RateLimited { retry_after_secs } => {
            set("retryAfter", retry_after_secs.map_or(JsValue::NULL, |s| JsValue::from(s as f64)));
        }
        Error::Timeout { timeout_ms } => set("timeoutMs", JsValue::from(timeout_ms as f64)),
        Error::Transport { message, sent } => {
            set("detail", message.into());
            set("sent", sent.into());
        }
        Error::Decode { message } => set("detail", message.into()),
        Error::NotFound { what, id } => {
            set("what", what.into());
            set("id", id.into());
        }
        Error::NotAnnouncementGroup { community_id, announcement_group } => {
            set("communityId", community_id.into());
            set("announcementGroup", announcement_group.map_or(JsValue::NULL, JsValue::from));
        }
        // `Error` is non-exhaustive: a future kind still carries `kind` and `message`.
        _ => {}
    }
    object
}

/// `?` for core results inside exported functions: the error becomes a thrown `ZapiError`.
pub(crate) trait OrThrow<T> {
    /// Converts the error side.
    fn js(self) -> Result<T, JsValue>;
}

impl<T> OrThrow<T> for Result<T, Error> {
    fn js(self) -> Result<T, JsValue> {
        self.map_err(to_js)
    }
}
