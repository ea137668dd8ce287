//! Deterministic fraud rules. The score is the sum of the rule weights,
//! capped at 100:
//!
//! | rule | weight | reason code |
//! | --- | --- | --- |
//! | base | 5 | none |
//! | amount at least 100000 minor units | +20 | `amount_large` |
//! | amount at least 1000000 minor units | +40 instead | `amount_very_large` |
//! | 3 or more assessments for the same source account in the last 60 s | +30 | `high_velocity` |
//! | the source never paid the destination before | +10 | `new_counterparty` |
//! | `acct_fraud_decline` as source or destination | +95 | `account_flagged` |
//!
//! The decision is `approve` below 40, `review` from 40 to 74 and `decline`
//! from 75.

use crate::store::Reason;

pub const FLAGGED_ACCOUNT: &str = "acct_fraud_decline";
pub const VELOCITY_WINDOW_SECONDS: i64 = 60;
pub const VELOCITY_THRESHOLD: usize = 3;

/// Inputs of one assessment.
pub struct Signals<'a> {
    pub amount: i64,
    pub source_account: &'a str,
    pub destination_account: &'a str,
    /// Assessments for the same source in the velocity window, this one excluded.
    pub recent_assessments: usize,
    pub known_counterparty: bool,
}

pub struct Verdict {
    pub risk_score: u8,
    pub decision: &'static str,
    pub reasons: Vec<Reason>,
}

pub fn assess(signals: &Signals<'_>) -> Verdict {
    let mut score: u32 = 5;
    let mut reasons = Vec::new();
    if signals.amount >= 1_000_000 {
        score += 40;
        reasons.push(Reason {
            code: "amount_very_large",
            message: format!(
                "The amount {} is at least 1000000 minor units.",
                signals.amount
            ),
        });
    } else if signals.amount >= 100_000 {
        score += 20;
        reasons.push(Reason {
            code: "amount_large",
            message: format!(
                "The amount {} is at least 100000 minor units.",
                signals.amount
            ),
        });
    }
    if signals.recent_assessments >= VELOCITY_THRESHOLD {
        score += 30;
        reasons.push(Reason {
            code: "high_velocity",
            message: format!(
                "{} other assessments for {} in the last {VELOCITY_WINDOW_SECONDS} seconds.",
                signals.recent_assessments, signals.source_account
            ),
        });
    }
    if !signals.known_counterparty {
        score += 10;
        reasons.push(Reason {
            code: "new_counterparty",
            message: format!(
                "{} has not paid {} before.",
                signals.source_account, signals.destination_account
            ),
        });
    }
    if signals.source_account == FLAGGED_ACCOUNT || signals.destination_account == FLAGGED_ACCOUNT {
        score += 95;
        reasons.push(Reason {
            code: "account_flagged",
            message: format!("{FLAGGED_ACCOUNT} is on the sandbox's block list."),
        });
    }
    let risk_score = score.min(100) as u8;
    let decision = match risk_score {
        0..=39 => "approve",
        40..=74 => "review",
        _ => "decline",
    };
    Verdict {
        risk_score,
        decision,
        reasons,
    }
}
