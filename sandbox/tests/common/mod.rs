//! Helpers shared by the integration tests: each test starts its own
//! sandbox in-process on an ephemeral loopback port and talks to it over
//! real sockets.

#![allow(dead_code)]

use std::time::Duration;

use realtime_finance_sandbox::{RunningSandbox, SandboxConfig};
use reqwest::{Client, Response, StatusCode};
use serde_json::{json, Value};

pub struct Harness {
    pub sandbox: RunningSandbox,
    pub client: Client,
}

impl Harness {
    pub async fn start() -> Harness {
        Harness::with_config(SandboxConfig {
            settle_delay: Duration::from_millis(200),
            ..SandboxConfig::default()
        })
        .await
    }

    pub async fn with_config(config: SandboxConfig) -> Harness {
        let sandbox = realtime_finance_sandbox::start(config)
            .await
            .expect("sandbox starts");
        let client = Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(20))
            .build()
            .expect("client builds");
        Harness { sandbox, client }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.sandbox.base_url(), path)
    }

    pub fn key(&self) -> &str {
        &self.sandbox.credentials().secret_key
    }

    pub async fn get(&self, path: &str) -> Response {
        self.get_with(path, self.key()).await
    }

    pub async fn get_with(&self, path: &str, credential: &str) -> Response {
        self.client
            .get(self.url(path))
            .bearer_auth(credential)
            .send()
            .await
            .expect("GET succeeds at the transport level")
    }

    pub async fn post(&self, path: &str, body: &Value) -> Response {
        self.post_with(path, self.key(), body).await
    }

    pub async fn post_with(&self, path: &str, credential: &str, body: &Value) -> Response {
        self.client
            .post(self.url(path))
            .bearer_auth(credential)
            .json(body)
            .send()
            .await
            .expect("POST succeeds at the transport level")
    }

    /// Calls the admin API and returns the JSON body, asserting a 200.
    pub async fn admin(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let mut request = self
            .client
            .request(method, self.url(path))
            .bearer_auth(&self.sandbox.credentials().admin_token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("admin call is sent");
        let status = response.status();
        let body: Value = response.json().await.expect("admin answers JSON");
        assert_eq!(status, StatusCode::OK, "admin {path} failed: {body}");
        body
    }

    pub async fn create_key(&self, scopes: &[&str]) -> Value {
        self.admin(
            reqwest::Method::POST,
            "/_sandbox/keys",
            Some(json!({"scopes": scopes})),
        )
        .await
    }

    pub async fn add_fault(&self, fault: Value) -> Value {
        self.admin(reqwest::Method::POST, "/_sandbox/faults", Some(fault))
            .await
    }

    pub async fn stats(&self) -> Value {
        self.admin(reqwest::Method::GET, "/_sandbox/stats", None)
            .await
    }
}

pub fn payment_body() -> Value {
    json!({
        "amount": 2500,
        "currency": "EUR",
        "source_account": "acct_alice",
        "destination_account": "acct_bob",
        "description": "Invoice 42",
        "metadata": {"order": "42"}
    })
}

/// Reads a response that must be an error envelope and checks its shape,
/// returning `(status, error object)`.
pub async fn error_of(response: Response) -> (StatusCode, Value) {
    let status = response.status();
    let request_id = response
        .headers()
        .get("request-id")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let body: Value = response.json().await.expect("error body is JSON");
    let error = body["error"].clone();
    assert!(error.is_object(), "no error object in {body}");
    assert!(error["type"].is_string(), "error.type missing in {body}");
    assert!(
        error["message"].is_string(),
        "error.message missing in {body}"
    );
    assert_eq!(
        error["request_id"].as_str(),
        request_id.as_deref(),
        "error.request_id differs from the Request-Id header"
    );
    (status, error)
}

/// Polls `check` every 50 ms until it returns `Some` or `timeout` passes.
pub async fn eventually<T, F, Fut>(timeout: Duration, mut check: F) -> Option<T>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    let deadline = tokio::time::Instant::now() + timeout;
    loop {
        if let Some(value) = check().await {
            return Some(value);
        }
        if tokio::time::Instant::now() >= deadline {
            return None;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
