//! The client handle: construction from JSON settings, key rotation and the
//! single-call operations.

use std::ffi::c_char;
use std::time::Duration;

use realtime_finance::{
    params_from_json, runtime, Client, ClientAuthMethod, ClientBuilder, ClientCredentials,
    Environment, RequestOptions, SecretString,
};
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
            let client = builder_from_config(config)?.build()?;
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
/// "webhook_endpoints.create" {endpoint params}. A list page is
/// {"data": [...], "has_more": bool, "url": "..."}.
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
            let result = call(client, operation, params, &options)?;
            write_string(out_json, result);
            Ok(())
        })
    }
}

fn call(
    client: &Client,
    operation: &str,
    params: Map<String, Value>,
    options: &RequestOptions,
) -> Result<String, FfiError> {
    match operation {
        "transactions.retrieve" => {
            let id = id_param(params)?;
            to_json(&runtime::block_on(client.transactions().retrieve(&id, options))??)
        }
        "transactions.list_page" => {
            let params = params_from_json(Value::Object(params))?;
            to_json(&runtime::block_on(client.transactions().list_page(&params, options))??)
        }
        "payments.create" => {
            let params = params_from_json(Value::Object(params))?;
            to_json(&runtime::block_on(client.payments().create(&params, options))??)
        }
        "payments.retrieve" => {
            let id = id_param(params)?;
            to_json(&runtime::block_on(client.payments().retrieve(&id, options))??)
        }
        "payments.list_page" => {
            let params = params_from_json(Value::Object(params))?;
            to_json(&runtime::block_on(client.payments().list_page(&params, options))??)
        }
        "payments.cancel" => {
            let id = id_param(params)?;
            to_json(&runtime::block_on(client.payments().cancel(&id, options))??)
        }
        "fraud.assess" => {
            let params = params_from_json(Value::Object(params))?;
            to_json(&runtime::block_on(client.fraud().assess(&params, options))??)
        }
        "events.list_page" => {
            let params = params_from_json(Value::Object(params))?;
            to_json(&runtime::block_on(client.events().list_page(&params, options))??)
        }
        "webhook_endpoints.create" => {
            let params = params_from_json(Value::Object(params))?;
            to_json(&runtime::block_on(client.webhook_endpoints().create(&params, options))??)
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

/// Converts `options_json` into the core's per-call options.
pub(crate) fn request_options(options_json: Option<&str>) -> Result<RequestOptions, FfiError> {
    let invalid = |message: String| FfiError::invalid_request("options_json", message);
    let mut options = RequestOptions::default();
    for (name, value) in parse_json_object(options_json, "options_json", invalid)? {
        match name.as_str() {
            "idempotency_key" => options.idempotency_key = optional_string(value, &name, invalid)?,
            "max_retries" => options.max_retries = optional_u32(value, &name, invalid)?,
            "timeout_seconds" => options.timeout = optional_seconds(value, &name, invalid)?,
            _ => {
                return Err(invalid(format!(
                    "unknown option {name:?}; use idempotency_key, max_retries or timeout_seconds"
                )))
            }
        }
    }
    Ok(options)
}

/// Converts the settings object into a core builder. Every default and every
/// rule about the values is the core's; this only maps JSON onto the
/// builder's methods.
fn builder_from_config(mut config: Map<String, Value>) -> Result<ClientBuilder, FfiError> {
    let invalid = FfiError::configuration;
    let mut builder = Client::builder();

    // Secrets move out of the JSON tree into `SecretString`s without a copy,
    // so the only copy is zeroed when the client drops it.
    let api_key = optional_string(
        config.remove("api_key").unwrap_or(Value::Null),
        "api_key",
        invalid,
    )?;
    let client_id = optional_string(
        config.remove("client_id").unwrap_or(Value::Null),
        "client_id",
        invalid,
    )?;
    let client_secret = optional_string(
        config.remove("client_secret").unwrap_or(Value::Null),
        "client_secret",
        invalid,
    )?;
    let scopes = config.remove("scopes");
    let token_url = config.remove("token_url");
    let auth_method = config.remove("client_auth_method");
    let oauth_only = [&scopes, &token_url, &auth_method]
        .iter()
        .any(|value| !matches!(value, None | Some(Value::Null)));

    match (api_key, client_id, client_secret) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(invalid(
                "config_json sets both api_key and client credentials; pass either api_key or client_id with client_secret".into(),
            ))
        }
        (Some(_), None, None) | (None, None, None) if oauth_only => {
            return Err(invalid(
                "config_json sets scopes, token_url or client_auth_method without client_id and client_secret; \
                 these apply only to OAuth client credentials"
                    .into(),
            ))
        }
        (Some(api_key), None, None) => builder = builder.api_key(SecretString::new(api_key)),
        (None, Some(client_id), Some(client_secret)) => {
            let credentials = ClientCredentials {
                client_id,
                client_secret: SecretString::new(client_secret),
                scopes: optional_string_list(scopes.unwrap_or(Value::Null), "scopes")?.unwrap_or_default(),
                token_url: optional_string(token_url.unwrap_or(Value::Null), "token_url", invalid)?,
                auth_method: client_auth_method(auth_method.unwrap_or(Value::Null))?.unwrap_or_default(),
            };
            builder = builder.client_credentials(credentials);
        }
        (None, Some(_), None) => return Err(invalid("config_json sets client_id without client_secret; pass both".into())),
        (None, None, Some(_)) => return Err(invalid("config_json sets client_secret without client_id; pass both".into())),
        (None, None, None) => {}
    }

    let language = optional_string(
        config.remove("language").unwrap_or(Value::Null),
        "language",
        invalid,
    )?;
    let language_version = optional_string(
        config.remove("language_version").unwrap_or(Value::Null),
        "language_version",
        invalid,
    )?;
    match (language, language_version) {
        (Some(name), Some(version)) => builder = builder.language(name, version),
        (None, None) => {}
        _ => {
            return Err(invalid(
                "config_json must set language and language_version together".into(),
            ))
        }
    }

    for (name, value) in config {
        builder = match name.as_str() {
            "base_url" => match optional_string(value, &name, invalid)? {
                Some(url) => builder.base_url(url),
                None => builder,
            },
            "environment" => match optional_string(value, &name, invalid)?.as_deref() {
                Some("sandbox") => builder.environment(Environment::Sandbox),
                Some("live") => builder.environment(Environment::Live),
                Some(other) => return Err(invalid(format!("environment {other:?} is invalid; use \"sandbox\" or \"live\""))),
                None => builder,
            },
            "timeout_seconds" => match optional_seconds(value, &name, invalid)? {
                Some(timeout) => builder.timeout(timeout),
                None => builder,
            },
            "connect_timeout_seconds" => match optional_seconds(value, &name, invalid)? {
                Some(timeout) => builder.connect_timeout(timeout),
                None => builder,
            },
            "max_retries" => match optional_u32(value, &name, invalid)? {
                Some(retries) => builder.max_retries(retries),
                None => builder,
            },
            "ca_cert_pem" => match optional_string(value, &name, invalid)? {
                Some(pem) => builder.ca_certificate_pem(pem.into_bytes()),
                None => builder,
            },
            "ca_cert_path" => match optional_string(value, &name, invalid)? {
                Some(path) => builder.ca_certificate_pem(read_ca_file(&path)?),
                None => builder,
            },
            "ignore_environment" => match value {
                Value::Bool(true) => builder.ignore_environment_variables(),
                Value::Bool(false) | Value::Null => builder,
                other => return Err(invalid(format!("ignore_environment must be a boolean, got {}", json_type(&other)))),
            },
            "scopes" | "token_url" | "client_auth_method" => unreachable!("removed above"),
            _ => {
                return Err(invalid(format!(
                    "unknown setting {name:?} in config_json; see rtf_client_new in realtime_finance.h for the fields"
                )))
            }
        };
    }
    Ok(builder)
}

fn read_ca_file(path: &str) -> Result<Vec<u8>, FfiError> {
    std::fs::read(path).map_err(|error| {
        FfiError::configuration(format!(
            "could not read ca_cert_path {path:?}: {error}; pass a readable PEM file"
        ))
    })
}

fn client_auth_method(value: Value) -> Result<Option<ClientAuthMethod>, FfiError> {
    match optional_string(value, "client_auth_method", FfiError::configuration)?.as_deref() {
        None => Ok(None),
        Some("client_secret_basic") => Ok(Some(ClientAuthMethod::ClientSecretBasic)),
        Some("client_secret_post") => Ok(Some(ClientAuthMethod::ClientSecretPost)),
        Some(other) => Err(FfiError::configuration(format!(
            "client_auth_method {other:?} is invalid; use \"client_secret_basic\" or \"client_secret_post\""
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

fn optional_seconds(
    value: Value,
    name: &str,
    invalid: impl Fn(String) -> FfiError,
) -> Result<Option<Duration>, FfiError> {
    match value {
        Value::Null => Ok(None),
        Value::Number(number) => {
            let seconds = number.as_f64().unwrap_or(f64::NAN);
            Duration::try_from_secs_f64(seconds).map(Some).map_err(|_| {
                invalid(format!(
                    "{name} must be a non-negative number of seconds, got {number}"
                ))
            })
        }
        other => Err(invalid(format!(
            "{name} must be a number of seconds, got {}",
            json_type(&other)
        ))),
    }
}
