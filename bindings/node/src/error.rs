//! The one conversion from core errors to JavaScript errors.
//!
//! The addon rejects (or throws) with a plain `Error` whose extra properties
//! carry the core error's fields. The npm package's `toError` turns that into
//! the right `RealTimeFinanceError` subclass by `kind`, so the kind-to-class
//! table lives in exactly one JavaScript function.

use napi::bindgen_prelude::{JsObjectValue, JsValue, Object};
use napi::{Env, Status};
use realtime_finance::{Error, ErrorKind};

/// Converts a core error into a `napi::Error` that, when thrown or used to
/// reject a promise, is a JavaScript `Error` with these properties:
/// `kind` (the core's snake_case kind), `httpStatus`, `apiCode`, `requestId`,
/// `param` and `retryAfter` (seconds). Absent fields are left undefined.
///
/// Must be called on the JavaScript thread.
pub(crate) fn to_js_error(env: &Env, error: Error) -> napi::Error {
    let message = error.to_string();
    match build_error_object(env, &error, &message) {
        Ok(error_object) => napi::Error::from(error_object.to_unknown()),
        // Creating the object can only fail when the engine is shutting
        // down; a plain error with the same message is the best left to do.
        Err(_) => napi::Error::new(Status::GenericFailure, message),
    }
}

fn build_error_object<'env>(
    env: &'env Env,
    error: &Error,
    message: &str,
) -> napi::Result<Object<'env>> {
    let mut object = env.create_error(napi::Error::new(Status::GenericFailure, message))?;
    // `create_error` sets `code` to the napi status; the API code goes in
    // `apiCode` so the two never mix.
    object.delete_named_property("code")?;
    object.set_named_property("kind", error.kind().as_str())?;
    if let Some(status) = error.http_status() {
        object.set_named_property("httpStatus", u32::from(status))?;
    }
    if let Some(code) = error.code() {
        object.set_named_property("apiCode", code)?;
    }
    if let Some(request_id) = error.request_id() {
        object.set_named_property("requestId", request_id)?;
    }
    if let Some(param) = error.param() {
        object.set_named_property("param", param)?;
    }
    if let Some(retry_after) = error.retry_after() {
        object.set_named_property("retryAfter", retry_after.as_secs_f64())?;
    }
    Ok(object)
}

/// Builds a core `Api` error for a result that could not be turned into JSON.
/// Only a bug in the core's `Serialize` impls can cause it.
pub(crate) fn serialization_error(error: serde_json::Error) -> Error {
    Error::new(
        ErrorKind::Api,
        format!("failed to convert the core's result to a JavaScript value: {error}; please report this bug"),
    )
}

/// Builds a core `Api` error for a panic inside the core, so that a bug rejects the
/// promise instead of leaving it pending forever.
pub(crate) fn panic_error(payload: Box<dyn std::any::Any + Send>) -> Error {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|text| text.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no panic message".to_owned());
    Error::new(
        ErrorKind::Api,
        format!("the Real Time Finance core panicked: {detail}; please report this bug"),
    )
}
