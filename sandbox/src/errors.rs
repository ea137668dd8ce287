//! The error envelope every `/v1/` and `/_sandbox/` route returns:
//! `{"error": {"type", "code", "message", "param", "request_id"}}`.

use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::request_id;

/// The `type` field of the error envelope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorType {
    InvalidRequest,
    Authentication,
    Permission,
    Idempotency,
    RateLimit,
    Api,
}

impl ErrorType {
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorType::InvalidRequest => "invalid_request_error",
            ErrorType::Authentication => "authentication_error",
            ErrorType::Permission => "permission_error",
            ErrorType::Idempotency => "idempotency_error",
            ErrorType::RateLimit => "rate_limit_error",
            ErrorType::Api => "api_error",
        }
    }
}

/// The error envelope `{"error": {...}}`.
#[derive(Debug, Serialize)]
pub struct ErrorBody<'a> {
    pub error: ErrorFields<'a>,
}

#[derive(Debug, Serialize)]
pub struct ErrorFields<'a> {
    #[serde(rename = "type")]
    pub error_type: &'static str,
    pub code: &'static str,
    pub message: &'a str,
    pub param: Option<&'a str>,
    pub request_id: Option<&'a str>,
}

/// An API error rendered as the JSON envelope with the current request id.
#[derive(Debug, Clone)]
pub struct ApiError {
    pub status: StatusCode,
    pub error_type: ErrorType,
    pub code: &'static str,
    pub message: String,
    pub param: Option<String>,
    /// Seconds for the `Retry-After` header, sent with 429 and 503.
    pub retry_after: Option<u64>,
}

impl ApiError {
    pub fn new(
        status: StatusCode,
        error_type: ErrorType,
        code: &'static str,
        message: impl Into<String>,
    ) -> Self {
        ApiError {
            status,
            error_type,
            code,
            message: message.into(),
            param: None,
            retry_after: None,
        }
    }

    pub fn with_param(mut self, param: impl Into<String>) -> Self {
        self.param = Some(param.into());
        self
    }

    pub fn with_code(mut self, code: &'static str) -> Self {
        self.code = code;
        self
    }

    pub fn with_retry_after(mut self, seconds: u64) -> Self {
        self.retry_after = Some(seconds);
        self
    }

    /// 400 `parameter_invalid` on `param`.
    pub fn invalid(param: &str, message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            ErrorType::InvalidRequest,
            "parameter_invalid",
            message,
        )
        .with_param(param)
    }

    /// 400 `parameter_missing` on `param`.
    pub fn missing(param: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            ErrorType::InvalidRequest,
            "parameter_missing",
            format!("Missing required parameter {param}."),
        )
        .with_param(param)
    }

    /// 400 `parameter_unknown` on `param`.
    pub fn unknown(param: &str) -> Self {
        Self::new(
            StatusCode::BAD_REQUEST,
            ErrorType::InvalidRequest,
            "parameter_unknown",
            format!("Unknown parameter {param}: remove it from the request."),
        )
        .with_param(param)
    }

    /// 404 `resource_missing` for an id that names no stored object.
    pub fn not_found(kind: &str, param: &str, id: &str) -> Self {
        Self::new(
            StatusCode::NOT_FOUND,
            ErrorType::InvalidRequest,
            "resource_missing",
            format!("No such {kind}: {id:?}."),
        )
        .with_param(param)
    }

    pub fn unauthenticated(code: &'static str, message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            ErrorType::Authentication,
            code,
            message,
        )
    }

    pub fn body_too_large(limit: usize) -> Self {
        Self::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            ErrorType::InvalidRequest,
            "body_too_large",
            format!("The request body is larger than the limit of {limit} bytes."),
        )
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            ErrorType::Api,
            "internal_error",
            message,
        )
    }

    /// Renders the JSON body of this error with `request_id`, fields in the
    /// order that `docs/api.md` shows.
    pub fn body<'a>(&'a self, request_id: Option<&'a str>) -> ErrorBody<'a> {
        ErrorBody {
            error: ErrorFields {
                error_type: self.error_type.as_str(),
                code: self.code,
                message: &self.message,
                param: self.param.as_deref(),
                request_id,
            },
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let request_id = request_id::current();
        if self.status.is_server_error() {
            tracing::warn!(request_id = request_id.as_deref(), status = self.status.as_u16(), code = self.code, message = %self.message, "request failed");
        } else {
            tracing::info!(
                request_id = request_id.as_deref(),
                status = self.status.as_u16(),
                code = self.code,
                param = self.param.as_deref(),
                "request rejected"
            );
        }
        let body = self.body(request_id.as_deref());
        let mut response = (self.status, axum::Json(body)).into_response();
        if let Some(seconds) = self.retry_after {
            response
                .headers_mut()
                .insert("retry-after", HeaderValue::from(seconds));
        }
        response
    }
}

pub type ApiResult<T> = Result<T, ApiError>;
