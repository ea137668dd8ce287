//! Injected faults: the next N requests on a route get an error status, a
//! delay, or a closed connection. Faults apply to every `/v1/` route,
//! including the token endpoint, and never to the admin API.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::auth::lock;
use crate::errors::{ApiError, ApiResult, ErrorType};
use crate::ids;
use crate::oauth::OAuthError;
use crate::params::Fields;
use crate::server::ConnectionHandle;
use crate::state::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FaultAction {
    /// Respond with `status` (and `Retry-After`) without processing.
    Respond,
    /// Wait `delay_ms`, then process normally.
    Delay,
    /// Process the request fully, then close the connection without sending
    /// any byte of the response.
    DropAfterProcessing,
    /// Close the connection without processing the request.
    ResetBeforeProcessing,
}

impl FaultAction {
    pub fn parse(value: &str) -> Option<FaultAction> {
        match value {
            "respond" => Some(FaultAction::Respond),
            "delay" => Some(FaultAction::Delay),
            "drop_after_processing" => Some(FaultAction::DropAfterProcessing),
            "reset_before_processing" => Some(FaultAction::ResetBeforeProcessing),
            _ => None,
        }
    }
}

/// Fields accepted by `POST /_sandbox/faults`.
pub const FAULT_FIELDS: &[&str] = &[
    "method",
    "path",
    "count",
    "status",
    "retry_after",
    "delay_ms",
    "action",
];

#[derive(Debug, Clone, Serialize)]
pub struct Fault {
    pub id: String,
    /// `None` matches every method.
    pub method: Option<String>,
    /// An exact path, or a prefix ending in `/*` (`/v1/payments/*` matches
    /// `/v1/payments/pay_1` but not `/v1/payments`).
    pub path: String,
    /// Requests still to be affected.
    pub remaining: u32,
    pub action: FaultAction,
    pub status: u16,
    pub retry_after: Option<u64>,
    pub delay_ms: u64,
}

impl Fault {
    /// Reads a fault from the body of `POST /_sandbox/faults`.
    pub fn from_fields(fields: &Fields) -> ApiResult<Fault> {
        let path = fields.required_string("path", 1024)?;
        if !path.starts_with("/v1/") {
            return Err(ApiError::invalid(
                "path",
                format!("path must be a /v1/ route such as /v1/payments or a prefix such as /v1/payments/*, got {path:?}."),
            ));
        }
        let method = fields
            .optional_string("method", 16)?
            .map(|m| m.to_ascii_uppercase());
        let count = fields.optional_integer("count", 1, 1_000_000)?.unwrap_or(1) as u32;
        let status = fields.optional_integer("status", 100, 599)?;
        let retry_after = fields.optional_integer("retry_after", 0, 86_400)?;
        let delay_ms = fields.optional_integer("delay_ms", 0, 60_000)?.unwrap_or(0);

        let action = match fields.optional_string("action", 64)? {
            None if status.is_some() => FaultAction::Respond,
            None if delay_ms > 0 => FaultAction::Delay,
            None => return Err(ApiError::missing("action")),
            Some(name) => FaultAction::parse(&name).ok_or_else(|| {
                ApiError::invalid(
                    "action",
                    format!("action must be respond, delay, drop_after_processing or reset_before_processing, got {name:?}."),
                )
            })?,
        };

        Ok(Fault {
            id: ids::random_id("flt_", 16),
            method,
            path,
            remaining: count,
            action,
            status: status.unwrap_or(503) as u16,
            retry_after,
            delay_ms,
        })
    }

    fn matches(&self, method: &Method, path: &str) -> bool {
        if let Some(expected) = &self.method {
            if !expected.eq_ignore_ascii_case(method.as_str()) {
                return false;
            }
        }
        match self.path.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => self.path == path,
        }
    }
}

#[derive(Debug, Default)]
pub struct FaultStore {
    faults: Vec<Fault>,
}

impl FaultStore {
    pub fn add(&mut self, fault: Fault) {
        self.faults.push(fault);
    }

    pub fn clear(&mut self) {
        self.faults.clear();
    }

    pub fn list(&self) -> Vec<Fault> {
        self.faults.clone()
    }

    /// Takes one use of the first fault matching the request, oldest first.
    fn take(&mut self, method: &Method, path: &str) -> Option<Fault> {
        let index = self
            .faults
            .iter()
            .position(|fault| fault.remaining > 0 && fault.matches(method, path))?;
        let fault = &mut self.faults[index];
        fault.remaining -= 1;
        let taken = fault.clone();
        if fault.remaining == 0 {
            self.faults.remove(index);
        }
        Some(taken)
    }
}

/// Middleware on every `/v1/` route: counts the request under its route
/// template, then applies the first matching fault.
pub async fn count_and_inject(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let template = request
        .extensions()
        .get::<MatchedPath>()
        .map(|path| path.as_str().to_string())
        .unwrap_or_else(|| request.uri().path().to_string());
    state
        .stats
        .record_request(format!("{} {}", request.method(), template));

    let fault = lock(&state.faults).take(request.method(), request.uri().path());
    let Some(fault) = fault else {
        return next.run(request).await;
    };
    tracing::info!(
        request_id = crate::request_id::current().as_deref(),
        fault = %fault.id,
        action = ?fault.action,
        path = request.uri().path(),
        "injecting fault"
    );
    let delay = Duration::from_millis(fault.delay_ms);
    let connection = request.extensions().get::<ConnectionHandle>().cloned();
    if fault.action == FaultAction::Delay {
        return delayed(request, next, delay).await;
    }
    tokio::time::sleep(delay).await;
    match fault.action {
        FaultAction::Delay => unreachable!("handled above"),
        FaultAction::Respond => fault_response(&fault, request.uri().path()),
        FaultAction::ResetBeforeProcessing => close_connection(connection).await,
        FaultAction::DropAfterProcessing => {
            let response = next.run(request).await;
            drop(response);
            close_connection(connection).await
        }
    }
}

/// Delay that [`apply_processing_delay`] applies once the request has been
/// authenticated and registered under its idempotency key, so a delayed
/// request is observably in flight.
#[derive(Debug, Clone, Copy)]
pub struct ProcessingDelay(pub Duration);

async fn delayed(mut request: Request, next: Next, delay: Duration) -> Response {
    let public = matches!(request.uri().path(), "/v1/oauth/token" | "/v1/openapi.json");
    if public {
        tokio::time::sleep(delay).await;
    } else {
        request.extensions_mut().insert(ProcessingDelay(delay));
    }
    next.run(request).await
}

/// Innermost middleware of authenticated routes: sleeps for an injected
/// [`ProcessingDelay`] just before the handler runs.
pub async fn apply_processing_delay(request: Request, next: Next) -> Response {
    if let Some(ProcessingDelay(delay)) = request.extensions().get::<ProcessingDelay>().copied() {
        tokio::time::sleep(delay).await;
    }
    next.run(request).await
}

/// Closes the connection this request arrived on and never returns, so the
/// response is never written.
// NOTE: over HTTP/2 this ends every stream on the connection, not only the
// faulted request's.
async fn close_connection(connection: Option<ConnectionHandle>) -> Response {
    match connection {
        Some(connection) => {
            connection.close();
            std::future::pending().await
        }
        None => {
            ApiError::internal("The fault could not close the connection: no connection handle.")
                .into_response()
        }
    }
}

fn fault_response(fault: &Fault, path: &str) -> Response {
    let status = StatusCode::from_u16(fault.status).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let mut response = if path == "/v1/oauth/token" {
        OAuthError::fault(status).into_response()
    } else {
        let (error_type, code) = match status.as_u16() {
            429 => (ErrorType::RateLimit, "rate_limited"),
            503 => (ErrorType::Api, "service_unavailable"),
            500..=599 => (ErrorType::Api, "internal_error"),
            401 => (ErrorType::Authentication, "api_key_invalid"),
            403 => (ErrorType::Permission, "insufficient_scope"),
            _ => (ErrorType::InvalidRequest, "parameter_invalid"),
        };
        ApiError::new(
            status,
            error_type,
            code,
            format!(
                "Injected fault {}: the sandbox returned {status} on purpose.",
                fault.id
            ),
        )
        .into_response()
    };
    if let Some(seconds) = fault.retry_after {
        response
            .headers_mut()
            .insert("retry-after", axum::http::HeaderValue::from(seconds));
    }
    response
}
