//! `Simulator`: the in-memory service a simulated client talks to, shared so a test or a tour can
//! play what people outside the account do (follow an invitation link).

use std::sync::Arc;

use zapi_communities::Error;

/// An in-memory Z-API instance (the demo credentials, nothing in it yet). Pass it to
/// `Client.simulated(simulator)` to talk to it, and keep it to act as someone else.
#[derive(uniffi::Object)]
pub struct Simulator(pub(crate) Arc<zapi_communities::sim::Simulator>);

#[uniffi::export]
impl Simulator {
    /// A fresh simulated instance.
    #[uniffi::constructor]
    pub fn new() -> Arc<Self> {
        Arc::new(Self(Arc::new(zapi_communities::sim::Simulator::demo())))
    }

    /// Someone (`phone`) follows an invitation link (a full link or its code), as a person outside
    /// the account would: in a group that requires an admin's approval this is a join request
    /// (what `approve_participants` acts on), else they join. Returns `requested`, `joined` or
    /// `already_member`.
    ///
    /// # Errors
    /// `Validation` naming `phone` or `link` (no group has that link).
    pub fn invite_join(&self, link: String, phone: String) -> Result<String, Error> {
        Ok(self.0.invite_join(&link, &phone)?.as_str().to_owned())
    }

    /// Someone (`phone`) withdraws their request to join a group, as they can in the WhatsApp app:
    /// true, and a `JoinRequestRevoked` event, if they had one.
    ///
    /// # Errors
    /// `Validation` naming `phone` or `group_id` (no such group).
    pub fn withdraw_join_request(&self, group_id: String, phone: String) -> Result<bool, Error> {
        self.0.withdraw_join_request(&group_id, &phone)
    }

    /// A group's admin sets in the WhatsApp app who may share its invitation link: true, and a
    /// `LinkModeChanged` event, if that changed it.
    ///
    /// # Errors
    /// `Validation` naming `group_id` (no such group).
    pub fn set_link_mode(&self, group_id: String, mode: zapi_communities::webhook::LinkMode) -> Result<bool, Error> {
        self.0.set_link_mode(&group_id, mode)
    }

    /// The phone disconnects (`false`) or connects again (`true`). While it is disconnected,
    /// `sendText` is still accepted and each message waits in the queue (at most 1000); on
    /// reconnection every queued message is sent, in order. Returns how many were sent.
    pub fn set_phone_connected(&self, connected: bool) -> u32 {
        self.0.set_phone_connected(connected)
    }

    /// Every event the instance has posted since the last call, oldest first: each has its
    /// `kind`, the `url` configured for it (or null/nil) and the `body` the service would post,
    /// for `parseWebhook`.
    pub fn take_webhooks(&self) -> Vec<zapi_communities::sim::SimWebhook> {
        self.0.take_webhooks()
    }
}
