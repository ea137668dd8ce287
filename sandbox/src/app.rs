//! The router: which middleware runs on which routes.

use std::sync::Arc;

use axum::http::StatusCode;
use axum::middleware::from_fn_with_state;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use axum::Router;

use crate::errors::{ApiError, ErrorType};
use crate::routes::{events, fraud_assessments, payments, transactions, webhook_endpoints};
use crate::state::AppState;
use crate::{admin, auth, faults, idempotency, oauth, request_id, routes};

/// Builds the router. The request id middleware wraps everything. On `/v1/`
/// routes the request count and faults come next. Authenticated routes then
/// run authentication with the rate limit, then idempotency, and innermost
/// the processing delay that a `delay` fault injects.
pub fn router(state: Arc<AppState>) -> Router {
    let authenticated = Router::new()
        .route("/v1/transactions", get(transactions::list))
        .route("/v1/transactions/{id}", get(transactions::retrieve))
        .route("/v1/payments", post(payments::create).get(payments::list))
        .route("/v1/payments/{id}", get(payments::retrieve))
        .route("/v1/payments/{id}/cancel", post(payments::cancel))
        .route("/v1/fraud/assessments", post(fraud_assessments::create))
        .route("/v1/events", get(events::list))
        .route("/v1/webhook_endpoints", post(webhook_endpoints::create))
        .route_layer(axum::middleware::from_fn(faults::apply_processing_delay))
        .route_layer(from_fn_with_state(state.clone(), idempotency::handle))
        .route_layer(from_fn_with_state(state.clone(), auth::require_auth));

    let v1 = authenticated
        .route("/v1/oauth/token", post(oauth::token))
        .route("/v1/openapi.json", get(routes::openapi))
        .route_layer(from_fn_with_state(state.clone(), faults::count_and_inject));

    let admin =
        admin::router().route_layer(from_fn_with_state(state.clone(), admin::require_admin));

    v1.merge(admin)
        .fallback(route_not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(tower_http::catch_panic::CatchPanicLayer::custom(
            panic_response,
        ))
        .layer(axum::middleware::from_fn(request_id::assign))
        .with_state(state)
}

/// Turns a handler panic into a 500 with the error envelope, so a bug shows
/// up as an error response instead of a closed connection.
fn panic_response(panic: Box<dyn std::any::Any + Send + 'static>) -> axum::response::Response {
    let detail = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(
        request_id = request_id::current().as_deref(),
        panic = detail,
        "handler panicked"
    );
    ApiError::internal("The sandbox failed while handling this request. Its log has the details.")
        .into_response()
}

async fn route_not_found(uri: axum::http::Uri) -> impl IntoResponse {
    ApiError::new(
        StatusCode::NOT_FOUND,
        ErrorType::InvalidRequest,
        "route_not_found",
        format!(
            "No route for {}. See /v1/openapi.json for the routes.",
            uri.path()
        ),
    )
}

async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> impl IntoResponse {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        ErrorType::InvalidRequest,
        "method_not_allowed",
        format!(
            "{} does not accept {method}. See /v1/openapi.json for the routes.",
            uri.path()
        ),
    )
}
