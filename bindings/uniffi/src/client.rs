//! The client object: a blocking export per API call, an async twin for each
//! call that sends a request, and list calls that return pagers.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use realtime_finance::{
    runtime, ClientOptions, CreateFraudAssessmentParams, CreatePaymentParams,
    CreateWebhookEndpointParams, ListEventsParams, ListPaymentsParams, ListTransactionsParams,
    RequestOptions, SecretString,
};

use crate::error::{join_error, parse_params, FfiError};
use crate::pager::{EventPager, PaymentPager, TransactionPager};
use crate::types::{
    to_max_retries, FfiFraudAssessment, FfiPayment, FfiRequestOptions, FfiTransaction,
    FfiWebhookEndpoint,
};

/// The client settings without the secrets, which travel as separate
/// constructor arguments so that no generated record contains them. Each
/// field is the core's [`ClientOptions`] field of the same name; `None`
/// leaves the environment variable or the core's default in force.
#[derive(Debug, Clone, uniffi::Record)]
pub struct FfiClientConfig {
    pub client_id: Option<String>,
    pub scopes: Option<Vec<String>>,
    pub token_url: Option<String>,
    /// `"client_secret_basic"` or `"client_secret_post"`.
    pub client_auth_method: Option<String>,
    /// `"sandbox"` or `"live"`.
    pub environment: Option<String>,
    pub base_url: Option<String>,
    pub timeout: Option<Duration>,
    pub connect_timeout: Option<Duration>,
    pub max_retries: Option<i64>,
    /// Path of a PEM file, which the core reads.
    pub ca_cert_path: Option<String>,
    pub ca_cert_pem: Option<Vec<u8>>,
    /// `false` makes the core ignore the `REALTIME_FINANCE_*` variables.
    pub read_environment: bool,
    /// The JVM's `java.version`, for the `User-Agent`.
    pub java_version: String,
}

/// A Real Time Finance client over the core's async client. Thread-safe:
/// every method takes `&self` and the core client is safe to share.
#[derive(uniffi::Object)]
pub struct NativeClient {
    client: realtime_finance::Client,
}

impl std::fmt::Debug for NativeClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("NativeClient").finish_non_exhaustive()
    }
}

/// Runs a core call on a worker of the core's runtime, parking the calling
/// thread, and converts its result on the calling thread. A panic inside
/// the call resumes on the calling thread, where UniFFI's scaffolding
/// reports it to the JVM as an internal error.
fn spawn_and_wait<T, R>(
    future: impl std::future::Future<Output = realtime_finance::Result<R>> + Send + 'static,
) -> Result<T, FfiError>
where
    R: Into<T> + Send + 'static,
{
    Ok(runtime::spawn_and_wait(future)??.into())
}

/// Runs a core call on the core's runtime and awaits it from UniFFI's
/// executor, which only polls the join handle.
async fn spawn<T, R>(
    future: impl std::future::Future<Output = realtime_finance::Result<R>> + Send + 'static,
) -> Result<T, FfiError>
where
    R: Into<T> + Send + 'static,
{
    let handle = runtime::spawn(future)?;
    Ok(handle.await.map_err(join_error)??.into())
}

#[uniffi::export]
impl NativeClient {
    /// Builds a client; sends no request.
    ///
    /// Errors (`Configuration`): whatever [`ClientOptions::build`] rejects,
    /// or a negative `max_retries`.
    #[uniffi::constructor]
    pub fn new(
        config: FfiClientConfig,
        api_key: Option<String>,
        client_secret: Option<String>,
    ) -> Result<Arc<NativeClient>, FfiError> {
        let options = ClientOptions {
            api_key: api_key.map(SecretString::new),
            client_id: config.client_id,
            client_secret: client_secret.map(SecretString::new),
            scopes: config.scopes,
            token_url: config.token_url,
            client_auth_method: config.client_auth_method,
            environment: config.environment,
            base_url: config.base_url,
            timeout: config.timeout,
            connect_timeout: config.connect_timeout,
            max_retries: config.max_retries.map(to_max_retries).transpose()?,
            ca_cert_path: config.ca_cert_path.map(PathBuf::from),
            ca_cert_pem: config.ca_cert_pem,
            language: Some(("java".to_owned(), config.java_version)),
            ignore_environment: !config.read_environment,
        };
        Ok(Arc::new(NativeClient {
            client: options.build()?,
        }))
    }

    /// Returns the base URL that requests go to, without a trailing slash.
    pub fn base_url(&self) -> String {
        self.client.base_url().to_owned()
    }

    /// Replaces the API key; calls in flight finish with the old one.
    pub fn set_api_key(&self, api_key: String) -> Result<(), FfiError> {
        Ok(self.client.set_api_key(SecretString::new(api_key))?)
    }

    pub fn retrieve_transaction(
        &self,
        id: String,
        options: FfiRequestOptions,
    ) -> Result<FfiTransaction, FfiError> {
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn_and_wait(async move { client.transactions().retrieve(&id, &options).await })
    }

    /// Validates `params_json` and returns a pager; sends no request.
    pub fn list_transactions(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<Arc<TransactionPager>, FfiError> {
        let params: ListTransactionsParams = parse_params(&params_json)?;
        let paginator = self
            .client
            .transactions()
            .list(params, options.try_into()?)?;
        Ok(Arc::new(TransactionPager::new(paginator)))
    }

    pub fn create_payment(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<FfiPayment, FfiError> {
        let params: CreatePaymentParams = parse_params(&params_json)?;
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn_and_wait(async move { client.payments().create(&params, &options).await })
    }

    pub fn retrieve_payment(
        &self,
        id: String,
        options: FfiRequestOptions,
    ) -> Result<FfiPayment, FfiError> {
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn_and_wait(async move { client.payments().retrieve(&id, &options).await })
    }

    /// Validates `params_json` and returns a pager; sends no request.
    pub fn list_payments(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<Arc<PaymentPager>, FfiError> {
        let params: ListPaymentsParams = parse_params(&params_json)?;
        let paginator = self.client.payments().list(params, options.try_into()?)?;
        Ok(Arc::new(PaymentPager::new(paginator)))
    }

    pub fn cancel_payment(
        &self,
        id: String,
        options: FfiRequestOptions,
    ) -> Result<FfiPayment, FfiError> {
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn_and_wait(async move { client.payments().cancel(&id, &options).await })
    }

    pub fn assess_fraud(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<FfiFraudAssessment, FfiError> {
        let params: CreateFraudAssessmentParams = parse_params(&params_json)?;
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn_and_wait(async move { client.fraud().assess(&params, &options).await })
    }

    /// Validates `params_json` and returns a pager; sends no request.
    pub fn list_events(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<Arc<EventPager>, FfiError> {
        let params: ListEventsParams = parse_params(&params_json)?;
        let paginator = self.client.events().list(params, options.try_into()?)?;
        Ok(Arc::new(EventPager::new(paginator)))
    }

    pub fn create_webhook_endpoint(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<FfiWebhookEndpoint, FfiError> {
        let params: CreateWebhookEndpointParams = parse_params(&params_json)?;
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn_and_wait(async move { client.webhook_endpoints().create(&params, &options).await })
    }
}

// The async twins. Parameters are parsed before spawning, so a bad argument
// fails the returned future without a trip through the runtime.
#[uniffi::export(async_runtime = "tokio")]
impl NativeClient {
    pub async fn retrieve_transaction_async(
        &self,
        id: String,
        options: FfiRequestOptions,
    ) -> Result<FfiTransaction, FfiError> {
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn(async move { client.transactions().retrieve(&id, &options).await }).await
    }

    pub async fn create_payment_async(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<FfiPayment, FfiError> {
        let params: CreatePaymentParams = parse_params(&params_json)?;
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn(async move { client.payments().create(&params, &options).await }).await
    }

    pub async fn retrieve_payment_async(
        &self,
        id: String,
        options: FfiRequestOptions,
    ) -> Result<FfiPayment, FfiError> {
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn(async move { client.payments().retrieve(&id, &options).await }).await
    }

    pub async fn cancel_payment_async(
        &self,
        id: String,
        options: FfiRequestOptions,
    ) -> Result<FfiPayment, FfiError> {
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn(async move { client.payments().cancel(&id, &options).await }).await
    }

    pub async fn assess_fraud_async(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<FfiFraudAssessment, FfiError> {
        let params: CreateFraudAssessmentParams = parse_params(&params_json)?;
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn(async move { client.fraud().assess(&params, &options).await }).await
    }

    pub async fn create_webhook_endpoint_async(
        &self,
        params_json: String,
        options: FfiRequestOptions,
    ) -> Result<FfiWebhookEndpoint, FfiError> {
        let params: CreateWebhookEndpointParams = parse_params(&params_json)?;
        let options = RequestOptions::try_from(options)?;
        let client = self.client.clone();
        spawn(async move { client.webhook_endpoints().create(&params, &options).await }).await
    }
}
