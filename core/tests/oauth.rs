//! OAuth 2.0 client credentials and the token cache, against the sandbox.
//! Token counts come from the sandbox's counters, which count issued tokens.

mod common;

use std::time::Duration;

use common::Sandbox;
use realtime_finance::{
    ClientAuthMethod, ClientCredentials, ErrorKind, RequestOptions, SecretString,
};
use serde_json::json;

const LIST: &str = "GET /v1/transactions";

async fn list(client: &realtime_finance::Client) -> realtime_finance::Result<()> {
    client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .map(|_| ())
}

#[tokio::test]
async fn token_obtained_and_cached() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(3600).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();

    list(&client).await.unwrap();
    list(&client).await.unwrap();
    list(&client).await.unwrap();

    assert_eq!(sandbox.token_requests().await, 1);
    assert_eq!(sandbox.requests(LIST).await, 3);
}

#[tokio::test]
async fn client_secret_post() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(3600).await;
    let credentials = ClientCredentials {
        client_id: id,
        client_secret: SecretString::from(secret.as_str()),
        scopes: vec!["transactions:read".into()],
        token_url: Some(format!("{}/v1/oauth/token", sandbox.base_url())),
        auth_method: ClientAuthMethod::ClientSecretPost,
    };
    let client = sandbox
        .builder()
        .client_credentials(credentials)
        .build()
        .unwrap();

    list(&client).await.unwrap();

    assert_eq!(sandbox.token_requests().await, 1);
}

#[tokio::test]
async fn wrong_secret_is_invalid_client() {
    let sandbox = Sandbox::start().await;
    let (id, _) = sandbox.oauth_client(3600).await;
    let client = sandbox
        .oauth_builder(&id, "not-the-secret")
        .build()
        .unwrap();

    let error = list(&client).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.code(), Some("invalid_client"));
    assert_eq!(error.http_status(), Some(401));
    assert_eq!(sandbox.requests(LIST).await, 0);
}

#[tokio::test]
async fn unknown_scope_is_permission() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(3600).await;
    let credentials = ClientCredentials {
        client_id: id,
        client_secret: SecretString::from(secret.as_str()),
        scopes: vec!["vaults:open".into()],
        token_url: None,
        auth_method: ClientAuthMethod::ClientSecretBasic,
    };
    let client = sandbox
        .builder()
        .client_credentials(credentials)
        .build()
        .unwrap();

    let error = list(&client).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Permission);
    assert_eq!(error.code(), Some("invalid_scope"));
}

#[tokio::test]
async fn proactive_refresh() {
    let sandbox = Sandbox::start().await;
    // A 3 s token is refreshed 1.5 s before it expires.
    let (id, secret) = sandbox.oauth_client(3).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();

    list(&client).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1700)).await;
    list(&client).await.unwrap();

    assert_eq!(sandbox.token_requests().await, 2);
    assert_eq!(
        sandbox.requests(LIST).await,
        2,
        "no call was rejected and resent"
    );
}

#[tokio::test]
async fn token_refresh_single_flight_200_callers() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(2).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();
    list(&client).await.unwrap();
    tokio::time::sleep(Duration::from_millis(2100)).await;

    let calls: Vec<_> = (0..200)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { list(&client).await })
        })
        .collect();
    let mut failures = 0;
    for call in calls {
        if call.await.unwrap().is_err() {
            failures += 1;
        }
    }

    assert_eq!(failures, 0);
    assert_eq!(sandbox.token_requests().await, 2);
    assert_eq!(
        sandbox.requests(LIST).await,
        201,
        "no call was rejected and resent"
    );
}

#[tokio::test]
async fn failed_refresh_before_expiry_keeps_token() {
    let sandbox = Sandbox::start().await;
    // A 4 s token is due for refresh after 2 s and valid until 4 s.
    let (id, secret) = sandbox.oauth_client(4).await;
    let client = sandbox
        .oauth_builder(&id, &secret)
        .max_retries(0)
        .build()
        .unwrap();
    list(&client).await.unwrap();
    tokio::time::sleep(Duration::from_millis(2300)).await;
    sandbox
        .fault(json!({"path": "/v1/oauth/token", "status": 503, "count": 10}))
        .await;

    let result = list(&client).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(sandbox.requests("POST /v1/oauth/token").await, 2);
    assert_eq!(
        sandbox.token_requests().await,
        1,
        "only the first token was issued"
    );
}

#[tokio::test]
async fn failed_refresh_after_expiry_fails() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(1).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();
    list(&client).await.unwrap();
    tokio::time::sleep(Duration::from_millis(1100)).await;
    sandbox
        .admin(
            "POST",
            &format!("/_sandbox/oauth_clients/{id}/revoke"),
            Some(json!({})),
        )
        .await;

    let error = list(&client).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.code(), Some("invalid_client"));
    assert_eq!(
        sandbox.requests(LIST).await,
        1,
        "the expired token was not sent"
    );
}

#[tokio::test]
async fn unauthorized_forces_one_refresh() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(3600).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();
    list(&client).await.unwrap();
    sandbox
        .fault(json!({"method": "GET", "path": "/v1/transactions", "status": 401, "count": 1}))
        .await;

    let result = list(&client).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(sandbox.token_requests().await, 2);
    assert_eq!(sandbox.requests(LIST).await, 3);
}

#[tokio::test]
async fn unauthorized_twice_no_loop() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(3600).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();
    list(&client).await.unwrap();
    sandbox
        .fault(json!({"method": "GET", "path": "/v1/transactions", "status": 401, "count": 10}))
        .await;

    let error = list(&client).await.unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(sandbox.token_requests().await, 2);
    assert_eq!(sandbox.requests(LIST).await, 3);
}

#[tokio::test]
async fn credentials_rotation() {
    let sandbox = Sandbox::start().await;
    let (old_id, old_secret) = sandbox.oauth_client(3600).await;
    let (new_id, new_secret) = sandbox.oauth_client(3600).await;
    let client = sandbox.oauth_builder(&old_id, &old_secret).build().unwrap();
    list(&client).await.unwrap();

    client
        .set_client_credentials(ClientCredentials {
            client_id: new_id.clone(),
            client_secret: SecretString::from(new_secret.as_str()),
            scopes: Vec::new(),
            token_url: None,
            auth_method: ClientAuthMethod::ClientSecretBasic,
        })
        .unwrap();
    list(&client).await.unwrap();

    let stats = sandbox.stats().await;
    assert_eq!(stats["token_requests_by_client"][&old_id], 1);
    assert_eq!(stats["token_requests_by_client"][&new_id], 1);
}

#[tokio::test]
async fn token_fetch_retries_503() {
    let sandbox = Sandbox::start().await;
    let (id, secret) = sandbox.oauth_client(3600).await;
    let client = sandbox.oauth_builder(&id, &secret).build().unwrap();
    sandbox
        .fault(json!({"path": "/v1/oauth/token", "status": 503, "count": 1}))
        .await;

    let result = list(&client).await;

    assert!(result.is_ok(), "{result:?}");
    assert_eq!(sandbox.requests("POST /v1/oauth/token").await, 2);
}
