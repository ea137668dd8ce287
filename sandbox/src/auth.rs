//! API keys and the bearer authentication of `/v1/` calls.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::errors::{ApiError, ApiResult, ErrorType};
use crate::ids;
use crate::scopes::{self, Scope};
use crate::state::AppState;

/// The authenticated caller of a `/v1/` request.
#[derive(Debug, Clone)]
pub struct Principal {
    /// `key_...` for an API key, the client id for an OAuth token. Rate
    /// limits count per credential id.
    pub credential_id: String,
    pub scopes: Vec<Scope>,
}

impl Principal {
    /// Fails with 403 `insufficient_scope` unless the caller has `scope`.
    pub fn require(&self, scope: Scope) -> ApiResult<()> {
        if self.scopes.contains(&scope) {
            return Ok(());
        }
        Err(ApiError::new(
            StatusCode::FORBIDDEN,
            ErrorType::Permission,
            "insufficient_scope",
            format!(
                "This credential lacks the scope {scope} that this call requires. \
                 Use a key or OAuth client that has {scope}."
            ),
        ))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum KeyState {
    Active,
    /// Rotated: keeps working until the instant, then is rejected.
    Expiring(Instant),
    Revoked,
}

#[derive(Debug, Clone)]
struct KeyRecord {
    id: String,
    prefix: String,
    scopes: Vec<Scope>,
    state: KeyState,
}

/// A key as the admin API shows it, without its secret.
#[derive(Debug, Clone, Serialize)]
pub struct KeySummary {
    pub id: String,
    pub secret_key_prefix: String,
    pub scopes: Vec<&'static str>,
    pub status: &'static str,
}

/// A newly created key, the only time its secret is returned.
#[derive(Debug, Clone, Serialize)]
pub struct CreatedKey {
    pub id: String,
    pub secret_key: String,
    pub scopes: Vec<&'static str>,
}

/// Secret keys, indexed by the SHA-256 of the secret so the store never
/// compares secrets byte by byte.
#[derive(Debug, Default)]
pub struct KeyStore {
    by_digest: HashMap<[u8; 32], KeyRecord>,
}

impl KeyStore {
    pub fn create(&mut self, scopes: Vec<Scope>) -> CreatedKey {
        let secret = ids::random_id("sk_test_", 32);
        let record = KeyRecord {
            id: ids::random_id("key_", 16),
            prefix: secret[..12].to_string(),
            scopes: scopes.clone(),
            state: KeyState::Active,
        };
        let created = CreatedKey {
            id: record.id.clone(),
            secret_key: secret.clone(),
            scopes: scopes::names(&scopes),
        };
        self.by_digest.insert(ids::digest(&secret), record);
        created
    }

    /// Replaces the active key `id` by a new one with the same scopes; the old
    /// secret keeps working for `grace`.
    pub fn rotate(&mut self, id: &str, grace: Duration) -> ApiResult<CreatedKey> {
        let record = self
            .by_digest
            .values_mut()
            .find(|record| record.id == id)
            .ok_or_else(|| ApiError::not_found("key", "id", id))?;
        if record.state != KeyState::Active {
            return Err(ApiError::invalid(
                "id",
                format!("Key {id} was already rotated or revoked; rotate its replacement instead."),
            ));
        }
        record.state = KeyState::Expiring(Instant::now() + grace);
        let scopes = record.scopes.clone();
        Ok(self.create(scopes))
    }

    pub fn revoke(&mut self, id: &str) -> ApiResult<KeySummary> {
        let record = self
            .by_digest
            .values_mut()
            .find(|record| record.id == id)
            .ok_or_else(|| ApiError::not_found("key", "id", id))?;
        record.state = KeyState::Revoked;
        Ok(summary(record))
    }

    pub fn list(&self) -> Vec<KeySummary> {
        let mut list: Vec<KeySummary> = self.by_digest.values().map(summary).collect();
        list.sort_by(|a, b| a.id.cmp(&b.id));
        list
    }

    fn authenticate(&self, secret: &str) -> ApiResult<Principal> {
        let record = self.by_digest.get(&ids::digest(secret)).ok_or_else(|| {
            ApiError::unauthenticated(
                "api_key_invalid",
                format!(
                    "Invalid API key {}... Check the key, or create one with the admin API.",
                    secret.chars().take(12).collect::<String>()
                ),
            )
        })?;
        let usable = match record.state {
            KeyState::Active => true,
            KeyState::Expiring(deadline) => Instant::now() < deadline,
            KeyState::Revoked => false,
        };
        if !usable {
            let message = match record.state {
                KeyState::Expiring(_) => format!(
                    "API key {} was rotated and its grace period has ended. Use its replacement.",
                    record.id
                ),
                _ => format!("API key {} was revoked. Use another key.", record.id),
            };
            return Err(ApiError::unauthenticated("api_key_revoked", message));
        }
        Ok(Principal {
            credential_id: record.id.clone(),
            scopes: record.scopes.clone(),
        })
    }
}

fn summary(record: &KeyRecord) -> KeySummary {
    let status = match record.state {
        KeyState::Active => "active",
        KeyState::Expiring(deadline) if Instant::now() < deadline => "expiring",
        KeyState::Expiring(_) => "expired",
        KeyState::Revoked => "revoked",
    };
    KeySummary {
        id: record.id.clone(),
        secret_key_prefix: record.prefix.clone(),
        scopes: scopes::names(&record.scopes),
        status,
    }
}

/// Resolves the `Authorization` header to a principal.
pub fn authenticate(state: &AppState, header: Option<&str>) -> ApiResult<Principal> {
    let header = header.ok_or_else(|| {
        ApiError::unauthenticated(
            "api_key_missing",
            "Missing Authorization header. Send `Authorization: Bearer sk_test_...` or an OAuth access token.",
        )
    })?;
    let credential = match header.split_once(' ') {
        Some((scheme, rest)) if scheme.eq_ignore_ascii_case("bearer") => rest.trim(),
        _ => {
            return Err(ApiError::unauthenticated(
                "api_key_invalid",
                "The Authorization header must use the Bearer scheme: `Authorization: Bearer <secret key or access token>`.",
            ))
        }
    };
    if credential.is_empty() {
        return Err(ApiError::unauthenticated(
            "api_key_missing",
            "The Authorization header has an empty Bearer credential.",
        ));
    }
    if credential.starts_with("pk_") {
        return Err(ApiError::unauthenticated(
            "secret_key_required",
            "Publishable keys (pk_...) are for client-side use only. This call needs a secret key (sk_test_...) or an OAuth access token.",
        ));
    }
    if credential.starts_with("sk_live_") {
        return Err(ApiError::unauthenticated(
            "live_key_in_sandbox",
            "Live keys (sk_live_...) do not work in the sandbox. Use a test key (sk_test_...).",
        ));
    }
    if credential.starts_with("sk_") {
        return lock(&state.keys).authenticate(credential);
    }
    lock(&state.oauth).authenticate_token(credential)
}

/// Middleware for authenticated `/v1/` routes: authenticates the caller,
/// applies the per-credential rate limit and stores the [`Principal`] in the
/// request extensions.
pub async fn require_auth(
    State(state): State<Arc<AppState>>,
    mut request: Request,
    next: Next,
) -> Response {
    let header = request
        .headers()
        .get(axum::http::header::AUTHORIZATION)
        .map(|value| value.to_str().unwrap_or("\u{fffd}"));
    let principal = match authenticate(&state, header) {
        Ok(principal) => principal,
        Err(error) => return error.into_response(),
    };
    if let Err(error) = state.rate_limiter.check(&principal.credential_id) {
        return error.into_response();
    }
    request.extensions_mut().insert(principal);
    next.run(request).await
}

/// Locks a mutex, recovering the data if another thread panicked while
/// holding it: every critical section leaves the stores consistent.
pub fn lock<T>(mutex: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}
