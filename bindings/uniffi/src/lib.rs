//! UniFFI glue between the Rust core (`realtime_finance`) and the JVM SDK.
//!
//! This crate only converts: Java parameters arrive as JSON text and become
//! core structs through [`realtime_finance::resources::params_from_json`],
//! core results become UniFFI records, and core errors become one flat
//! [`FfiError`]. Validation, retries, tokens, pagination and webhook
//! cryptography all stay in the core. The generated Kotlin lives in
//! `com.realtimefinance.internal.ffi` and is not a public API: Java users see
//! the hand-written facade in `java/src/main/java`.
//!
//! Every exported function runs the core's future on the core's shared
//! runtime, so connections and timers never live on UniFFI's own executor.
//! A synchronous function parks the calling thread until the future ends
//! ([`realtime_finance::runtime::spawn_and_wait`]); an `async` one awaits
//! the spawned task's join handle.

uniffi::setup_scaffolding!();

mod client;
mod error;
mod logging;
mod pager;
mod types;
mod webhook;

pub use client::{FfiClientConfig, NativeClient};
pub use error::{FfiError, FfiErrorKind};
pub use logging::{install_log_sink, FfiLogLevel, FfiLogRecord, LogSink};
pub use pager::{EventPager, PaymentPager, TransactionPager};
pub use types::*;
pub use webhook::verify_webhook;

/// Returns the version of the Rust core inside this library, for
/// diagnostics and the `User-Agent`.
#[uniffi::export]
pub fn core_version() -> String {
    realtime_finance::VERSION.to_owned()
}
