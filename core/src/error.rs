//! The one error type of the SDK.
//!
//! Every failure, from a bad argument to a 503 from the API, is an [`Error`]
//! with an [`ErrorKind`]. Each binding maps the kind to one exception class in
//! exactly one place; the table on [`ErrorKind`] is that mapping's contract.

use std::fmt;
use std::time::Duration;

/// The category of an [`Error`]. Bindings map each kind to one class:
///
/// | kind | Python | Node.js | Java | PHP | Ruby |
/// | --- | --- | --- | --- | --- | --- |
/// | `Configuration` | `ConfigurationError` | `ConfigurationError` | `ConfigurationException` | `Exception\ConfigurationException` | `ConfigurationError` |
/// | `Authentication` | `AuthenticationError` | `AuthenticationError` | `AuthenticationException` | `Exception\AuthenticationException` | `AuthenticationError` |
/// | `Permission` | `PermissionError` | `PermissionError` | `PermissionException` | `Exception\PermissionException` | `PermissionError` |
/// | `InvalidRequest` | `InvalidRequestError` | `InvalidRequestError` | `InvalidRequestException` | `Exception\InvalidRequestException` | `InvalidRequestError` |
/// | `NotFound` | `NotFoundError` | `NotFoundError` | `NotFoundException` | `Exception\NotFoundException` | `NotFoundError` |
/// | `Conflict` | `ConflictError` | `ConflictError` | `ConflictException` | `Exception\ConflictException` | `ConflictError` |
/// | `RateLimit` | `RateLimitError` | `RateLimitError` | `RateLimitException` | `Exception\RateLimitException` | `RateLimitError` |
/// | `Api` | `APIError` | `APIError` | `ApiException` | `Exception\ApiException` | `APIError` |
/// | `Connection` | `ConnectionError` | `ConnectionError` | `ConnectionException` | `Exception\ConnectionException` | `ConnectionError` |
/// | `Timeout` | `TimeoutError` | `TimeoutError` | `TimeoutException` | `Exception\TimeoutException` | `TimeoutError` |
/// | `WebhookSignature` | `WebhookSignatureError` | `WebhookSignatureError` | `WebhookSignatureException` | `Exception\WebhookSignatureException` | `WebhookSignatureError` |
///
/// All of them derive from the language's base class: `RealTimeFinanceError`
/// (Python, Node.js), `RealTimeFinanceException` (Java, PHP) and
/// `RealtimeFinance::Error` (Ruby). In Python, `PermissionError`,
/// `ConnectionError` and `TimeoutError` shadow builtins only inside the
/// `realtime_finance` namespace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Invalid client settings or arguments, found before any request.
    Configuration,
    /// 401: the key or access token is missing, invalid, revoked or expired,
    /// or the OAuth server rejected the client credentials.
    Authentication,
    /// 403: the credential lacks the scope the call needs.
    Permission,
    /// 400, 413, 422 (other than idempotency), or a parameter the core
    /// rejected before sending; `param` names the field.
    InvalidRequest,
    /// 404: no such resource.
    NotFound,
    /// 409 and idempotency errors: a key reused with another body, a key
    /// still in use, or a state that forbids the operation.
    Conflict,
    /// 429: too many requests. `retry_after` gives the time to wait before trying again.
    RateLimit,
    /// 5xx, or a response the core cannot parse.
    Api,
    /// The connection failed or dropped before a complete response.
    Connection,
    /// A connect timeout, per-attempt timeout or the call's total budget ran out.
    Timeout,
    /// A webhook payload failed verification.
    WebhookSignature,
}

impl ErrorKind {
    /// Stable snake_case name of the kind, the same string in every binding
    /// (for example `"rate_limit"`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Configuration => "configuration",
            ErrorKind::Authentication => "authentication",
            ErrorKind::Permission => "permission",
            ErrorKind::InvalidRequest => "invalid_request",
            ErrorKind::NotFound => "not_found",
            ErrorKind::Conflict => "conflict",
            ErrorKind::RateLimit => "rate_limit",
            ErrorKind::Api => "api",
            ErrorKind::Connection => "connection",
            ErrorKind::Timeout => "timeout",
            ErrorKind::WebhookSignature => "webhook_signature",
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An SDK error: what failed, on which value, and what to do.
///
/// The message never contains a secret: credentials are held in
/// [`crate::SecretString`] and only their non-secret prefix may appear.
#[derive(Debug, Clone)]
pub struct Error {
    pub(crate) kind: ErrorKind,
    pub(crate) message: String,
    pub(crate) http_status: Option<u16>,
    pub(crate) code: Option<String>,
    pub(crate) request_id: Option<String>,
    pub(crate) param: Option<String>,
    pub(crate) retry_after: Option<Duration>,
}

impl Error {
    /// Creates an error of `kind` with a developer-facing `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            http_status: None,
            code: None,
            request_id: None,
            param: None,
            retry_after: None,
        }
    }

    /// Creates a `Configuration` error about one setting.
    pub fn configuration(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Configuration, message)
    }

    /// Creates an `InvalidRequest` error about the parameter `param`, found
    /// before any request was sent.
    pub fn invalid_param(param: impl Into<String>, message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidRequest, message).with_param(param)
    }

    pub(crate) fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    pub(crate) fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    pub(crate) fn with_http_status(mut self, status: u16) -> Self {
        self.http_status = Some(status);
        self
    }

    pub(crate) fn with_request_id(mut self, request_id: Option<String>) -> Self {
        self.request_id = request_id;
        self
    }

    pub(crate) fn with_retry_after(mut self, retry_after: Option<Duration>) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// The category, which decides the exception class in each binding.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// A sentence for the developer: what failed, on which value, what to do.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status of the response, when there was one.
    pub fn http_status(&self) -> Option<u16> {
        self.http_status
    }

    /// The API's machine-readable error code (`"insufficient_scope"`), or the
    /// OAuth error code (`"invalid_client"`) for token endpoint failures.
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The `Request-Id` of the failed response; quote it to support.
    pub fn request_id(&self) -> Option<&str> {
        self.request_id.as_deref()
    }

    /// The request parameter at fault, for `InvalidRequest` errors.
    pub fn param(&self) -> Option<&str> {
        self.param.as_deref()
    }

    /// How long the server asked the caller to wait, for `RateLimit` errors
    /// and other responses with a `Retry-After` header.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(request_id) = &self.request_id {
            write!(f, " (request id {request_id})")?;
        }
        Ok(())
    }
}

impl std::error::Error for Error {}

/// The result type of every fallible SDK call.
pub type Result<T, E = Error> = std::result::Result<T, E>;
