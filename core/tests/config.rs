//! Settings checked before any request. None of these tests sends a
//! request: every failing build stops before the transport exists.

use realtime_finance::{
    Client, ClientAuthMethod, ClientCredentials, Environment, ErrorKind, SecretString,
};

const TEST_KEY: &str = "sk_test_abcdefghijklmnopqrstuvwx";
const LIVE_KEY: &str = "sk_live_abcdefghijklmnopqrstuvwx";

#[test]
fn http_refused_off_loopback() {
    let error = Client::builder()
        .ignore_environment_variables()
        .api_key(TEST_KEY)
        .base_url("http://example.com")
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
    assert!(error.message().contains("https"), "{}", error.message());
}

#[test]
fn http_allowed_on_loopback() {
    for url in [
        "http://127.0.0.1:8787",
        "http://localhost:8787",
        "http://[::1]:8787",
    ] {
        let client = Client::builder()
            .ignore_environment_variables()
            .api_key(TEST_KEY)
            .base_url(url)
            .build();
        assert!(client.is_ok(), "{url}: {client:?}");
    }
}

#[test]
fn test_key_with_live_environment() {
    let error = Client::builder()
        .ignore_environment_variables()
        .api_key(TEST_KEY)
        .environment(Environment::Live)
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn live_key_with_sandbox_environment() {
    let error = Client::builder()
        .ignore_environment_variables()
        .api_key(LIVE_KEY)
        .environment(Environment::Sandbox)
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn test_key_with_live_url() {
    let error = Client::builder()
        .ignore_environment_variables()
        .api_key(TEST_KEY)
        .base_url(realtime_finance::LIVE_BASE_URL)
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn environment_follows_key_prefix() {
    let client = Client::builder()
        .ignore_environment_variables()
        .api_key(TEST_KEY)
        .build()
        .unwrap();

    assert_eq!(client.base_url(), realtime_finance::SANDBOX_BASE_URL);
}

#[test]
fn unknown_key_prefix() {
    let error = Client::builder()
        .ignore_environment_variables()
        .api_key("rk_test_abcdefghijklmnopqrstuvwx")
        .base_url("http://127.0.0.1:1")
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn no_credentials() {
    let error = Client::builder()
        .ignore_environment_variables()
        .base_url("http://127.0.0.1:1")
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
    assert!(
        error.message().contains("REALTIME_FINANCE_SECRET_KEY"),
        "{}",
        error.message()
    );
}

#[test]
fn oauth_without_environment() {
    let error = Client::builder()
        .ignore_environment_variables()
        .client_credentials(ClientCredentials {
            client_id: "client_1".into(),
            client_secret: SecretString::from("secret"),
            scopes: Vec::new(),
            token_url: None,
            auth_method: ClientAuthMethod::ClientSecretBasic,
        })
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn token_url_http_off_loopback() {
    let error = Client::builder()
        .ignore_environment_variables()
        .base_url("http://127.0.0.1:1")
        .client_credentials(ClientCredentials {
            client_id: "client_1".into(),
            client_secret: SecretString::from("secret"),
            scopes: Vec::new(),
            token_url: Some("http://auth.example.com/token".into()),
            auth_method: ClientAuthMethod::ClientSecretBasic,
        })
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn invalid_ca_certificate() {
    let error = Client::builder()
        .ignore_environment_variables()
        .api_key(TEST_KEY)
        .base_url("http://127.0.0.1:1")
        .ca_certificate_pem("not a certificate")
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

/// Environment variables are process-wide, so every case that sets them
/// runs in this one test, in order.
#[test]
fn environment_variables() {
    std::env::set_var("REALTIME_FINANCE_SECRET_KEY", TEST_KEY);
    std::env::set_var("REALTIME_FINANCE_BASE_URL", "http://127.0.0.1:9");

    let from_env = Client::from_env().unwrap();
    assert_eq!(from_env.base_url(), "http://127.0.0.1:9");

    let explicit = Client::builder()
        .api_key("pk_test_abcdefghijklmnop")
        .build();
    assert_eq!(
        explicit.unwrap_err().kind(),
        ErrorKind::Configuration,
        "the explicit key wins"
    );

    let explicit_url = Client::builder()
        .base_url("http://127.0.0.1:10")
        .build()
        .unwrap();
    assert_eq!(explicit_url.base_url(), "http://127.0.0.1:10");

    std::env::remove_var("REALTIME_FINANCE_SECRET_KEY");
    std::env::set_var("REALTIME_FINANCE_CLIENT_ID", "client_from_env");
    std::env::set_var("REALTIME_FINANCE_CLIENT_SECRET", "secret_from_env");
    let oauth = Client::from_env();
    assert!(oauth.is_ok(), "{oauth:?}");

    std::env::remove_var("REALTIME_FINANCE_CLIENT_SECRET");
    let missing_secret = Client::from_env().unwrap_err();
    assert_eq!(missing_secret.kind(), ErrorKind::Configuration);

    std::env::remove_var("REALTIME_FINANCE_CLIENT_ID");
    std::env::remove_var("REALTIME_FINANCE_BASE_URL");
}
