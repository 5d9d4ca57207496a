//! The exception hierarchy and the one mapping from the core's `Error` to it.
//!
//! ```text
//! ZapiError(Exception)                      .kind (every class), the message is str(e)
//! ├── ValidationError(ZapiError, ValueError)   .field .reason
//! ├── ApiError                                  .status .detail
//! ├── RateLimitedError                          .retry_after_ms (or None)
//! ├── TimeoutError(ZapiError, builtins.TimeoutError)   .timeout_ms
//! ├── TransportError                            .detail .sent
//! ├── DecodeError                               .detail
//! ├── NotFoundError                             .what .id
//! └── NotAnnouncementGroupError                 .community_id .announcement_group
//! ```
//!
//! Nothing of that is written here: one class per kind of `Error::KINDS` (named after the kind,
//! with its doc), and the attributes are the error's serde fields in snake_case, so a kind or a
//! field added in the core reaches Python unchanged. The classes are built once with
//! `type(name, bases, namespace)` because two of them have a builtin second base, which
//! `create_exception!` cannot express. `.kind` is a class attribute (so it exists even on an
//! instance built by hand) and is the core's `Error::kind()`.

use std::any::Any;

use pyo3::exceptions::{PyException, PyTimeoutError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyTuple, PyType};
use pyo3::{IntoPyObjectExt, intern};
use zapi_communities::Error;
use zapi_communities::api::Endpoint;
use zapi_communities::naming::snake_case;

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

/// The base class and one class per kind of the core's `Error`, in the order of `Error::KINDS`.
struct Classes {
    base: Py<PyType>,
    kinds: Vec<(&'static str, Py<PyType>)>,
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

/// `rate_limited` → `RateLimitedError`: the class of each kind is named after it.
pub(crate) fn class_name(kind: &str) -> String {
    let mut name: String = kind
        .split('_')
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map(|c| c.to_ascii_uppercase().to_string() + chars.as_str()).unwrap_or_default()
        })
        .collect();
    name.push_str("Error");
    name
}

fn build(py: Python<'_>) -> PyResult<Classes> {
    let base = new_class(
        py,
        "ZapiError",
        PyTuple::new(py, [py.get_type::<PyException>()])?,
        INTERNAL,
        "Base class of every error this package raises. `kind` is the stable name of the error kind \
         shared by every language (one subclass per kind; `internal` for a bug in the package itself).",
    )?;
    let mut kinds = Vec::with_capacity(Error::KINDS.len());
    for (kind, doc) in Error::KINDS {
        // Two kinds are also builtin exceptions, so `except ValueError` / `except TimeoutError`
        // catch them as Python code expects.
        let mut bases = vec![base.bind(py).clone()];
        match *kind {
            "validation" => bases.push(py.get_type::<PyValueError>()),
            "timeout" => bases.push(py.get_type::<PyTimeoutError>()),
            _ => {}
        }
        let class = new_class(py, &class_name(kind), PyTuple::new(py, bases)?, kind, doc)?;
        kinds.push((*kind, class));
    }
    Ok(Classes { base, kinds })
}

fn classes(py: Python<'_>) -> PyResult<&'static Classes> {
    CLASSES.get_or_try_init(py, || build(py))
}

/// Adds the exception classes to the module.
pub(crate) fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    let c = classes(py)?;
    m.add("ZapiError", c.base.clone_ref(py))?;
    for (kind, class) in &c.kinds {
        m.add(class_name(kind), class.clone_ref(py))?;
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
    // `Error` is non-exhaustive: a kind added later still arrives as a ZapiError with its kind.
    let class = c.kinds.iter().find(|(kind, _)| *kind == error.kind()).map_or(&c.base, |(_, class)| class);
    let exception = class.bind(py).call1((error.to_string(),))?;
    exception.setattr(intern!(py, "kind"), error.kind())?;
    // The fields are the core's serde shape of the error, renamed to Python's snake_case.
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(&error) {
        for (name, value) in fields.into_iter().filter(|(name, _)| name != "kind") {
            exception.setattr(snake_case(&name), json_to_py(py, value)?)?;
        }
    }
    Ok(PyErr::from_value(exception))
}

/// A field's value: the core's error fields are strings, numbers, booleans or null.
fn json_to_py(py: Python<'_>, value: serde_json::Value) -> PyResult<Py<PyAny>> {
    Ok(match value {
        serde_json::Value::Null => py.None(),
        serde_json::Value::Bool(b) => b.into_py_any(py)?,
        serde_json::Value::Number(n) => match n.as_u64() {
            Some(u) => u.into_py_any(py)?,
            None => n.as_f64().unwrap_or_default().into_py_any(py)?,
        },
        serde_json::Value::String(s) => s.into_py_any(py)?,
        other => other.to_string().into_py_any(py)?,
    })
}

/// A result that becomes a Python value or raises the mapped exception when it is converted,
/// which for `AsyncClient` happens on the event loop's side, where the GIL is already held.
pub(crate) struct Reply<T>(pub Result<T, Failure>);

impl<'py, T: IntoPyObject<'py> + 'static> IntoPyObject<'py> for Reply<T> {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        match self.0 {
            // A call that returns nothing awaits to `None`, as in the blocking client (pyo3
            // would make an empty tuple of `()` here).
            Ok(_) if std::any::TypeId::of::<T>() == std::any::TypeId::of::<()>() => Ok(py.None().into_bound(py)),
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
            assert_eq!(e.getattr("timeout_ms").unwrap().extract::<u64>().unwrap(), 1500);

            let e = raised(py, Error::RateLimited { retry_after_ms: None }.into());
            assert!(e.getattr("retry_after_ms").unwrap().is_none());
            assert_eq!(e.get_type().name().unwrap().to_string(), "RateLimitedError");
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
