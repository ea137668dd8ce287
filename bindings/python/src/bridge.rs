//! Runs the core's futures for Python: blocking with the GIL released, or as
//! an `asyncio.Future` on the caller's running event loop.

use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use realtime_finance::runtime;
use serde_json::Value;
use tokio::task::{AbortHandle, JoinError};

use crate::{convert, errors};

/// Runs `future` on the core's runtime from the calling thread, with the GIL
/// released so other Python threads run meanwhile, and converts the result.
///
/// Errors: the call's error as its `realtime_finance` exception; a panic in
/// the core as `RealTimeFinanceError`.
pub(crate) fn block_on<F>(py: Python<'_>, future: F) -> PyResult<Py<PyAny>>
where
    F: Future<Output = realtime_finance::Result<Value>> + Send,
{
    let outcome = py.detach(|| catch_unwind(AssertUnwindSafe(|| runtime::block_on(future))));
    match outcome {
        Ok(Ok(Ok(value))) => Ok(convert::to_python(py, &value)?.unbind()),
        // The outer error is the runtime's own (such as use after fork),
        // the inner one the call's.
        Ok(Err(error)) | Ok(Ok(Err(error))) => Err(errors::to_py_err(py, &error)),
        Err(panic) => Err(errors::panic_to_py_err(py, panic)),
    }
}

/// Spawns `future` on the core's runtime and returns an `asyncio.Future` of
/// the running event loop that resolves with its converted result. The loop
/// is never blocked: the result is handed over with
/// `loop.call_soon_threadsafe`. Cancelling the `asyncio.Future` aborts the
/// task.
///
/// Errors: `RuntimeError` when no event loop is running in this thread; the
/// runtime's error (such as use after fork) as its exception.
pub(crate) fn spawn<'py, F>(py: Python<'py>, future: F) -> PyResult<Bound<'py, PyAny>>
where
    F: Future<Output = realtime_finance::Result<Value>> + Send + 'static,
{
    let event_loop = py.import("asyncio")?.call_method0("get_running_loop")?;
    let py_future = event_loop.call_method0("create_future")?;

    let task = runtime::spawn(future).map_err(|error| errors::to_py_err(py, &error))?;
    py_future.call_method1(
        "add_done_callback",
        (AbortOnCancel {
            task: task.abort_handle(),
        },),
    )?;

    let loop_ref = event_loop.unbind();
    let future_ref = py_future.clone().unbind();
    let delivery = async move {
        let joined = task.await;
        // Python threads may hold the GIL for a while. Waiting for it on the
        // runtime's worker would stall every other call in the process, so a
        // thread of the blocking pool waits instead.
        let handed_over = tokio::task::spawn_blocking(move || {
            Python::attach(|py| {
                if let Err(error) = deliver(py, loop_ref.bind(py), future_ref.bind(py), joined) {
                    // The loop was closed before the call finished, so nobody
                    // can await the result any more.
                    tracing::debug!(target: "realtime_finance::python", %error, "dropped the result of an async call");
                }
            })
        });
        if let Err(error) = handed_over.await {
            tracing::debug!(target: "realtime_finance::python", %error, "handing an async result to Python failed");
        }
    };
    runtime::spawn(delivery).map_err(|error| errors::to_py_err(py, &error))?;
    Ok(py_future)
}

fn deliver(
    py: Python<'_>,
    event_loop: &Bound<'_, PyAny>,
    py_future: &Bound<'_, PyAny>,
    joined: Result<realtime_finance::Result<Value>, JoinError>,
) -> PyResult<()> {
    let (is_error, value) = match joined {
        Ok(Ok(value)) => match convert::to_python(py, &value) {
            Ok(object) => (false, object),
            Err(error) => (true, error.into_value(py).into_bound(py).into_any()),
        },
        Ok(Err(error)) => (
            true,
            errors::to_py_err(py, &error)
                .into_value(py)
                .into_bound(py)
                .into_any(),
        ),
        // Only an aborted task is cancelled, and only a cancelled
        // asyncio.Future aborts it, so no caller is waiting.
        Err(join_error) if join_error.is_cancelled() => return Ok(()),
        Err(join_error) => {
            let error = errors::panic_to_py_err(py, join_error.into_panic());
            (true, error.into_value(py).into_bound(py).into_any())
        }
    };
    let settle = settle_function(py)?;
    event_loop.call_method1("call_soon_threadsafe", (settle, py_future, is_error, value))?;
    Ok(())
}

static SETTLE_FUNCTION: PyOnceLock<Py<PyAny>> = PyOnceLock::new();

fn settle_function(py: Python<'_>) -> PyResult<&Bound<'_, PyAny>> {
    SETTLE_FUNCTION
        .get_or_try_init(py, || {
            Ok::<_, PyErr>(wrap_pyfunction!(settle, py)?.into_any().unbind())
        })
        .map(|function| function.bind(py))
}

/// Sets the result or exception of `future` on its loop's thread, unless it
/// was cancelled meanwhile.
#[pyfunction]
fn settle(future: &Bound<'_, PyAny>, is_error: bool, value: &Bound<'_, PyAny>) -> PyResult<()> {
    if future.call_method0("done")?.is_truthy()? {
        return Ok(());
    }
    let method = if is_error {
        "set_exception"
    } else {
        "set_result"
    };
    future.call_method1(method, (value,))?;
    Ok(())
}

/// Done-callback of an `asyncio.Future` that aborts its tokio task when the
/// future was cancelled.
#[pyclass(frozen)]
struct AbortOnCancel {
    task: AbortHandle,
}

#[pymethods]
impl AbortOnCancel {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future.call_method0("cancelled")?.is_truthy()? {
            self.task.abort();
        }
        Ok(())
    }
}
