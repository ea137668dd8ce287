//! Client settings: credentials, environment, timeouts, retries.
//!
//! Every default lives here, and every binding uses these defaults rather
//! than its own, so the five SDKs behave the same.

use std::time::Duration;

use crate::client::Client;
use crate::error::Result;
use crate::secret::SecretString;

/// Retries after the first attempt, in every language, unless overridden.
pub const DEFAULT_MAX_RETRIES: u32 = 2;
/// Total time budget of one call across attempts and backoff.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
/// Time allowed to open a TCP (and TLS) connection.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Upper bound of the first backoff wait. Each retry doubles the bound,
/// and the wait is drawn uniformly from zero to the bound (full jitter).
pub const RETRY_BASE_DELAY: Duration = Duration::from_millis(500);
/// Largest bound of one backoff wait, reached on the fifth retry.
pub const RETRY_MAX_DELAY: Duration = Duration::from_secs(8);
/// Longest `Retry-After` the client waits for. A longer one, or one beyond
/// the call's remaining time budget, ends the call with the error, whose
/// `retry_after` carries the server's value.
pub const RETRY_AFTER_MAX: Duration = Duration::from_secs(60);

/// Base URL of [`Environment::Live`].
pub const LIVE_BASE_URL: &str = "https://api.realtimefinance.com";
/// Base URL of [`Environment::Sandbox`], the hosted test mode.
pub const SANDBOX_BASE_URL: &str = "https://sandbox.realtimefinance.com";

/// Environment variable holding the secret API key.
pub const ENV_SECRET_KEY: &str = "REALTIME_FINANCE_SECRET_KEY";
/// Environment variable holding the OAuth client id.
pub const ENV_CLIENT_ID: &str = "REALTIME_FINANCE_CLIENT_ID";
/// Environment variable holding the OAuth client secret.
pub const ENV_CLIENT_SECRET: &str = "REALTIME_FINANCE_CLIENT_SECRET";
/// Environment variable holding a custom base URL.
pub const ENV_BASE_URL: &str = "REALTIME_FINANCE_BASE_URL";

/// A hosted Real Time Finance environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Environment {
    /// Test mode: accepts only `sk_test_` keys and moves no real money.
    Sandbox,
    /// Production: accepts only `sk_live_` keys.
    Live,
}

impl Environment {
    /// The environment's base URL, without a trailing slash.
    pub fn base_url(self) -> &'static str {
        match self {
            Environment::Sandbox => SANDBOX_BASE_URL,
            Environment::Live => LIVE_BASE_URL,
        }
    }
}

/// The credential that authenticates each API call.
#[derive(Debug, Clone)]
pub enum Credentials {
    /// A secret API key, sent as `Authorization: Bearer <key>`.
    ApiKey(SecretString),
    /// OAuth 2.0 client credentials (RFC 6749 section 4.4); the client
    /// fetches and caches access tokens itself.
    ClientCredentials(ClientCredentials),
}

/// OAuth 2.0 client credentials and how to present them.
#[derive(Debug, Clone)]
pub struct ClientCredentials {
    pub client_id: String,
    pub client_secret: SecretString,
    /// Scopes to request, sent space-separated; empty requests the client's
    /// default set.
    pub scopes: Vec<String>,
    /// Token endpoint; `None` uses `{base_url}/v1/oauth/token`.
    pub token_url: Option<String>,
    pub auth_method: ClientAuthMethod,
}

/// The way the client secret reaches the token endpoint (RFC 6749 section 2.3.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum ClientAuthMethod {
    /// HTTP Basic with the URL-encoded id and secret (the default).
    #[default]
    ClientSecretBasic,
    /// `client_id` and `client_secret` in the form body.
    ClientSecretPost,
}

/// Builds a [`Client`]. Explicit settings win over environment variables,
/// which win over defaults.
#[derive(Debug, Clone, Default)]
pub struct ClientBuilder {
    pub(crate) credentials: Option<Credentials>,
    pub(crate) environment: Option<Environment>,
    pub(crate) base_url: Option<String>,
    pub(crate) timeout: Option<Duration>,
    pub(crate) connect_timeout: Option<Duration>,
    pub(crate) max_retries: Option<u32>,
    pub(crate) ca_certificate_pem: Option<Vec<u8>>,
    pub(crate) language: Option<(String, String)>,
    pub(crate) read_environment: bool,
}

impl ClientBuilder {
    /// Starts a builder that reads the `REALTIME_FINANCE_*` environment
    /// variables for anything not set explicitly.
    pub fn new() -> Self {
        ClientBuilder {
            read_environment: true,
            ..ClientBuilder::default()
        }
    }

    /// Authenticates with a secret API key (`sk_test_…` or `sk_live_…`).
    pub fn api_key(mut self, key: impl Into<SecretString>) -> Self {
        self.credentials = Some(Credentials::ApiKey(key.into()));
        self
    }

    /// Authenticates with OAuth 2.0 client credentials.
    pub fn client_credentials(mut self, credentials: ClientCredentials) -> Self {
        self.credentials = Some(Credentials::ClientCredentials(credentials));
        self
    }

    /// Chooses a hosted environment; checked against the key's prefix.
    pub fn environment(mut self, environment: Environment) -> Self {
        self.environment = Some(environment);
        self
    }

    /// Sends requests to this base URL (such as a local sandbox's) instead of
    /// an environment's. `https` is required except on loopback hosts.
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.base_url = Some(base_url.into());
        self
    }

    /// Total time budget of one call across all attempts (default 60 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Time allowed to open a connection (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// Retries after the first attempt (default 2).
    pub fn max_retries(mut self, max_retries: u32) -> Self {
        self.max_retries = Some(max_retries);
        self
    }

    /// Trusts this PEM certificate (or bundle) in addition to the system roots.
    pub fn ca_certificate_pem(mut self, pem: impl Into<Vec<u8>>) -> Self {
        self.ca_certificate_pem = Some(pem.into());
        self
    }

    /// Names the calling language for the `User-Agent`, as in
    /// `("python", "3.11.7")`. Set by the bindings.
    pub fn language(mut self, name: impl Into<String>, version: impl Into<String>) -> Self {
        self.language = Some((name.into(), version.into()));
        self
    }

    /// Ignores the `REALTIME_FINANCE_*` environment variables.
    pub fn ignore_environment_variables(mut self) -> Self {
        self.read_environment = false;
        self
    }

    /// Validates the settings and builds the client. No request is sent.
    ///
    /// Errors (`Configuration`): no credentials, a publishable key, an
    /// `http` URL on a non-loopback host, a test key with the live
    /// environment or a live key with the sandbox, or an unparsable URL or
    /// CA certificate. After `fork()` a client keeps working in the child:
    /// it opens new connections there instead of reusing the parent's.
    pub fn build(self) -> Result<Client> {
        Client::from_builder(self)
    }
}
