//! Webhook verification.

use std::ffi::c_char;
use std::time::Duration;

use realtime_finance::{SecretString, Webhook};
use serde_json::Value;

use crate::error::{FfiError, RtfError, RtfStatus};
use crate::ffi_util::{
    clear, ffi_call, json_type, parse_json, read_str, require_out, to_json, write_string,
};

/// Verifies a webhook delivery (Standard Webhooks scheme) and returns its
/// event as JSON.
///
/// `payload` is the raw request body, `payload_len` bytes long (NULL is
/// allowed when `payload_len` is 0). `headers_json` is a JSON object of the
/// request's headers, names in any case, such as {"webhook-id": "...",
/// "webhook-timestamp": "...", "webhook-signature": "v1,..."}.
/// `secrets_json` is a JSON array of "whsec_..." secrets (several during a
/// rotation) or a single such string. `tolerance_seconds` is how far the
/// timestamp may be from the local clock; 0 or less uses the core's default
/// of 300 seconds.
///
/// On RTF_OK `*out_event_json` is the event (release with
/// `rtf_string_free`). Errors: RTF_ERROR_WEBHOOK_SIGNATURE when
/// verification fails, RTF_ERROR_CONFIGURATION for an invalid secret,
/// RTF_ERROR_INVALID_REQUEST for invalid JSON arguments, RTF_ERROR_INTERNAL
/// for NULL arguments or invalid UTF-8. Thread-safe.
///
/// # Safety
/// `payload` is NULL or readable for `payload_len` bytes; the strings are
/// NUL-terminated; the out pointers are NULL or valid for one pointer write.
#[no_mangle]
pub unsafe extern "C" fn rtf_webhook_verify(
    payload: *const u8,
    payload_len: usize,
    headers_json: *const c_char,
    secrets_json: *const c_char,
    tolerance_seconds: i64,
    out_event_json: *mut *mut c_char,
    out_error: *mut *mut RtfError,
) -> RtfStatus {
    // SAFETY: forwarded contract of this function.
    unsafe {
        clear(out_event_json);
        ffi_call(out_error, || {
            require_out(out_event_json, "out_event_json")?;
            let payload: &[u8] = match (payload.is_null(), payload_len) {
                (true, 0) => &[],
                (true, _) => {
                    return Err(FfiError::internal(
                        "payload is NULL but payload_len is not 0",
                    ))
                }
                (false, _) => std::slice::from_raw_parts(payload, payload_len),
            };
            let headers = headers(read_str(headers_json, "headers_json")?)?;
            let secrets = secrets(read_str(secrets_json, "secrets_json")?)?;

            let mut webhook = Webhook::new(secrets)?;
            if tolerance_seconds > 0 {
                webhook =
                    webhook.with_tolerance(Duration::from_secs(tolerance_seconds.unsigned_abs()));
            }
            let event = webhook.verify(
                payload,
                headers
                    .iter()
                    .map(|(name, value)| (name.as_str(), value.as_str())),
            )?;
            write_string(out_event_json, to_json(&event)?);
            Ok(())
        })
    }
}

fn headers(text: &str) -> Result<Vec<(String, String)>, FfiError> {
    let invalid = |message: String| FfiError::invalid_request("headers_json", message);
    let Value::Object(map) = parse_json(text, "headers_json", invalid)? else {
        return Err(invalid(
            "headers_json must be a JSON object of header names to string values".into(),
        ));
    };
    map.into_iter()
        .map(|(name, value)| match value {
            Value::String(value) => Ok((name, value)),
            other => Err(invalid(format!(
                "header {name:?} must be a string, got {}",
                json_type(&other)
            ))),
        })
        .collect()
}

/// Parses the secrets without copying them outside `SecretString`s, and
/// without echoing the text in messages.
fn secrets(text: &str) -> Result<Vec<SecretString>, FfiError> {
    let invalid = |message: String| FfiError::invalid_request("secrets_json", message);
    let expected = "secrets_json must be a JSON array of \"whsec_...\" strings or one such string";
    match parse_json(text, "secrets_json", invalid)? {
        Value::String(secret) => Ok(vec![SecretString::new(secret)]),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(secret) => Ok(SecretString::new(secret)),
                _ => Err(invalid(expected.into())),
            })
            .collect(),
        _ => Err(invalid(expected.into())),
    }
}
