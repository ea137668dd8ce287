//! `REALTIME_FINANCE_RUNTIME_THREADS` sizes the shared runtime. The runtime
//! is per process, so this file contains one test, in its own test binary.

use realtime_finance::runtime::{self, ENV_RUNTIME_THREADS};
use realtime_finance::ErrorKind;

fn worker_thread_count() -> usize {
    std::fs::read_dir("/proc/self/task")
        .expect("Linux exposes the threads of a process")
        .filter_map(|task| std::fs::read_to_string(task.ok()?.path().join("comm")).ok())
        .filter(|name| name.trim() == "rtf-worker")
        .count()
}

#[test]
fn runtime_threads_from_environment() {
    std::env::set_var(ENV_RUNTIME_THREADS, "0");
    let error = runtime::handle().expect_err("0 workers is invalid");
    assert_eq!(error.kind(), ErrorKind::Configuration);
    assert!(
        error.message().contains(ENV_RUNTIME_THREADS),
        "{}",
        error.message()
    );

    std::env::set_var(ENV_RUNTIME_THREADS, "3");
    let handle = runtime::handle().expect("3 workers is valid");
    // Workers start in the background; give them a moment to name themselves.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while worker_thread_count() < 3 && std::time::Instant::now() < deadline {
        handle.block_on(async { tokio::time::sleep(std::time::Duration::from_millis(20)).await });
    }

    assert_eq!(worker_thread_count(), 3);
}
