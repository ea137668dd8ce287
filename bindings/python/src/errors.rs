//! The one mapping from the core's `ErrorKind` to Python exception classes.
//!
//! The classes live in `realtime_finance/_errors.py` so that they are plain
//! Python classes with attributes; this file only picks the class and fills
//! in the attributes.

use std::any::Any;

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyModule};
use realtime_finance::{Error, ErrorKind};

static ERRORS_MODULE: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Returns the class name for `kind`, following the table on `ErrorKind` in
/// `core/src/error.rs`. A kind added to the core later maps to the base class.
fn class_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Configuration => "ConfigurationError",
        ErrorKind::Authentication => "AuthenticationError",
        ErrorKind::Permission => "PermissionError",
        ErrorKind::InvalidRequest => "InvalidRequestError",
        ErrorKind::NotFound => "NotFoundError",
        ErrorKind::Conflict => "ConflictError",
        ErrorKind::RateLimit => "RateLimitError",
        ErrorKind::Api => "APIError",
        ErrorKind::Connection => "ConnectionError",
        ErrorKind::Timeout => "TimeoutError",
        ErrorKind::WebhookSignature => "WebhookSignatureError",
        _ => "RealTimeFinanceError",
    }
}

/// Converts a core error into the matching `realtime_finance` exception.
pub(crate) fn to_py_err(py: Python<'_>, error: &Error) -> PyErr {
    let attributes = ErrorAttributes {
        kind: Some(error.kind().as_str()),
        message: error.message(),
        http_status: error.http_status(),
        code: error.code(),
        request_id: error.request_id(),
        param: error.param(),
        retry_after: error.retry_after().map(|duration| duration.as_secs_f64()),
    };
    build(
        py,
        class_name(error.kind()),
        &error.to_string(),
        &attributes,
    )
}

/// Converts a panic in the core into a `RealTimeFinanceError`, so that it is
/// caught by `except Exception` like every other SDK failure.
pub(crate) fn panic_to_py_err(py: Python<'_>, payload: Box<dyn Any + Send>) -> PyErr {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no panic message".to_owned());
    let message = format!(
        "internal error in the realtime_finance Rust core ({detail}); this is a bug in the SDK, please report it"
    );
    let attributes = ErrorAttributes {
        message: &message,
        ..ErrorAttributes::default()
    };
    build(py, "RealTimeFinanceError", &message, &attributes)
}

#[derive(Default)]
struct ErrorAttributes<'a> {
    kind: Option<&'a str>,
    message: &'a str,
    http_status: Option<u16>,
    code: Option<&'a str>,
    request_id: Option<&'a str>,
    param: Option<&'a str>,
    retry_after: Option<f64>,
}

fn build(py: Python<'_>, class_name: &str, text: &str, attributes: &ErrorAttributes<'_>) -> PyErr {
    match instantiate(py, class_name, text, attributes) {
        Ok(exception) => PyErr::from_value(exception),
        // Only reachable when realtime_finance._errors cannot be imported;
        // that import error is the more useful one to show.
        Err(import_error) => import_error,
    }
}

fn instantiate<'py>(
    py: Python<'py>,
    class_name: &str,
    text: &str,
    attributes: &ErrorAttributes<'_>,
) -> PyResult<Bound<'py, PyAny>> {
    let module = ERRORS_MODULE
        .get_or_try_init(py, || {
            py.import("realtime_finance._errors").map(Bound::unbind)
        })?
        .bind(py);
    let class = module.getattr(class_name)?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("message", attributes.message)?;
    kwargs.set_item("kind", attributes.kind)?;
    kwargs.set_item("http_status", attributes.http_status)?;
    kwargs.set_item("code", attributes.code)?;
    kwargs.set_item("request_id", attributes.request_id)?;
    kwargs.set_item("param", attributes.param)?;
    kwargs.set_item("retry_after", attributes.retry_after)?;
    class.call((text,), Some(&kwargs))
}
