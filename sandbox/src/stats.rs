//! Counters read by `GET /_sandbox/stats`.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::Serialize;

use crate::auth::lock;

#[derive(Debug, Default, Clone, Serialize)]
pub struct WebhookDeliveryCounts {
    pub attempts: u64,
    pub succeeded: u64,
    pub failed: u64,
}

#[derive(Debug, Default, Clone, Serialize)]
pub struct StatsSnapshot {
    /// Requests per route template, such as `GET /v1/transactions/{id}`,
    /// counted on arrival, including requests that a fault responded to.
    pub requests: BTreeMap<String, u64>,
    pub token_requests: u64,
    pub token_requests_by_client: BTreeMap<String, u64>,
    pub payments_created: u64,
    pub idempotent_replays: u64,
    pub webhook_deliveries: WebhookDeliveryCounts,
}

#[derive(Debug, Default)]
pub struct Stats {
    inner: Mutex<StatsSnapshot>,
}

impl Stats {
    pub fn record_request(&self, route: String) {
        *lock(&self.inner).requests.entry(route).or_default() += 1;
    }

    /// Counts a token request that issued a token.
    pub fn record_token_request(&self, client_id: &str) {
        let mut inner = lock(&self.inner);
        inner.token_requests += 1;
        *inner
            .token_requests_by_client
            .entry(client_id.to_string())
            .or_default() += 1;
    }

    pub fn record_payment_created(&self) {
        lock(&self.inner).payments_created += 1;
    }

    pub fn record_idempotent_replay(&self) {
        lock(&self.inner).idempotent_replays += 1;
    }

    pub fn record_webhook_attempt(&self, succeeded: bool) {
        let mut inner = lock(&self.inner);
        inner.webhook_deliveries.attempts += 1;
        if succeeded {
            inner.webhook_deliveries.succeeded += 1;
        } else {
            inner.webhook_deliveries.failed += 1;
        }
    }

    pub fn snapshot(&self) -> StatsSnapshot {
        lock(&self.inner).clone()
    }

    pub fn reset(&self) {
        *lock(&self.inner) = StatsSnapshot::default();
    }
}
