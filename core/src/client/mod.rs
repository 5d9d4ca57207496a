//! The async client: validate → build → send → parse, with the retry policy, the announcement
//! group resolver and its cache. It owns no runtime; the transport brings the I/O.

use std::sync::{Arc, Mutex, MutexGuard};

use crate::api::{Call, Endpoint};
use crate::client::knowledge::Knowledge;
use crate::error::Error;
use crate::http::HttpResponse;
use crate::transport::{SendOptions, Transport};

/// Base URL shown for the in-memory simulator (never resolved: requests do not leave the process).
pub const SIMULATOR_BASE_URL: &str = "http://simulator.invalid";

mod administration;
mod builder;
mod bulk;
mod communities;
mod context;
mod groups;
pub(crate) mod knowledge;
mod knowledge_file;
mod message_options;
mod messages;
mod options;
pub(crate) mod pager;
pub(crate) mod pager_stream;
mod plan;
mod privacy;
mod queue;
mod resolution;
mod webhooks;

pub use builder::{ClientBuilder, ClientConfig};
pub use knowledge_file::KNOWLEDGE_VERSION;
pub use message_options::{GroupMentionInput, MessageOptions};
pub use messages::AnnounceOptions;
pub use options::{ClientOptions, OptionValue};

/// A client for one Z-API instance. Cheap to clone: clones share the connection pool and the
/// announcement-group cache.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> Result<(), zapi_communities::Error> {
/// use zapi_communities::Client;
/// let client = Client::simulated(); // the embedded simulator; use Client::from_env() for the real service
/// let community = client.create_community("Neighbours", Some("Street news")).await?;
/// let sent = client.announce(&community.id, "Bins go out tonight", Default::default()).await?;
/// assert_eq!(sent.announcement_group.group_id, community.announcement_group.unwrap());
/// # Ok(())
/// # }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

struct Inner {
    endpoint: Endpoint,
    config: ClientConfig,
    transport: Arc<dyn Transport>,
    knowledge: Mutex<Knowledge>,
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").field("endpoint", &self.inner.endpoint).field("config", &self.inner.config).finish()
    }
}

impl Client {
    /// Starts building a client for `endpoint`.
    pub fn builder(endpoint: Endpoint) -> ClientBuilder {
        ClientBuilder { endpoint, config: ClientConfig::default(), transport: None }
    }

    /// A client configured by the `ZAPI_*` environment variables: every [`ClientOptions`]
    /// field, `ZAPI_` and its name in capitals (`ZAPI_INSTANCE_ID`, `ZAPI_TOKEN`,
    /// `ZAPI_CLIENT_TOKEN`, `ZAPI_BASE_URL`, `ZAPI_TIMEOUT_MS`, `ZAPI_ALLOW_INSECURE_HTTP`, …).
    ///
    /// # Errors
    /// [`Error::Validation`] naming the missing or invalid variable.
    pub fn from_env() -> Result<Client, Error> {
        Self::builder_from_vars(|name| std::env::var(name).ok(), ClientOptions::default())?.build()
    }

    /// Like [`Client::from_env`], reading each `ZAPI_*` variable through `get`: for runtimes
    /// whose environment `std::env` cannot see (WebAssembly under Node reads `process.env`).
    ///
    /// ```
    /// use zapi_communities::Client;
    /// let vars = [("ZAPI_INSTANCE_ID", "MY-INSTANCE"), ("ZAPI_TOKEN", "my-token")];
    /// let client = Client::from_vars(|name| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string()))?;
    /// assert_eq!(client.endpoint().instance_id(), "MY-INSTANCE");
    /// let missing = Client::from_vars(|_| None).unwrap_err();
    /// assert_eq!(missing.field(), Some("ZAPI_INSTANCE_ID"));
    /// # Ok::<(), zapi_communities::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] naming the missing or invalid variable.
    pub fn from_vars(get: impl Fn(&str) -> Option<String>) -> Result<Client, Error> {
        Self::builder_from_vars(get, ClientOptions::default())?.build()
    }

    /// The builder behind [`Client::from_vars`]: the options the `ZAPI_*` variables give, with
    /// every option `overrides` sets taking precedence (the bindings' `from_env(…)` options).
    /// Errors about a value taken from a variable name the variable.
    ///
    /// ```
    /// use std::time::Duration;
    /// use zapi_communities::{Client, ClientOptions};
    /// let vars = [("ZAPI_INSTANCE_ID", "MY-INSTANCE"), ("ZAPI_TOKEN", "my-token"), ("ZAPI_TIMEOUT_MS", "9000")];
    /// let get = |name: &str| vars.iter().find(|(k, _)| *k == name).map(|(_, v)| v.to_string());
    /// let faster = ClientOptions { timeout_ms: Some(5000), ..Default::default() };
    /// let client = Client::builder_from_vars(get, faster)?.build()?;
    /// assert_eq!(client.config().timeout, Duration::from_secs(5));
    /// let none = Client::builder_from_vars(|_| None, ClientOptions::default()).unwrap_err();
    /// assert_eq!(none.field(), Some("ZAPI_INSTANCE_ID"));
    /// # Ok::<(), zapi_communities::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::Validation`] naming the missing or invalid variable (or option).
    pub fn builder_from_vars(
        get: impl Fn(&str) -> Option<String>,
        overrides: ClientOptions,
    ) -> Result<ClientBuilder, Error> {
        // A variable whose option the caller passed is not read: the option wins, even over a
        // variable that would not parse.
        let given = overrides.given();
        let shadowed: Vec<String> = given.iter().map(|name| options::env_name(name)).collect();
        let from_env =
            ClientOptions::from_vars(
                |variable| if shadowed.iter().any(|s| s == variable) { None } else { get(variable) },
            )?;
        // An error about an option the environment gave (or should have given) names its
        // variable; one about an option the caller passed names the option.
        let from_variable = |field: &str| !given.contains(&field) && (is_set(&from_env, field) || is_required(field));
        let named = |e: Error| {
            let Some(field) = e.field().filter(|f| from_variable(f)).map(str::to_owned) else { return e };
            e.with_field_renamed(&field, &options::env_name(&field))
        };
        from_env.clone().overridden_by(overrides).into_builder().map_err(named)
    }

    /// A client wired to a fresh in-memory simulator of the service (no network, no
    /// credentials): the embedded default for tours, tests and demos.
    pub fn simulated() -> Client {
        Self::simulated_with(Arc::new(crate::sim::Simulator::demo()))
            .unwrap_or_else(|_| unreachable!("the demo simulator's credentials are valid"))
    }

    /// A client wired to `simulator` (share it to inspect its state or request log).
    ///
    /// # Errors
    /// [`Error::Validation`] when the simulator's configured instance id or token cannot be used
    /// in a URL (naming `instance_id` or `token`).
    pub fn simulated_with(simulator: Arc<crate::sim::Simulator>) -> Result<Client, Error> {
        let config = simulator.config();
        let mut endpoint =
            Endpoint::new(config.instance_id.clone(), config.token.clone())?.with_base_url(SIMULATOR_BASE_URL)?;
        if let Some(client_token) = &config.client_token {
            endpoint = endpoint.with_client_token(client_token.clone());
        }
        let transport: Arc<dyn Transport> = Arc::new(crate::sim::SimulatorTransport::new(simulator));
        // Nothing leaves the process, so the simulator's `http://` base URL carries no risk.
        Self::builder(endpoint).transport(transport).allow_insecure_http(true).build()
    }

    /// The endpoint (tokens redacted in `Debug`).
    pub fn endpoint(&self) -> &Endpoint {
        &self.inner.endpoint
    }

    /// The configuration in force.
    pub fn config(&self) -> &ClientConfig {
        &self.inner.config
    }

    pub(crate) fn knowledge(&self) -> MutexGuard<'_, Knowledge> {
        // A panic while holding the lock cannot leave the cache half-written in a way that
        // matters (every update is a single insert or remove), so a poisoned lock is reused.
        self.inner.knowledge.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs any call: validates and builds it (no I/O on bad input), sends it under the retry
    /// policy, parses the answer. Every error is free of both tokens.
    ///
    /// # Errors
    /// Any [`Error`] kind.
    pub async fn execute<C: Call>(&self, call: &C) -> Result<C::Output, Error> {
        let endpoint = &self.inner.endpoint;
        let request = call.build(endpoint).map_err(|e| endpoint.redact_error(e))?;
        let response = self.send(request).await?;
        call.parse(&response).map_err(|e| endpoint.redact_error(e))
    }

    async fn send(&self, request: crate::http::HttpRequest) -> Result<HttpResponse, Error> {
        let config = &self.inner.config;
        let options = SendOptions { timeout: config.timeout, max_body_bytes: config.max_body_bytes };
        let mut attempt = 0;
        loop {
            tracing::debug!(method = %request.method, path = %request.path, attempt, "sending");
            let outcome = self.inner.transport.send(&request, options).await;
            match config.retry.next_delay(request.method, &outcome, attempt) {
                Some(delay) => {
                    tracing::info!(method = %request.method, path = %request.path, attempt, ?delay, "retrying");
                    self.inner.transport.sleep(delay).await;
                    attempt += 1;
                }
                None => {
                    return match outcome {
                        Ok(response) => {
                            tracing::debug!(path = %request.path, status = response.status, "answered");
                            Ok(response)
                        }
                        Err(error) => {
                            // Redacted before it is logged: a transport's message may quote the URL.
                            let error = self.inner.endpoint.redact_error(Error::from_transport(error, config.timeout));
                            tracing::warn!(path = %request.path, %error, "failed");
                            Err(error)
                        }
                    };
                }
            }
        }
    }
}

/// Whether `options` gives the option called `name`.
fn is_set(options: &ClientOptions, name: &str) -> bool {
    options.given().contains(&name)
}

/// Options a client cannot do without; a missing one is reported as its variable by `from_env`.
fn is_required(name: &str) -> bool {
    matches!(name, "instance_id" | "token" | "base_url")
}
