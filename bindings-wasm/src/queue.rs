//! The message queue: `listQueue`, `queuedMessages`, `deleteQueuedMessage` and `clearQueue`.

use tsify::Ts;
use wasm_bindgen::prelude::*;
use zapi_communities::QueuePage;

use crate::args::{optional_count, optional_string, string};
use crate::cancel::Cancel;
use crate::client::JsClient;
use crate::convert::{plain, typed};
use crate::errors::OrThrow;

#[wasm_bindgen(js_class = Client)]
impl JsClient {
    /// One page of the messages waiting to be sent, oldest first: the first page without
    /// `paging_state`, the next with the `paging_state` the previous page returned. Messages
    /// wait there while the phone is disconnected and all go out when it reconnects.
    #[wasm_bindgen(js_name = listQueue)]
    pub async fn list_queue(
        &self,
        #[wasm_bindgen(js_name = pagingState, unchecked_optional_param_type = "string | null")] paging_state: JsValue,
        #[wasm_bindgen(js_name = pageSize, unchecked_optional_param_type = "number")] page_size: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<Ts<QueuePage>, JsValue> {
        let cursor = optional_string("paging_state", &paging_state)?;
        let size = optional_count("page_size", &page_size)?;
        typed(&Cancel::read(&call)?.run(self.0.list_queue(cursor.as_deref(), size)).await?.js()?)
    }

    /// Every message waiting to be sent, oldest first, read page by page (at most 1000 are
    /// held). Look before the phone reconnects: they all go out then.
    #[wasm_bindgen(js_name = queuedMessages, unchecked_return_type = "QueuedMessage[]")]
    pub async fn queued_messages(
        &self,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<JsValue, JsValue> {
        plain(&Cancel::read(&call)?.run(self.0.queued_messages()).await?.js()?)
    }

    /// Takes one message out of the queue, so that it is never sent. `zaap_id` is the one
    /// `send_text` returned (or a queued message's).
    #[wasm_bindgen(js_name = deleteQueuedMessage)]
    pub async fn delete_queued_message(
        &self,
        #[wasm_bindgen(js_name = zaapId, unchecked_param_type = "string")] zaap_id: JsValue,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        let zaap_id = string("zaap_id", &zaap_id)?;
        Cancel::read(&call)?.run(self.0.delete_queued_message(&zaap_id)).await?.js()
    }

    /// Empties the queue: none of the messages waiting in it will be sent.
    #[wasm_bindgen(js_name = clearQueue)]
    pub async fn clear_queue(
        &self,
        #[wasm_bindgen(js_name = options, unchecked_optional_param_type = "CallOptions")] call: JsValue,
    ) -> Result<(), JsValue> {
        Cancel::read(&call)?.run(self.0.clear_queue()).await?.js()
    }
}
