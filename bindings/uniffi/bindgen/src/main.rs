//! `uniffi-bindgen`, built from the workspace's pinned UniFFI version so the
//! generated Kotlin matches the glue library's contract version.

fn main() {
    uniffi::uniffi_bindgen_main()
}
