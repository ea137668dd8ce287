//! Request body reading and JSON object parsing with the sandbox's own
//! error envelope, because axum's rejections respond in plain text.

use axum::body::Body;
use bytes::Bytes;
use http_body_util::BodyExt;
use serde_json::{Map, Value};

use crate::errors::{ApiError, ApiResult};

/// Reads a whole body, failing with 413 `body_too_large` past `limit` bytes.
pub async fn read(body: Body, limit: usize) -> ApiResult<Bytes> {
    let limited = http_body_util::Limited::new(body, limit);
    match limited.collect().await {
        Ok(collected) => Ok(collected.to_bytes()),
        Err(error) if error.is::<http_body_util::LengthLimitError>() => {
            Err(ApiError::body_too_large(limit))
        }
        Err(error) => Err(ApiError::invalid(
            "body",
            format!("Failed to read the request body: {error}."),
        )),
    }
}

/// Parses a JSON object body. An empty body counts as `{}` so that calls
/// without parameters (such as a cancel) need no body.
pub fn json_object(bytes: &[u8]) -> ApiResult<Map<String, Value>> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(Map::new());
    }
    let value: Value = serde_json::from_slice(bytes).map_err(|error| {
        ApiError::invalid(
            "body",
            format!("The request body is not valid JSON: {error}. Send a JSON object."),
        )
        .with_code("body_invalid_json")
    })?;
    match value {
        Value::Object(map) => Ok(map),
        other => Err(ApiError::invalid(
            "body",
            format!(
                "The request body must be a JSON object, got {}.",
                crate::params::type_name(&other)
            ),
        )
        .with_code("body_invalid_json")),
    }
}
