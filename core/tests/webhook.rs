//! The webhook verifier against vectors signed by the Python
//! `standardwebhooks` package (see `data/make_webhook_vectors.py`).

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use realtime_finance::{ErrorKind, SecretString, Webhook};
use serde::Deserialize;

#[derive(Deserialize)]
struct Vectors {
    vectors: Vec<Vector>,
}

#[derive(Deserialize)]
struct Vector {
    secret: String,
    id: String,
    timestamp: i64,
    payload: String,
    signature: String,
}

fn vectors() -> Vec<Vector> {
    serde_json::from_str::<Vectors>(include_str!("data/webhook_vectors.json"))
        .unwrap()
        .vectors
}

fn at(timestamp: i64) -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(timestamp as u64)
}

fn verifier(secrets: &[&str]) -> Webhook {
    Webhook::new(
        secrets
            .iter()
            .map(|secret| SecretString::from(*secret))
            .collect(),
    )
    .unwrap()
}

fn headers<'a>(
    vector: &'a Vector,
    timestamp: &'a str,
    signature: &'a str,
) -> [(&'a str, &'a str); 3] {
    [
        ("webhook-id", &vector.id),
        ("webhook-timestamp", timestamp),
        ("webhook-signature", signature),
    ]
}

fn code(result: realtime_finance::Result<realtime_finance::Event>) -> String {
    let error = result.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::WebhookSignature);
    error.code().unwrap().to_owned()
}

#[test]
fn independent_vectors_verify() {
    for vector in vectors() {
        let webhook = verifier(&[&vector.secret]);
        let timestamp = vector.timestamp.to_string();

        let event = webhook.verify_at(
            vector.payload.as_bytes(),
            headers(&vector, &timestamp, &vector.signature),
            at(vector.timestamp),
        );

        assert!(event.is_ok(), "{} {:?}", vector.id, event);
    }
}

#[test]
fn sign_matches_vectors() {
    for vector in vectors() {
        let signature = verifier(&[&vector.secret])
            .sign(&vector.id, vector.timestamp, vector.payload.as_bytes())
            .unwrap();

        assert_eq!(signature, vector.signature, "{}", vector.id);
    }
}

#[test]
fn rotation_accepts_either_secret() {
    let all = vectors();
    let secrets: Vec<&str> = all.iter().map(|vector| vector.secret.as_str()).collect();
    let webhook = verifier(&secrets);

    for vector in &all {
        let timestamp = vector.timestamp.to_string();
        let result = webhook.verify_at(
            vector.payload.as_bytes(),
            headers(vector, &timestamp, &vector.signature),
            at(vector.timestamp),
        );
        assert!(result.is_ok(), "{}", vector.id);
    }
}

#[test]
fn several_signatures_in_header() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();
    let header = format!(
        "v1,AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA= v1a,ignored {}",
        vector.signature
    );

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers(vector, &timestamp, &header),
        at(vector.timestamp),
    );

    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn header_names_case_insensitive() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();
    let headers = [
        ("Webhook-Id", vector.id.as_str()),
        ("WEBHOOK-TIMESTAMP", &timestamp),
        ("Webhook-Signature", &vector.signature),
    ];

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers,
        at(vector.timestamp),
    );

    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn wrong_secret_no_match() {
    let all = vectors();
    let (first, other) = (&all[0], &all[all.len() - 1]);
    let timestamp = first.timestamp.to_string();

    let result = verifier(&[&other.secret]).verify_at(
        first.payload.as_bytes(),
        headers(first, &timestamp, &first.signature),
        at(first.timestamp),
    );

    assert_eq!(code(result), "no_matching_signature");
}

#[test]
fn tampered_payload_no_match() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();
    let tampered = vector.payload.replace("pay_1", "pay_2");

    let result = verifier(&[&vector.secret]).verify_at(
        tampered.as_bytes(),
        headers(vector, &timestamp, &vector.signature),
        at(vector.timestamp),
    );

    assert_eq!(code(result), "no_matching_signature");
}

#[test]
fn tampered_timestamp_no_match() {
    let vector = &vectors()[0];
    let timestamp = (vector.timestamp + 1).to_string();

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers(vector, &timestamp, &vector.signature),
        at(vector.timestamp),
    );

    assert_eq!(code(result), "no_matching_signature");
}

#[test]
fn timestamp_too_old() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();

    let error = verifier(&[&vector.secret])
        .verify_at(
            vector.payload.as_bytes(),
            headers(vector, &timestamp, &vector.signature),
            at(vector.timestamp + 301),
        )
        .unwrap_err();

    assert_eq!(error.code(), Some("timestamp_outside_tolerance"));
    assert!(error.message().contains("301 s old"), "{}", error.message());
}

#[test]
fn timestamp_in_future() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();

    let error = verifier(&[&vector.secret])
        .verify_at(
            vector.payload.as_bytes(),
            headers(vector, &timestamp, &vector.signature),
            at(vector.timestamp - 400),
        )
        .unwrap_err();

    assert_eq!(error.code(), Some("timestamp_outside_tolerance"));
    assert!(
        error.message().contains("400 s in the future"),
        "{}",
        error.message()
    );
}

#[test]
fn timestamp_at_tolerance_edge() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers(vector, &timestamp, &vector.signature),
        at(vector.timestamp + 300),
    );

    assert!(result.is_ok(), "{result:?}");
}

#[test]
fn custom_tolerance() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();
    let webhook = verifier(&[&vector.secret]).with_tolerance(Duration::from_secs(10));

    let result = webhook.verify_at(
        vector.payload.as_bytes(),
        headers(vector, &timestamp, &vector.signature),
        at(vector.timestamp + 11),
    );

    assert_eq!(code(result), "timestamp_outside_tolerance");
}

#[test]
fn missing_signature_header() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();
    let headers = [
        ("webhook-id", vector.id.as_str()),
        ("webhook-timestamp", &timestamp),
    ];

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers,
        at(vector.timestamp),
    );

    assert_eq!(code(result), "missing_header");
}

#[test]
fn malformed_timestamp() {
    let vector = &vectors()[0];

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers(vector, "yesterday", &vector.signature),
        at(vector.timestamp),
    );

    assert_eq!(code(result), "malformed_header");
}

#[test]
fn malformed_signature() {
    let vector = &vectors()[0];
    let timestamp = vector.timestamp.to_string();

    let result = verifier(&[&vector.secret]).verify_at(
        vector.payload.as_bytes(),
        headers(vector, &timestamp, "v1,not base64!"),
        at(vector.timestamp),
    );

    assert_eq!(code(result), "malformed_header");
}

#[test]
fn verified_non_event_payload() {
    let secret = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    let webhook = verifier(&[secret]);
    let signature = webhook.sign("msg_1", 1_764_547_200, b"[1,2,3]").unwrap();
    let headers = [
        ("webhook-id", "msg_1"),
        ("webhook-timestamp", "1764547200"),
        ("webhook-signature", signature.as_str()),
    ];

    let result = webhook.verify_at(b"[1,2,3]", headers, at(1_764_547_200));

    assert_eq!(code(result), "invalid_payload");
}

#[test]
fn secret_without_prefix_rejected() {
    let error = Webhook::new(vec![SecretString::from(
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
    )])
    .unwrap_err();

    assert_eq!(error.kind(), ErrorKind::Configuration);
}

#[test]
fn no_secret_rejected() {
    assert_eq!(
        Webhook::new(Vec::new()).unwrap_err().kind(),
        ErrorKind::Configuration
    );
}
