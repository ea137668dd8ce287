mod common;

use std::time::Duration;

use common::{error_of, Harness};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

async fn token_request(
    h: &Harness,
    form: &[(&str, &str)],
    basic: Option<(&str, &str)>,
) -> Response {
    let mut request = h.client.post(h.url("/v1/oauth/token")).form(form);
    if let Some((id, secret)) = basic {
        request = request.basic_auth(id, Some(secret));
    }
    request.send().await.unwrap()
}

async fn oauth_error(response: Response) -> (StatusCode, String) {
    let status = response.status();
    let body: Value = response.json().await.unwrap();
    assert!(
        body["error_description"].is_string(),
        "no error_description in {body}"
    );
    (status, body["error"].as_str().unwrap().to_string())
}

fn default_client(h: &Harness) -> (String, String) {
    let credentials = h.sandbox.credentials();
    (
        credentials.client_id.clone(),
        credentials.client_secret.clone(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn basic_auth_issues_token() {
    let h = Harness::start().await;
    let (id, secret) = default_client(&h);
    let response = token_request(
        &h,
        &[("grant_type", "client_credentials")],
        Some((&id, &secret)),
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["token_type"], "Bearer");
    assert_eq!(body["expires_in"], 3600);
    assert_eq!(
        body["scope"],
        "transactions:read payments:read payments:write fraud:write events:read webhooks:write"
    );

    let token = body["access_token"].as_str().unwrap();
    assert_eq!(
        h.get_with("/v1/transactions", token).await.status(),
        StatusCode::OK
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn post_body_auth_issues_token() {
    let h = Harness::start().await;
    let (id, secret) = default_client(&h);
    let form = [
        ("grant_type", "client_credentials"),
        ("client_id", id.as_str()),
        ("client_secret", secret.as_str()),
        ("scope", "payments:read"),
    ];
    let response = token_request(&h, &form, None).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["scope"], "payments:read");

    let token = body["access_token"].as_str().unwrap();
    let (status, error) = error_of(h.get_with("/v1/transactions", token).await).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(error["code"], "insufficient_scope");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_errors_follow_rfc6749() {
    let h = Harness::start().await;
    let (id, secret) = default_client(&h);
    type Case<'a> = (
        Vec<(&'a str, &'a str)>,
        Option<(&'a str, &'a str)>,
        StatusCode,
        &'a str,
    );
    let cases: Vec<Case> = vec![
        (
            vec![],
            Some((&id, &secret)),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
        (
            vec![("grant_type", "password")],
            Some((&id, &secret)),
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
        ),
        (
            vec![("grant_type", "client_credentials"), ("scope", "admin:all")],
            Some((&id, &secret)),
            StatusCode::BAD_REQUEST,
            "invalid_scope",
        ),
        (
            vec![("grant_type", "client_credentials")],
            Some((&id, "wrong")),
            StatusCode::UNAUTHORIZED,
            "invalid_client",
        ),
        (
            vec![("grant_type", "client_credentials")],
            None,
            StatusCode::UNAUTHORIZED,
            "invalid_client",
        ),
        (
            vec![("grant_type", "client_credentials"), ("client_id", &id)],
            Some((&id, &secret)),
            StatusCode::BAD_REQUEST,
            "invalid_request",
        ),
    ];
    for (form, basic, expected_status, expected_error) in cases {
        let (status, error) = oauth_error(token_request(&h, &form, basic).await).await;
        assert_eq!(
            status, expected_status,
            "for {expected_error} with {form:?}"
        );
        assert_eq!(error, expected_error, "with {form:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_basic_secret_sends_challenge() {
    let h = Harness::start().await;
    let (id, _) = default_client(&h);
    let response = token_request(
        &h,
        &[("grant_type", "client_credentials")],
        Some((&id, "wrong")),
    )
    .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    let challenge = response.headers()["www-authenticate"].to_str().unwrap();
    assert!(challenge.starts_with("Basic"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_token_request_is_invalid_request() {
    let h = Harness::start().await;
    let response = h
        .client
        .post(h.url("/v1/oauth/token"))
        .json(&json!({"grant_type": "client_credentials"}))
        .send()
        .await
        .unwrap();
    let (status, error) = oauth_error(response).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error, "invalid_request");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_expires_after_ttl() {
    let h = Harness::start().await;
    let client = h
        .admin(
            Method::POST,
            "/_sandbox/oauth_clients",
            Some(json!({"scopes": ["transactions:read"], "token_ttl_seconds": 1})),
        )
        .await;
    let id = client["client_id"].as_str().unwrap();
    let secret = client["client_secret"].as_str().unwrap();
    let response = token_request(
        &h,
        &[("grant_type", "client_credentials")],
        Some((id, secret)),
    )
    .await;
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["expires_in"], 1);
    let token = body["access_token"].as_str().unwrap();
    assert_eq!(
        h.get_with("/v1/transactions", token).await.status(),
        StatusCode::OK
    );

    tokio::time::sleep(Duration::from_millis(1100)).await;
    let (status, error) = error_of(h.get_with("/v1/transactions", token).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["code"], "access_token_expired");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn revoked_client_loses_tokens() {
    let h = Harness::start().await;
    let client = h
        .admin(
            Method::POST,
            "/_sandbox/oauth_clients",
            Some(json!({"scopes": ["events:read"]})),
        )
        .await;
    let id = client["client_id"].as_str().unwrap();
    let secret = client["client_secret"].as_str().unwrap();
    let response = token_request(
        &h,
        &[("grant_type", "client_credentials")],
        Some((id, secret)),
    )
    .await;
    let body: Value = response.json().await.unwrap();
    let token = body["access_token"].as_str().unwrap();

    h.admin(
        Method::POST,
        &format!("/_sandbox/oauth_clients/{id}/revoke"),
        None,
    )
    .await;

    let (status, error) = error_of(h.get_with("/v1/events", token).await).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error["code"], "access_token_invalid");
    let (status, error) = oauth_error(
        token_request(
            &h,
            &[("grant_type", "client_credentials")],
            Some((id, secret)),
        )
        .await,
    )
    .await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(error, "invalid_client");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_requests_are_counted() {
    let h = Harness::start().await;
    let (id, secret) = default_client(&h);
    for _ in 0..2 {
        token_request(
            &h,
            &[("grant_type", "client_credentials")],
            Some((&id, &secret)),
        )
        .await;
    }
    let stats = h.stats().await;
    assert_eq!(stats["token_requests"], 2);
    assert_eq!(stats["token_requests_by_client"][&id], 2);
    assert_eq!(stats["requests"]["POST /v1/oauth/token"], 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_token_request_is_413() {
    let h = Harness::start().await;
    let padding = "a".repeat(100 * 1024);
    let form = [
        ("grant_type", "client_credentials"),
        ("padding", padding.as_str()),
    ];
    let (status, error) = oauth_error(token_request(&h, &form, None).await).await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(error, "invalid_request");
}
