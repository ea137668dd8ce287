//! The tokio runtime that bindings run the core's futures on.
//!
//! One multi-thread runtime per process, created on first use. Bindings call
//! [`block_on`] from foreign threads (the blocking facade) or [`spawn`] to run
//! a future and await its result from their own event loop, so connections
//! and timers always live on this runtime. After `fork()` the child has no
//! runtime threads; the runtime refuses to run there rather than hang.

use std::future::Future;

use crate::error::Result;

/// Runs `future` to completion on the shared runtime, on the calling thread.
///
/// Errors (`Configuration`): the runtime could not start, or this process is
/// a fork of the one that created it. Must not be called from inside a tokio
/// runtime.
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    let _ = future;
    todo!("core: shared runtime block_on with fork check")
}

/// Spawns `future` on the shared runtime and returns its join handle.
pub fn spawn<F>(future: F) -> Result<tokio::task::JoinHandle<F::Output>>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    let _ = future;
    todo!("core: shared runtime spawn with fork check")
}

/// Returns a handle to the shared runtime.
pub fn handle() -> Result<tokio::runtime::Handle> {
    todo!("core: shared runtime handle")
}
