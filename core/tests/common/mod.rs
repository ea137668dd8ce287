//! Helpers shared by the integration tests: each test starts its own
//! sandbox in-process on an ephemeral loopback port and talks to it over
//! real sockets, through the SDK and, for setup and counters, through the
//! sandbox's admin API.

#![allow(dead_code)]

use std::time::Duration;

use realtime_finance::{Client, ClientAuthMethod, ClientBuilder, ClientCredentials, SecretString};
use realtime_finance_sandbox::{RunningSandbox, SandboxConfig};
use serde_json::{json, Value};

/// The newest seeded transaction id is not part of the sandbox's public
/// API, so tests take a real id from the first page of the list.
pub struct Sandbox {
    pub running: RunningSandbox,
    admin: reqwest::Client,
}

impl Sandbox {
    pub async fn start() -> Sandbox {
        Sandbox::with_config(SandboxConfig {
            settle_delay: Duration::from_millis(200),
            ..SandboxConfig::default()
        })
        .await
    }

    pub async fn with_config(config: SandboxConfig) -> Sandbox {
        let running = realtime_finance_sandbox::start(config)
            .await
            .expect("sandbox starts");
        let mut admin = reqwest::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(20));
        if let Some(pem) = running.ca_cert_pem() {
            admin =
                admin.add_root_certificate(reqwest::Certificate::from_pem(pem.as_bytes()).unwrap());
        }
        Sandbox {
            running,
            admin: admin.build().unwrap(),
        }
    }

    pub fn base_url(&self) -> &str {
        self.running.base_url()
    }

    pub fn secret_key(&self) -> &str {
        &self.running.credentials().secret_key
    }

    /// A builder with the sandbox's secret key and base URL, ignoring the
    /// `REALTIME_FINANCE_*` variables of the machine running the tests.
    pub fn builder(&self) -> ClientBuilder {
        Client::builder()
            .ignore_environment_variables()
            .base_url(self.base_url())
            .api_key(self.secret_key())
    }

    pub fn client(&self) -> Client {
        self.builder().build().expect("client builds")
    }

    /// A builder authenticating with the given OAuth client.
    pub fn oauth_builder(&self, client_id: &str, client_secret: &str) -> ClientBuilder {
        Client::builder()
            .ignore_environment_variables()
            .base_url(self.base_url())
            .client_credentials(ClientCredentials {
                client_id: client_id.to_owned(),
                client_secret: SecretString::from(client_secret),
                scopes: Vec::new(),
                token_url: None,
                auth_method: ClientAuthMethod::ClientSecretBasic,
            })
    }

    /// Creates an OAuth client whose tokens live `ttl_seconds`; returns its
    /// id and secret.
    pub async fn oauth_client(&self, ttl_seconds: u64) -> (String, String) {
        let created = self
            .admin(
                "POST",
                "/_sandbox/oauth_clients",
                Some(json!({"token_ttl_seconds": ttl_seconds})),
            )
            .await;
        (
            created["client_id"].as_str().unwrap().to_owned(),
            created["client_secret"].as_str().unwrap().to_owned(),
        )
    }

    /// Creates an API key with `scopes`; returns the `sk_test_` secret.
    pub async fn api_key(&self, scopes: &[&str]) -> String {
        let created = self
            .admin("POST", "/_sandbox/keys", Some(json!({"scopes": scopes})))
            .await;
        created["secret_key"].as_str().unwrap().to_owned()
    }

    /// Injects a fault (see the sandbox's `/_sandbox/faults`).
    pub async fn fault(&self, fault: Value) {
        self.admin("POST", "/_sandbox/faults", Some(fault)).await;
    }

    pub async fn stats(&self) -> Value {
        self.admin("GET", "/_sandbox/stats", None).await
    }

    /// Requests counted on a route template, such as `GET /v1/transactions/{id}`.
    pub async fn requests(&self, route: &str) -> u64 {
        self.stats().await["requests"][route].as_u64().unwrap_or(0)
    }

    pub async fn token_requests(&self) -> u64 {
        self.stats().await["token_requests"].as_u64().unwrap()
    }

    pub async fn admin(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let mut request = self
            .admin
            .request(method, format!("{}{}", self.base_url(), path))
            .bearer_auth(&self.running.credentials().admin_token);
        if let Some(body) = body {
            request = request.json(&body);
        }
        let response = request.send().await.expect("admin request is answered");
        let status = response.status();
        let body: Value = response.json().await.expect("admin response is JSON");
        assert!(
            status.is_success(),
            "admin {path} failed with {status}: {body}"
        );
        body
    }

    /// The id of the newest seeded transaction.
    pub async fn first_transaction_id(&self) -> String {
        let page = self
            .client()
            .transactions()
            .list_page(&Default::default(), &Default::default())
            .await
            .expect("first page");
        page.data[0].id.clone()
    }
}
