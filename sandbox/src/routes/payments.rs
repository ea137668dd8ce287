//! `POST /v1/payments`, `GET /v1/payments`, `GET /v1/payments/{id}` and
//! `POST /v1/payments/{id}/cancel`.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

use super::{list_response, path_id};
use crate::auth::Principal;
use crate::body;
use crate::errors::{ApiError, ApiResult, ErrorType};
use crate::fraud::FLAGGED_ACCOUNT;
use crate::ids;
use crate::params::{Fields, Query, Transfer};
use crate::scopes::Scope;
use crate::state::AppState;
use crate::store::Payment;

/// Source account whose payments fail with `insufficient_funds`.
pub const INSUFFICIENT_FUNDS_ACCOUNT: &str = "acct_insufficient_funds";
/// Destination account whose payments stay `pending` until canceled.
pub const STAYS_PENDING_ACCOUNT: &str = "acct_stays_pending";

pub const STATUSES: &[&str] = &["pending", "succeeded", "failed", "canceled"];

const FIELDS: &[&str] = &[
    "amount",
    "currency",
    "source_account",
    "destination_account",
    "description",
    "metadata",
];

pub async fn create(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    request: Request,
) -> ApiResult<Response> {
    principal.require(Scope::PaymentsWrite)?;
    let bytes = body::read(request.into_body(), state.config.max_body_bytes).await?;
    let fields = Fields::new(body::json_object(&bytes)?, FIELDS)?;
    let Transfer {
        amount,
        currency,
        source_account,
        destination_account,
    } = fields.required_transfer()?;
    let description = fields.optional_string("description", 500)?;
    let metadata = fields.optional_metadata("metadata")?;

    let failure_code = if source_account == INSUFFICIENT_FUNDS_ACCOUNT {
        Some("insufficient_funds")
    } else if source_account == FLAGGED_ACCOUNT || destination_account == FLAGGED_ACCOUNT {
        Some("fraud_declined")
    } else {
        None
    };
    let settles = failure_code.is_none() && destination_account != STAYS_PENDING_ACCOUNT;
    let payment = Payment {
        id: ids::random_id("pay_", 24),
        object: "payment",
        amount,
        currency,
        status: if failure_code.is_some() {
            "failed"
        } else {
            "pending"
        },
        source_account,
        destination_account,
        description,
        metadata,
        failure_code,
        created: ids::now_unix(),
        canceled_at: None,
    };

    {
        let mut store = state.lock_store();
        state.emit_event(&mut store, "payment.created", &payment);
        if failure_code.is_some() {
            state.emit_event(&mut store, "payment.failed", &payment);
        }
        store.payments.push(payment.clone());
    }
    state.stats.record_payment_created();
    tracing::info!(payment = %payment.id, status = payment.status, "payment created");
    if settles {
        schedule_settlement(state.clone(), payment.id.clone());
    }
    Ok(Json(payment).into_response())
}

/// Moves a pending payment to `succeeded` after the settle delay, unless it
/// was canceled first or the sandbox shuts down.
fn schedule_settlement(state: Arc<AppState>, payment_id: String) {
    let delay = state.config.settle_delay;
    let shutdown = state.shutdown.clone();
    state.tasks.clone().spawn(async move {
        tokio::select! {
            _ = tokio::time::sleep(delay) => {}
            _ = shutdown.cancelled() => return,
        }
        let mut store = state.lock_store();
        let Some(payment) = store.payments.get_mut(&payment_id) else {
            return;
        };
        if payment.status != "pending" {
            return;
        }
        payment.status = "succeeded";
        let snapshot = payment.clone();
        state.emit_event(&mut store, "payment.succeeded", &snapshot);
    });
}

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Response> {
    principal.require(Scope::PaymentsRead)?;
    let id = path_id(path)?;
    let store = state.lock_store();
    let payment = store
        .payments
        .get(&id)
        .ok_or_else(|| ApiError::not_found("payment", "id", &id))?;
    Ok(Json(payment).into_response())
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    uri: Uri,
) -> ApiResult<Response> {
    principal.require(Scope::PaymentsRead)?;
    let query = Query::parse(&uri, &["limit", "starting_after", "status"])?;
    let limit = query.limit()?;
    let status = query.choice("status", STATUSES)?;
    let store = state.lock_store();
    let page = store
        .payments
        .page(limit, query.get("starting_after"), |payment| {
            status.as_deref().is_none_or(|s| payment.status == s)
        })?;
    Ok(list_response("/v1/payments", page))
}

pub async fn cancel(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    path: Result<Path<String>, PathRejection>,
    request: Request,
) -> ApiResult<Response> {
    principal.require(Scope::PaymentsWrite)?;
    let id = path_id(path)?;
    let bytes = body::read(request.into_body(), state.config.max_body_bytes).await?;
    Fields::new(body::json_object(&bytes)?, &[])?;

    let mut store = state.lock_store();
    let payment = store
        .payments
        .get_mut(&id)
        .ok_or_else(|| ApiError::not_found("payment", "id", &id))?;
    if payment.status != "pending" {
        return Err(ApiError::new(
            StatusCode::CONFLICT,
            ErrorType::InvalidRequest,
            "payment_not_cancelable",
            format!(
                "Payment {id} is {} and only pending payments can be canceled.",
                payment.status
            ),
        )
        .with_param("id"));
    }
    payment.status = "canceled";
    payment.canceled_at = Some(ids::now_unix());
    let snapshot = payment.clone();
    state.emit_event(&mut store, "payment.canceled", &snapshot);
    Ok(Json(snapshot).into_response())
}
