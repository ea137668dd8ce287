//! Configuration of one sandbox instance.

use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

/// Settings for [`crate::start`]. `Default` binds 127.0.0.1 on a free port
/// over plain HTTP.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// Address to bind. The library binds whatever it is given; the CLI
    /// rejects non-loopback hosts unless asked explicitly.
    pub host: IpAddr,
    /// TCP port; 0 picks a free one.
    pub port: u16,
    /// Serve HTTPS with a freshly generated CA and server certificate.
    pub tls: bool,
    /// Lifetime of OAuth access tokens issued to the default client.
    pub token_ttl: Duration,
    /// Time a payment stays `pending` before it settles to `succeeded`.
    pub settle_delay: Duration,
    /// Requests per second allowed per credential; `None` disables the limit.
    pub rate_limit_per_second: Option<u32>,
    /// Largest accepted request body in bytes; larger bodies get 413.
    pub max_body_bytes: usize,
    /// Delays between webhook delivery attempts: attempt `n + 1` waits
    /// `webhook_retry_schedule[n - 1]` after attempt `n` failed. Its length
    /// plus one is the number of attempts.
    pub webhook_retry_schedule: Vec<Duration>,
    /// Time the sandbox waits for a webhook endpoint to respond to one attempt.
    pub webhook_timeout: Duration,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        SandboxConfig {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 0,
            tls: false,
            token_ttl: Duration::from_secs(3600),
            settle_delay: Duration::from_secs(1),
            rate_limit_per_second: Some(1000),
            max_body_bytes: 64 * 1024,
            webhook_retry_schedule: vec![
                Duration::from_millis(500),
                Duration::from_secs(1),
                Duration::from_secs(2),
                Duration::from_secs(4),
            ],
            webhook_timeout: Duration::from_secs(10),
        }
    }
}
