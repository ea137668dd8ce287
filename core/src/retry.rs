//! The retry policy: which failures are retried, how long to wait, and the
//! time budget of one call across all its attempts.
//!
//! Every request the core sends is safe to repeat: GETs, POSTs that carry an
//! idempotency key (the core adds one to every POST to `/v1/`), and token
//! requests, which change nothing on the server.

use std::future::Future;
use std::time::{Duration, Instant, SystemTime};

use rand::Rng;

use crate::config::{RETRY_AFTER_MAX, RETRY_BASE_DELAY, RETRY_MAX_DELAY};
use crate::error::{Error, ErrorKind, Result};

/// The retry limits of one call.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RetryPolicy {
    /// Retries after the first attempt.
    pub max_retries: u32,
    /// The total time budget, across attempts and waits.
    pub budget: Duration,
    /// When the budget runs out.
    pub deadline: Instant,
}

impl RetryPolicy {
    pub fn new(max_retries: u32, budget: Duration) -> Self {
        RetryPolicy {
            max_retries,
            budget,
            deadline: Instant::now() + budget,
        }
    }

    pub fn remaining(&self) -> Duration {
        self.deadline.saturating_duration_since(Instant::now())
    }

    /// Returns how long to wait before retrying after `error` on attempt
    /// `attempt` (0 is the first), or `None` to fail with `error`: the
    /// failure is not retryable, the retries are used up, or the wait would
    /// not fit in the remaining budget.
    pub fn next_wait(&self, error: &Error, attempt: u32) -> Option<Duration> {
        if attempt >= self.max_retries || retry_reason(error).is_none() {
            return None;
        }

        let wait = match error.retry_after() {
            Some(retry_after) if retry_after > RETRY_AFTER_MAX => return None,
            Some(retry_after) => retry_after,
            None => backoff(attempt),
        };

        (wait < self.remaining()).then_some(wait)
    }
}

/// Why `error` is worth retrying, or `None` when it is not: connection
/// failures, connect timeouts, 408, 409 `idempotency_key_in_use`, 429, 500,
/// 502, 503 and 504.
pub(crate) fn retry_reason(error: &Error) -> Option<&'static str> {
    match (error.kind(), error.http_status()) {
        (ErrorKind::Connection, None) => Some("connection error"),
        (ErrorKind::Timeout, None) => Some("connect timeout"),
        (_, Some(408)) => Some("408 request timeout"),
        (_, Some(409)) if error.code() == Some("idempotency_key_in_use") => {
            Some("409 idempotency key in use")
        }
        (_, Some(429)) => Some("429 rate limited"),
        (_, Some(500)) => Some("500 internal error"),
        (_, Some(502)) => Some("502 bad gateway"),
        (_, Some(503)) => Some("503 service unavailable"),
        (_, Some(504)) => Some("504 gateway timeout"),
        _ => None,
    }
}

/// The wait before retry number `attempt + 1`: uniform in zero to
/// `RETRY_BASE_DELAY * 2^attempt`, the bound capped at `RETRY_MAX_DELAY`.
pub(crate) fn backoff(attempt: u32) -> Duration {
    let bound = RETRY_BASE_DELAY
        .saturating_mul(2u32.saturating_pow(attempt.min(16)))
        .min(RETRY_MAX_DELAY);
    let millis = u64::try_from(bound.as_millis()).unwrap_or(u64::MAX);
    Duration::from_millis(rand::thread_rng().gen_range(0..=millis))
}

/// Parses a `Retry-After` value: delay seconds, or an HTTP date (RFC 9110
/// section 10.2.3). A date in the past gives zero.
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Runs `attempt_once` until it succeeds or [`RetryPolicy::next_wait`]
/// returns `None`, all within the policy's time budget.
///
/// Errors: the last attempt's error, or `Timeout` when the budget ran out
/// during an attempt. `what` names the call in logs and the timeout message.
pub(crate) async fn run<T, F, Fut>(
    policy: &RetryPolicy,
    what: &str,
    mut attempt_once: F,
) -> Result<T>
where
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T>>,
{
    let attempts = async {
        let mut attempt = 0;
        loop {
            let error = match attempt_once(attempt).await {
                Ok(value) => return Ok(value),
                Err(error) => error,
            };

            let Some(wait) = policy.next_wait(&error, attempt) else {
                return Err(error);
            };

            tracing::warn!(
                call = what,
                attempt,
                reason = retry_reason(&error).unwrap_or("retryable error"),
                wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                request_id = error.request_id(),
                "retrying request"
            );
            tokio::time::sleep(wait).await;
            attempt += 1;
        }
    };

    match tokio::time::timeout_at(policy.deadline.into(), attempts).await {
        Ok(result) => result,
        Err(_) => Err(Error::new(
            ErrorKind::Timeout,
            format!(
                "{what} did not complete within its time budget of {:.1} s; \
                 raise the timeout or retry later",
                policy.budget.as_secs_f64()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_bounds() {
        for attempt in 0..10 {
            let bound = RETRY_BASE_DELAY
                .saturating_mul(1 << attempt)
                .min(RETRY_MAX_DELAY);
            assert!(backoff(attempt) <= bound, "attempt {attempt}");
        }
    }

    #[test]
    fn retry_after_seconds() {
        assert_eq!(
            parse_retry_after(" 7 ", SystemTime::now()),
            Some(Duration::from_secs(7))
        );
    }

    #[test]
    fn retry_after_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        let parsed = parse_retry_after("Sun, 06 Nov 1994 08:49:40 GMT", now);
        assert_eq!(parsed, Some(Duration::from_secs(3)));
    }

    #[test]
    fn retry_after_past_date_is_zero() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").unwrap();
        let parsed = parse_retry_after("Sun, 06 Nov 1994 08:00:00 GMT", now);
        assert_eq!(parsed, Some(Duration::ZERO));
    }

    #[test]
    fn retry_after_garbage() {
        assert_eq!(parse_retry_after("soon", SystemTime::now()), None);
    }

    #[test]
    fn not_found_not_retried() {
        let policy = RetryPolicy::new(2, Duration::from_secs(60));
        let error = Error::new(ErrorKind::NotFound, "gone").with_http_status(404);
        assert_eq!(policy.next_wait(&error, 0), None);
    }

    #[test]
    fn retry_after_beyond_budget_fails() {
        let policy = RetryPolicy::new(2, Duration::from_secs(5));
        let error = Error::new(ErrorKind::RateLimit, "slow down")
            .with_http_status(429)
            .with_retry_after(Some(Duration::from_secs(10)));
        assert_eq!(policy.next_wait(&error, 0), None);
    }

    #[test]
    fn retries_used_up() {
        let policy = RetryPolicy::new(2, Duration::from_secs(60));
        let error = Error::new(ErrorKind::Api, "down").with_http_status(503);
        assert_eq!(policy.next_wait(&error, 2), None);
    }
}
