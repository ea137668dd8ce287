//! Resolution of a [`ClientBuilder`] into checked settings: explicit values,
//! then `REALTIME_FINANCE_*` environment variables, then defaults.
//!
//! Every check that must fail before any request (credentials present, URL
//! scheme, key against environment) runs here or in [`crate::auth`].

use std::net::IpAddr;
use std::time::Duration;

use url::{Host, Url};

use crate::auth::api_key;
use crate::config::{
    ClientBuilder, ClientCredentials, Credentials, Environment, DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, ENV_BASE_URL, ENV_CLIENT_ID, ENV_CLIENT_SECRET,
    ENV_SECRET_KEY,
};
use crate::error::{Error, Result};
use crate::secret::SecretString;

/// Checked client settings.
#[derive(Debug, Clone)]
pub(crate) struct Settings {
    pub base_url: Url,
    /// `base_url` as text without the trailing slash, for [`crate::Client::base_url`].
    pub base_url_text: String,
    /// The hosted environment that keys are checked against; `None` for a
    /// loopback base URL or a custom host that names no environment.
    pub environment: Option<Environment>,
    /// Whether `base_url` is on a loopback host (the local sandbox).
    pub loopback: bool,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    pub ca_certificate_pem: Option<Vec<u8>>,
    pub user_agent: String,
}

/// Resolves and checks `builder`, returning the settings and credentials.
pub(crate) fn resolve(builder: ClientBuilder) -> Result<(Settings, Credentials)> {
    let env = |name: &str| builder.read_environment.then(|| read_env(name)).flatten();

    let credentials = match builder.credentials.clone() {
        Some(Credentials::ClientCredentials(credentials)) => {
            Credentials::ClientCredentials(fill_client_credentials(credentials, &env)?)
        }
        Some(credentials) => credentials,
        None => credentials_from_env(&env)?,
    };

    let (base_url_text, explicit_environment) = match (&builder.base_url, builder.environment) {
        (Some(url), environment) => (url.clone(), environment),
        (None, Some(environment)) => (environment.base_url().to_owned(), Some(environment)),
        (None, None) => match env(ENV_BASE_URL) {
            Some(url) => (url, None),
            None => {
                let environment = environment_from_credentials(&credentials)?;
                (environment.base_url().to_owned(), Some(environment))
            }
        },
    };

    let base_url = parse_service_url("base URL", &base_url_text)?;
    let loopback = is_loopback(&base_url);
    let environment = if loopback {
        None
    } else {
        hosted_environment(&base_url).or(explicit_environment)
    };

    match &credentials {
        Credentials::ApiKey(key) => api_key::check(key, environment)?,
        Credentials::ClientCredentials(credentials) => check_client_credentials(credentials)?,
    }

    let settings = Settings {
        base_url_text: base_url.as_str().trim_end_matches('/').to_owned(),
        base_url,
        environment,
        loopback,
        timeout: builder.timeout.unwrap_or(DEFAULT_TIMEOUT),
        connect_timeout: builder.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT),
        max_retries: builder.max_retries.unwrap_or(DEFAULT_MAX_RETRIES),
        ca_certificate_pem: builder.ca_certificate_pem.clone(),
        user_agent: user_agent(builder.language.as_ref()),
    };
    check_durations(&settings)?;
    Ok((settings, credentials))
}

/// Parses a base or token URL: `https`, or `http` on a loopback host only.
///
/// Errors (`Configuration`): unparsable, another scheme, no host, or plain
/// `http` to a host that is not loopback.
pub(crate) fn parse_service_url(what: &str, text: &str) -> Result<Url> {
    let url = Url::parse(text).map_err(|error| {
        Error::configuration(format!(
            "invalid {what} {text:?}: {error}; pass an absolute URL such as \"https://api.realtimefinance.com\""
        ))
    })?;

    if url.host().is_none() {
        return Err(Error::configuration(format!(
            "invalid {what} {text:?}: it has no host"
        )));
    }

    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback(&url) => Ok(url),
        "http" => Err(Error::configuration(format!(
            "the {what} {text:?} uses plain http on a host that is not loopback; \
             use https (plain http is allowed only for 127.0.0.1, ::1 and localhost)"
        ))),
        scheme => Err(Error::configuration(format!(
            "invalid {what} {text:?}: scheme {scheme:?} is not supported; use https"
        ))),
    }
}

/// Whether the URL's host is `localhost` or a loopback address.
pub(crate) fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(Host::Ipv4(address)) => IpAddr::V4(address).is_loopback(),
        Some(Host::Ipv6(address)) => IpAddr::V6(address).is_loopback(),
        None => false,
    }
}

/// The `User-Agent`: `realtime-finance-rust/0.1.0`, followed by
/// `(python 3.11.7)` when a binding named its language.
pub(crate) fn user_agent(language: Option<&(String, String)>) -> String {
    let sdk = format!("realtime-finance-rust/{}", crate::VERSION);
    match language {
        Some((name, version)) => format!("{sdk} ({name} {version})"),
        None => sdk,
    }
}

fn read_env(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .filter(|value| !value.trim().is_empty())
}

fn credentials_from_env(env: &dyn Fn(&str) -> Option<String>) -> Result<Credentials> {
    if let Some(key) = env(ENV_SECRET_KEY) {
        return Ok(Credentials::ApiKey(SecretString::new(key)));
    }

    if env(ENV_CLIENT_ID).is_some() || env(ENV_CLIENT_SECRET).is_some() {
        let credentials = ClientCredentials {
            client_id: String::new(),
            client_secret: SecretString::from(""),
            scopes: Vec::new(),
            token_url: None,
            auth_method: Default::default(),
        };
        return Ok(Credentials::ClientCredentials(fill_client_credentials(
            credentials,
            env,
        )?));
    }

    Err(Error::configuration(format!(
        "no credentials: pass a secret API key or OAuth client credentials, \
         or set {ENV_SECRET_KEY} (or {ENV_CLIENT_ID} and {ENV_CLIENT_SECRET})"
    )))
}

/// Fills an empty client id or secret from the environment variables.
fn fill_client_credentials(
    mut credentials: ClientCredentials,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<ClientCredentials> {
    if credentials.client_id.is_empty() {
        credentials.client_id = env(ENV_CLIENT_ID).unwrap_or_default();
    }
    if credentials.client_secret.expose_secret().is_empty() {
        if let Some(secret) = env(ENV_CLIENT_SECRET) {
            credentials.client_secret = SecretString::new(secret);
        }
    }
    Ok(credentials)
}

fn check_client_credentials(credentials: &ClientCredentials) -> Result<()> {
    if credentials.client_id.is_empty() {
        return Err(Error::configuration(format!(
            "the OAuth client id is missing; pass it or set {ENV_CLIENT_ID}"
        )));
    }
    if credentials.client_secret.expose_secret().is_empty() {
        return Err(Error::configuration(format!(
            "the OAuth client secret of client {:?} is missing; pass it or set {ENV_CLIENT_SECRET}",
            credentials.client_id
        )));
    }
    if let Some(token_url) = &credentials.token_url {
        parse_service_url("token URL", token_url)?;
    }
    Ok(())
}

/// The environment a key's prefix implies, when no URL or environment is set.
fn environment_from_credentials(credentials: &Credentials) -> Result<Environment> {
    match credentials {
        Credentials::ApiKey(key) => {
            api_key::check(key, None)?;
            Ok(api_key::environment_of(key).unwrap_or(Environment::Live))
        }
        Credentials::ClientCredentials(_) => Err(Error::configuration(format!(
            "OAuth client credentials do not say which environment to call; \
             set an environment (sandbox or live) or a base URL (or {ENV_BASE_URL})"
        ))),
    }
}

fn hosted_environment(url: &Url) -> Option<Environment> {
    [Environment::Sandbox, Environment::Live]
        .into_iter()
        .find(|environment| {
            Url::parse(environment.base_url())
                .ok()
                .as_ref()
                .map(Url::host)
                == Some(url.host())
        })
}

fn check_durations(settings: &Settings) -> Result<()> {
    if settings.timeout.is_zero() {
        return Err(Error::configuration("timeout must be greater than zero"));
    }
    if settings.connect_timeout.is_zero() {
        return Err(Error::configuration(
            "connect_timeout must be greater than zero",
        ));
    }
    Ok(())
}
