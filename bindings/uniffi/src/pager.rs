//! Pagers: UniFFI objects over the core's [`Paginator`], one per element
//! type because UniFFI objects cannot be generic.
//!
//! The cursor logic stays in the core; a pager only calls `next_page`. The
//! paginator sits behind an async mutex so that a pager shared between Java
//! threads advances one page at a time.

use std::sync::Arc;

use realtime_finance::{runtime, Paginator};
use tokio::sync::Mutex;

use crate::error::{join_error, FfiError};
use crate::types::{FfiEvent, FfiPayment, FfiTransaction};

macro_rules! pager {
    ($name:ident, $core:ty, $ffi:ty) => {
        #[derive(uniffi::Object)]
        pub struct $name {
            paginator: Arc<Mutex<Paginator<$core>>>,
        }

        impl $name {
            pub(crate) fn new(paginator: Paginator<$core>) -> Self {
                $name {
                    paginator: Arc::new(Mutex::new(paginator)),
                }
            }
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.debug_struct(stringify!($name)).finish_non_exhaustive()
            }
        }

        #[uniffi::export]
        impl $name {
            /// Fetches the next page on a worker of the core's runtime,
            /// blocking the calling thread. Returns `None` once the list is
            /// exhausted; after an error, calling again retries the same
            /// page.
            pub fn next_page(&self) -> Result<Option<Vec<$ffi>>, FfiError> {
                let paginator = Arc::clone(&self.paginator);
                let page =
                    runtime::spawn_and_wait(
                        async move { paginator.lock().await.next_page().await },
                    )??;
                Ok(page.map(|items| items.into_iter().map(<$ffi>::from).collect()))
            }
        }

        #[uniffi::export(async_runtime = "tokio")]
        impl $name {
            /// Like `next_page`, without blocking a thread.
            pub async fn next_page_async(&self) -> Result<Option<Vec<$ffi>>, FfiError> {
                let paginator = Arc::clone(&self.paginator);
                let handle =
                    runtime::spawn(async move { paginator.lock().await.next_page().await })?;
                let page = handle.await.map_err(join_error)??;
                Ok(page.map(|items| items.into_iter().map(<$ffi>::from).collect()))
            }
        }
    };
}

pager!(
    TransactionPager,
    realtime_finance::Transaction,
    FfiTransaction
);
pager!(PaymentPager, realtime_finance::Payment, FfiPayment);
pager!(EventPager, realtime_finance::Event, FfiEvent);
