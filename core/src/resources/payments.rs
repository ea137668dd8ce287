use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::{validate, Page};
use crate::client::Client;
use crate::error::Result;
use crate::http::ApiRequest;
use crate::pagination::Paginator;
use crate::request::RequestOptions;

/// A transfer of money between two accounts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Payment {
    /// The object type, always `"payment"`, so that JSON consumers (and
    /// [`crate::EventData::object`]) can tell resources apart.
    #[serde(default = "crate::resources::object_name::payment")]
    pub object: String,
    /// `pay_` id.
    pub id: String,
    /// Amount in minor units of `currency`.
    pub amount: i64,
    /// ISO 4217 code in upper case.
    pub currency: String,
    pub status: PaymentStatus,
    pub source_account: String,
    pub destination_account: String,
    pub description: Option<String>,
    #[serde(default)]
    pub metadata: BTreeMap<String, String>,
    /// The reason for a failure (`"insufficient_funds"`, `"fraud_declined"`),
    /// set only when `status` is `Failed`.
    pub failure_code: Option<String>,
    /// Unix time in seconds.
    pub created: i64,
    /// Unix time in seconds of the cancel, when `status` is `Canceled`.
    pub canceled_at: Option<i64>,
}

/// The stage of a payment: `Pending`, then one of the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentStatus {
    Pending,
    Succeeded,
    Failed,
    Canceled,
}

/// The body of [`Payments::create`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreatePaymentParams {
    /// Amount in minor units, 1 to 100 000 000 000.
    pub amount: i64,
    /// ISO 4217 code in upper case, such as `"EUR"`.
    pub currency: String,
    /// `acct_` followed by letters, digits or `_`, at most 64 characters.
    pub source_account: String,
    /// Same form as `source_account`, and different from it.
    pub destination_account: String,
    /// At most 500 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// At most 20 keys of up to 40 characters, values up to 500 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub metadata: Option<BTreeMap<String, String>>,
}

/// Filters and paging for [`Payments::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListPaymentsParams {
    /// Page size, 1 to 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<PaymentStatus>,
}

impl CreatePaymentParams {
    /// Checks the body against the API's rules.
    ///
    /// Errors (`InvalidRequest`, `param` set): an amount outside 1 to
    /// 100 000 000 000, a malformed currency or account, equal accounts, a
    /// long description or metadata beyond its limits.
    pub fn validate(&self) -> Result<()> {
        validate::amount(self.amount)?;
        validate::currency(&self.currency)?;
        validate::account("source_account", &self.source_account)?;
        validate::account("destination_account", &self.destination_account)?;
        validate::different_accounts(&self.source_account, &self.destination_account)?;
        validate::description(self.description.as_deref())?;
        validate::metadata(self.metadata.as_ref())
    }
}

impl ListPaymentsParams {
    /// Checks the parameters. Errors (`InvalidRequest`, `param` set):
    /// `limit` outside 1 to 100 or a malformed `starting_after`.
    pub fn validate(&self) -> Result<()> {
        validate::limit(self.limit)?;
        if let Some(cursor) = &self.starting_after {
            validate::object_id("starting_after", cursor, "pay_")?;
        }
        Ok(())
    }
}

/// The `/v1/payments` calls. See [`Client::payments`].
#[derive(Debug, Clone)]
pub struct Payments {
    pub(crate) client: Client,
}

impl Payments {
    /// Creates a payment.
    ///
    /// Sends `options.idempotency_key`, or a generated UUID v4 key when it is
    /// `None`, and sends the same key on every retry of this call, so a
    /// retried request never creates a second payment.
    pub async fn create(
        &self,
        params: &CreatePaymentParams,
        options: &RequestOptions,
    ) -> Result<Payment> {
        params.validate()?;
        let key = validate::idempotency_key_for(options)?;
        let request = ApiRequest::post(vec!["v1", "payments"], params, key, options)?;
        self.client.inner.execute(request).await
    }

    /// Fetches one payment by its `pay_` id.
    pub async fn retrieve(&self, id: &str, options: &RequestOptions) -> Result<Payment> {
        validate::object_id("id", id, "pay_")?;
        let request = ApiRequest::get(vec!["v1", "payments", id], options);
        self.client.inner.execute(request).await
    }

    /// Fetches one page of payments.
    pub async fn list_page(
        &self,
        params: &ListPaymentsParams,
        options: &RequestOptions,
    ) -> Result<Page<Payment>> {
        params.validate()?;
        let request = ApiRequest::get(vec!["v1", "payments"], options).with_query(params);
        self.client.inner.execute(request).await
    }

    /// Returns a paginator over every matching payment.
    pub fn list(
        &self,
        params: ListPaymentsParams,
        options: RequestOptions,
    ) -> Result<Paginator<Payment>> {
        params.validate()?;
        let payments = self.clone();
        let cursor = params.starting_after.clone();

        Ok(Paginator::new(
            cursor,
            |item: &Payment| &item.id,
            move |starting_after| {
                let payments = payments.clone();
                let params = ListPaymentsParams {
                    starting_after,
                    ..params.clone()
                };
                let options = options.clone();
                async move { payments.list_page(&params, &options).await }
            },
        ))
    }

    /// Cancels a pending payment. A payment that is no longer pending gives
    /// a `Conflict` error with code `payment_not_cancelable`. Sends an
    /// idempotency key like [`Payments::create`], so a retried cancel that
    /// already succeeded returns the canceled payment.
    pub async fn cancel(&self, id: &str, options: &RequestOptions) -> Result<Payment> {
        validate::object_id("id", id, "pay_")?;
        let key = validate::idempotency_key_for(options)?;
        let request = ApiRequest::post(
            vec!["v1", "payments", id, "cancel"],
            &serde_json::json!({}),
            key,
            options,
        )?;
        self.client.inner.execute(request).await
    }
}
