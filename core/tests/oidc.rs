//! The client credentials flow against oidc-provider, an OAuth 2.0 server
//! nobody on this project wrote. The test command installs it with
//! `npm ci --prefix core/tests/oidc` and sets `RTF_OIDC_SERVER_DIR` to that
//! folder; without the variable the test prints a skip line and passes.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::Duration;

use realtime_finance::{Client, ClientAuthMethod, ClientCredentials, SecretString};

/// Token lifetime on the server; the client refreshes after half of it.
const TOKEN_TTL_SECONDS: u64 = 2;

struct OidcServer {
    child: Child,
    port: u16,
    grants: Arc<AtomicU64>,
}

impl Drop for OidcServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(dir: &str) -> OidcServer {
    let mut child = Command::new("node")
        .arg("server.mjs")
        .arg(TOKEN_TTL_SECONDS.to_string())
        .current_dir(dir)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("node starts; install Node.js 20 or later");
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first: serde_json::Value = serde_json::from_str(&lines.next().unwrap().unwrap()).unwrap();
    let port = first["port"].as_u64().unwrap() as u16;

    let grants = Arc::new(AtomicU64::new(0));
    let counter = grants.clone();
    std::thread::spawn(move || {
        for line in lines.map_while(Result::ok) {
            if line.contains("\"grant\"") {
                counter.fetch_add(1, Ordering::SeqCst);
            }
        }
    });
    OidcServer {
        child,
        port,
        grants,
    }
}

#[tokio::test]
async fn oidc_provider_token_cached_and_refreshed() {
    let Ok(dir) = std::env::var("RTF_OIDC_SERVER_DIR") else {
        eprintln!("SKIP oidc_provider_token_cached_and_refreshed: set RTF_OIDC_SERVER_DIR to core/tests/oidc after npm ci there");
        return;
    };
    let server = tokio::task::spawn_blocking(move || start(&dir))
        .await
        .unwrap();
    let base = format!("http://127.0.0.1:{}", server.port);
    let client = Client::builder()
        .ignore_environment_variables()
        .base_url(&base)
        .client_credentials(ClientCredentials {
            client_id: "rtf-test-client".into(),
            client_secret: SecretString::from("rtf-test-secret-not-used-anywhere-else"),
            scopes: vec!["transactions:read".into()],
            token_url: Some(format!("{base}/token")),
            auth_method: ClientAuthMethod::ClientSecretBasic,
        })
        .build()
        .unwrap();

    let first = client.access_token().await.unwrap().unwrap();
    let cached = client.access_token().await.unwrap().unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;
    let grants_before_expiry = server.grants.load(Ordering::SeqCst);
    tokio::time::sleep(Duration::from_secs(TOKEN_TTL_SECONDS)).await;
    let refreshed = client.access_token().await.unwrap().unwrap();
    tokio::time::sleep(Duration::from_millis(200)).await;

    assert!(!first.expose_secret().is_empty());
    assert!(first == cached, "the second call reused the cached token");
    assert_eq!(grants_before_expiry, 1);
    assert!(first != refreshed, "a new token after expiry");
    assert_eq!(server.grants.load(Ordering::SeqCst), 2);
}
