//! The one place where core errors become the error thrown on the JVM.

use std::time::Duration;

use realtime_finance::{Error, ErrorKind};

/// Mirror of [`realtime_finance::ErrorKind`]; the Java facade maps each
/// variant to one exception class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum FfiErrorKind {
    Configuration,
    Authentication,
    Permission,
    InvalidRequest,
    NotFound,
    Conflict,
    RateLimit,
    Api,
    Connection,
    Timeout,
    WebhookSignature,
}

/// Every failure of every exported function, with the core error's fields.
///
/// The field is called `detail`, not `message`, because the generated
/// Kotlin exception already has a `message` property.
#[derive(Debug, thiserror::Error, uniffi::Error)]
pub enum FfiError {
    #[error("{detail}")]
    Failure {
        kind: FfiErrorKind,
        /// The core's message: what failed, on which value, what to do.
        detail: String,
        http_status: Option<i32>,
        code: Option<String>,
        request_id: Option<String>,
        param: Option<String>,
        retry_after: Option<Duration>,
    },
}

impl From<Error> for FfiError {
    fn from(error: Error) -> Self {
        let kind = match error.kind() {
            ErrorKind::Configuration => FfiErrorKind::Configuration,
            ErrorKind::Authentication => FfiErrorKind::Authentication,
            ErrorKind::Permission => FfiErrorKind::Permission,
            ErrorKind::InvalidRequest => FfiErrorKind::InvalidRequest,
            ErrorKind::NotFound => FfiErrorKind::NotFound,
            ErrorKind::Conflict => FfiErrorKind::Conflict,
            ErrorKind::RateLimit => FfiErrorKind::RateLimit,
            ErrorKind::Api => FfiErrorKind::Api,
            ErrorKind::Connection => FfiErrorKind::Connection,
            ErrorKind::Timeout => FfiErrorKind::Timeout,
            ErrorKind::WebhookSignature => FfiErrorKind::WebhookSignature,
            // `ErrorKind` is non-exhaustive. A kind added to the core later
            // surfaces as the generic API error until this table learns it.
            _ => FfiErrorKind::Api,
        };
        FfiError::Failure {
            kind,
            detail: error.message().to_owned(),
            http_status: error.http_status().map(i32::from),
            code: error.code().map(str::to_owned),
            request_id: error.request_id().map(str::to_owned),
            param: error.param().map(str::to_owned),
            retry_after: error.retry_after(),
        }
    }
}

/// Turns a failed join of a task spawned on the core's runtime (a panic, or
/// the runtime shutting down) into an error instead of unwinding into the JVM.
pub(crate) fn join_error(error: tokio::task::JoinError) -> FfiError {
    let what = if error.is_panic() {
        "panicked"
    } else {
        "was cancelled"
    };
    FfiError::from(Error::new(
        ErrorKind::Api,
        format!("the SDK's native task {what}; this is a bug in the SDK, please report it"),
    ))
}

/// Parses the JSON text that the Java facade sends for a parameter object.
pub(crate) fn parse_params<T: serde::de::DeserializeOwned>(json: &str) -> Result<T, FfiError> {
    let value: serde_json::Value = serde_json::from_str(json).map_err(|error| {
        Error::configuration(format!(
            "the Java SDK sent parameters that are not valid JSON ({error}); this is a bug in the SDK, please report it"
        ))
    })?;
    Ok(realtime_finance::resources::params_from_json(value)?)
}
