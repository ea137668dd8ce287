mod common;

use std::collections::HashSet;

use common::{error_of, Harness};
use realtime_finance_sandbox::{NEWEST_CREATED, TRANSACTION_COUNT};
use reqwest::StatusCode;
use serde_json::Value;

async fn list(h: &Harness, query: &str) -> Value {
    let response = h.get(&format!("/v1/transactions{query}")).await;
    assert_eq!(response.status(), StatusCode::OK, "for {query}");
    response.json().await.unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pages_cover_every_transaction_once() {
    let h = Harness::start().await;
    let mut seen = HashSet::new();
    let mut previous_created = i64::MAX;
    let mut cursor: Option<String> = None;
    loop {
        let query = match &cursor {
            Some(id) => format!("?limit=100&starting_after={id}"),
            None => "?limit=100".to_string(),
        };
        let page = list(&h, &query).await;
        assert_eq!(page["object"], "list");
        assert_eq!(page["url"], "/v1/transactions");
        for txn in page["data"].as_array().unwrap() {
            let created = txn["created"].as_i64().unwrap();
            assert!(created <= previous_created, "not newest first");
            previous_created = created;
            assert!(
                seen.insert(txn["id"].as_str().unwrap().to_string()),
                "duplicate {txn}"
            );
        }
        if page["has_more"] == false {
            break;
        }
        cursor = Some(
            page["data"].as_array().unwrap().last().unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    assert_eq!(seen.len(), TRANSACTION_COUNT);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seed_is_deterministic() {
    let first = Harness::start().await;
    let second = Harness::start().await;
    let a = list(&first, "?limit=100").await;
    let b = list(&second, "?limit=100").await;
    assert_eq!(a["data"], b["data"]);
    assert_eq!(a["data"][0]["created"], NEWEST_CREATED);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn default_limit_is_ten() {
    let h = Harness::start().await;
    let page = list(&h, "").await;
    assert_eq!(page["data"].as_array().unwrap().len(), 10);
    assert_eq!(page["has_more"], true);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filters_apply() {
    let h = Harness::start().await;
    let page = list(&h, "?status=failed&limit=100").await;
    let data = page["data"].as_array().unwrap();
    assert!(!data.is_empty());
    assert!(data.iter().all(|t| t["status"] == "failed"));

    let gte = NEWEST_CREATED - 3600;
    let page = list(
        &h,
        &format!("?created_gte={gte}&created_lte={NEWEST_CREATED}"),
    )
    .await;
    let data = page["data"].as_array().unwrap();
    assert_eq!(data.len(), 3);
    assert_eq!(page["has_more"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn retrieve_returns_listed_object() {
    let h = Harness::start().await;
    let page = list(&h, "?limit=1").await;
    let first = &page["data"][0];
    let id = first["id"].as_str().unwrap();
    assert!(id.starts_with("txn_"));
    let response = h.get(&format!("/v1/transactions/{id}")).await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.unwrap();
    assert_eq!(&body, first);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_id_is_resource_missing() {
    let h = Harness::start().await;
    let (status, error) = error_of(h.get("/v1/transactions/txn_missing").await).await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert_eq!(error["code"], "resource_missing");
    assert_eq!(error["param"], "id");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_queries_name_their_param() {
    let h = Harness::start().await;
    let cases = [
        ("?limit=0", "parameter_invalid", "limit"),
        ("?limit=101", "parameter_invalid", "limit"),
        ("?limit=ten", "parameter_invalid", "limit"),
        (
            "?starting_after=txn_nope",
            "cursor_invalid",
            "starting_after",
        ),
        ("?status=open", "parameter_invalid", "status"),
        ("?created_gte=yesterday", "parameter_invalid", "created_gte"),
        ("?created_lte=-1", "parameter_invalid", "created_lte"),
        ("?color=red", "parameter_unknown", "color"),
        ("?limit=1&limit=2", "parameter_invalid", "limit"),
    ];
    for (query, code, param) in cases {
        let (status, error) = error_of(h.get(&format!("/v1/transactions{query}")).await).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "for {query}");
        assert_eq!(error["code"], code, "for {query}");
        assert_eq!(error["param"], param, "for {query}");
    }
}
