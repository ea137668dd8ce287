//! Node.js addon over the Real Time Finance Rust core.
//!
//! This crate only converts: JavaScript values cross as JSON-compatible
//! objects (`serde_json::Value`) into the core's structs, results come back
//! as the core's serialized structs, and every core error becomes a
//! JavaScript `Error` carrying its kind and fields (see [`error`]). The npm
//! package in `node/` owns the public classes; this addon's surface is
//! internal to it.
//!
//! Every network call runs on the core's shared tokio runtime and settles a
//! JavaScript promise, so no call blocks the Node.js event loop. Every
//! exported function is marked `catch_unwind`, so a panic becomes a thrown
//! JavaScript error instead of aborting the process; a panic inside a spawned
//! call rejects its promise (see [`promise`]).

mod client;
mod error;
mod logging;
mod paginator;
mod promise;
mod webhook;

// Re-exported so that every item the addon registers with Node.js is
// reachable, which keeps the dead-code lint quiet in builds (such as
// `cargo test`) where napi-derive does not emit the registration code.
pub use client::NativeClient;
pub use logging::set_log_callback;
pub use paginator::NativePaginator;
pub use webhook::{sign_webhook, verify_webhook, WebhookHeader};
