//! API key authentication and the read calls, against the sandbox.

mod common;

use common::Sandbox;
use futures_util::TryStreamExt;
use realtime_finance::{
    Client, ErrorKind, ListTransactionsParams, RequestOptions, SecretString, TransactionStatus,
};

#[tokio::test]
async fn transaction_retrieve() {
    let sandbox = Sandbox::start().await;
    let id = sandbox.first_transaction_id().await;

    let transaction = sandbox
        .client()
        .transactions()
        .retrieve(&id, &RequestOptions::default())
        .await
        .unwrap();

    assert_eq!(transaction.id, id);
    assert!(transaction.amount > 0);
    assert_eq!(transaction.currency.len(), 3);
}

#[tokio::test]
async fn transaction_not_found() {
    let sandbox = Sandbox::start().await;

    let error = sandbox
        .client()
        .transactions()
        .retrieve("txn_doesnotexist", &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::NotFound);
    assert_eq!(error.http_status(), Some(404));
    assert_eq!(error.code(), Some("resource_missing"));
    assert!(error.request_id().is_some_and(|id| id.starts_with("req_")));
}

#[tokio::test]
async fn transaction_list_paginates() {
    let sandbox = Sandbox::start().await;
    let params = ListTransactionsParams {
        limit: Some(100),
        ..Default::default()
    };

    let all: Vec<_> = sandbox
        .client()
        .transactions()
        .list(params, RequestOptions::default())
        .unwrap()
        .into_stream()
        .try_collect()
        .await
        .unwrap();

    assert_eq!(all.len(), realtime_finance_sandbox::TRANSACTION_COUNT);
    let pages = sandbox.requests("GET /v1/transactions").await;
    // First page for `first_transaction_id` is not fetched here, so the
    // count is exactly the pages of this listing.
    assert_eq!(
        pages as usize,
        realtime_finance_sandbox::TRANSACTION_COUNT.div_ceil(100)
    );
    let mut ids: Vec<_> = all
        .iter()
        .map(|transaction| transaction.id.clone())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), all.len(), "no transaction appears twice");
}

#[tokio::test]
async fn transaction_list_filter() {
    let sandbox = Sandbox::start().await;
    let params = ListTransactionsParams {
        limit: Some(5),
        status: Some(TransactionStatus::Pending),
        ..Default::default()
    };

    let page = sandbox
        .client()
        .transactions()
        .list_page(&params, &RequestOptions::default())
        .await
        .unwrap();

    assert!(!page.data.is_empty());
    assert!(page
        .data
        .iter()
        .all(|transaction| transaction.status == TransactionStatus::Pending));
}

#[tokio::test]
async fn invalid_limit_sends_nothing() {
    let sandbox = Sandbox::start().await;
    let params = ListTransactionsParams {
        limit: Some(0),
        ..Default::default()
    };

    let error = sandbox
        .client()
        .transactions()
        .list_page(&params, &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::InvalidRequest);
    assert_eq!(error.param(), Some("limit"));
    assert_eq!(sandbox.requests("GET /v1/transactions").await, 0);
}

#[tokio::test]
async fn publishable_key_rejected_before_request() {
    let sandbox = Sandbox::start().await;
    let publishable = sandbox.running.credentials().publishable_key.clone();

    let error = Client::builder()
        .ignore_environment_variables()
        .base_url(sandbox.base_url())
        .api_key(publishable.as_str())
        .build()
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
    assert!(
        error.message().contains("secret key"),
        "{}",
        error.message()
    );
    assert!(
        !error.message().contains(&publishable[8..]),
        "the message shows the key"
    );
    assert_eq!(
        sandbox.stats().await["requests"].as_object().unwrap().len(),
        0
    );
}

#[tokio::test]
async fn live_key_rejected_by_sandbox() {
    let sandbox = Sandbox::start().await;
    let client = sandbox
        .builder()
        .api_key("sk_live_abcdefghijklmnopqrstuvwx")
        .build()
        .unwrap();

    let error = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.code(), Some("live_key_in_sandbox"));
}

#[tokio::test]
async fn wrong_key_not_retried() {
    let sandbox = Sandbox::start().await;
    let client = sandbox
        .builder()
        .api_key("sk_test_000000000000000000000000000")
        .build()
        .unwrap();

    let error = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Authentication);
    assert_eq!(error.http_status(), Some(401));
    assert_eq!(sandbox.requests("GET /v1/transactions").await, 1);
}

#[tokio::test]
async fn missing_scope_is_permission() {
    let sandbox = Sandbox::start().await;
    let key = sandbox.api_key(&["payments:read"]).await;
    let client = sandbox.builder().api_key(key.as_str()).build().unwrap();

    let error = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Permission);
    assert_eq!(error.code(), Some("insufficient_scope"));
}

#[tokio::test]
async fn api_key_rotation() {
    let sandbox = Sandbox::start().await;
    let client = sandbox
        .builder()
        .api_key("sk_test_000000000000000000000000000")
        .build()
        .unwrap();
    let before = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await;

    client
        .set_api_key(SecretString::from(sandbox.secret_key()))
        .unwrap();
    let after = client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await;

    assert_eq!(before.unwrap_err().kind(), ErrorKind::Authentication);
    assert!(after.is_ok());
}

#[tokio::test]
async fn rotation_to_publishable_key_rejected() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();

    let error = client
        .set_api_key(SecretString::from("pk_test_abcdefghijklmnop"))
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
    assert!(client
        .transactions()
        .list_page(&Default::default(), &RequestOptions::default())
        .await
        .is_ok());
}

#[tokio::test]
async fn user_agent_names_language() {
    let sandbox = Sandbox::start().await;

    let client = sandbox
        .builder()
        .language("python", "3.11.7")
        .build()
        .unwrap();

    assert_eq!(
        client.user_agent(),
        format!(
            "realtime-finance-rust/{} (python 3.11.7)",
            realtime_finance::VERSION
        )
    );
}
