//! The tokio runtime that bindings run the core's futures on.
//!
//! One multi-thread runtime per process, created on first use. Bindings call
//! [`block_on`] from foreign threads (the blocking facade) or [`spawn`] to run
//! a future and await its result from their own event loop, so connections
//! and timers always live on this runtime.
//!
//! After `fork()` the child has none of the parent's runtime threads. The
//! first use in the child creates a fresh runtime and leaks the parent's
//! (dropping it would wait for threads that do not exist), and each
//! [`crate::Client`] builds a new connection pool there.

use std::future::Future;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::Mutex;

use tokio::runtime::{Builder, Runtime};

use crate::error::{Error, Result};

/// Worker threads of the shared runtime. The workers only drive sockets
/// and timers; `block_on` runs each call's future on the calling thread.
const WORKER_THREADS: usize = 2;

struct Shared {
    pid: u32,
    runtime: Runtime,
}

/// The runtime of the current process. Never freed: a runtime created
/// before `fork()` is leaked in the child rather than dropped.
static CURRENT: AtomicPtr<Shared> = AtomicPtr::new(std::ptr::null_mut());
static CREATE: Mutex<()> = Mutex::new(());

fn shared() -> Result<&'static Shared> {
    let pid = std::process::id();
    if let Some(shared) = load() {
        if shared.pid == pid {
            return Ok(shared);
        }
    }

    let _creating = CREATE
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if let Some(shared) = load() {
        if shared.pid == pid {
            return Ok(shared);
        }
    }

    let runtime = Builder::new_multi_thread()
        .worker_threads(WORKER_THREADS)
        .thread_name("rtf-worker")
        .enable_all()
        .build()
        .map_err(|error| {
            Error::configuration(format!("could not start the SDK's tokio runtime: {error}"))
        })?;

    let shared: &'static Shared = Box::leak(Box::new(Shared { pid, runtime }));
    CURRENT.store(std::ptr::from_ref(shared).cast_mut(), Ordering::Release);
    Ok(shared)
}

fn load() -> Option<&'static Shared> {
    let pointer = CURRENT.load(Ordering::Acquire);
    // SAFETY: the pointer is null or comes from `Box::leak` in `shared`, and
    // nothing ever frees it.
    unsafe { pointer.as_ref() }
}

/// Runs `future` to completion on the shared runtime, on the calling thread.
///
/// Errors (`Configuration`): the runtime could not start, or the caller is
/// already inside a tokio runtime (await the future there instead).
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::configuration(
            "the blocking client was called from inside a tokio runtime, which would block one of its \
             threads; use the async realtime_finance::Client there",
        ));
    }
    Ok(shared()?.runtime.block_on(future))
}

/// Spawns `future` on the shared runtime and returns its join handle.
///
/// Errors (`Configuration`): the runtime could not start.
pub fn spawn<F>(future: F) -> Result<tokio::task::JoinHandle<F::Output>>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    Ok(shared()?.runtime.spawn(future))
}

/// Returns a handle to the shared runtime.
///
/// Errors (`Configuration`): the runtime could not start.
pub fn handle() -> Result<tokio::runtime::Handle> {
    Ok(shared()?.runtime.handle().clone())
}
