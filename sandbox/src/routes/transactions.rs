//! `GET /v1/transactions` and `GET /v1/transactions/{id}`.

use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

use super::{list_response, path_id};
use crate::auth::Principal;
use crate::errors::{ApiError, ApiResult};
use crate::params::Query;
use crate::scopes::Scope;
use crate::state::AppState;

pub const STATUSES: &[&str] = &["pending", "posted", "failed", "reversed"];

pub async fn retrieve(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    path: Result<Path<String>, PathRejection>,
) -> ApiResult<Response> {
    principal.require(Scope::TransactionsRead)?;
    let id = path_id(path)?;
    let store = state.lock_store();
    let transaction = store
        .transactions
        .get(&id)
        .ok_or_else(|| ApiError::not_found("transaction", "id", &id))?;
    Ok(Json(transaction).into_response())
}

pub async fn list(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    uri: Uri,
) -> ApiResult<Response> {
    principal.require(Scope::TransactionsRead)?;
    let query = Query::parse(
        &uri,
        &[
            "limit",
            "starting_after",
            "status",
            "created_gte",
            "created_lte",
        ],
    )?;
    let limit = query.limit()?;
    let status = query.choice("status", STATUSES)?;
    let created_gte = query.unix_time("created_gte")?;
    let created_lte = query.unix_time("created_lte")?;
    let store = state.lock_store();
    let page = store
        .transactions
        .page(limit, query.get("starting_after"), |txn| {
            status.as_deref().is_none_or(|s| txn.status == s)
                && created_gte.is_none_or(|t| txn.created >= t)
                && created_lte.is_none_or(|t| txn.created <= t)
        })?;
    Ok(list_response("/v1/transactions", page))
}
