//! HTTPS against the sandbox's self-signed CA.

mod common;

use common::Sandbox;
use realtime_finance::{ErrorKind, RequestOptions};
use realtime_finance_sandbox::SandboxConfig;

async fn tls_sandbox() -> Sandbox {
    Sandbox::with_config(SandboxConfig {
        tls: true,
        ..SandboxConfig::default()
    })
    .await
}

#[tokio::test]
async fn custom_ca_trusted() {
    let sandbox = tls_sandbox().await;
    let pem = sandbox.running.ca_cert_pem().unwrap().to_owned();
    let client = sandbox.builder().ca_certificate_pem(pem).build().unwrap();

    let page = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await;

    assert!(sandbox.base_url().starts_with("https://"));
    assert!(page.is_ok(), "{page:?}");
}

#[tokio::test]
async fn unknown_ca_rejected() {
    let sandbox = tls_sandbox().await;
    let client = sandbox.builder().max_retries(0).build().unwrap();

    let error = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Connection);
    assert!(error.message().contains("ca_cert"), "{}", error.message());
    assert_eq!(sandbox.requests("GET /v1/transactions").await, 0);
}

#[tokio::test]
async fn ca_file_and_pem_both_trusted() {
    let first = tls_sandbox().await;
    let second = tls_sandbox().await;
    let ca_file = first
        .running
        .credentials()
        .ca_cert
        .clone()
        .expect("a CA file with --tls");
    let second_pem = second.running.ca_cert_pem().unwrap().as_bytes().to_vec();

    for sandbox in [&first, &second] {
        let client = realtime_finance::ClientOptions {
            api_key: Some(sandbox.secret_key().into()),
            base_url: Some(sandbox.base_url().to_owned()),
            ca_cert_path: Some(ca_file.clone()),
            ca_cert_pem: Some(second_pem.clone()),
            ignore_environment: true,
            ..Default::default()
        }
        .build()
        .unwrap();

        let page = client
            .transactions()
            .list_page(&Default::default(), &RequestOptions::default())
            .await;

        assert!(page.is_ok(), "{}: {page:?}", sandbox.base_url());
    }
}
