use serde::{Deserialize, Serialize};

use super::{validate, Page};
use crate::client::Client;
use crate::error::Result;
use crate::http::ApiRequest;
use crate::pagination::Paginator;
use crate::request::RequestOptions;

/// A posted or pending movement of money on an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Transaction {
    /// The object type, always `"transaction"`, so that JSON consumers (and
    /// [`crate::EventData::object`]) can tell resources apart.
    #[serde(default = "crate::resources::object_name::transaction")]
    pub object: String,
    /// `txn_` id.
    pub id: String,
    /// Amount in minor units of `currency` (cents for EUR); always positive,
    /// `direction` gives the sign.
    pub amount: i64,
    /// ISO 4217 code in upper case.
    pub currency: String,
    pub status: TransactionStatus,
    pub direction: TransactionDirection,
    /// The `acct_` id the transaction belongs to.
    pub account: String,
    /// The other party's `acct_` id.
    pub counterparty: Option<String>,
    pub description: Option<String>,
    /// Unix time in seconds.
    pub created: i64,
}

/// The stage of a transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionStatus {
    Pending,
    Posted,
    Failed,
    Reversed,
}

/// Whether money came in (`Credit`) or went out (`Debit`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TransactionDirection {
    Credit,
    Debit,
}

/// Filters and paging for [`Transactions::list`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListTransactionsParams {
    /// Page size, 1 to 100 (the API's default is 10).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Start after this `txn_` id; the paginator sets it for later pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub starting_after: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<TransactionStatus>,
    /// Only transactions created at or after this Unix time in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_gte: Option<i64>,
    /// Only transactions created at or before this Unix time in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_lte: Option<i64>,
}

impl ListTransactionsParams {
    /// Checks the parameters against the API's rules.
    ///
    /// Errors (`InvalidRequest`, `param` set): `limit` outside 1 to 100, a
    /// malformed `starting_after`, or `created_gte` after `created_lte`.
    pub fn validate(&self) -> Result<()> {
        validate::limit(self.limit)?;
        if let Some(cursor) = &self.starting_after {
            validate::object_id("starting_after", cursor, "txn_")?;
        }
        if let (Some(gte), Some(lte)) = (self.created_gte, self.created_lte) {
            if gte > lte {
                return Err(crate::Error::invalid_param(
                    "created_gte",
                    format!(
                        "created_gte ({gte}) is after created_lte ({lte}); swap them or drop one"
                    ),
                ));
            }
        }
        Ok(())
    }
}

/// The `/v1/transactions` calls. Cheap to create; see [`Client::transactions`].
#[derive(Debug, Clone)]
pub struct Transactions {
    pub(crate) client: Client,
}

impl Transactions {
    /// Fetches one transaction by its `txn_` id.
    ///
    /// Errors: `InvalidRequest` for an empty or malformed id (before any
    /// request), `NotFound`, and the errors every call can return.
    pub async fn retrieve(&self, id: &str, options: &RequestOptions) -> Result<Transaction> {
        validate::object_id("id", id, "txn_")?;
        let request = ApiRequest::get(vec!["v1", "transactions", id], options);
        self.client.inner.execute(request).await
    }

    /// Fetches one page of transactions.
    pub async fn list_page(
        &self,
        params: &ListTransactionsParams,
        options: &RequestOptions,
    ) -> Result<Page<Transaction>> {
        params.validate()?;
        let request = ApiRequest::get(vec!["v1", "transactions"], options).with_query(params);
        self.client.inner.execute(request).await
    }

    /// Returns a paginator over every matching transaction, fetching pages on
    /// demand. Parameters are validated here, before any request.
    pub fn list(
        &self,
        params: ListTransactionsParams,
        options: RequestOptions,
    ) -> Result<Paginator<Transaction>> {
        params.validate()?;
        let transactions = self.clone();
        let cursor = params.starting_after.clone();

        Ok(Paginator::new(
            cursor,
            |item: &Transaction| &item.id,
            move |starting_after| {
                let transactions = transactions.clone();
                let params = ListTransactionsParams {
                    starting_after,
                    ..params.clone()
                };
                let options = options.clone();
                async move { transactions.list_page(&params, &options).await }
            },
        ))
    }
}
