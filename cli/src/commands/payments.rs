//! `rtf payments create|get|list|cancel`.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use realtime_finance::{CreatePaymentParams, ListPaymentsParams, Payment, RequestOptions};

use super::{amount, finish, print, ClientArgs};

#[derive(Debug, Args)]
pub struct PaymentsArgs {
    #[command(subcommand)]
    command: PaymentsCommand,
    #[command(flatten)]
    client: ClientArgs,
}

#[derive(Debug, Subcommand)]
enum PaymentsCommand {
    /// Create a payment.
    Create {
        /// Amount in minor units (1050 is 10.50 EUR).
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
        #[arg(long)]
        description: Option<String>,
        /// Idempotency-Key to send; a UUID is generated when omitted.
        #[arg(long)]
        idempotency_key: Option<String>,
    },
    /// Fetch one payment by its pay_ id.
    Get { id: String },
    /// List payments, newest first, across pages.
    List {
        /// Number of payments to print (at least 1).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
    },
    /// Cancel a pending payment.
    Cancel { id: String },
}

pub fn run(args: PaymentsArgs) -> ExitCode {
    let json_output = args.client.json;
    finish(
        json_output,
        (|| {
            let client = args.client.client()?;
            let json = args.client.json;
            let options = RequestOptions::default();
            match args.command {
                PaymentsCommand::Create {
                    amount,
                    currency,
                    source_account,
                    destination_account,
                    description,
                    idempotency_key,
                } => {
                    let params = CreatePaymentParams {
                        amount,
                        currency,
                        source_account,
                        destination_account,
                        description,
                        metadata: None,
                    };
                    let options = RequestOptions {
                        idempotency_key,
                        ..RequestOptions::default()
                    };
                    let payment = client.create_payment(&params, &options)?;
                    print(json, &payment, || line(&payment));
                }
                PaymentsCommand::Get { id } => {
                    let payment = client.retrieve_payment(&id, &options)?;
                    print(json, &payment, || line(&payment));
                }
                PaymentsCommand::List { limit } => {
                    let params = ListPaymentsParams {
                        limit: Some(limit.min(100)),
                        ..Default::default()
                    };
                    let payments = client
                        .list_payments(params, options)?
                        .take(limit as usize)
                        .collect::<Result<Vec<_>, _>>()?;
                    print(json, &payments, || {
                        payments.iter().map(line).collect::<Vec<_>>().join("\n")
                    });
                }
                PaymentsCommand::Cancel { id } => {
                    let payment = client.cancel_payment(&id, &options)?;
                    print(json, &payment, || line(&payment));
                }
            }
            Ok(())
        })(),
    )
}

/// Formats one payment as a line of text.
pub fn line(payment: &Payment) -> String {
    let failure = payment
        .failure_code
        .as_deref()
        .map(|code| format!(" ({code})"))
        .unwrap_or_default();
    format!(
        "{}  {:>14}  {:?}{failure}  {} -> {}",
        payment.id,
        amount(payment.amount, &payment.currency),
        payment.status,
        payment.source_account,
        payment.destination_account
    )
}
