//! `Client`: construction, and the announcement-group cache.

use std::sync::Arc;

use js_sys::Reflect;
use tsify::Ts;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use zapi_communities::naming::snake_case;
use zapi_communities::{AnnouncementGroup, AnnouncementSource, Client, ClientOptions, OptionValue};

use crate::args::{community_id, group_id, optional_string};
use crate::cancel::Cancel;
use crate::convert::{plain, typed};
use crate::errors::OrThrow;
use crate::transport::FetchTransport;

/// A client for one Z-API instance, or (from `zapi-communities/simulator`) for the in-memory
/// simulator: `Client.simulated()`.
///
/// Every call validates its arguments before any request (a bad one rejects with a
/// `ZapiError` of kind `validation` and nothing is sent), retries only what is safe to repeat,
/// and resolves to plain objects. The client remembers each community's announcement group.
#[wasm_bindgen(js_name = Client)]
pub struct JsClient(pub(crate) Client);

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = console)]
    fn warn(message: &str);
}

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// A client for the service (`instanceId` + `token`, server side) or for your backend
    /// (`proxy: true` and `baseUrl`, in a web page: see the README's "Browser use"). Every option
    /// is optional and takes its default when left out.
    ///
    /// Throws a `ZapiError` of kind `validation` naming the bad option (`instance_id`, `token`,
    /// `base_url`, `timeout_ms`, …: the snake_case names every language shares).
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = options, unchecked_param_type = "ClientOptions")] raw_options: JsValue,
    ) -> Result<JsClient, JsValue> {
        let client =
            read_options(&raw_options)?.into_builder().js()?.transport(Arc::new(FetchTransport)).build().js()?;
        if client.endpoint().is_public_host() && in_browser() {
            // The instance id and token let anyone send as you (developer.z-api.io, security).
            warn(
                "zapi-communities: this page calls api.z-api.io directly, so anyone who opens it can read the instance \
                 token and send messages as you. Keep the token on your server: use proxy mode, with `baseUrl` \
                 pointing at your own backend (see the README, \"Browser use\").",
            );
        }
        Ok(JsClient(client))
    }

    /// A client configured by the `ZAPI_*` environment variables: every `ClientOptions` field,
    /// `ZAPI_` and its name in capitals (`ZAPI_INSTANCE_ID`, `ZAPI_TOKEN`, `ZAPI_CLIENT_TOKEN`,
    /// `ZAPI_BASE_URL`, `ZAPI_TIMEOUT_MS`, `ZAPI_ALLOW_INSECURE_HTTP`, …).
    #[wasm_bindgen(js_name = fromEnv)]
    pub fn from_env(
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "ClientOptions")] raw_options: JsValue,
    ) -> Result<JsClient, JsValue> {
        let overrides = read_options(&raw_options)?;
        let env = Reflect::get(&js_sys::global(), &"process".into())
            .and_then(|process| Reflect::get(&process, &"env".into()))
            .unwrap_or(JsValue::UNDEFINED);
        let get = |name: &str| {
            if env.is_object() { Reflect::get(&env, &name.into()).ok().and_then(|v| v.as_string()) } else { None }
        };
        Client::builder_from_vars(get, overrides)
            .and_then(|builder| builder.transport(Arc::new(FetchTransport)).build())
            .map(JsClient)
            .js()
    }

    /// A client wired to a fresh in-memory simulator of the service (no network, no credentials):
    /// the embedded default for tours, tests and demos.
    #[cfg(feature = "simulator")]
    pub fn simulated() -> JsClient {
        JsClient(Client::simulated())
    }

    /// The base URL requests go to (`http://simulator.invalid` for the in-memory simulator).
    #[wasm_bindgen(getter, js_name = baseUrl)]
    pub fn base_url(&self) -> String {
        self.0.endpoint().base_url().to_owned()
    }

    // ----- announcement-group resolution and cache --------------------------------------

    /// The announcement group of a community: from the cache when known (the create response and
    /// earlier lookups fill it), else from community metadata, else from the chat list confirmed by
    /// each candidate's group metadata. The answer says which source found it.
    ///
    /// Rejects with a `ZapiError` of kind `not_found` when no source has it.
    #[wasm_bindgen(js_name = resolveAnnouncementGroup)]
    pub async fn resolve_announcement_group(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AnnouncementSource")] source: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<AnnouncementGroup>, JsValue> {
        let community = community_id(&community)?;
        let source = optional_string("source", &source)?.map(|s| AnnouncementSource::parse(&s)).transpose().js()?;
        let cancel = Cancel::read(&call)?;
        let group = match source {
            None => cancel.run(self.0.resolve_announcement_group(&community)).await?,
            Some(source) => cancel.run(self.0.resolve_announcement_group_from(&community, source)).await?,
        };
        typed(&group.js()?)
    }

    /// Tells the client a community's announcement group (source `explicit`), e.g. one stored by
    /// your application. It is used until invalidated.
    #[wasm_bindgen(js_name = rememberAnnouncementGroup)]
    pub fn remember_announcement_group(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
    ) -> Result<Ts<AnnouncementGroup>, JsValue> {
        let (community, group) = (community_id(&community)?, group_id(&group)?);
        typed(&self.0.remember_announcement_group(&community, &group))
    }

    /// The cached announcement group of a community, with no I/O.
    #[wasm_bindgen(js_name = cachedAnnouncementGroup, unchecked_return_type = "AnnouncementGroup | null")]
    pub fn cached_announcement_group(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
    ) -> Result<JsValue, JsValue> {
        plain(&self.0.cached_announcement_group(&community_id(&community)?))
    }

    /// Forgets what the client knows of one community (announcement group, linked groups).
    pub fn invalidate(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
    ) -> Result<(), JsValue> {
        self.0.invalidate(&community_id(&community)?);
        Ok(())
    }

    /// Forgets everything the client has cached.
    #[wasm_bindgen(js_name = invalidateAll)]
    pub fn invalidate_all(&self) {
        self.0.invalidate_all();
    }

    /// What the client knows (announcement groups, linked groups, which community owns which group,
    /// the community ids it has seen) as a versioned JSON document, for `import_knowledge` in
    /// another process or after a restart. It holds ids and names, never a credential.
    #[wasm_bindgen(js_name = exportKnowledge)]
    pub fn export_knowledge(&self) -> String {
        self.0.export_knowledge()
    }

    /// Adds a document written by `export_knowledge` to what the client knows; an entry for a
    /// community the client knows already replaces it. Everything is checked first: on error
    /// nothing changes.
    #[wasm_bindgen(js_name = importKnowledge)]
    pub fn import_knowledge(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] json: JsValue,
    ) -> Result<(), JsValue> {
        self.0.import_knowledge(&crate::args::string("knowledge", &json)?).js()
    }
}

/// The options object (`undefined` or `null`: every default), each property read by the core's
/// `ClientOptions::set` under its snake_case name, so a bad value fails as in every language.
fn read_options(raw: &JsValue) -> Result<ClientOptions, JsValue> {
    let mut options = ClientOptions::default();
    if raw.is_undefined() || raw.is_null() {
        return Ok(options);
    }
    if !raw.is_object() || raw.is_array() {
        return Err(zapi_communities::Error::validation("options", "must be an object")).js();
    }
    let object: &js_sys::Object = raw.unchecked_ref();
    for key in js_sys::Object::keys(object).iter() {
        let key = key.as_string().unwrap_or_default();
        let name = snake_case(&key);
        let value = Reflect::get(object, &key.as_str().into()).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() || value.is_null() {
            continue;
        }
        let value = if let Some(b) = value.as_bool() {
            OptionValue::Bool(b)
        } else if let Some(n) = value.as_f64() {
            if js_sys::Number::is_safe_integer(&value) { OptionValue::Int(n as i128) } else { OptionValue::Float(n) }
        } else if let Some(text) = value.as_string() {
            OptionValue::Text(text)
        } else {
            let reason = "must be a boolean, a number or a string";
            return Err(zapi_communities::Error::validation(name, reason)).js();
        };
        options.set(&name, value).js()?;
    }
    Ok(options)
}

/// Whether this runs in a web page or a web worker (not Node, Deno or Bun).
fn in_browser() -> bool {
    let global = js_sys::global();
    ["document", "WorkerGlobalScope"]
        .iter()
        .any(|name| Reflect::get(&global, &(*name).into()).is_ok_and(|v| !v.is_undefined()))
}
