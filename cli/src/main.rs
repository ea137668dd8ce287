//! `rtf`: the Real Time Finance command-line tool. Each subcommand lives in
//! its own module; add one by adding a variant to [`Command`] and a module.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

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
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Sandbox(args) => sandbox::run(args),
    }
}
