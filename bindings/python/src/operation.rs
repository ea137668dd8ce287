//! The API calls that return one object, named as the Python package names
//! them, so that the blocking and the async client share one dispatch.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use realtime_finance::resources::params_from_json;
use realtime_finance::{Client, RequestOptions};
use serde_json::Value;

use crate::{convert, errors};

pub(crate) enum Operation {
    RetrieveTransaction(String),
    CreatePayment(realtime_finance::CreatePaymentParams),
    RetrievePayment(String),
    CancelPayment(String),
    AssessFraud(realtime_finance::CreateFraudAssessmentParams),
    CreateWebhookEndpoint(realtime_finance::CreateWebhookEndpointParams),
}

impl Operation {
    /// Builds the operation `name` from its argument: an id (`str`) for
    /// retrieve and cancel, a mapping of parameters for the others.
    ///
    /// Errors: `TypeError` for an id that is not a `str`,
    /// `InvalidRequestError` for parameters the core rejects, and
    /// `ValueError` for an unknown name (a bug in the Python package).
    pub(crate) fn parse(name: &str, argument: &Bound<'_, PyAny>) -> PyResult<Operation> {
        let py = argument.py();
        Ok(match name {
            "transactions.retrieve" => Operation::RetrieveTransaction(argument.extract()?),
            "payments.retrieve" => Operation::RetrievePayment(argument.extract()?),
            "payments.cancel" => Operation::CancelPayment(argument.extract()?),
            "payments.create" => Operation::CreatePayment(params_from_python(py, argument)?),
            "fraud.assess" => Operation::AssessFraud(params_from_python(py, argument)?),
            "webhook_endpoints.create" => {
                Operation::CreateWebhookEndpoint(params_from_python(py, argument)?)
            }
            _ => return Err(PyValueError::new_err(format!("unknown operation {name:?}"))),
        })
    }

    /// Runs the call on `client` and serializes its result.
    pub(crate) async fn run(
        self,
        client: Client,
        options: RequestOptions,
    ) -> realtime_finance::Result<Value> {
        match self {
            Operation::RetrieveTransaction(id) => {
                convert::serialize(&client.transactions().retrieve(&id, &options).await?)
            }
            Operation::CreatePayment(params) => {
                convert::serialize(&client.payments().create(&params, &options).await?)
            }
            Operation::RetrievePayment(id) => {
                convert::serialize(&client.payments().retrieve(&id, &options).await?)
            }
            Operation::CancelPayment(id) => {
                convert::serialize(&client.payments().cancel(&id, &options).await?)
            }
            Operation::AssessFraud(params) => {
                convert::serialize(&client.fraud().assess(&params, &options).await?)
            }
            Operation::CreateWebhookEndpoint(params) => {
                convert::serialize(&client.webhook_endpoints().create(&params, &options).await?)
            }
        }
    }
}

/// Builds a core parameter struct from a Python mapping through JSON; the
/// core names the field at fault in its `InvalidRequest` error.
pub(crate) fn params_from_python<T: serde::de::DeserializeOwned>(
    py: Python<'_>,
    params: &Bound<'_, PyAny>,
) -> PyResult<T> {
    convert::to_json(params, "")
        .and_then(params_from_json)
        .map_err(|error| errors::to_py_err(py, &error))
}
