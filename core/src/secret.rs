//! A string that never prints and is zeroed when dropped.

use std::fmt;

use zeroize::Zeroizing;

/// A secret: an API key, a client secret, an access token or a webhook
/// signing secret.
///
/// `Debug` and `Display` print `SecretString("sk_test_…")`-style redactions
/// that show at most the non-secret prefix. The bytes are overwritten with
/// zeros when the value is dropped. Cloning copies the secret; each copy is
/// zeroed on its own drop.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(Zeroizing<String>);

impl SecretString {
    /// Wraps `value`, taking ownership so no unzeroed copy is left behind.
    pub fn new(value: String) -> Self {
        SecretString(Zeroizing::new(value))
    }

    /// Returns the secret itself. Call this only to put the secret on the
    /// wire or into a MAC; never log or format the result.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// Returns the part of the secret that is safe to show: its type prefix
    /// (`sk_test_`, `pk_live_`, `whsec_`), or nothing.
    pub fn redacted_prefix(&self) -> &str {
        const PREFIXES: [&str; 5] = ["sk_test_", "sk_live_", "pk_test_", "pk_live_", "whsec_"];
        PREFIXES
            .iter()
            .find(|prefix| self.0.starts_with(*prefix))
            .copied()
            .unwrap_or("")
    }
}

impl From<String> for SecretString {
    fn from(value: String) -> Self {
        SecretString::new(value)
    }
}

impl From<&str> for SecretString {
    fn from(value: &str) -> Self {
        SecretString::new(value.to_owned())
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SecretString(\"{}[REDACTED]\")", self.redacted_prefix())
    }
}

impl fmt::Display for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[REDACTED]", self.redacted_prefix())
    }
}
