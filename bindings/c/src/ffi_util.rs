//! Helpers every entry point uses: panic capture, out-pointer handling and
//! reading C strings and JSON.

use std::any::Any;
use std::ffi::{c_char, CStr};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::ptr;

use crate::error::{c_string, FfiError, RtfError, RtfStatus};

/// Runs `body` with panics caught, and reports its outcome through the
/// return status and `out_error`.
///
/// # Safety
/// `out_error` is NULL or valid for one pointer write.
pub(crate) unsafe fn ffi_call<F>(out_error: *mut *mut RtfError, body: F) -> RtfStatus
where
    F: FnOnce() -> Result<(), FfiError>,
{
    // SAFETY: the caller guarantees `out_error` is NULL or writable.
    unsafe { clear(out_error) };

    let error = match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(())) => return RtfStatus::RTF_OK,
        Ok(Err(error)) => error,
        Err(payload) => FfiError::internal(format!(
            "internal error: the Real Time Finance library panicked ({}); please report this as a bug",
            panic_text(payload.as_ref())
        )),
    };
    if !out_error.is_null() {
        // SAFETY: checked non-NULL above; writable per the contract.
        unsafe { *out_error = error.into_raw() };
    }
    RtfStatus::RTF_ERROR
}

fn panic_text(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<&str>() {
        text
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text
    } else {
        "no panic message"
    }
}

/// Sets `*out` to NULL when `out` is not NULL.
///
/// # Safety
/// `out` is NULL or valid for one pointer write.
pub(crate) unsafe fn clear<T>(out: *mut *mut T) {
    if !out.is_null() {
        // SAFETY: non-NULL and writable per the contract.
        unsafe { *out = ptr::null_mut() };
    }
}

/// Checks that an out pointer the caller must provide is not NULL.
pub(crate) fn require_out<T>(out: *mut *mut T, name: &str) -> Result<(), FfiError> {
    if out.is_null() {
        return Err(FfiError::internal(format!(
            "{name} is NULL; pass the address of a pointer variable"
        )));
    }
    Ok(())
}

/// Hands a string to the caller through `out`, which must not be NULL.
///
/// # Safety
/// `out` is valid for one pointer write.
pub(crate) unsafe fn write_string(out: *mut *mut c_char, text: String) {
    // SAFETY: the caller checked `out` with `require_out`.
    unsafe { *out = c_string(text) };
}

/// Reads a required NUL-terminated UTF-8 argument.
///
/// # Safety
/// `text` is NULL or points to a NUL-terminated string.
pub(crate) unsafe fn read_str<'a>(text: *const c_char, name: &str) -> Result<&'a str, FfiError> {
    if text.is_null() {
        return Err(FfiError::internal(format!(
            "{name} is NULL; pass a NUL-terminated UTF-8 string"
        )));
    }
    // SAFETY: non-NULL and NUL-terminated per the contract.
    let bytes = unsafe { CStr::from_ptr(text) };
    bytes.to_str().map_err(|error| {
        FfiError::internal(format!(
            "{name} is not valid UTF-8 (invalid byte at offset {}); pass UTF-8 text",
            error.valid_up_to()
        ))
    })
}

/// Reads an optional NUL-terminated UTF-8 argument; NULL gives `None`.
///
/// # Safety
/// `text` is NULL or points to a NUL-terminated string.
pub(crate) unsafe fn read_optional_str<'a>(
    text: *const c_char,
    name: &str,
) -> Result<Option<&'a str>, FfiError> {
    if text.is_null() {
        return Ok(None);
    }
    // SAFETY: forwarded contract.
    unsafe { read_str(text, name) }.map(Some)
}

/// Parses a JSON argument. The message gives the parser's position but not
/// the text, because the text may contain a secret.
pub(crate) fn parse_json(
    text: &str,
    name: &str,
    to_error: fn(String) -> FfiError,
) -> Result<serde_json::Value, FfiError> {
    serde_json::from_str(text).map_err(|error| {
        to_error(format!(
            "{name} is not valid JSON ({:?} error at line {}, column {}); pass a JSON document",
            error.classify(),
            error.line(),
            error.column()
        ))
    })
}

/// Parses an optional JSON object argument; NULL gives an empty object.
pub(crate) fn parse_json_object(
    text: Option<&str>,
    name: &str,
    to_error: fn(String) -> FfiError,
) -> Result<serde_json::Map<String, serde_json::Value>, FfiError> {
    let Some(text) = text else {
        return Ok(serde_json::Map::new());
    };
    match parse_json(text, name, to_error)? {
        serde_json::Value::Object(map) => Ok(map),
        other => Err(to_error(format!(
            "{name} must be a JSON object, got {}",
            json_type(&other)
        ))),
    }
}

/// Names the JSON type of a value, for messages that must not show the value.
pub(crate) fn json_type(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Serializes a result for the caller.
pub(crate) fn to_json<T: serde::Serialize>(value: &T) -> Result<String, FfiError> {
    serde_json::to_string(value).map_err(|error| {
        FfiError::internal(format!(
            "internal error: could not serialize the result as JSON: {error}"
        ))
    })
}

/// Tags at the start of each handle, so a handle of the wrong type or a
/// pointer to something else is reported instead of used.
pub(crate) const CLIENT_TAG: u64 = 0x5254_465f_434c_4e54; // "RTF_CLNT"
pub(crate) const PAGINATOR_TAG: u64 = 0x5254_465f_5041_4745; // "RTF_PAGE"
