//! Python access to the core's `Paginator`: one page per call, blocking or
//! as an `asyncio.Future`. The Python package turns the pages into
//! iterators; the cursor rule stays in the core.

use std::sync::Arc;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use realtime_finance::{Client, Event, Paginator, Payment, RequestOptions, Transaction};
use serde_json::Value;
use tokio::sync::Mutex;

use crate::operation::params_from_python;
use crate::{bridge, convert, errors};

enum AnyPaginator {
    Transactions(Paginator<Transaction>),
    Payments(Paginator<Payment>),
    Events(Paginator<Event>),
}

impl AnyPaginator {
    /// Opens the list `name` (`transactions.list`, `payments.list` or
    /// `events.list`); the core validates `params` here, before any request.
    fn open(
        name: &str,
        params: &Bound<'_, PyAny>,
        client: &Client,
        options: RequestOptions,
    ) -> PyResult<Self> {
        let py = params.py();
        let opened = match name {
            "transactions.list" => client
                .transactions()
                .list(params_from_python(py, params)?, options)
                .map(AnyPaginator::Transactions),
            "payments.list" => client
                .payments()
                .list(params_from_python(py, params)?, options)
                .map(AnyPaginator::Payments),
            "events.list" => client
                .events()
                .list(params_from_python(py, params)?, options)
                .map(AnyPaginator::Events),
            _ => {
                return Err(PyValueError::new_err(format!(
                    "unknown list operation {name:?}"
                )))
            }
        };
        opened.map_err(|error| errors::to_py_err(py, &error))
    }

    /// Fetches the next page as a JSON array, or `Null` after the last one.
    async fn next_page(&mut self) -> realtime_finance::Result<Value> {
        match self {
            AnyPaginator::Transactions(paginator) => page_to_json(paginator.next_page().await?),
            AnyPaginator::Payments(paginator) => page_to_json(paginator.next_page().await?),
            AnyPaginator::Events(paginator) => page_to_json(paginator.next_page().await?),
        }
    }
}

fn page_to_json<T: serde::Serialize>(page: Option<Vec<T>>) -> realtime_finance::Result<Value> {
    match page {
        Some(items) => convert::serialize(&items),
        None => Ok(Value::Null),
    }
}

/// A cursor over the pages of one list call. Thread-safe: concurrent calls
/// take turns, and each page is handed to exactly one caller.
#[pyclass(frozen, module = "realtime_finance._native")]
pub(crate) struct NativePaginator {
    inner: Arc<Mutex<AnyPaginator>>,
}

impl NativePaginator {
    pub(crate) fn open(
        name: &str,
        params: &Bound<'_, PyAny>,
        client: &Client,
        options: RequestOptions,
    ) -> PyResult<NativePaginator> {
        let paginator = AnyPaginator::open(name, params, client, options)?;
        Ok(NativePaginator {
            inner: Arc::new(Mutex::new(paginator)),
        })
    }
}

#[pymethods]
impl NativePaginator {
    /// Returns the next page as a list of dicts, or `None` after the last
    /// page. After an error, the next call fetches the same page again.
    fn next_page(&self, py: Python<'_>) -> PyResult<Py<PyAny>> {
        let inner = Arc::clone(&self.inner);
        bridge::block_on(py, async move { inner.lock().await.next_page().await })
    }

    /// Like `next_page`, as an `asyncio.Future` of the running loop.
    fn next_page_async<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let inner = Arc::clone(&self.inner);
        bridge::spawn(py, async move { inner.lock().await.next_page().await })
    }
}
