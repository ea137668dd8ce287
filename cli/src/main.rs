//! `rtf`: the Real Time Finance command-line tool. Each subcommand lives in
//! its own module; add one by adding a variant to [`Command`] and a module.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod commands;
mod sandbox;

#[derive(Debug, Parser)]
#[command(name = "rtf", version, about = "Real Time Finance command-line tool")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Run the local Developer Sandbox, a loopback server that speaks the whole API.
    Sandbox(sandbox::SandboxArgs),
    /// Fetch and list transactions.
    Transactions(commands::transactions::TransactionsArgs),
    /// Create, fetch, list and cancel payments.
    Payments(commands::payments::PaymentsArgs),
    /// Assess payments for fraud risk.
    Fraud(commands::fraud::FraudArgs),
    /// Verify webhook deliveries.
    Webhooks(commands::webhooks::WebhooksArgs),
    /// Start the sandbox in-process and run the quickstart against it.
    Demo(commands::demo::DemoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Sandbox(args) => sandbox::run(args),
        Command::Transactions(args) => commands::transactions::run(args),
        Command::Payments(args) => commands::payments::run(args),
        Command::Fraud(args) => commands::fraud::run(args),
        Command::Webhooks(args) => commands::webhooks::run(args),
        Command::Demo(args) => commands::demo::run(args),
    }
}
