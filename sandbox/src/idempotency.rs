//! `Idempotency-Key` handling for `POST` routes: replay of the first
//! response, rejection of a reused key with another body, and rejection of
//! a duplicate while the first request is still in flight.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use sha2::{Digest, Sha256};

use crate::auth::lock;
use crate::body;
use crate::errors::{ApiError, ErrorType};
use crate::state::AppState;

/// How long a key and its response are kept.
pub const KEY_RETENTION: Duration = Duration::from_secs(24 * 3600);

#[derive(Debug, Clone)]
struct StoredResponse {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Debug, Clone)]
enum EntryState {
    InFlight,
    Done(StoredResponse),
}

#[derive(Debug, Clone)]
struct Entry {
    fingerprint: [u8; 32],
    created: Instant,
    state: EntryState,
}

/// Keys of the sandbox's single account. A sandbox has one account, so keys
/// are shared by every credential of that sandbox.
#[derive(Debug, Default)]
pub struct IdempotencyStore {
    entries: Mutex<HashMap<String, Entry>>,
    /// Map size at which the next sweep of expired keys runs.
    next_sweep: AtomicUsize,
}

/// Removes an in-flight entry if the request never completes (the client
/// went away and the handler future was dropped).
struct InFlightGuard {
    state: Arc<AppState>,
    key: String,
    armed: bool,
}

impl Drop for InFlightGuard {
    fn drop(&mut self) {
        if self.armed {
            let mut entries = lock(&self.state.idempotency.entries);
            if matches!(
                entries.get(&self.key),
                Some(Entry {
                    state: EntryState::InFlight,
                    ..
                })
            ) {
                entries.remove(&self.key);
            }
        }
    }
}

fn validate_key(value: &HeaderValue) -> Result<String, ApiError> {
    let bytes = value.as_bytes();
    let printable = bytes.iter().all(|b| (0x20..=0x7e).contains(b));
    if bytes.is_empty() || bytes.len() > 255 || !printable {
        return Err(ApiError::invalid(
            "Idempotency-Key",
            "The Idempotency-Key header must be 1 to 255 printable ASCII characters; a UUID works well.",
        ));
    }
    Ok(String::from_utf8_lossy(bytes).into_owned())
}

/// Hashes the method, path and body. A JSON body is hashed in canonical
/// form, so key order and whitespace do not make two bodies differ.
fn fingerprint(method: &Method, path: &str, body: &[u8]) -> [u8; 32] {
    let canonical = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|value| serde_json::to_vec(&value).ok());
    let mut hasher = Sha256::new();
    hasher.update(method.as_str());
    hasher.update(b" ");
    hasher.update(path);
    hasher.update(b"\n");
    hasher.update(canonical.as_deref().unwrap_or(body));
    hasher.finalize().into()
}

/// Responses worth replaying: not auth, scope, rate limit or server errors,
/// which a retry with the same key should get another chance at.
fn is_replayable(status: StatusCode) -> bool {
    !(status.is_server_error() || matches!(status.as_u16(), 401 | 403 | 409 | 429))
}

/// Middleware on authenticated routes (it runs after authentication).
pub async fn handle(State(state): State<Arc<AppState>>, request: Request, next: Next) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    let Some(header) = request.headers().get("idempotency-key") else {
        return next.run(request).await;
    };
    let key = match validate_key(header) {
        Ok(key) => key,
        Err(error) => return error.into_response(),
    };
    let (parts, raw_body) = request.into_parts();
    let bytes = match body::read(raw_body, state.config.max_body_bytes).await {
        Ok(bytes) => bytes,
        Err(error) => return error.into_response(),
    };
    let fingerprint = fingerprint(&parts.method, parts.uri.path(), &bytes);

    {
        let mut entries = lock(&state.idempotency.entries);
        let now = Instant::now();
        // Expired keys are swept when the map doubles, which keeps the
        // sweep cost amortized constant per request.
        if entries.len() >= state.idempotency.next_sweep.load(Ordering::Relaxed) {
            entries.retain(|_, entry| now.duration_since(entry.created) < KEY_RETENTION);
            let next = (entries.len() * 2).max(1024);
            state.idempotency.next_sweep.store(next, Ordering::Relaxed);
        }
        if let Some(entry) = entries.get(&key) {
            let expired = now.duration_since(entry.created) >= KEY_RETENTION;
            if !expired {
                if entry.fingerprint != fingerprint {
                    return ApiError::new(
                        StatusCode::UNPROCESSABLE_ENTITY,
                        ErrorType::Idempotency,
                        "idempotency_key_reused",
                        format!("Idempotency-Key {key:?} was already used with a different request. Use a new key for a new request."),
                    )
                    .with_param("Idempotency-Key")
                    .into_response();
                }
                match &entry.state {
                    EntryState::InFlight => {
                        return ApiError::new(
                            StatusCode::CONFLICT,
                            ErrorType::Idempotency,
                            "idempotency_key_in_use",
                            format!("A request with Idempotency-Key {key:?} is still being processed. Retry later with the same key."),
                        )
                        .with_param("Idempotency-Key")
                        .into_response();
                    }
                    EntryState::Done(stored) => {
                        let stored = stored.clone();
                        drop(entries);
                        state.stats.record_idempotent_replay();
                        return replay(stored);
                    }
                }
            }
        }
        entries.insert(
            key.clone(),
            Entry {
                fingerprint,
                created: now,
                state: EntryState::InFlight,
            },
        );
    }

    let mut guard = InFlightGuard {
        state: state.clone(),
        key: key.clone(),
        armed: true,
    };
    let request = Request::from_parts(parts, Body::from(bytes));
    let response = next.run(request).await;
    let (parts, raw_body) = response.into_parts();
    // Handler bodies are small JSON documents, so the limit is generous.
    let body = match body::read(raw_body, 16 * 1024 * 1024).await {
        Ok(body) => body,
        Err(error) => return error.into_response(),
    };

    let mut entries = lock(&state.idempotency.entries);
    if is_replayable(parts.status) {
        let mut headers = HeaderMap::new();
        if let Some(content_type) = parts.headers.get(axum::http::header::CONTENT_TYPE) {
            headers.insert(axum::http::header::CONTENT_TYPE, content_type.clone());
        }
        entries.insert(
            key,
            Entry {
                fingerprint,
                created: Instant::now(),
                state: EntryState::Done(StoredResponse {
                    status: parts.status,
                    headers,
                    body: body.clone(),
                }),
            },
        );
    } else {
        entries.remove(&key);
    }
    guard.armed = false;
    drop(entries);
    Response::from_parts(parts, Body::from(body))
}

fn replay(stored: StoredResponse) -> Response {
    let mut response = Response::new(Body::from(stored.body));
    *response.status_mut() = stored.status;
    *response.headers_mut() = stored.headers;
    response
        .headers_mut()
        .insert("idempotent-replayed", HeaderValue::from_static("true"));
    response
}
