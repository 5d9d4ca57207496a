//! Every key the webhook reader looks up, declared once and numbered when the crate is compiled.
//!
//! The tape files a body's top-level members under these numbers in one pass
//! (`wire::tape::KeySet`), so reading a field of the body is an array read: no key hashed or
//! compared per field. A nested object (a message's `text`, `image`, …) is small and is looked up
//! by name.

use crate::wire::tape::KeySet;

/// A key the reader looks up: its number in [`KEYS`] and its name.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Key {
    pub(crate) at: u8,
    pub(crate) name: &'static str,
}

/// Declares each key as a constant numbered in order, and [`NAMES`] in the same order.
macro_rules! keys {
    ($($key:ident = $name:literal,)*) => {
        const NAMES: &[&str] = &[$($name),*];
        #[cfg(test)]
        const ALL: &[Key] = &[$($key),*];
        keys!(@number 0; $($key = $name,)*);
    };
    (@number $at:expr; $key:ident = $name:literal, $($rest:tt)*) => {
        #[doc = concat!("`", $name, "`")]
        pub(crate) const $key: Key = Key { at: $at, name: $name };
        keys!(@number $at + 1; $($rest)*);
    };
    (@number $at:expr;) => {};
}

/// The keys, for filing a body's members: a key's number is its place in the list.
pub(crate) static KEYS: KeySet = KeySet::new(NAMES);

// developer.z-api.io/webhooks: the fields of each event, then what a received message may hold.
keys! {
    TYPE = "type",
    INSTANCE_ID = "instanceId",
    PHONE = "phone",
    MESSAGE_ID = "messageId",
    ZAAP_ID = "zaapId",
    STATUS = "status",
    IDS = "ids",
    IS_GROUP = "isGroup",
    IS_NEWSLETTER = "isNewsletter",
    FROM_ME = "fromMe",
    FROM_API = "fromApi",
    IS_EDIT = "isEdit",
    MOMMENT = "momment",
    MOMENT = "moment",
    CONNECTED = "connected",
    DISCONNECTED = "disconnected",
    ERROR = "error",
    LAST_SEEN = "lastSeen",
    PARTICIPANT_PHONE = "participantPhone",
    SENDER_NAME = "senderName",
    CHAT_NAME = "chatName",
    CONNECTED_PHONE = "connectedPhone",
    REFERENCE_MESSAGE_ID = "referenceMessageId",
    NOTIFICATION = "notification",
    NOTIFICATION_PARAMETERS = "notificationParameters",
    REQUEST_METHOD = "requestMethod",
    LINK_MODE = "linkMode",
    // The content objects, and their fields.
    TEXT = "text",
    MESSAGE = "message",
    TITLE = "title",
    DESCRIPTION = "description",
    DESCRITPION = "descritpion",
    URL = "url",
    IMAGE = "image",
    IMAGE_URL = "imageUrl",
    CAPTION = "caption",
    MIME_TYPE = "mimeType",
    AUDIO = "audio",
    AUDIO_URL = "audioUrl",
    SECONDS = "seconds",
    PTT = "ptt",
    VIDEO = "video",
    VIDEO_URL = "videoUrl",
    DOCUMENT = "document",
    DOCUMENT_URL = "documentUrl",
    FILE_NAME = "fileName",
    LOCATION = "location",
    LATITUDE = "latitude",
    LONGITUDE = "longitude",
    NAME = "name",
    ADDRESS = "address",
    CONTACT = "contact",
    DISPLAY_NAME = "displayName",
    V_CARD = "vCard",
    STICKER = "sticker",
    STICKER_URL = "stickerUrl",
    REACTION = "reaction",
    VALUE = "value",
    REFERENCED_MESSAGE = "referencedMessage",
    // Kinds with an object key of their own but no type here (`MessageContent::Other`).
    BUTTONS_RESPONSE_MESSAGE = "buttonsResponseMessage",
    LIST_RESPONSE_MESSAGE = "listResponseMessage",
    BUTTONS_MESSAGE = "buttonsMessage",
    LIST_MESSAGE = "listMessage",
    HYDRATED_TEMPLATE = "hydratedTemplate",
    POLL_VOTE = "pollVote",
    POLL = "poll",
    EVENT = "event",
    EVENT_RESPONSE = "eventResponse",
    PRODUCT = "product",
    ORDER = "order",
    CART = "cart",
    CAROUSEL_MESSAGE = "carouselMessage",
    PIX_KEY_MESSAGE = "pixKeyMessage",
    REQUEST_PAYMENT = "requestPayment",
    SEND_PAYMENT = "sendPayment",
    PAYMENT_MESSAGE = "paymentMessage",
    PIN_MESSAGE = "pinMessage",
    NEWSLETTER_ADMIN_INVITE = "newsletterAdminInvite",
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_key_is_numbered_by_its_place_in_the_set() {
        assert_eq!(ALL.len(), NAMES.len());
        for key in ALL {
            assert_eq!(KEYS.find(key.name.as_bytes()), Some(usize::from(key.at)), "{key:?}");
        }
    }
}
