//! TLS, rate limiting, routing errors and header limits.

mod common;

use std::time::Duration;

use common::{error_of, Harness};
use realtime_finance_sandbox::SandboxConfig;
use reqwest::StatusCode;
use serde_json::Value;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tls_works_with_generated_ca() {
    let h = Harness::with_config(SandboxConfig {
        tls: true,
        ..SandboxConfig::default()
    })
    .await;
    assert!(h.sandbox.base_url().starts_with("https://localhost:"));
    let ca_path = h
        .sandbox
        .credentials()
        .ca_cert
        .clone()
        .expect("ca_cert path");
    let pem = std::fs::read(&ca_path).unwrap();
    assert_eq!(pem, h.sandbox.ca_cert_pem().unwrap().as_bytes());

    let trusting = reqwest::Client::builder()
        .no_proxy()
        .add_root_certificate(reqwest::Certificate::from_pem(&pem).unwrap())
        .build()
        .unwrap();
    let response = trusting
        .get(h.url("/v1/transactions"))
        .bearer_auth(h.key())
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let untrusting = reqwest::Client::builder().no_proxy().build().unwrap();
    let result = untrusting.get(h.url("/v1/transactions")).send().await;
    assert!(
        result.is_err(),
        "a client without the CA must fail the handshake"
    );

    h.sandbox.shutdown().await;
    assert!(!ca_path.exists(), "shutdown removes the CA file");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limit_answers_429() {
    let h = Harness::with_config(SandboxConfig {
        rate_limit_per_second: Some(5),
        ..SandboxConfig::default()
    })
    .await;
    let mut limited = None;
    for _ in 0..10 {
        let response = h.get("/v1/events").await;
        if response.status() == StatusCode::TOO_MANY_REQUESTS {
            limited = Some(response);
            break;
        }
    }
    let response = limited.expect("the 6th request in one second is limited");
    assert_eq!(response.headers()["retry-after"], "1");
    let (_, error) = error_of(response).await;
    assert_eq!(error["type"], "rate_limit_error");
    assert_eq!(error["code"], "rate_limited");

    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(h.get("/v1/events").await.status(), StatusCode::OK);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_route_is_json_404() {
    let h = Harness::start().await;
    let (status, error) = error_of(h.get("/v1/nothing").await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["code"], "route_not_found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn wrong_method_is_json_405() {
    let h = Harness::start().await;
    let response = h
        .client
        .delete(h.url("/v1/payments"))
        .bearer_auth(h.key())
        .send()
        .await
        .unwrap();
    let (status, error) = error_of(response).await;
    assert_eq!(status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(error["code"], "method_not_allowed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_response_has_request_id() {
    let h = Harness::start().await;
    for path in ["/v1/transactions", "/v1/openapi.json", "/nowhere"] {
        let response = h.get(path).await;
        let id = response.headers()["request-id"]
            .to_str()
            .unwrap()
            .to_string();
        assert!(id.starts_with("req_"), "for {path}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn oversized_header_is_431() {
    let h = Harness::start().await;
    let response = h
        .client
        .get(h.url("/v1/transactions"))
        .bearer_auth(h.key())
        .header("x-padding", "a".repeat(64 * 1024))
        .send()
        .await
        .unwrap();
    assert_eq!(
        response.status(),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn openapi_is_served_without_auth() {
    let h = Harness::start().await;
    let response = h
        .client
        .get(h.url("/v1/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let document: Value = response.json().await.unwrap();
    assert_eq!(document["openapi"], "3.1.0");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn shutdown_stops_listening() {
    let h = Harness::start().await;
    let addr = h.sandbox.local_addr();
    h.sandbox.shutdown().await;
    let connect = tokio::net::TcpStream::connect(addr).await;
    assert!(connect.is_err(), "port {addr} still accepts connections");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn too_many_headers_is_431() {
    let h = Harness::start().await;
    let mut request = h.client.get(h.url("/v1/transactions")).bearer_auth(h.key());
    for i in 0..150 {
        request = request.header(format!("x-extra-{i}"), "v");
    }
    let response = request.send().await.unwrap();
    assert_eq!(
        response.status(),
        StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_limit_admits_200_concurrent_calls() {
    let h = std::sync::Arc::new(Harness::start().await);
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let h = h.clone();
        tasks.push(tokio::spawn(async move {
            h.get("/v1/transactions?limit=1").await.status()
        }));
    }
    for task in tasks {
        assert_eq!(task.await.unwrap(), StatusCode::OK);
    }
}
