//! Random ids and secrets.

use rand::distributions::Alphanumeric;
use rand::rngs::OsRng;
use rand::Rng;
use sha2::{Digest, Sha256};
use std::time::{SystemTime, UNIX_EPOCH};

/// Returns `prefix` followed by `len` random letters and digits from the
/// operating system's CSPRNG, so the value is fit for secrets too.
pub fn random_id(prefix: &str, len: usize) -> String {
    let suffix: String = OsRng
        .sample_iter(&Alphanumeric)
        .take(len)
        .map(char::from)
        .collect();
    format!("{prefix}{suffix}")
}

/// Returns `n` random bytes from the operating system's CSPRNG.
pub fn random_bytes(n: usize) -> Vec<u8> {
    let mut bytes = vec![0u8; n];
    OsRng.fill(bytes.as_mut_slice());
    bytes
}

/// SHA-256 of a secret, so stores index credentials without keeping them.
pub fn digest(secret: &str) -> [u8; 32] {
    Sha256::digest(secret.as_bytes()).into()
}

/// Current time in Unix seconds.
pub fn now_unix() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0)
}
