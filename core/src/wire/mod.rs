//! Private mirrors of the service's JSON and the helpers that read it leniently.

pub(crate) mod chat_scan;
pub(crate) mod json_value;
pub(crate) mod lenient;
pub(crate) mod path;
pub(crate) mod redirect;
pub(crate) mod response;
pub(crate) mod shapes;
pub(crate) mod tape;
