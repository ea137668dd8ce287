use serde::{Deserialize, Serialize};

use super::{validate, Page};
use crate::client::Client;
use crate::error::Result;
use crate::http::ApiRequest;
use crate::pagination::Paginator;
use crate::request::RequestOptions;

/// Something that happened to a resource, from the monitoring feed or a
/// verified webhook.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// The object type, always `"event"`, so that JSON consumers (and
    /// [`crate::EventData::object`]) can tell resources apart.
    #[serde(default = "crate::resources::object_name::event")]
    pub object: String,
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

impl ListEventsParams {
    /// Checks the parameters. Errors (`InvalidRequest`, `param` set):
    /// `limit` outside 1 to 100, a malformed `starting_after` or an empty type.
    pub fn validate(&self) -> Result<()> {
        validate::limit(self.limit)?;
        if let Some(cursor) = &self.starting_after {
            validate::object_id("starting_after", cursor, "evt_")?;
        }
        validate::non_empty("type", self.event_type.as_deref())
    }
}

/// The `/v1/events` calls. See [`Client::events`].
#[derive(Debug, Clone)]
pub struct Events {
    pub(crate) client: Client,
}

impl Events {
    /// Fetches one page of events.
    pub async fn list_page(
        &self,
        params: &ListEventsParams,
        options: &RequestOptions,
    ) -> Result<Page<Event>> {
        params.validate()?;
        let request = ApiRequest::get(vec!["v1", "events"], options).with_query(params);
        self.client.inner.execute(request).await
    }

    /// Returns a paginator over every matching event, newest first.
    pub fn list(
        &self,
        params: ListEventsParams,
        options: RequestOptions,
    ) -> Result<Paginator<Event>> {
        params.validate()?;
        let events = self.clone();
        let cursor = params.starting_after.clone();

        Ok(Paginator::new(
            cursor,
            |item: &Event| &item.id,
            move |starting_after| {
                let events = events.clone();
                let params = ListEventsParams {
                    starting_after,
                    ..params.clone()
                };
                let options = options.clone();
                async move { events.list_page(&params, &options).await }
            },
        ))
    }
}
