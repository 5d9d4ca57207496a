//! `plan` and `apply`: a community described as data, compared with the account, and made so.

use serde::Deserialize;
use tsify::{Ts, Tsify};
use wasm_bindgen::prelude::*;
use zapi_communities::Error;
use zapi_communities::plan::{ApplyOutcome, CommunitySpec, Plan};

use crate::cancel::Cancel;
use crate::client::JsClient;
use crate::convert::{options, record, typed};
use crate::errors::{OrThrow, to_js};

/// Optional settings of `apply`.
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ApplyOptions {
    /// Send nothing and report what would run. Default `false`.
    #[tsify(optional)]
    pub dry_run: Option<bool>,
}

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// The changes that make the account's community match `spec`, each with its reason; empty
    /// when it already does. Reads the community list and the community's metadata, its members
    /// when the spec lists its admins, the group list when a group named only by name is not
    /// linked yet, and the members of each group whose members or admins the spec lists. Sends
    /// no change.
    #[wasm_bindgen(js_name = plan)]
    pub async fn plan(
        &self,
        #[wasm_bindgen(js_name = spec, unchecked_param_type = "CommunitySpec | string")] raw_spec: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<Plan>, JsValue> {
        // The document goes through its JSON text, so a bad one is refused with the same field
        // and reason as in every other language.
        let text = match raw_spec.as_string() {
            Some(text) => text,
            None => js_sys::JSON::stringify(&raw_spec)
                .ok()
                .and_then(|t| t.as_string())
                .ok_or_else(|| to_js(Error::validation("spec", "must be a CommunitySpec object or its JSON text")))?,
        };
        let spec = CommunitySpec::from_json(&text).js()?;
        typed(&Cancel::read(&call)?.run(self.0.plan(&spec)).await?.js()?)
    }

    /// Runs `plan`'s steps in the safe order (community, its settings, new groups, links, adds,
    /// promotions, demotions, removals, unlinks), stopping at the first failure; with `dry_run`,
    /// sends nothing and reports what would run. Never unlinks a community's last regular group.
    ///
    /// `dry_run` is `options.dryRun` here. Every step's failure is in the outcome.
    #[wasm_bindgen(js_name = apply)]
    pub async fn apply(
        &self,
        #[wasm_bindgen(js_name = plan)] raw_plan: Ts<Plan>,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "ApplyOptions & CallOptions")]
        raw_options: JsValue,
    ) -> Result<Ts<ApplyOutcome>, JsValue> {
        let plan: Plan = record("plan", raw_plan.js_value())?;
        let (cancel, raw_options) = Cancel::take(raw_options)?;
        let o: ApplyOptions = options("options", raw_options)?;
        typed(&cancel.run(self.0.apply(&plan, o.dry_run.unwrap_or(false))).await?.js()?)
    }
}
