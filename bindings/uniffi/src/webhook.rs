//! Webhook verification: a conversion layer over [`realtime_finance::Webhook`].

use std::collections::HashMap;
use std::time::Duration;

use realtime_finance::{SecretString, Webhook};

use crate::error::FfiError;
use crate::types::FfiEvent;

/// Verifies a delivery's raw body against its headers and one or more
/// `whsec_` secrets (several during a rotation) and returns the event.
/// `tolerance` of `None` keeps the core's default.
///
/// Errors: `Configuration` for a malformed secret, `WebhookSignature` for
/// every verification failure; the messages never contain a secret.
#[uniffi::export]
pub fn verify_webhook(
    payload: Vec<u8>,
    headers: HashMap<String, String>,
    secrets: Vec<String>,
    tolerance: Option<Duration>,
) -> Result<FfiEvent, FfiError> {
    let secrets = secrets.into_iter().map(SecretString::new).collect();
    let mut webhook = Webhook::new(secrets)?;
    if let Some(tolerance) = tolerance {
        webhook = webhook.with_tolerance(tolerance);
    }
    let headers = headers
        .iter()
        .map(|(name, value)| (name.as_str(), value.as_str()));
    Ok(webhook.verify(&payload, headers)?.into())
}
