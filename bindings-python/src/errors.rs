//! The exception hierarchy and the one mapping from the core's `Error` to it.
//!
//! ```text
//! ZapiError(Exception)                      .kind (every class), the message is str(e)
//! ├── ValidationError(ZapiError, ValueError)   .field .reason
//! ├── ApiError                                  .status .message
//! ├── RateLimitedError                          .retry_after (seconds or None)
//! ├── TimeoutError(ZapiError, builtins.TimeoutError)   .timeout (seconds)
//! ├── TransportError                            .message .sent
//! ├── DecodeError                               .message
//! ├── NotFoundError                             .what .id
//! └── NotAnnouncementGroupError                 .community_id .announcement_group
//! ```
//!
//! The classes are built once with `type(name, bases, namespace)` because two of them have a
//! builtin second base, which `create_exception!` cannot express. `.kind` is a class attribute
//! (so it exists even on an instance built by hand) and is the core's `Error::kind()`.

use std::any::Any;

use pyo3::exceptions::{PyException, PyTimeoutError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::{IntoPyObjectExt, intern};
use zapi_communities::Error;
use zapi_communities::api::Endpoint;

/// Why a call failed: the core said so, or the Rust code panicked (a bug; it still reaches Python
/// as a `ZapiError`, never as pyo3's `PanicException`).
#[derive(Debug)]
pub(crate) enum Failure {
    /// The core's error.
    Core(Error),
    /// A caught panic, with its message.
    Panic(String),
    /// A Python exception raised while the call waited (a signal handler's `KeyboardInterrupt`),
    /// passed on unchanged.
    Python(PyErr),
}

impl From<Error> for Failure {
    fn from(error: Error) -> Self {
        Failure::Core(error)
    }
}

impl Failure {
    /// From the payload `catch_unwind` returns.
    pub(crate) fn panic(payload: Box<dyn Any + Send>) -> Self {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Failure::Panic(message)
    }

    /// Removes both tokens of `endpoint` from every message (the core already does so for what it
    /// sends; this covers everything else, panics included).
    pub(crate) fn redact(self, endpoint: &Endpoint) -> Self {
        match self {
            Failure::Core(error) => Failure::Core(endpoint.redact_error(error)),
            Failure::Panic(message) => Failure::Panic(endpoint.redact(&message)),
            Failure::Python(raised) => Failure::Python(raised),
        }
    }
}

/// Kind of the base class, used for a caught panic.
const INTERNAL: &str = "internal";

struct Classes {
    base: Py<PyType>,
    validation: Py<PyType>,
    api: Py<PyType>,
    rate_limited: Py<PyType>,
    timeout: Py<PyType>,
    transport: Py<PyType>,
    decode: Py<PyType>,
    not_found: Py<PyType>,
    not_announcement_group: Py<PyType>,
}

static CLASSES: PyOnceLock<Classes> = PyOnceLock::new();

fn new_class(py: Python<'_>, name: &str, bases: Bound<'_, PyTuple>, kind: &str, doc: &str) -> PyResult<Py<PyType>> {
    let namespace = PyDict::new(py);
    namespace.set_item("__module__", "zapi_communities")?;
    namespace.set_item("__qualname__", name)?;
    namespace.set_item("__doc__", doc)?;
    namespace.set_item("kind", kind)?;
    let class = py.get_type::<PyType>().call1((name, bases, namespace))?;
    Ok(class.cast_into::<PyType>()?.unbind())
}

fn build(py: Python<'_>) -> PyResult<Classes> {
    let base = new_class(
        py,
        "ZapiError",
        PyTuple::new(py, [py.get_type::<PyException>()])?,
        INTERNAL,
        "Base class of every error this package raises. `kind` is the stable name of the error kind \
         shared by every language (`validation`, `api`, `rate_limited`, `timeout`, `transport`, `decode`, \
         `not_found`, `not_announcement_group`; `internal` for a bug in the package itself).",
    )?;
    let sub =
        |name: &str, kind: &str, doc: &str| new_class(py, name, PyTuple::new(py, [base.bind(py).clone()])?, kind, doc);
    let with = |name: &str, second: Bound<'_, PyType>, kind: &str, doc: &str| {
        new_class(py, name, PyTuple::new(py, [base.bind(py).clone(), second])?, kind, doc)
    };
    Ok(Classes {
        validation: with(
            "ValidationError",
            py.get_type::<PyValueError>(),
            "validation",
            "An argument was rejected before any request was sent. `field` names it as in the call \
             (`name`, `group_ids[3]`, `delay_message`); `reason` says why.",
        )?,
        api: sub(
            "ApiError",
            "api",
            "The service answered with an error: `status` is the HTTP status (200 when a 2xx body reported \
             failure), `message` the service's message.",
        )?,
        rate_limited: sub(
            "RateLimitedError",
            "rate_limited",
            "The service asked to slow down (HTTP 429). `retry_after` is the wait in seconds it asked for, \
             or None.",
        )?,
        timeout: with(
            "TimeoutError",
            py.get_type::<PyTimeoutError>(),
            "timeout",
            "The request did not complete within the timeout (`timeout`, in seconds). A POST may have been \
             applied. Also a builtins.TimeoutError.",
        )?,
        transport: sub(
            "TransportError",
            "transport",
            "The connection failed. `sent` is False only when the request provably never left; `message` \
             says what failed.",
        )?,
        decode: sub(
            "DecodeError",
            "decode",
            "A successful response whose body could not be understood (or was larger than the cap).",
        )?,
        not_found: sub(
            "NotFoundError",
            "not_found",
            "What was asked for does not exist, e.g. a community whose announcement group no source has. \
             `what` is the kind of thing, `id` the id it was looked for by.",
        )?,
        not_announcement_group: sub(
            "NotAnnouncementGroupError",
            "not_announcement_group",
            "A message was addressed to a community's own id; a community is messaged through its \
             announcement group (`announce`). `announcement_group` is that group when already known.",
        )?,
        base,
    })
}

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || build(py))
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let c = classes(py)?;
    for (name, class) in [
        ("ZapiError", &c.base),
        ("ValidationError", &c.validation),
        ("ApiError", &c.api),
        ("RateLimitedError", &c.rate_limited),
        ("TimeoutError", &c.timeout),
        ("TransportError", &c.transport),
        ("DecodeError", &c.decode),
        ("NotFoundError", &c.not_found),
        ("NotAnnouncementGroupError", &c.not_announcement_group),
    ] {
        m.add(name, class.clone_ref(py))?;
    }
    Ok(())
}

/// The one mapping: a failure becomes an instance of its class, with the message as `str(e)`,
/// `.kind`, and the error's fields as attributes.
pub(crate) fn to_py_err(py: Python<'_>, failure: Failure) -> PyErr {
    build_exception(py, failure).unwrap_or_else(|e| e)
}

fn build_exception(py: Python<'_>, failure: Failure) -> PyResult<PyErr> {
    let c = classes(py)?;
    let error = match failure {
        Failure::Core(error) => error,
        Failure::Python(raised) => return Ok(raised),
        Failure::Panic(message) => {
            let text = format!("internal error in zapi-communities (please report it): {message}");
            let exception = c.base.bind(py).call1((text,))?;
            exception.setattr(intern!(py, "kind"), INTERNAL)?;
            return Ok(PyErr::from_value(exception));
        }
    };
    let (class, attributes): (&Py<PyType>, Vec<(&str, Py<PyAny>)>) = match &error {
        Error::Validation { field, reason } => {
            (&c.validation, vec![("field", field.into_py_any(py)?), ("reason", reason.into_py_any(py)?)])
        }
        Error::Api { status, message } => {
            (&c.api, vec![("status", status.into_py_any(py)?), ("message", message.into_py_any(py)?)])
        }
        Error::RateLimited { retry_after_secs } => {
            (&c.rate_limited, vec![("retry_after", retry_after_secs.into_py_any(py)?)])
        }
        Error::Timeout { timeout_ms } => {
            let seconds = *timeout_ms as f64 / 1000.0;
            (&c.timeout, vec![("timeout", seconds.into_py_any(py)?)])
        }
        Error::Transport { message, sent } => {
            (&c.transport, vec![("message", message.into_py_any(py)?), ("sent", sent.into_py_any(py)?)])
        }
        Error::Decode { message } => (&c.decode, vec![("message", message.into_py_any(py)?)]),
        Error::NotFound { what, id } => {
            (&c.not_found, vec![("what", what.into_py_any(py)?), ("id", id.into_py_any(py)?)])
        }
        Error::NotAnnouncementGroup { community_id, announcement_group } => (
            &c.not_announcement_group,
            vec![
                ("community_id", community_id.into_py_any(py)?),
                ("announcement_group", announcement_group.into_py_any(py)?),
            ],
        ),
        // `Error` is non-exhaustive: a kind added later still arrives as a ZapiError with its kind.
        _ => (&c.base, Vec::new()),
    };
    let exception = class.bind(py).call1((error.to_string(),))?;
    exception.setattr(intern!(py, "kind"), error.kind())?;
    for (name, value) in attributes {
        exception.setattr(name, value)?;
    }
    Ok(PyErr::from_value(exception))
}

/// A result that becomes a Python value or raises the mapped exception when it is converted,
/// which for `AsyncClient` happens on the event loop's side, where the GIL is already held.
pub(crate) struct Reply<T>(pub Result<T, Failure>);

impl<'py, T: IntoPyObject<'py>> IntoPyObject<'py> for Reply<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            Ok(value) => value.into_bound_py_any(py),
            Err(failure) => Err(to_py_err(py, failure)),
        }
    }
}

/// Shorthand for the sync paths: a core result as a `PyResult`.
pub(crate) trait IntoPyResult<T> {
    /// Maps the error through [`to_py_err`].
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T, E: Into<Failure>> IntoPyResult<T> for Result<T, E> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|e| to_py_err(py, e.into()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raised(py: Python<'_>, failure: Failure) -> Bound<'_, PyAny> {
        to_py_err(py, failure).value(py).clone().into_any()
    }

    #[test]
    fn every_kind_maps_to_its_class_with_its_fields() {
        Python::initialize();
        Python::attach(|py| {
            let e = raised(py, Error::validation("group_ids[1]", "listed twice").into());
            assert_eq!(e.get_type().name().unwrap().to_string(), "ValidationError");
            assert_eq!(e.getattr("field").unwrap().extract::<String>().unwrap(), "group_ids[1]");
            assert_eq!(e.getattr("kind").unwrap().extract::<String>().unwrap(), "validation");
            assert!(e.is_instance(&py.get_type::<PyValueError>()).unwrap());

            let e = raised(py, Error::Timeout { timeout_ms: 1500 }.into());
            assert!(e.is_instance(&py.get_type::<PyTimeoutError>()).unwrap());
            assert_eq!(e.getattr("timeout").unwrap().extract::<f64>().unwrap(), 1.5);

            let e = raised(py, Error::RateLimited { retry_after_secs: None }.into());
            assert!(e.getattr("retry_after").unwrap().is_none());
            assert_eq!(e.getattr("kind").unwrap().extract::<String>().unwrap(), "rate_limited");
        });
    }

    #[test]
    fn a_panic_is_a_zapi_error_of_kind_internal() {
        Python::initialize();
        Python::attach(|py| {
            let payload = std::panic::catch_unwind(|| panic!("boom")).unwrap_err();
            let e = raised(py, Failure::panic(payload));
            assert_eq!(e.get_type().name().unwrap().to_string(), "ZapiError");
            assert_eq!(e.getattr("kind").unwrap().extract::<String>().unwrap(), "internal");
            assert!(e.str().unwrap().to_string().contains("boom"));
        });
    }
}
