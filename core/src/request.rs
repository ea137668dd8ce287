//! Per-call options.

use std::time::Duration;

use crate::error::{Error, Result};

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

    /// Builds options from the plain values a binding receives, so that
    /// every language accepts and rejects the same per-call options.
    /// `timeout_seconds` is the call's total budget in seconds.
    ///
    /// Errors (`InvalidRequest`, with `param` set to `max_retries` or
    /// `timeout`): a negative or too large retry count, or a timeout that is
    /// not a positive, finite number of seconds. The idempotency key is
    /// checked when the call starts.
    pub fn from_values(
        idempotency_key: Option<String>,
        max_retries: Option<i64>,
        timeout_seconds: Option<f64>,
    ) -> Result<RequestOptions> {
        let max_retries = match max_retries {
            None => None,
            Some(count) => Some(u32::try_from(count).map_err(|_| {
                Error::invalid_param(
                    "max_retries",
                    format!("max_retries must be zero or a positive whole number, got {count}"),
                )
            })?),
        };

        let timeout = match timeout_seconds {
            None => None,
            Some(seconds) if seconds > 0.0 => {
                Some(Duration::try_from_secs_f64(seconds).map_err(|_| invalid_timeout(seconds))?)
            }
            Some(seconds) => return Err(invalid_timeout(seconds)),
        };

        Ok(RequestOptions {
            idempotency_key,
            max_retries,
            timeout,
        })
    }
}

fn invalid_timeout(seconds: f64) -> Error {
    Error::invalid_param(
        "timeout",
        format!("timeout must be a positive number of seconds, got {seconds} s"),
    )
}

#[cfg(test)]
mod tests {
    use super::RequestOptions;
    use crate::ErrorKind;

    #[test]
    fn negative_timeout_rejected() {
        let error = RequestOptions::from_values(None, None, Some(-1.0)).unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidRequest);
        assert_eq!(error.param(), Some("timeout"));
    }

    #[test]
    fn zero_timeout_rejected() {
        let error = RequestOptions::from_values(None, None, Some(0.0)).unwrap_err();
        assert_eq!(error.param(), Some("timeout"));
    }

    #[test]
    fn negative_max_retries_rejected() {
        let error = RequestOptions::from_values(None, Some(-1), None).unwrap_err();
        assert_eq!(error.param(), Some("max_retries"));
    }

    #[test]
    fn values_kept() {
        let options =
            RequestOptions::from_values(Some("key-1".into()), Some(3), Some(1.5)).unwrap();
        assert_eq!(options.idempotency_key.as_deref(), Some("key-1"));
        assert_eq!(options.max_retries, Some(3));
        assert_eq!(
            options.timeout,
            Some(std::time::Duration::from_millis(1500))
        );
    }
}
