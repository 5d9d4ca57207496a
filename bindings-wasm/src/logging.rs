//! `setLogger`: the library's log lines to a JS callback or the console.

use std::cell::RefCell;
use std::sync::Arc;

use js_sys::{Function, Reflect};
use serde::Deserialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;
use zapi_communities::Error;
use zapi_communities::logging::{LogLevel, set_log_sink};

use crate::errors::to_js;

#[wasm_bindgen(typescript_custom_section)]
const LOG_TYPES: &str = r#"
/** Receives each log line with its level. */
export type LogCallback = (level: LogLevel, message: string) => void;
"#;

/// Options of `setLogger`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LoggerOptions {
    /// The most verbose level that passes. Default `"warn"`.
    #[tsify(optional)]
    pub level: Option<LogLevel>,
}

/// Where lines go. The module runs on one thread, so the sink (which the core wants `Send`)
/// finds it here rather than holding it.
enum Target {
    Console,
    Callback(Function),
}

thread_local! {
    static TARGET: RefCell<Option<Target>> = const { RefCell::new(None) };
}

/// Sends the library's log lines to `logger`: `"console"` (`console.error`, `.warn`, `.info`,
/// `.debug`), a function called with each line's level and text, or `null` to stop them. Lines
/// name methods, relative paths, statuses and redacted errors, never a token. `options.level` is
/// the most verbose level that passes (default `"warn"`). A callback that throws loses that line.
#[wasm_bindgen(js_name = setLogger)]
pub fn set_logger(
    #[wasm_bindgen(unchecked_param_type = "\"console\" | LogCallback | null")] logger: JsValue,
    options: Option<Ts<LoggerOptions>>,
) -> Result<(), JsValue> {
    let o: LoggerOptions = crate::convert::options("options", options.map_or(JsValue::UNDEFINED, |o| o.js_value()))?;
    let level = o.level.unwrap_or(LogLevel::Warn);
    let target = if logger.is_null() || logger.is_undefined() {
        None
    } else if logger.as_string().as_deref() == Some("console") {
        Some(Target::Console)
    } else if let Some(callback) = logger.dyn_ref::<Function>() {
        Some(Target::Callback(callback.clone()))
    } else {
        return Err(to_js(Error::validation("logger", "must be \"console\", a function or null")));
    };
    let on = target.is_some();
    TARGET.with(|t| *t.borrow_mut() = target);
    set_log_sink(on.then(|| Arc::new(emit) as _), level);
    Ok(())
}

fn emit(level: LogLevel, line: &str) {
    TARGET.with(|target| match &*target.borrow() {
        Some(Target::Callback(callback)) => {
            let _ = callback.call2(&JsValue::NULL, &level.as_str().into(), &line.into());
        }
        Some(Target::Console) => {
            let method = match level {
                LogLevel::Error => "error",
                LogLevel::Warn => "warn",
                LogLevel::Info => "info",
                LogLevel::Debug | LogLevel::Trace => "debug",
            };
            let console = Reflect::get(&js_sys::global(), &"console".into()).unwrap_or(JsValue::UNDEFINED);
            if let Some(log) = Reflect::get(&console, &method.into()).ok().and_then(|f| f.dyn_into::<Function>().ok()) {
                let _ = log.call1(&console, &format!("zapi-communities: {line}").into());
            }
        }
        None => {}
    });
}
