//! Webhook delivery to a small receiver in the test. Signatures are checked
//! with HMAC-SHA256 written here from the Standard Webhooks specification,
//! independent of the `standardwebhooks` crate that the sandbox signs with.

mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode};
use axum::routing::post;
use axum::Router;
use base64::Engine;
use common::{error_of, eventually, payment_body, Harness};
use hmac::{Hmac, Mac};
use realtime_finance_sandbox::SandboxConfig;
use reqwest::Method;
use serde_json::{json, Value};
use sha2::Sha256;

#[derive(Clone, Debug)]
struct Received {
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Clone, Default)]
struct Receiver {
    received: Arc<Mutex<Vec<Received>>>,
    /// Number of requests, from the first, that get a 500 response.
    failures: Arc<Mutex<u32>>,
    /// Number of requests, from the first, that get their response only
    /// after 2 seconds.
    slow: Arc<Mutex<u32>>,
}

/// Takes one from `counter` if it is positive and returns whether it did.
fn take_one(counter: &Mutex<u32>) -> bool {
    let mut count = counter.lock().unwrap();
    let positive = *count > 0;
    *count = count.saturating_sub(1);
    positive
}

impl Receiver {
    fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

async fn start_receiver(receiver: Receiver) -> String {
    let app = Router::new().route(
        "/hooks",
        post(move |headers: HeaderMap, body: Bytes| {
            let receiver = receiver.clone();
            async move {
                receiver
                    .received
                    .lock()
                    .unwrap()
                    .push(Received { headers, body });
                if take_one(&receiver.slow) {
                    tokio::time::sleep(Duration::from_secs(2)).await;
                }
                if take_one(&receiver.failures) {
                    return StatusCode::INTERNAL_SERVER_ERROR;
                }
                StatusCode::NO_CONTENT
            }
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    format!("http://{addr}/hooks")
}

fn expected_signature(secret: &str, id: &str, timestamp: &str, body: &[u8]) -> String {
    let key = base64::engine::general_purpose::STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).unwrap();
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(body);
    let digest = mac.finalize().into_bytes();
    format!(
        "v1,{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

fn header<'a>(received: &'a Received, name: &str) -> &'a str {
    received.headers[name].to_str().unwrap()
}

async fn register(h: &Harness, url: &str, events: Value) -> Value {
    let response = h
        .post(
            "/v1/webhook_endpoints",
            &json!({"url": url, "enabled_events": events}),
        )
        .await;
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    response.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delivery_is_signed() {
    let h = Harness::start().await;
    let receiver = Receiver::default();
    let url = start_receiver(receiver.clone()).await;
    let endpoint = register(&h, &url, json!(["payment.created"])).await;
    let secret = endpoint["secret"].as_str().unwrap();
    assert!(secret.starts_with("whsec_"));
    assert!(endpoint["id"].as_str().unwrap().starts_with("we_"));

    let payment: Value = h
        .post("/v1/payments", &payment_body())
        .await
        .json()
        .await
        .unwrap();
    let delivered = eventually(Duration::from_secs(5), || {
        let receiver = receiver.clone();
        async move { receiver.received().first().cloned() }
    })
    .await
    .expect("a delivery arrives");

    let id = header(&delivered, "webhook-id");
    let timestamp = header(&delivered, "webhook-timestamp");
    let signature = header(&delivered, "webhook-signature");
    assert!(id.starts_with("evt_"));
    assert_eq!(
        signature,
        expected_signature(secret, id, timestamp, &delivered.body)
    );

    let event: Value = serde_json::from_slice(&delivered.body).unwrap();
    assert_eq!(event["id"], id);
    assert_eq!(event["type"], "payment.created");
    assert_eq!(event["data"]["object"]["id"], payment["id"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn failed_delivery_is_retried_with_same_id() {
    let h = Harness::with_config(SandboxConfig {
        webhook_retry_schedule: vec![Duration::from_millis(100), Duration::from_millis(200)],
        ..SandboxConfig::default()
    })
    .await;
    let receiver = Receiver::default();
    *receiver.failures.lock().unwrap() = 2;
    let url = start_receiver(receiver.clone()).await;
    let endpoint = register(&h, &url, json!(["payment.created"])).await;
    let secret = endpoint["secret"].as_str().unwrap();

    h.post("/v1/payments", &payment_body()).await;
    let all = eventually(Duration::from_secs(5), || {
        let receiver = receiver.clone();
        async move {
            let received = receiver.received();
            (received.len() >= 3).then_some(received)
        }
    })
    .await
    .expect("three attempts arrive");

    let first_id = header(&all[0], "webhook-id");
    for attempt in &all {
        assert_eq!(header(attempt, "webhook-id"), first_id);
        let expected = expected_signature(
            secret,
            first_id,
            header(attempt, "webhook-timestamp"),
            &attempt.body,
        );
        assert_eq!(header(attempt, "webhook-signature"), expected);
    }

    let deliveries = h
        .admin(Method::GET, "/_sandbox/webhooks/deliveries", None)
        .await;
    let data = deliveries["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    assert_eq!(data[0]["status"], 500);
    assert_eq!(data[0]["will_retry"], true);
    assert_eq!(data[2]["attempt"], 3);
    assert_eq!(data[2]["succeeded"], true);
    let stats = h.stats().await;
    assert_eq!(stats["webhook_deliveries"]["failed"], 2);
    assert_eq!(stats["webhook_deliveries"]["succeeded"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retries_stop_after_schedule() {
    let h = Harness::with_config(SandboxConfig {
        webhook_retry_schedule: vec![Duration::from_millis(50)],
        ..SandboxConfig::default()
    })
    .await;
    let receiver = Receiver::default();
    *receiver.failures.lock().unwrap() = 100;
    let url = start_receiver(receiver.clone()).await;
    register(&h, &url, json!(["payment.created"])).await;
    h.post("/v1/payments", &payment_body()).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(receiver.received().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliver_now_resends_event() {
    let h = Harness::start().await;
    let receiver = Receiver::default();
    let url = start_receiver(receiver.clone()).await;
    register(&h, &url, json!(["*"])).await;
    let mut body = payment_body();
    body["destination_account"] = json!("acct_stays_pending");
    h.post("/v1/payments", &body).await;
    let events: Value = h.get("/v1/events").await.json().await.unwrap();
    let event_id = events["data"][0]["id"].as_str().unwrap().to_string();
    eventually(Duration::from_secs(5), || {
        let receiver = receiver.clone();
        async move { (!receiver.received().is_empty()).then_some(()) }
    })
    .await
    .expect("the first delivery arrives");

    let result = h
        .admin(
            Method::POST,
            "/_sandbox/webhooks/deliver",
            Some(json!({"event_id": event_id})),
        )
        .await;
    let attempts = result["data"].as_array().unwrap();
    assert_eq!(attempts.len(), 1);
    assert_eq!(attempts[0]["succeeded"], true);
    assert_eq!(receiver.received().len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn non_loopback_url_is_rejected() {
    let h = Harness::start().await;
    let urls = [
        "http://example.com/hooks",
        "http://10.0.0.1/hooks",
        "ftp://127.0.0.1/hooks",
        "not a url",
    ];
    for url in urls {
        let response = h.post("/v1/webhook_endpoints", &json!({"url": url})).await;
        let (status, error) = error_of(response).await;
        assert_eq!(status, reqwest::StatusCode::BAD_REQUEST, "for {url}");
        assert_eq!(error["param"], "url", "for {url}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_event_type_is_rejected() {
    let h = Harness::start().await;
    let body = json!({"url": "http://127.0.0.1:9/hooks", "enabled_events": ["payment.exploded"]});
    let (status, error) = error_of(h.post("/v1/webhook_endpoints", &body).await).await;
    assert_eq!(status, reqwest::StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "enabled_events");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_hook_uses_webhook_secret() {
    let h = Harness::start().await;
    let payload = r#"{"hello":"world"}"#;
    let signed = h
        .admin(
            Method::POST,
            "/_sandbox/webhooks/sign",
            Some(json!({"payload": payload, "msg_id": "msg_1", "timestamp": 1700000000})),
        )
        .await;
    let secret = &h.sandbox.credentials().webhook_secret;
    assert_eq!(signed["webhook-id"], "msg_1");
    assert_eq!(signed["webhook-timestamp"], "1700000000");
    assert_eq!(
        signed["webhook-signature"],
        expected_signature(secret, "msg_1", "1700000000", payload.as_bytes())
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_endpoint_times_out_and_is_retried() {
    let h = Harness::with_config(SandboxConfig {
        webhook_timeout: Duration::from_millis(300),
        webhook_retry_schedule: vec![Duration::from_millis(100)],
        ..SandboxConfig::default()
    })
    .await;
    let receiver = Receiver::default();
    *receiver.slow.lock().unwrap() = 1;
    let url = start_receiver(receiver.clone()).await;
    register(&h, &url, json!(["payment.created"])).await;
    h.post("/v1/payments", &payment_body()).await;

    let attempts = eventually(Duration::from_secs(5), || {
        let h = &h;
        async move {
            let deliveries = h
                .admin(Method::GET, "/_sandbox/webhooks/deliveries", None)
                .await;
            let data = deliveries["data"].as_array().unwrap().clone();
            (data.len() >= 2).then_some(data)
        }
    })
    .await
    .expect("two attempts are recorded");
    assert_eq!(attempts[0]["status"], Value::Null);
    assert!(attempts[0]["error"].is_string());
    assert_eq!(attempts[0]["will_retry"], true);
    assert_eq!(attempts[1]["succeeded"], true);
}
