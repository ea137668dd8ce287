//! UniFFI records mirroring the core's resource types, with the conversions.
//!
//! Integers are signed because Kotlin's unsigned types are inline classes
//! that Java code cannot call without name mangling.

use std::collections::HashMap;

use realtime_finance as core;

use crate::error::FfiError;

/// Per-call options; mirrors [`realtime_finance::RequestOptions`].
///
/// The values stay unchecked here so that the core's
/// `RequestOptions::from_values` rejects the same values in every language.
/// The timeout is `f64` seconds, because UniFFI's duration cannot carry the
/// negative value that the core must see to reject it.
#[derive(Debug, Clone, Default, uniffi::Record)]
pub struct FfiRequestOptions {
    pub idempotency_key: Option<String>,
    pub max_retries: Option<i64>,
    pub timeout_seconds: Option<f64>,
}

impl TryFrom<FfiRequestOptions> for core::RequestOptions {
    type Error = FfiError;

    fn try_from(options: FfiRequestOptions) -> Result<Self, FfiError> {
        Ok(core::RequestOptions::from_values(
            options.idempotency_key,
            options.max_retries,
            options.timeout_seconds,
        )?)
    }
}

/// Converts a Java `int`/`long` retry count to the core's `u32`.
pub(crate) fn to_max_retries(value: i64) -> Result<u32, FfiError> {
    u32::try_from(value).map_err(|_| {
        FfiError::from(core::Error::configuration(format!(
            "max_retries must be between 0 and {}, got {value}",
            u32::MAX
        )))
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FfiTransactionStatus {
    Pending,
    Posted,
    Failed,
    Reversed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FfiTransactionDirection {
    Credit,
    Debit,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiTransaction {
    /// The API's type name (its `object` field), as the core returns it.
    pub object: String,
    pub id: String,
    pub amount: i64,
    pub currency: String,
    pub status: FfiTransactionStatus,
    pub direction: FfiTransactionDirection,
    pub account: String,
    pub counterparty: Option<String>,
    pub description: Option<String>,
    pub created: i64,
}

impl From<core::Transaction> for FfiTransaction {
    fn from(value: core::Transaction) -> Self {
        FfiTransaction {
            object: value.object,
            id: value.id,
            amount: value.amount,
            currency: value.currency,
            status: match value.status {
                core::TransactionStatus::Pending => FfiTransactionStatus::Pending,
                core::TransactionStatus::Posted => FfiTransactionStatus::Posted,
                core::TransactionStatus::Failed => FfiTransactionStatus::Failed,
                core::TransactionStatus::Reversed => FfiTransactionStatus::Reversed,
            },
            direction: match value.direction {
                core::TransactionDirection::Credit => FfiTransactionDirection::Credit,
                core::TransactionDirection::Debit => FfiTransactionDirection::Debit,
            },
            account: value.account,
            counterparty: value.counterparty,
            description: value.description,
            created: value.created,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FfiPaymentStatus {
    Pending,
    Succeeded,
    Failed,
    Canceled,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiPayment {
    /// The API's type name (its `object` field), as the core returns it.
    pub object: String,
    pub id: String,
    pub amount: i64,
    pub currency: String,
    pub status: FfiPaymentStatus,
    pub source_account: String,
    pub destination_account: String,
    pub description: Option<String>,
    pub metadata: HashMap<String, String>,
    pub failure_code: Option<String>,
    pub created: i64,
    pub canceled_at: Option<i64>,
}

impl From<core::Payment> for FfiPayment {
    fn from(value: core::Payment) -> Self {
        FfiPayment {
            object: value.object,
            id: value.id,
            amount: value.amount,
            currency: value.currency,
            status: match value.status {
                core::PaymentStatus::Pending => FfiPaymentStatus::Pending,
                core::PaymentStatus::Succeeded => FfiPaymentStatus::Succeeded,
                core::PaymentStatus::Failed => FfiPaymentStatus::Failed,
                core::PaymentStatus::Canceled => FfiPaymentStatus::Canceled,
            },
            source_account: value.source_account,
            destination_account: value.destination_account,
            description: value.description,
            metadata: value.metadata.into_iter().collect(),
            failure_code: value.failure_code,
            created: value.created,
            canceled_at: value.canceled_at,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FfiFraudDecision {
    Approve,
    Review,
    Decline,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiFraudReason {
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiFraudAssessment {
    /// The API's type name (its `object` field), as the core returns it.
    pub object: String,
    pub id: String,
    pub risk_score: i32,
    pub decision: FfiFraudDecision,
    pub reasons: Vec<FfiFraudReason>,
    pub amount: i64,
    pub currency: String,
    pub source_account: String,
    pub destination_account: String,
    pub payment: Option<String>,
    pub created: i64,
}

impl From<core::FraudAssessment> for FfiFraudAssessment {
    fn from(value: core::FraudAssessment) -> Self {
        FfiFraudAssessment {
            object: value.object,
            id: value.id,
            risk_score: i32::from(value.risk_score),
            decision: match value.decision {
                core::FraudDecision::Approve => FfiFraudDecision::Approve,
                core::FraudDecision::Review => FfiFraudDecision::Review,
                core::FraudDecision::Decline => FfiFraudDecision::Decline,
            },
            reasons: value
                .reasons
                .into_iter()
                .map(|reason| FfiFraudReason {
                    code: reason.code,
                    message: reason.message,
                })
                .collect(),
            amount: value.amount,
            currency: value.currency,
            source_account: value.source_account,
            destination_account: value.destination_account,
            payment: value.payment,
            created: value.created,
        }
    }
}

/// An event. Its resource stays JSON text (`data_object_json`) because
/// its type depends on `event_type`, and new event types must still arrive.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiEvent {
    /// The API's type name (its `object` field), as the core returns it.
    pub object: String,
    pub id: String,
    pub event_type: String,
    pub created: i64,
    pub data_object_json: String,
}

impl From<core::Event> for FfiEvent {
    fn from(value: core::Event) -> Self {
        FfiEvent {
            object: value.object,
            id: value.id,
            event_type: value.event_type,
            created: value.created,
            data_object_json: value.data.object.to_string(),
        }
    }
}

/// A webhook endpoint. `secret` is the plain signing secret, present only
/// in the response to a create; the Java type redacts it in `toString`.
/// No `Debug`, so the secret cannot reach a log by accident.
#[derive(Clone, uniffi::Record)]
pub struct FfiWebhookEndpoint {
    /// The API's type name (its `object` field), as the core returns it.
    pub object: String,
    pub id: String,
    pub url: String,
    pub enabled_events: Vec<String>,
    pub description: Option<String>,
    pub secret: Option<String>,
    pub status: String,
    pub created: i64,
}

impl From<core::WebhookEndpoint> for FfiWebhookEndpoint {
    fn from(value: core::WebhookEndpoint) -> Self {
        FfiWebhookEndpoint {
            object: value.object,
            id: value.id,
            url: value.url,
            enabled_events: value.enabled_events,
            description: value.description,
            secret: value.secret.map(|secret| secret.expose_secret().to_owned()),
            status: value.status,
            created: value.created,
        }
    }
}
