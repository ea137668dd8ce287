//! `rtf sandbox` as another program runs it: read the first stdout line,
//! call the server, stop it with a signal.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

fn spawn(args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rtf"))
        .arg("sandbox")
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("rtf starts")
}

fn first_line(child: &mut Child) -> Value {
    let stdout = child.stdout.take().expect("stdout is piped");
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .expect("a line is printed");
    serde_json::from_str(&line).expect("the first line is JSON")
}

fn signal(child: &Child, name: &str) {
    let status = Command::new("kill")
        .arg(format!("-{name}"))
        .arg(child.id().to_string())
        .status()
        .expect("kill runs");
    assert!(status.success());
}

fn wait_with_deadline(child: &mut Child, deadline: Duration) -> Option<std::process::ExitStatus> {
    let started = Instant::now();
    while started.elapsed() < deadline {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    None
}

#[test]
fn prints_credentials_line_first() {
    let mut child = spawn(&["--port", "0"]);
    let line = first_line(&mut child);
    for field in [
        "base_url",
        "secret_key",
        "publishable_key",
        "client_id",
        "client_secret",
        "webhook_secret",
        "admin_token",
        "ca_cert",
    ] {
        assert!(line.get(field).is_some(), "missing {field} in {line}");
    }
    assert_eq!(line.as_object().unwrap().len(), 8);
    assert!(line["base_url"]
        .as_str()
        .unwrap()
        .starts_with("http://127.0.0.1:"));
    assert!(line["secret_key"].as_str().unwrap().starts_with("sk_test_"));
    assert!(line["publishable_key"]
        .as_str()
        .unwrap()
        .starts_with("pk_test_"));
    assert!(line["webhook_secret"]
        .as_str()
        .unwrap()
        .starts_with("whsec_"));
    assert!(line["ca_cert"].is_null());

    signal(&child, "TERM");
    let status = wait_with_deadline(&mut child, Duration::from_secs(10));
    assert!(status.expect("exits after SIGTERM").success());
}

#[test]
fn serves_requests_until_sigint() {
    let mut child = spawn(&[]);
    let line = first_line(&mut child);
    let base_url = line["base_url"].as_str().unwrap();
    let key = line["secret_key"].as_str().unwrap();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let status = runtime.block_on(async {
        reqwest::Client::builder()
            .no_proxy()
            .build()
            .unwrap()
            .get(format!("{base_url}/v1/transactions"))
            .bearer_auth(key)
            .send()
            .await
            .unwrap()
            .status()
    });
    assert_eq!(status, reqwest::StatusCode::OK);

    signal(&child, "INT");
    let status = wait_with_deadline(&mut child, Duration::from_secs(10));
    assert!(status.expect("exits after SIGINT").success());
}

#[test]
fn tls_prints_ca_path() {
    let mut child = spawn(&["--tls"]);
    let line = first_line(&mut child);
    assert!(line["base_url"]
        .as_str()
        .unwrap()
        .starts_with("https://localhost:"));
    let ca = line["ca_cert"].as_str().expect("ca_cert is a path");
    let pem = std::fs::read_to_string(ca).expect("the CA file exists");
    assert!(pem.starts_with("-----BEGIN CERTIFICATE-----"));

    signal(&child, "TERM");
    wait_with_deadline(&mut child, Duration::from_secs(10)).expect("exits");
    assert!(
        !std::path::Path::new(ca).exists(),
        "the CA file is removed on exit"
    );
}

#[test]
fn rejects_non_loopback_host() {
    let output = Command::new(env!("CARGO_BIN_EXE_rtf"))
        .args(["sandbox", "--host", "0.0.0.0"])
        .output()
        .expect("rtf runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("--allow-non-loopback"));
}

#[test]
fn secrets_stay_out_of_logs() {
    let mut child = spawn(&[]);
    let line = first_line(&mut child);
    signal(&child, "TERM");
    wait_with_deadline(&mut child, Duration::from_secs(10)).expect("exits");
    let mut stderr = String::new();
    std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).unwrap();
    assert!(stderr.contains("sandbox listening"));
    for field in [
        "secret_key",
        "client_secret",
        "admin_token",
        "webhook_secret",
    ] {
        let secret = line[field].as_str().unwrap();
        assert!(!stderr.contains(secret), "{field} appears in the log");
    }
}
