//! Rust core of the Real Time Finance SDKs.
//!
//! One library does authentication (API keys and OAuth 2.0 client
//! credentials with a shared token cache), retries with backoff and
//! idempotency keys, typed errors, the API calls and webhook verification.
//! The Python, Node.js, Java, PHP and Ruby SDKs are thin bindings over it.
//!
//! ```no_run
//! # async fn demo() -> realtime_finance::Result<()> {
//! use realtime_finance::{Client, RequestOptions};
//!
//! let client = Client::builder().api_key("sk_test_...").base_url("http://127.0.0.1:8787").build()?;
//! let transaction = client.transactions().retrieve("txn_0001", &RequestOptions::default()).await?;
//! println!("{} {}", transaction.amount, transaction.currency);
//! # Ok(())
//! # }
//! ```

mod auth;
pub mod blocking;
mod client;
mod config;
mod error;
mod http;
mod options;
pub mod pagination;
mod request;
pub mod resources;
mod retry;
pub mod runtime;
mod secret;
mod settings;
pub mod webhook;

pub use client::Client;
pub use config::{
    ClientAuthMethod, ClientBuilder, ClientCredentials, Credentials, Environment,
    DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, ENV_BASE_URL, ENV_CLIENT_ID,
    ENV_CLIENT_SECRET, ENV_SECRET_KEY, LIVE_BASE_URL, RETRY_AFTER_MAX, RETRY_BASE_DELAY,
    RETRY_MAX_DELAY, SANDBOX_BASE_URL,
};
pub use error::{Error, ErrorKind, Result};
pub use options::{duration_from_seconds, ClientOptions};
pub use pagination::Paginator;
pub use request::RequestOptions;
pub use resources::*;
pub use secret::SecretString;
pub use webhook::Webhook;

/// The SDK's version, sent in the `User-Agent`.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
