//! Forwards the core's log events to Python's `logging` module.
//!
//! The core logs through `tracing`. With tracing's `log` feature, and while
//! no tracing subscriber is set, each event becomes a `log` record. pyo3-log
//! hands the record to the Python logger named after its target, so
//! `realtime_finance::http` becomes `realtime_finance.http`. The core never
//! puts a secret in an event.

use log::LevelFilter;
use pyo3::prelude::*;
use pyo3_log::{Caching, Logger};

/// Installs the forwarding logger unless a `log` logger is already set in
/// this library. Only `realtime_finance` targets are forwarded, so the
/// debug logs of the HTTP and TLS crates do not cost a GIL acquisition each.
pub(crate) fn install(py: Python<'_>) {
    let logger = match Logger::new(py, Caching::Loggers) {
        Ok(logger) => logger,
        Err(error) => {
            error.print(py);
            return;
        }
    };
    // `Caching::Loggers` looks up the Python level on every record, so a
    // level set after import (such as pytest's caplog) takes effect.
    let installed = logger
        .filter(LevelFilter::Off)
        .filter_target("realtime_finance".to_owned(), LevelFilter::Debug)
        .install();
    // An error here means a logger was set before us; keep that one.
    drop(installed);
}
