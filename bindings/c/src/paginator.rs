//! The paginator handle over the core's `Paginator`.

use std::ffi::c_char;
use std::sync::Arc;

use realtime_finance::{params_from_json, runtime, Event, Paginator, Payment, Transaction};
use serde::Serialize;
use serde_json::Value;
use tokio::sync::Mutex;

use crate::client::{client_ref, request_options, RtfClient};
use crate::error::{FfiError, RtfError, RtfStatus};
use crate::ffi_util::{
    clear, ffi_call, parse_json_object, read_optional_str, read_str, require_out, to_json,
    write_string, PAGINATOR_TAG,
};

/// A cursor over every page of a list. Use it from one thread at a time; it
/// may move between threads. It keeps its own reference to the client's
/// connections, so it outlives `rtf_client_free` of its client.
pub struct RtfPaginator {
    tag: u64,
    pages: Pages,
}

/// The core paginator, shared with the task that fetches a page because
/// that task must own what it uses. Under the one-thread-at-a-time contract
/// the lock is never contended.
enum Pages {
    Transactions(Arc<Mutex<Paginator<Transaction>>>),
    Payments(Arc<Mutex<Paginator<Payment>>>),
    Events(Arc<Mutex<Paginator<Event>>>),
}

fn share<T>(paginator: Paginator<T>) -> Arc<Mutex<Paginator<T>>> {
    Arc::new(Mutex::new(paginator))
}

/// Fetches the next page on a worker of the core's runtime while the calling
/// thread is parked, then serializes it on the calling thread. Returns
/// `None` once the list is exhausted. A panic inside the fetch resumes on
/// the calling thread, where `ffi_call` turns it into RTF_ERROR_INTERNAL.
fn next_page_json<T>(paginator: &Arc<Mutex<Paginator<T>>>) -> Result<Option<String>, FfiError>
where
    T: Serialize + Send + 'static,
{
    let paginator = Arc::clone(paginator);
    let page = runtime::spawn_and_wait(async move { paginator.lock().await.next_page().await })??;
    page.map(|page| to_json(&page)).transpose()
}

/// Starts a paginator over "transactions.list", "payments.list" or
/// "events.list". `params_json` (NULL equals `{}`) contains the list's
/// filters and page size. `options_json` is as for `rtf_client_call`. Sends no
/// request: the first `rtf_paginator_next_page` does.
///
/// On RTF_OK `*out_paginator` is a new handle to release with
/// `rtf_paginator_free`. Errors: RTF_ERROR_INVALID_REQUEST for invalid
/// parameters (`param` names the field) or an unknown operation;
/// RTF_ERROR_INTERNAL for NULL arguments or invalid UTF-8.
///
/// # Safety
/// `client` is a live handle; the strings are NULL or NUL-terminated;
/// `out_paginator` and `out_error` are NULL or valid for one pointer write.
#[no_mangle]
pub unsafe extern "C" fn rtf_paginator_new(
    client: *const RtfClient,
    operation: *const c_char,
    params_json: *const c_char,
    options_json: *const c_char,
    out_paginator: *mut *mut RtfPaginator,
    out_error: *mut *mut RtfError,
) -> RtfStatus {
    // SAFETY: forwarded contract of this function.
    unsafe {
        clear(out_paginator);
        ffi_call(out_error, || {
            require_out(out_paginator, "out_paginator")?;
            let client = client_ref(client)?;
            let operation = read_str(operation, "operation")?;
            let params = parse_json_object(
                read_optional_str(params_json, "params_json")?,
                "params_json",
                |message| FfiError::invalid_request("params_json", message),
            )?;
            let params = Value::Object(params);
            let options = request_options(read_optional_str(options_json, "options_json")?)?;
            let pages = match operation {
                "transactions.list" => Pages::Transactions(share(client.transactions().list(params_from_json(params)?, options)?)),
                "payments.list" => Pages::Payments(share(client.payments().list(params_from_json(params)?, options)?)),
                "events.list" => Pages::Events(share(client.events().list(params_from_json(params)?, options)?)),
                other => {
                    return Err(FfiError::invalid_request(
                        "operation",
                        format!("unknown list operation {other:?}; use transactions.list, payments.list or events.list"),
                    ))
                }
            };
            *out_paginator = Box::into_raw(Box::new(RtfPaginator {
                tag: PAGINATOR_TAG,
                pages,
            }));
            Ok(())
        })
    }
}

/// Fetches the next page. On RTF_OK `*out_json` is a JSON array of the
/// page's objects (release with `rtf_string_free`), or NULL once the list is
/// exhausted. After an error the cursor stays where it was, so calling again
/// retries the same page. Blocks the calling thread.
///
/// # Safety
/// `paginator` is a live handle used by no other thread during the call;
/// `out_json` and `out_error` are NULL or valid for one pointer write.
#[no_mangle]
pub unsafe extern "C" fn rtf_paginator_next_page(
    paginator: *mut RtfPaginator,
    out_json: *mut *mut c_char,
    out_error: *mut *mut RtfError,
) -> RtfStatus {
    // SAFETY: forwarded contract of this function.
    unsafe {
        clear(out_json);
        ffi_call(out_error, || {
            require_out(out_json, "out_json")?;
            if paginator.is_null() {
                return Err(FfiError::internal(
                    "paginator is NULL; create one with rtf_paginator_new",
                ));
            }
            let paginator = &*paginator;
            if paginator.tag != PAGINATOR_TAG {
                return Err(FfiError::internal(
                    "paginator is not an RtfPaginator handle (wrong pointer, or already freed)",
                ));
            }
            let page = match &paginator.pages {
                Pages::Transactions(pages) => next_page_json(pages)?,
                Pages::Payments(pages) => next_page_json(pages)?,
                Pages::Events(pages) => next_page_json(pages)?,
            };
            if let Some(page) = page {
                write_string(out_json, page);
            }
            Ok(())
        })
    }
}

/// Releases a paginator. NULL is a no-op.
///
/// # Safety
/// `paginator` is NULL or a handle from `rtf_paginator_new` not yet freed.
#[no_mangle]
pub unsafe extern "C" fn rtf_paginator_free(paginator: *mut RtfPaginator) {
    if paginator.is_null() {
        return;
    }
    // SAFETY: non-NULL and from `Box::into_raw` per the contract.
    unsafe {
        if (*paginator).tag != PAGINATOR_TAG {
            return;
        }
        (*paginator).tag = 0;
        drop(Box::from_raw(paginator));
    }
}
