//! The local Developer Sandbox: a server that speaks the whole Real Time
//! Finance API (`docs/api.md`, `sandbox/openapi.json`) on loopback, for the
//! SDK test suites, the demo and the benchmarks.
//!
//! ```no_run
//! # async fn example() -> Result<(), realtime_finance_sandbox::StartError> {
//! let sandbox = realtime_finance_sandbox::start(Default::default()).await?;
//! println!("{}", sandbox.base_url());
//! sandbox.shutdown().await;
//! # Ok(()) }
//! ```
//!
//! It does not depend on the core SDK crate: it implements the contract on
//! its own, so a bug shared by server and client cannot hide.

mod admin;
mod app;
mod auth;
mod body;
mod config;
mod errors;
mod faults;
mod fraud;
mod idempotency;
mod ids;
mod oauth;
mod params;
mod rate_limit;
mod request_id;
mod routes;
mod scopes;
mod seed;
mod server;
mod state;
mod stats;
mod store;
mod tls;
mod webhooks;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use serde::Serialize;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

pub use config::SandboxConfig;
pub use seed::{NEWEST_CREATED, TRANSACTION_COUNT};

/// The OpenAPI 3.1 description served at `GET /v1/openapi.json`.
pub const OPENAPI_JSON: &str = include_str!("../openapi.json");

/// Time [`RunningSandbox::shutdown`] waits for open requests and webhook
/// attempts before it drops them.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Credentials of a started sandbox: the fields of the JSON line that
/// `rtf sandbox` prints first. Every value is freshly random on each start.
#[derive(Clone, Serialize)]
pub struct SandboxCredentials {
    pub base_url: String,
    /// `sk_test_` key with every scope.
    pub secret_key: String,
    /// `pk_test_` key; every `/v1/` call rejects it with `secret_key_required`.
    pub publishable_key: String,
    /// OAuth client with every scope and the configured token lifetime.
    pub client_id: String,
    pub client_secret: String,
    /// `whsec_` secret that `POST /_sandbox/webhooks/sign` signs with.
    /// Endpoints registered with `POST /v1/webhook_endpoints` get their own.
    pub webhook_secret: String,
    /// Bearer token of the `/_sandbox/` admin API.
    pub admin_token: String,
    /// Path of the CA certificate (PEM) to trust with `tls`, else `None`.
    pub ca_cert: Option<PathBuf>,
}

impl std::fmt::Debug for SandboxCredentials {
    // Secrets stay out of logs and panic messages.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SandboxCredentials")
            .field("base_url", &self.base_url)
            .field("client_id", &self.client_id)
            .field("ca_cert", &self.ca_cert)
            .finish_non_exhaustive()
    }
}

/// Error returned by [`start`].
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("failed to bind {addr}: {source}")]
    Bind {
        addr: SocketAddr,
        #[source]
        source: std::io::Error,
    },
    #[error("failed to set up TLS: {0}")]
    Tls(String),
    #[error("failed to build the webhook HTTP client: {0}")]
    Http(String),
    #[error("I/O error: {0}")]
    Io(#[source] std::io::Error),
}

/// A sandbox serving on the current tokio runtime until [`shutdown`] is
/// called or it is dropped.
///
/// [`shutdown`]: RunningSandbox::shutdown
pub struct RunningSandbox {
    credentials: SandboxCredentials,
    local_addr: SocketAddr,
    ca_pem: Option<String>,
    tls_dir: Option<PathBuf>,
    shutdown: CancellationToken,
    tasks: TaskTracker,
}

impl RunningSandbox {
    pub fn credentials(&self) -> &SandboxCredentials {
        &self.credentials
    }

    /// `http://127.0.0.1:PORT` or `https://localhost:PORT`, without a
    /// trailing slash.
    pub fn base_url(&self) -> &str {
        &self.credentials.base_url
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Returns the PEM of the CA certificate to trust when the sandbox serves
    /// TLS.
    pub fn ca_cert_pem(&self) -> Option<&str> {
        self.ca_pem.as_deref()
    }

    /// Stops accepting connections, lets open requests finish for up to 5
    /// seconds, stops background work and removes the temporary CA file.
    pub async fn shutdown(mut self) {
        self.shutdown.cancel();
        self.tasks.close();
        if tokio::time::timeout(SHUTDOWN_GRACE, self.tasks.wait())
            .await
            .is_err()
        {
            tracing::warn!("shutdown grace period ended with requests still open");
        }
        if let Some(dir) = self.tls_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
        tracing::info!(addr = %self.local_addr, "sandbox stopped");
    }
}

impl Drop for RunningSandbox {
    fn drop(&mut self) {
        self.shutdown.cancel();
        if let Some(dir) = self.tls_dir.take() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

/// Binds `config.host:config.port` and starts serving on the current tokio
/// runtime. Returns once the socket is bound.
pub async fn start(config: SandboxConfig) -> Result<RunningSandbox, StartError> {
    let addr = SocketAddr::new(config.host, config.port);
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| StartError::Bind { addr, source })?;
    let local_addr = listener.local_addr().map_err(StartError::Io)?;

    let tls = if config.tls {
        Some(tls::generate()?)
    } else {
        None
    };
    let base_url = match (&tls, local_addr.ip()) {
        (Some(_), ip) if ip.is_loopback() => format!("https://localhost:{}", local_addr.port()),
        (Some(_), _) => format!("https://{local_addr}"),
        (None, _) => format!("http://{local_addr}"),
    };

    let mut keys = auth::KeyStore::default();
    let secret_key = keys.create(scopes::Scope::ALL.to_vec()).secret_key;
    let mut oauth = oauth::OAuthStore::default();
    let client = oauth.create_client(scopes::Scope::ALL.to_vec(), config.token_ttl);
    let mut store = store::Store::default();
    seed::seed(&mut store);
    let admin_token = ids::random_id("adm_", 40);
    let webhook_secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(ids::random_bytes(32))
    );

    let shutdown = CancellationToken::new();
    let tasks = TaskTracker::new();
    let state = Arc::new(state::AppState {
        keys: Mutex::new(keys),
        oauth: Mutex::new(oauth),
        store: Mutex::new(store),
        idempotency: Default::default(),
        faults: Default::default(),
        stats: Default::default(),
        rate_limiter: rate_limit::RateLimiter::new(config.rate_limit_per_second),
        webhooks: webhooks::Webhooks::new(config.webhook_timeout)
            .map_err(|error| StartError::Http(error.to_string()))?,
        webhook_secret: webhook_secret.clone(),
        admin_token_digest: ids::digest(&admin_token),
        shutdown: shutdown.clone(),
        tasks: tasks.clone(),
        config,
    });

    let credentials = SandboxCredentials {
        base_url,
        secret_key,
        publishable_key: ids::random_id("pk_test_", 32),
        client_id: client.client_id,
        client_secret: client.client_secret,
        webhook_secret,
        admin_token,
        ca_cert: tls.as_ref().map(|t| t.ca_path.clone()),
    };

    tasks.spawn(webhooks::run_worker(state.clone()));
    let accept = server::AcceptLoop {
        listener,
        router: app::router(state.clone()),
        tls: tls
            .as_ref()
            .map(|t| tokio_rustls::TlsAcceptor::from(t.server_config.clone())),
        shutdown: shutdown.clone(),
        connections: tasks.clone(),
    };
    tasks.spawn(accept.run());
    tracing::info!(addr = %local_addr, tls = tls.is_some(), "sandbox listening");

    Ok(RunningSandbox {
        credentials,
        local_addr,
        ca_pem: tls.as_ref().map(|t| t.ca_pem.clone()),
        tls_dir: tls.map(|t| t.dir),
        shutdown,
        tasks,
    })
}
