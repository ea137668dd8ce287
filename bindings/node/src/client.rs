//! `NativeClient`: the core's async client behind JSON-compatible methods.

use std::path::PathBuf;
use std::sync::RwLock;
use std::time::Duration;

use napi::bindgen_prelude::Object;
use napi::{Env, Result};
use napi_derive::napi;
use serde::Deserialize;
use serde_json::Value;

use realtime_finance::resources::params_from_json;
use realtime_finance::{Client, ClientOptions, Error, RequestOptions, SecretString};

use crate::error::to_js_error;
use crate::paginator::{AnyPaginator, NativePaginator};
use crate::promise::spawn_promise;

/// Client settings as the npm package passes them, in camelCase. Every field
/// is optional. The fields map one to one onto the core's `ClientOptions`,
/// which applies the rules, defaults and `REALTIME_FINANCE_*` fallbacks.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct NodeClientOptions {
    api_key: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scopes: Option<Vec<String>>,
    token_url: Option<String>,
    client_auth_method: Option<String>,
    base_url: Option<String>,
    environment: Option<String>,
    /// Milliseconds.
    timeout: Option<f64>,
    /// Milliseconds.
    connect_timeout: Option<f64>,
    max_retries: Option<u32>,
    /// Path of a PEM file.
    ca_cert: Option<PathBuf>,
    ca_cert_pem: Option<String>,
    /// When `true`, the `REALTIME_FINANCE_*` environment variables are not read.
    ignore_environment_variables: Option<bool>,
}

/// Per-call options as the npm package passes them, in camelCase. Only the
/// JSON types are checked here, because `RequestOptions::from_values` checks
/// the values with the same rules and messages as the other languages.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CallOptions {
    idempotency_key: Option<String>,
    max_retries: Option<i64>,
    /// Milliseconds.
    timeout: Option<f64>,
}

/// The core's async client. Every network method returns a promise that runs
/// on the core's runtime; the client may be used by any number of concurrent
/// calls. `close()` drops this handle on the core client, so its connections
/// are released once the calls already in flight finish.
#[napi]
pub struct NativeClient {
    client: RwLock<Option<Client>>,
}

#[napi]
impl NativeClient {
    /// Builds a client from a settings object (see `NodeClientOptions`).
    /// Throws a `configuration` error for settings the core rejects, with
    /// the core's message, which names settings in snake_case.
    #[napi(constructor, catch_unwind)]
    pub fn new(env: Env, options: Option<Value>) -> Result<Self> {
        let node_version = env
            .get_node_version()
            .map(|version| format!("{}.{}.{}", version.major, version.minor, version.patch))
            .unwrap_or_default();
        let client =
            build_client(options, &node_version).map_err(|error| to_js_error(&env, error))?;
        Ok(NativeClient {
            client: RwLock::new(Some(client)),
        })
    }

    /// The base URL requests go to, without a trailing slash; `null` once
    /// the client is closed.
    #[napi(getter, catch_unwind)]
    pub fn base_url(&self) -> Option<String> {
        self.client
            .read()
            .ok()?
            .as_ref()
            .map(|client| client.base_url().to_owned())
    }

    /// Drops this handle on the core client. Later calls throw a
    /// `configuration` error. Idempotent.
    #[napi(catch_unwind)]
    pub fn close(&self) {
        if let Ok(mut slot) = self.client.write() {
            slot.take();
        }
    }

    /// Replaces the API key for calls started after this one.
    #[napi(catch_unwind)]
    pub fn set_api_key(&self, env: Env, api_key: String) -> Result<()> {
        self.with_client(&env, |client| {
            client.set_api_key(SecretString::from(api_key))
        })
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn retrieve_transaction<'env>(
        &self,
        env: &'env Env,
        id: Value,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, id, options) = self.prepare_id_call(env, id, options)?;
        spawn_promise(env, async move {
            client.transactions().retrieve(&id, &options).await
        })
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn list_transactions_page<'env>(
        &self,
        env: &'env Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, params, options) = self.prepare_params_call(env, params, options)?;
        spawn_promise(env, async move {
            client.transactions().list_page(&params, &options).await
        })
    }

    #[napi(catch_unwind)]
    pub fn list_transactions(
        &self,
        env: Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<NativePaginator> {
        let (client, params, options) = self.prepare_params_call(&env, params, options)?;
        let paginator = client
            .transactions()
            .list(params, options)
            .map_err(|error| to_js_error(&env, error))?;
        Ok(NativePaginator::new(AnyPaginator::Transactions(paginator)))
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn create_payment<'env>(
        &self,
        env: &'env Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, params, options) = self.prepare_params_call(env, params, options)?;
        spawn_promise(env, async move {
            client.payments().create(&params, &options).await
        })
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn retrieve_payment<'env>(
        &self,
        env: &'env Env,
        id: Value,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, id, options) = self.prepare_id_call(env, id, options)?;
        spawn_promise(env, async move {
            client.payments().retrieve(&id, &options).await
        })
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn list_payments_page<'env>(
        &self,
        env: &'env Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, params, options) = self.prepare_params_call(env, params, options)?;
        spawn_promise(env, async move {
            client.payments().list_page(&params, &options).await
        })
    }

    #[napi(catch_unwind)]
    pub fn list_payments(
        &self,
        env: Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<NativePaginator> {
        let (client, params, options) = self.prepare_params_call(&env, params, options)?;
        let paginator = client
            .payments()
            .list(params, options)
            .map_err(|error| to_js_error(&env, error))?;
        Ok(NativePaginator::new(AnyPaginator::Payments(paginator)))
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn cancel_payment<'env>(
        &self,
        env: &'env Env,
        id: Value,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, id, options) = self.prepare_id_call(env, id, options)?;
        spawn_promise(
            env,
            async move { client.payments().cancel(&id, &options).await },
        )
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn assess_fraud<'env>(
        &self,
        env: &'env Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, params, options) = self.prepare_params_call(env, params, options)?;
        spawn_promise(env, async move {
            client.fraud().assess(&params, &options).await
        })
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn list_events_page<'env>(
        &self,
        env: &'env Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, params, options) = self.prepare_params_call(env, params, options)?;
        spawn_promise(env, async move {
            client.events().list_page(&params, &options).await
        })
    }

    #[napi(catch_unwind)]
    pub fn list_events(
        &self,
        env: Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<NativePaginator> {
        let (client, params, options) = self.prepare_params_call(&env, params, options)?;
        let paginator = client
            .events()
            .list(params, options)
            .map_err(|error| to_js_error(&env, error))?;
        Ok(NativePaginator::new(AnyPaginator::Events(paginator)))
    }

    #[napi(ts_return_type = "Promise<unknown>", catch_unwind)]
    pub fn create_webhook_endpoint<'env>(
        &self,
        env: &'env Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<Object<'env>> {
        let (client, params, options) = self.prepare_params_call(env, params, options)?;
        spawn_promise(env, async move {
            client.webhook_endpoints().create(&params, &options).await
        })
    }
}

impl NativeClient {
    fn current_client(&self) -> realtime_finance::Result<Client> {
        let slot = self
            .client
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        slot.clone().ok_or_else(|| {
            Error::configuration("the client is closed; create a new Client to make more calls")
        })
    }

    fn with_client<T>(
        &self,
        env: &Env,
        call: impl FnOnce(&Client) -> realtime_finance::Result<T>,
    ) -> Result<T> {
        self.current_client()
            .and_then(|client| call(&client))
            .map_err(|error| to_js_error(env, error))
    }

    /// Converts the arguments of a call that takes a resource id.
    fn prepare_id_call(
        &self,
        env: &Env,
        id: Value,
        options: Option<Value>,
    ) -> Result<(Client, String, RequestOptions)> {
        let converted = self.current_client().and_then(|client| {
            let id = id_from_json(id)?;
            let options = call_options_from_json(options)?;
            Ok((client, id, options))
        });
        converted.map_err(|error| to_js_error(env, error))
    }

    /// Converts the arguments of a call that takes a parameter object.
    fn prepare_params_call<P: serde::de::DeserializeOwned>(
        &self,
        env: &Env,
        params: Option<Value>,
        options: Option<Value>,
    ) -> Result<(Client, P, RequestOptions)> {
        let converted = self.current_client().and_then(|client| {
            let params =
                params_from_json::<P>(params.unwrap_or_else(|| Value::Object(Default::default())))?;
            let options = call_options_from_json(options)?;
            Ok((client, params, options))
        });
        converted.map_err(|error| to_js_error(env, error))
    }
}

fn id_from_json(id: Value) -> realtime_finance::Result<String> {
    match id {
        Value::String(id) => Ok(id),
        other => Err(Error::invalid_param(
            "id",
            format!(
                "id must be a string such as \"txn_0001a9f3\", got {}",
                json_type_name(&other)
            ),
        )),
    }
}

fn call_options_from_json(options: Option<Value>) -> realtime_finance::Result<RequestOptions> {
    let options: CallOptions = match options {
        None | Some(Value::Null) => CallOptions::default(),
        Some(value) => serde_json::from_value(value).map_err(|error| {
            Error::invalid_param("options", format!("invalid request options: {error}"))
        })?,
    };
    // The core's timeout message gives the value in seconds, so a Node
    // caller who passes -1 (milliseconds) reads "got -0.001 s".
    RequestOptions::from_values(
        options.idempotency_key,
        options.max_retries,
        options.timeout.map(|ms| ms / 1000.0),
    )
}

/// Converts the npm package's options into the core's `ClientOptions` and
/// builds the client; only the JSON shape and the millisecond durations are
/// checked here.
fn build_client(options: Option<Value>, node_version: &str) -> realtime_finance::Result<Client> {
    let options: NodeClientOptions = match options {
        None | Some(Value::Null) => NodeClientOptions::default(),
        Some(value) => serde_json::from_value(value)
            .map_err(|error| Error::configuration(format!("invalid client options: {error}")))?,
    };
    ClientOptions {
        api_key: options.api_key.map(SecretString::new),
        client_id: options.client_id,
        client_secret: options.client_secret.map(SecretString::new),
        scopes: options.scopes,
        token_url: options.token_url,
        client_auth_method: options.client_auth_method,
        environment: options.environment,
        base_url: options.base_url,
        timeout: options
            .timeout
            .map(|ms| duration_from_millis("timeout", ms))
            .transpose()?,
        connect_timeout: options
            .connect_timeout
            .map(|ms| duration_from_millis("connectTimeout", ms))
            .transpose()?,
        max_retries: options.max_retries,
        ca_cert_path: options.ca_cert,
        ca_cert_pem: options.ca_cert_pem.map(String::into_bytes),
        language: Some(("node".to_owned(), node_version.to_owned())),
        ignore_environment: options.ignore_environment_variables == Some(true),
    }
    .build()
}

/// Converts a JavaScript millisecond count into a `Duration`.
fn duration_from_millis(name: &str, ms: f64) -> realtime_finance::Result<Duration> {
    Duration::try_from_secs_f64(ms / 1000.0).map_err(|_| {
        Error::configuration(format!(
            "{name} must be a finite, non-negative number of milliseconds, got {ms}"
        ))
    })
}

fn json_type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
