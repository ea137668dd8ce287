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
//! JavaScript promise, so no call blocks the Node.js event loop.

mod client;
mod error;
mod logging;
mod paginator;
mod promise;
mod webhook;

pub use client::NativeClient;
pub use paginator::NativePaginator;
