//! Webhook verification for Python; the Standard Webhooks checks are the
//! core's.

use pyo3::prelude::*;
use realtime_finance::{SecretString, Webhook};

use crate::{convert, errors};

/// Verifies a delivery and returns the event as a dict.
///
/// `headers` are `(name, value)` pairs, matched case-insensitively by the
/// core; `secrets` are `whsec_…` strings, any of which may match (secret
/// rotation); `tolerance` is in seconds.
///
/// Errors: `WebhookSignatureError` when verification fails,
/// `ConfigurationError` for a malformed secret or a negative tolerance.
#[pyfunction]
pub(crate) fn verify_webhook(
    py: Python<'_>,
    payload: &[u8],
    headers: Vec<(String, String)>,
    secrets: Vec<String>,
    tolerance: f64,
) -> PyResult<Py<PyAny>> {
    let verified = (|| {
        let tolerance = realtime_finance::duration_from_seconds("tolerance", tolerance)?;
        let secrets = secrets.into_iter().map(SecretString::new).collect();
        let webhook = Webhook::new(secrets)?.with_tolerance(tolerance);
        let event = webhook.verify(
            payload,
            headers
                .iter()
                .map(|(name, value)| (name.as_str(), value.as_str())),
        )?;
        convert::serialize(&event)
    })();
    match verified {
        Ok(event) => Ok(convert::to_python(py, &event)?.unbind()),
        Err(error) => Err(errors::to_py_err(py, &error)),
    }
}
