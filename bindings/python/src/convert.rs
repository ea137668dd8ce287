//! Conversions between Python objects, JSON values and core types.
//!
//! Parameters cross into the core as `serde_json::Value`, and the core turns
//! them into its structs, naming the offending field on error. Results come
//! back as the core's `Serialize` structs and become plain Python
//! dictionaries, which `realtime_finance` wraps in typed classes.

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{
    PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PySequence, PyString, PyTuple,
};
use realtime_finance::{Error, RequestOptions};
use serde_json::{Map, Number, Value};

/// Converts a Python value made of `None`, `bool`, `int`, `float`, `str`,
/// mappings with `str` keys, lists and tuples into JSON.
///
/// Errors (`InvalidRequest`, `param` set to the dotted path of the value):
/// any other type, a non-`str` key, an integer outside the 64-bit range, or
/// a NaN or infinite float.
pub(crate) fn to_json(value: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    if value.is_none() {
        return Ok(Value::Null);
    }
    // `bool` is a subclass of `int` in Python, so it must be tested first.
    if let Ok(flag) = value.cast::<PyBool>() {
        return Ok(Value::Bool(flag.is_true()));
    }
    if value.is_instance_of::<PyInt>() {
        return integer_to_json(value, path);
    }
    if let Ok(float) = value.cast::<PyFloat>() {
        return Number::from_f64(float.value())
            .map(Value::Number)
            .ok_or_else(|| {
                invalid(
                    path,
                    format!("{path} must be a finite number, got {}", float.value()),
                )
            });
    }
    if let Ok(text) = value.cast::<PyString>() {
        return Ok(Value::String(text.to_string_lossy().into_owned()));
    }
    if value.is_instance_of::<PyDict>() || value.is_instance_of::<PyMapping>() {
        return mapping_to_json(value, path);
    }
    if value.is_instance_of::<PyList>() || value.is_instance_of::<PyTuple>() {
        return sequence_to_json(value, path);
    }
    let type_name = value
        .get_type()
        .name()
        .map(|name| name.to_string())
        .unwrap_or_default();
    Err(invalid(
        path,
        format!("{path} has unsupported type {type_name}; pass str, int, float, bool, None, a dict or a list"),
    ))
}

fn integer_to_json(value: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    if let Ok(signed) = value.extract::<i64>() {
        return Ok(Value::from(signed));
    }
    if let Ok(unsigned) = value.extract::<u64>() {
        return Ok(Value::from(unsigned));
    }
    Err(invalid(
        path,
        format!("{path} is outside the 64-bit integer range: {value}"),
    ))
}

fn mapping_to_json(value: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    let items = value
        .call_method0("items")
        .and_then(|items| {
            items
                .try_iter()
                .map(|iterator| iterator.collect::<Vec<_>>())
        })
        .map_err(|error| {
            invalid(
                path,
                format!("{path} could not be read as a mapping: {error}"),
            )
        })?;
    let mut object = Map::new();
    for item in items {
        let (key, item_value): (Bound<'_, PyAny>, Bound<'_, PyAny>) =
            item.and_then(|pair| pair.extract()).map_err(|error| {
                invalid(
                    path,
                    format!("{path} could not be read as a mapping: {error}"),
                )
            })?;
        let Ok(key) = key.cast::<PyString>() else {
            return Err(invalid(
                path,
                format!("{path} has a key that is not a str: {key}"),
            ));
        };
        let key = key.to_string_lossy().into_owned();
        let child_path = if path.is_empty() {
            key.clone()
        } else {
            format!("{path}.{key}")
        };
        object.insert(key, to_json(&item_value, &child_path)?);
    }
    Ok(Value::Object(object))
}

fn sequence_to_json(value: &Bound<'_, PyAny>, path: &str) -> Result<Value, Error> {
    let sequence = value
        .cast::<PySequence>()
        .map_err(|error| invalid(path, format!("{path} could not be read as a list: {error}")))?;
    let mut array = Vec::new();
    for (index, item) in sequence.try_iter().into_iter().flatten().enumerate() {
        let item =
            item.map_err(|error| invalid(path, format!("{path} could not be read: {error}")))?;
        array.push(to_json(&item, &format!("{path}.{index}"))?);
    }
    Ok(Value::Array(array))
}

fn invalid(path: &str, message: String) -> Error {
    Error::invalid_param(path, message)
}

/// Converts JSON into `None`, `bool`, `int`, `float`, `str`, `list` and `dict`.
pub(crate) fn to_python<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(flag) => PyBool::new(py, *flag).to_owned().into_any(),
        Value::Number(number) => number_to_python(py, number)?,
        Value::String(text) => PyString::new(py, text).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(object) => {
            let dict = PyDict::new(py);
            for (key, item) in object {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

fn number_to_python<'py>(py: Python<'py>, number: &Number) -> PyResult<Bound<'py, PyAny>> {
    if let Some(signed) = number.as_i64() {
        return Ok(signed.into_pyobject(py)?.into_any());
    }
    if let Some(unsigned) = number.as_u64() {
        return Ok(unsigned.into_pyobject(py)?.into_any());
    }
    match number.as_f64() {
        Some(float) => Ok(PyFloat::new(py, float).into_any()),
        None => Err(PyTypeError::new_err(format!(
            "cannot convert JSON number {number} to Python"
        ))),
    }
}

/// Serializes a core result into JSON.
///
/// Errors (`Api`): the core's struct could not be serialized, which is a bug.
pub(crate) fn serialize<T: serde::Serialize>(value: &T) -> Result<Value, Error> {
    serde_json::to_value(value).map_err(|error| {
        Error::new(
            realtime_finance::ErrorKind::Api,
            format!("could not convert the core's result to Python: {error}"),
        )
    })
}

/// Builds the per-call options of the core from keyword arguments, with
/// `timeout` in seconds. The core checks the values, so every language
/// accepts and rejects the same options.
///
/// Errors (`InvalidRequest`, `param` set to `max_retries` or `timeout`): a
/// negative or too large retry count, or a timeout that is not a positive,
/// finite number of seconds.
pub(crate) fn request_options(
    idempotency_key: Option<String>,
    max_retries: Option<i64>,
    timeout: Option<f64>,
) -> Result<RequestOptions, Error> {
    RequestOptions::from_values(idempotency_key, max_retries, timeout)
}
