//! `Simulator` (in `zapi-communities/simulator` only): the in-memory service a simulated client
//! talks to, shared so a test or a tour can play what people outside the account do.

use std::sync::Arc;

use wasm_bindgen::prelude::*;
use zapi_communities::Client;
use zapi_communities::sim::Simulator;

use crate::args::string;
use crate::client::JsClient;
use crate::errors::OrThrow;

/// An in-memory Z-API instance (the demo credentials, nothing in it yet). Pass it to
/// `simulator.client()` is a client talking to it; keep the simulator to act as someone else.
#[wasm_bindgen(js_name = Simulator)]
pub struct JsSimulator(pub(crate) Arc<Simulator>);

#[wasm_bindgen(js_class = Simulator)]
impl JsSimulator {
    /// A fresh simulated instance.
    #[wasm_bindgen(constructor)]
    #[allow(clippy::new_without_default)] // a JS constructor
    pub fn new() -> JsSimulator {
        JsSimulator(Arc::new(Simulator::demo()))
    }

    /// A client talking to this simulator (what `Client.simulated()` gives, on a simulator you
    /// keep).
    pub fn client(&self) -> Result<JsClient, JsValue> {
        Client::simulated_with(Arc::clone(&self.0)).map(JsClient).js()
    }

    /// Every event the instance has posted since the last call, oldest first: each has its
    /// `kind`, the `url` configured for it (or `null`) and the `body` the service would post,
    /// for `parseWebhook`.
    #[wasm_bindgen(js_name = takeWebhooks, unchecked_return_type = "SimWebhook[]")]
    pub fn take_webhooks(&self) -> Result<JsValue, JsValue> {
        crate::convert::plain(&self.0.take_webhooks())
    }

    /// Someone (`phone`) withdraws their request to join a group, as they can in the WhatsApp app:
    /// `true`, and a `join_request_revoked` event, if they had one.
    #[wasm_bindgen(js_name = withdrawJoinRequest)]
    pub fn withdraw_join_request(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
    ) -> Result<bool, JsValue> {
        let (group_id, phone) = (string("group_id", &group_id)?, string("phone", &phone)?);
        self.0.withdraw_join_request(&group_id, &phone).js()
    }

    /// A group's admin sets in the WhatsApp app who may share its invitation link: `true`, and a
    /// `link_mode_changed` event, if that changed it.
    #[wasm_bindgen(js_name = setLinkMode)]
    pub fn set_link_mode(
        &self,
        #[wasm_bindgen(js_name = groupId, unchecked_param_type = "string")] group_id: JsValue,
        #[wasm_bindgen(unchecked_param_type = "LinkMode")] mode: JsValue,
    ) -> Result<bool, JsValue> {
        let mode = crate::convert::record("mode", mode)?;
        self.0.set_link_mode(&string("group_id", &group_id)?, mode).js()
    }

    /// The phone disconnects (`false`) or connects again (`true`). While it is disconnected,
    /// `sendText` is still accepted and each message waits in the queue (at most 1000); on
    /// reconnection every queued message is sent, in order. Returns how many were sent.
    #[wasm_bindgen(js_name = setPhoneConnected)]
    pub fn set_phone_connected(
        &self,
        #[wasm_bindgen(unchecked_param_type = "boolean")] connected: JsValue,
    ) -> Result<u32, JsValue> {
        Ok(self.0.set_phone_connected(crate::args::boolean("connected", &connected)?))
    }

    /// Someone (`phone`) follows an invitation link (a full link or its code), as a person outside
    /// the account would: in a group that requires an admin's approval this is a join request
    /// (what `approve_participants` acts on), else they join. Returns `"requested"`, `"joined"`
    /// or `"already_member"`.
    #[wasm_bindgen(js_name = inviteJoin, unchecked_return_type = "'requested' | 'joined' | 'already_member'")]
    pub fn invite_join(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] link: JsValue,
        #[wasm_bindgen(unchecked_param_type = "string")] phone: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (link, phone) = (string("link", &link)?, string("phone", &phone)?);
        Ok(self.0.invite_join(&link, &phone).js()?.as_str().into())
    }
}
