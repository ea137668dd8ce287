use serde::{Deserialize, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::pagination::Paginator;
use crate::request::RequestOptions;

/// Something that happened to a resource, from the monitoring feed or a
/// verified webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `evt_` id; also the `webhook-id` of its deliveries.
    pub id: String,
    /// `payment.created`, `payment.succeeded`, `payment.failed`,
    /// `payment.canceled` or `fraud_assessment.created`. Kept as a string so
    /// that event types added to the API later still parse.
    #[serde(rename = "type")]
    pub event_type: String,
    /// Unix time in seconds.
    pub created: i64,
    pub data: EventData,
}

/// The resource an event is about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventData {
    /// The resource as JSON, for example a [`crate::Payment`]; its `object`
    /// field names the type.
    pub object: serde_json::Value,
}

/// Filters and paging for [`Events::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListEventsParams {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    /// Only events of this type, such as `"payment.succeeded"`.
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub event_type: Option<String>,
}

/// The `/v1/events` calls. See [`Client::events`].
#[derive(Debug, Clone)]
pub struct Events {
    pub(crate) client: Client,
}

impl Events {
    /// Fetches one page of events.
    pub async fn list_page(&self, params: &ListEventsParams, options: &RequestOptions) -> Result<super::Page<Event>> {
        let _ = (params, options, &self.client);
        todo!("core: GET /v1/events")
    }

    /// Returns a paginator over every matching event, newest first.
    pub fn list(&self, params: ListEventsParams, options: RequestOptions) -> Result<Paginator<Event>> {
        let _ = (params, options, &self.client);
        todo!("core: paginator over GET /v1/events")
    }
}
