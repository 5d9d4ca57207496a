//! The webhook parser on arbitrary bytes: an event or a decode error, never a panic; an event
//! read from a body reads the same from the same body with its spacing changed.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zapi_communities::parse_webhook;

fuzz_target!(|body: &[u8]| {
    match parse_webhook(body) {
        Ok(event) => {
            // Whitespace around the body never changes what it says.
            let mut padded = b" \n".to_vec();
            padded.extend_from_slice(body);
            padded.extend_from_slice(b"\n ");
            assert_eq!(parse_webhook(&padded).ok(), Some(event));
        }
        Err(error) => assert_eq!(error.kind(), "decode"),
    }
});
