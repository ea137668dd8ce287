//! `POST /v1/fraud/assessments`.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

use crate::auth::Principal;
use crate::body;
use crate::errors::{ApiError, ApiResult};
use crate::fraud::{self, Signals, VELOCITY_WINDOW_SECONDS};
use crate::ids;
use crate::params::{Fields, Transfer};
use crate::scopes::Scope;
use crate::state::AppState;
use crate::store::FraudAssessment;

const FIELDS: &[&str] = &[
    "amount",
    "currency",
    "source_account",
    "destination_account",
    "payment",
];

pub async fn create(
    State(state): State<Arc<AppState>>,
    Extension(principal): Extension<Principal>,
    request: Request,
) -> ApiResult<Response> {
    principal.require(Scope::FraudWrite)?;
    let bytes = body::read(request.into_body(), state.config.max_body_bytes).await?;
    let fields = Fields::new(body::json_object(&bytes)?, FIELDS)?;
    let Transfer {
        amount,
        currency,
        source_account,
        destination_account,
    } = fields.required_transfer()?;
    let payment = fields.optional_string("payment", 64)?;

    let mut store = state.lock_store();
    if let Some(payment_id) = &payment {
        if store.payments.get(payment_id).is_none() {
            return Err(ApiError::not_found("payment", "payment", payment_id));
        }
    }
    let now = ids::now_unix();
    let recent_assessments = store
        .assessments
        .iter()
        .rev()
        .take_while(|a| now - a.created < VELOCITY_WINDOW_SECONDS)
        .filter(|a| a.source_account == source_account)
        .count();
    let known_counterparty = store.payments.iter().any(|p| {
        p.source_account == source_account
            && p.destination_account == destination_account
            && Some(&p.id) != payment.as_ref()
    });
    let verdict = fraud::assess(&Signals {
        amount,
        source_account: &source_account,
        destination_account: &destination_account,
        recent_assessments,
        known_counterparty,
    });
    let assessment = FraudAssessment {
        id: ids::random_id("fa_", 24),
        object: "fraud_assessment",
        risk_score: verdict.risk_score,
        decision: verdict.decision,
        reasons: verdict.reasons,
        amount,
        currency,
        source_account,
        destination_account,
        payment,
        created: now,
    };
    state.emit_event(&mut store, "fraud_assessment.created", &assessment);
    store.assessments.push(assessment.clone());
    Ok(Json(assessment).into_response())
}
