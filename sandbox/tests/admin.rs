//! Admin API input errors and the counters' route templates.

mod common;

use common::{error_of, Harness};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn admin_post(h: &Harness, path: &str, body: Value) -> reqwest::Response {
    h.client
        .post(h.url(path))
        .bearer_auth(&h.sandbox.credentials().admin_token)
        .json(&body)
        .send()
        .await
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_scope_is_rejected() {
    let h = Harness::start().await;
    let response = admin_post(&h, "/_sandbox/keys", json!({"scopes": ["admin:all"]})).await;
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "scopes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotate_unknown_key_is_404() {
    let h = Harness::start().await;
    let response = admin_post(&h, "/_sandbox/keys/key_missing/rotate", json!({})).await;
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["code"], "resource_missing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotate_revoked_key_is_rejected() {
    let h = Harness::start().await;
    let key = h.create_key(&["events:read"]).await;
    let id = key["id"].as_str().unwrap();
    admin_post(&h, &format!("/_sandbox/keys/{id}/revoke"), json!({})).await;
    let response = admin_post(&h, &format!("/_sandbox/keys/{id}/rotate"), json!({})).await;
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "id");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn client_ttl_zero_is_rejected() {
    let h = Harness::start().await;
    let response = admin_post(
        &h,
        "/_sandbox/oauth_clients",
        json!({"token_ttl_seconds": 0}),
    )
    .await;
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "token_ttl_seconds");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn deliver_unknown_event_is_404() {
    let h = Harness::start().await;
    let response = admin_post(
        &h,
        "/_sandbox/webhooks/deliver",
        json!({"event_id": "evt_missing"}),
    )
    .await;
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["param"], "event_id");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_with_bad_secret_is_400() {
    let h = Harness::start().await;
    let body = json!({"payload": "{}", "secret": "whsec_not base64!"});
    let (status, error) = error_of(admin_post(&h, "/_sandbox/webhooks/sign", body).await).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["param"], "secret");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn stats_use_route_templates() {
    let h = Harness::start().await;
    h.get("/v1/transactions/txn_a").await;
    h.get("/v1/transactions/txn_b").await;
    let stats = h.stats().await;
    assert_eq!(stats["requests"]["GET /v1/transactions/{id}"], 2);
    assert!(stats["requests"]
        .get("GET /v1/transactions/txn_a")
        .is_none());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn http2_prior_knowledge_works() {
    let h = Harness::start().await;
    let client = reqwest::Client::builder()
        .no_proxy()
        .http2_prior_knowledge()
        .build()
        .unwrap();
    let response = client
        .get(h.url("/v1/transactions"))
        .bearer_auth(h.key())
        .send()
        .await
        .unwrap();
    assert_eq!(response.version(), reqwest::Version::HTTP_2);
    assert_eq!(response.status(), StatusCode::OK);
}
