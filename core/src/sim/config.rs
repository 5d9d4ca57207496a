//! The credentials a simulator accepts and the account it pretends to be.

use crate::secret::Secret;

/// What a [`crate::sim::Simulator`] accepts and who it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SimConfig {
    /// The instance id expected in the URL path.
    pub instance_id: String,
    /// The instance token expected in the URL path.
    pub token: Secret,
    /// The account security token expected in the `Client-Token` header; `None` means the account
    /// has not activated it, so the header is not checked
    /// (developer.z-api.io/security/client-token).
    pub client_token: Option<Secret>,
    /// Phone number of the connected WhatsApp account (digits only). It becomes the creator and
    /// admin of the communities and groups it creates.
    pub connected_phone: String,
}

impl SimConfig {
    /// Instance id of [`SimConfig::demo`].
    pub const DEMO_INSTANCE_ID: &'static str = "SIM-INSTANCE";
    /// Instance token of [`SimConfig::demo`].
    pub const DEMO_TOKEN: &'static str = "sim-token";
    /// Client-Token of [`SimConfig::demo`].
    pub const DEMO_CLIENT_TOKEN: &'static str = "sim-client-token";
    /// Connected phone of [`SimConfig::demo`].
    pub const DEMO_CONNECTED_PHONE: &'static str = "5511900000000";

    /// The demo credentials: instance `SIM-INSTANCE`, token `sim-token`, Client-Token
    /// `sim-client-token`, connected phone `5511900000000`.
    pub fn demo() -> Self {
        Self {
            instance_id: Self::DEMO_INSTANCE_ID.into(),
            token: Secret::new(Self::DEMO_TOKEN),
            client_token: Some(Secret::new(Self::DEMO_CLIENT_TOKEN)),
            connected_phone: Self::DEMO_CONNECTED_PHONE.into(),
        }
    }
}

impl Default for SimConfig {
    fn default() -> Self {
        Self::demo()
    }
}
