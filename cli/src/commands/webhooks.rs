//! `rtf webhooks verify`: checks a delivery's signature offline.

use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, Subcommand};
use realtime_finance::{Error, SecretString, Webhook};

use super::{finish, print};

#[derive(Debug, Args)]
pub struct WebhooksArgs {
    #[command(subcommand)]
    command: WebhooksCommand,
    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum WebhooksCommand {
    /// Verify a delivery against its webhook-* headers and print the event.
    Verify {
        /// Signing secret (whsec_…); repeat it to accept several during a rotation.
        #[arg(long = "secret", required = true)]
        secrets: Vec<String>,
        /// A request header as "name: value"; pass webhook-id,
        /// webhook-timestamp and webhook-signature.
        #[arg(long = "header", required = true)]
        headers: Vec<String>,
        /// File holding the raw request body.
        #[arg(long)]
        payload_file: std::path::PathBuf,
        /// Largest accepted distance between the timestamp and now, in seconds.
        #[arg(long, default_value_t = 300)]
        tolerance: u64,
    },
}

pub fn run(args: WebhooksArgs) -> ExitCode {
    let WebhooksCommand::Verify {
        secrets,
        headers,
        payload_file,
        tolerance,
    } = args.command;
    let json_output = args.json;
    finish(
        json_output,
        (|| {
            let payload = std::fs::read(&payload_file).map_err(|error| {
                Error::configuration(format!(
                    "could not read the payload file {}: {error}",
                    payload_file.display()
                ))
            })?;
            let pairs = headers
                .iter()
                .map(|header| {
                    header
                        .split_once(':')
                        .map(|(name, value)| (name.trim(), value.trim()))
                        .ok_or_else(|| {
                            Error::configuration(format!(
                                "--header {header:?} is not of the form \"name: value\""
                            ))
                        })
                })
                .collect::<Result<Vec<_>, _>>()?;

            let secrets = secrets.into_iter().map(SecretString::new).collect();
            let webhook = Webhook::new(secrets)?.with_tolerance(Duration::from_secs(tolerance));
            let event = webhook.verify(&payload, pairs)?;
            print(args.json, &event, || {
                format!("verified: {} {}", event.id, event.event_type)
            });
            Ok(())
        })(),
    )
}
