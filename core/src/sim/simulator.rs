//! The [`Simulator`]: state + request log behind one mutex, and the request pipeline.

use std::sync::{Mutex, MutexGuard};

use super::config::SimConfig;
use super::events::SimWebhook;
use super::handlers::{InviteJoin, join_by_link, set_link_mode, set_phone_connected, withdraw_request};
use super::log::{LoggedRequest, RequestLog};
use super::reply::Refusal;
use super::state::{SimCommunity, SimGroup, SimMessage, SimState};
use super::{auth, body, fixture, handlers, routes};
use crate::error::Error;
use crate::http::{HttpRequest, HttpResponse};
use crate::webhook::LinkMode;

/// An in-memory Z-API instance. Cheap to create; share it behind an `Arc` (it is `Send + Sync`).
///
/// ```
/// use zapi_communities::sim::Simulator;
/// use zapi_communities::{HttpRequest, Method, Secret};
///
/// let sim = Simulator::demo();
/// let response = sim.handle(&HttpRequest {
///     method: Method::Post,
///     base_url: "http://sim".into(),
///     instance_id: "SIM-INSTANCE".into(),
///     token: Secret::new("sim-token"),
///     path: "/communities".into(),
///     query: vec![],
///     headers: vec![
///         ("Client-Token".into(), "sim-client-token".into()),
///         ("Content-Type".into(), "application/json".into()),
///     ],
///     body: Some(r#"{"name":"Neighbours"}"#.into()),
/// });
/// assert_eq!(response.status, 200);
/// assert_eq!(sim.state().communities[0].name, "Neighbours");
/// ```
#[derive(Debug)]
pub struct Simulator {
    config: SimConfig,
    initial: SimState,
    inner: Mutex<Inner>,
}

#[derive(Debug)]
struct Inner {
    state: SimState,
    log: RequestLog,
    /// Events posted and not yet taken (`take_webhooks`), oldest first.
    webhooks: std::collections::VecDeque<SimWebhook>,
}

/// The most events kept for `take_webhooks`; older ones are dropped first.
const MAX_WEBHOOKS: usize = 10_000;

impl Inner {
    /// Keeps `scratch` as the state, and the events its request queued.
    fn commit(&mut self, mut scratch: SimState, instance_id: &str) {
        let queued = std::mem::take(&mut scratch.outbox);
        self.state = scratch;
        for event in queued {
            if self.webhooks.len() == MAX_WEBHOOKS {
                self.webhooks.pop_front();
            }
            self.webhooks.push_back(event.into_webhook(instance_id, &self.state));
        }
    }
}

impl Simulator {
    /// An empty instance (no communities, groups or chats) accepting `config`'s credentials.
    pub fn new(config: SimConfig) -> Self {
        let state = SimState::empty(config.connected_phone.clone());
        Self::build(config, state)
    }

    /// [`Simulator::new`] with [`SimConfig::demo`]: instance `SIM-INSTANCE`, token `sim-token`,
    /// Client-Token `sim-client-token`, connected phone `5511900000000`.
    pub fn demo() -> Self {
        Self::new(SimConfig::demo())
    }

    /// The demo credentials with the state of a fixture (schema: [module docs](crate::sim)).
    ///
    /// # Errors
    /// [`Error::Validation`] with a field starting `fixture` when the JSON is invalid, has
    /// unknown keys, or describes an impossible state (dangling or duplicate ids, …).
    pub fn from_fixture_json(json: &str) -> Result<Self, Error> {
        Self::with_fixture_json(SimConfig::demo(), json)
    }

    /// `config`'s credentials with the state of a fixture.
    ///
    /// # Errors
    /// As [`Simulator::from_fixture_json`].
    pub fn with_fixture_json(config: SimConfig, json: &str) -> Result<Self, Error> {
        let state = fixture::parse(json, &config.connected_phone)?;
        Ok(Self::build(config, state))
    }

    /// `config`'s credentials with a state built in Rust.
    ///
    /// # Errors
    /// As [`Simulator::from_fixture_json`].
    pub fn with_state(config: SimConfig, state: SimState) -> Result<Self, Error> {
        let state = fixture::normalize(state, &config.connected_phone)?;
        Ok(Self::build(config, state))
    }

    fn build(config: SimConfig, state: SimState) -> Self {
        let inner = Inner { state: state.clone(), log: RequestLog::default(), webhooks: Default::default() };
        Self { config, initial: state, inner: Mutex::new(inner) }
    }

    /// The credentials this simulator accepts.
    pub fn config(&self) -> &SimConfig {
        &self.config
    }

    /// Answers one request as the service would, and logs it.
    ///
    /// Checks run in this order: instance id and token (401), Client-Token (403
    /// `{"error":"null not allowed"}`), route (404, or 405 for a wrong method), Content-Type of a
    /// JSON body (415), then the call itself. A refused call changes nothing.
    pub fn handle(&self, request: &HttpRequest) -> HttpResponse {
        self.run(request, true, None)
    }

    /// Like [`Simulator::handle`] for a request a fault intercepted (server mode): the log entry
    /// names `fault`, and when `apply` is false the answer is computed on a throw-away copy of
    /// the state, so a test can prove that a faulted POST was not applied.
    pub fn handle_faulted(&self, request: &HttpRequest, fault: &str, apply: bool) -> HttpResponse {
        self.run(request, apply, Some(fault))
    }

    fn run(&self, request: &HttpRequest, apply: bool, fault: Option<&str>) -> HttpResponse {
        let mut inner = self.lock();
        // Work on a copy and keep it only on success: a refusal can never leave half a change.
        let mut scratch = inner.state.clone();
        let response = answer(&self.config, &mut scratch, request);
        if apply && response.is_success() {
            inner.commit(scratch, &self.config.instance_id);
        }
        inner.log.record(request, response.status, apply, fault);
        tracing::debug!(method = %request.method, path = %request.path, status = response.status, "simulator");
        response
    }

    /// Lets `seconds` of the logical clock pass, as waiting would: the simulator transport does
    /// this for every sleep a client asks for, and `zapi-sim` follows the wall clock with it
    /// while an add limit is set, so paced adds and `Retry-After` waits find the window moved.
    pub fn advance_clock(&self, seconds: u64) {
        let mut inner = self.lock();
        inner.state.clock = inner.state.clock.saturating_add(seconds);
    }

    /// Whether the state limits adds per minute (`limits.addsPerMinute`).
    pub fn has_add_limit(&self) -> bool {
        self.lock().state.limits.adds_per_minute.is_some()
    }

    /// Every logged request, oldest first (at most the latest 10 000).
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.lock().log.entries()
    }

    /// Empties the request log.
    pub fn clear_log(&self) {
        self.lock().log.clear();
    }

    /// A copy of the whole state.
    pub fn state(&self) -> SimState {
        self.lock().state.clone()
    }

    /// The state as fixture JSON (pretty-printed); feed it to [`Simulator::from_fixture_json`]
    /// to continue from here, or compare it with an expected end state.
    pub fn snapshot_json(&self) -> String {
        serde_json::to_string_pretty(&self.lock().state).unwrap_or_else(|_| "{}".into())
    }

    /// Replaces the state with a fixture's and empties the log; the credentials stay.
    ///
    /// # Errors
    /// As [`Simulator::from_fixture_json`]; on error nothing changes.
    pub fn load_fixture_json(&self, json: &str) -> Result<(), Error> {
        let state = fixture::parse(json, &self.config.connected_phone)?;
        self.replace(state);
        Ok(())
    }

    /// Replaces the state and empties the log; the credentials stay.
    ///
    /// # Errors
    /// As [`Simulator::from_fixture_json`]; on error nothing changes.
    pub fn load_state(&self, state: SimState) -> Result<(), Error> {
        let state = fixture::normalize(state, &self.config.connected_phone)?;
        self.replace(state);
        Ok(())
    }

    /// Someone (`phone`) follows an invitation link (a full link or its code), as a person outside
    /// the account would: in a group that requires an admin's approval this is a join request
    /// (what `approve_participants` acts on), else they join. Not a request of the service's
    /// API, so it is not logged.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `phone` or `link` (no group has that link).
    pub fn invite_join(&self, link: &str, phone: &str) -> Result<InviteJoin, Error> {
        self.act("link", |state| join_by_link(state, link, phone))
    }

    /// Someone (`phone`) withdraws their request to join a group, as they can in the WhatsApp
    /// app: `true`, and a `REVOKED_MEMBERSHIP_REQUESTS` event, if they had one; `false` if not.
    /// Not logged.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `phone`, or `group_id` (no such group).
    pub fn withdraw_join_request(&self, group_id: &str, phone: &str) -> Result<bool, Error> {
        self.act("group_id", |state| withdraw_request(state, group_id, phone))
    }

    /// A group's admin sets in the WhatsApp app who may share its invitation link (the docs have
    /// no call for it): `true`, and a `GROUP_MEMBER_LINK_PROPERTY_UPDATE` event with its
    /// `linkMode`, if that changed it. Not logged.
    ///
    /// # Errors
    /// [`Error::Validation`] naming `group_id` (no such group).
    pub fn set_link_mode(&self, group_id: &str, mode: LinkMode) -> Result<bool, Error> {
        self.act("group_id", |state| set_link_mode(state, group_id, mode))
    }

    /// The phone disconnects from the instance (`false`) or connects again (`true`), as when it
    /// loses its network. While it is disconnected, `send-text` is still accepted and each
    /// message waits in the queue (at most 1000); on reconnection every queued message is sent,
    /// in order. Posts a `DisconnectedCallback` or `ConnectedCallback` when the state changes.
    /// Returns how many queued messages were sent. Not logged.
    pub fn set_phone_connected(&self, connected: bool) -> u32 {
        // Never refused: `act` is only how the change and its events are kept.
        let sent = self.act("connected", |state| Ok(set_phone_connected(state, connected))).unwrap_or_default();
        u32::try_from(sent).unwrap_or(u32::MAX)
    }

    /// Runs what someone outside the API does on a copy of the state, and keeps it (with the
    /// events it queued) only if it succeeded. A 404 is the `missing` argument's fault, any other
    /// refusal the `phone`'s.
    fn act<T>(&self, missing: &str, change: impl FnOnce(&mut SimState) -> Result<T, Refusal>) -> Result<T, Error> {
        let mut inner = self.lock();
        let mut scratch = inner.state.clone();
        let done = change(&mut scratch).map_err(|refusal| {
            let field = if refusal.status == 404 { missing } else { "phone" };
            Error::validation(field, refusal.message)
        })?;
        inner.commit(scratch, &self.config.instance_id);
        Ok(done)
    }

    /// Every event the instance has posted since the last call, oldest first (at most the latest
    /// 10 000): what it sends to the webhooks, each with its configured URL, if any. Applied
    /// requests queue them (a refused one queues nothing): group notifications for people joining
    /// (or asking to), being added, removed or leaving and groups created; a delivery for every
    /// message sent, and a `READ` status for an announcement.
    pub fn take_webhooks(&self) -> Vec<SimWebhook> {
        self.lock().webhooks.drain(..).collect()
    }

    /// Goes back to the state the simulator was created with and empties the log.
    pub fn reset(&self) {
        self.replace(self.initial.clone());
    }

    fn replace(&self, state: SimState) {
        let mut inner = self.lock();
        inner.state = state;
        inner.log.clear();
        inner.webhooks.clear();
    }

    /// The community with this id (deactivated ones included, flagged).
    pub fn community(&self, id: &str) -> Option<SimCommunity> {
        self.lock().state.communities.iter().find(|c| c.id == id).cloned()
    }

    /// The group (regular or announcement) with this id.
    pub fn group(&self, phone: &str) -> Option<SimGroup> {
        self.lock().state.group(phone).cloned()
    }

    /// Phones in the announcement group of an active community, in joining order.
    pub fn announcement_members(&self, community_id: &str) -> Option<Vec<String>> {
        let inner = self.lock();
        let group = inner.state.announcement_group(community_id)?;
        Some(group.participants.iter().map(|p| p.phone.clone()).collect())
    }

    /// Every message accepted by `send-text`, oldest first.
    pub fn messages(&self) -> Vec<SimMessage> {
        self.lock().state.messages.clone()
    }

    /// Locks the state; a panic elsewhere while holding the lock must not wedge the simulator.
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

fn answer(config: &SimConfig, state: &mut SimState, request: &HttpRequest) -> HttpResponse {
    let outcome = auth::check(config, request)
        .and_then(|()| routes::resolve(request.method, &request.path))
        .and_then(|route| body::check_content_type(request).map(|()| route))
        .and_then(|route| handlers::dispatch(state, route, request));
    outcome.unwrap_or_else(Refusal::into_response)
}
