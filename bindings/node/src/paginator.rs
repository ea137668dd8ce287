//! `NativePaginator`: the core's `Paginator` behind a promise-returning
//! `nextPage()`, which the npm package wraps in an async iterator.

use std::sync::Arc;

use napi::bindgen_prelude::Object;
use napi::{Env, Result};
use napi_derive::napi;
use serde::Serialize;
use serde_json::Value;
use tokio::sync::Mutex;

use realtime_finance::{Event, Paginator, Payment, Transaction};

use crate::error::serialization_error;
use crate::promise::spawn_promise;

pub(crate) enum AnyPaginator {
    Transactions(Paginator<Transaction>),
    Payments(Paginator<Payment>),
    Events(Paginator<Event>),
}

impl AnyPaginator {
    async fn next_page(&mut self) -> realtime_finance::Result<Option<Vec<Value>>> {
        match self {
            AnyPaginator::Transactions(paginator) => to_json_page(paginator.next_page().await?),
            AnyPaginator::Payments(paginator) => to_json_page(paginator.next_page().await?),
            AnyPaginator::Events(paginator) => to_json_page(paginator.next_page().await?),
        }
    }
}

fn to_json_page<T: Serialize>(
    page: Option<Vec<T>>,
) -> realtime_finance::Result<Option<Vec<Value>>> {
    let Some(items) = page else { return Ok(None) };
    let values = items
        .into_iter()
        .map(|item| serde_json::to_value(item).map_err(serialization_error))
        .collect::<realtime_finance::Result<Vec<Value>>>()?;
    Ok(Some(values))
}

/// A cursor over every page of a list call. Concurrent `nextPage()` calls
/// are served one after the other, in call order.
#[napi]
pub struct NativePaginator {
    paginator: Arc<Mutex<AnyPaginator>>,
}

impl NativePaginator {
    pub(crate) fn new(paginator: AnyPaginator) -> Self {
        NativePaginator {
            paginator: Arc::new(Mutex::new(paginator)),
        }
    }
}

#[napi]
impl NativePaginator {
    /// Fetches the next page: resolves to an array of objects, or `null`
    /// once the list is exhausted. After a rejection, calling again retries
    /// the same page.
    #[napi(ts_return_type = "Promise<Array<unknown> | null>", catch_unwind)]
    pub fn next_page<'env>(&self, env: &'env Env) -> Result<Object<'env>> {
        let paginator = Arc::clone(&self.paginator);
        spawn_promise(env, async move { paginator.lock().await.next_page().await })
    }
}
