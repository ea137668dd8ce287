//! The native client behind `realtime_finance.Client` and `AsyncClient`.

use std::path::PathBuf;
use std::time::Duration;

use pyo3::prelude::*;
use realtime_finance::{ClientOptions, Error, SecretString};

use crate::operation::Operation;
use crate::pagination::NativePaginator;
use crate::{bridge, convert, errors};

/// One core client: a connection pool and a token cache, shared by every
/// thread and task that uses it. Holds no Python objects, so it is safe to
/// call from any thread.
#[pyclass(frozen, module = "realtime_finance._native")]
pub(crate) struct NativeClient {
    client: realtime_finance::Client,
}

#[pymethods]
impl NativeClient {
    /// Builds a client from the keyword arguments of `Client`; durations
    /// are in seconds and `ca_cert` is a file path. The core's
    /// `ClientOptions` applies the rules: a setting left as `None` comes from
    /// the `REALTIME_FINANCE_*` environment variables or the core's default.
    ///
    /// Errors: `ConfigurationError` for any setting or combination the core
    /// rejects, with the core's message, which uses these keyword names.
    #[new]
    #[pyo3(signature = (
        *, api_key=None, client_id=None, client_secret=None, scopes=None, token_url=None,
        client_auth_method=None, environment=None, base_url=None, timeout=None,
        connect_timeout=None, max_retries=None, ca_cert=None, ca_cert_pem=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        client_id: Option<String>,
        client_secret: Option<String>,
        scopes: Option<Vec<String>>,
        token_url: Option<String>,
        client_auth_method: Option<String>,
        environment: Option<String>,
        base_url: Option<String>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        max_retries: Option<u32>,
        ca_cert: Option<PathBuf>,
        ca_cert_pem: Option<Vec<u8>>,
    ) -> PyResult<Self> {
        let version = py.version_info();
        let python_version = format!("{}.{}.{}", version.major, version.minor, version.patch);
        let build = || {
            ClientOptions {
                api_key: api_key.map(SecretString::new),
                client_id,
                client_secret: client_secret.map(SecretString::new),
                scopes,
                token_url,
                client_auth_method,
                environment,
                base_url,
                timeout: seconds_to_duration("timeout", timeout)?,
                connect_timeout: seconds_to_duration("connect_timeout", connect_timeout)?,
                max_retries,
                ca_cert_path: ca_cert,
                ca_cert_pem,
                language: Some(("python".to_owned(), python_version)),
                ignore_environment: false,
            }
            .build()
        };
        match build() {
            Ok(client) => Ok(NativeClient { client }),
            Err(error) => Err(errors::to_py_err(py, &error)),
        }
    }

    /// The base URL requests go to, without a trailing slash.
    #[getter]
    fn base_url(&self) -> String {
        self.client.base_url().to_owned()
    }

    /// Replaces the API key; calls in flight finish with the old one.
    fn set_api_key(&self, py: Python<'_>, api_key: String) -> PyResult<()> {
        self.client
            .set_api_key(SecretString::new(api_key))
            .map_err(|error| errors::to_py_err(py, &error))
    }

    /// Runs `operation` (such as `"payments.create"`) and returns the result
    /// as a dict, with the GIL released during the call.
    #[pyo3(signature = (operation, argument, *, idempotency_key=None, max_retries=None, timeout=None))]
    fn call(
        &self,
        py: Python<'_>,
        operation: &str,
        argument: &Bound<'_, PyAny>,
        idempotency_key: Option<String>,
        max_retries: Option<i64>,
        timeout: Option<f64>,
    ) -> PyResult<Py<PyAny>> {
        let operation = Operation::parse(operation, argument)?;
        let options = convert::request_options(idempotency_key, max_retries, timeout)
            .map_err(|error| errors::to_py_err(py, &error))?;
        bridge::block_on(py, operation.run(self.client.clone(), options))
    }

    /// Like `call`, as an `asyncio.Future` of the running event loop.
    #[pyo3(signature = (operation, argument, *, idempotency_key=None, max_retries=None, timeout=None))]
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        operation: &str,
        argument: &Bound<'py, PyAny>,
        idempotency_key: Option<String>,
        max_retries: Option<i64>,
        timeout: Option<f64>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let operation = Operation::parse(operation, argument)?;
        let options = convert::request_options(idempotency_key, max_retries, timeout)
            .map_err(|error| errors::to_py_err(py, &error))?;
        bridge::spawn(py, operation.run(self.client.clone(), options))
    }

    /// Opens the list `operation` (such as `"transactions.list"`); no
    /// request is sent until the first page is fetched.
    #[pyo3(signature = (operation, params, *, max_retries=None, timeout=None))]
    fn list(
        &self,
        py: Python<'_>,
        operation: &str,
        params: &Bound<'_, PyAny>,
        max_retries: Option<i64>,
        timeout: Option<f64>,
    ) -> PyResult<NativePaginator> {
        let options = convert::request_options(None, max_retries, timeout)
            .map_err(|error| errors::to_py_err(py, &error))?;
        NativePaginator::open(operation, params, &self.client, options)
    }

    fn __repr__(&self) -> String {
        format!("NativeClient(base_url={:?})", self.client.base_url())
    }
}

fn seconds_to_duration(setting: &str, seconds: Option<f64>) -> Result<Option<Duration>, Error> {
    seconds
        .map(|seconds| realtime_finance::duration_from_seconds(setting, seconds))
        .transpose()
}
