//! Client-side checks of request parameters, run before any request so a
//! mistake costs no round trip and names its field. The sandbox enforces the
//! same rules on its own; the limits are those of `docs/api.md`.

use std::collections::BTreeMap;

use crate::error::{Error, Result};
use crate::request::RequestOptions;

pub(crate) const MAX_AMOUNT: i64 = 100_000_000_000;
const MAX_ACCOUNT_LENGTH: usize = 64;
const ACCOUNT_PREFIX: &str = "acct_";
const MAX_DESCRIPTION_CHARS: usize = 500;
const MAX_METADATA_KEYS: usize = 20;
const MAX_METADATA_KEY_CHARS: usize = 40;
const MAX_METADATA_VALUE_CHARS: usize = 500;
const MAX_ID_LENGTH: usize = 255;
const MAX_IDEMPOTENCY_KEY_LENGTH: usize = 255;

/// An object id: non-empty, starting with `prefix` (`"txn_"`), at most 255
/// letters, digits, `_` or `-`.
pub(crate) fn object_id(param: &str, value: &str, prefix: &str) -> Result<()> {
    if value.is_empty() {
        return Err(Error::invalid_param(
            param,
            format!("{param} is empty; pass a {prefix}… id"),
        ));
    }
    let url_safe = value
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-');
    if !value.starts_with(prefix)
        || value.len() <= prefix.len()
        || value.len() > MAX_ID_LENGTH
        || !url_safe
    {
        return Err(Error::invalid_param(
            param,
            format!(
                "{param} {value:?} is not a valid id; pass a {prefix}… id as the API returned it"
            ),
        ));
    }
    Ok(())
}

pub(crate) fn amount(value: i64) -> Result<()> {
    if !(1..=MAX_AMOUNT).contains(&value) {
        return Err(Error::invalid_param(
            "amount",
            format!("amount must be a positive integer in minor units, at most {MAX_AMOUNT}, got {value}"),
        ));
    }
    Ok(())
}

/// An ISO 4217 code in upper case. Only the form is checked (three letters
/// A to Z); the API decides which currencies it supports.
pub(crate) fn currency(value: &str) -> Result<()> {
    if value.len() != 3 || !value.bytes().all(|byte| byte.is_ascii_uppercase()) {
        return Err(Error::invalid_param(
            "currency",
            format!(
                "currency must be an ISO 4217 code in upper case such as \"EUR\", got {value:?}"
            ),
        ));
    }
    Ok(())
}

/// `acct_` then 1 to 59 letters, digits or `_`.
pub(crate) fn account(param: &str, value: &str) -> Result<()> {
    let rest = value.strip_prefix(ACCOUNT_PREFIX).unwrap_or("");
    let valid = !rest.is_empty()
        && value.len() <= MAX_ACCOUNT_LENGTH
        && rest
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_');
    if !valid {
        return Err(Error::invalid_param(
            param,
            format!(
                "{param} must be \"acct_\" followed by letters, digits or \"_\" \
                 (at most {MAX_ACCOUNT_LENGTH} characters), got {value:?}"
            ),
        ));
    }
    Ok(())
}

pub(crate) fn different_accounts(source: &str, destination: &str) -> Result<()> {
    if source == destination {
        return Err(Error::invalid_param(
            "destination_account",
            format!("destination_account must differ from source_account, both are {source:?}"),
        ));
    }
    Ok(())
}

pub(crate) fn description(value: Option<&str>) -> Result<()> {
    let count = value.map_or(0, |text| text.chars().count());
    if count > MAX_DESCRIPTION_CHARS {
        return Err(Error::invalid_param(
            "description",
            format!("description must be at most {MAX_DESCRIPTION_CHARS} characters, got {count}"),
        ));
    }
    Ok(())
}

pub(crate) fn metadata(value: Option<&BTreeMap<String, String>>) -> Result<()> {
    let Some(metadata) = value else {
        return Ok(());
    };
    if metadata.len() > MAX_METADATA_KEYS {
        return Err(Error::invalid_param(
            "metadata",
            format!(
                "metadata may have at most {MAX_METADATA_KEYS} keys, got {}",
                metadata.len()
            ),
        ));
    }
    for (key, value) in metadata {
        let key_chars = key.chars().count();
        if key_chars == 0 || key_chars > MAX_METADATA_KEY_CHARS {
            return Err(Error::invalid_param(
                "metadata",
                format!("metadata key {key:?} must be 1 to {MAX_METADATA_KEY_CHARS} characters, got {key_chars}"),
            ));
        }
        let value_chars = value.chars().count();
        if value_chars > MAX_METADATA_VALUE_CHARS {
            return Err(Error::invalid_param(
                "metadata",
                format!(
                    "the value of metadata key {key:?} must be at most {MAX_METADATA_VALUE_CHARS} characters, got {value_chars}"
                ),
            ));
        }
    }
    Ok(())
}

pub(crate) fn limit(value: Option<u32>) -> Result<()> {
    match value {
        Some(limit) if !(1..=100).contains(&limit) => Err(Error::invalid_param(
            "limit",
            format!("limit must be between 1 and 100, got {limit}"),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn non_empty(param: &str, value: Option<&str>) -> Result<()> {
    if value.is_some_and(str::is_empty) {
        return Err(Error::invalid_param(
            param,
            format!("{param} is empty; omit it or pass a value"),
        ));
    }
    Ok(())
}

/// 1 to 255 printable ASCII characters (space to `~`).
pub(crate) fn idempotency_key(value: &str) -> Result<()> {
    let printable = value.bytes().all(|byte| (b' '..=b'~').contains(&byte));
    if value.is_empty() || value.len() > MAX_IDEMPOTENCY_KEY_LENGTH || !printable {
        return Err(Error::invalid_param(
            "idempotency_key",
            format!(
                "the idempotency key must be 1 to {MAX_IDEMPOTENCY_KEY_LENGTH} printable ASCII characters, \
                 got {} bytes; a UUID works well",
                value.len()
            ),
        ));
    }
    Ok(())
}

/// The caller's idempotency key, checked, or a new UUID v4 key. Called once
/// per call, so every retry sends the same key.
pub(crate) fn idempotency_key_for(options: &RequestOptions) -> Result<String> {
    match &options.idempotency_key {
        Some(key) => {
            idempotency_key(key)?;
            Ok(key.clone())
        }
        None => Ok(uuid::Uuid::new_v4().to_string()),
    }
}

/// An absolute `http` or `https` URL with a host.
pub(crate) fn webhook_url(value: &str) -> Result<()> {
    let parsed = url::Url::parse(value).map_err(|error| {
        Error::invalid_param(
            "url",
            format!("url {value:?} is not a valid URL ({error}); pass an absolute https URL"),
        )
    })?;
    if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
        return Err(Error::invalid_param(
            "url",
            format!("url {value:?} must be an http or https URL with a host"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amount_bounds() {
        assert!(amount(0).is_err());
        assert!(amount(1).is_ok());
        assert!(amount(MAX_AMOUNT).is_ok());
        assert!(amount(MAX_AMOUNT + 1).is_err());
    }

    #[test]
    fn currency_lower_case() {
        assert_eq!(currency("eur").unwrap_err().param(), Some("currency"));
    }

    #[test]
    fn account_forms() {
        assert!(account("source_account", "acct_alice_1").is_ok());
        assert!(account("source_account", "acct_").is_err());
        assert!(account("source_account", "acct_a-b").is_err());
        assert!(account("source_account", &format!("acct_{}", "a".repeat(60))).is_err());
    }

    #[test]
    fn id_path_traversal() {
        assert!(object_id("id", "txn_../admin", "txn_").is_err());
    }

    #[test]
    fn id_wrong_prefix() {
        assert_eq!(
            object_id("id", "pay_1", "txn_").unwrap_err().param(),
            Some("id")
        );
    }

    #[test]
    fn idempotency_key_control_char() {
        assert!(idempotency_key("abc\n").is_err());
    }

    #[test]
    fn metadata_too_many_keys() {
        let map: BTreeMap<String, String> =
            (0..21).map(|i| (format!("k{i}"), String::new())).collect();
        assert!(metadata(Some(&map)).is_err());
    }

    #[test]
    fn webhook_url_scheme() {
        assert!(webhook_url("ftp://127.0.0.1/x").is_err());
        assert!(webhook_url("http://127.0.0.1:9000/hooks").is_ok());
    }
}
