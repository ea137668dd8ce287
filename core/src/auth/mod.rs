//! How each API call is authenticated: a secret API key, or an OAuth 2.0
//! access token from the client's token cache.

pub(crate) mod api_key;
mod oauth;

use crate::config::Credentials;
use crate::error::Result;
use crate::http::Transport;
use crate::retry::RetryPolicy;
use crate::secret::SecretString;
use crate::settings::{parse_service_url, Settings};

pub(crate) use oauth::TokenCache;

/// The credential source of a client. Replaced as a whole on rotation, so
/// calls in flight keep the one they started with.
#[derive(Debug)]
pub(crate) enum Auth {
    ApiKey(SecretString),
    OAuth(Box<TokenCache>),
}

impl Auth {
    /// Builds the credential source. Errors (`Configuration`): an invalid
    /// key or token URL, checked as in [`crate::ClientBuilder::build`].
    pub fn new(credentials: Credentials, settings: &Settings) -> Result<Auth> {
        match credentials {
            Credentials::ApiKey(key) => {
                api_key::check(&key, settings.environment)?;
                Ok(Auth::ApiKey(key))
            }
            Credentials::ClientCredentials(credentials) => {
                let token_url = match &credentials.token_url {
                    Some(url) => parse_service_url("token URL", url)?,
                    None => {
                        let mut url = settings.base_url.clone();
                        if let Ok(mut segments) = url.path_segments_mut() {
                            segments.pop_if_empty().extend(["v1", "oauth", "token"]);
                        }
                        url
                    }
                };
                Ok(Auth::OAuth(Box::new(TokenCache::new(
                    credentials,
                    token_url,
                ))))
            }
        }
    }

    /// Returns the bearer credential for the next request: the key, or a
    /// cached access token (fetched or refreshed first when needed).
    ///
    /// Errors: those of the token request (`Authentication` with the OAuth
    /// error code, `Connection`, ...), only when no valid token is cached.
    pub async fn credential(
        &self,
        transport: &Transport,
        policy: &RetryPolicy,
    ) -> Result<SecretString> {
        match self {
            Auth::ApiKey(key) => Ok(key.clone()),
            Auth::OAuth(cache) => cache.token(transport, policy).await,
        }
    }

    /// Drops `credential` from the cache after the API rejected it, unless
    /// another caller already replaced it. Does nothing for an API key.
    pub fn invalidate(&self, credential: &SecretString) {
        if let Auth::OAuth(cache) = self {
            cache.invalidate(credential);
        }
    }

    pub fn is_oauth(&self) -> bool {
        matches!(self, Auth::OAuth(_))
    }
}
