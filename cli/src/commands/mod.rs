//! The API subcommands of `rtf`: shared client options, output and the
//! one-line error format.

pub mod demo;
pub mod fraud;
pub mod payments;
pub mod transactions;
pub mod webhooks;

use std::process::ExitCode;

use clap::Args;
use realtime_finance::{blocking, Client, Error};
use serde::Serialize;

/// Options every API subcommand takes.
#[derive(Debug, Args)]
pub struct ClientArgs {
    /// Secret API key (sk_test_… or sk_live_…); defaults to $REALTIME_FINANCE_SECRET_KEY.
    #[arg(long, global = true)]
    api_key: Option<String>,
    /// Base URL of the API, such as a local sandbox's; defaults to
    /// $REALTIME_FINANCE_BASE_URL, else the environment of the key.
    #[arg(long, global = true)]
    base_url: Option<String>,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,
}

impl ClientArgs {
    /// Builds a blocking client from the options and the environment.
    pub fn client(&self) -> Result<blocking::Client, Error> {
        let mut builder = Client::builder();
        if let Some(key) = &self.api_key {
            builder = builder.api_key(key.as_str());
        }
        if let Some(url) = &self.base_url {
            builder = builder.base_url(url);
        }
        blocking::Client::new(builder)
    }
}

/// Prints `value` as pretty JSON, or `text` for people.
pub fn print<T: Serialize>(json: bool, value: &T, text: impl FnOnce() -> String) {
    if json {
        match serde_json::to_string_pretty(value) {
            Ok(encoded) => println!("{encoded}"),
            Err(error) => eprintln!("error: could not encode the output as JSON: {error}"),
        }
    } else {
        println!("{}", text());
    }
}

/// Prints `error` as one line on stderr and returns exit code 1.
pub fn fail(error: &Error) -> ExitCode {
    eprintln!("error: {error}");
    ExitCode::FAILURE
}

/// Runs a command body and turns its error into the one-line format.
pub fn finish(result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(&error),
    }
}

/// Formats minor units as a decimal amount, assuming two decimals.
// NOTE: currencies such as JPY have no minor unit; the text output shows
// them with two decimals anyway. The JSON output keeps the integer.
pub fn amount(minor_units: i64, currency: &str) -> String {
    format!(
        "{}.{:02} {currency}",
        minor_units / 100,
        (minor_units % 100).abs()
    )
}
