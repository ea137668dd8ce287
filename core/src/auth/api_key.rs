//! Secret API keys: the prefix rules, checked before any request.

use crate::config::Environment;
use crate::error::{Error, Result};
use crate::secret::SecretString;

const TEST_PREFIX: &str = "sk_test_";
const LIVE_PREFIX: &str = "sk_live_";

/// Checks that `key` is a secret key and, when `environment` is known, that
/// it belongs to it.
///
/// Errors (`Configuration`): a publishable key (`pk_…`), a value that is not
/// an `sk_test_`/`sk_live_` key, a test key for live or a live key for the
/// sandbox. Messages show the key's prefix at most.
pub(crate) fn check(key: &SecretString, environment: Option<Environment>) -> Result<()> {
    let value = key.expose_secret();

    if value.starts_with("pk_") {
        return Err(Error::configuration(format!(
            "a publishable key ({}…) cannot call the API; a secret key (sk_test_… or sk_live_…) is needed",
            key.redacted_prefix()
        ))
        .with_code("secret_key_required"));
    }

    let key_environment = environment_of(key).ok_or_else(|| {
        Error::configuration(
            "the API key is not a secret key: it must start with sk_test_ or sk_live_; \
             copy the secret key from the dashboard",
        )
    })?;

    match environment {
        Some(Environment::Live) if key_environment == Environment::Sandbox => Err(Error::configuration(
            "a test key (sk_test_…) cannot call the live environment; use a live key (sk_live_…) \
             or the sandbox environment",
        )),
        Some(Environment::Sandbox) if key_environment == Environment::Live => Err(Error::configuration(
            "a live key (sk_live_…) cannot call the sandbox environment; use a test key (sk_test_…) \
             or the live environment",
        )),
        _ => Ok(()),
    }
}

/// The environment a secret key belongs to, from its prefix.
pub(crate) fn environment_of(key: &SecretString) -> Option<Environment> {
    let value = key.expose_secret();
    if value.starts_with(TEST_PREFIX) && value.len() > TEST_PREFIX.len() {
        Some(Environment::Sandbox)
    } else if value.starts_with(LIVE_PREFIX) && value.len() > LIVE_PREFIX.len() {
        Some(Environment::Live)
    } else {
        None
    }
}
