//! Reading request bodies the way a strict server would: a JSON object with typed fields.
//! Every problem is a 400 refusal naming the field, never a panic.

use serde_json::{Map, Value};

use super::reply::Refusal;
use crate::http::{HttpRequest, Method};

/// Refuses a POST or PUT that carries a body without `Content-Type: application/json` (415,
/// developer.z-api.io/security/client-token). Bodiless POSTs (redefine-invitation-link) need no
/// header (developer.z-api.io/group/metadata-group, whose examples disagree).
pub(crate) fn check_content_type(request: &HttpRequest) -> Result<(), Refusal> {
    let has_body = request.body.as_deref().is_some_and(|b| !b.trim().is_empty());
    if !matches!(request.method, Method::Post | Method::Put) || !has_body {
        return Ok(());
    }
    let is_json = request
        .header("Content-Type")
        .and_then(|v| v.split(';').next())
        .is_some_and(|mime| mime.trim().eq_ignore_ascii_case("application/json"));
    if is_json { Ok(()) } else { Err(Refusal::unsupported_media_type()) }
}

/// A parsed JSON object body.
pub(crate) struct JsonBody(Map<String, Value>);

impl JsonBody {
    /// Parses the request body; it must be a JSON object.
    pub(crate) fn parse(request: &HttpRequest) -> Result<Self, Refusal> {
        let text = request.body.as_deref().unwrap_or("");
        if text.trim().is_empty() {
            return Err(Refusal::bad_request("a JSON body is required"));
        }
        match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => Ok(Self(map)),
            Ok(_) => Err(Refusal::bad_request("the body must be a JSON object")),
            Err(e) => Err(Refusal::bad_request(format!("the body is not valid JSON: {e}"))),
        }
    }

    /// Whether `key` is present and not null.
    pub(crate) fn has(&self, key: &str) -> bool {
        self.0.get(key).is_some_and(|v| !v.is_null())
    }

    /// A required string field (may be empty).
    pub(crate) fn string(&self, key: &str) -> Result<String, Refusal> {
        self.optional_string(key)?.ok_or_else(|| required(key))
    }

    /// A required string field that must not be blank.
    pub(crate) fn non_empty_string(&self, key: &str) -> Result<String, Refusal> {
        let value = self.string(key)?;
        if value.trim().is_empty() {
            return Err(Refusal::bad_request(format!("{key} must not be empty")));
        }
        Ok(value)
    }

    /// An optional string field (absent or null → `None`).
    pub(crate) fn optional_string(&self, key: &str) -> Result<Option<String>, Refusal> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(wrong_type(key, "a string")),
        }
    }

    /// An optional boolean field.
    pub(crate) fn optional_bool(&self, key: &str) -> Result<Option<bool>, Refusal> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Bool(b)) => Ok(Some(*b)),
            Some(_) => Err(wrong_type(key, "a boolean")),
        }
    }

    /// A required, non-empty array of non-empty strings.
    pub(crate) fn string_list(&self, key: &str) -> Result<Vec<String>, Refusal> {
        let Some(value) = self.0.get(key).filter(|v| !v.is_null()) else {
            return Err(required(key));
        };
        let Value::Array(items) = value else {
            return Err(wrong_type(key, "an array of strings"));
        };
        if items.is_empty() {
            return Err(Refusal::bad_request(format!("{key} must not be empty")));
        }
        items
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(s) if !s.trim().is_empty() => Ok(s.clone()),
                _ => Err(Refusal::bad_request(format!("{key}[{i}] must be a non-empty string"))),
            })
            .collect()
    }

    /// An optional array field, returned raw for the caller to read element by element.
    pub(crate) fn optional_array(&self, key: &str) -> Result<Option<&Vec<Value>>, Refusal> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Array(items)) => Ok(Some(items)),
            Some(_) => Err(wrong_type(key, "an array")),
        }
    }

    /// An optional whole number (absent or null → `None`).
    pub(crate) fn optional_count(&self, key: &str) -> Result<Option<u64>, Refusal> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => n.as_u64().map(Some).ok_or_else(|| wrong_type(key, "a whole number")),
            Some(_) => Err(wrong_type(key, "a whole number")),
        }
    }

    /// An optional delay in whole seconds, which the service allows from 1 to 15
    /// (developer.z-api.io/message/send-message-text).
    pub(crate) fn optional_delay(&self, key: &str) -> Result<Option<u8>, Refusal> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::Number(n)) => match n.as_u64() {
                Some(secs @ 1..=15) => Ok(u8::try_from(secs).ok()),
                _ => Err(Refusal::bad_request(format!("{key} must be a whole number of seconds from 1 to 15"))),
            },
            Some(_) => Err(wrong_type(key, "a number")),
        }
    }
}

fn required(key: &str) -> Refusal {
    Refusal::bad_request(format!("{key} is required"))
}

fn wrong_type(key: &str, expected: &str) -> Refusal {
    Refusal::bad_request(format!("{key} must be {expected}"))
}

/// Whether `phone` looks like a person's id: digits only (developer.z-api.io/group/introduction: no
/// `+`, spaces or mask), optionally with the `@lid` suffix.
pub(crate) fn is_person_id(phone: &str) -> bool {
    let digits = phone.strip_suffix("@lid").unwrap_or(phone);
    !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Refuses the first entry of `phones` that is not a person's id.
pub(crate) fn check_person_ids(key: &str, phones: &[String]) -> Result<(), Refusal> {
    match phones.iter().position(|p| !is_person_id(p)) {
        Some(i) => Err(Refusal::bad_request(format!(
            "{key}[{i}] must be digits only (country code + number, no +, spaces or mask) or a …@lid id"
        ))),
        None => Ok(()),
    }
}
