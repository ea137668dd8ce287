//! Turning API responses into values or errors. The status-to-kind rule of
//! the API lives here; the OAuth token endpoint's is in `auth::oauth`.

use std::time::SystemTime;

use reqwest::header::{HeaderMap, RETRY_AFTER};
use serde::de::DeserializeOwned;
use serde::Deserialize;

use super::RawResponse;
use crate::error::{Error, ErrorKind, Result};
use crate::retry::parse_retry_after;

#[derive(Deserialize)]
struct Envelope {
    error: ApiErrorBody,
}

#[derive(Deserialize)]
struct ApiErrorBody {
    #[serde(rename = "type")]
    error_type: Option<String>,
    code: Option<String>,
    message: Option<String>,
    param: Option<String>,
    request_id: Option<String>,
}

/// The `Request-Id` header of a response.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    headers
        .get("request-id")
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

/// The `Retry-After` header of a response, in seconds or as an HTTP date.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<std::time::Duration> {
    let value = headers.get(RETRY_AFTER)?.to_str().ok()?;
    parse_retry_after(value, SystemTime::now())
}

/// Parses a 2xx body as `T`. Errors (`Api`): a body that is not the JSON
/// the contract describes.
pub(crate) fn decode_json<T: DeserializeOwned>(response: &RawResponse, what: &str) -> Result<T> {
    serde_json::from_slice(&response.body).map_err(|error| {
        Error::new(
            ErrorKind::Api,
            format!("could not parse the response to {what}: {error}; upgrade the SDK or contact support"),
        )
        .with_http_status(response.status)
        .with_request_id(request_id(&response.headers))
    })
}

/// Builds the error for a non-2xx API response from its error envelope.
///
/// Kinds by status: 400, 413 and 422 `InvalidRequest` (but `Conflict` for
/// type `idempotency_error`), 401 `Authentication`, 403 `Permission`, 404
/// `NotFound`, 408 `Timeout`, 409 `Conflict`, 429 `RateLimit`, anything
/// else `Api`. A body that is not an envelope gives `Api` with the status.
pub(crate) fn error_from_api_response(response: &RawResponse, what: &str) -> Error {
    let header_request_id = request_id(&response.headers);
    let retry_after = retry_after(&response.headers);

    let Ok(Envelope { error: body }) = serde_json::from_slice::<Envelope>(&response.body) else {
        let kind = if response.status == 408 {
            ErrorKind::Timeout
        } else {
            ErrorKind::Api
        };
        return Error::new(
            kind,
            format!(
                "{what} failed with HTTP {} and a body that is not an API error; retry later, \
                 and quote the request id to support if it persists",
                response.status
            ),
        )
        .with_http_status(response.status)
        .with_request_id(header_request_id)
        .with_retry_after(retry_after);
    };

    let kind = kind_for(response.status, body.error_type.as_deref());
    let message = body
        .message
        .unwrap_or_else(|| format!("{what} failed with HTTP {}", response.status));

    let mut error = Error::new(kind, message)
        .with_http_status(response.status)
        .with_request_id(header_request_id.or(body.request_id))
        .with_retry_after(retry_after);
    error.code = body.code;
    error.param = body.param;
    error
}

fn kind_for(status: u16, error_type: Option<&str>) -> ErrorKind {
    match status {
        _ if error_type == Some("idempotency_error") => ErrorKind::Conflict,
        400 | 413 | 422 => ErrorKind::InvalidRequest,
        401 => ErrorKind::Authentication,
        403 => ErrorKind::Permission,
        404 => ErrorKind::NotFound,
        408 => ErrorKind::Timeout,
        409 => ErrorKind::Conflict,
        429 => ErrorKind::RateLimit,
        _ => ErrorKind::Api,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(status: u16, body: &str) -> RawResponse {
        let mut headers = HeaderMap::new();
        headers.insert("request-id", "req_123".parse().unwrap());
        RawResponse {
            status,
            headers,
            body: body.as_bytes().to_vec().into(),
        }
    }

    #[test]
    fn envelope_fields() {
        let body = r#"{"error":{"type":"invalid_request_error","code":"parameter_invalid","message":"amount bad","param":"amount","request_id":"req_123"}}"#;
        let error = error_from_api_response(&response(400, body), "POST /v1/payments");
        assert_eq!(error.kind(), ErrorKind::InvalidRequest);
        assert_eq!(error.param(), Some("amount"));
        assert_eq!(error.code(), Some("parameter_invalid"));
        assert_eq!(error.request_id(), Some("req_123"));
        assert_eq!(error.message(), "amount bad");
    }

    #[test]
    fn idempotency_422_is_conflict() {
        let body = r#"{"error":{"type":"idempotency_error","code":"idempotency_key_reused","message":"m"}}"#;
        let error = error_from_api_response(&response(422, body), "POST /v1/payments");
        assert_eq!(error.kind(), ErrorKind::Conflict);
    }

    #[test]
    fn unparsable_body_is_api() {
        let error = error_from_api_response(&response(502, "<html>"), "GET /v1/events");
        assert_eq!(error.kind(), ErrorKind::Api);
        assert_eq!(error.http_status(), Some(502));
    }
}
