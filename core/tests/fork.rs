//! A client used in a child process after `fork()`: the child must get a
//! fresh runtime and connection pool instead of hanging on the parent's.

mod common;

use common::Sandbox;
use realtime_finance::{blocking, RequestOptions};

#[test]
fn client_after_fork() {
    let server = tokio::runtime::Runtime::new().unwrap();
    let sandbox = server.block_on(Sandbox::start());
    let client = blocking::Client::new(sandbox.builder()).unwrap();
    // Fills the parent's pool and starts the SDK's runtime before the fork.
    client
        .list_transactions_page(&Default::default(), &RequestOptions::default())
        .unwrap();

    // SAFETY: the child only calls the SDK and then `_exit`; `alarm` ends it
    // if it hangs, which the parent sees as a failure.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        unsafe { libc::alarm(10) };
        let ok = client
            .list_transactions_page(&Default::default(), &RequestOptions::default())
            .is_ok();
        unsafe { libc::_exit(if ok { 0 } else { 1 }) };
    }

    let mut status = 0;
    let waited = unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(waited, pid);
    assert!(
        libc::WIFEXITED(status),
        "the child was killed (status {status}), probably by the 10 s alarm"
    );
    assert_eq!(libc::WEXITSTATUS(status), 0, "the call in the child failed");
    assert!(client
        .list_transactions_page(&Default::default(), &RequestOptions::default())
        .is_ok());
}
