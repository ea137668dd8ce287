//! Per-call options.

use std::time::Duration;

/// Options for one call, overriding the client's settings.
///
/// `RequestOptions::default()` changes nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RequestOptions {
    /// The `Idempotency-Key` to send on a POST, unchanged on every retry. When
    /// `None` on a create call, the core generates a UUID v4 key once per call.
    pub idempotency_key: Option<String>,
    /// Retries after the first attempt for this call; `None` uses the
    /// client's `max_retries`.
    pub max_retries: Option<u32>,
    /// Total time budget for this call across all attempts and backoff;
    /// `None` uses the client's `timeout`.
    pub timeout: Option<Duration>,
}

impl RequestOptions {
    /// Returns options carrying only an idempotency key.
    pub fn idempotency_key(key: impl Into<String>) -> Self {
        RequestOptions {
            idempotency_key: Some(key.into()),
            ..RequestOptions::default()
        }
    }
}
