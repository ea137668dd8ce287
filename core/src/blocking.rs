//! A blocking facade over [`crate::Client`].
//!
//! Each call runs the async call on a worker of the SDK's runtime with
//! [`crate::runtime::spawn_and_wait`] and parks the calling thread until it
//! finishes: two cross-thread wake-ups per call, however many socket events
//! the call needs. The arguments are cloned into the call because the task
//! must own them. Must not be called from inside a tokio runtime.

use std::sync::Arc;

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
        let client = self.inner.clone();
        let id = id.to_owned();
        let options = options.clone();
        runtime::spawn_and_wait(async move { client.transactions().retrieve(&id, &options).await })?
    }

    pub fn list_transactions_page(
        &self,
        params: &ListTransactionsParams,
        options: &RequestOptions,
    ) -> Result<Page<Transaction>> {
        let client = self.inner.clone();
        let params = params.clone();
        let options = options.clone();
        runtime::spawn_and_wait(
            async move { client.transactions().list_page(&params, &options).await },
        )?
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
        let client = self.inner.clone();
        let params = params.clone();
        let options = options.clone();
        runtime::spawn_and_wait(async move { client.payments().create(&params, &options).await })?
    }

    pub fn retrieve_payment(&self, id: &str, options: &RequestOptions) -> Result<Payment> {
        let client = self.inner.clone();
        let id = id.to_owned();
        let options = options.clone();
        runtime::spawn_and_wait(async move { client.payments().retrieve(&id, &options).await })?
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
        let client = self.inner.clone();
        let id = id.to_owned();
        let options = options.clone();
        runtime::spawn_and_wait(async move { client.payments().cancel(&id, &options).await })?
    }

    pub fn assess_fraud(
        &self,
        params: &CreateFraudAssessmentParams,
        options: &RequestOptions,
    ) -> Result<FraudAssessment> {
        let client = self.inner.clone();
        let params = params.clone();
        let options = options.clone();
        runtime::spawn_and_wait(async move { client.fraud().assess(&params, &options).await })?
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
        let client = self.inner.clone();
        let params = params.clone();
        let options = options.clone();
        runtime::spawn_and_wait(async move {
            client.webhook_endpoints().create(&params, &options).await
        })?
    }
}

/// An iterator over every element of a list, fetching pages on demand.
/// After an error the next call retries the same page.
#[derive(Debug)]
pub struct BlockingPaginator<T> {
    /// Shared with the task that fetches a page, which must own what it
    /// uses. Only one page request runs at a time, so the lock is never
    /// contended.
    paginator: Arc<tokio::sync::Mutex<Paginator<T>>>,
    buffer: std::vec::IntoIter<T>,
}

impl<T: Send + 'static> BlockingPaginator<T> {
    fn new(paginator: Paginator<T>) -> Self {
        BlockingPaginator {
            paginator: Arc::new(tokio::sync::Mutex::new(paginator)),
            buffer: Vec::new().into_iter(),
        }
    }

    /// Fetches the next page, or `None` at the end.
    pub fn next_page(&mut self) -> Result<Option<Vec<T>>> {
        let paginator = Arc::clone(&self.paginator);
        runtime::spawn_and_wait(async move { paginator.lock().await.next_page().await })?
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

#[cfg(test)]
mod tests {
    use realtime_finance_sandbox::SandboxConfig;

    use super::*;

    const THREADS: usize = 64;
    const CALLS_PER_THREAD: usize = 5;

    #[test]
    fn calls_from_64_threads() {
        // The sandbox runs on its own runtime, apart from the SDK's.
        let server = tokio::runtime::Runtime::new().unwrap();
        let sandbox = server
            .block_on(realtime_finance_sandbox::start(SandboxConfig {
                rate_limit_per_second: None,
                ..SandboxConfig::default()
            }))
            .unwrap();
        let client = Client::new(
            AsyncClient::builder()
                .ignore_environment_variables()
                .api_key(sandbox.credentials().secret_key.as_str())
                .base_url(sandbox.base_url()),
        )
        .unwrap();
        let options = RequestOptions::default();
        let first = ListTransactionsParams {
            limit: Some(1),
            ..ListTransactionsParams::default()
        };
        let id = client
            .list_transactions_page(&first, &options)
            .unwrap()
            .data[0]
            .id
            .clone();

        let results: Vec<Result<Vec<String>>> = std::thread::scope(|scope| {
            let callers: Vec<_> = (0..THREADS)
                .map(|_| {
                    scope.spawn(|| {
                        (0..CALLS_PER_THREAD)
                            .map(|_| {
                                client
                                    .retrieve_transaction(&id, &options)
                                    .map(|transaction| transaction.id)
                            })
                            .collect()
                    })
                })
                .collect();
            callers
                .into_iter()
                .map(|caller| caller.join().unwrap())
                .collect()
        });

        assert_eq!(results.len(), THREADS);
        for result in results {
            assert_eq!(result.unwrap(), vec![id.clone(); CALLS_PER_THREAD]);
        }
    }
}
