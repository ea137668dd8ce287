//! Payments, fraud assessments, events, webhook endpoints and the
//! blocking facade, against the sandbox.

mod common;

use common::Sandbox;
use realtime_finance::{
    blocking, CreateFraudAssessmentParams, CreatePaymentParams, CreateWebhookEndpointParams,
    ErrorKind, FraudDecision, ListEventsParams, ListPaymentsParams, PaymentStatus, RequestOptions,
    Webhook,
};

fn payment(destination: &str) -> CreatePaymentParams {
    CreatePaymentParams {
        amount: 2500,
        currency: "EUR".into(),
        source_account: "acct_alice".into(),
        destination_account: destination.into(),
        description: None,
        metadata: Some([("order".to_owned(), "42".to_owned())].into()),
    }
}

#[tokio::test]
async fn payment_lifecycle() {
    let sandbox = Sandbox::start().await;
    let payments = sandbox.client().payments();
    let options = RequestOptions::default();

    let created = payments
        .create(&payment("acct_stays_pending"), &options)
        .await
        .unwrap();
    let fetched = payments.retrieve(&created.id, &options).await.unwrap();
    let canceled = payments.cancel(&created.id, &options).await.unwrap();
    let again = payments.cancel(&created.id, &options).await.unwrap_err();

    assert_eq!(created.status, PaymentStatus::Pending);
    assert_eq!(
        fetched.metadata.get("order").map(String::as_str),
        Some("42")
    );
    assert_eq!(canceled.status, PaymentStatus::Canceled);
    assert_eq!(again.kind(), ErrorKind::Conflict);
    assert_eq!(again.code(), Some("payment_not_cancelable"));
}

#[tokio::test]
async fn payment_list() {
    let sandbox = Sandbox::start().await;
    let payments = sandbox.client().payments();
    for _ in 0..3 {
        payments
            .create(&payment("acct_stays_pending"), &RequestOptions::default())
            .await
            .unwrap();
    }
    let params = ListPaymentsParams {
        limit: Some(2),
        ..Default::default()
    };

    let mut paginator = payments.list(params, RequestOptions::default()).unwrap();
    let first = paginator.next_page().await.unwrap().unwrap();
    let second = paginator.next_page().await.unwrap().unwrap();
    let end = paginator.next_page().await.unwrap();

    assert_eq!(first.len(), 2);
    assert_eq!(second.len(), 1);
    assert!(end.is_none());
}

#[tokio::test]
async fn payment_invalid_before_request() {
    let sandbox = Sandbox::start().await;
    let params = CreatePaymentParams {
        currency: "eur".into(),
        ..payment("acct_bob")
    };

    let error = sandbox
        .client()
        .payments()
        .create(&params, &RequestOptions::default())
        .await
        .unwrap_err();

    assert_eq!(error.param(), Some("currency"));
    assert_eq!(sandbox.requests("POST /v1/payments").await, 0);
}

#[tokio::test]
async fn fraud_decline() {
    let sandbox = Sandbox::start().await;
    let params = CreateFraudAssessmentParams {
        amount: 1000,
        currency: "EUR".into(),
        source_account: "acct_fraud_decline".into(),
        destination_account: "acct_bob".into(),
        payment: None,
    };

    let assessment = sandbox
        .client()
        .fraud()
        .assess(&params, &RequestOptions::default())
        .await
        .unwrap();

    assert_eq!(assessment.decision, FraudDecision::Decline);
    assert!(assessment.risk_score >= 75);
}

#[tokio::test]
async fn events_after_payment() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client();
    let created = client
        .payments()
        .create(&payment("acct_bob"), &RequestOptions::default())
        .await
        .unwrap();
    let params = ListEventsParams {
        event_type: Some("payment.created".into()),
        ..Default::default()
    };

    let page = client
        .events()
        .list_page(&params, &RequestOptions::default())
        .await
        .unwrap();

    assert_eq!(page.data.len(), 1);
    assert_eq!(page.data[0].data.object["id"], created.id.as_str());
}

#[tokio::test]
async fn webhook_endpoint_secret_verifies() {
    let sandbox = Sandbox::start().await;
    let params = CreateWebhookEndpointParams {
        url: "http://127.0.0.1:9/hooks".into(),
        ..Default::default()
    };

    let endpoint = sandbox
        .client()
        .webhook_endpoints()
        .create(&params, &RequestOptions::default())
        .await
        .unwrap();
    let secret = endpoint.secret.clone().unwrap();
    let webhook = Webhook::new(vec![secret]).unwrap();

    assert!(endpoint.id.starts_with("we_"));
    assert!(!format!("{endpoint:?}").contains(endpoint.secret.as_ref().unwrap().expose_secret()));
    let payload = br#"{"id":"evt_1","object":"event","type":"payment.created","created":1,"data":{"object":{}}}"#;
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let signature = webhook.sign("evt_1", now, payload).unwrap();
    let headers = [
        ("webhook-id", "evt_1"),
        ("webhook-timestamp", &*now.to_string()),
        ("webhook-signature", &*signature),
    ];
    assert!(webhook.verify(payload, headers).is_ok());
}

#[tokio::test]
async fn sandbox_signature_verifies() {
    let sandbox = Sandbox::start().await;
    let payload = r#"{"id":"evt_2","object":"event","type":"payment.created","created":1,"data":{"object":{}}}"#;
    let signed = sandbox
        .admin(
            "POST",
            "/_sandbox/webhooks/sign",
            Some(serde_json::json!({"payload": payload, "msg_id": "evt_2"})),
        )
        .await;
    let secret = sandbox.running.credentials().webhook_secret.clone();
    let webhook = Webhook::new(vec![secret.into()]).unwrap();

    let headers = ["webhook-id", "webhook-timestamp", "webhook-signature"]
        .map(|name| (name, signed[name].as_str().unwrap()));
    let event = webhook.verify(payload.as_bytes(), headers).unwrap();

    assert_eq!(event.id, "evt_2");
}

#[test]
fn blocking_facade() {
    // The sandbox runs on its own runtime thread; the blocking client runs
    // on this plain thread, through the SDK's shared runtime.
    let server = tokio::runtime::Runtime::new().unwrap();
    let sandbox = server.block_on(Sandbox::start());
    let client = blocking::Client::new(sandbox.builder()).unwrap();

    let transactions: Vec<_> = client
        .list_transactions(Default::default(), RequestOptions::default())
        .unwrap()
        .take(25)
        .collect::<Result<_, _>>()
        .unwrap();
    let one = client
        .retrieve_transaction(&transactions[0].id, &RequestOptions::default())
        .unwrap();

    assert_eq!(transactions.len(), 25);
    assert_eq!(one.id, transactions[0].id);
    drop(sandbox);
}

#[tokio::test]
async fn blocking_inside_runtime_rejected() {
    let sandbox = Sandbox::start().await;
    let client = blocking::Client::new(sandbox.builder()).unwrap();

    let error = client
        .retrieve_transaction("txn_1", &RequestOptions::default())
        .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}
