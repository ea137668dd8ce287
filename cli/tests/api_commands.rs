//! The API subcommands of `rtf` against `rtf sandbox --tls`, as a user runs
//! them: real processes, real sockets on loopback.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Output, Stdio};

use serde_json::Value;

struct Sandbox {
    child: Child,
    line: Value,
}

impl Sandbox {
    fn start_tls() -> Sandbox {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rtf"))
            .args(["sandbox", "--port", "0", "--tls"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("rtf sandbox starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().expect("stdout is piped"))
            .read_line(&mut line)
            .expect("the sandbox prints its credentials line");
        let line = serde_json::from_str(&line).expect("the first line is JSON");
        Sandbox { child, line }
    }

    fn field(&self, name: &str) -> &str {
        self.line[name].as_str().expect("the field is a string")
    }

    /// Runs `rtf <args>` with the sandbox's key, base URL and CA file.
    fn rtf(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_rtf"))
            .args(args)
            .args(["--api-key", self.field("secret_key")])
            .args(["--base-url", self.field("base_url")])
            .args(["--ca-cert", self.field("ca_cert")])
            .env_remove("REALTIME_FINANCE_SECRET_KEY")
            .env_remove("REALTIME_FINANCE_BASE_URL")
            .output()
            .expect("rtf runs")
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn list_over_tls_with_ca_cert() {
    let sandbox = Sandbox::start_tls();

    let output = sandbox.rtf(&["transactions", "list", "--limit", "3", "--json"]);

    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let listed: Value = serde_json::from_slice(&output.stdout).expect("stdout is JSON");
    assert_eq!(listed.as_array().map(Vec::len), Some(3));
}

#[test]
fn json_error_has_fields() {
    let sandbox = Sandbox::start_tls();

    let output = sandbox.rtf(&["transactions", "get", "txn_doesnotexist", "--json"]);

    assert_eq!(output.status.code(), Some(1));
    let error: Value = serde_json::from_slice(&output.stderr).expect("stderr is JSON");
    assert_eq!(error["error"]["kind"], "not_found");
    assert_eq!(error["error"]["http_status"], 404);
    assert_eq!(error["error"]["param"], "id");
    assert!(error["error"]["request_id"]
        .as_str()
        .unwrap()
        .starts_with("req_"));
}

#[test]
fn text_error_is_one_line() {
    let sandbox = Sandbox::start_tls();

    let output = sandbox.rtf(&["payments", "get", "pay_doesnotexist"]);

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
}
