//! Shared state of one running sandbox.

use std::sync::Mutex;

use serde::Serialize;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

use crate::auth::{lock, KeyStore};
use crate::config::SandboxConfig;
use crate::faults::FaultStore;
use crate::idempotency::IdempotencyStore;
use crate::ids;
use crate::oauth::OAuthStore;
use crate::rate_limit::RateLimiter;
use crate::stats::Stats;
use crate::store::{Event, EventData, Store};
use crate::webhooks::Webhooks;

pub struct AppState {
    pub config: SandboxConfig,
    pub keys: Mutex<KeyStore>,
    pub oauth: Mutex<OAuthStore>,
    /// Lock order: `store` before the webhook queue, never the reverse.
    pub store: Mutex<Store>,
    pub idempotency: IdempotencyStore,
    pub faults: Mutex<FaultStore>,
    pub stats: Stats,
    pub rate_limiter: RateLimiter,
    pub webhooks: Webhooks,
    /// `whsec_` secret that `POST /_sandbox/webhooks/sign` signs with.
    pub webhook_secret: String,
    pub admin_token_digest: [u8; 32],
    /// Cancelled when the sandbox shuts down; background tasks stop on it.
    pub shutdown: CancellationToken,
    pub tasks: TaskTracker,
}

impl AppState {
    /// Records an event about `object` and queues its webhook deliveries.
    /// The caller holds the store lock, so events keep the order of the
    /// changes they describe.
    pub fn emit_event(&self, store: &mut Store, event_type: &'static str, object: &impl Serialize) {
        let event = Event {
            id: ids::random_id("evt_", 24),
            object: "event",
            event_type,
            created: ids::now_unix(),
            data: EventData {
                object: serde_json::value::to_raw_value(object)
                    .expect("API objects serialize to JSON"),
            },
        };
        self.webhooks.enqueue_event(store, &event);
        store.events.push(event);
    }

    pub fn lock_store(&self) -> std::sync::MutexGuard<'_, Store> {
        lock(&self.store)
    }
}
