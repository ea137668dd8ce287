use serde::{Deserialize, Serialize};

use super::validate;
use crate::client::Client;
use crate::error::Result;
use crate::http::ApiRequest;
use crate::request::RequestOptions;
use crate::secret::SecretString;

/// A URL that receives signed event deliveries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WebhookEndpoint {
    /// The object type, always `"webhook_endpoint"`, so that JSON consumers (and
    /// [`crate::EventData::object`]) can tell resources apart.
    #[serde(default = "crate::resources::object_name::webhook_endpoint")]
    pub object: String,
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
    /// The delivery URL: `https`, or `http` on a loopback host.
    pub url: String,
    /// Event types to send, or `["*"]` (the default) for all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enabled_events: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

impl CreateWebhookEndpointParams {
    /// Checks the body. Errors (`InvalidRequest`, `param` set): a URL that is
    /// not absolute `http(s)`, an empty event type, or a description over
    /// 500 characters.
    pub fn validate(&self) -> Result<()> {
        validate::webhook_url(&self.url)?;
        for event_type in self.enabled_events.iter().flatten() {
            validate::non_empty("enabled_events", Some(event_type))?;
        }
        validate::description(self.description.as_deref())
    }
}

/// The `/v1/webhook_endpoints` calls. See [`Client::webhook_endpoints`].
#[derive(Debug, Clone)]
pub struct WebhookEndpoints {
    pub(crate) client: Client,
}

impl WebhookEndpoints {
    /// Registers a webhook endpoint. Sends an idempotency key like
    /// [`crate::Payments::create`].
    pub async fn create(
        &self,
        params: &CreateWebhookEndpointParams,
        options: &RequestOptions,
    ) -> Result<WebhookEndpoint> {
        params.validate()?;
        let key = validate::idempotency_key_for(options)?;
        let request = ApiRequest::post(vec!["v1", "webhook_endpoints"], params, key, options)?;
        self.client.inner.execute(request).await
    }
}
