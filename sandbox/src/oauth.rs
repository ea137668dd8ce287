//! OAuth 2.0 client credentials grant (RFC 6749 section 4.4) and the
//! access tokens it issues.

use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde::Serialize;
use serde_json::json;
use subtle::ConstantTimeEq;

use crate::auth::{lock, Principal};
use crate::body;
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::scopes::{self, Scope};
use crate::state::AppState;

/// Expired tokens are remembered this long so callers get
/// `access_token_expired` rather than `access_token_invalid`.
const EXPIRED_TOKEN_MEMORY: Duration = Duration::from_secs(3600);

#[derive(Debug, Clone)]
struct Client {
    secret_digest: [u8; 32],
    scopes: Vec<Scope>,
    token_ttl: Duration,
    revoked: bool,
}

#[derive(Debug, Clone)]
struct Token {
    client_id: String,
    scopes: Vec<Scope>,
    expires_at: Instant,
}

/// An OAuth client as the admin API returns it on creation.
#[derive(Debug, Clone, Serialize)]
pub struct CreatedClient {
    pub client_id: String,
    pub client_secret: String,
    pub scopes: Vec<&'static str>,
    pub token_ttl_seconds: u64,
}

/// OAuth clients and the access tokens issued to them, indexed by the
/// SHA-256 of each token.
#[derive(Debug, Default)]
pub struct OAuthStore {
    clients: HashMap<String, Client>,
    tokens: HashMap<[u8; 32], Token>,
}

impl OAuthStore {
    pub fn create_client(&mut self, scopes: Vec<Scope>, token_ttl: Duration) -> CreatedClient {
        let client_id = ids::random_id("client_", 20);
        let client_secret = ids::random_id("cs_test_", 40);
        self.clients.insert(
            client_id.clone(),
            Client {
                secret_digest: ids::digest(&client_secret),
                scopes: scopes.clone(),
                token_ttl,
                revoked: false,
            },
        );
        CreatedClient {
            client_id,
            client_secret,
            scopes: scopes::names(&scopes),
            token_ttl_seconds: token_ttl.as_secs(),
        }
    }

    /// Revokes a client: its tokens stop working and the token endpoint
    /// rejects it with `invalid_client`.
    pub fn revoke_client(&mut self, client_id: &str) -> ApiResult<()> {
        let client = self
            .clients
            .get_mut(client_id)
            .ok_or_else(|| ApiError::not_found("OAuth client", "client_id", client_id))?;
        client.revoked = true;
        self.tokens.retain(|_, token| token.client_id != client_id);
        Ok(())
    }

    pub fn authenticate_token(&self, token: &str) -> ApiResult<Principal> {
        let invalid = || {
            ApiError::unauthenticated(
                "access_token_invalid",
                "Invalid credential: it is neither a known secret key nor a valid OAuth access token. Request a new token from /v1/oauth/token.",
            )
        };
        let record = self.tokens.get(&ids::digest(token)).ok_or_else(invalid)?;
        if self
            .clients
            .get(&record.client_id)
            .is_none_or(|c| c.revoked)
        {
            return Err(invalid());
        }
        if Instant::now() >= record.expires_at {
            return Err(ApiError::unauthenticated(
                "access_token_expired",
                "The OAuth access token has expired. Request a new one from /v1/oauth/token.",
            ));
        }
        Ok(Principal {
            credential_id: record.client_id.clone(),
            scopes: record.scopes.clone(),
        })
    }

    fn issue(&mut self, client_id: &str, scopes: Vec<Scope>, ttl: Duration) -> String {
        let now = Instant::now();
        self.tokens
            .retain(|_, token| token.expires_at + EXPIRED_TOKEN_MEMORY > now);
        let token = ids::random_id("rtf_at_", 40);
        self.tokens.insert(
            ids::digest(&token),
            Token {
                client_id: client_id.to_string(),
                scopes,
                expires_at: now + ttl,
            },
        );
        token
    }
}

/// An RFC 6749 section 5.2 error.
pub struct OAuthError {
    status: StatusCode,
    error: &'static str,
    description: String,
    basic_challenge: bool,
}

impl OAuthError {
    fn bad_request(error: &'static str, description: impl Into<String>) -> Self {
        OAuthError {
            status: StatusCode::BAD_REQUEST,
            error,
            description: description.into(),
            basic_challenge: false,
        }
    }

    fn invalid_client(description: impl Into<String>, basic_challenge: bool) -> Self {
        OAuthError {
            status: StatusCode::UNAUTHORIZED,
            error: "invalid_client",
            description: description.into(),
            basic_challenge,
        }
    }

    /// Builds the RFC 6749 error for a fault injected on the token endpoint:
    /// `temporarily_unavailable` for 429 and 503, `server_error` otherwise.
    pub fn fault(status: StatusCode) -> Self {
        let error = match status.as_u16() {
            429 | 503 => "temporarily_unavailable",
            _ => "server_error",
        };
        OAuthError {
            status,
            error,
            description: format!("Injected fault: the sandbox returned {status} on purpose."),
            basic_challenge: false,
        }
    }
}

impl IntoResponse for OAuthError {
    fn into_response(self) -> Response {
        tracing::info!(
            request_id = crate::request_id::current().as_deref(),
            status = self.status.as_u16(),
            error = self.error,
            "token request rejected"
        );
        let body = json!({"error": self.error, "error_description": self.description});
        let mut response = (self.status, axum::Json(body)).into_response();
        let headers = response.headers_mut();
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
        if self.basic_challenge {
            headers.insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Basic realm=\"sandbox\""),
            );
        }
        response
    }
}

/// `POST /v1/oauth/token`.
pub async fn token(State(state): State<Arc<AppState>>, request: Request) -> Response {
    match issue_token(&state, request).await {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

async fn issue_token(state: &AppState, request: Request) -> Result<Response, OAuthError> {
    let (parts, raw_body) = request.into_parts();
    let content_type = parts
        .headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or("");
    if !content_type
        .to_ascii_lowercase()
        .starts_with("application/x-www-form-urlencoded")
    {
        return Err(OAuthError::bad_request(
            "invalid_request",
            "The token request must have Content-Type application/x-www-form-urlencoded.",
        ));
    }
    let bytes = body::read(raw_body, state.config.max_body_bytes)
        .await
        .map_err(|error| OAuthError {
            status: error.status,
            error: "invalid_request",
            description: error.message,
            basic_challenge: false,
        })?;
    let form = parse_form(&bytes)?;

    let basic = parse_basic(&parts.headers)?;
    let client_id = match (&basic, form.get("client_id"), form.get("client_secret")) {
        (Some(_), Some(_), _) | (Some(_), _, Some(_)) => {
            return Err(OAuthError::bad_request(
                "invalid_request",
                "Use either HTTP Basic or client_id/client_secret form fields, not both.",
            ))
        }
        (Some((id, _)), None, None) => id.clone(),
        (None, Some(id), _) => id.clone(),
        (None, None, _) => {
            return Err(OAuthError::invalid_client(
                "Client authentication is missing: send HTTP Basic credentials or client_id and client_secret.",
                false,
            ))
        }
    };
    let secret = match &basic {
        Some((_, secret)) => secret.clone(),
        None => form.get("client_secret").cloned().unwrap_or_default(),
    };

    match form.get("grant_type").map(String::as_str) {
        None => {
            return Err(OAuthError::bad_request(
                "invalid_request",
                "Missing grant_type: send grant_type=client_credentials.",
            ))
        }
        Some("client_credentials") => {}
        Some(other) => {
            let message = format!("Unsupported grant_type {other:?}: use client_credentials.");
            return Err(OAuthError::bad_request("unsupported_grant_type", message));
        }
    }

    let mut oauth = lock(&state.oauth);
    let client = oauth.clients.get(&client_id).cloned();
    let client = match client {
        Some(client)
            if bool::from(client.secret_digest.ct_eq(&ids::digest(&secret))) && !client.revoked =>
        {
            client
        }
        _ => {
            return Err(OAuthError::invalid_client(
                "Client authentication failed: unknown or revoked client, or wrong secret.",
                basic.is_some(),
            ))
        }
    };
    let granted = match form.get("scope").map(|s| s.trim()) {
        None | Some("") => client.scopes.clone(),
        Some(requested) => {
            let mut granted = Vec::new();
            for name in requested.split(' ').filter(|s| !s.is_empty()) {
                let scope = Scope::parse(name).ok_or_else(|| {
                    OAuthError::bad_request("invalid_scope", format!("Unknown scope {name:?}."))
                })?;
                if !client.scopes.contains(&scope) {
                    return Err(OAuthError::bad_request(
                        "invalid_scope",
                        format!("Scope {name} is not granted to this client."),
                    ));
                }
                granted.push(scope);
            }
            granted
        }
    };
    let access_token = oauth.issue(&client_id, granted.clone(), client.token_ttl);
    drop(oauth);
    state.stats.record_token_request(&client_id);

    let body = json!({
        "access_token": access_token,
        "token_type": "Bearer",
        "expires_in": client.token_ttl.as_secs(),
        "scope": scopes::join(&granted),
    });
    let mut response = axum::Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    Ok(response)
}

/// Parses a form body, rejecting repeated parameters (RFC 6749 section 3.2).
fn parse_form(bytes: &[u8]) -> Result<HashMap<String, String>, OAuthError> {
    let mut form = HashMap::new();
    for (name, value) in form_urlencoded::parse(bytes) {
        if form.insert(name.to_string(), value.to_string()).is_some() {
            return Err(OAuthError::bad_request(
                "invalid_request",
                format!("Parameter {name} appears more than once."),
            ));
        }
    }
    Ok(form)
}

/// Decodes `Authorization: Basic` into the URL-decoded client id and secret
/// (RFC 6749 section 2.3.1). Returns `None` without that header.
fn parse_basic(headers: &HeaderMap) -> Result<Option<(String, String)>, OAuthError> {
    let Some(value) = headers.get(header::AUTHORIZATION) else {
        return Ok(None);
    };
    let malformed = || OAuthError::invalid_client("Malformed HTTP Basic credentials.", true);
    let value = value.to_str().map_err(|_| malformed())?;
    let Some((scheme, encoded)) = value.split_once(' ') else {
        return Err(malformed());
    };
    if !scheme.eq_ignore_ascii_case("basic") {
        return Err(OAuthError::invalid_client(
            "The token endpoint accepts HTTP Basic client authentication only in the Authorization header.",
            true,
        ));
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .map_err(|_| malformed())?;
    let decoded = String::from_utf8(decoded).map_err(|_| malformed())?;
    let (id, secret) = decoded.split_once(':').ok_or_else(malformed)?;
    let decode = |part: &str| -> String {
        form_urlencoded::parse(format!("v={part}").as_bytes())
            .next()
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default()
    };
    Ok(Some((decode(id), decode(secret))))
}
