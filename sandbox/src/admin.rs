//! The admin API under `/_sandbox/` (Bearer `admin_token`): the stand-in for
//! the developer dashboard and the test hooks.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::header::AUTHORIZATION;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::json;
use subtle::ConstantTimeEq;

use crate::auth::lock;
use crate::body;
use crate::errors::{ApiError, ApiResult};
use crate::faults::{Fault, FAULT_FIELDS};
use crate::ids;
use crate::params::Fields;
use crate::routes::path_id;
use crate::scopes::Scope;
use crate::state::AppState;
use crate::webhooks;

pub fn router() -> Router<Arc<AppState>> {
    Router::new()
        .route("/_sandbox/keys", post(create_key).get(list_keys))
        .route("/_sandbox/keys/{id}/rotate", post(rotate_key))
        .route("/_sandbox/keys/{id}/revoke", post(revoke_key))
        .route("/_sandbox/oauth_clients", post(create_client))
        .route("/_sandbox/oauth_clients/{id}/revoke", post(revoke_client))
        .route(
            "/_sandbox/faults",
            post(create_fault).get(list_faults).delete(clear_faults),
        )
        .route("/_sandbox/stats", get(stats))
        .route("/_sandbox/stats/reset", post(reset_stats))
        .route("/_sandbox/webhooks/deliver", post(deliver))
        .route("/_sandbox/webhooks/deliveries", get(deliveries))
        .route("/_sandbox/webhooks/sign", post(sign))
}

/// Middleware that admits only `Authorization: Bearer <admin_token>`.
pub async fn require_admin(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    let token = request
        .headers()
        .get(AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .unwrap_or("");
    let valid: bool = ids::digest(token).ct_eq(&state.admin_token_digest).into();
    if !valid {
        return ApiError::unauthenticated(
            "api_key_invalid",
            "The admin API needs `Authorization: Bearer <admin_token>` with the admin_token that the sandbox printed at start.",
        )
        .into_response();
    }
    next.run(request).await
}

async fn read_fields(state: &AppState, request: Request, allowed: &[&str]) -> ApiResult<Fields> {
    let bytes = body::read(request.into_body(), state.config.max_body_bytes).await?;
    Fields::new(body::json_object(&bytes)?, allowed)
}

/// Parses an optional `scopes` list; absent means every scope.
fn parse_scopes(fields: &Fields) -> ApiResult<Vec<Scope>> {
    let Some(names) = fields.optional_string_list("scopes")? else {
        return Ok(Scope::ALL.to_vec());
    };
    names
        .iter()
        .map(|name| {
            Scope::parse(name)
                .ok_or_else(|| ApiError::invalid("scopes", format!("Unknown scope {name:?}.")))
        })
        .collect()
}

fn optional_u64(fields: &Fields, name: &str, max: u64) -> ApiResult<Option<u64>> {
    fields.optional_integer(name, 0, max)
}

async fn create_key(State(state): State<Arc<AppState>>, request: Request) -> ApiResult<Response> {
    let fields = read_fields(&state, request, &["scopes"]).await?;
    let scopes = parse_scopes(&fields)?;
    let created = lock(&state.keys).create(scopes);
    tracing::info!(key = %created.id, "API key created");
    Ok(Json(created).into_response())
}

async fn list_keys(State(state): State<Arc<AppState>>) -> Response {
    Json(json!({"object": "list", "data": lock(&state.keys).list()})).into_response()
}

async fn rotate_key(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    request: Request,
) -> ApiResult<Response> {
    let id = path_id(path)?;
    let fields = read_fields(&state, request, &["grace_period_seconds"]).await?;
    let grace = optional_u64(&fields, "grace_period_seconds", 30 * 24 * 3600)?.unwrap_or(60);
    let created = lock(&state.keys).rotate(&id, Duration::from_secs(grace))?;
    tracing::info!(old_key = %id, new_key = %created.id, grace_seconds = grace, "API key rotated");
    Ok(Json(created).into_response())
}

async fn revoke_key(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    request: Request,
) -> ApiResult<Response> {
    let id = path_id(path)?;
    read_fields(&state, request, &[]).await?;
    let summary = lock(&state.keys).revoke(&id)?;
    tracing::info!(key = %id, "API key revoked");
    Ok(Json(summary).into_response())
}

async fn create_client(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> ApiResult<Response> {
    let fields = read_fields(&state, request, &["scopes", "token_ttl_seconds"]).await?;
    let scopes = parse_scopes(&fields)?;
    let ttl = fields
        .optional_integer("token_ttl_seconds", 1, 30 * 24 * 3600)?
        .map(Duration::from_secs)
        .unwrap_or(state.config.token_ttl);
    let created = lock(&state.oauth).create_client(scopes, ttl);
    tracing::info!(client = %created.client_id, "OAuth client created");
    Ok(Json(created).into_response())
}

async fn revoke_client(
    State(state): State<Arc<AppState>>,
    path: Result<Path<String>, PathRejection>,
    request: Request,
) -> ApiResult<Response> {
    let id = path_id(path)?;
    read_fields(&state, request, &[]).await?;
    lock(&state.oauth).revoke_client(&id)?;
    tracing::info!(client = %id, "OAuth client revoked");
    Ok(Json(json!({"client_id": id, "revoked": true})).into_response())
}

async fn create_fault(State(state): State<Arc<AppState>>, request: Request) -> ApiResult<Response> {
    let fields = read_fields(&state, request, FAULT_FIELDS).await?;
    let fault = Fault::from_fields(&fields)?;
    tracing::info!(fault = %fault.id, path = %fault.path, action = ?fault.action, count = fault.remaining, "fault added");
    lock(&state.faults).add(fault.clone());
    Ok(Json(fault).into_response())
}

async fn list_faults(State(state): State<Arc<AppState>>) -> Response {
    Json(json!({"object": "list", "data": lock(&state.faults).list()})).into_response()
}

async fn clear_faults(State(state): State<Arc<AppState>>) -> Response {
    lock(&state.faults).clear();
    Json(json!({"cleared": true})).into_response()
}

async fn stats(State(state): State<Arc<AppState>>) -> Response {
    Json(state.stats.snapshot()).into_response()
}

async fn reset_stats(State(state): State<Arc<AppState>>) -> Response {
    state.stats.reset();
    Json(state.stats.snapshot()).into_response()
}

async fn deliver(State(state): State<Arc<AppState>>, request: Request) -> ApiResult<Response> {
    let fields = read_fields(&state, request, &["event_id"]).await?;
    let event_id = fields.optional_string("event_id", 64)?;
    if let Some(id) = &event_id {
        if state.lock_store().events.get(id).is_none() {
            return Err(ApiError::not_found("event", "event_id", id));
        }
    }
    let attempts = webhooks::deliver_now(&state, event_id.as_deref()).await;
    Ok(Json(json!({"object": "list", "data": attempts})).into_response())
}

async fn deliveries(State(state): State<Arc<AppState>>) -> Response {
    Json(json!({"object": "list", "data": state.webhooks.attempts()})).into_response()
}

/// Signs `payload` with the sandbox's `webhook_secret` (or `secret`), so an
/// SDK's webhook verification can be tested without a receiver.
async fn sign(State(state): State<Arc<AppState>>, request: Request) -> ApiResult<Response> {
    let fields = read_fields(
        &state,
        request,
        &["payload", "msg_id", "timestamp", "secret"],
    )
    .await?;
    let payload = fields.required_string("payload", state.config.max_body_bytes)?;
    let msg_id = fields
        .optional_string("msg_id", 255)?
        .unwrap_or_else(|| ids::random_id("msg_", 24));
    let timestamp = fields
        .optional_integer("timestamp", 0, i64::MAX as u64)?
        .map(|t| t as i64)
        .unwrap_or_else(ids::now_unix);
    let secret = fields
        .optional_string("secret", 512)?
        .unwrap_or_else(|| state.webhook_secret.clone());
    let signature = standardwebhooks::Webhook::new(&secret)
        .map_err(|_| ApiError::invalid("secret", "secret must be whsec_ followed by base64."))?
        .sign(&msg_id, timestamp, payload.as_bytes())
        .map_err(|error| ApiError::internal(format!("Signing failed: {error}.")))?;
    Ok(Json(json!({
        "webhook-id": msg_id,
        "webhook-timestamp": timestamp.to_string(),
        "webhook-signature": signature,
    }))
    .into_response())
}
