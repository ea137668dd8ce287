//! Webhook signature verification (Standard Webhooks scheme).
//!
//! A delivery carries `webhook-id`, `webhook-timestamp` and
//! `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. The
//! payload bytes are verified before anything is parsed.

use std::time::{Duration, SystemTime};

use crate::error::Result;
use crate::resources::Event;
use crate::secret::SecretString;

/// Default tolerance between a delivery's timestamp and the local clock.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

/// Verifies webhook deliveries against one or more signing secrets (several
/// during a secret rotation). Immutable and thread-safe.
#[derive(Debug, Clone)]
pub struct Webhook {
    secrets: Vec<SecretString>,
    tolerance: Duration,
}

impl Webhook {
    /// Creates a verifier for `whsec_…` secrets with the default tolerance.
    ///
    /// Errors (`Configuration`): no secret, or a secret that is not `whsec_`
    /// followed by base64.
    pub fn new(secrets: Vec<SecretString>) -> Result<Webhook> {
        Ok(Webhook { secrets, tolerance: DEFAULT_TOLERANCE })
    }

    /// Sets how far the timestamp may be from now, in either direction.
    pub fn with_tolerance(mut self, tolerance: Duration) -> Webhook {
        self.tolerance = tolerance;
        self
    }

    /// Verifies `payload` (the raw request body) against `headers` (names
    /// matched case-insensitively) and returns the parsed event.
    ///
    /// Errors (`WebhookSignature`): a missing or malformed header, a
    /// timestamp outside the tolerance (the message gives the skew in
    /// seconds), no signature that matches any secret, or a verified payload
    /// that is not an event.
    pub fn verify<'a, I>(&self, payload: &[u8], headers: I) -> Result<Event>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        self.verify_at(payload, headers, SystemTime::now())
    }

    /// Like [`Webhook::verify`], with `now` in place of the system clock.
    pub fn verify_at<'a, I>(&self, payload: &[u8], headers: I, now: SystemTime) -> Result<Event>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let _ = (payload, headers, now, &self.secrets, self.tolerance);
        todo!("core: verify a webhook")
    }

    /// Returns the `webhook-signature` header value (`v1,<base64>`) for a
    /// payload, with the first secret. For tests and local tools.
    pub fn sign(&self, message_id: &str, timestamp: i64, payload: &[u8]) -> Result<String> {
        let _ = (message_id, timestamp, payload);
        todo!("core: sign a webhook")
    }
}
