//! The core's [`Error`] as a thrown JS `ZapiError`: an `Error` subclass whose `kind` names the
//! case and whose other properties carry that case's fields, taken from the core's serde shape.
//!
//! wasm-bindgen cannot declare a class that extends a JS built-in, so the exported
//! [`ZapiErrorClass`] is an empty shell whose prototype [`install`] re-parents onto
//! `Error.prototype` (and its constructor onto `Error`), exactly what `class ZapiError extends
//! Error {}` sets up. Errors are then made with `Reflect.construct(Error, [message], ZapiError)`,
//! which is what `super(message)` does: a genuine `Error` (stack included) that is also
//! `instanceof ZapiError`.
//!
//! Each entry of the package is a module of its own with its own class, and a Node bot uses two
//! (the client's and `zapi-communities/webhooks`). So every error also carries a brand, a
//! non-enumerable property under `Symbol.for("zapi-communities.ZapiError")`, shared by every
//! module in the process, and each class's `Symbol.hasInstance` looks for it: `instanceof` holds
//! whichever entry threw the error and whichever entry's class is asked.

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use zapi_communities::Error;

/// The exported `ZapiError` class; see the module docs. Its TypeScript is written by hand below.
#[wasm_bindgen(js_name = ZapiError, skip_typescript)]
pub struct ZapiErrorClass {}

// `ZapiErrorFields`, the union of every kind's fields, is generated from the core's `Error`
// (tsify, from its serde shape); only the class around it is written here.
#[wasm_bindgen(typescript_custom_section)]
const ZAPI_ERROR_TS: &'static str = r#"
/** The stable name of each kind of failure, the same in every language of zapi-communities. */
export type ZapiErrorKind = ZapiErrorFields["kind"];

/**
 * Every error the client throws (or rejects a promise with). A real `Error` subclass:
 * `error instanceof ZapiError` and `error instanceof Error` are both true, `error.name` is
 * `"ZapiError"`, `error.message` is a readable sentence. Neither token ever appears in it.
 * Its other properties are those of its `kind` ({@link ZapiErrorFields}): narrow on `kind`.
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
    // A function made from Rust rather than from source text, so a page's CSP has no say; made
    // once per module and kept for the module's life.
    let has_instance = Closure::<dyn Fn(JsValue) -> bool>::new(|value: JsValue| {
        value.is_object() && Reflect::get(&value, &brand()).is_ok_and(|mark| mark.is_truthy())
    });
    let check = Object::new();
    let _ = Reflect::set(&check, &"value".into(), &has_instance.into_js_value());
    Object::define_property(&class, &js_sys::Symbol::has_instance().into(), &check);
    class
}

/// The key every module's errors are marked with (see the module docs).
fn brand() -> JsValue {
    js_sys::Symbol::for_("zapi-communities.ZapiError").into()
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
    // The fields are the core's serde shape of the error (`kind` included), camelCase:
    // exactly what the generated `ZapiErrorFields` declares.
    if let Ok(fields) = crate::convert::plain(&error) {
        let (target, source): (&Object, &Object) = (object.unchecked_ref(), fields.unchecked_ref());
        Object::assign(target, source);
    }
    // Non-enumerable (the descriptor's default): no log, `JSON.stringify` or spread shows it.
    let mark = Object::new();
    let _ = Reflect::set(&mark, &"value".into(), &JsValue::TRUE);
    Object::define_property(object.unchecked_ref::<Object>(), &brand(), &mark);
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
