//! One API call: authentication, the attempts, and the 401 refresh.

use std::sync::atomic::{AtomicBool, Ordering};

use reqwest::header::{HeaderValue, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde::Serialize;
use url::Url;
use zeroize::Zeroizing;

use super::{decode_json, error_from_api_response};
use crate::client::ClientInner;
use crate::error::{Error, Result};
use crate::request::RequestOptions;
use crate::retry::{self, RetryPolicy};
use crate::secret::SecretString;

/// A call to a `/v1/` endpoint, before authentication.
#[derive(Debug)]
pub(crate) struct ApiRequest<'a> {
    pub method: Method,
    /// Path segments after the base URL, unencoded: `["v1", "payments", id]`.
    pub segments: Vec<&'a str>,
    pub query: Vec<(String, String)>,
    /// A JSON body, already serialized.
    pub body: Option<Vec<u8>>,
    /// Sent as `Idempotency-Key`, the same on every attempt.
    pub idempotency_key: Option<String>,
    pub options: &'a RequestOptions,
}

impl<'a> ApiRequest<'a> {
    pub fn get(segments: Vec<&'a str>, options: &'a RequestOptions) -> Self {
        ApiRequest {
            method: Method::GET,
            segments,
            query: Vec::new(),
            body: None,
            idempotency_key: None,
            options,
        }
    }

    /// A POST with a JSON body and an idempotency key.
    pub fn post<B: Serialize>(
        segments: Vec<&'a str>,
        body: &B,
        idempotency_key: String,
        options: &'a RequestOptions,
    ) -> Result<Self> {
        let body = serde_json::to_vec(body).map_err(|error| {
            Error::configuration(format!("could not serialize the request body: {error}"))
        })?;
        Ok(ApiRequest {
            method: Method::POST,
            segments,
            query: Vec::new(),
            body: Some(body),
            idempotency_key: Some(idempotency_key),
            options,
        })
    }

    /// Adds the fields of `params` that are set as query parameters.
    pub fn with_query<P: Serialize>(mut self, params: &P) -> Self {
        if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(params) {
            for (name, value) in fields {
                match value {
                    serde_json::Value::Null => {}
                    serde_json::Value::String(text) => self.query.push((name, text)),
                    other => self.query.push((name, other.to_string())),
                }
            }
        }
        self
    }
}

impl ClientInner {
    /// Sends `request` with retries within the call's time budget and parses
    /// the 2xx body as `T`.
    ///
    /// Errors: any [`crate::ErrorKind`] but `WebhookSignature`; see
    /// [`crate::retry`] for what is retried.
    pub(crate) async fn execute<T: DeserializeOwned>(&self, request: ApiRequest<'_>) -> Result<T> {
        let policy = RetryPolicy::new(
            request
                .options
                .max_retries
                .unwrap_or(self.settings.max_retries),
            request.options.timeout.unwrap_or(self.settings.timeout),
        );

        let mut url = self.settings.base_url.clone();
        url.path_segments_mut()
            .map_err(|_| {
                Error::configuration(
                    "the base URL cannot have a path; use a URL such as https://host/",
                )
            })?
            .pop_if_empty()
            .extend(&request.segments);
        if !request.query.is_empty() {
            url.query_pairs_mut().extend_pairs(&request.query);
        }

        let what = format!("{} {}", request.method, url.path());
        let refreshed = AtomicBool::new(false);

        retry::run(&policy, &what, |attempt| {
            self.attempt(&request, &url, &what, attempt, &policy, &refreshed)
        })
        .await
    }

    /// One attempt, plus at most one resend per call after a 401 that
    /// rejected a cached OAuth token.
    async fn attempt<T: DeserializeOwned>(
        &self,
        request: &ApiRequest<'_>,
        url: &Url,
        what: &str,
        attempt: u32,
        policy: &RetryPolicy,
        refreshed: &AtomicBool,
    ) -> Result<T> {
        loop {
            let auth = self.current_auth();
            let credential = auth.credential(&self.transport, policy).await?;

            let http_request = self.build(request, url, &credential)?;
            let response = self.transport.send(http_request, what, attempt).await?;
            if (200..300).contains(&response.status) {
                return decode_json(&response, what);
            }

            let error = error_from_api_response(&response, what);
            if response.status == 401 && auth.is_oauth() && !refreshed.swap(true, Ordering::SeqCst)
            {
                tracing::info!(
                    call = what,
                    code = error.code(),
                    "access token rejected; refreshing it and resending once"
                );
                auth.invalidate(&credential);
                continue;
            }
            return Err(error);
        }
    }

    fn build(
        &self,
        request: &ApiRequest<'_>,
        url: &Url,
        credential: &SecretString,
    ) -> Result<reqwest::RequestBuilder> {
        let mut bearer = HeaderValue::from_str(&Zeroizing::new(format!(
            "Bearer {}",
            credential.expose_secret()
        )))
        .map_err(|_| {
            Error::configuration(format!(
                "the credential ({}…) contains characters that are not allowed in an HTTP header; \
                     copy the key again without spaces or line breaks",
                credential.redacted_prefix()
            ))
        })?;
        bearer.set_sensitive(true);

        let mut builder = self
            .transport
            .client()?
            .request(request.method.clone(), url.clone())
            .header(AUTHORIZATION, bearer)
            .header(ACCEPT, "application/json");

        if let Some(key) = &request.idempotency_key {
            builder = builder.header("Idempotency-Key", key.as_str());
        }
        if let Some(body) = &request.body {
            builder = builder
                .header(CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        Ok(builder)
    }
}
