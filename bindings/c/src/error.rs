//! The status and error types of the ABI, and the one mapping from the
//! core's `ErrorKind` to `RtfErrorKind`.

use std::ffi::{c_char, CString};
use std::ptr;

use realtime_finance::{Error, ErrorKind};

/// The outcome of a fallible call.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtfStatus {
    RTF_OK = 0,
    RTF_ERROR = 1,
}

/// The category of an `RtfError`. Values 1 to 11 are the core's error kinds
/// in the order of its documentation; wrappers map each to one exception
/// class.
#[repr(C)]
#[allow(non_camel_case_types)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RtfErrorKind {
    /// Invalid client settings or arguments, found before any request.
    RTF_ERROR_CONFIGURATION = 1,
    /// 401: missing, invalid, revoked or expired credentials.
    RTF_ERROR_AUTHENTICATION = 2,
    /// 403: the credential lacks the scope the call needs.
    RTF_ERROR_PERMISSION = 3,
    /// 400, 413 or 422, or a parameter rejected before sending; `param`
    /// names the field.
    RTF_ERROR_INVALID_REQUEST = 4,
    /// 404: no such resource.
    RTF_ERROR_NOT_FOUND = 5,
    /// 409 and idempotency errors.
    RTF_ERROR_CONFLICT = 6,
    /// 429: `retry_after_seconds` gives the wait before the next try.
    RTF_ERROR_RATE_LIMIT = 7,
    /// 5xx, or a response the core cannot parse.
    RTF_ERROR_API = 8,
    /// The connection failed or dropped before a complete response.
    RTF_ERROR_CONNECTION = 9,
    /// A connect timeout, attempt timeout or the call's total budget ran out.
    RTF_ERROR_TIMEOUT = 10,
    /// A webhook payload failed verification.
    RTF_ERROR_WEBHOOK_SIGNATURE = 11,
    /// A misuse of the ABI (NULL pointer, handle of the wrong type, invalid
    /// UTF-8), a panic caught inside the library, or a core error kind newer
    /// than this ABI.
    RTF_ERROR_INTERNAL = 12,
}

/// A failed call. Allocated by the library and released with
/// `rtf_error_free`, which also releases its strings.
#[repr(C)]
#[derive(Debug)]
pub struct RtfError {
    pub kind: RtfErrorKind,
    /// HTTP status of the failed response; 0 when there was no response.
    pub http_status: u16,
    /// Sentence naming what failed, on which value, and the fix. UTF-8,
    /// never NULL and free of secrets.
    pub message: *mut c_char,
    /// The API's or the OAuth server's error code, such as
    /// "insufficient_scope"; NULL when absent.
    pub code: *mut c_char,
    /// The `Request-Id` of the failed response; NULL when absent.
    pub request_id: *mut c_char,
    /// The request parameter at fault; NULL when absent.
    pub param: *mut c_char,
    /// How long the server asked the caller to wait, in seconds; negative
    /// when absent.
    pub retry_after_seconds: f64,
}

/// Releases an error and its strings. NULL is a no-op.
///
/// # Safety
/// `error` is NULL or an error returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn rtf_error_free(error: *mut RtfError) {
    if error.is_null() {
        return;
    }
    // SAFETY: the caller passes a pointer from `Box::into_raw` in `into_raw`.
    let error = unsafe { Box::from_raw(error) };
    for text in [error.message, error.code, error.request_id, error.param] {
        if !text.is_null() {
            // SAFETY: every string field comes from `CString::into_raw`.
            drop(unsafe { CString::from_raw(text) });
        }
    }
}

/// An error on its way to the caller, before it is allocated for C.
#[derive(Debug)]
pub(crate) struct FfiError {
    kind: RtfErrorKind,
    message: String,
    http_status: Option<u16>,
    code: Option<String>,
    request_id: Option<String>,
    param: Option<String>,
    retry_after_seconds: Option<f64>,
}

impl FfiError {
    pub(crate) fn new(kind: RtfErrorKind, message: impl Into<String>) -> Self {
        FfiError {
            kind,
            message: message.into(),
            http_status: None,
            code: None,
            request_id: None,
            param: None,
            retry_after_seconds: None,
        }
    }

    /// Creates an error for a misuse of the ABI, such as a NULL pointer.
    pub(crate) fn internal(message: impl Into<String>) -> Self {
        FfiError::new(RtfErrorKind::RTF_ERROR_INTERNAL, message)
    }

    /// Creates an error for an invalid argument, naming the parameter at fault.
    pub(crate) fn invalid_request(param: &str, message: impl Into<String>) -> Self {
        let mut error = FfiError::new(RtfErrorKind::RTF_ERROR_INVALID_REQUEST, message);
        error.param = Some(param.to_owned());
        error
    }

    pub(crate) fn configuration(message: impl Into<String>) -> Self {
        FfiError::new(RtfErrorKind::RTF_ERROR_CONFIGURATION, message)
    }

    /// Allocates the error for C. Interior NUL bytes, which C strings cannot
    /// hold, are dropped from the text.
    pub(crate) fn into_raw(self) -> *mut RtfError {
        Box::into_raw(Box::new(RtfError {
            kind: self.kind,
            http_status: self.http_status.unwrap_or(0),
            message: c_string(self.message),
            code: self.code.map_or(ptr::null_mut(), c_string),
            request_id: self.request_id.map_or(ptr::null_mut(), c_string),
            param: self.param.map_or(ptr::null_mut(), c_string),
            retry_after_seconds: self.retry_after_seconds.unwrap_or(-1.0),
        }))
    }
}

impl From<Error> for FfiError {
    fn from(error: Error) -> Self {
        FfiError {
            kind: error_kind(error.kind()),
            message: error.to_string(),
            http_status: error.http_status(),
            code: error.code().map(str::to_owned),
            request_id: error.request_id().map(str::to_owned),
            param: error.param().map(str::to_owned),
            retry_after_seconds: error.retry_after().map(|wait| wait.as_secs_f64()),
        }
    }
}

/// Maps a core error kind to the ABI's. This is the only such mapping.
fn error_kind(kind: ErrorKind) -> RtfErrorKind {
    match kind {
        ErrorKind::Configuration => RtfErrorKind::RTF_ERROR_CONFIGURATION,
        ErrorKind::Authentication => RtfErrorKind::RTF_ERROR_AUTHENTICATION,
        ErrorKind::Permission => RtfErrorKind::RTF_ERROR_PERMISSION,
        ErrorKind::InvalidRequest => RtfErrorKind::RTF_ERROR_INVALID_REQUEST,
        ErrorKind::NotFound => RtfErrorKind::RTF_ERROR_NOT_FOUND,
        ErrorKind::Conflict => RtfErrorKind::RTF_ERROR_CONFLICT,
        ErrorKind::RateLimit => RtfErrorKind::RTF_ERROR_RATE_LIMIT,
        ErrorKind::Api => RtfErrorKind::RTF_ERROR_API,
        ErrorKind::Connection => RtfErrorKind::RTF_ERROR_CONNECTION,
        ErrorKind::Timeout => RtfErrorKind::RTF_ERROR_TIMEOUT,
        ErrorKind::WebhookSignature => RtfErrorKind::RTF_ERROR_WEBHOOK_SIGNATURE,
        // `ErrorKind` is non-exhaustive; a kind added to the core after this
        // ABI version still reaches the caller, with its message intact.
        _ => RtfErrorKind::RTF_ERROR_INTERNAL,
    }
}

/// Converts text for C, dropping interior NUL bytes rather than failing.
pub(crate) fn c_string(text: String) -> *mut c_char {
    let bytes: Vec<u8> = text
        .into_bytes()
        .into_iter()
        .filter(|&byte| byte != 0)
        .collect();
    CString::new(bytes).unwrap_or_default().into_raw()
}
