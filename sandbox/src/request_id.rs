//! Request ids: every response carries `Request-Id`, and error bodies repeat it.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;

use crate::ids;

tokio::task_local! {
    static REQUEST_ID: String;
}

/// Returns the id of the request being handled on this task, if any.
pub fn current() -> Option<String> {
    REQUEST_ID.try_with(|id| id.clone()).ok()
}

/// Middleware that assigns a `req_` id, makes it visible to [`current`] while
/// the request is handled and sets the `Request-Id` response header.
pub async fn assign(request: Request, next: Next) -> Response {
    let id = ids::random_id("req_", 24);
    let mut response = REQUEST_ID.scope(id.clone(), next.run(request)).await;
    if let Ok(value) = HeaderValue::from_str(&id) {
        response.headers_mut().insert("request-id", value);
    }
    response
}
