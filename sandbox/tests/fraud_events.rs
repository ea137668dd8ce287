mod common;

use common::{error_of, payment_body, Harness};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn assessment(amount: i64, source: &str, destination: &str) -> Value {
    json!({"amount": amount, "currency": "EUR", "source_account": source, "destination_account": destination})
}

async fn assess(h: &Harness, body: &Value) -> Value {
    let response = h.post("/v1/fraud/assessments", body).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

fn reason_codes(assessment: &Value) -> Vec<String> {
    assessment["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn small_amount_is_approved() {
    let h = Harness::start().await;
    let result = assess(&h, &assessment(2500, "acct_alice", "acct_bob")).await;
    assert!(result["id"].as_str().unwrap().starts_with("fa_"));
    assert_eq!(result["object"], "fraud_assessment");
    assert_eq!(result["risk_score"], 15);
    assert_eq!(result["decision"], "approve");
    assert_eq!(reason_codes(&result), vec!["new_counterparty"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn known_counterparty_lowers_score() {
    let h = Harness::start().await;
    h.post("/v1/payments", &payment_body()).await;
    let result = assess(&h, &assessment(2500, "acct_alice", "acct_bob")).await;
    assert_eq!(result["risk_score"], 5);
    assert!(reason_codes(&result).is_empty());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn very_large_amount_is_reviewed() {
    let h = Harness::start().await;
    let result = assess(&h, &assessment(5_000_000, "acct_alice", "acct_bob")).await;
    assert_eq!(result["risk_score"], 55);
    assert_eq!(result["decision"], "review");
    assert!(reason_codes(&result).contains(&"amount_very_large".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn flagged_account_is_declined() {
    let h = Harness::start().await;
    let result = assess(&h, &assessment(100, "acct_alice", "acct_fraud_decline")).await;
    assert_eq!(result["risk_score"], 100);
    assert_eq!(result["decision"], "decline");
    assert!(reason_codes(&result).contains(&"account_flagged".to_string()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn velocity_raises_score() {
    let h = Harness::start().await;
    for _ in 0..3 {
        assess(&h, &assessment(100, "acct_busy", "acct_bob")).await;
    }
    let fourth = assess(&h, &assessment(100, "acct_busy", "acct_bob")).await;
    assert!(reason_codes(&fourth).contains(&"high_velocity".to_string()));
    assert_eq!(fourth["risk_score"], 45);
    assert_eq!(fourth["decision"], "review");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_payment_is_404() {
    let h = Harness::start().await;
    let mut body = assessment(100, "acct_alice", "acct_bob");
    body["payment"] = json!("pay_missing");
    let (status, error) = error_of(h.post("/v1/fraud/assessments", &body).await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["param"], "payment");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn assessment_validates_fields() {
    let h = Harness::start().await;
    let (status, error) =
        error_of(h.post("/v1/fraud/assessments", &json!({"amount": 5})).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["code"], "parameter_missing");
    assert_eq!(error["param"], "currency");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_record_payment_lifecycle() {
    let h = Harness::start().await;
    let mut body = payment_body();
    body["source_account"] = json!("acct_insufficient_funds");
    let payment: Value = h.post("/v1/payments", &body).await.json().await.unwrap();

    let page: Value = h.get("/v1/events").await.json().await.unwrap();
    let data = page["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
    assert_eq!(data[0]["type"], "payment.failed");
    assert_eq!(data[1]["type"], "payment.created");
    assert_eq!(data[0]["data"]["object"]["id"], payment["id"]);
    assert!(data[0]["id"].as_str().unwrap().starts_with("evt_"));

    let filtered: Value = h
        .get("/v1/events?type=payment.created")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(filtered["data"].as_array().unwrap().len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn events_reject_unknown_type() {
    let h = Harness::start().await;
    let (status, error) = error_of(h.get("/v1/events?type=payment.exploded").await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "type");
}
