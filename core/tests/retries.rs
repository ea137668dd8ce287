//! Retries, backoff, Retry-After, the time budget and idempotency keys,
//! against the sandbox's injected faults.

mod common;

use std::time::{Duration, Instant};

use common::Sandbox;
use realtime_finance::{Client, CreatePaymentParams, ErrorKind, RequestOptions};
use serde_json::json;

const LIST: &str = "GET /v1/transactions";
const CREATE: &str = "POST /v1/payments";

async fn list(client: &Client, options: &RequestOptions) -> realtime_finance::Result<()> {
    client
        .transactions()
        .list_page(&Default::default(), options)
        .await
        .map(|_| ())
}

fn payment() -> CreatePaymentParams {
    CreatePaymentParams {
        amount: 2500,
        currency: "EUR".into(),
        source_account: "acct_alice".into(),
        destination_account: "acct_bob".into(),
        description: Some("Invoice 42".into()),
        metadata: None,
    }
}

#[tokio::test]
async fn retryable_status_then_success() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();

    for status in [408, 429, 500, 502, 503, 504] {
        let before = sandbox.requests(LIST).await;
        sandbox
            .fault(json!({"path": "/v1/transactions", "status": status, "count": 1}))
            .await;

        let result = list(&client, &RequestOptions::default()).await;

        assert!(result.is_ok(), "status {status}: {result:?}");
        assert_eq!(sandbox.requests(LIST).await - before, 2, "status {status}");
    }
}

#[tokio::test]
async fn non_retryable_status_fails_at_once() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();

    for (status, kind) in [
        (400, ErrorKind::InvalidRequest),
        (403, ErrorKind::Permission),
        (404, ErrorKind::NotFound),
    ] {
        let before = sandbox.requests(LIST).await;
        sandbox
            .fault(json!({"path": "/v1/transactions", "status": status, "count": 1}))
            .await;

        let error = list(&client, &RequestOptions::default()).await.unwrap_err();

        assert_eq!(error.kind(), kind, "status {status}");
        assert_eq!(sandbox.requests(LIST).await - before, 1, "status {status}");
    }
}

#[tokio::test]
async fn retries_exhausted() {
    let sandbox = Sandbox::start().await;
    sandbox
        .fault(json!({"path": "/v1/transactions", "status": 503, "count": 10}))
        .await;

    let error = list(&sandbox.client(), &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Api);
    assert_eq!(error.http_status(), Some(503));
    assert_eq!(
        sandbox.requests(LIST).await,
        1 + u64::from(realtime_finance::DEFAULT_MAX_RETRIES)
    );
}

#[tokio::test]
async fn max_retries_per_request() {
    let sandbox = Sandbox::start().await;
    sandbox
        .fault(json!({"path": "/v1/transactions", "status": 503, "count": 10}))
        .await;
    let options = RequestOptions {
        max_retries: Some(0),
        ..Default::default()
    };

    let error = list(&sandbox.client(), &options).await.unwrap_err();

    assert_eq!(error.http_status(), Some(503));
    assert_eq!(sandbox.requests(LIST).await, 1);
}

#[tokio::test]
async fn retry_after_honoured() {
    let sandbox = Sandbox::start().await;
    sandbox
        .fault(json!({"path": "/v1/transactions", "status": 503, "retry_after": 1, "count": 1}))
        .await;
    let started = Instant::now();

    list(&sandbox.client(), &RequestOptions::default())
        .await
        .unwrap();

    assert!(
        started.elapsed() >= Duration::from_secs(1),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(sandbox.requests(LIST).await, 2);
}

#[tokio::test]
async fn retry_after_beyond_budget_fails_fast() {
    let sandbox = Sandbox::start().await;
    sandbox
        .fault(json!({"path": "/v1/transactions", "status": 429, "retry_after": 30, "count": 1}))
        .await;
    let client = sandbox
        .builder()
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap();
    let started = Instant::now();

    let error = list(&client, &RequestOptions::default()).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::RateLimit);
    assert_eq!(error.retry_after(), Some(Duration::from_secs(30)));
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "waited {:?}",
        started.elapsed()
    );
    assert_eq!(sandbox.requests(LIST).await, 1);
}

#[tokio::test]
async fn time_budget_exceeded() {
    let sandbox = Sandbox::start().await;
    sandbox
        .fault(json!({"path": "/v1/transactions", "action": "delay", "delay_ms": 3000, "count": 1}))
        .await;
    let options = RequestOptions {
        timeout: Some(Duration::from_millis(500)),
        ..Default::default()
    };
    let started = Instant::now();

    let error = list(&sandbox.client(), &options).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Timeout);
    assert!(
        started.elapsed() < Duration::from_millis(1500),
        "waited {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn reset_on_reused_connection_retried() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();
    // The first call leaves a keep-alive connection in the pool, which the
    // second call reuses and the sandbox then closes.
    list(&client, &RequestOptions::default()).await.unwrap();
    sandbox
        .fault(json!({"path": "/v1/transactions", "action": "reset_before_processing", "count": 1}))
        .await;

    let result = list(&client, &RequestOptions::default()).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(sandbox.requests(LIST).await, 3);
}

#[tokio::test]
async fn dropped_response_no_duplicate_payment() {
    let sandbox = Sandbox::start().await;
    sandbox.fault(json!({"method": "POST", "path": "/v1/payments", "action": "drop_after_processing", "count": 1})).await;

    let payment = sandbox
        .client()
        .payments()
        .create(&payment(), &RequestOptions::default())
        .await
        .unwrap();

    let stats = sandbox.stats().await;
    assert!(payment.id.starts_with("pay_"));
    assert_eq!(sandbox.requests(CREATE).await, 2);
    assert_eq!(stats["payments_created"], 1);
    assert_eq!(stats["idempotent_replays"], 1);
}

#[tokio::test]
async fn caller_key_reused_across_calls() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();
    let options = RequestOptions::idempotency_key("order-42-attempt");

    let first = client
        .payments()
        .create(&payment(), &options)
        .await
        .unwrap();
    let second = client
        .payments()
        .create(&payment(), &options)
        .await
        .unwrap();

    assert_eq!(first.id, second.id);
    assert_eq!(sandbox.stats().await["payments_created"], 1);
}

#[tokio::test]
async fn caller_key_with_other_body_conflicts() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();
    let options = RequestOptions::idempotency_key("order-43");
    client
        .payments()
        .create(&payment(), &options)
        .await
        .unwrap();

    let other = CreatePaymentParams {
        amount: 9999,
        ..payment()
    };
    let error = client
        .payments()
        .create(&other, &options)
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Conflict);
    assert_eq!(error.code(), Some("idempotency_key_reused"));
    assert_eq!(sandbox.requests(CREATE).await, 2, "not retried");
}

#[tokio::test]
async fn connection_refused() {
    // Bind and release a port so nothing listens on it.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let client = Client::builder()
        .ignore_environment_variables()
        .api_key("sk_test_abcdefghijklmnopqrstuvwx")
        .base_url(format!("http://127.0.0.1:{port}"))
        .max_retries(1)
        .build()
        .unwrap();

    let error = list(&client, &RequestOptions::default()).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Connection);
    assert_eq!(error.http_status(), None);
}

#[tokio::test]
async fn key_in_use_retried_until_replay() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();
    // The first request keeps the key for 1.5 s inside processing, so the
    // concurrent duplicate gets 409 idempotency_key_in_use until it is done.
    sandbox
        .fault(json!({"method": "POST", "path": "/v1/payments", "action": "delay", "delay_ms": 1500, "count": 1}))
        .await;
    let options = RequestOptions {
        idempotency_key: Some("order-44".into()),
        max_retries: Some(6),
        timeout: None,
    };

    let payments = client.payments();
    let params = payment();
    let slow = payments.create(&params, &options);
    let duplicate = async {
        tokio::time::sleep(Duration::from_millis(300)).await;
        payments.create(&params, &options).await
    };
    let (first, second) = tokio::join!(slow, duplicate);

    let stats = sandbox.stats().await;
    assert_eq!(first.unwrap().id, second.unwrap().id);
    assert_eq!(stats["payments_created"], 1);
    assert!(
        sandbox.requests(CREATE).await >= 3,
        "the duplicate was retried"
    );
}
