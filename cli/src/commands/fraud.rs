//! `rtf fraud assess`.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use realtime_finance::{CreateFraudAssessmentParams, RequestOptions};

use super::{amount, finish, print, ClientArgs};

#[derive(Debug, Args)]
pub struct FraudArgs {
    #[command(subcommand)]
    command: FraudCommand,
    #[command(flatten)]
    client: ClientArgs,
}

#[derive(Debug, Subcommand)]
enum FraudCommand {
    /// Score a prospective payment for fraud risk.
    Assess {
        /// Amount in minor units.
        #[arg(long)]
        amount: i64,
        /// ISO 4217 code in upper case.
        #[arg(long)]
        currency: String,
        /// Source account id (acct_…).
        #[arg(long = "from")]
        source_account: String,
        /// Destination account id (acct_…).
        #[arg(long = "to")]
        destination_account: String,
        /// A pay_ id to attach the assessment to.
        #[arg(long)]
        payment: Option<String>,
    },
}

pub fn run(args: FraudArgs) -> ExitCode {
    let json_output = args.client.json;
    finish(
        json_output,
        (|| {
            let client = args.client.client()?;
            let FraudCommand::Assess {
                amount: minor_units,
                currency,
                source_account,
                destination_account,
                payment,
            } = args.command;
            let params = CreateFraudAssessmentParams {
                amount: minor_units,
                currency,
                source_account,
                destination_account,
                payment,
            };
            let assessment = client.assess_fraud(&params, &RequestOptions::default())?;
            print(args.client.json, &assessment, || {
                let reasons: Vec<String> = assessment
                    .reasons
                    .iter()
                    .map(|reason| format!("  - {}: {}", reason.code, reason.message))
                    .collect();
                format!(
                    "{}  {:?}  risk {}/100  {}\n{}",
                    assessment.id,
                    assessment.decision,
                    assessment.risk_score,
                    amount(assessment.amount, &assessment.currency),
                    reasons.join("\n")
                )
            });
            Ok(())
        })(),
    )
}
