//! The API client.

use std::sync::{Arc, RwLock};

use crate::auth::Auth;
use crate::config::{ClientBuilder, ClientCredentials, Credentials};
use crate::error::Result;
use crate::http::Transport;
use crate::resources::{Events, Fraud, Payments, Transactions, WebhookEndpoints};
use crate::retry::RetryPolicy;
use crate::secret::SecretString;
use crate::settings::{self, Settings};

/// An asynchronous Real Time Finance client.
///
/// Cheap to clone (clones share one connection pool and one token cache) and
/// safe to use from many tasks and threads at once. Futures must run on a
/// tokio runtime; bindings use [`crate::runtime`]'s.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {
    pub(crate) settings: Settings,
    pub(crate) transport: Transport,
    /// Swapped whole on credential rotation; calls in flight keep their `Arc`.
    auth: RwLock<Arc<Auth>>,
}

impl ClientInner {
    pub(crate) fn current_auth(&self) -> Arc<Auth> {
        self.auth
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    fn replace_auth(&self, auth: Auth) {
        *self
            .auth
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Arc::new(auth);
    }
}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.settings.base_url_text)
            .field("oauth", &self.inner.current_auth().is_oauth())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// Starts a [`ClientBuilder`].
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// Builds a client from the `REALTIME_FINANCE_*` environment variables.
    pub fn from_env() -> Result<Client> {
        ClientBuilder::new().build()
    }

    pub(crate) fn from_builder(builder: ClientBuilder) -> Result<Client> {
        let (settings, credentials) = settings::resolve(builder)?;
        let auth = Auth::new(credentials, &settings)?;
        let transport = Transport::new(&settings)?;
        let inner = ClientInner {
            settings,
            transport,
            auth: RwLock::new(Arc::new(auth)),
        };
        Ok(Client {
            inner: Arc::new(inner),
        })
    }

    /// Returns the base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        &self.inner.settings.base_url_text
    }

    /// Returns the OAuth access token the next call would send, fetching or
    /// refreshing it first when needed, or `None` for an API key client.
    /// For tools that call other services with the same token; never log it.
    ///
    /// Errors: those of the token request, within the client's `timeout`.
    pub async fn access_token(&self) -> Result<Option<SecretString>> {
        let auth = self.inner.current_auth();
        if !auth.is_oauth() {
            return Ok(None);
        }
        let policy = RetryPolicy::new(self.inner.settings.max_retries, self.inner.settings.timeout);
        auth.credential(&self.inner.transport, &policy)
            .await
            .map(Some)
    }

    /// Returns the `User-Agent` sent with every request.
    pub fn user_agent(&self) -> &str {
        &self.inner.settings.user_agent
    }

    /// Replaces the API key on a live client (key rotation without restart).
    /// Calls already in flight finish with the old key.
    ///
    /// Errors (`Configuration`): a publishable key or a key for the wrong
    /// environment.
    pub fn set_api_key(&self, key: SecretString) -> Result<()> {
        let auth = Auth::new(Credentials::ApiKey(key), &self.inner.settings)?;
        self.inner.replace_auth(auth);
        Ok(())
    }

    /// Replaces the OAuth client credentials and drops the cached token.
    /// Calls already in flight finish with the old token.
    ///
    /// Errors (`Configuration`): an empty client id or secret, or an
    /// invalid token URL.
    pub fn set_client_credentials(&self, credentials: ClientCredentials) -> Result<()> {
        if credentials.client_id.is_empty() || credentials.client_secret.expose_secret().is_empty()
        {
            return Err(crate::Error::configuration(
                "the new OAuth client credentials need a client id and a client secret",
            ));
        }
        let auth = Auth::new(
            Credentials::ClientCredentials(credentials),
            &self.inner.settings,
        )?;
        self.inner.replace_auth(auth);
        Ok(())
    }

    /// Returns the `/v1/transactions` calls.
    pub fn transactions(&self) -> Transactions {
        Transactions {
            client: self.clone(),
        }
    }

    /// Returns the `/v1/payments` calls.
    pub fn payments(&self) -> Payments {
        Payments {
            client: self.clone(),
        }
    }

    /// Returns the `/v1/fraud` calls.
    pub fn fraud(&self) -> Fraud {
        Fraud {
            client: self.clone(),
        }
    }

    /// Returns the `/v1/events` calls.
    pub fn events(&self) -> Events {
        Events {
            client: self.clone(),
        }
    }

    /// Returns the `/v1/webhook_endpoints` calls.
    pub fn webhook_endpoints(&self) -> WebhookEndpoints {
        WebhookEndpoints {
            client: self.clone(),
        }
    }
}
