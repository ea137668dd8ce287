//! Client settings as plain data: the form in which every binding hands its
//! language's keyword arguments or options object to the core.
//!
//! The bindings only copy values into [`ClientOptions`]; the rules about how
//! the values combine (an API key or client credentials but not both, the
//! names of environments and authentication methods, reading a CA file)
//! live here, so
//! the five SDKs accept and reject the same settings with the same messages.
//! Field names in messages are the snake_case names below; each binding
//! documents its own spelling of them.

use std::path::PathBuf;
use std::str::FromStr;
use std::time::Duration;

use crate::client::Client;
use crate::config::{ClientAuthMethod, ClientBuilder, ClientCredentials, Environment};
use crate::error::{Error, Result};
use crate::secret::SecretString;

/// Client settings, each `None` when the caller did not give it.
///
/// Unset values fall back to the `REALTIME_FINANCE_*` environment variables
/// (unless `ignore_environment` is set) and then to the defaults in
/// [`crate::config`].
#[derive(Debug, Clone, Default)]
pub struct ClientOptions {
    /// Secret API key (`sk_test_…` or `sk_live_…`).
    pub api_key: Option<SecretString>,
    /// OAuth 2.0 client id; needs `client_secret`.
    pub client_id: Option<String>,
    /// OAuth 2.0 client secret; needs `client_id`.
    pub client_secret: Option<SecretString>,
    /// OAuth scopes to request.
    pub scopes: Option<Vec<String>>,
    /// OAuth token endpoint, when it is not the API's `/v1/oauth/token`.
    pub token_url: Option<String>,
    /// `"client_secret_basic"` (the default) or `"client_secret_post"`.
    pub client_auth_method: Option<String>,
    /// `"sandbox"` or `"live"`.
    pub environment: Option<String>,
    /// A custom base URL, such as a local sandbox's.
    pub base_url: Option<String>,
    /// Total time budget of one call across all attempts.
    pub timeout: Option<Duration>,
    /// Time allowed to open a connection.
    pub connect_timeout: Option<Duration>,
    /// Retries after the first attempt.
    pub max_retries: Option<u32>,
    /// Path of a PEM file with extra CA certificates to trust; may be
    /// combined with `ca_cert_pem`.
    pub ca_cert_path: Option<PathBuf>,
    /// Extra CA certificates to trust, as PEM text.
    pub ca_cert_pem: Option<Vec<u8>>,
    /// The calling language and its version, for the `User-Agent`.
    pub language: Option<(String, String)>,
    /// Ignore the `REALTIME_FINANCE_*` environment variables.
    pub ignore_environment: bool,
}

impl ClientOptions {
    /// Checks how the settings combine and turns them into a builder. No
    /// request is sent and no environment variable is read yet.
    ///
    /// Errors (`Configuration`): an API key together with any OAuth setting
    /// (`client_id`, `client_secret`, `scopes`, `token_url`,
    /// `client_auth_method`), an unknown environment or authentication
    /// method, or an unreadable CA file. A client id or secret that neither
    /// the options nor the environment supply fails in [`ClientBuilder::build`].
    pub fn into_builder(self) -> Result<ClientBuilder> {
        let mut builder = ClientBuilder::new();
        if self.ignore_environment {
            builder = builder.ignore_environment_variables();
        }

        // Any OAuth setting selects client credentials; an id or secret left
        // out here is filled from the environment variables, or reported
        // missing, when the builder resolves its settings.
        let oauth_setting = [
            self.client_id.as_ref().map(|_| "client_id"),
            self.client_secret.as_ref().map(|_| "client_secret"),
            self.scopes.as_ref().map(|_| "scopes"),
            self.token_url.as_ref().map(|_| "token_url"),
            self.client_auth_method
                .as_ref()
                .map(|_| "client_auth_method"),
        ]
        .into_iter()
        .flatten()
        .next();

        builder = match (self.api_key, oauth_setting) {
            (Some(_), Some(setting)) => {
                return Err(Error::configuration(format!(
                    "both api_key and the OAuth setting {setting} were given; \
                     pass either api_key, or client_id with client_secret"
                )))
            }
            (Some(key), None) => builder.api_key(key),
            (None, Some(_)) => {
                let auth_method = match &self.client_auth_method {
                    Some(name) => name.parse()?,
                    None => ClientAuthMethod::default(),
                };
                builder.client_credentials(ClientCredentials {
                    client_id: self.client_id.unwrap_or_default(),
                    client_secret: self.client_secret.unwrap_or_else(|| SecretString::from("")),
                    scopes: self.scopes.unwrap_or_default(),
                    token_url: self.token_url,
                    auth_method,
                })
            }
            (None, None) => builder,
        };

        if let Some(name) = &self.environment {
            builder = builder.environment(name.parse()?);
        }
        if let Some(base_url) = self.base_url {
            builder = builder.base_url(base_url);
        }
        if let Some(timeout) = self.timeout {
            builder = builder.timeout(timeout);
        }
        if let Some(timeout) = self.connect_timeout {
            builder = builder.connect_timeout(timeout);
        }
        if let Some(max_retries) = self.max_retries {
            builder = builder.max_retries(max_retries);
        }
        // Both settings may be given: PEM bundles concatenate, so the
        // client trusts the certificates of both.
        let mut ca_bundle = match &self.ca_cert_path {
            Some(path) => read_ca_file(path)?,
            None => Vec::new(),
        };
        if let Some(pem) = self.ca_cert_pem {
            ca_bundle.push(b'\n');
            ca_bundle.extend_from_slice(&pem);
        }
        if !ca_bundle.is_empty() {
            builder = builder.ca_certificate_pem(ca_bundle);
        }
        if let Some((name, version)) = self.language {
            builder = builder.language(name, version);
        }
        Ok(builder)
    }

    /// Checks the settings and builds the client; see
    /// [`ClientOptions::into_builder`] and [`ClientBuilder::build`].
    pub fn build(self) -> Result<Client> {
        self.into_builder()?.build()
    }
}

/// Converts a duration in seconds, as Python, Ruby and PHP pass it.
///
/// Errors (`Configuration`): negative, not finite, or too large.
pub fn duration_from_seconds(setting: &str, seconds: f64) -> Result<Duration> {
    Duration::try_from_secs_f64(seconds).map_err(|_| {
        Error::configuration(format!(
            "{setting} must be zero or a positive number of seconds, got {seconds}"
        ))
    })
}

fn read_ca_file(path: &PathBuf) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|error| {
        Error::configuration(format!(
            "failed to read the CA certificate file {}: {error}; pass the path of a PEM file",
            path.display()
        ))
    })
}

impl FromStr for Environment {
    type Err = Error;

    /// Parses `"sandbox"` or `"live"`.
    fn from_str(name: &str) -> Result<Environment> {
        match name {
            "sandbox" => Ok(Environment::Sandbox),
            "live" => Ok(Environment::Live),
            other => Err(Error::configuration(format!(
                "environment {other:?} is invalid; use \"sandbox\" or \"live\""
            ))),
        }
    }
}

impl FromStr for ClientAuthMethod {
    type Err = Error;

    /// Parses `"client_secret_basic"` or `"client_secret_post"`.
    fn from_str(name: &str) -> Result<ClientAuthMethod> {
        match name {
            "client_secret_basic" => Ok(ClientAuthMethod::ClientSecretBasic),
            "client_secret_post" => Ok(ClientAuthMethod::ClientSecretPost),
            other => Err(Error::configuration(format!(
                "client_auth_method {other:?} is invalid; use \"client_secret_basic\" or \"client_secret_post\""
            ))),
        }
    }
}
