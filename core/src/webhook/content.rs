//! What a received message holds: one object per kind in the body
//! (developer.z-api.io/webhooks/on-message-received).

use serde::Serialize;

use super::fields::Fields;
use super::keys::{self as key, Key};

/// The content of a received message, by kind. Kinds a bot rarely reads (buttons, lists, polls,
/// payments, …) come as [`MessageContent::Other`] with their JSON.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", rename_all_fields = "camelCase")]
#[cfg_attr(feature = "uniffi", derive(uniffi::Enum))]
#[cfg_attr(feature = "python", pyo3::pyclass(frozen, eq, module = "zapi_communities"))]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify), tsify(missing_as_null))]
pub enum MessageContent {
    /// Text (`text.message`).
    Text {
        /// The text.
        message: String,
        /// A title WhatsApp attached.
        title: Option<String>,
        /// A description WhatsApp attached (`description`, or the docs' `descritpion`).
        description: Option<String>,
        /// A link the message carries.
        url: Option<String>,
    },
    /// An image.
    Image {
        /// Where to download it (expires after 30 days).
        url: Option<String>,
        /// Its caption.
        caption: Option<String>,
        /// Its MIME type.
        mime_type: Option<String>,
    },
    /// An audio message.
    Audio {
        /// Where to download it.
        url: Option<String>,
        /// Its MIME type.
        mime_type: Option<String>,
        /// How long it is.
        seconds: Option<u64>,
        /// Whether it was recorded as a voice note.
        ptt: bool,
    },
    /// A video.
    Video {
        /// Where to download it.
        url: Option<String>,
        /// Its caption.
        caption: Option<String>,
        /// Its MIME type.
        mime_type: Option<String>,
        /// How long it is.
        seconds: Option<u64>,
    },
    /// A document.
    Document {
        /// Where to download it.
        url: Option<String>,
        /// Its file name.
        file_name: Option<String>,
        /// Its title.
        title: Option<String>,
        /// Its MIME type.
        mime_type: Option<String>,
    },
    /// A location.
    Location {
        /// Latitude.
        latitude: Option<f64>,
        /// Longitude.
        longitude: Option<f64>,
        /// The place's name.
        name: Option<String>,
        /// Its address.
        address: Option<String>,
    },
    /// A contact card.
    Contact {
        /// The name shown.
        display_name: Option<String>,
        /// The vCard.
        vcard: Option<String>,
    },
    /// A sticker.
    Sticker {
        /// Where to download it.
        url: Option<String>,
        /// Its MIME type.
        mime_type: Option<String>,
    },
    /// A reaction to an earlier message.
    Reaction {
        /// The emoji (empty when a reaction was removed).
        value: Option<String>,
        /// The message reacted to.
        referenced_message_id: Option<String>,
    },
    /// Any other kind, named by its key in the body, with that object as JSON text.
    Other {
        /// The body's key for it (`pollVote`, `buttonsResponseMessage`, …).
        name: String,
        /// Its JSON.
        json: String,
    },
}

/// Kinds with an object key of their own, in the order they are looked for.
const OTHER_KINDS: &[Key] = &[
    key::BUTTONS_RESPONSE_MESSAGE,
    key::LIST_RESPONSE_MESSAGE,
    key::BUTTONS_MESSAGE,
    key::LIST_MESSAGE,
    key::HYDRATED_TEMPLATE,
    key::POLL_VOTE,
    key::POLL,
    key::EVENT,
    key::EVENT_RESPONSE,
    key::PRODUCT,
    key::ORDER,
    key::CART,
    key::CAROUSEL_MESSAGE,
    key::PIX_KEY_MESSAGE,
    key::REQUEST_PAYMENT,
    key::SEND_PAYMENT,
    key::PAYMENT_MESSAGE,
    key::PIN_MESSAGE,
    key::NEWSLETTER_ADMIN_INVITE,
];

impl MessageContent {
    /// The content of a received body, if it has one.
    pub(crate) fn read(body: Fields<'_, '_>) -> Option<Self> {
        if let Some(text) = body.object(key::TEXT) {
            return Some(Self::Text {
                message: text.text(key::MESSAGE).unwrap_or_default(),
                title: text.text(key::TITLE),
                description: text.text_of(&[key::DESCRIPTION, key::DESCRITPION]),
                url: text.text(key::URL),
            });
        }
        if let Some(o) = body.object(key::IMAGE) {
            return Some(Self::Image {
                url: o.text(key::IMAGE_URL),
                caption: o.text(key::CAPTION),
                mime_type: o.text(key::MIME_TYPE),
            });
        }
        if let Some(o) = body.object(key::AUDIO) {
            let (url, mime_type) = (o.text(key::AUDIO_URL), o.text(key::MIME_TYPE));
            return Some(Self::Audio { url, mime_type, seconds: o.number(key::SECONDS), ptt: o.flag(key::PTT) });
        }
        if let Some(o) = body.object(key::VIDEO) {
            let (url, caption, mime_type) = (o.text(key::VIDEO_URL), o.text(key::CAPTION), o.text(key::MIME_TYPE));
            return Some(Self::Video { url, caption, mime_type, seconds: o.number(key::SECONDS) });
        }
        if let Some(o) = body.object(key::DOCUMENT) {
            let (url, file_name, title) = (o.text(key::DOCUMENT_URL), o.text(key::FILE_NAME), o.text(key::TITLE));
            return Some(Self::Document { url, file_name, title, mime_type: o.text(key::MIME_TYPE) });
        }
        if let Some(o) = body.object(key::LOCATION) {
            let (latitude, longitude) = (o.float(key::LATITUDE), o.float(key::LONGITUDE));
            return Some(Self::Location {
                latitude,
                longitude,
                name: o.text(key::NAME),
                address: o.text(key::ADDRESS),
            });
        }
        if let Some(o) = body.object(key::CONTACT) {
            return Some(Self::Contact { display_name: o.text(key::DISPLAY_NAME), vcard: o.text(key::V_CARD) });
        }
        if let Some(o) = body.object(key::STICKER) {
            return Some(Self::Sticker { url: o.text(key::STICKER_URL), mime_type: o.text(key::MIME_TYPE) });
        }
        if let Some(o) = body.object(key::REACTION) {
            let referenced = o.object(key::REFERENCED_MESSAGE).and_then(|m| m.text(key::MESSAGE_ID));
            return Some(Self::Reaction { value: o.text(key::VALUE), referenced_message_id: referenced });
        }
        OTHER_KINDS.iter().find_map(|&k| {
            body.object(k)?;
            Some(Self::Other { name: k.name.to_owned(), json: body.json(k)? })
        })
    }
}
