//! The API client.

use std::sync::Arc;

use crate::config::{ClientBuilder, ClientCredentials};
use crate::error::Result;
use crate::resources::{Events, Fraud, Payments, Transactions, WebhookEndpoints};
use crate::secret::SecretString;

/// An asynchronous Real Time Finance client.
///
/// Cheap to clone (clones share one connection pool and one token cache) and
/// safe to use from many tasks and threads at once. Futures must run on a
/// tokio runtime; bindings use [`crate::runtime`]'s.
#[derive(Clone)]
pub struct Client {
    pub(crate) inner: Arc<ClientInner>,
}

pub(crate) struct ClientInner {}

impl std::fmt::Debug for Client {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Client").finish_non_exhaustive()
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
        let _ = builder;
        todo!("core: validate settings and build the client")
    }

    /// The base URL requests go to, without a trailing slash.
    pub fn base_url(&self) -> &str {
        todo!("core: base url")
    }

    /// Replaces the API key on a live client (key rotation without restart).
    /// Calls already in flight finish with the old key.
    ///
    /// Errors (`Configuration`): a publishable key or a key for the wrong
    /// environment.
    pub fn set_api_key(&self, key: SecretString) -> Result<()> {
        let _ = key;
        todo!("core: rotate the api key")
    }

    /// Replaces the OAuth client credentials and drops the cached token.
    pub fn set_client_credentials(&self, credentials: ClientCredentials) -> Result<()> {
        let _ = credentials;
        todo!("core: rotate the client credentials")
    }

    pub fn transactions(&self) -> Transactions {
        Transactions { client: self.clone() }
    }

    pub fn payments(&self) -> Payments {
        Payments { client: self.clone() }
    }

    pub fn fraud(&self) -> Fraud {
        Fraud { client: self.clone() }
    }

    pub fn events(&self) -> Events {
        Events { client: self.clone() }
    }

    pub fn webhook_endpoints(&self) -> WebhookEndpoints {
        WebhookEndpoints { client: self.clone() }
    }
}
