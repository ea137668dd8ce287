//! No secret in any error, `Debug` output or log line, captured at TRACE
//! level from the SDK and the HTTP stack underneath it.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::Sandbox;
use realtime_finance::{
    ClientAuthMethod, ClientCredentials, Credentials, RequestOptions, SecretString,
};
use serde_json::json;

#[derive(Clone, Default)]
struct Capture(Arc<Mutex<Vec<u8>>>);

impl Write for Capture {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

// The current-thread runtime keeps every task, including the sandbox's and
// the connection tasks, on this thread, where the capture is the default.
#[tokio::test(flavor = "current_thread")]
async fn no_secret_anywhere() {
    let capture = Capture::default();
    let writer = capture.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let sandbox = Sandbox::start().await;
    let (client_id, client_secret) = sandbox.oauth_client(3600).await;
    let secret_key = sandbox.secret_key().to_owned();
    let mut outputs: Vec<String> = Vec::new();

    let api_key_client = sandbox.client();
    api_key_client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap();
    sandbox
        .fault(json!({"path": "/v1/transactions", "status": 503, "count": 1}))
        .await;
    api_key_client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap();
    outputs.push(format!("{api_key_client:?}"));

    let oauth_credentials = |secret: &str, method| ClientCredentials {
        client_id: client_id.clone(),
        client_secret: SecretString::from(secret),
        scopes: Vec::new(),
        token_url: None,
        auth_method: method,
    };
    for method in [
        ClientAuthMethod::ClientSecretBasic,
        ClientAuthMethod::ClientSecretPost,
    ] {
        let credentials = oauth_credentials(&client_secret, method);
        outputs.push(format!("{credentials:?}"));
        outputs.push(format!(
            "{:?}",
            Credentials::ClientCredentials(credentials.clone())
        ));
        let client = sandbox
            .builder()
            .client_credentials(credentials)
            .build()
            .unwrap();
        client
            .transactions()
            .list_page(&Default::default(), &RequestOptions::default())
            .await
            .unwrap();
        sandbox
            .fault(json!({"path": "/v1/transactions", "status": 401, "count": 2}))
            .await;
        let error = client
            .transactions()
            .list_page(&Default::default(), &RequestOptions::default())
            .await
            .unwrap_err();
        outputs.push(format!("{error:?} {error}"));
        outputs.push(format!("{client:?}"));
    }

    let wrong_secret = format!("{client_secret}x");
    let rejected = sandbox
        .builder()
        .client_credentials(oauth_credentials(
            &wrong_secret,
            ClientAuthMethod::ClientSecretBasic,
        ))
        .build()
        .unwrap();
    let error = rejected
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap_err();
    outputs.push(format!("{error:?} {error}"));

    let wrong_key = format!("{secret_key}x");
    let error = sandbox
        .builder()
        .api_key(wrong_key.as_str())
        .build()
        .unwrap()
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap_err();
    outputs.push(format!("{error:?} {error}"));
    outputs.push(format!("{:?}", SecretString::from(secret_key.as_str())));

    let logs = String::from_utf8(capture.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("obtained an OAuth access token"),
        "the capture saw the SDK's events"
    );
    assert!(
        logs.contains("retrying request"),
        "the capture saw the retry"
    );
    for (name, text) in outputs
        .iter()
        .map(|text| ("output", text.as_str()))
        .chain([("logs", logs.as_str())])
    {
        assert!(
            !text.contains(&secret_key[8..]),
            "{name} contains the secret key"
        );
        assert!(
            !text.contains(&client_secret),
            "{name} contains the client secret"
        );
        assert!(!text.contains("rtf_at_"), "{name} contains an access token");
    }
}
