//! The OAuth 2.0 client credentials flow (RFC 6749 section 4.4) and the
//! per-client access token cache.
//!
//! Rules of the cache:
//! - a token is refreshed `refresh_margin(lifetime)` before it expires, and
//!   never used at or after expiry;
//! - one refresh at a time: callers that arrive during a refresh wait for
//!   it and share its outcome, so N concurrent callers cause one request;
//! - a failed refresh while the old token is still valid logs a warning and
//!   keeps using the old token; after expiry the failure is returned.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use serde::Deserialize;
use url::Url;
use zeroize::Zeroizing;

use crate::config::{ClientAuthMethod, ClientCredentials};
use crate::error::{Error, ErrorKind, Result};
use crate::http::{error_from_api_response, request_id, RawResponse, Transport};
use crate::retry::{self, RetryPolicy};
use crate::secret::SecretString;

/// Allowance for the time between the server issuing a token and the client
/// reading its `expires_in`, and for the server's clock running ahead.
const CLOCK_SKEW_ALLOWANCE: Duration = Duration::from_secs(1);
/// Lifetime assumed when the token response has no `expires_in`.
// NOTE: RFC 6749 only recommends `expires_in`; five minutes is a guess that
// keeps such tokens short-lived rather than a value from any server.
const DEFAULT_LIFETIME: Duration = Duration::from_secs(300);
/// Pause before the next refresh attempt after one failed while the old
/// token was still valid, so calls do not each send a token request.
const FAILED_REFRESH_PAUSE: Duration = Duration::from_secs(1);

/// Computes how long before expiry a token is refreshed: a tenth of its
/// lifetime, kept within 1 s and 5 min, plus the skew allowance. The margin
/// is at most half the lifetime, so a short-lived token is still used
/// between refreshes.
pub(crate) fn refresh_margin(lifetime: Duration) -> Duration {
    let proportional = (lifetime / 10).clamp(Duration::from_secs(1), Duration::from_secs(300));
    (proportional + CLOCK_SKEW_ALLOWANCE).min(lifetime / 2)
}

#[derive(Debug, Clone)]
struct CachedToken {
    token: SecretString,
    expires_at: Instant,
    refresh_at: Instant,
}

#[derive(Debug, Default)]
struct State {
    token: Option<CachedToken>,
    /// Counts finished token requests, so a caller that waited for a
    /// refresh can tell that one happened and reuse its outcome.
    generation: u64,
    last_error: Option<Error>,
}

/// The access token cache of one client. Thread-safe.
#[derive(Debug)]
pub(crate) struct TokenCache {
    credentials: ClientCredentials,
    token_url: Url,
    state: Mutex<State>,
    refresh_lock: tokio::sync::Mutex<()>,
}

#[derive(Deserialize)]
struct TokenResponse {
    access_token: String,
    token_type: String,
    expires_in: Option<u64>,
}

#[derive(Deserialize)]
struct OAuthErrorBody {
    error: String,
    error_description: Option<String>,
}

impl TokenCache {
    pub fn new(credentials: ClientCredentials, token_url: Url) -> Self {
        TokenCache {
            credentials,
            token_url,
            state: Mutex::default(),
            refresh_lock: tokio::sync::Mutex::new(()),
        }
    }

    fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Returns a token that is valid now, fetching one when the cached
    /// token is missing or due for refresh.
    pub async fn token(&self, transport: &Transport, policy: &RetryPolicy) -> Result<SecretString> {
        let generation = {
            let state = self.state();
            if let Some(cached) = &state.token {
                if Instant::now() < cached.refresh_at {
                    return Ok(cached.token.clone());
                }
            }
            state.generation
        };

        let _refreshing = self.refresh_lock.lock().await;

        let current = {
            let state = self.state();
            if state.generation != generation {
                return self.outcome_of_last_refresh(&state);
            }
            state.token.clone()
        };

        let result = self.fetch(transport, policy).await;

        let mut state = self.state();
        state.generation += 1;
        match result {
            Ok(fresh) => {
                state.last_error = None;
                state.token = Some(fresh.clone());
                Ok(fresh.token)
            }
            Err(error) => match current {
                Some(mut old) if Instant::now() < old.expires_at => {
                    tracing::warn!(
                        client_id = %self.credentials.client_id,
                        error = %error,
                        "token refresh failed; using the current token until it expires"
                    );
                    old.refresh_at = (Instant::now() + FAILED_REFRESH_PAUSE).min(old.expires_at);
                    state.token = Some(old.clone());
                    Ok(old.token)
                }
                _ => {
                    state.token = None;
                    state.last_error = Some(error.clone());
                    Err(error)
                }
            },
        }
    }

    fn outcome_of_last_refresh(&self, state: &State) -> Result<SecretString> {
        match (&state.token, &state.last_error) {
            (Some(cached), _) if Instant::now() < cached.expires_at => Ok(cached.token.clone()),
            (_, Some(error)) => Err(error.clone()),
            _ => Err(Error::new(
                ErrorKind::Authentication,
                "no valid access token after a refresh; retry the call",
            )),
        }
    }

    /// Forgets `token` if it is still the cached one.
    pub fn invalidate(&self, token: &SecretString) {
        let mut state = self.state();
        if state
            .token
            .as_ref()
            .is_some_and(|cached| &cached.token == token)
        {
            state.token = None;
        }
    }

    async fn fetch(&self, transport: &Transport, policy: &RetryPolicy) -> Result<CachedToken> {
        let what = format!("token request to {}", self.token_url);
        retry::run(policy, &what, |attempt| {
            self.fetch_once(transport, &what, attempt)
        })
        .await
    }

    async fn fetch_once(
        &self,
        transport: &Transport,
        what: &str,
        attempt: u32,
    ) -> Result<CachedToken> {
        let started = Instant::now();
        let response = transport
            .send(self.token_request(transport)?, what, attempt)
            .await?;
        if response.status != 200 {
            return Err(self.token_error(&response, what));
        }

        let body: TokenResponse = serde_json::from_slice(&response.body).map_err(|error| {
            Error::new(
                ErrorKind::Api,
                format!(
                    "the {what} returned a body that is not an OAuth 2.0 token response: {error}"
                ),
            )
            .with_http_status(response.status)
            .with_request_id(request_id(&response.headers))
        })?;
        let token = SecretString::new(body.access_token);

        if !body.token_type.eq_ignore_ascii_case("bearer") {
            return Err(Error::new(
                ErrorKind::Api,
                format!(
                    "the {what} returned token_type {:?}; only Bearer tokens are supported",
                    body.token_type
                ),
            ));
        }

        let lifetime = body
            .expires_in
            .map(Duration::from_secs)
            .unwrap_or(DEFAULT_LIFETIME);
        let expires_at = started + lifetime;
        tracing::info!(
            client_id = %self.credentials.client_id,
            expires_in = lifetime.as_secs(),
            "obtained an OAuth access token"
        );
        Ok(CachedToken {
            token,
            expires_at,
            refresh_at: expires_at - refresh_margin(lifetime),
        })
    }

    fn token_request(&self, transport: &Transport) -> Result<reqwest::RequestBuilder> {
        let credentials = &self.credentials;
        let mut form = url::form_urlencoded::Serializer::new(String::new());
        form.append_pair("grant_type", "client_credentials");
        if !credentials.scopes.is_empty() {
            form.append_pair("scope", &credentials.scopes.join(" "));
        }

        let mut request = transport
            .client()?
            .post(self.token_url.clone())
            .header(ACCEPT, "application/json")
            .header(CONTENT_TYPE, "application/x-www-form-urlencoded");

        match credentials.auth_method {
            ClientAuthMethod::ClientSecretBasic => {
                // RFC 6749 section 2.3.1: both parts are form-urlencoded
                // before the Basic encoding.
                let pair = Zeroizing::new(format!(
                    "{}:{}",
                    form_encode(&credentials.client_id),
                    Zeroizing::new(form_encode(credentials.client_secret.expose_secret())).as_str()
                ));
                let mut value = HeaderValue::from_str(&Zeroizing::new(format!(
                    "Basic {}",
                    STANDARD.encode(pair.as_bytes())
                )))
                .map_err(|_| {
                    Error::configuration("the client credentials cannot be sent in an HTTP header")
                })?;
                value.set_sensitive(true);
                request = request.header(AUTHORIZATION, value);
            }
            ClientAuthMethod::ClientSecretPost => {
                form.append_pair("client_id", &credentials.client_id);
                form.append_pair("client_secret", credentials.client_secret.expose_secret());
            }
        }

        let body = Zeroizing::new(form.finish());
        Ok(request.body(body.as_bytes().to_vec()))
    }

    /// Maps an RFC 6749 section 5.2 error: `invalid_client`,
    /// `unauthorized_client` and `invalid_grant` are `Authentication`,
    /// `invalid_scope` is `Permission` (the client may not have that scope),
    /// other codes `InvalidRequest`; 429 and 5xx keep the API's kinds. The
    /// OAuth error is the error's `code`.
    fn token_error(&self, response: &RawResponse, what: &str) -> Error {
        let Ok(body) = serde_json::from_slice::<OAuthErrorBody>(&response.body) else {
            return error_from_api_response(response, what);
        };

        let client_id = &self.credentials.client_id;
        let (kind, advice) = match (response.status, body.error.as_str()) {
            (429, _) => (ErrorKind::RateLimit, "retry later"),
            (500.., _) => (ErrorKind::Api, "retry later"),
            (_, "invalid_client" | "unauthorized_client" | "invalid_grant") => (
                ErrorKind::Authentication,
                "check the client id and secret, and that the client may use client_credentials",
            ),
            (_, "invalid_scope") => (ErrorKind::Permission, "request only scopes this client has"),
            _ => (
                ErrorKind::InvalidRequest,
                "check the token URL and the client authentication method",
            ),
        };
        let description = body
            .error_description
            .map(|text| format!(" ({text})"))
            .unwrap_or_default();

        Error::new(
            kind,
            format!(
                "the {what} for client {client_id:?} failed with {}{description}; {advice}",
                body.error
            ),
        )
        .with_http_status(response.status)
        .with_code(body.error)
        .with_request_id(request_id(&response.headers))
        .with_retry_after(crate::http::retry_after(&response.headers))
    }
}

fn form_encode(value: &str) -> String {
    url::form_urlencoded::byte_serialize(value.as_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn margin_one_hour() {
        assert_eq!(
            refresh_margin(Duration::from_secs(3600)),
            Duration::from_secs(301)
        );
    }

    #[test]
    fn margin_two_seconds() {
        assert_eq!(
            refresh_margin(Duration::from_secs(2)),
            Duration::from_secs(1)
        );
    }

    #[test]
    fn margin_one_day_capped() {
        assert_eq!(
            refresh_margin(Duration::from_secs(86_400)),
            Duration::from_secs(301)
        );
    }

    #[test]
    fn margin_sixty_seconds() {
        assert_eq!(
            refresh_margin(Duration::from_secs(60)),
            Duration::from_secs(7)
        );
    }
}
