//! What a received message holds: one object per kind in the body
//! (developer.z-api.io/webhooks/on-message-received).

use serde::Serialize;

use super::fields::Fields;

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
const OTHER_KINDS: &[&str] = &[
    "buttonsResponseMessage",
    "listResponseMessage",
    "buttonsMessage",
    "listMessage",
    "hydratedTemplate",
    "pollVote",
    "poll",
    "event",
    "eventResponse",
    "product",
    "order",
    "cart",
    "carouselMessage",
    "pixKeyMessage",
    "requestPayment",
    "sendPayment",
    "paymentMessage",
    "pinMessage",
    "newsletterAdminInvite",
];

impl MessageContent {
    /// The content of a received body, if it has one.
    pub(crate) fn read(body: Fields<'_, '_>) -> Option<Self> {
        if let Some(text) = body.object("text") {
            return Some(Self::Text {
                message: text.text("message").unwrap_or_default(),
                title: text.text("title"),
                description: text.text_of(&["description", "descritpion"]),
                url: text.text("url"),
            });
        }
        if let Some(o) = body.object("image") {
            return Some(Self::Image {
                url: o.text("imageUrl"),
                caption: o.text("caption"),
                mime_type: o.text("mimeType"),
            });
        }
        if let Some(o) = body.object("audio") {
            let (url, mime_type) = (o.text("audioUrl"), o.text("mimeType"));
            return Some(Self::Audio { url, mime_type, seconds: o.number("seconds"), ptt: o.flag("ptt") });
        }
        if let Some(o) = body.object("video") {
            let (url, caption, mime_type) = (o.text("videoUrl"), o.text("caption"), o.text("mimeType"));
            return Some(Self::Video { url, caption, mime_type, seconds: o.number("seconds") });
        }
        if let Some(o) = body.object("document") {
            let (url, file_name, title) = (o.text("documentUrl"), o.text("fileName"), o.text("title"));
            return Some(Self::Document { url, file_name, title, mime_type: o.text("mimeType") });
        }
        if let Some(o) = body.object("location") {
            let (latitude, longitude) = (o.float("latitude"), o.float("longitude"));
            return Some(Self::Location { latitude, longitude, name: o.text("name"), address: o.text("address") });
        }
        if let Some(o) = body.object("contact") {
            return Some(Self::Contact { display_name: o.text("displayName"), vcard: o.text("vCard") });
        }
        if let Some(o) = body.object("sticker") {
            return Some(Self::Sticker { url: o.text("stickerUrl"), mime_type: o.text("mimeType") });
        }
        if let Some(o) = body.object("reaction") {
            let referenced = o.object("referencedMessage").and_then(|m| m.text("messageId"));
            return Some(Self::Reaction { value: o.text("value"), referenced_message_id: referenced });
        }
        OTHER_KINDS.iter().find_map(|k| {
            body.object(k)?;
            Some(Self::Other { name: (*k).to_owned(), json: body.json(k)? })
        })
    }
}
