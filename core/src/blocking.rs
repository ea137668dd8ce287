//! A blocking facade over [`crate::Client`].
//!
//! Each call runs the async call with [`crate::runtime::block_on`] on the
//! calling thread: no extra thread hop and no channel per call, so a binding's
//! synchronous call costs the same as the async one. Must not be called from
//! inside a tokio runtime.

use crate::client::Client as AsyncClient;
use crate::config::ClientBuilder;
use crate::error::Result;
use crate::pagination::Paginator;
use crate::request::RequestOptions;
use crate::resources::{
    CreateFraudAssessmentParams, CreatePaymentParams, CreateWebhookEndpointParams, Event,
    FraudAssessment, ListEventsParams, ListPaymentsParams, ListTransactionsParams, Page, Payment,
    Transaction, WebhookEndpoint,
};
use crate::runtime;

/// A blocking Real Time Finance client; thread-safe and cheap to clone.
#[derive(Debug, Clone)]
pub struct Client {
    inner: AsyncClient,
}

impl Client {
    /// Builds a blocking client from a [`ClientBuilder`].
    pub fn new(builder: ClientBuilder) -> Result<Client> {
        Ok(Client {
            inner: builder.build()?,
        })
    }

    /// Wraps an async client; both share connections and the token cache.
    pub fn from_async(inner: AsyncClient) -> Client {
        Client { inner }
    }

    /// The async client underneath.
    pub fn as_async(&self) -> &AsyncClient {
        &self.inner
    }

    pub fn retrieve_transaction(&self, id: &str, options: &RequestOptions) -> Result<Transaction> {
        runtime::block_on(self.inner.transactions().retrieve(id, options))?
    }

    pub fn list_transactions_page(
        &self,
        params: &ListTransactionsParams,
        options: &RequestOptions,
    ) -> Result<Page<Transaction>> {
        runtime::block_on(self.inner.transactions().list_page(params, options))?
    }

    pub fn list_transactions(
        &self,
        params: ListTransactionsParams,
        options: RequestOptions,
    ) -> Result<BlockingPaginator<Transaction>> {
        Ok(BlockingPaginator::new(
            self.inner.transactions().list(params, options)?,
        ))
    }

    pub fn create_payment(
        &self,
        params: &CreatePaymentParams,
        options: &RequestOptions,
    ) -> Result<Payment> {
        runtime::block_on(self.inner.payments().create(params, options))?
    }

    pub fn retrieve_payment(&self, id: &str, options: &RequestOptions) -> Result<Payment> {
        runtime::block_on(self.inner.payments().retrieve(id, options))?
    }

    pub fn list_payments(
        &self,
        params: ListPaymentsParams,
        options: RequestOptions,
    ) -> Result<BlockingPaginator<Payment>> {
        Ok(BlockingPaginator::new(
            self.inner.payments().list(params, options)?,
        ))
    }

    pub fn cancel_payment(&self, id: &str, options: &RequestOptions) -> Result<Payment> {
        runtime::block_on(self.inner.payments().cancel(id, options))?
    }

    pub fn assess_fraud(
        &self,
        params: &CreateFraudAssessmentParams,
        options: &RequestOptions,
    ) -> Result<FraudAssessment> {
        runtime::block_on(self.inner.fraud().assess(params, options))?
    }

    pub fn list_events(
        &self,
        params: ListEventsParams,
        options: RequestOptions,
    ) -> Result<BlockingPaginator<Event>> {
        Ok(BlockingPaginator::new(
            self.inner.events().list(params, options)?,
        ))
    }

    pub fn create_webhook_endpoint(
        &self,
        params: &CreateWebhookEndpointParams,
        options: &RequestOptions,
    ) -> Result<WebhookEndpoint> {
        runtime::block_on(self.inner.webhook_endpoints().create(params, options))?
    }
}

/// An iterator over every element of a list, fetching pages on demand.
/// After an error the next call retries the same page.
#[derive(Debug)]
pub struct BlockingPaginator<T> {
    paginator: Paginator<T>,
    buffer: std::vec::IntoIter<T>,
}

impl<T: Send + 'static> BlockingPaginator<T> {
    fn new(paginator: Paginator<T>) -> Self {
        BlockingPaginator {
            paginator,
            buffer: Vec::new().into_iter(),
        }
    }

    /// Fetches the next page, or `None` at the end.
    pub fn next_page(&mut self) -> Result<Option<Vec<T>>> {
        runtime::block_on(self.paginator.next_page())?
    }
}

impl<T: Send + 'static> Iterator for BlockingPaginator<T> {
    type Item = Result<T>;

    fn next(&mut self) -> Option<Result<T>> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(Ok(item));
            }
            match self.next_page() {
                Ok(Some(page)) => self.buffer = page.into_iter(),
                Ok(None) => return None,
                Err(error) => return Some(Err(error)),
            }
        }
    }
}
