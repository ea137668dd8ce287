//! Webhook delivery signed per the Standard Webhooks specification, with
//! retries on the configured backoff schedule.
//!
//! Signing uses the `standardwebhooks` crate, an implementation independent
//! of the core SDK's, so a signing bug shared by both cannot hide.

use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::sync::Notify;

use crate::auth::lock;
use crate::ids;
use crate::state::AppState;
use crate::store::{Event, Store};

#[derive(Debug, Clone)]
struct PendingDelivery {
    endpoint_id: String,
    url: String,
    secret: String,
    event_id: String,
    body: String,
    /// Number of the next attempt, starting at 1.
    attempt: u32,
    due: Instant,
}

/// One delivery attempt, as `GET /_sandbox/webhooks/deliveries` lists it.
#[derive(Debug, Clone, Serialize)]
pub struct DeliveryAttempt {
    pub endpoint: String,
    pub url: String,
    pub event_id: String,
    pub attempt: u32,
    /// HTTP status of the endpoint's response; `null` when none arrived.
    pub status: Option<u16>,
    pub succeeded: bool,
    pub error: Option<String>,
    /// Whether another attempt is scheduled after this failed one.
    pub will_retry: bool,
    pub created: i64,
}

pub struct Webhooks {
    queue: Mutex<Vec<PendingDelivery>>,
    // NOTE: kept for the sandbox's lifetime, like events, so a long-running
    // sandbox under heavy webhook traffic grows without bound.
    attempts: Mutex<Vec<DeliveryAttempt>>,
    wake: Notify,
    client: reqwest::Client,
}

impl Webhooks {
    pub fn new(timeout: Duration) -> Result<Self, reqwest::Error> {
        // NOTE: endpoints are loopback-only test receivers that may use their
        // own self-signed certificates, so certificates are not verified. No
        // proxy: a proxy from the environment would carry deliveries off the
        // machine.
        let client = reqwest::Client::builder()
            .no_proxy()
            .timeout(timeout)
            .danger_accept_invalid_certs(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()?;
        Ok(Webhooks {
            queue: Mutex::new(Vec::new()),
            attempts: Mutex::new(Vec::new()),
            wake: Notify::new(),
            client,
        })
    }

    /// Queues a delivery of `event` to every enabled endpoint that wants it.
    pub fn enqueue_event(&self, store: &Store, event: &Event) {
        let body = serde_json::to_string(event).unwrap_or_default();
        let mut queue = lock(&self.queue);
        let before = queue.len();
        for endpoint in store.endpoints.iter().filter(|e| e.wants(event.event_type)) {
            queue.push(PendingDelivery {
                endpoint_id: endpoint.id.clone(),
                url: endpoint.url.clone(),
                secret: endpoint.secret.clone(),
                event_id: event.id.clone(),
                body: body.clone(),
                attempt: 1,
                due: Instant::now(),
            });
        }
        if queue.len() > before {
            self.wake.notify_one();
        }
    }

    pub fn attempts(&self) -> Vec<DeliveryAttempt> {
        lock(&self.attempts).clone()
    }

    fn take(&self, filter: impl Fn(&PendingDelivery) -> bool) -> Vec<PendingDelivery> {
        let mut queue = lock(&self.queue);
        let (taken, kept) = std::mem::take(&mut *queue).into_iter().partition(filter);
        *queue = kept;
        taken
    }

    fn next_due(&self) -> Option<Instant> {
        lock(&self.queue).iter().map(|d| d.due).min()
    }
}

/// Delivers the pending deliveries of `event_id` (all when `None`) now,
/// ahead of their schedule. With an `event_id` that has nothing pending, the
/// event is delivered again to every endpoint that wants it. Returns the
/// attempts made.
pub async fn deliver_now(state: &Arc<AppState>, event_id: Option<&str>) -> Vec<DeliveryAttempt> {
    let mut due = state
        .webhooks
        .take(|d| event_id.is_none_or(|id| d.event_id == id));
    if due.is_empty() {
        if let Some(id) = event_id {
            let store = state.lock_store();
            if let Some(event) = store.events.get(id).cloned() {
                state.webhooks.enqueue_event(&store, &event);
                drop(store);
                due = state.webhooks.take(|d| d.event_id == id);
            }
        }
    }
    let attempts = futures_util::future::join_all(due.into_iter().map(|d| attempt(state, d))).await;
    attempts
}

/// Signs and POSTs one attempt. Returns the response status, or why no
/// response arrived.
async fn send_signed(
    state: &AppState,
    delivery: &PendingDelivery,
    timestamp: i64,
) -> Result<u16, String> {
    let signature = standardwebhooks::Webhook::new(&delivery.secret)
        .and_then(|hook| hook.sign(&delivery.event_id, timestamp, delivery.body.as_bytes()))
        .map_err(|error| format!("signing failed: {error}"))?;
    let response = state
        .webhooks
        .client
        .post(&delivery.url)
        .header("content-type", "application/json")
        .header("webhook-id", &delivery.event_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(delivery.body.clone())
        .send()
        .await
        .map_err(|error| error.to_string())?;
    Ok(response.status().as_u16())
}

/// Sends one attempt, records it and queues the retry if one is left.
async fn attempt(state: &Arc<AppState>, delivery: PendingDelivery) -> DeliveryAttempt {
    let timestamp = ids::now_unix();
    let (status, error) = match send_signed(state, &delivery, timestamp).await {
        Ok(status) => (Some(status), None),
        Err(error) => (None, Some(error)),
    };

    let succeeded = status.is_some_and(|s| (200..300).contains(&s));
    let schedule = &state.config.webhook_retry_schedule;
    let backoff = schedule.get(delivery.attempt as usize - 1).copied();
    let will_retry = !succeeded && backoff.is_some();
    let record = DeliveryAttempt {
        endpoint: delivery.endpoint_id.clone(),
        url: delivery.url.clone(),
        event_id: delivery.event_id.clone(),
        attempt: delivery.attempt,
        status,
        succeeded,
        error,
        will_retry,
        created: timestamp,
    };

    if succeeded {
        tracing::info!(event = %record.event_id, endpoint = %record.endpoint, attempt = record.attempt, "webhook delivered");
    } else {
        tracing::warn!(event = %record.event_id, endpoint = %record.endpoint, attempt = record.attempt, status = ?record.status, error = ?record.error, will_retry, "webhook delivery failed");
    }

    state.stats.record_webhook_attempt(succeeded);
    lock(&state.webhooks.attempts).push(record.clone());
    if let (true, Some(backoff)) = (will_retry, backoff) {
        lock(&state.webhooks.queue).push(PendingDelivery {
            attempt: delivery.attempt + 1,
            due: Instant::now() + backoff,
            ..delivery
        });
        state.webhooks.wake.notify_one();
    }
    record
}

/// Background task: sends deliveries when they fall due, until shutdown.
pub async fn run_worker(state: Arc<AppState>) {
    loop {
        let now = Instant::now();
        let due = state.webhooks.take(|d| d.due <= now);
        for delivery in due {
            let state = state.clone();
            state.tasks.clone().spawn(async move {
                attempt(&state, delivery).await;
            });
        }
        let sleep = match state.webhooks.next_due() {
            Some(next) => tokio::time::sleep_until(next.into()),
            None => tokio::time::sleep(Duration::from_secs(3600)),
        };
        tokio::select! {
            _ = sleep => {}
            _ = state.webhooks.wake.notified() => {}
            _ = state.shutdown.cancelled() => return,
        }
    }
}
