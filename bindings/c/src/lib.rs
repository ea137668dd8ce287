//! C ABI over the Real Time Finance core.
//!
//! cbindgen turns this crate into `include/realtime_finance.h`. The ABI's
//! conventions (ownership, errors, JSON payloads) are written once, in the
//! header's opening comment, which `cbindgen.toml` holds.

#![allow(clippy::missing_safety_doc)]

mod client;
mod error;
mod ffi_util;
mod log;
mod paginator;
mod webhook;

use std::ffi::{c_char, CString};
use std::sync::OnceLock;

pub use client::{
    rtf_client_call, rtf_client_free, rtf_client_new, rtf_client_set_api_key, RtfClient,
};
pub use error::{rtf_error_free, RtfError, RtfErrorKind, RtfStatus};
pub use log::{rtf_set_log_callback, RtfLogCallback};
pub use paginator::{rtf_paginator_free, rtf_paginator_new, rtf_paginator_next_page, RtfPaginator};
pub use webhook::rtf_webhook_verify;

/// Version of this ABI. It changes only when a function signature, a struct
/// layout or the meaning of an enum value changes. Wrappers compare it with
/// `rtf_abi_version()` when they load the library.
pub const RTF_ABI_VERSION: u32 = 1;

/// Returns `RTF_ABI_VERSION` as compiled into the loaded library.
#[no_mangle]
pub extern "C" fn rtf_abi_version() -> u32 {
    RTF_ABI_VERSION
}

/// Returns the SDK version (such as "0.1.0") as a static NUL-terminated
/// string. Do not free it.
#[no_mangle]
pub extern "C" fn rtf_version() -> *const c_char {
    static VERSION: OnceLock<CString> = OnceLock::new();
    VERSION
        .get_or_init(|| CString::new(realtime_finance::VERSION).unwrap_or_default())
        .as_ptr()
}

/// Releases a string returned by this library. NULL is a no-op.
///
/// # Safety
/// `s` is NULL or a string returned by this library and not yet freed.
#[no_mangle]
pub unsafe extern "C" fn rtf_string_free(s: *mut c_char) {
    if !s.is_null() {
        // SAFETY: the caller passes a pointer from `CString::into_raw`.
        drop(unsafe { CString::from_raw(s) });
    }
}
