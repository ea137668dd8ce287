//! Webhook verification and signing, synchronous because they do no I/O.

use napi::bindgen_prelude::Buffer;
use napi::{Env, Result};
use napi_derive::napi;
use serde_json::Value;

use realtime_finance::{SecretString, Webhook};

use crate::error::{serialization_error, to_js_error};

/// One HTTP header of a webhook delivery. A header that arrived several
/// times is passed as several entries with the same name.
#[napi(object)]
pub struct WebhookHeader {
    pub name: String,
    pub value: String,
}

/// Verifies a webhook delivery and returns the event it carries.
///
/// `tolerance_seconds` overrides the core's default tolerance between the
/// delivery's timestamp and the local clock. Throws a `webhook_signature`
/// error for a delivery that fails verification and a `configuration` error
/// for a malformed secret.
#[napi(catch_unwind)]
pub fn verify_webhook(
    env: Env,
    payload: Buffer,
    headers: Vec<WebhookHeader>,
    secrets: Vec<String>,
    tolerance_seconds: Option<f64>,
) -> Result<Value> {
    let verified = build_verifier(secrets, tolerance_seconds).and_then(|verifier| {
        let pairs = headers
            .iter()
            .map(|header| (header.name.as_str(), header.value.as_str()));
        let event = verifier.verify(&payload, pairs)?;
        serde_json::to_value(event).map_err(serialization_error)
    });
    verified.map_err(|error| to_js_error(&env, error))
}

/// Returns the `webhook-signature` header value (`v1,<base64>`) for a
/// payload, signed with `secret`. For tests and local tools.
#[napi(catch_unwind)]
pub fn sign_webhook(
    env: Env,
    secret: String,
    message_id: String,
    timestamp: i64,
    payload: Buffer,
) -> Result<String> {
    let signed = Webhook::new(vec![SecretString::new(secret)])
        .and_then(|verifier| verifier.sign(&message_id, timestamp, &payload));
    signed.map_err(|error| to_js_error(&env, error))
}

fn build_verifier(
    secrets: Vec<String>,
    tolerance_seconds: Option<f64>,
) -> realtime_finance::Result<Webhook> {
    let verifier = Webhook::new(secrets.into_iter().map(SecretString::new).collect())?;
    let Some(seconds) = tolerance_seconds else {
        return Ok(verifier);
    };
    let tolerance = realtime_finance::duration_from_seconds("tolerance", seconds)?;
    Ok(verifier.with_tolerance(tolerance))
}
