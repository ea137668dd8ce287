//! The client handle: construction from JSON settings, key rotation and the
//! single-call operations.

use std::ffi::c_char;
use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use realtime_finance::{
    duration_from_seconds, params_from_json, runtime, Client, ClientOptions, RequestOptions,
    SecretString,
};
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{FfiError, RtfError, RtfStatus};
use crate::ffi_util::{
    ffi_call, json_type, parse_json_object, read_optional_str, read_str, require_out, to_json,
    write_string, CLIENT_TAG,
};

/// A Real Time Finance client. Thread-safe: one handle may be used from many
/// threads at once, and all calls on it share one connection pool and one
/// OAuth token cache.
pub struct RtfClient {
    tag: u64,
    pub(crate) client: Client,
}

/// Returns the client behind a handle, or an error for NULL or a pointer that
/// is not a client handle.
///
/// # Safety
/// `handle` is NULL or points to readable memory of at least a handle's size.
pub(crate) unsafe fn client_ref<'a>(handle: *const RtfClient) -> Result<&'a Client, FfiError> {
    if handle.is_null() {
        return Err(FfiError::internal(
            "client is NULL; create one with rtf_client_new",
        ));
    }
    // SAFETY: non-NULL and readable per the contract.
    let handle = unsafe { &*handle };
    if handle.tag != CLIENT_TAG {
        return Err(FfiError::internal(
            "client is not an RtfClient handle (wrong pointer, or already freed)",
        ));
    }
    Ok(&handle.client)
}

/// Creates a client from settings as a JSON object.
///
/// `config_json` may be NULL, which equals `{}`: the core then reads the
/// `REALTIME_FINANCE_*` environment variables. Every field is optional:
/// - "api_key", or "client_id" with "client_secret" for OAuth, plus
///   "scopes" (array of strings), "token_url" and "client_auth_method"
///   ("client_secret_basic" or "client_secret_post");
/// - "base_url", or "environment" ("sandbox" or "live");
/// - "timeout_seconds" and "connect_timeout_seconds" (numbers), "max_retries";
/// - "ca_cert_pem" (PEM text) or "ca_cert_path" (path to a PEM file);
/// - "language" with "language_version" for the User-Agent, such as "php"
///   and "8.2.7";
/// - "ignore_environment": true skips the environment variables.
///
/// On RTF_OK `*out_client` is a new handle to release with
/// `rtf_client_free`. Sends no request. Errors: RTF_ERROR_CONFIGURATION for
/// invalid JSON, an unknown field, a field of the wrong type or settings the
/// core rejects; RTF_ERROR_INTERNAL for a NULL `out_client` or invalid UTF-8.
///
/// # Safety
/// `config_json` is NULL or a NUL-terminated string; `out_client` and
/// `out_error` are NULL or valid for one pointer write.
#[no_mangle]
pub unsafe extern "C" fn rtf_client_new(
    config_json: *const c_char,
    out_client: *mut *mut RtfClient,
    out_error: *mut *mut RtfError,
) -> RtfStatus {
    // SAFETY: forwarded contract of this function.
    unsafe {
        crate::ffi_util::clear(out_client);
        ffi_call(out_error, || {
            require_out(out_client, "out_client")?;
            let config = read_optional_str(config_json, "config_json")?;
            let config = parse_json_object(config, "config_json", FfiError::configuration)?;
            let client = options_from_config(config)?.build()?;
            *out_client = Box::into_raw(Box::new(RtfClient {
                tag: CLIENT_TAG,
                client,
            }));
            Ok(())
        })
    }
}

/// Releases a client. NULL is a no-op. Paginators created from it stay
/// usable. The caller ensures no other thread still uses the handle.
///
/// # Safety
/// `client` is NULL or a handle from `rtf_client_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn rtf_client_free(client: *mut RtfClient) {
    if client.is_null() {
        return;
    }
    // SAFETY: non-NULL and from `Box::into_raw` per the contract.
    unsafe {
        if (*client).tag != CLIENT_TAG {
            return;
        }
        (*client).tag = 0;
        drop(Box::from_raw(client));
    }
}

/// Replaces the API key of a live client (key rotation without restart).
/// Calls already in flight finish with the old key. Thread-safe.
///
/// Errors: RTF_ERROR_CONFIGURATION for a publishable key or a key for the
/// wrong environment; RTF_ERROR_INTERNAL for NULL arguments or invalid UTF-8.
///
/// # Safety
/// `client` is a live handle; `api_key` is NULL or a NUL-terminated string;
/// `out_error` is NULL or valid for one pointer write.
#[no_mangle]
pub unsafe extern "C" fn rtf_client_set_api_key(
    client: *const RtfClient,
    api_key: *const c_char,
    out_error: *mut *mut RtfError,
) -> RtfStatus {
    // SAFETY: forwarded contract of this function.
    unsafe {
        ffi_call(out_error, || {
            let client = client_ref(client)?;
            let api_key = read_str(api_key, "api_key")?;
            client.set_api_key(SecretString::from(api_key))?;
            Ok(())
        })
    }
}

/// Runs one API call and returns its result object as JSON.
///
/// `operation` and its `params_json` (NULL equals `{}`):
/// "transactions.retrieve" {"id"}, "transactions.list_page" {list params},
/// "payments.create" {payment params}, "payments.retrieve" {"id"},
/// "payments.list_page" {list params}, "payments.cancel" {"id"},
/// "fraud.assess" {assessment params}, "events.list_page" {list params},
/// "webhook_endpoints.create" {endpoint params}. Every result has the API's
/// "object" field; a list page is {"object": "list", "data": [...],
/// "has_more": bool, "url": "..."}.
///
/// `options_json` is NULL or {"idempotency_key"?, "max_retries"?,
/// "timeout_seconds"?}. On RTF_OK `*out_json` is the result, to release with
/// `rtf_string_free`. Blocks the calling thread until the call, with its
/// retries, ends. Must not be called from a log callback.
///
/// # Safety
/// `client` is a live handle; the strings are NULL or NUL-terminated;
/// `out_json` and `out_error` are NULL or valid for one pointer write.
#[no_mangle]
pub unsafe extern "C" fn rtf_client_call(
    client: *const RtfClient,
    operation: *const c_char,
    params_json: *const c_char,
    options_json: *const c_char,
    out_json: *mut *mut c_char,
    out_error: *mut *mut RtfError,
) -> RtfStatus {
    // SAFETY: forwarded contract of this function.
    unsafe {
        crate::ffi_util::clear(out_json);
        ffi_call(out_error, || {
            require_out(out_json, "out_json")?;
            let client = client_ref(client)?;
            let operation = read_str(operation, "operation")?;
            let params = parse_json_object(
                read_optional_str(params_json, "params_json")?,
                "params_json",
                |message| FfiError::invalid_request("params_json", message),
            )?;
            let options = request_options(read_optional_str(options_json, "options_json")?)?;
            let result = call(client.clone(), operation, params, options)?;
            write_string(out_json, result);
            Ok(())
        })
    }
}

/// Runs one operation on the core's runtime and serializes its result on
/// the calling thread, so that serialization does not occupy the runtime's
/// worker.
fn call(
    client: Client,
    operation: &str,
    params: Map<String, Value>,
    options: RequestOptions,
) -> Result<String, FfiError> {
    // Each arm moves its own owned values into the spawned call, which must
    // be 'static.
    match operation {
        "transactions.retrieve" => {
            let id = id_param(params)?;
            call_to_json(async move { client.transactions().retrieve(&id, &options).await })
        }
        "transactions.list_page" => {
            let params = params_from_json(Value::Object(params))?;
            call_to_json(async move { client.transactions().list_page(&params, &options).await })
        }
        "payments.create" => {
            let params = params_from_json(Value::Object(params))?;
            call_to_json(async move { client.payments().create(&params, &options).await })
        }
        "payments.retrieve" => {
            let id = id_param(params)?;
            call_to_json(async move { client.payments().retrieve(&id, &options).await })
        }
        "payments.list_page" => {
            let params = params_from_json(Value::Object(params))?;
            call_to_json(async move { client.payments().list_page(&params, &options).await })
        }
        "payments.cancel" => {
            let id = id_param(params)?;
            call_to_json(async move { client.payments().cancel(&id, &options).await })
        }
        "fraud.assess" => {
            let params = params_from_json(Value::Object(params))?;
            call_to_json(async move { client.fraud().assess(&params, &options).await })
        }
        "events.list_page" => {
            let params = params_from_json(Value::Object(params))?;
            call_to_json(async move { client.events().list_page(&params, &options).await })
        }
        "webhook_endpoints.create" => {
            let params = params_from_json(Value::Object(params))?;
            call_to_json(async move { client.webhook_endpoints().create(&params, &options).await })
        }
        other => Err(FfiError::invalid_request(
            "operation",
            format!(
                "unknown operation {other:?}; use one of transactions.retrieve, transactions.list_page, \
                 payments.create, payments.retrieve, payments.list_page, payments.cancel, fraud.assess, \
                 events.list_page, webhook_endpoints.create"
            ),
        )),
    }
}

/// Runs `call` on a worker of the core's runtime, parking the calling
/// thread, and returns its result as JSON. A panic inside `call` resumes on
/// the calling thread, where `ffi_call` turns it into RTF_ERROR_INTERNAL.
fn call_to_json<T, F>(call: F) -> Result<String, FfiError>
where
    T: Serialize + Send + 'static,
    F: Future<Output = realtime_finance::Result<T>> + Send + 'static,
{
    to_json(&runtime::spawn_and_wait(call)??)
}

/// Takes the "id" string of a retrieve or cancel call. Checking its form is
/// left to the core.
fn id_param(mut params: Map<String, Value>) -> Result<String, FfiError> {
    let id = match params.remove("id") {
        Some(Value::String(id)) => id,
        Some(other) => {
            return Err(FfiError::invalid_request(
                "id",
                format!("id must be a string, got {}", json_type(&other)),
            ))
        }
        None => {
            return Err(FfiError::invalid_request(
                "id",
                "id is missing from params_json; pass {\"id\": \"...\"}",
            ))
        }
    };
    if let Some(extra) = params.keys().next() {
        return Err(FfiError::invalid_request(
            extra,
            format!("unknown parameter {extra:?}; this call takes only \"id\""),
        ));
    }
    Ok(id)
}

/// Converts `options_json` into the core's per-call options. Only the JSON
/// names and types are checked here: `RequestOptions::from_values` applies
/// the value rules, so every binding rejects the same values.
pub(crate) fn request_options(options_json: Option<&str>) -> Result<RequestOptions, FfiError> {
    let invalid = |message: String| FfiError::invalid_request("options_json", message);
    let mut idempotency_key = None;
    let mut max_retries = None;
    let mut timeout_seconds = None;
    for (name, value) in parse_json_object(options_json, "options_json", invalid)? {
        match name.as_str() {
            "idempotency_key" => idempotency_key = optional_string(value, &name, invalid)?,
            "max_retries" => max_retries = optional_i64(value, &name, invalid)?,
            "timeout_seconds" => timeout_seconds = optional_f64(value, &name, invalid)?,
            _ => {
                return Err(invalid(format!(
                    "unknown option {name:?}; use idempotency_key, max_retries or timeout_seconds"
                )))
            }
        }
    }
    Ok(RequestOptions::from_values(
        idempotency_key,
        max_retries,
        timeout_seconds,
    )?)
}

/// Converts the settings object into the core's `ClientOptions`. Only the
/// JSON names and types are checked here: how the settings combine, and
/// every default, is the core's rule.
fn options_from_config(config: Map<String, Value>) -> Result<ClientOptions, FfiError> {
    let invalid = FfiError::configuration;
    let mut options = ClientOptions::default();
    let mut language = None;
    let mut language_version = None;

    // Secrets move out of the JSON tree into `SecretString`s without a copy,
    // so the only copy is zeroed when the client drops it.
    for (name, value) in config {
        match name.as_str() {
            "api_key" => options.api_key = optional_string(value, &name, invalid)?.map(SecretString::new),
            "client_id" => options.client_id = optional_string(value, &name, invalid)?,
            "client_secret" => {
                options.client_secret = optional_string(value, &name, invalid)?.map(SecretString::new)
            }
            "scopes" => options.scopes = optional_string_list(value, &name)?,
            "token_url" => options.token_url = optional_string(value, &name, invalid)?,
            "client_auth_method" => options.client_auth_method = optional_string(value, &name, invalid)?,
            "environment" => options.environment = optional_string(value, &name, invalid)?,
            "base_url" => options.base_url = optional_string(value, &name, invalid)?,
            "timeout_seconds" => options.timeout = optional_config_seconds(value, &name)?,
            "connect_timeout_seconds" => options.connect_timeout = optional_config_seconds(value, &name)?,
            "max_retries" => options.max_retries = optional_u32(value, &name, invalid)?,
            "ca_cert_path" => options.ca_cert_path = optional_string(value, &name, invalid)?.map(PathBuf::from),
            "ca_cert_pem" => options.ca_cert_pem = optional_string(value, &name, invalid)?.map(String::into_bytes),
            "language" => language = optional_string(value, &name, invalid)?,
            "language_version" => language_version = optional_string(value, &name, invalid)?,
            "ignore_environment" => {
                options.ignore_environment = match value {
                    Value::Bool(flag) => flag,
                    Value::Null => false,
                    other => {
                        return Err(invalid(format!(
                            "ignore_environment must be a boolean, got {}",
                            json_type(&other)
                        )))
                    }
                }
            }
            _ => {
                return Err(invalid(format!(
                    "unknown setting {name:?} in config_json; see rtf_client_new in realtime_finance.h for the fields"
                )))
            }
        }
    }

    // The core takes the language as one (name, version) pair.
    options.language = match (language, language_version) {
        (Some(name), Some(version)) => Some((name, version)),
        (None, None) => None,
        _ => {
            return Err(invalid(
                "config_json must set language and language_version together".into(),
            ))
        }
    };
    Ok(options)
}

/// Converts a JSON number of seconds with the core's rule for durations.
fn optional_config_seconds(value: Value, name: &str) -> Result<Option<Duration>, FfiError> {
    match value {
        Value::Null => Ok(None),
        Value::Number(number) => {
            let seconds = number.as_f64().unwrap_or(f64::NAN);
            Ok(Some(duration_from_seconds(name, seconds)?))
        }
        other => Err(FfiError::configuration(format!(
            "{name} must be a number of seconds, got {}",
            json_type(&other)
        ))),
    }
}

fn optional_string(
    value: Value,
    name: &str,
    invalid: impl Fn(String) -> FfiError,
) -> Result<Option<String>, FfiError> {
    match value {
        Value::Null => Ok(None),
        Value::String(text) => Ok(Some(text)),
        other => Err(invalid(format!(
            "{name} must be a string, got {}",
            json_type(&other)
        ))),
    }
}

fn optional_string_list(value: Value, name: &str) -> Result<Option<Vec<String>>, FfiError> {
    let invalid = || FfiError::configuration(format!("{name} must be an array of strings"));
    match value {
        Value::Null => Ok(None),
        Value::Array(items) => items
            .into_iter()
            .map(|item| match item {
                Value::String(text) => Ok(text),
                _ => Err(invalid()),
            })
            .collect::<Result<Vec<_>, _>>()
            .map(Some),
        _ => Err(invalid()),
    }
}

fn optional_u32(
    value: Value,
    name: &str,
    invalid: impl Fn(String) -> FfiError,
) -> Result<Option<u32>, FfiError> {
    match value {
        Value::Null => Ok(None),
        Value::Number(number) => match number.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Ok(Some(n)),
            None => Err(invalid(format!(
                "{name} must be an integer from 0 to {}, got {number}",
                u32::MAX
            ))),
        },
        other => Err(invalid(format!(
            "{name} must be an integer, got {}",
            json_type(&other)
        ))),
    }
}

/// Takes a JSON integer. A number with a fraction, or one outside the `i64`
/// range, is a type error here because the core takes the count as `i64`.
fn optional_i64(
    value: Value,
    name: &str,
    invalid: impl Fn(String) -> FfiError,
) -> Result<Option<i64>, FfiError> {
    match value {
        Value::Null => Ok(None),
        Value::Number(number) => match number.as_i64() {
            Some(n) => Ok(Some(n)),
            None => Err(invalid(format!(
                "{name} must be an integer from {} to {}, got {number}",
                i64::MIN,
                i64::MAX
            ))),
        },
        other => Err(invalid(format!(
            "{name} must be an integer, got {}",
            json_type(&other)
        ))),
    }
}

fn optional_f64(
    value: Value,
    name: &str,
    invalid: impl Fn(String) -> FfiError,
) -> Result<Option<f64>, FfiError> {
    match value {
        Value::Null => Ok(None),
        // NaN lets the core reject a number that has no f64 form.
        Value::Number(number) => Ok(Some(number.as_f64().unwrap_or(f64::NAN))),
        other => Err(invalid(format!(
            "{name} must be a number of seconds, got {}",
            json_type(&other)
        ))),
    }
}

#[cfg(test)]
mod tests {
    use std::ffi::CStr;
    use std::ptr;

    use super::*;
    use crate::error::{rtf_error_free, RtfErrorKind};

    fn fail_fetch() -> realtime_finance::Result<()> {
        panic!("page fetch failed")
    }

    #[test]
    fn call_panic_becomes_internal_error() {
        let mut error = ptr::null_mut();

        // SAFETY: `error` is a writable pointer variable.
        let status = unsafe {
            ffi_call(&mut error, || {
                call_to_json(async { fail_fetch() })?;
                Ok(())
            })
        };

        assert_eq!(status, RtfStatus::RTF_ERROR);
        assert!(!error.is_null());
        // SAFETY: `ffi_call` stored an error it allocated, freed below.
        unsafe {
            assert_eq!((*error).kind, RtfErrorKind::RTF_ERROR_INTERNAL);
            let message = CStr::from_ptr((*error).message).to_str().unwrap();
            assert!(message.contains("page fetch failed"), "{message}");
            rtf_error_free(error);
        }
    }
}
