//! Running a core future on the core's runtime and settling a JavaScript
//! promise with its result.

use std::future::Future;
use std::panic::AssertUnwindSafe;

use futures_util::FutureExt;
use napi::bindgen_prelude::Object;
use napi::Env;
use serde::Serialize;

use crate::error::{panic_error, serialization_error, to_js_error};

type Resolver = Box<dyn FnOnce(Env) -> napi::Result<serde_json::Value> + Send>;

/// Spawns `future` on the core's shared runtime and returns a promise that
/// settles with its serialized result, or rejects with the converted error.
///
/// The promise keeps the Node.js event loop alive until it settles, and no
/// longer: the deferred's threadsafe function is released on settlement.
/// A panic in the core rejects the promise with an `api` error.
pub(crate) fn spawn_promise<'env, T, F>(env: &'env Env, future: F) -> napi::Result<Object<'env>>
where
    T: Serialize + Send + 'static,
    F: Future<Output = realtime_finance::Result<T>> + Send + 'static,
{
    let runtime = realtime_finance::runtime::handle().map_err(|error| to_js_error(env, error))?;
    let (deferred, promise) = env.create_deferred::<serde_json::Value, Resolver>()?;
    runtime.spawn(async move {
        let outcome = match AssertUnwindSafe(future).catch_unwind().await {
            Ok(Ok(value)) => serde_json::to_value(value).map_err(serialization_error),
            Ok(Err(error)) => Err(error),
            Err(payload) => Err(panic_error(payload)),
        };
        deferred.resolve(Box::new(move |env: Env| {
            outcome.map_err(|error| to_js_error(&env, error))
        }));
    });
    Ok(promise)
}
