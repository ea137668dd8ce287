//! One authenticated `GET /v1/transactions/{id}` against the sandbox on
//! loopback: the SDK's async client, its blocking facade, and raw reqwest
//! with the same connection settings, measured side by side in one run.
//!
//! cargo bench -p realtime-finance --bench get_transaction

use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use realtime_finance::{blocking, Client, RequestOptions, Transaction};
use realtime_finance_sandbox::SandboxConfig;

fn get_transaction(c: &mut Criterion) {
    // The sandbox gets its own runtime so it does not compete with the
    // client runtime for its thread.
    let server = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let sandbox = server
        .block_on(realtime_finance_sandbox::start(SandboxConfig {
            rate_limit_per_second: None,
            ..SandboxConfig::default()
        }))
        .unwrap();
    let key = sandbox.credentials().secret_key.clone();
    let base_url = sandbox.base_url().to_owned();

    let builder = Client::builder()
        .ignore_environment_variables()
        .api_key(key.as_str())
        .base_url(&base_url);
    let client = builder.clone().build().unwrap();
    let blocking_client = blocking::Client::new(builder).unwrap();
    let options = RequestOptions::default();

    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    let id = runtime
        .block_on(
            client
                .transactions()
                .list_page(&Default::default(), &options),
        )
        .unwrap()
        .data[0]
        .id
        .clone();
    let url = format!("{base_url}/v1/transactions/{id}");

    // The settings the SDK's transport uses.
    let raw = reqwest::Client::builder()
        .connect_timeout(Duration::from_secs(10))
        .tcp_nodelay(true)
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();

    let mut group = c.benchmark_group("get_transaction");
    group.bench_function("raw_reqwest", |b| {
        b.iter(|| {
            runtime.block_on(async {
                let response = raw
                    .get(&url)
                    .bearer_auth(&key)
                    .header("accept", "application/json")
                    .send()
                    .await
                    .unwrap();
                assert!(response.status().is_success());
                let body = response.bytes().await.unwrap();
                serde_json::from_slice::<Transaction>(&body).unwrap()
            })
        })
    });
    group.bench_function("sdk_async", |b| {
        b.iter(|| {
            runtime
                .block_on(client.transactions().retrieve(&id, &options))
                .unwrap()
        })
    });
    group.bench_function("sdk_blocking", |b| {
        b.iter(|| blocking_client.retrieve_transaction(&id, &options).unwrap())
    });
    group.finish();

    drop(sandbox);
}

criterion_group!(benches, get_transaction);
criterion_main!(benches);
