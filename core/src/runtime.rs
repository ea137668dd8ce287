//! The tokio runtime that bindings run the core's futures on.
//!
//! One multi-thread runtime per process, created on first use. Bindings call
//! [`spawn_and_wait`] (or [`block_on`] for futures that are not `Send +
//! 'static`) from foreign threads, or [`spawn`] to run a future and await
//! its result from their own event loop, so connections and timers always
//! live on this runtime.
//!
//! After `fork()` the child has none of the parent's runtime threads. The
//! first use in the child creates a fresh runtime and leaks the parent's
//! (dropping it would wait for threads that do not exist), and each
//! [`crate::Client`] builds a new connection pool there.

use std::future::Future;
use std::sync::atomic::{AtomicPtr, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

use tokio::runtime::{Builder, Runtime};

use crate::error::{Error, Result};

/// Default number of worker threads of the shared runtime. They run the
/// connection tasks, the timers and every future passed to
/// [`spawn_and_wait`] or [`spawn`].
///
/// One worker keeps each call on the thread of its connection task, as
/// `reqwest::blocking` does with its one runtime thread. In the
/// get_transaction benchmark (`docs/benchmarks.md`) a second worker added
/// 1.3 to 2 context switches and 6 to 17 % CPU time to a call from one
/// thread, and did not make calls from 64 threads consistently faster.
/// NOTE: measured on a 2-core machine only. A process that keeps more than
/// one core busy with SDK calls may be limited by one worker; such a process
/// sets [`ENV_RUNTIME_THREADS`]. A task that blocks a worker stalls the
/// calls scheduled on it meanwhile.
const DEFAULT_WORKER_THREADS: usize = 1;

/// Environment variable that sets the number of worker threads (1 to 64),
/// read once, when the first client of the process makes its first call.
pub const ENV_RUNTIME_THREADS: &str = "REALTIME_FINANCE_RUNTIME_THREADS";

/// The worker count from [`ENV_RUNTIME_THREADS`], or the default.
///
/// Errors (`Configuration`): a value that is not a whole number from 1 to 64.
fn worker_threads() -> Result<usize> {
    let Ok(text) = std::env::var(ENV_RUNTIME_THREADS) else {
        return Ok(DEFAULT_WORKER_THREADS);
    };
    match text.trim().parse::<usize>() {
        Ok(count @ 1..=64) => Ok(count),
        _ => Err(Error::configuration(format!(
            "{ENV_RUNTIME_THREADS}={text:?} is invalid; set a whole number of worker threads from 1 to 64, or unset it"
        ))),
    }
}

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
        .worker_threads(worker_threads()?)
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

/// Runs `future` on a worker of the shared runtime and blocks the calling
/// thread until it finishes. This is the blocking path for bindings.
///
/// The whole call runs on a worker next to the connection task that owns
/// the socket, so one call costs two cross-thread wake-ups: the spawn and
/// the result. [`block_on`] polls the future on the calling thread instead,
/// which adds a wake-up for every handoff between the request and the
/// connection task (see `docs/benchmarks.md`).
///
/// The caller's current `tracing` span stays the parent of the call's
/// spans. A panic inside `future` resumes on the calling thread. Safe to
/// call from any number of threads at once. Like [`spawn`], `future` must
/// not block its thread.
///
/// Errors (`Configuration`): the runtime could not start, the caller is
/// already inside a tokio runtime (await the future there instead), or the
/// task was cancelled, which only happens if the runtime shut down.
pub fn spawn_and_wait<F>(future: F) -> Result<F::Output>
where
    F: Future + Send + 'static,
    F::Output: Send + 'static,
{
    reject_nested_runtime()?;
    let task = shared()?
        .runtime
        .spawn(tracing::Instrument::in_current_span(future));

    match park_until_ready(task) {
        Ok(output) => Ok(output),
        Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
        Err(error) => Err(Error::configuration(format!(
            "the SDK's tokio runtime cancelled the call before it finished ({error}); \
             retry the call, and report it if it happens again"
        ))),
    }
}

/// Runs `future` to completion on the shared runtime, on the calling thread.
///
/// Use [`spawn_and_wait`] when the future is `Send + 'static`: it needs
/// fewer context switches per call because it does not wake the calling
/// thread for every socket event.
///
/// Errors (`Configuration`): the runtime could not start, or the caller is
/// already inside a tokio runtime (await the future there instead).
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    reject_nested_runtime()?;
    Ok(shared()?.runtime.block_on(future))
}

/// Parking a runtime's own thread until a task finishes could deadlock it,
/// because that task may need the very thread that is parked.
fn reject_nested_runtime() -> Result<()> {
    if tokio::runtime::Handle::try_current().is_ok() {
        return Err(Error::configuration(
            "the blocking client was called from inside a tokio runtime, which would block one of its \
             threads; use the async realtime_finance::Client there",
        ));
    }
    Ok(())
}

/// Wakes a thread parked in [`park_until_ready`].
struct Unparker(Thread);

impl Wake for Unparker {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

/// Polls `future` on the calling thread, parking it between polls. Only for
/// futures that other threads complete, such as a `JoinHandle`: it drives
/// no I/O or timers.
fn park_until_ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let waker = Waker::from(Arc::new(Unparker(thread::current())));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        // A stray or early unpark only costs one extra poll.
        thread::park();
    }
}

/// Spawns `future` on the shared runtime and returns its join handle.
///
/// `future` must not block its thread, for example by waiting for Python's
/// GIL or on blocking I/O: the runtime has one worker, so every other call
/// in the process waits too. Run such work with
/// `tokio::task::spawn_blocking`.
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn spawn_and_wait_runs_on_worker() {
        let name = spawn_and_wait(async { thread::current().name().map(str::to_owned) }).unwrap();

        assert_eq!(name.as_deref(), Some("rtf-worker"));
    }

    #[test]
    fn spawn_and_wait_resumes_panic() {
        let outcome = std::panic::catch_unwind(|| {
            spawn_and_wait(async {
                std::panic::panic_any("page fetch failed");
            })
        });

        let payload = outcome.unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"page fetch failed"));
    }

    #[test]
    fn spawn_and_wait_keeps_caller_span() {
        use tracing_subscriber::registry::LookupSpan;

        // The span must come from a subscriber that the worker threads see,
        // as a binding's global logging bridge is.
        let registry = std::sync::Arc::new(tracing_subscriber::registry());
        let _ = tracing::subscriber::set_global_default(Arc::clone(&registry));

        let span = tracing::info_span!("binding_call");
        let name = span.in_scope(|| {
            spawn_and_wait(async {
                tracing::Span::current().id().and_then(|id| {
                    tracing::dispatcher::get_default(|dispatch| {
                        dispatch
                            .downcast_ref::<tracing_subscriber::Registry>()
                            .and_then(|registry| registry.span(&id).map(|span| span.name()))
                    })
                })
            })
        });

        assert_eq!(name.unwrap(), Some("binding_call"));
    }

    #[test]
    fn spawn_and_wait_in_runtime_rejected() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let error = runtime
            .block_on(async { spawn_and_wait(async {}) })
            .unwrap_err();

        assert_eq!(error.kind(), ErrorKind::Configuration);
    }

    #[test]
    fn block_on_in_runtime_rejected() {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let error = runtime.block_on(async { block_on(async {}) }).unwrap_err();

        assert_eq!(error.kind(), ErrorKind::Configuration);
    }
}
