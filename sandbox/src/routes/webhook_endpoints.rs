//! `POST /v1/webhook_endpoints`.

use std::net::IpAddr;
use std::sync::Arc;

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use base64::Engine;

use super::events::EVENT_TYPES;
use crate::auth::Principal;
use crate::body;
use crate::errors::{ApiError, ApiResult};
use crate::ids;
use crate::params::Fields;
use crate::scopes::Scope;
use crate::state::AppState;
use crate::store::WebhookEndpoint;

pub async fn create(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    request: Request,
) -> ApiResult<Response> {
    principal.require(Scope::WebhooksWrite)?;
    let bytes = body::read(request.into_body(), state.config.max_body_bytes).await?;
    let fields = Fields::new(
        body::json_object(&bytes)?,
        &["url", "enabled_events", "description"],
    )?;
    let url = fields.required_string("url", 2048)?;
    check_loopback_url(&url)?;
    let enabled_events = fields
        .optional_string_list("enabled_events")?
        .unwrap_or_else(|| vec!["*".to_string()]);
    if enabled_events.is_empty() {
        return Err(ApiError::invalid(
            "enabled_events",
            "enabled_events must list at least one event type, or [\"*\"] for all.",
        ));
    }
    if let Some(unknown) = enabled_events
        .iter()
        .find(|e| e.as_str() != "*" && !EVENT_TYPES.contains(&e.as_str()))
    {
        return Err(ApiError::invalid(
            "enabled_events",
            format!(
                "Unknown event type {unknown:?}: use one of {} or \"*\".",
                EVENT_TYPES.join(", ")
            ),
        ));
    }
    let description = fields.optional_string("description", 500)?;

    let secret = format!(
        "whsec_{}",
        base64::engine::general_purpose::STANDARD.encode(ids::random_bytes(32))
    );
    let endpoint = WebhookEndpoint {
        id: ids::random_id("we_", 24),
        object: "webhook_endpoint",
        url,
        enabled_events,
        description,
        secret,
        status: "enabled",
        created: ids::now_unix(),
    };
    state.lock_store().endpoints.push(endpoint.clone());
    tracing::info!(endpoint = %endpoint.id, url = %endpoint.url, "webhook endpoint registered");
    Ok(Json(endpoint).into_response())
}

/// Accepts only `http`/`https` URLs on a loopback host, so the sandbox never
/// sends traffic off the machine.
fn check_loopback_url(raw: &str) -> ApiResult<()> {
    let reject = |why: &str| {
        ApiError::invalid(
            "url",
            format!("url {raw:?} {why}. The sandbox delivers webhooks only to http or https URLs on 127.0.0.1, ::1 or localhost."),
        )
    };
    let url = url::Url::parse(raw).map_err(|_| reject("is not a valid absolute URL"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(reject("does not use http or https"));
    }
    let loopback = match url.host() {
        Some(url::Host::Domain(domain)) => domain.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    };
    if !loopback {
        return Err(reject("is not on a loopback host"));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(reject("must not contain credentials"));
    }
    Ok(())
}
