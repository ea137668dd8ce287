//! In-memory objects of one sandbox: transactions, payments, fraud
//! assessments, events and webhook endpoints. The whole store sits behind
//! one mutex in [`crate::state::AppState`], so each request reads and leaves
//! a consistent state.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use serde_json::value::RawValue;

use crate::errors::{ApiError, ApiResult};

#[derive(Debug, Clone, Serialize)]
pub struct Transaction {
    pub id: String,
    pub object: &'static str,
    pub amount: i64,
    pub currency: String,
    pub status: &'static str,
    pub direction: &'static str,
    pub account: String,
    pub counterparty: String,
    pub description: String,
    pub created: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Payment {
    pub id: String,
    pub object: &'static str,
    pub amount: i64,
    pub currency: String,
    pub status: &'static str,
    pub source_account: String,
    pub destination_account: String,
    pub description: Option<String>,
    pub metadata: BTreeMap<String, String>,
    pub failure_code: Option<&'static str>,
    pub created: i64,
    pub canceled_at: Option<i64>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    pub code: &'static str,
    pub message: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct FraudAssessment {
    pub id: String,
    pub object: &'static str,
    pub risk_score: u8,
    pub decision: &'static str,
    pub reasons: Vec<Reason>,
    pub amount: i64,
    pub currency: String,
    pub source_account: String,
    pub destination_account: String,
    pub payment: Option<String>,
    pub created: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Event {
    pub id: String,
    pub object: &'static str,
    #[serde(rename = "type")]
    pub event_type: &'static str,
    pub created: i64,
    pub data: EventData,
}

/// `data` of an event: a snapshot of the object when the event happened,
/// kept as serialized JSON so its fields keep their order.
#[derive(Debug, Clone, Serialize)]
pub struct EventData {
    pub object: Box<RawValue>,
}

#[derive(Debug, Clone, Serialize)]
pub struct WebhookEndpoint {
    pub id: String,
    pub object: &'static str,
    pub url: String,
    pub enabled_events: Vec<String>,
    pub description: Option<String>,
    pub secret: String,
    pub status: &'static str,
    pub created: i64,
}

impl WebhookEndpoint {
    pub fn wants(&self, event_type: &str) -> bool {
        self.enabled_events
            .iter()
            .any(|enabled| enabled == "*" || enabled == event_type)
    }
}

/// A list of objects kept in creation order with an index by id.
#[derive(Debug)]
pub struct Collection<T> {
    items: Vec<T>,
    index: HashMap<String, usize>,
}

impl<T> Default for Collection<T> {
    fn default() -> Self {
        Collection {
            items: Vec::new(),
            index: HashMap::new(),
        }
    }
}

/// Objects with a string id.
pub trait Identified {
    fn id(&self) -> &str;
}

macro_rules! identified {
    ($($t:ty),*) => {$(impl Identified for $t { fn id(&self) -> &str { &self.id } })*};
}
identified!(
    Transaction,
    Payment,
    FraudAssessment,
    Event,
    WebhookEndpoint
);

/// One page of a list, newest first.
pub struct Page<T> {
    pub data: Vec<T>,
    pub has_more: bool,
}

impl<T: Identified + Clone> Collection<T> {
    pub fn push(&mut self, item: T) {
        self.index.insert(item.id().to_string(), self.items.len());
        self.items.push(item);
    }

    pub fn get(&self, id: &str) -> Option<&T> {
        self.index.get(id).map(|&i| &self.items[i])
    }

    pub fn get_mut(&mut self, id: &str) -> Option<&mut T> {
        self.index.get(id).map(|&i| &mut self.items[i])
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &T> {
        self.items.iter()
    }

    /// Returns up to `limit` items that pass `keep`, newest first, starting
    /// after the item `starting_after`. Fails with 400 `cursor_invalid` when
    /// that id is unknown.
    pub fn page(
        &self,
        limit: usize,
        starting_after: Option<&str>,
        keep: impl Fn(&T) -> bool,
    ) -> ApiResult<Page<T>> {
        let end = match starting_after {
            None => self.items.len(),
            Some(cursor) => *self.index.get(cursor).ok_or_else(|| {
                ApiError::invalid(
                    "starting_after",
                    format!("starting_after {cursor:?} is not the id of an object in this list. Pass the id of the last object of the previous page."),
                )
                .with_code("cursor_invalid")
            })?,
        };
        let mut matches = self.items[..end].iter().rev().filter(|item| keep(item));
        let data: Vec<T> = matches.by_ref().take(limit).cloned().collect();
        let has_more = matches.next().is_some();
        Ok(Page { data, has_more })
    }
}

#[derive(Debug, Default)]
pub struct Store {
    pub transactions: Collection<Transaction>,
    pub payments: Collection<Payment>,
    pub assessments: Collection<FraudAssessment>,
    pub events: Collection<Event>,
    pub endpoints: Collection<WebhookEndpoint>,
}
