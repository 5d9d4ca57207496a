//! `Client`: construction, and the announcement-group cache.

use std::sync::Arc;
use std::time::Duration;

use js_sys::Reflect;
use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::api::{DEFAULT_BASE_URL, Endpoint};
use zapi_communities::{AnnouncementGroup, AnnouncementSource, Client, RetryPolicy};

use crate::args::{community_id, group_id, optional_string};
use crate::convert::{options, plain, typed, whole_u32, whole_u64};
use crate::errors::OrThrow;
use crate::options::ClientOptions;
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
    /// A client for the service (`instanceId` + `token`, server side) or for your backend proxy
    /// (`baseUrl` only, in a web page: see the README's "Browser use").
    ///
    /// Throws a `ZapiError` of kind `validation` naming the bad option (`instance_id`, `token`,
    /// `base_url`, `timeout_ms`, `max_retries`, `max_body_bytes`, or `options` for an unknown key).
    #[wasm_bindgen(constructor)]
    pub fn new(#[wasm_bindgen(js_name = options)] raw_options: Ts<ClientOptions>) -> Result<JsClient, JsValue> {
        let o: ClientOptions = options("options", raw_options.js_value())?;
        let endpoint = match o.token {
            Some(token) => Endpoint::new(o.instance_id.unwrap_or_default(), token)
                .and_then(|e| e.with_base_url(o.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL))),
            None => Endpoint::behind_proxy(o.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL), o.instance_id.as_deref()),
        }
        .js()?;
        let endpoint = match o.client_token {
            Some(client_token) => endpoint.with_client_token(client_token),
            None => endpoint,
        };
        let mut builder = Client::builder(endpoint).transport(Arc::new(FetchTransport));
        if let Some(ms) = o.timeout_ms {
            builder = builder.timeout(Duration::from_millis(whole_u64("timeout_ms", ms).js()?));
        }
        if let Some(retries) = o.max_retries {
            let max_retries = whole_u32("max_retries", retries).js()?;
            builder = builder.retry(RetryPolicy { max_retries, ..RetryPolicy::default() });
        }
        if let Some(bytes) = o.max_body_bytes {
            let limit = usize::try_from(whole_u64("max_body_bytes", bytes).js()?).unwrap_or(usize::MAX);
            builder = builder.max_body_bytes(limit);
        }
        let client = builder.build().js()?;
        if client.endpoint().is_public_host() && in_browser() {
            // Facts §1.1: the instance id and token let anyone send as you.
            warn(
                "zapi-communities: this page calls api.z-api.io directly, so anyone who opens it can read the instance \
                 token and send messages as you. Keep the token on your server: pass only `baseUrl` pointing at your \
                 own backend proxy (see the README, \"Browser use\").",
            );
        }
        Ok(JsClient(client))
    }

    /// A client for the service from `ZAPI_INSTANCE_ID`, `ZAPI_TOKEN`, `ZAPI_CLIENT_TOKEN`
    /// (optional) and `ZAPI_BASE_URL` (optional) in `process.env` (Node). Throws a `ZapiError`
    /// of kind `validation` naming the missing variable (always, where there is no `process`).
    #[wasm_bindgen(js_name = fromEnv)]
    pub fn from_env() -> Result<JsClient, JsValue> {
        let env = Reflect::get(&js_sys::global(), &"process".into())
            .and_then(|process| Reflect::get(&process, &"env".into()))
            .unwrap_or(JsValue::UNDEFINED);
        let get = |name: &str| {
            if env.is_object() { Reflect::get(&env, &name.into()).ok().and_then(|v| v.as_string()) } else { None }
        };
        Client::builder_from_vars(get)
            .and_then(|builder| builder.transport(Arc::new(FetchTransport)).build())
            .map(JsClient)
            .js()
    }

    /// A client wired to a fresh in-memory simulator of the service: no network, no
    /// credentials. For demos and front-end tests. Only in the `zapi-communities/simulator`
    /// build, so that the module most pages load does not carry the simulator.
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

    /// The announcement group of a community, the group through which the whole community is
    /// messaged. Without `source`: from the cache when known, else community metadata, else
    /// the chat list confirmed by group metadata. With `source` (`community_metadata` or
    /// `chat_list`): that source only, refreshing the cache; `create_response` and `explicit`
    /// answer from the cache. The result says which source found it.
    ///
    /// Rejects with a `ZapiError` of kind `not_found` when no source has it.
    #[wasm_bindgen(js_name = resolveAnnouncementGroup)]
    pub async fn resolve_announcement_group(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "AnnouncementSource")] source: JsValue,
    ) -> Result<Ts<AnnouncementGroup>, JsValue> {
        let community = community_id(&community)?;
        let group = match optional_string("source", &source)? {
            None => self.0.resolve_announcement_group(&community).await,
            Some(source) => {
                let source = AnnouncementSource::parse(&source).js()?;
                self.0.resolve_announcement_group_from(&community, source).await
            }
        }
        .js()?;
        typed(&group)
    }

    /// Tells the client a community's announcement group (source `explicit`), e.g. one your
    /// application stored. It is used until invalidated. No request is made.
    #[wasm_bindgen(js_name = rememberAnnouncementGroup)]
    pub fn remember_announcement_group(
        &self,
        #[wasm_bindgen(js_name = communityId, unchecked_param_type = "string")] community: JsValue,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group: JsValue,
    ) -> Result<Ts<AnnouncementGroup>, JsValue> {
        let (community, group) = (community_id(&community)?, group_id(&group)?);
        typed(&self.0.remember_announcement_group(&community, &group))
    }

    /// The cached announcement group of a community, or `null`. No request is made.
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
}

/// Whether this runs in a web page or a web worker (not Node, Deno or Bun).
fn in_browser() -> bool {
    let global = js_sys::global();
    ["document", "WorkerGlobalScope"]
        .iter()
        .any(|name| Reflect::get(&global, &(*name).into()).is_ok_and(|v| !v.is_undefined()))
}
