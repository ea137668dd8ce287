mod common;

use std::time::Duration;

use common::{error_of, eventually, payment_body, Harness};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn create(h: &Harness, body: &Value) -> Value {
    let response = h.post("/v1/payments", body).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

async fn fetch(h: &Harness, id: &str) -> Value {
    h.get(&format!("/v1/payments/{id}"))
        .await
        .json()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn create_returns_pending_payment() {
    let h = Harness::start().await;
    let payment = create(&h, &payment_body()).await;
    assert!(payment["id"].as_str().unwrap().starts_with("pay_"));
    assert_eq!(payment["object"], "payment");
    assert_eq!(payment["status"], "pending");
    assert_eq!(payment["amount"], 2500);
    assert_eq!(payment["metadata"], json!({"order": "42"}));
    assert_eq!(payment["failure_code"], Value::Null);
    assert_eq!(payment["canceled_at"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pending_payment_settles() {
    let h = Harness::start().await;
    let payment = create(&h, &payment_body()).await;
    let id = payment["id"].as_str().unwrap().to_string();
    let settled = eventually(Duration::from_secs(3), || {
        let (h, id) = (&h, &id);
        async move { (fetch(h, id).await["status"] == "succeeded").then_some(()) }
    })
    .await;
    assert!(settled.is_some(), "payment never succeeded");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn test_accounts_have_fixed_outcomes() {
    let h = Harness::start().await;
    let cases = [
        (
            "acct_insufficient_funds",
            "acct_bob",
            "failed",
            Some("insufficient_funds"),
        ),
        (
            "acct_alice",
            "acct_fraud_decline",
            "failed",
            Some("fraud_declined"),
        ),
        (
            "acct_fraud_decline",
            "acct_bob",
            "failed",
            Some("fraud_declined"),
        ),
        ("acct_alice", "acct_stays_pending", "pending", None),
    ];
    for (source, destination, status, failure_code) in cases {
        let mut body = payment_body();
        body["source_account"] = json!(source);
        body["destination_account"] = json!(destination);
        let payment = create(&h, &body).await;
        assert_eq!(payment["status"], status, "{source} -> {destination}");
        assert_eq!(
            payment["failure_code"],
            json!(failure_code),
            "{source} -> {destination}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stays_pending_account_never_settles() {
    let h = Harness::start().await;
    let mut body = payment_body();
    body["destination_account"] = json!("acct_stays_pending");
    let payment = create(&h, &body).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let id = payment["id"].as_str().unwrap();
    assert_eq!(fetch(&h, id).await["status"], "pending");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_pending_then_conflict() {
    let h = Harness::start().await;
    let mut body = payment_body();
    body["destination_account"] = json!("acct_stays_pending");
    let payment = create(&h, &body).await;
    let id = payment["id"].as_str().unwrap();

    let response = h
        .post(&format!("/v1/payments/{id}/cancel"), &json!({}))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let canceled: Value = response.json().await.unwrap();
    assert_eq!(canceled["status"], "canceled");
    assert!(canceled["canceled_at"].is_i64());

    let again = h
        .post(&format!("/v1/payments/{id}/cancel"), &json!({}))
        .await;
    let (status, error) = error_of(again).await;
    assert_eq!(status, StatusCode::CONFLICT);
    assert_eq!(error["code"], "payment_not_cancelable");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancel_unknown_is_404() {
    let h = Harness::start().await;
    let (status, error) = error_of(h.post("/v1/payments/pay_nope/cancel", &json!({})).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["code"], "resource_missing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn list_is_newest_first_with_status_filter() {
    let h = Harness::start().await;
    let first = create(&h, &payment_body()).await;
    let mut failing = payment_body();
    failing["source_account"] = json!("acct_insufficient_funds");
    let second = create(&h, &failing).await;

    let page: Value = h.get("/v1/payments").await.json().await.unwrap();
    assert_eq!(page["data"][0]["id"], second["id"]);
    assert_eq!(page["data"][1]["id"], first["id"]);

    let failed: Value = h
        .get("/v1/payments?status=failed")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(failed["data"].as_array().unwrap().len(), 1);

    let after: Value = h
        .get(&format!(
            "/v1/payments?starting_after={}",
            second["id"].as_str().unwrap()
        ))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(after["data"][0]["id"], first["id"]);
    assert_eq!(after["has_more"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn invalid_bodies_name_their_param() {
    let h = Harness::start().await;
    let with = |field: &str, value: Value| {
        let mut body = payment_body();
        body[field] = value;
        body
    };
    let without = |field: &str| {
        let mut body = payment_body();
        body.as_object_mut().unwrap().remove(field);
        body
    };
    let long_metadata: serde_json::Map<String, Value> =
        (0..21).map(|i| (format!("k{i}"), json!("v"))).collect();
    let cases: Vec<(Value, &str, &str)> = vec![
        (with("amount", json!(-5)), "parameter_invalid", "amount"),
        (with("amount", json!(0)), "parameter_invalid", "amount"),
        (with("amount", json!(10.5)), "parameter_invalid", "amount"),
        (with("amount", json!("2500")), "parameter_invalid", "amount"),
        (
            with("amount", json!(100_000_000_001i64)),
            "parameter_invalid",
            "amount",
        ),
        (without("amount"), "parameter_missing", "amount"),
        (
            with("currency", json!("XYZ")),
            "parameter_invalid",
            "currency",
        ),
        (
            with("currency", json!("eur")),
            "parameter_invalid",
            "currency",
        ),
        (without("currency"), "parameter_missing", "currency"),
        (
            with("source_account", json!("alice")),
            "parameter_invalid",
            "source_account",
        ),
        (
            with("source_account", json!("acct_a-b")),
            "parameter_invalid",
            "source_account",
        ),
        (
            without("destination_account"),
            "parameter_missing",
            "destination_account",
        ),
        (
            with("destination_account", json!("acct_alice")),
            "parameter_invalid",
            "destination_account",
        ),
        (
            with("description", json!("x".repeat(501))),
            "parameter_invalid",
            "description",
        ),
        (
            with("description", json!(5)),
            "parameter_invalid",
            "description",
        ),
        (
            with("metadata", json!("x")),
            "parameter_invalid",
            "metadata",
        ),
        (
            with("metadata", Value::Object(long_metadata)),
            "parameter_invalid",
            "metadata",
        ),
        (
            with("metadata", json!({"k": 1})),
            "parameter_invalid",
            "metadata[k]",
        ),
        (with("colour", json!("red")), "parameter_unknown", "colour"),
        (json!([1, 2]), "body_invalid_json", "body"),
    ];
    for (body, code, param) in cases {
        let (status, error) = error_of(h.post("/v1/payments", &body).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "for {body}");
        assert_eq!(error["code"], code, "for {body}");
        assert_eq!(error["param"], param, "for {body}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_json_is_body_invalid_json() {
    let h = Harness::start().await;
    let response = h
        .client
        .post(h.url("/v1/payments"))
        .bearer_auth(h.key())
        .header("content-type", "application/json")
        .body("{\"amount\": 5,")
        .send()
        .await
        .unwrap();
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["code"], "body_invalid_json");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_body_is_413() {
    let h = Harness::start().await;
    let mut body = payment_body();
    body["description"] = json!("x".repeat(100 * 1024));
    let (status, error) = error_of(h.post("/v1/payments", &body).await).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error["code"], "body_too_large");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn payments_created_is_counted() {
    let h = Harness::start().await;
    create(&h, &payment_body()).await;
    create(&h, &payment_body()).await;
    let stats = h.stats().await;
    assert_eq!(stats["payments_created"], 2);
    assert_eq!(stats["requests"]["POST /v1/payments"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn same_source_and_destination_rejected() {
    let h = Harness::start().await;
    let body = json!({
        "amount": 2500,
        "currency": "EUR",
        "source_account": "acct_alice",
        "destination_account": "acct_alice",
    });

    for path in ["/v1/payments", "/v1/fraud/assessments"] {
        let (status, error) = error_of(h.post(path, &body).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{path}");
        assert_eq!(error["param"], "destination_account", "{path}");
    }
}
