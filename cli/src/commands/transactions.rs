//! `rtf transactions get|list`.

use std::process::ExitCode;

use clap::{Args, Subcommand, ValueEnum};
use realtime_finance::{ListTransactionsParams, RequestOptions, Transaction, TransactionStatus};

use super::{amount, finish, print, ClientArgs};

#[derive(Debug, Args)]
pub struct TransactionsArgs {
    #[command(subcommand)]
    command: TransactionsCommand,
    #[command(flatten)]
    client: ClientArgs,
}

#[derive(Debug, Subcommand)]
enum TransactionsCommand {
    /// Fetch one transaction by its txn_ id.
    Get { id: String },
    /// List transactions, newest first, across pages.
    List {
        /// Number of transactions to print (at least 1).
        #[arg(long, default_value_t = 10, value_parser = clap::value_parser!(u32).range(1..))]
        limit: u32,
        /// Only transactions with this status.
        #[arg(long)]
        status: Option<Status>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Status {
    Pending,
    Posted,
    Failed,
    Reversed,
}

impl From<Status> for TransactionStatus {
    fn from(status: Status) -> Self {
        match status {
            Status::Pending => TransactionStatus::Pending,
            Status::Posted => TransactionStatus::Posted,
            Status::Failed => TransactionStatus::Failed,
            Status::Reversed => TransactionStatus::Reversed,
        }
    }
}

pub fn run(args: TransactionsArgs) -> ExitCode {
    let json_output = args.client.json;
    finish(
        json_output,
        (|| {
            let client = args.client.client()?;
            let json = args.client.json;
            match args.command {
                TransactionsCommand::Get { id } => {
                    let transaction =
                        client.retrieve_transaction(&id, &RequestOptions::default())?;
                    print(json, &transaction, || line(&transaction));
                }
                TransactionsCommand::List { limit, status } => {
                    let params = ListTransactionsParams {
                        limit: Some(limit.min(100)),
                        status: status.map(Into::into),
                        ..Default::default()
                    };
                    let transactions = client
                        .list_transactions(params, RequestOptions::default())?
                        .take(limit as usize)
                        .collect::<Result<Vec<_>, _>>()?;
                    print(json, &transactions, || {
                        transactions.iter().map(line).collect::<Vec<_>>().join("\n")
                    });
                }
            }
            Ok(())
        })(),
    )
}

/// Formats one transaction as a line of text.
pub fn line(transaction: &Transaction) -> String {
    format!(
        "{}  {:>14}  {:?}/{:?}  {}  {}",
        transaction.id,
        amount(transaction.amount, &transaction.currency),
        transaction.direction,
        transaction.status,
        transaction.account,
        transaction.description.as_deref().unwrap_or("")
    )
}
