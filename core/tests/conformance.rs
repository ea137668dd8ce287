//! Runs the cross-language scenarios of `tests/conformance/scenarios.json`
//! through the Rust core, as every binding's suite does through its own API.
//! The format is described in `tests/conformance/README.md`.

mod common;

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use futures_util::StreamExt;
use hmac::{Hmac, Mac};
use realtime_finance::{Client, ClientOptions, Error, RequestOptions, SecretString, Webhook};
use realtime_finance_sandbox::SandboxConfig;
use serde_json::{json, Map, Value};
use sha2::Sha256;

use common::Sandbox;

const SCENARIOS: &str = include_str!("../../tests/conformance/scenarios.json");

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn conformance_scenarios() {
    let sandbox = Sandbox::with_config(SandboxConfig {
        settle_delay: Duration::from_millis(200),
        ..SandboxConfig::default()
    })
    .await;
    let document: Value = serde_json::from_str(SCENARIOS).expect("scenarios.json is JSON");
    let run_id = format!(
        "{:x}",
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    );

    let mut failures = Vec::new();
    for scenario in document["scenarios"]
        .as_array()
        .expect("scenarios is a list")
    {
        let name = scenario["name"].as_str().unwrap();
        if let Err(failure) = run_scenario(&sandbox, scenario, &run_id).await {
            failures.push(format!("{name}: {failure}"));
        }
    }
    assert!(
        failures.is_empty(),
        "failed scenarios:\n{}",
        failures.join("\n")
    );
}

async fn run_scenario(sandbox: &Sandbox, scenario: &Value, run_id: &str) -> Result<(), String> {
    let before = sandbox.stats().await;
    for fault in scenario["faults"].as_array().into_iter().flatten() {
        sandbox.fault(fault.clone()).await;
    }

    let outcome = run_steps(sandbox, scenario, run_id).await;
    sandbox.admin("DELETE", "/_sandbox/faults", None).await;
    outcome?;

    if let Some(expected) = scenario.get("expect_stats_delta") {
        let after = sandbox.stats().await;
        check_stats_delta(expected, &before, &after)?;
    }
    Ok(())
}

async fn run_steps(sandbox: &Sandbox, scenario: &Value, run_id: &str) -> Result<(), String> {
    let steps = scenario["steps"].as_array().expect("steps is a list");
    let mut saved = Map::new();
    saved.insert("run_id".to_owned(), Value::String(run_id.to_owned()));

    let client = match build_client(sandbox, &scenario["credential"]).await {
        Ok(client) => client,
        Err(error) => {
            // A credential rejected at construction must be the first step's
            // expected error.
            return check_error(&steps[0], &error);
        }
    };

    for (index, step) in steps.iter().enumerate() {
        let step = substitute(step, &saved);
        let outcome = run_step(&client, &step).await;
        let checked = match outcome {
            Ok(result) => check_result(&step, &result).map(|()| {
                if let Some(name) = step["save_as"].as_str() {
                    saved.insert(name.to_owned(), result);
                }
            }),
            Err(error) => check_error(&step, &error),
        };
        checked.map_err(|failure| format!("step {index} ({}): {failure}", step["call"]))?;
    }
    Ok(())
}

async fn build_client(sandbox: &Sandbox, credential: &Value) -> Result<Client, Error> {
    let credentials = sandbox.running.credentials();
    let mut options = ClientOptions {
        base_url: Some(sandbox.base_url().to_owned()),
        ignore_environment: true,
        ..ClientOptions::default()
    };
    match credential {
        Value::String(kind) if kind == "secret_key" => {
            options.api_key = Some(SecretString::from(credentials.secret_key.as_str()));
        }
        Value::String(kind) if kind == "publishable_key" => {
            options.api_key = Some(SecretString::from(credentials.publishable_key.as_str()));
        }
        Value::String(kind) if kind == "oauth" || kind == "oauth_wrong_secret" => {
            let secret = if kind == "oauth" {
                credentials.client_secret.as_str()
            } else {
                "wrong-secret"
            };
            options.client_id = Some(credentials.client_id.clone());
            options.client_secret = Some(SecretString::from(secret));
        }
        Value::Object(restricted) => {
            let scopes: Vec<&str> = restricted["scopes"]
                .as_array()
                .expect("scopes is a list")
                .iter()
                .map(|scope| scope.as_str().unwrap())
                .collect();
            options.api_key = Some(SecretString::new(sandbox.api_key(&scopes).await));
        }
        other => panic!("unknown credential {other}"),
    }
    options.build()
}

async fn run_step(client: &Client, step: &Value) -> Result<Value, Error> {
    let args = &step["args"];
    let options = RequestOptions {
        idempotency_key: args["idempotency_key"].as_str().map(str::to_owned),
        max_retries: args["max_retries"].as_u64().map(|retries| retries as u32),
        timeout: None,
    };
    let id = args["id"].as_str().unwrap_or_default();
    let params = || args.get("params").cloned().unwrap_or_else(|| json!({}));
    let max_items = args["max_items"].as_u64().unwrap_or(0) as usize;

    let call = step["call"].as_str().expect("call is a string");
    let result = match call {
        "transactions.retrieve" => to_json(client.transactions().retrieve(id, &options).await?),
        "payments.retrieve" => to_json(client.payments().retrieve(id, &options).await?),
        "payments.cancel" => to_json(client.payments().cancel(id, &options).await?),
        "payments.create" => {
            let params = realtime_finance::params_from_json(params())?;
            to_json(client.payments().create(&params, &options).await?)
        }
        "fraud.assess" => {
            let params = realtime_finance::params_from_json(params())?;
            to_json(client.fraud().assess(&params, &options).await?)
        }
        "webhook_endpoints.create" => {
            let params = realtime_finance::params_from_json(params())?;
            to_json(client.webhook_endpoints().create(&params, &options).await?)
        }
        "transactions.list" => {
            let params = realtime_finance::params_from_json(params())?;
            collect(
                client.transactions().list(params, options)?.into_stream(),
                max_items,
            )
            .await?
        }
        "payments.list" => {
            let params = realtime_finance::params_from_json(params())?;
            collect(
                client.payments().list(params, options)?.into_stream(),
                max_items,
            )
            .await?
        }
        "events.list" => {
            let params = realtime_finance::params_from_json(params())?;
            collect(
                client.events().list(params, options)?.into_stream(),
                max_items,
            )
            .await?
        }
        "webhook.verify" => verify_webhook(args)?,
        other => panic!("unknown call {other}"),
    };
    Ok(result)
}

fn to_json<T: serde::Serialize>(value: T) -> Value {
    serde_json::to_value(value).expect("results serialize")
}

async fn collect<T: serde::Serialize>(
    stream: impl futures_util::Stream<Item = realtime_finance::Result<T>>,
    max_items: usize,
) -> Result<Value, Error> {
    let mut stream = std::pin::pin!(stream.take(max_items));
    let mut items = Vec::new();
    while let Some(item) = stream.next().await {
        items.push(to_json(item?));
    }
    Ok(Value::Array(items))
}

fn verify_webhook(args: &Value) -> Result<Value, Error> {
    let payload = args["payload"].as_str().expect("payload is a string");
    let secrets = args["secrets"]
        .as_array()
        .expect("secrets is a list")
        .iter()
        .map(|secret| SecretString::from(secret.as_str().unwrap()))
        .collect();
    let tolerance = Duration::from_secs(args["tolerance"].as_u64().expect("tolerance in seconds"));

    let headers: Vec<(String, String)> = match args.get("sign") {
        Some(sign) => independent_signature(sign, payload),
        None => args["headers"]
            .as_object()
            .expect("headers is an object")
            .iter()
            .map(|(name, value)| (name.clone(), value.as_str().unwrap().to_owned()))
            .collect(),
    };

    let verifier = Webhook::new(secrets)?.with_tolerance(tolerance);
    let pairs = headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()));
    Ok(to_json(verifier.verify(payload.as_bytes(), pairs)?))
}

/// Signs like a Standard Webhooks sender, with this test's own HMAC code
/// rather than the core's, so that a shared bug cannot hide.
fn independent_signature(sign: &Value, payload: &str) -> Vec<(String, String)> {
    let secret = sign["secret"].as_str().unwrap();
    let key = STANDARD
        .decode(secret.trim_start_matches("whsec_"))
        .unwrap();
    let message_id = sign["id"].as_str().unwrap();
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let timestamp = now + sign["timestamp_offset"].as_i64().unwrap_or(0);
    let signed_payload = sign["payload"].as_str().unwrap_or(payload);

    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{message_id}.{timestamp}.{signed_payload}").as_bytes());
    let signature = STANDARD.encode(mac.finalize().into_bytes());

    vec![
        ("webhook-id".to_owned(), message_id.to_owned()),
        ("webhook-timestamp".to_owned(), timestamp.to_string()),
        ("webhook-signature".to_owned(), format!("v1,{signature}")),
    ]
}

fn check_error(step: &Value, error: &Error) -> Result<(), String> {
    let Some(expected) = step.get("expect_error") else {
        return Err(format!("unexpected error {:?}: {error}", error.kind()));
    };
    let kind = expected["kind"].as_str().unwrap();
    if error.kind().as_str() != kind {
        return Err(format!(
            "expected a {kind} error, got {:?}: {error}",
            error.kind()
        ));
    }
    if let Some(status) = expected.get("http_status") {
        if error.http_status().map(u64::from) != status.as_u64() {
            return Err(format!(
                "expected HTTP {status}, got {:?}",
                error.http_status()
            ));
        }
    }
    for (field, actual) in [("code", error.code()), ("param", error.param())] {
        if let Some(value) = expected.get(field) {
            if actual != value.as_str() {
                return Err(format!("expected {field} {value}, got {actual:?}"));
            }
        }
    }
    Ok(())
}

fn check_result(step: &Value, result: &Value) -> Result<(), String> {
    if step.get("expect_error").is_some() {
        return Err(format!("expected an error, got {result}"));
    }
    for (field, value) in step["expect"].as_object().into_iter().flatten() {
        if &result[field] != value {
            return Err(format!("expected {field} = {value}, got {}", result[field]));
        }
    }
    for (field, prefix) in step["expect_prefix"].as_object().into_iter().flatten() {
        let actual = result[field].as_str().unwrap_or_default();
        if !actual.starts_with(prefix.as_str().unwrap()) {
            return Err(format!("expected {field} to start with {prefix}"));
        }
    }
    check_list(step, result)
}

fn check_list(step: &Value, result: &Value) -> Result<(), String> {
    let items = || result.as_array().map(Vec::as_slice).unwrap_or_default();
    if let Some(count) = step["expect_count"].as_u64() {
        if items().len() as u64 != count {
            return Err(format!("expected {count} elements, got {}", items().len()));
        }
    }
    if let Some(count) = step["expect_min_count"].as_u64() {
        if (items().len() as u64) < count {
            return Err(format!(
                "expected at least {count} elements, got {}",
                items().len()
            ));
        }
    }
    for (field, value) in step["expect_all"].as_object().into_iter().flatten() {
        if let Some(item) = items().iter().find(|item| &item[field] != value) {
            return Err(format!(
                "expected every {field} = {value}, found {}",
                item[field]
            ));
        }
    }
    if let Some(field) = step["expect_unique"].as_str() {
        let mut seen = std::collections::HashSet::new();
        if let Some(item) = items()
            .iter()
            .find(|item| !seen.insert(item[field].to_string()))
        {
            return Err(format!("{field} {} appears twice", item[field]));
        }
    }
    Ok(())
}

fn check_stats_delta(expected: &Value, before: &Value, after: &Value) -> Result<(), String> {
    let count = |stats: &Value, path: &[&str]| {
        path.iter()
            .fold(stats, |value, key| &value[key])
            .as_u64()
            .unwrap_or(0)
    };
    for (key, value) in expected
        .as_object()
        .expect("expect_stats_delta is an object")
    {
        let checks: Vec<(Vec<&str>, u64)> = match value {
            Value::Object(routes) => routes
                .iter()
                .map(|(route, delta)| (vec![key.as_str(), route.as_str()], delta.as_u64().unwrap()))
                .collect(),
            delta => vec![(vec![key.as_str()], delta.as_u64().unwrap())],
        };
        for (path, delta) in checks {
            let actual = count(after, &path) - count(before, &path);
            if actual != delta {
                return Err(format!(
                    "expected {} to grow by {delta}, it grew by {actual}",
                    path.join(" ")
                ));
            }
        }
    }
    Ok(())
}

/// Replaces `${name.path}` strings with values saved by earlier steps.
fn substitute(value: &Value, saved: &Map<String, Value>) -> Value {
    match value {
        Value::String(text) => substitute_text(text, saved),
        Value::Array(items) => {
            Value::Array(items.iter().map(|item| substitute(item, saved)).collect())
        }
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(key, item)| (key.clone(), substitute(item, saved)))
                .collect(),
        ),
        other => other.clone(),
    }
}

fn substitute_text(text: &str, saved: &Map<String, Value>) -> Value {
    let mut output = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("${") {
        let end = start + rest[start..].find('}').expect("unclosed ${");
        output.push_str(&rest[..start]);
        let mut parts = rest[start + 2..end].split('.');
        let root = &saved[parts.next().unwrap()];
        let found = parts.fold(root, |value, part| match part.parse::<usize>() {
            Ok(index) => &value[index],
            Err(_) => &value[part],
        });
        match found {
            Value::String(text) => output.push_str(text),
            other => output.push_str(&other.to_string()),
        }
        rest = &rest[end + 1..];
    }
    output.push_str(rest);
    Value::String(output)
}
