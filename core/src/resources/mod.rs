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
pub use fraud::{CreateFraudAssessmentParams, Fraud, FraudAssessment, FraudDecision, FraudReason};
pub use payments::{CreatePaymentParams, ListPaymentsParams, Payment, PaymentStatus, Payments};
pub use transactions::{
    ListTransactionsParams, Transaction, TransactionDirection, TransactionStatus, Transactions,
};
pub use webhook_endpoints::{CreateWebhookEndpointParams, WebhookEndpoint, WebhookEndpoints};

use serde::{Deserialize, Serialize};

/// One page of a list endpoint, as the API returns it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page<T> {
    /// The object type, always `"list"`, so that JSON consumers (and
    /// [`crate::EventData::object`]) can tell resources apart.
    #[serde(default = "crate::resources::object_name::list")]
    pub object: String,
    /// The elements of this page, newest first.
    pub data: Vec<T>,
    /// Whether a request with `starting_after` set to the last id returns more.
    pub has_more: bool,
    /// The list's path, such as `/v1/transactions`.
    #[serde(default)]
    pub url: String,
}

/// Defaults for the `object` field, for JSON that leaves it out.
pub(crate) mod object_name {
    pub fn transaction() -> String {
        "transaction".to_owned()
    }

    pub fn payment() -> String {
        "payment".to_owned()
    }

    pub fn fraud_assessment() -> String {
        "fraud_assessment".to_owned()
    }

    pub fn event() -> String {
        "event".to_owned()
    }

    pub fn webhook_endpoint() -> String {
        "webhook_endpoint".to_owned()
    }

    pub fn list() -> String {
        "list".to_owned()
    }
}

/// Serializes an optional secret as its plain value. Used only for fields a
/// caller must be able to read (a new endpoint's signing secret); `Debug`
/// still redacts them.
pub(crate) mod serde_secret {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::secret::SecretString;

    pub fn serialize<S: Serializer>(
        value: &Option<SecretString>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(secret) => serializer.serialize_some(secret.expose_secret()),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<SecretString>, D::Error> {
        Ok(Option::<String>::deserialize(deserializer)?.map(SecretString::new))
    }
}

/// Builds a parameter struct from JSON, as bindings receive it from their
/// language's dictionaries.
///
/// Errors (`InvalidRequest`, with `param` set to the field): an unknown
/// field, a missing required field or a value of the wrong type, with a
/// message that names the field and the expected type.
pub fn params_from_json<T: serde::de::DeserializeOwned>(
    value: serde_json::Value,
) -> crate::Result<T> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let path = error.path().to_string();
        let detail = error.inner().to_string();
        let parent = if path == "." {
            String::new()
        } else {
            format!("{path}.")
        };

        let (param, message) = if let Some(field) = quoted_name(&detail, "unknown field `") {
            // serde_path_to_error's path already ends with the unknown field.
            let param = if path == "." { field.to_owned() } else { path };
            let message =
                format!("unknown parameter {param:?} ({detail}); remove it or fix its spelling");
            (param, message)
        } else if let Some(field) = quoted_name(&detail, "missing field `") {
            let param = format!("{parent}{field}");
            let message = format!("missing required parameter {param:?}; pass a value for it");
            (param, message)
        } else {
            let param = if path == "." {
                String::from("body")
            } else {
                path
            };
            let hint = if param.ends_with("amount") {
                " (an integer number of minor units, such as 1050 for 10.50)"
            } else {
                ""
            };
            let message = format!(
                "parameter {param:?} is invalid: {}; pass a value of the expected type{hint}",
                plain_type_names(&detail)
            );
            (param, message)
        };
        crate::Error::invalid_param(param, message)
    })
}

/// Replaces Rust type names in a serde message with the words a caller in
/// any language understands ("expected i64" becomes "expected an integer").
fn plain_type_names(detail: &str) -> String {
    const NAMES: [(&str, &str); 8] = [
        ("expected i64", "expected an integer"),
        ("expected u64", "expected a non-negative integer"),
        ("expected u32", "expected a non-negative integer"),
        ("expected u8", "expected a non-negative integer"),
        ("expected a sequence", "expected a list"),
        ("expected a map", "expected an object"),
        ("integer `", "number `"),
        ("floating point `", "number `"),
    ];
    NAMES.iter().fold(detail.to_owned(), |text, (rust, plain)| {
        text.replace(rust, plain)
    })
}

/// The name between backticks after `prefix` in a serde message, such as
/// `amount` in "missing field `amount`".
fn quoted_name<'a>(detail: &'a str, prefix: &str) -> Option<&'a str> {
    let rest = detail.strip_prefix(prefix)?;
    rest.split('`').next()
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::ErrorKind;

    #[test]
    fn fractional_amount_explained() {
        let error = params_from_json::<CreatePaymentParams>(json!({"amount": 10.5})).unwrap_err();
        assert_eq!(error.param(), Some("amount"));
        assert!(
            error.message().contains("expected an integer"),
            "{}",
            error.message()
        );
        assert!(
            error.message().contains("minor units"),
            "{}",
            error.message()
        );
    }

    #[test]
    fn unknown_field_named() {
        let error = params_from_json::<CreatePaymentParams>(json!({"amount": 1, "colour": "red"}))
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidRequest);
        assert_eq!(error.param(), Some("colour"));
    }

    #[test]
    fn missing_field_named() {
        let error = params_from_json::<CreatePaymentParams>(json!({"amount": 1})).unwrap_err();
        assert_eq!(error.param(), Some("currency"));
    }

    #[test]
    fn invalid_type_named() {
        let body = json!({"amount": "ten", "currency": "EUR", "source_account": "acct_a", "destination_account": "acct_b"});
        let error = params_from_json::<CreatePaymentParams>(body).unwrap_err();
        assert_eq!(error.param(), Some("amount"));
    }

    #[test]
    fn nested_type_named() {
        let body = json!({"amount": 1, "currency": "EUR", "source_account": "acct_a",
                          "destination_account": "acct_b", "metadata": {"order": 42}});
        let error = params_from_json::<CreatePaymentParams>(body).unwrap_err();
        assert_eq!(error.param(), Some("metadata.order"));
    }

    #[test]
    fn valid_params_parse() {
        let params =
            params_from_json::<ListTransactionsParams>(json!({"limit": 5, "status": "posted"}))
                .unwrap();
        assert_eq!(params.limit, Some(5));
    }
}
