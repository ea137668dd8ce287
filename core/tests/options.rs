//! `ClientOptions`: how settings from a binding combine, before any request.

use std::path::PathBuf;

use realtime_finance::{ClientOptions, ErrorKind, SecretString};

fn loopback() -> Option<String> {
    Some("http://127.0.0.1:9".to_owned())
}

fn configuration_message(options: ClientOptions) -> String {
    let error = options.build().expect_err("the options are invalid");
    assert_eq!(error.kind(), ErrorKind::Configuration);
    error.message().to_owned()
}

#[test]
fn api_key_with_client_id_rejected() {
    let message = configuration_message(ClientOptions {
        api_key: Some(SecretString::from("sk_test_abcdefghijklmnopqrstuvwx")),
        client_id: Some("client_1".to_owned()),
        base_url: loopback(),
        ignore_environment: true,
        ..ClientOptions::default()
    });
    assert!(message.contains("client_id"), "{message}");
}

#[test]
fn api_key_with_scopes_rejected() {
    let message = configuration_message(ClientOptions {
        api_key: Some(SecretString::from("sk_test_abcdefghijklmnopqrstuvwx")),
        scopes: Some(vec!["payments:read".to_owned()]),
        base_url: loopback(),
        ignore_environment: true,
        ..ClientOptions::default()
    });
    assert!(message.contains("scopes"), "{message}");
}

#[test]
fn client_id_without_secret_rejected() {
    let message = configuration_message(ClientOptions {
        client_id: Some("client_1".to_owned()),
        base_url: loopback(),
        ignore_environment: true,
        ..ClientOptions::default()
    });
    assert!(message.contains("client secret"), "{message}");
}

#[test]
fn unknown_environment_rejected() {
    let message = configuration_message(ClientOptions {
        api_key: Some(SecretString::from("sk_test_abcdefghijklmnopqrstuvwx")),
        environment: Some("staging".to_owned()),
        ignore_environment: true,
        ..ClientOptions::default()
    });
    assert!(message.contains("\"staging\""), "{message}");
}

#[test]
fn unknown_auth_method_rejected() {
    let message = configuration_message(ClientOptions {
        client_id: Some("client_1".to_owned()),
        client_secret: Some(SecretString::from("secret")),
        client_auth_method: Some("private_key_jwt".to_owned()),
        base_url: loopback(),
        ignore_environment: true,
        ..ClientOptions::default()
    });
    assert!(message.contains("client_secret_post"), "{message}");
}

#[test]
fn missing_ca_file_rejected() {
    let message = configuration_message(ClientOptions {
        api_key: Some(SecretString::from("sk_test_abcdefghijklmnopqrstuvwx")),
        base_url: loopback(),
        ca_cert_path: Some(PathBuf::from("/nonexistent/ca.pem")),
        ignore_environment: true,
        ..ClientOptions::default()
    });
    assert!(message.contains("/nonexistent/ca.pem"), "{message}");
}

#[test]
fn client_credentials_build() {
    let client = ClientOptions {
        client_id: Some("client_1".to_owned()),
        client_secret: Some(SecretString::from("secret")),
        scopes: Some(vec!["transactions:read".to_owned()]),
        client_auth_method: Some("client_secret_post".to_owned()),
        base_url: loopback(),
        ignore_environment: true,
        ..ClientOptions::default()
    }
    .build();
    assert!(client.is_ok());
}

#[test]
fn negative_seconds_rejected() {
    let error = realtime_finance::duration_from_seconds("timeout", -1.0).expect_err("negative");
    assert_eq!(error.kind(), ErrorKind::Configuration);
}
