//! Handlers of the `/v1/` API.

pub mod events;
pub mod fraud_assessments;
pub mod payments;
pub mod transactions;
pub mod webhook_endpoints;

use axum::extract::rejection::PathRejection;
use axum::extract::Path;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Serialize;

use crate::errors::{ApiError, ApiResult};
use crate::store::Page;

/// Unwraps a `{id}` path parameter, turning axum's plain-text rejection into
/// the error envelope.
pub fn path_id(path: Result<Path<String>, PathRejection>) -> ApiResult<String> {
    path.map(|Path(id)| id).map_err(|rejection| {
        ApiError::invalid("id", format!("Invalid id in the path: {rejection}."))
    })
}

#[derive(Serialize)]
struct ListBody<'a, T> {
    object: &'static str,
    url: &'a str,
    data: Vec<T>,
    has_more: bool,
}

/// Renders a page as `{"object": "list", "url", "data", "has_more"}`.
pub fn list_response<T: Serialize>(url: &str, page: Page<T>) -> Response {
    Json(ListBody {
        object: "list",
        url,
        data: page.data,
        has_more: page.has_more,
    })
    .into_response()
}

/// `GET /v1/openapi.json`.
pub async fn openapi() -> Response {
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        crate::OPENAPI_JSON,
    )
        .into_response()
}
