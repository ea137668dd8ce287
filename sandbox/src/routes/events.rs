//! `GET /v1/events`, the monitoring feed.

use std::sync::Arc;

use axum::extract::State;
use axum::http::Uri;
use axum::response::Response;
use axum::Extension;

use super::list_response;
use crate::auth::Principal;
use crate::errors::ApiResult;
use crate::params::Query;
use crate::scopes::Scope;
use crate::state::AppState;

pub const EVENT_TYPES: &[&str] = &[
    "payment.created",
    "payment.succeeded",
    "payment.failed",
    "payment.canceled",
    "fraud_assessment.created",
];

pub async fn list(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    uri: Uri,
) -> ApiResult<Response> {
    principal.require(Scope::EventsRead)?;
    let query = Query::parse(&uri, &["limit", "starting_after", "type"])?;
    let limit = query.limit()?;
    let event_type = query.choice("type", EVENT_TYPES)?;
    let store = state.lock_store();
    let page = store
        .events
        .page(limit, query.get("starting_after"), |event| {
            event_type.as_deref().is_none_or(|t| event.event_type == t)
        })?;
    Ok(list_response("/v1/events", page))
}
