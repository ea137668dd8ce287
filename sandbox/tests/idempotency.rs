mod common;

use std::sync::Arc;

use common::{error_of, payment_body, Harness};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn post_with_key(h: &Harness, key: &str, body: &Value) -> reqwest::Response {
    h.client
        .post(h.url("/v1/payments"))
        .bearer_auth(h.key())
        .header("idempotency-key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn payment_count(h: &Harness) -> usize {
    let page: Value = h.get("/v1/payments?limit=100").await.json().await.unwrap();
    page["data"].as_array().unwrap().len()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_key_same_body_replays() {
    let h = Harness::start().await;
    let first = post_with_key(&h, "order-1", &payment_body()).await;
    assert_eq!(first.status(), StatusCode::OK);
    assert!(first.headers().get("idempotent-replayed").is_none());
    let first: Value = first.json().await.unwrap();

    let second = post_with_key(&h, "order-1", &payment_body()).await;
    assert_eq!(second.status(), StatusCode::OK);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
    let second: Value = second.json().await.unwrap();
    assert_eq!(first, second);

    assert_eq!(payment_count(&h).await, 1);
    assert_eq!(h.stats().await["idempotent_replays"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_order_does_not_change_body() {
    let h = Harness::start().await;
    let a = r#"{"amount":10,"currency":"EUR","source_account":"acct_a","destination_account":"acct_b"}"#;
    let b = r#"{ "destination_account":"acct_b", "source_account":"acct_a", "currency":"EUR", "amount":10 }"#;
    for raw in [a, b] {
        let response = h
            .client
            .post(h.url("/v1/payments"))
            .bearer_auth(h.key())
            .header("idempotency-key", "reordered")
            .header("content-type", "application/json")
            .body(raw)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::OK);
    }
    assert_eq!(payment_count(&h).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_key_other_body_is_422() {
    let h = Harness::start().await;
    post_with_key(&h, "order-2", &payment_body()).await;
    let mut other = payment_body();
    other["amount"] = json!(9999);
    let (status, error) = error_of(post_with_key(&h, "order-2", &other).await).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(error["type"], "idempotency_error");
    assert_eq!(error["code"], "idempotency_key_reused");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn validation_error_is_replayed() {
    let h = Harness::start().await;
    let mut bad = payment_body();
    bad["amount"] = json!(-1);
    let first = post_with_key(&h, "bad-1", &bad).await;
    assert_eq!(first.status(), StatusCode::BAD_REQUEST);
    let second = post_with_key(&h, "bad-1", &bad).await;
    assert_eq!(second.status(), StatusCode::BAD_REQUEST);
    assert_eq!(second.headers()["idempotent-replayed"], "true");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_key_header_is_400() {
    let h = Harness::start().await;
    let long = "k".repeat(256);
    let (status, error) = error_of(post_with_key(&h, &long, &payment_body()).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "Idempotency-Key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn in_flight_duplicate_is_409() {
    let h = Arc::new(Harness::start().await);
    h.add_fault(json!({"method": "POST", "path": "/v1/payments", "count": 1, "action": "delay", "delay_ms": 600}))
        .await;
    let slow = {
        let h = h.clone();
        tokio::spawn(async move { post_with_key(&h, "slow-1", &payment_body()).await.status() })
    };
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let (status, error) = error_of(post_with_key(&h, "slow-1", &payment_body()).await).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error["code"], "idempotency_key_in_use");

    assert_eq!(slow.await.unwrap(), StatusCode::OK);
    assert_eq!(payment_count(&h).await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_duplicates_create_one_payment() {
    let h = Arc::new(Harness::start().await);
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let h = h.clone();
        tasks.push(tokio::spawn(async move {
            post_with_key(&h, "burst-1", &payment_body()).await.status()
        }));
    }
    let mut ok = 0;
    for task in tasks {
        let status = task.await.unwrap();
        assert!(
            status == StatusCode::OK || status == StatusCode::CONFLICT,
            "unexpected status {status}"
        );
        if status == StatusCode::OK {
            ok += 1;
        }
    }
    assert!(ok >= 1);
    assert_eq!(payment_count(&h).await, 1);
    assert_eq!(h.stats().await["payments_created"], 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropped_connection_then_retry_replays() {
    let h = Harness::start().await;
    h.add_fault(json!({"method": "POST", "path": "/v1/payments", "count": 1, "action": "drop_after_processing"}))
        .await;

    let lost = h
        .client
        .post(h.url("/v1/payments"))
        .bearer_auth(h.key())
        .header("idempotency-key", "lost-1")
        .json(&payment_body())
        .send()
        .await;
    let error = lost.expect_err("the connection closes without a response");
    assert!(
        !error.is_status(),
        "expected a transport error, got {error}"
    );

    assert_eq!(payment_count(&h).await, 1);

    let retry = post_with_key(&h, "lost-1", &payment_body()).await;
    assert_eq!(retry.status(), StatusCode::OK);
    assert_eq!(retry.headers()["idempotent-replayed"], "true");
    assert_eq!(payment_count(&h).await, 1);
    assert_eq!(h.stats().await["payments_created"], 1);
}
