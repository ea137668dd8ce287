//! PyO3 glue between the Real Time Finance Rust core and the Python package
//! `realtime_finance`, imported there as `realtime_finance._native`.
//!
//! The glue only converts: Python values to the core's parameter structs
//! (through JSON), the core's results back to Python dictionaries, and core
//! errors to the exception classes of `realtime_finance._errors`. Retries,
//! validation, token handling, pagination cursors and webhook cryptography
//! all stay in the core.

use pyo3::prelude::*;

mod bridge;
mod client;
mod convert;
mod errors;
mod logging;
mod operation;
mod pagination;
mod webhook;

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    logging::install(module.py());
    module.add_class::<client::NativeClient>()?;
    module.add_class::<pagination::NativePaginator>()?;
    module.add_function(wrap_pyfunction!(webhook::verify_webhook, module)?)?;
    module.add("CORE_VERSION", realtime_finance::VERSION)?;
    module.add(
        "DEFAULT_WEBHOOK_TOLERANCE",
        realtime_finance::webhook::DEFAULT_TOLERANCE.as_secs_f64(),
    )?;
    Ok(())
}
