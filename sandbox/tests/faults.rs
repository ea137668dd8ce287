mod common;

use std::time::{Duration, Instant};

use common::{error_of, payment_body, Harness};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn respond_fault_answers_count_times() {
    let h = Harness::start().await;
    h.add_fault(json!({"path": "/v1/transactions", "count": 2, "status": 503, "retry_after": 2}))
        .await;
    for _ in 0..2 {
        let response = h.get("/v1/transactions").await;
        assert_eq!(response.headers()["retry-after"], "2");
        let (status, error) = error_of(response).await;
        assert_eq!(status, StatusCode::SERVICE_UNAVAILABLE);
        assert_eq!(error["type"], "api_error");
        assert_eq!(error["code"], "service_unavailable");
    }
    assert_eq!(h.get("/v1/transactions").await.status(), StatusCode::OK);
    assert_eq!(h.stats().await["requests"]["GET /v1/transactions"], 3);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_429_is_rate_limit_error() {
    let h = Harness::start().await;
    h.add_fault(json!({"method": "GET", "path": "/v1/events", "status": 429, "retry_after": 1}))
        .await;
    let response = h.get("/v1/events").await;
    assert_eq!(response.headers()["retry-after"], "1");
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(error["type"], "rate_limit_error");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn method_and_prefix_match() {
    let h = Harness::start().await;
    h.add_fault(json!({"method": "GET", "path": "/v1/payments/*", "status": 500}))
        .await;
    let unaffected = h.post("/v1/payments", &payment_body()).await;
    assert_eq!(unaffected.status(), StatusCode::OK);
    let (status, error) = error_of(h.get("/v1/payments/pay_x").await).await;
    assert_eq!(status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(error["code"], "internal_error");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reset_before_processing_creates_nothing() {
    let h = Harness::start().await;
    h.add_fault(
        json!({"path": "/v1/payments", "method": "POST", "action": "reset_before_processing"}),
    )
    .await;
    let result = h
        .client
        .post(h.url("/v1/payments"))
        .bearer_auth(h.key())
        .json(&payment_body())
        .send()
        .await;
    assert!(result.is_err(), "expected a connection error");
    let page: Value = h.get("/v1/payments").await.json().await.unwrap();
    assert_eq!(page["data"].as_array().unwrap().len(), 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delay_fault_slows_request() {
    let h = Harness::start().await;
    h.add_fault(json!({"path": "/v1/events", "action": "delay", "delay_ms": 300}))
        .await;
    let started = Instant::now();
    assert_eq!(h.get("/v1/events").await.status(), StatusCode::OK);
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_endpoint_fault_uses_oauth_body() {
    let h = Harness::start().await;
    h.add_fault(json!({"path": "/v1/oauth/token", "status": 503, "retry_after": 1}))
        .await;
    let credentials = h.sandbox.credentials();
    let response = h
        .client
        .post(h.url("/v1/oauth/token"))
        .basic_auth(&credentials.client_id, Some(&credentials.client_secret))
        .form(&[("grant_type", "client_credentials")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "temporarily_unavailable");
    assert_eq!(h.stats().await["token_requests"], 0);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clear_removes_faults() {
    let h = Harness::start().await;
    h.add_fault(json!({"path": "/v1/events", "status": 500, "count": 5}))
        .await;
    let listed = h.admin(Method::GET, "/_sandbox/faults", None).await;
    assert_eq!(listed["data"].as_array().unwrap().len(), 1);
    h.admin(Method::DELETE, "/_sandbox/faults", None).await;
    assert_eq!(h.get("/v1/events").await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_fault_is_rejected() {
    let h = Harness::start().await;
    let cases = [
        (json!({"path": "/v1/events", "action": "explode"}), "action"),
        (json!({"path": "/_sandbox/stats", "status": 500}), "path"),
        (json!({"status": 500}), "path"),
        (json!({"path": "/v1/events", "status": 99}), "status"),
    ];
    for (body, param) in cases {
        let response = h
            .client
            .post(h.url("/_sandbox/faults"))
            .bearer_auth(&h.sandbox.credentials().admin_token)
            .json(&body)
            .send()
            .await
            .unwrap();
        let (status, error) = error_of(response).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "for {body}");
        assert_eq!(error["param"], param, "for {body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_reset_zeroes_counters() {
    let h = Harness::start().await;
    h.get("/v1/events").await;
    h.admin(Method::POST, "/_sandbox/stats/reset", None).await;
    let stats = h.stats().await;
    assert_eq!(stats["requests"], json!({}));
}
