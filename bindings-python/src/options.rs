//! Keyword arguments → the core's `ClientOptions`. Each option is checked by the core
//! (`ClientOptions::set`), so a bad value fails as in every language, naming the option.

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyFloat, PyInt, PyString};
use zapi_communities::{ClientOptions, Error, OptionValue};

/// The options given (`None` = left out), by name.
pub(crate) fn read<'py, const N: usize>(given: [(&str, Option<Bound<'py, PyAny>>); N]) -> Result<ClientOptions, Error> {
    let mut options = ClientOptions::default();
    for (name, value) in given {
        if let Some(value) = value.filter(|v| !v.is_none()) {
            options.set(name, option_value(name, &value)?)?;
        }
    }
    Ok(options)
}

/// A Python value as an option's raw value: `bool` before `int` (a `bool` is an `int` in Python).
fn option_value(name: &str, value: &Bound<'_, PyAny>) -> Result<OptionValue, Error> {
    if let Ok(b) = value.cast::<PyBool>() {
        return Ok(OptionValue::Bool(b.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return value
            .extract::<i128>()
            .map(OptionValue::Int)
            .map_err(|_| Error::validation(name, "is a whole number too large for any option"));
    }
    if let Ok(f) = value.cast::<PyFloat>() {
        return Ok(OptionValue::Float(f.value()));
    }
    if let Ok(s) = value.cast::<PyString>() {
        return s
            .to_cow()
            .map(|s| OptionValue::Text(s.into_owned()))
            .map_err(|_| Error::validation(name, "is not valid text"));
    }
    let type_name = value.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "?".into());
    Err(Error::validation(name, format!("must be a bool, a number or a str, got {type_name}")))
}
