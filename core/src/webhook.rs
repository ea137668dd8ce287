//! Webhook signature verification (Standard Webhooks scheme).
//!
//! A delivery carries `webhook-id`, `webhook-timestamp` and
//! `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`,
//! keyed by the base64-decoded part of the `whsec_` secret. The payload
//! bytes are verified before anything is parsed.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use subtle::ConstantTimeEq;
use zeroize::Zeroizing;

use crate::error::{Error, ErrorKind, Result};
use crate::resources::Event;
use crate::secret::SecretString;

/// Default tolerance between a delivery's timestamp and the local clock.
pub const DEFAULT_TOLERANCE: Duration = Duration::from_secs(300);

const SECRET_PREFIX: &str = "whsec_";
const SIGNATURE_VERSION: &str = "v1";

/// Verifies webhook deliveries against one or more signing secrets (several
/// during a secret rotation). Immutable and thread-safe.
#[derive(Clone)]
pub struct Webhook {
    /// The decoded HMAC keys, in the order of the secrets given.
    keys: Vec<Zeroizing<Vec<u8>>>,
    tolerance: Duration,
}

impl std::fmt::Debug for Webhook {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Webhook")
            .field("secrets", &format_args!("[{} redacted]", self.keys.len()))
            .field("tolerance", &self.tolerance)
            .finish()
    }
}

impl Webhook {
    /// Creates a verifier for `whsec_…` secrets with the default tolerance.
    ///
    /// Errors (`Configuration`): no secret, or a secret that is not `whsec_`
    /// followed by base64.
    pub fn new(secrets: Vec<SecretString>) -> Result<Webhook> {
        if secrets.is_empty() {
            return Err(Error::configuration(
                "no webhook signing secret; pass the whsec_… secret of the webhook endpoint",
            ));
        }

        let keys = secrets
            .iter()
            .enumerate()
            .map(|(index, secret)| decode_secret(index, secret))
            .collect::<Result<Vec<_>>>()?;
        Ok(Webhook {
            keys,
            tolerance: DEFAULT_TOLERANCE,
        })
    }

    /// Sets how far the timestamp may be from now, in either direction.
    pub fn with_tolerance(mut self, tolerance: Duration) -> Webhook {
        self.tolerance = tolerance;
        self
    }

    /// Verifies `payload` (the raw request body) against `headers` (names
    /// matched case-insensitively) and returns the parsed event.
    ///
    /// Errors (`WebhookSignature`, with `code`): `missing_header`,
    /// `malformed_header`, `timestamp_outside_tolerance` (the message gives
    /// the skew in seconds), `no_matching_signature` when no signature
    /// matches any secret, or `invalid_payload` for a verified payload that
    /// is not an event.
    pub fn verify<'a, I>(&self, payload: &[u8], headers: I) -> Result<Event>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        self.verify_at(payload, headers, SystemTime::now())
    }

    /// Like [`Webhook::verify`], with `now` in place of the system clock.
    pub fn verify_at<'a, I>(&self, payload: &[u8], headers: I, now: SystemTime) -> Result<Event>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let headers = DeliveryHeaders::find(headers)?;
        let timestamp = parse_timestamp(headers.timestamp)?;
        self.check_tolerance(timestamp, now)?;

        let signatures = parse_signatures(headers.signature)?;
        let matched = self.keys.iter().any(|key| {
            let expected = mac(key, headers.id, headers.timestamp, payload);
            signatures
                .iter()
                .any(|candidate| bool::from(candidate.as_slice().ct_eq(expected.as_slice())))
        });
        if !matched {
            return Err(signature_error(
                "no_matching_signature",
                format!(
                    "no webhook-signature matches the payload of delivery {:?} with any of the {} secret(s); \
                     check the endpoint's secret and pass the raw request body, unparsed",
                    headers.id,
                    self.keys.len()
                ),
            ));
        }

        serde_json::from_slice(payload).map_err(|error| {
            signature_error(
                "invalid_payload",
                format!(
                    "the verified payload of delivery {:?} is not an event: {error}",
                    headers.id
                ),
            )
        })
    }

    /// Returns the `webhook-signature` header value (`v1,<base64>`) for a
    /// payload, with the first secret. For tests and local tools.
    pub fn sign(&self, message_id: &str, timestamp: i64, payload: &[u8]) -> Result<String> {
        let key = &self.keys[0];
        let signature = mac(key, message_id, &timestamp.to_string(), payload);
        Ok(format!(
            "{SIGNATURE_VERSION},{}",
            STANDARD.encode(signature)
        ))
    }

    fn check_tolerance(&self, timestamp: i64, now: SystemTime) -> Result<()> {
        let now = match now.duration_since(UNIX_EPOCH) {
            Ok(since_epoch) => i64::try_from(since_epoch.as_secs()).unwrap_or(i64::MAX),
            Err(_) => 0,
        };
        let skew = now.saturating_sub(timestamp);
        let tolerance = i64::try_from(self.tolerance.as_secs()).unwrap_or(i64::MAX);

        if skew > tolerance {
            return Err(signature_error(
                "timestamp_outside_tolerance",
                format!(
                    "the webhook-timestamp is {skew} s old, more than the tolerance of {tolerance} s; \
                     reject the delivery (it may be a replay) or check the server clock"
                ),
            ));
        }
        if -skew > tolerance {
            return Err(signature_error(
                "timestamp_outside_tolerance",
                format!(
                    "the webhook-timestamp is {} s in the future, more than the tolerance of {tolerance} s; \
                     check the server clock",
                    -skew
                ),
            ));
        }
        Ok(())
    }
}

struct DeliveryHeaders<'a> {
    id: &'a str,
    timestamp: &'a str,
    signature: &'a str,
}

impl<'a> DeliveryHeaders<'a> {
    fn find<I>(headers: I) -> Result<Self>
    where
        I: IntoIterator<Item = (&'a str, &'a str)>,
    {
        let (mut id, mut timestamp, mut signature) = (None, None, None);
        for (name, value) in headers {
            let slot = match name.trim().to_ascii_lowercase().as_str() {
                "webhook-id" => &mut id,
                "webhook-timestamp" => &mut timestamp,
                "webhook-signature" => &mut signature,
                _ => continue,
            };
            *slot = Some(value.trim());
        }

        let require = |value: Option<&'a str>, name: &str| {
            value.ok_or_else(|| {
                signature_error(
                    "missing_header",
                    format!("the {name} header is missing; pass all the request's headers"),
                )
            })
        };
        Ok(DeliveryHeaders {
            id: require(id, "webhook-id")?,
            timestamp: require(timestamp, "webhook-timestamp")?,
            signature: require(signature, "webhook-signature")?,
        })
    }
}

fn parse_timestamp(value: &str) -> Result<i64> {
    value.parse::<i64>().map_err(|_| {
        signature_error(
            "malformed_header",
            format!("the webhook-timestamp {value:?} is not Unix seconds"),
        )
    })
}

/// The decoded `v1` signatures of the header. Signatures of other versions
/// are skipped, as the scheme allows.
fn parse_signatures(header: &str) -> Result<Vec<Vec<u8>>> {
    let mut signatures = Vec::new();
    for entry in header.split_whitespace() {
        let Some((version, encoded)) = entry.split_once(',') else {
            return Err(signature_error(
                "malformed_header",
                "a webhook-signature entry is not of the form v1,<base64>",
            ));
        };
        if version != SIGNATURE_VERSION {
            continue;
        }
        let decoded = STANDARD.decode(encoded).map_err(|_| {
            signature_error(
                "malformed_header",
                "a webhook-signature v1 entry is not valid base64",
            )
        })?;
        signatures.push(decoded);
    }

    if signatures.is_empty() {
        return Err(signature_error(
            "malformed_header",
            "the webhook-signature header has no v1 signature",
        ));
    }
    Ok(signatures)
}

fn decode_secret(index: usize, secret: &SecretString) -> Result<Zeroizing<Vec<u8>>> {
    let invalid = || {
        Error::configuration(format!(
            "webhook secret number {} is not a whsec_ secret (whsec_ followed by base64); \
             copy it from the webhook endpoint",
            index + 1
        ))
    };
    let encoded = secret
        .expose_secret()
        .strip_prefix(SECRET_PREFIX)
        .ok_or_else(invalid)?;
    let key = STANDARD.decode(encoded).map_err(|_| invalid())?;
    if key.is_empty() {
        return Err(invalid());
    }
    Ok(Zeroizing::new(key))
}

fn mac(key: &[u8], id: &str, timestamp: &str, payload: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts keys of any length");
    mac.update(id.as_bytes());
    mac.update(b".");
    mac.update(timestamp.as_bytes());
    mac.update(b".");
    mac.update(payload);
    mac.finalize().into_bytes().to_vec()
}

fn signature_error(code: &str, message: impl Into<String>) -> Error {
    Error::new(ErrorKind::WebhookSignature, message).with_code(code)
}
