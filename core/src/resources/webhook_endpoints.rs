use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::request::RequestOptions;
use crate::secret::SecretString;

/// A URL that receives signed event deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookEndpoint {
    /// `we_` id.
    pub id: String,
    pub url: String,
    pub enabled_events: Vec<String>,
    pub description: Option<String>,
    /// The `whsec_` signing secret, returned only when the endpoint is
    /// created. Pass it to [`crate::webhook::Webhook`] to verify deliveries.
    #[serde(with = "crate::resources::serde_secret")]
    pub secret: Option<SecretString>,
    /// `enabled` or `disabled`.
    pub status: String,
    /// Unix time in seconds.
    pub created: i64,
}

/// The body of [`WebhookEndpoints::create`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateWebhookEndpointParams {
    /// Where to deliver; `https`, or `http` on a loopback host.
    pub url: String,
    /// Event types to send, or `["*"]` (the default) for all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled_events: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The `/v1/webhook_endpoints` calls. See [`Client::webhook_endpoints`].
#[derive(Debug, Clone)]
pub struct WebhookEndpoints {
    pub(crate) client: Client,
}

impl WebhookEndpoints {
    /// Registers a webhook endpoint. Sends an idempotency key like
    /// [`crate::Payments::create`].
    pub async fn create(&self, params: &CreateWebhookEndpointParams, options: &RequestOptions) -> Result<WebhookEndpoint> {
        let _ = (params, options, &self.client);
        todo!("core: POST /v1/webhook_endpoints")
    }
}
