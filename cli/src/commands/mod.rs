//! The API subcommands of `rtf`: shared client options, output and the
//! one-line error format.

pub mod demo;
pub mod fraud;
pub mod payments;
pub mod transactions;
pub mod webhooks;

use std::process::ExitCode;

use std::path::PathBuf;

use clap::Args;
use realtime_finance::{blocking, ClientOptions, Error, SecretString};
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
    /// PEM file of a CA to trust in addition to the system roots, such as
    /// the one `rtf sandbox --tls` prints.
    #[arg(long, global = true)]
    ca_cert: Option<PathBuf>,
    /// Print machine-readable JSON instead of text, errors included.
    #[arg(long, global = true)]
    pub json: bool,
}

impl ClientArgs {
    /// Builds a blocking client from the options and the environment.
    pub fn client(&self) -> Result<blocking::Client, Error> {
        let options = ClientOptions {
            api_key: self.api_key.clone().map(SecretString::new),
            base_url: self.base_url.clone(),
            ca_cert_path: self.ca_cert.clone(),
            ..ClientOptions::default()
        };
        Ok(blocking::Client::from_async(options.build()?))
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

/// Prints `error` on stderr, as one line of text or, with `--json`, as one
/// JSON object with the error's fields, and returns exit code 1.
pub fn fail(json: bool, error: &Error) -> ExitCode {
    if json {
        let fields = serde_json::json!({
            "error": {
                "kind": error.kind().as_str(),
                "message": error.message(),
                "http_status": error.http_status(),
                "code": error.code(),
                "request_id": error.request_id(),
                "param": error.param(),
                "retry_after": error.retry_after().map(|wait| wait.as_secs_f64()),
            }
        });
        eprintln!("{fields}");
    } else {
        eprintln!("error: {error}");
    }
    ExitCode::FAILURE
}

/// Runs a command body and turns its error into the output format.
pub fn finish(json: bool, result: Result<(), Error>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => fail(json, &error),
    }
}

/// Formats minor units as a decimal amount in the currency's own number of
/// decimals (ISO 4217 minor unit): 0 for JPY, 3 for BHD, 2 for most others.
/// The JSON output keeps the integer.
pub fn amount(minor_units: i64, currency: &str) -> String {
    let decimals = minor_unit_digits(currency);
    let sign = if minor_units < 0 { "-" } else { "" };
    let magnitude = minor_units.unsigned_abs();
    if decimals == 0 {
        return format!("{sign}{magnitude} {currency}");
    }

    let scale = 10_u64.pow(decimals);
    format!(
        "{sign}{}.{:0width$} {currency}",
        magnitude / scale,
        magnitude % scale,
        width = decimals as usize
    )
}

/// Digits after the decimal point of a currency, from the ISO 4217 list.
fn minor_unit_digits(currency: &str) -> u32 {
    const NO_MINOR_UNIT: [&str; 16] = [
        "BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND",
        "VUV", "XAF", "XOF",
    ];
    const THREE_DIGITS: [&str; 7] = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];
    if NO_MINOR_UNIT.contains(&currency) {
        0
    } else if THREE_DIGITS.contains(&currency) {
        3
    } else {
        2
    }
}

#[cfg(test)]
mod tests {
    use super::amount;

    #[test]
    fn amount_two_decimals() {
        assert_eq!(amount(1050, "EUR"), "10.50 EUR");
    }

    #[test]
    fn amount_no_minor_unit() {
        assert_eq!(amount(500, "JPY"), "500 JPY");
    }

    #[test]
    fn amount_three_decimals() {
        assert_eq!(amount(1005, "BHD"), "1.005 BHD");
    }

    #[test]
    fn amount_negative() {
        assert_eq!(amount(-5, "EUR"), "-0.05 EUR");
    }
}
