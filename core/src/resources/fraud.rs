use serde::{Deserialize, Serialize};

use super::validate;
use crate::client::Client;
use crate::error::Result;
use crate::http::ApiRequest;
use crate::request::RequestOptions;

/// The fraud engine's verdict on a prospective or existing payment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FraudAssessment {
    /// The object type, always `"fraud_assessment"`, so that JSON consumers (and
    /// [`crate::EventData::object`]) can tell resources apart.
    #[serde(default = "crate::resources::object_name::fraud_assessment")]
    pub object: String,
    /// `fa_` id.
    pub id: String,
    /// 0 (no risk seen) to 100.
    pub risk_score: u8,
    pub decision: FraudDecision,
    /// Each rule that added to the score.
    pub reasons: Vec<FraudReason>,
    pub amount: i64,
    pub currency: String,
    pub source_account: String,
    pub destination_account: String,
    /// The `pay_` id assessed, when one was given.
    pub payment: Option<String>,
    /// Unix time in seconds.
    pub created: i64,
}

/// The recommended action: `Approve` below 40, `Review` 40 to 74,
/// `Decline` 75 and above.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FraudDecision {
    Approve,
    Review,
    Decline,
}

/// One rule that contributed to a risk score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FraudReason {
    /// Machine-readable rule name, such as `"large_amount"`.
    pub code: String,
    pub message: String,
}

/// The body of [`Fraud::assess`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreateFraudAssessmentParams {
    /// Amount in minor units, same rules as a payment.
    pub amount: i64,
    pub currency: String,
    pub source_account: String,
    pub destination_account: String,
    /// A `pay_` id to attach the assessment to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payment: Option<String>,
}

impl CreateFraudAssessmentParams {
    /// Checks the body with the payment rules, and `payment` as a `pay_` id.
    /// Errors (`InvalidRequest`, `param` set).
    pub fn validate(&self) -> Result<()> {
        validate::amount(self.amount)?;
        validate::currency(&self.currency)?;
        validate::account("source_account", &self.source_account)?;
        validate::account("destination_account", &self.destination_account)?;
        validate::different_accounts(&self.source_account, &self.destination_account)?;
        if let Some(payment) = &self.payment {
            validate::object_id("payment", payment, "pay_")?;
        }
        Ok(())
    }
}

/// The `/v1/fraud` calls. See [`Client::fraud`].
#[derive(Debug, Clone)]
pub struct Fraud {
    pub(crate) client: Client,
}

impl Fraud {
    /// Scores a payment for fraud risk (`POST /v1/fraud/assessments`).
    /// Sends an idempotency key like [`crate::Payments::create`].
    pub async fn assess(
        &self,
        params: &CreateFraudAssessmentParams,
        options: &RequestOptions,
    ) -> Result<FraudAssessment> {
        params.validate()?;
        let key = validate::idempotency_key_for(options)?;
        let request = ApiRequest::post(vec!["v1", "fraud", "assessments"], params, key, options)?;
        self.client.inner.execute(request).await
    }
}
