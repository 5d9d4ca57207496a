//! A community photo: an http(s) URL or a base64 data URI
//! (developer.z-api.io/communities/update-community-photo).

use crate::error::Error;

/// Base64 data URIs larger than this are refused: WhatsApp profile pictures are small and a
/// multi-megabyte JSON body is almost certainly a mistake.
const MAX_DATA_URI_BYTES: usize = 10 * 1024 * 1024;

/// A validated photo value for `communityPhoto`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Photo {
    /// An `http://` or `https://` URL the service will download.
    Url(String),
    /// A `data:image/<type>;base64,<data>` URI.
    Base64(String),
}

impl Photo {
    /// Reads a URL or a base64 data URI, naming the field `photo` in errors.
    ///
    /// # Errors
    /// [`Error::Validation`] for anything else (relative paths, other schemes, bad base64).
    pub fn parse(raw: &str) -> Result<Self, Error> {
        let value = raw.trim();
        if value.is_empty() {
            return Err(Error::validation("photo", "must not be empty"));
        }
        let lower = value.get(..8).unwrap_or(value).to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let host = value.split_once("://").map(|(_, rest)| rest).unwrap_or("");
            if host.is_empty() || host.starts_with('/') || value.contains(char::is_whitespace) {
                return Err(Error::validation("photo", "the URL has no host or contains spaces"));
            }
            return Ok(Photo::Url(value.to_owned()));
        }
        if let Some(rest) = value.strip_prefix("data:") {
            let Some((media, data)) = rest.split_once(";base64,") else {
                return Err(Error::validation("photo", "a data URI must look like data:image/png;base64,<data>"));
            };
            if !media.starts_with("image/") {
                return Err(Error::validation("photo", format!("expected an image media type, got {media:?}")));
            }
            if value.len() > MAX_DATA_URI_BYTES {
                return Err(Error::validation("photo", "the data URI is larger than 10 MiB"));
            }
            if !is_base64(data) {
                return Err(Error::validation("photo", "the data after ;base64, is not valid base64"));
            }
            return Ok(Photo::Base64(value.to_owned()));
        }
        Err(Error::validation("photo", "must be an http(s) URL or a data:image/…;base64, URI"))
    }

    /// The value sent as `communityPhoto`.
    pub fn as_str(&self) -> &str {
        match self {
            Photo::Url(s) | Photo::Base64(s) => s,
        }
    }
}

fn is_base64(data: &str) -> bool {
    let body = data.trim_end_matches('=');
    let padding = data.len() - body.len();
    !body.is_empty()
        && padding <= 2
        && data.len() % 4 == 0
        && body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'/')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_urls_and_data_uris() {
        assert!(matches!(Photo::parse("https://example.com/logo.png"), Ok(Photo::Url(_))));
        assert!(matches!(Photo::parse("HTTP://example.com/a.jpg"), Ok(Photo::Url(_))));
        assert!(matches!(Photo::parse("data:image/png;base64,iVBORw0KGgo="), Ok(Photo::Base64(_))));
    }

    #[test]
    fn refuses_everything_else() {
        for bad in [
            "",
            "logo.png",
            "ftp://example.com/a.png",
            "https://",
            "https:///path",
            "data:text/plain;base64,aGk=",
            "data:image/png,rawbytes",
            "data:image/png;base64,not base64!",
            "data:image/png;base64,abc",
        ] {
            assert_eq!(Photo::parse(bad).unwrap_err().field(), Some("photo"), "{bad:?}");
        }
    }
}
