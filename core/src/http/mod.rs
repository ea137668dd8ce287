//! The HTTP transport: the reqwest client, the `User-Agent`, sending one
//! attempt, and turning responses into values or [`Error`]s.

mod execute;
mod response;

use std::sync::RwLock;
use std::time::{Duration, Instant};

use bytes::Bytes;
use reqwest::header::{HeaderMap, HeaderValue, USER_AGENT};

use crate::error::{Error, ErrorKind, Result};
use crate::settings::Settings;

pub(crate) use execute::ApiRequest;
pub(crate) use response::{decode_json, error_from_api_response, request_id, retry_after};

/// A complete response: the body is read before any parsing.
#[derive(Debug)]
pub(crate) struct RawResponse {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Bytes,
}

/// The connection pool and fixed request settings of one client.
///
/// The pool belongs to the process that built it: after `fork()` the child
/// gets a new pool on its first request, because the parent's connections
/// (and the runtime tasks that drive them) do not exist in the child.
#[derive(Debug)]
pub(crate) struct Transport {
    pool: RwLock<Pool>,
    connect_timeout: Duration,
    certificates: Vec<reqwest::Certificate>,
    bypass_proxies: bool,
    user_agent: HeaderValue,
}

#[derive(Debug)]
struct Pool {
    pid: u32,
    client: reqwest::Client,
}

impl Transport {
    /// Builds the transport. Errors (`Configuration`): an unparsable CA
    /// certificate or `User-Agent`, or a TLS backend that fails to start.
    pub fn new(settings: &Settings) -> Result<Transport> {
        let certificates = match &settings.ca_certificate_pem {
            Some(pem) => reqwest::Certificate::from_pem_bundle(pem).map_err(|error| {
                Error::configuration(format!(
                    "the CA certificate is not valid PEM: {error}; pass the PEM text of the certificate"
                ))
            })?,
            None => Vec::new(),
        };
        if settings.ca_certificate_pem.is_some() && certificates.is_empty() {
            return Err(Error::configuration(
                "the CA certificate contains no PEM certificate; pass text that starts with -----BEGIN CERTIFICATE-----",
            ));
        }

        let user_agent = HeaderValue::from_str(&settings.user_agent).map_err(|_| {
            Error::configuration(format!(
                "the language name and version {:?} are not valid in a User-Agent header; use printable ASCII",
                settings.user_agent
            ))
        })?;

        let mut transport = Transport {
            pool: RwLock::new(Pool {
                pid: 0,
                client: reqwest::Client::new(),
            }),
            connect_timeout: settings.connect_timeout,
            certificates,
            // NOTE: proxies are decided per client, not per URL: a loopback
            // base URL (the local sandbox) never goes through a proxy, but a
            // token URL on another host then does not either.
            bypass_proxies: settings.loopback,
            user_agent,
        };
        transport.pool = RwLock::new(Pool {
            pid: std::process::id(),
            client: transport.build_client()?,
        });
        Ok(transport)
    }

    fn build_client(&self) -> Result<reqwest::Client> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .tcp_nodelay(true)
            .redirect(reqwest::redirect::Policy::none());

        for certificate in &self.certificates {
            builder = builder.add_root_certificate(certificate.clone());
        }
        if self.bypass_proxies {
            builder = builder.no_proxy();
        }

        builder.build().map_err(|error| {
            Error::configuration(format!("could not start the HTTP client: {error}"))
        })
    }

    /// Returns the reqwest client of this process, building a new pool when
    /// the process is a fork of the one that built the current pool.
    pub fn client(&self) -> Result<reqwest::Client> {
        let pid = std::process::id();
        {
            let pool = self
                .pool
                .read()
                .unwrap_or_else(|poisoned| poisoned.into_inner());
            if pool.pid == pid {
                return Ok(pool.client.clone());
            }
        }

        let mut pool = self
            .pool
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if pool.pid != pid {
            let stale = std::mem::replace(&mut pool.client, self.build_client()?);
            // Dropping the parent's pool would touch connection tasks of a
            // runtime that does not exist in this process.
            std::mem::forget(stale);
            pool.pid = pid;
        }
        Ok(pool.client.clone())
    }

    /// Sends one request and reads the whole body. `what` names the call in
    /// errors, such as `"GET /v1/transactions"`.
    ///
    /// Errors: `Connection` when the connection failed or dropped, `Timeout`
    /// when connecting timed out. HTTP error statuses are returned as
    /// responses, not errors.
    pub async fn send(
        &self,
        request: reqwest::RequestBuilder,
        what: &str,
        attempt: u32,
    ) -> Result<RawResponse> {
        let started = Instant::now();
        let request = request.header(USER_AGENT, self.user_agent.clone());

        let result = async {
            let response = request.send().await?;
            let status = response.status().as_u16();
            let headers = response.headers().clone();
            let body = response.bytes().await?;
            Ok::<_, reqwest::Error>(RawResponse {
                status,
                headers,
                body,
            })
        }
        .await;

        let elapsed_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
        match result {
            Ok(response) => {
                tracing::debug!(
                    call = what,
                    status = response.status,
                    request_id = request_id(&response.headers).as_deref(),
                    attempt,
                    elapsed_ms,
                    "request finished"
                );
                Ok(response)
            }
            Err(error) => {
                tracing::debug!(call = what, attempt, elapsed_ms, error = %error_chain(&error), "request failed");
                Err(transport_error(&error, what))
            }
        }
    }
}

/// Maps a reqwest failure (no complete response) to `Connection` or `Timeout`.
fn transport_error(error: &reqwest::Error, what: &str) -> Error {
    let detail = error_chain(error);
    if error.is_timeout() {
        return Error::new(
            ErrorKind::Timeout,
            format!("{what} timed out while connecting ({detail}); check that the server is reachable or raise connect_timeout"),
        );
    }
    if error.is_builder() {
        return Error::configuration(format!("{what} could not be built: {detail}"));
    }
    // rustls reports an untrusted server certificate as an "invalid peer
    // certificate" (rustls 0.23), which needs a CA setting, not a retry.
    let fix = if detail.contains("certificate") {
        "if the server uses a private or self-signed CA, pass its PEM file as ca_cert (or the PEM text as ca_cert_pem)"
    } else {
        "check the network and the base URL, then retry"
    };
    Error::new(
        ErrorKind::Connection,
        format!("{what} failed before a complete response ({detail}); {fix}"),
    )
}

/// The error and its causes, joined by `": "`. reqwest errors carry the URL,
/// which contains no secret (credentials travel in headers and bodies only).
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}
