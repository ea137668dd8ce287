//! The native client behind `realtime_finance.Client` and `AsyncClient`.

use pyo3::prelude::*;
use realtime_finance::{
    ClientAuthMethod, ClientBuilder, ClientCredentials, Environment, Error, SecretString,
};

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
    /// Builds a client; a setting left as `None` is read by the core from
    /// the `REALTIME_FINANCE_*` environment variables or gets the core's
    /// default. Durations are in seconds.
    ///
    /// Errors: `ConfigurationError` for settings the core rejects, for an
    /// unknown `environment` or `auth_method`, for `api_key` together with
    /// OAuth client credentials, and for only one of `client_id` and
    /// `client_secret`.
    #[new]
    #[pyo3(signature = (
        *, api_key=None, client_id=None, client_secret=None, scopes=None, token_url=None,
        auth_method=None, environment=None, base_url=None, timeout=None, connect_timeout=None,
        max_retries=None, ca_cert_pem=None,
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        api_key: Option<String>,
        client_id: Option<String>,
        client_secret: Option<String>,
        scopes: Option<Vec<String>>,
        token_url: Option<String>,
        auth_method: Option<String>,
        environment: Option<String>,
        base_url: Option<String>,
        timeout: Option<f64>,
        connect_timeout: Option<f64>,
        max_retries: Option<u32>,
        ca_cert_pem: Option<Vec<u8>>,
    ) -> PyResult<Self> {
        let settings = Settings {
            api_key,
            client_id,
            client_secret,
            scopes,
            token_url,
            auth_method,
            environment,
            base_url,
            timeout,
            connect_timeout,
            max_retries,
            ca_cert_pem,
        };
        let version = py.version_info();
        let python_version = format!("{}.{}.{}", version.major, version.minor, version.patch);
        let built = settings
            .into_builder()
            .and_then(|builder| builder.language("python", python_version).build());
        match built {
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
        max_retries: Option<u32>,
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
        max_retries: Option<u32>,
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
        max_retries: Option<u32>,
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

/// The constructor's arguments, converted into a `ClientBuilder`.
struct Settings {
    api_key: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scopes: Option<Vec<String>>,
    token_url: Option<String>,
    auth_method: Option<String>,
    environment: Option<String>,
    base_url: Option<String>,
    timeout: Option<f64>,
    connect_timeout: Option<f64>,
    max_retries: Option<u32>,
    ca_cert_pem: Option<Vec<u8>>,
}

impl Settings {
    fn into_builder(self) -> Result<ClientBuilder, Error> {
        let mut builder = ClientBuilder::new();
        if let Some(credentials) = self.client_credentials()? {
            if self.api_key.is_some() {
                return Err(Error::configuration(
                    "api_key and client_id/client_secret were both given; pass either an API key or OAuth client credentials",
                ));
            }
            builder = builder.client_credentials(credentials);
        }
        if let Some(api_key) = self.api_key {
            builder = builder.api_key(SecretString::new(api_key));
        }
        if let Some(environment) = self.environment.as_deref() {
            builder = builder.environment(parse_environment(environment)?);
        }
        if let Some(base_url) = self.base_url {
            builder = builder.base_url(base_url);
        }
        if let Some(seconds) = self.timeout {
            builder = builder.timeout(
                convert::duration_from_seconds("timeout", seconds).map_err(Error::configuration)?,
            );
        }
        if let Some(seconds) = self.connect_timeout {
            let timeout = convert::duration_from_seconds("connect_timeout", seconds)
                .map_err(Error::configuration)?;
            builder = builder.connect_timeout(timeout);
        }
        if let Some(max_retries) = self.max_retries {
            builder = builder.max_retries(max_retries);
        }
        if let Some(pem) = self.ca_cert_pem {
            builder = builder.ca_certificate_pem(pem);
        }
        Ok(builder)
    }

    /// Returns the OAuth credentials when `client_id` and `client_secret`
    /// were given. The other OAuth settings without them are rejected, since
    /// the core could not use them.
    fn client_credentials(&self) -> Result<Option<ClientCredentials>, Error> {
        let (client_id, client_secret) = match (&self.client_id, &self.client_secret) {
            (Some(client_id), Some(client_secret)) => (client_id, client_secret),
            (None, None) => {
                if self.scopes.is_some() || self.token_url.is_some() || self.auth_method.is_some() {
                    return Err(Error::configuration(
                        "scopes, token_url and auth_method apply only to OAuth; pass client_id and client_secret too",
                    ));
                }
                return Ok(None);
            }
            (Some(_), None) => {
                return Err(Error::configuration(
                    "client_id was given without client_secret; pass both",
                ))
            }
            (None, Some(_)) => {
                return Err(Error::configuration(
                    "client_secret was given without client_id; pass both",
                ))
            }
        };
        let auth_method = match self.auth_method.as_deref() {
            None => ClientAuthMethod::default(),
            Some("client_secret_basic") => ClientAuthMethod::ClientSecretBasic,
            Some("client_secret_post") => ClientAuthMethod::ClientSecretPost,
            Some(other) => {
                return Err(Error::configuration(format!(
                    "auth_method {other:?} is not supported; use \"client_secret_basic\" or \"client_secret_post\""
                )))
            }
        };
        Ok(Some(ClientCredentials {
            client_id: client_id.clone(),
            client_secret: SecretString::new(client_secret.clone()),
            scopes: self.scopes.clone().unwrap_or_default(),
            token_url: self.token_url.clone(),
            auth_method,
        }))
    }
}

fn parse_environment(environment: &str) -> Result<Environment, Error> {
    match environment {
        "sandbox" => Ok(Environment::Sandbox),
        "live" => Ok(Environment::Live),
        other => Err(Error::configuration(format!(
            "environment {other:?} is not supported; use \"sandbox\" or \"live\""
        ))),
    }
}
