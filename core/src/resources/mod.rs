//! The API's resources: data types, request parameters and the calls.
//!
//! Parameter structs implement `Deserialize` with `deny_unknown_fields` so a
//! binding can build them from its language's dictionaries (through JSON)
//! and get an error that names the offending field. Each has a `validate`
//! method, run by the core before any request, that enforces the rules of
//! `docs/api.md`.

mod events;
mod fraud;
mod payments;
mod transactions;
mod validate;
mod webhook_endpoints;

pub use events::{Event, EventData, Events, ListEventsParams};
pub use fraud::{CreateFraudAssessmentParams, FraudAssessment, FraudDecision, FraudReason, Fraud};
pub use payments::{CreatePaymentParams, ListPaymentsParams, Payment, PaymentStatus, Payments};
pub use transactions::{
    ListTransactionsParams, Transaction, TransactionDirection, TransactionStatus, Transactions,
};
pub use webhook_endpoints::{CreateWebhookEndpointParams, WebhookEndpoint, WebhookEndpoints};

use serde::{Deserialize, Serialize};

/// One page of a list endpoint, as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The elements of this page, newest first.
    pub data: Vec<T>,
    /// Whether a request with `starting_after` set to the last id returns more.
    pub has_more: bool,
    /// The list's path, such as `/v1/transactions`.
    #[serde(default)]
    pub url: String,
}

/// Serializes an optional secret as its plain value. Used only for fields a
/// caller must be able to read (a new endpoint's signing secret); `Debug`
/// still redacts them.
pub(crate) mod serde_secret {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::secret::SecretString;

    pub fn serialize<S: Serializer>(value: &Option<SecretString>, serializer: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(secret) => serializer.serialize_some(secret.expose_secret()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<SecretString>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(SecretString::new))
    }
}

/// Builds a parameter struct from JSON, as bindings receive it from their
/// language's dictionaries.
///
/// Errors (`InvalidRequest`, with `param` set to the field): an unknown
/// field, a missing required field or a value of the wrong type, with a
/// message that names the field and the expected type.
pub fn params_from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> crate::Result<T> {
    let _ = value;
    todo!("core: map serde errors to InvalidRequest naming the field")
}
