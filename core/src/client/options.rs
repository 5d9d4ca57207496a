//! [`ClientOptions`]: every setting of a client, declared once.
//!
//! The list in [`for_each_client_option!`](crate::for_each_client_option) is the only place a
//! setting is named, typed and documented. It expands into [`ClientOptions`] (which derives its
//! Kotlin/Swift record and its TypeScript options type), into [`ClientOptions::set`] (how the
//! Python keyword arguments, the JS options object and the environment variables are read, each
//! value checked and named the same way), and into the Python binding's keyword arguments. The
//! defaults live where the values are used ([`ClientConfig::default`](super::ClientConfig),
//! [`RetryPolicy::default`](crate::RetryPolicy), [`DEFAULT_BASE_URL`](crate::api::DEFAULT_BASE_URL)),
//! and a test holds each option's doc to its default.

use std::fmt;
use std::time::Duration;

use crate::api::Endpoint;
use crate::error::Error;
use crate::retry::RetryPolicy;

use super::{Client, ClientBuilder};

/// Calls `$callback! { … }` with every client option: its doc, name and type. Bindings expand
/// it into their constructors (Python's keyword arguments), so an option added here reaches
/// every language at once.
#[macro_export]
macro_rules! for_each_client_option {
    ($callback:ident) => {
        $callback! {
            /// The instance id, from the Z-API panel. Required unless `proxy` is set.
            instance_id: String,
            /// The instance token. It travels in the URL path and is never shown. Required unless `proxy` is set.
            token: String,
            /// The account's security token, sent as the `Client-Token` header once the account enables it. Never shown.
            client_token: String,
            /// Where requests go. Default `https://api.z-api.io`; your backend in proxy mode, or the simulator server. Plain `http://` only to a loopback host unless `allow_insecure_http` is set.
            base_url: String,
            /// Proxy mode: `base_url` is your own backend, which holds the instance id and token and forwards each call to Z-API; the app carries no secret. Default false.
            proxy: bool,
            /// Limit for one exchange (connect, send, read the body), in milliseconds. Default 30000.
            timeout_ms: u64,
            /// Retries after the first attempt, 0 for none. A POST is repeated only when it provably never left. Default 2.
            max_retries: u32,
            /// The first pause before a retry, in milliseconds; it doubles on each retry. Default 200.
            initial_backoff_ms: u64,
            /// The longest pause before a retry, in milliseconds; a longer `Retry-After` is not waited for. Default 10000.
            max_backoff_ms: u64,
            /// Response bodies longer than this many bytes are refused unread (a `decode` error). Default 33554432 (32 MiB).
            max_body_bytes: u64,
            /// Accept a plain `http://` base URL to a host other than loopback, sending the token in clear text. Default false.
            allow_insecure_http: bool,
            /// Items per page when a pager is not given a page size. Default 100.
            page_size: u32,
        }
    };
}

/// A value a binding was given for an option, before it is checked: what a Python keyword
/// argument, a JS options object's property or an environment variable holds.
#[derive(Debug, Clone, PartialEq)]
pub enum OptionValue {
    /// `True`, `true`.
    Bool(bool),
    /// A whole number.
    Int(i128),
    /// A number with a fraction (JS numbers that are not safe integers, Python floats).
    Float(f64),
    /// Text (every environment variable).
    Text(String),
}

/// How one option's type reads an [`OptionValue`], naming the option when it cannot.
trait OptionType: Sized {
    fn read(name: &str, value: OptionValue) -> Result<Self, Error>;
}

impl OptionType for String {
    fn read(name: &str, value: OptionValue) -> Result<Self, Error> {
        match value {
            OptionValue::Text(text) => Ok(text),
            other => Err(Error::validation(name, format!("must be text, got {}", shown(&other)))),
        }
    }
}

impl OptionType for bool {
    fn read(name: &str, value: OptionValue) -> Result<Self, Error> {
        match value {
            OptionValue::Bool(b) => Ok(b),
            // Environment variables: the usual spellings of yes and no.
            OptionValue::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" | "" => Ok(false),
                _ => Err(Error::validation(name, format!("must be true or false (1 or 0), got {text:?}"))),
            },
            other => Err(Error::validation(name, format!("must be true or false, got {}", shown(&other)))),
        }
    }
}

macro_rules! whole_number_option {
    ($($t:ty),*) => {$(
        impl OptionType for $t {
            fn read(name: &str, value: OptionValue) -> Result<Self, Error> {
                let out_of_range = || {
                    Error::validation(name, format!("must be a whole number from 0 to {}, got {}", <$t>::MAX, shown(&value)))
                };
                let whole: i128 = match &value {
                    OptionValue::Int(n) => *n,
                    OptionValue::Float(f) if f.fract() == 0.0 && f.is_finite() && f.abs() < 2f64.powi(100) => *f as i128,
                    OptionValue::Text(text) => text.trim().parse::<i128>().map_err(|_| out_of_range())?,
                    _ => return Err(out_of_range()),
                };
                <$t>::try_from(whole).map_err(|_| out_of_range())
            }
        }
    )*};
}
whole_number_option!(u32, u64);

fn shown(value: &OptionValue) -> String {
    match value {
        OptionValue::Bool(b) => b.to_string(),
        OptionValue::Int(n) => n.to_string(),
        OptionValue::Float(f) => f.to_string(),
        OptionValue::Text(t) => format!("{t:?}"),
    }
}

macro_rules! define_client_options {
    ($( $(#[doc = $doc:literal])* $name:ident : $ty:ty, )*) => {
        /// Everything a client can be configured with; every option is optional and a missing one
        /// takes its default. The same options, in each language's casing, are the keyword
        /// arguments of Python's `Client(…)` and `Client.from_env(…)`, the options object of JS's
        /// `new Client({…})` and `Client.fromEnv({…})`, and Kotlin/Swift's `ClientOptions`; the
        /// environment variable of each is `ZAPI_` and its name in capitals (`ZAPI_TIMEOUT_MS`).
        ///
        /// `Debug` (and Kotlin's `toString()`, Swift's `description`) show `***` for both tokens.
        ///
        /// It also reads from JSON (camelCase keys, as in JS), e.g. a configuration file.
        #[derive(Clone, Default, PartialEq, Eq, serde::Deserialize)]
        #[serde(rename_all = "camelCase", default, deny_unknown_fields)]
        #[cfg_attr(feature = "uniffi", derive(uniffi::Record), uniffi::export(Display, Debug))]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        pub struct ClientOptions {
            $(
                $(#[doc = $doc])*
                #[cfg_attr(feature = "uniffi", uniffi(default))]
                #[cfg_attr(feature = "wasm", tsify(optional))]
                pub $name: Option<$ty>,
            )*
        }

        impl ClientOptions {
            /// Every option's name, in order.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// Every option's doc, in the order of [`ClientOptions::NAMES`].
            pub const DOCS: &'static [&'static str] = &[$(concat!($($doc),*)),*];

            /// Sets the option called `name` (snake_case) from a binding's value.
            ///
            /// # Errors
            /// [`Error::Validation`] naming the option when the value has the wrong type or
            /// range, or when no option has that name.
            pub fn set(&mut self, name: &str, value: OptionValue) -> Result<(), Error> {
                match name {
                    $(stringify!($name) => self.$name = Some(<$ty as OptionType>::read(name, value)?),)*
                    other => {
                        return Err(Error::validation(
                            other,
                            format!("is not an option; the options are {}", Self::NAMES.join(", ")),
                        ))
                    }
                }
                Ok(())
            }

            /// The names of the options given (not left to their default), in order.
            pub fn given(&self) -> Vec<&'static str> {
                let mut given = Vec::new();
                $(if self.$name.is_some() {
                    given.push(stringify!($name));
                })*
                given
            }

            /// These options with every one `over` gives replacing the same one here.
            pub fn overridden_by(self, over: ClientOptions) -> ClientOptions {
                ClientOptions { $($name: over.$name.or(self.$name),)* }
            }
        }
    };
}

for_each_client_option!(define_client_options);

impl ClientOptions {
    /// The options the `ZAPI_*` variables give, read through `get` (`ZAPI_` and the option's
    /// name in capitals; an empty variable counts as unset). Errors name the variable.
    ///
    /// # Errors
    /// [`Error::Validation`] naming the variable whose value is not one the option takes.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<ClientOptions, Error> {
        let mut options = ClientOptions::default();
        for name in Self::NAMES {
            let variable = env_name(name);
            if let Some(value) = get(&variable).filter(|v| !v.trim().is_empty()) {
                options.set(name, OptionValue::Text(value)).map_err(|e| e.with_field_renamed(name, &variable))?;
            }
        }
        Ok(options)
    }

    /// A builder for the client these options describe (the caller may still pick the
    /// transport). Checks every option that can be checked without the transport.
    ///
    /// # Errors
    /// [`Error::Validation`] naming the option: `instance_id` or `token` missing or unusable,
    /// `token` or `client_token` given in proxy mode, `base_url` missing in proxy mode, not an
    /// absolute http(s) URL, or plain `http://` to a host other than loopback without
    /// `allow_insecure_http`.
    pub fn into_builder(self) -> Result<ClientBuilder, Error> {
        let endpoint = if self.proxy.unwrap_or(false) {
            for (name, given) in [("token", self.token.is_some()), ("client_token", self.client_token.is_some())] {
                if given {
                    return Err(Error::validation(
                        name,
                        "must be left out in proxy mode: your backend holds it and adds it to each call",
                    ));
                }
            }
            let base_url = self.base_url.as_deref().ok_or_else(|| {
                Error::validation(
                    "base_url",
                    "is required in proxy mode: the URL of your backend, which holds the token",
                )
            })?;
            Endpoint::behind_proxy(base_url, self.instance_id.as_deref())?
        } else {
            let instance_id = self.instance_id.ok_or_else(|| Error::validation("instance_id", "is required"))?;
            let token = self.token.ok_or_else(|| {
                Error::validation(
                    "token",
                    "is required; to keep it off this device, set proxy and point base_url at your backend",
                )
            })?;
            let mut endpoint = Endpoint::new(instance_id, token)?;
            if let Some(base_url) = &self.base_url {
                endpoint = endpoint.with_base_url(base_url)?;
            }
            match self.client_token {
                Some(client_token) => endpoint.with_client_token(client_token),
                None => endpoint,
            }
        };
        let defaults = super::ClientConfig::default();
        let allow_insecure_http = self.allow_insecure_http.unwrap_or(defaults.allow_insecure_http);
        // Checked here too (the builder checks again), so that `from_env` names the variable.
        super::builder::refuse_clear_text(&endpoint, allow_insecure_http)?;
        let retry = RetryPolicy {
            max_retries: self.max_retries.unwrap_or(defaults.retry.max_retries),
            initial_backoff: self.initial_backoff_ms.map_or(defaults.retry.initial_backoff, Duration::from_millis),
            max_backoff: self.max_backoff_ms.map_or(defaults.retry.max_backoff, Duration::from_millis),
        };
        let config = super::ClientConfig {
            timeout: self.timeout_ms.map_or(defaults.timeout, Duration::from_millis),
            // On a 32-bit target a cap beyond `usize` cannot be reached: it means no cap.
            max_body_bytes: self
                .max_body_bytes
                .map_or(defaults.max_body_bytes, |b| usize::try_from(b).unwrap_or(usize::MAX)),
            retry,
            allow_insecure_http,
            page_size: self.page_size.unwrap_or(defaults.page_size),
        };
        Ok(Client::builder(endpoint).config(config))
    }

    /// The client these options describe, on the default transport.
    ///
    /// # Errors
    /// As [`ClientOptions::into_builder`] and [`ClientBuilder::build`].
    pub fn build(self) -> Result<Client, Error> {
        self.into_builder()?.build()
    }
}

/// `ZAPI_` and the option's name in capitals.
pub(crate) fn env_name(option: &str) -> String {
    format!("ZAPI_{}", option.to_ascii_uppercase())
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let secret = |given: bool| if given { "Some(***)" } else { "None" };
        f.debug_struct("ClientOptions")
            .field("instance_id", &self.instance_id)
            .field("token", &format_args!("{}", secret(self.token.is_some())))
            .field("client_token", &format_args!("{}", secret(self.client_token.is_some())))
            .field("base_url", &self.base_url)
            .field("proxy", &self.proxy)
            .field("timeout_ms", &self.timeout_ms)
            .field("max_retries", &self.max_retries)
            .field("initial_backoff_ms", &self.initial_backoff_ms)
            .field("max_backoff_ms", &self.max_backoff_ms)
            .field("max_body_bytes", &self.max_body_bytes)
            .field("allow_insecure_http", &self.allow_insecure_http)
            .field("page_size", &self.page_size)
            .finish()
    }
}

/// The same as `Debug`: what Kotlin's `toString()` and Swift's `description` show.
impl fmt::Display for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn given(pairs: &[(&str, OptionValue)]) -> Result<ClientOptions, Error> {
        let mut options = ClientOptions::default();
        for (name, value) in pairs {
            options.set(name, value.clone())?;
        }
        Ok(options)
    }

    fn text(s: &str) -> OptionValue {
        OptionValue::Text(s.into())
    }

    #[test]
    fn every_doc_states_the_default_in_force() {
        let defaults = super::super::ClientConfig::default();
        let stated = [
            ("base_url", crate::api::DEFAULT_BASE_URL.to_owned()),
            ("proxy", "false".to_owned()),
            ("timeout_ms", defaults.timeout.as_millis().to_string()),
            ("max_retries", defaults.retry.max_retries.to_string()),
            ("initial_backoff_ms", defaults.retry.initial_backoff.as_millis().to_string()),
            ("max_backoff_ms", defaults.retry.max_backoff.as_millis().to_string()),
            ("max_body_bytes", defaults.max_body_bytes.to_string()),
            ("allow_insecure_http", defaults.allow_insecure_http.to_string()),
            ("page_size", defaults.page_size.to_string()),
        ];
        for (name, value) in stated {
            let doc = ClientOptions::DOCS[ClientOptions::NAMES.iter().position(|n| *n == name).unwrap()];
            let wanted = format!("Default {value}");
            let wanted_code = format!("Default `{value}`");
            assert!(doc.contains(&wanted) || doc.contains(&wanted_code), "{name}: {doc:?} should say {wanted}");
        }
        assert_eq!(ClientOptions::NAMES.len(), ClientOptions::DOCS.len());
    }

    #[test]
    fn values_are_read_by_type_and_errors_name_the_option() {
        let o = given(&[
            ("timeout_ms", OptionValue::Int(1500)),
            ("max_retries", OptionValue::Float(3.0)),
            ("proxy", text("yes")),
            ("page_size", text(" 50 ")),
        ])
        .unwrap();
        assert_eq!((o.timeout_ms, o.max_retries, o.proxy, o.page_size), (Some(1500), Some(3), Some(true), Some(50)));
        for (name, value) in [
            ("timeout_ms", OptionValue::Int(-1)),
            ("timeout_ms", OptionValue::Float(1.5)),
            ("max_retries", OptionValue::Int(1 << 40)),
            ("proxy", text("perhaps")),
            ("token", OptionValue::Int(7)),
            ("timeout", OptionValue::Int(7)),
        ] {
            assert_eq!(given(&[(name, value)]).unwrap_err().field(), Some(name));
        }
    }

    #[test]
    fn the_environment_gives_every_option_and_errors_name_the_variable() {
        let vars = [("ZAPI_INSTANCE_ID", "I"), ("ZAPI_TOKEN", "t"), ("ZAPI_TIMEOUT_MS", "2500"), ("ZAPI_PROXY", "")];
        let get = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
        let o = ClientOptions::from_vars(get).unwrap();
        assert_eq!((o.instance_id.as_deref(), o.timeout_ms, o.proxy), (Some("I"), Some(2500), None));
        let bad = ClientOptions::from_vars(|n| (n == "ZAPI_MAX_RETRIES").then(|| "many".to_owned())).unwrap_err();
        assert_eq!(bad.field(), Some("ZAPI_MAX_RETRIES"));
        let over = o.overridden_by(ClientOptions { timeout_ms: Some(9), ..Default::default() });
        assert_eq!((over.timeout_ms, over.instance_id.as_deref()), (Some(9), Some("I")));
    }

    #[test]
    fn builds_the_client_the_options_describe() {
        let client = ClientOptions {
            instance_id: Some("I".into()),
            token: Some("t".into()),
            base_url: Some("http://127.0.0.1:9".into()),
            timeout_ms: Some(1500),
            max_retries: Some(0),
            max_body_bytes: Some(1024),
            page_size: Some(7),
            ..Default::default()
        }
        .build()
        .unwrap();
        assert_eq!(client.endpoint().base_url(), "http://127.0.0.1:9");
        let config = client.config();
        assert_eq!(
            (config.timeout, config.retry.max_retries, config.max_body_bytes),
            (Duration::from_millis(1500), 0, 1024)
        );
        assert_eq!(config.page_size, 7);
        assert_eq!(ClientOptions::default().build().unwrap_err().field(), Some("instance_id"));
        let no_token = ClientOptions { instance_id: Some("I".into()), ..Default::default() };
        assert_eq!(no_token.build().unwrap_err().field(), Some("token"));
    }

    #[test]
    fn proxy_mode_carries_no_secret() {
        let proxy = ClientOptions {
            proxy: Some(true),
            base_url: Some("https://backend.example/zapi".into()),
            ..Default::default()
        };
        let client = proxy.clone().build().unwrap();
        assert_eq!(client.endpoint().instance_id(), crate::api::PROXY_PLACEHOLDER);
        for leaked in [
            ClientOptions { token: Some("t".into()), ..proxy.clone() },
            ClientOptions { client_token: Some("c".into()), ..proxy.clone() },
        ] {
            let field = leaked.build().unwrap_err();
            assert!(matches!(field.field(), Some("token" | "client_token")), "{field}");
        }
        let nowhere = ClientOptions { base_url: None, ..proxy };
        assert_eq!(nowhere.build().unwrap_err().field(), Some("base_url"));
    }

    #[test]
    fn debug_never_shows_the_tokens() {
        let o = ClientOptions {
            token: Some("canary-1".into()),
            client_token: Some("canary-2".into()),
            ..Default::default()
        };
        for shown in [format!("{o:?}"), o.to_string()] {
            assert!(!shown.contains("canary") && shown.contains("token: Some(***)"), "{shown}");
        }
    }
}
