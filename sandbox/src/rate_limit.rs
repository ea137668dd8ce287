//! Per-credential rate limit in fixed one-second windows.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::Instant;

use axum::http::StatusCode;

use crate::auth::lock;
use crate::errors::{ApiError, ApiResult, ErrorType};

#[derive(Debug)]
pub struct RateLimiter {
    per_second: Option<u32>,
    started: Instant,
    /// Credential id to (window second, requests in that window).
    windows: Mutex<HashMap<String, (u64, u32)>>,
}

impl RateLimiter {
    pub fn new(per_second: Option<u32>) -> Self {
        RateLimiter {
            per_second,
            started: Instant::now(),
            windows: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request for `credential_id`; fails with 429 `rate_limited`
    /// and `Retry-After: 1` past the limit in the current second.
    pub fn check(&self, credential_id: &str) -> ApiResult<()> {
        let Some(limit) = self.per_second else {
            return Ok(());
        };
        let second = self.started.elapsed().as_secs();
        let mut windows = lock(&self.windows);
        if windows.len() > 10_000 {
            windows.retain(|_, (window, _)| *window == second);
        }
        let entry = windows
            .entry(credential_id.to_string())
            .or_insert((second, 0));
        if entry.0 != second {
            *entry = (second, 0);
        }
        if entry.1 >= limit {
            return Err(ApiError::new(
                StatusCode::TOO_MANY_REQUESTS,
                ErrorType::RateLimit,
                "rate_limited",
                format!("Too many requests: this credential may send {limit} requests per second. Retry after the Retry-After delay."),
            )
            .with_retry_after(1));
        }
        entry.1 += 1;
        Ok(())
    }
}
