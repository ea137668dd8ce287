mod common;

use std::time::Duration;

use common::{error_of, Harness};
use reqwest::{Method, StatusCode};
use serde_json::json;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_header_is_api_key_missing() {
    let h = Harness::start().await;
    let response = h
        .client
        .get(h.url("/v1/transactions"))
        .send()
        .await
        .unwrap();
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["type"], "authentication_error");
    assert_eq!(error["code"], "api_key_missing");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rejected_credentials_get_their_codes() {
    let h = Harness::start().await;
    let publishable = h.sandbox.credentials().publishable_key.clone();
    let cases = [
        (publishable.as_str(), "secret_key_required"),
        (
            "sk_live_aaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "live_key_in_sandbox",
        ),
        ("sk_test_aaaaaaaaaaaaaaaaaaaaaaaaaaaa", "api_key_invalid"),
        ("not-a-token", "access_token_invalid"),
    ];
    for (credential, code) in cases {
        let (status, error) = error_of(h.get_with("/v1/transactions", credential).await).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "for {code}");
        assert_eq!(error["code"], code);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publishable_key_message_asks_for_secret_key() {
    let h = Harness::start().await;
    let publishable = h.sandbox.credentials().publishable_key.clone();
    let (_, error) = error_of(h.get_with("/v1/transactions", &publishable).await).await;
    assert!(error["message"].as_str().unwrap().contains("secret key"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn basic_scheme_is_rejected() {
    let h = Harness::start().await;
    let response = h
        .client
        .get(h.url("/v1/transactions"))
        .basic_auth("user", Some("pass"))
        .send()
        .await
        .unwrap();
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["code"], "api_key_invalid");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_scope_is_403_naming_it() {
    let h = Harness::start().await;
    let key = h.create_key(&["transactions:read"]).await;
    let secret = key["secret_key"].as_str().unwrap();

    let allowed = h.get_with("/v1/transactions", secret).await;
    assert_eq!(allowed.status(), StatusCode::OK);

    let denied = h
        .post_with("/v1/payments", secret, &common::payment_body())
        .await;
    let (status, error) = error_of(denied).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(error["type"], "permission_error");
    assert_eq!(error["code"], "insufficient_scope");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("payments:write"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_checks_its_scope() {
    let h = Harness::start().await;
    let key = h.create_key(&[]).await;
    let secret = key["secret_key"].as_str().unwrap();
    let cases = [
        (Method::GET, "/v1/transactions", "transactions:read"),
        (Method::GET, "/v1/transactions/txn_x", "transactions:read"),
        (Method::GET, "/v1/payments", "payments:read"),
        (Method::GET, "/v1/payments/pay_x", "payments:read"),
        (Method::POST, "/v1/payments", "payments:write"),
        (Method::POST, "/v1/payments/pay_x/cancel", "payments:write"),
        (Method::POST, "/v1/fraud/assessments", "fraud:write"),
        (Method::GET, "/v1/events", "events:read"),
        (Method::POST, "/v1/webhook_endpoints", "webhooks:write"),
    ];
    for (method, path, scope) in cases {
        let response = h
            .client
            .request(method.clone(), h.url(path))
            .bearer_auth(secret)
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        let (status, error) = error_of(response).await;
        assert_eq!(status, StatusCode::FORBIDDEN, "{method} {path}");
        assert!(
            error["message"].as_str().unwrap().contains(scope),
            "{method} {path} does not name {scope}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rotated_key_works_during_grace() {
    let h = Harness::start().await;
    let old = h.create_key(&["transactions:read"]).await;
    let old_secret = old["secret_key"].as_str().unwrap().to_string();
    let id = old["id"].as_str().unwrap();
    let new = h
        .admin(
            Method::POST,
            &format!("/_sandbox/keys/{id}/rotate"),
            Some(json!({"grace_period_seconds": 1})),
        )
        .await;
    let new_secret = new["secret_key"].as_str().unwrap();
    assert_ne!(new_secret, old_secret);
    assert_eq!(new["scopes"], json!(["transactions:read"]));

    let during = h.get_with("/v1/transactions", &old_secret).await;
    assert_eq!(during.status(), StatusCode::OK);

    tokio::time::sleep(Duration::from_millis(1200)).await;
    let (status, error) = error_of(h.get_with("/v1/transactions", &old_secret).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["code"], "api_key_revoked");

    let replacement = h.get_with("/v1/transactions", new_secret).await;
    assert_eq!(replacement.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoked_key_is_rejected_at_once() {
    let h = Harness::start().await;
    let key = h.create_key(&["transactions:read"]).await;
    let secret = key["secret_key"].as_str().unwrap();
    let id = key["id"].as_str().unwrap();
    assert_eq!(
        h.get_with("/v1/transactions", secret).await.status(),
        StatusCode::OK
    );

    h.admin(Method::POST, &format!("/_sandbox/keys/{id}/revoke"), None)
        .await;

    let (status, error) = error_of(h.get_with("/v1/transactions", secret).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["code"], "api_key_revoked");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn key_list_hides_secrets() {
    let h = Harness::start().await;
    let key = h.create_key(&["events:read"]).await;
    let list = h.admin(Method::GET, "/_sandbox/keys", None).await;
    let text = list.to_string();
    assert!(!text.contains(key["secret_key"].as_str().unwrap()));
    assert!(!text.contains(h.key()));
    let data = list["data"].as_array().unwrap();
    assert_eq!(data.len(), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_rejects_secret_key() {
    let h = Harness::start().await;
    let response = h.get_with("/_sandbox/stats", h.key()).await;
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["type"], "authentication_error");
}
