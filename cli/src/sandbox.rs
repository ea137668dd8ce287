//! `rtf sandbox`: starts the local sandbox, prints its credentials as one
//! JSON line on stdout, then logs to stderr until SIGINT or SIGTERM.

use std::io::Write;
use std::net::IpAddr;
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use realtime_finance_sandbox::SandboxConfig;

#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// IP address to bind; loopback unless --allow-non-loopback is given.
    #[arg(long, default_value = "127.0.0.1")]
    host: IpAddr,
    /// TCP port to bind; 0 picks a free port.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Serve HTTPS with a freshly generated CA; its PEM path is printed as ca_cert.
    #[arg(long)]
    tls: bool,
    /// Lifetime of OAuth access tokens of the default client, in seconds.
    #[arg(long, default_value_t = 3600, value_parser = clap::value_parser!(u64).range(1..))]
    token_ttl: u64,
    /// Time a payment stays pending before it succeeds, in milliseconds.
    #[arg(long, default_value_t = 1000)]
    settle_delay_ms: u64,
    /// Requests per second allowed per credential; 0 disables the limit.
    #[arg(long, default_value_t = 1000)]
    rate_limit: u32,
    /// Largest accepted request body, in bytes.
    #[arg(long, default_value_t = 64 * 1024)]
    max_body_bytes: usize,
    /// Allow binding an address other than loopback. The sandbox has test
    /// credentials only and no access control beyond them.
    #[arg(long)]
    allow_non_loopback: bool,
}

pub fn run(args: SandboxArgs) -> ExitCode {
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .init();

    if !args.host.is_loopback() && !args.allow_non_loopback {
        eprintln!(
            "error: --host {} is not a loopback address. The sandbox binds loopback only \
             (127.0.0.1 or ::1); pass --allow-non-loopback to bind it anyway.",
            args.host
        );
        return ExitCode::from(2);
    }

    let config = SandboxConfig {
        host: args.host,
        port: args.port,
        tls: args.tls,
        token_ttl: Duration::from_secs(args.token_ttl),
        settle_delay: Duration::from_millis(args.settle_delay_ms),
        rate_limit_per_second: (args.rate_limit > 0).then_some(args.rate_limit),
        max_body_bytes: args.max_body_bytes,
        ..SandboxConfig::default()
    };

    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: failed to start the tokio runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(serve(config))
}

async fn serve(config: SandboxConfig) -> ExitCode {
    let mut signals = match ShutdownSignals::install() {
        Ok(signals) => signals,
        Err(error) => {
            eprintln!("error: failed to install the SIGINT and SIGTERM handlers: {error}");
            return ExitCode::FAILURE;
        }
    };
    let sandbox = match realtime_finance_sandbox::start(config).await {
        Ok(sandbox) => sandbox,
        Err(error) => {
            eprintln!("error: failed to start the sandbox: {error}");
            return ExitCode::FAILURE;
        }
    };

    let line = match serde_json::to_string(sandbox.credentials()) {
        Ok(line) => line,
        Err(error) => {
            eprintln!("error: failed to encode the credentials: {error}");
            return ExitCode::FAILURE;
        }
    };
    let mut stdout = std::io::stdout().lock();
    if let Err(error) = writeln!(stdout, "{line}").and_then(|()| stdout.flush()) {
        eprintln!("error: failed to write the credentials line to stdout: {error}");
        return ExitCode::FAILURE;
    }
    drop(stdout);

    let signal = signals.wait().await;
    tracing::info!(signal, "shutting down");
    sandbox.shutdown().await;
    ExitCode::SUCCESS
}

/// SIGINT and SIGTERM handlers, installed before the credentials line is
/// printed so that a signal sent right after reading it still shuts the
/// sandbox down cleanly.
struct ShutdownSignals {
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
}

impl ShutdownSignals {
    fn install() -> std::io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{signal, SignalKind};
            Ok(ShutdownSignals {
                interrupt: signal(SignalKind::interrupt())?,
                terminate: signal(SignalKind::terminate())?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(ShutdownSignals {})
        }
    }

    /// Waits for SIGINT or SIGTERM (Ctrl-C only on non-Unix systems) and
    /// returns its name.
    async fn wait(&mut self) -> &'static str {
        #[cfg(unix)]
        {
            tokio::select! {
                _ = self.interrupt.recv() => "SIGINT",
                _ = self.terminate.recv() => "SIGTERM",
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            "SIGINT"
        }
    }
}
