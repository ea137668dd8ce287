//! Validation of JSON body fields and query parameters, each failure naming
//! its parameter.

use std::collections::{BTreeMap, HashMap};

use axum::http::Uri;
use serde_json::{Map, Value};

use crate::errors::{ApiError, ApiResult};

/// Largest amount in minor units that payments and assessments accept.
pub const MAX_AMOUNT: i64 = 100_000_000_000;

/// Largest accepted Unix time in seconds: 9999-12-31T23:59:59Z.
pub const MAX_UNIX_TIME: i64 = 253_402_300_799;

pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Fields of a JSON object body.
/// The money movement described by a payment or fraud assessment body.
pub struct Transfer {
    pub amount: i64,
    pub currency: String,
    pub source_account: String,
    pub destination_account: String,
}

pub struct Fields {
    map: Map<String, Value>,
}

impl Fields {
    /// Wraps `map`, rejecting any field not in `allowed` with 400
    /// `parameter_unknown`.
    pub fn new(map: Map<String, Value>, allowed: &[&str]) -> ApiResult<Fields> {
        if let Some(unknown) = map.keys().find(|key| !allowed.contains(&key.as_str())) {
            return Err(ApiError::unknown(unknown));
        }
        Ok(Fields { map })
    }

    /// Returns the field's value, treating JSON `null` as absent.
    fn get(&self, name: &str) -> Option<&Value> {
        self.map.get(name).filter(|value| !value.is_null())
    }

    pub fn required_amount(&self, name: &str) -> ApiResult<i64> {
        let value = self.get(name).ok_or_else(|| ApiError::missing(name))?;
        let amount = value.as_i64().filter(|_| value.is_i64() || value.is_u64());
        match amount {
            Some(amount) if (1..=MAX_AMOUNT).contains(&amount) => Ok(amount),
            Some(amount) => Err(ApiError::invalid(
                name,
                format!("{name} must be between 1 and {MAX_AMOUNT} minor units, got {amount}."),
            )),
            None => Err(ApiError::invalid(
                name,
                format!("{name} must be a positive integer in minor units, got {value}."),
            )),
        }
    }

    /// Reads an optional integer in `min..=max`.
    pub fn optional_integer(&self, name: &str, min: u64, max: u64) -> ApiResult<Option<u64>> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        match value.as_u64() {
            Some(n) if (min..=max).contains(&n) => Ok(Some(n)),
            _ => Err(ApiError::invalid(
                name,
                format!("{name} must be an integer from {min} to {max}, got {value}."),
            )),
        }
    }

    pub fn optional_string(&self, name: &str, max_chars: usize) -> ApiResult<Option<String>> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let text = value.as_str().ok_or_else(|| {
            ApiError::invalid(
                name,
                format!("{name} must be a string, got {}.", type_name(value)),
            )
        })?;
        if text.chars().count() > max_chars {
            return Err(ApiError::invalid(
                name,
                format!("{name} must be at most {max_chars} characters long."),
            ));
        }
        Ok(Some(text.to_string()))
    }

    pub fn required_string(&self, name: &str, max_chars: usize) -> ApiResult<String> {
        self.optional_string(name, max_chars)?
            .ok_or_else(|| ApiError::missing(name))
    }

    pub fn required_currency(&self, name: &str) -> ApiResult<String> {
        let code = self.required_string(name, 16)?;
        currency(name, &code)?;
        Ok(code)
    }

    /// Reads the fields a payment and a fraud assessment share: `amount`,
    /// `currency`, `source_account` and a different `destination_account`.
    pub fn required_transfer(&self) -> ApiResult<Transfer> {
        let amount = self.required_amount("amount")?;
        let currency = self.required_currency("currency")?;
        let source_account = self.required_account("source_account")?;
        let destination_account = self.required_account("destination_account")?;
        if source_account == destination_account {
            return Err(ApiError::invalid(
                "destination_account",
                format!(
                    "destination_account must differ from source_account, both are {source_account}."
                ),
            ));
        }

        Ok(Transfer {
            amount,
            currency,
            source_account,
            destination_account,
        })
    }

    pub fn required_account(&self, name: &str) -> ApiResult<String> {
        let id = self.required_string(name, 256)?;
        account(name, &id)?;
        Ok(id)
    }

    pub fn optional_metadata(&self, name: &str) -> ApiResult<BTreeMap<String, String>> {
        let Some(value) = self.get(name) else {
            return Ok(BTreeMap::new());
        };
        let object = value.as_object().ok_or_else(|| {
            ApiError::invalid(
                name,
                format!(
                    "{name} must be an object of strings, got {}.",
                    type_name(value)
                ),
            )
        })?;
        if object.len() > 20 {
            return Err(ApiError::invalid(
                name,
                format!("{name} may have at most 20 keys, got {}.", object.len()),
            ));
        }
        let mut metadata = BTreeMap::new();
        for (key, value) in object {
            let param = format!("{name}[{key}]");
            if key.is_empty() || key.chars().count() > 40 {
                return Err(ApiError::invalid(
                    &param,
                    format!("{name} keys must be 1 to 40 characters long."),
                ));
            }
            let text = value.as_str().ok_or_else(|| {
                ApiError::invalid(
                    &param,
                    format!("{param} must be a string, got {}.", type_name(value)),
                )
            })?;
            if text.chars().count() > 500 {
                return Err(ApiError::invalid(
                    &param,
                    format!("{param} must be at most 500 characters long."),
                ));
            }
            metadata.insert(key.clone(), text.to_string());
        }
        Ok(metadata)
    }

    pub fn optional_string_list(&self, name: &str) -> ApiResult<Option<Vec<String>>> {
        let Some(value) = self.get(name) else {
            return Ok(None);
        };
        let items = value.as_array().ok_or_else(|| {
            ApiError::invalid(
                name,
                format!(
                    "{name} must be an array of strings, got {}.",
                    type_name(value)
                ),
            )
        })?;
        let mut list = Vec::with_capacity(items.len());
        for item in items {
            let text = item.as_str().ok_or_else(|| {
                ApiError::invalid(
                    name,
                    format!("{name} must contain only strings, got {}.", type_name(item)),
                )
            })?;
            list.push(text.to_string());
        }
        Ok(Some(list))
    }
}

/// Checks an ISO 4217 code.
pub fn currency(name: &str, code: &str) -> ApiResult<()> {
    if ISO_4217.contains(&code) {
        return Ok(());
    }
    let upper = code.to_ascii_uppercase();
    let hint = if ISO_4217.contains(&upper.as_str()) {
        format!(" Write it in upper case: {upper}.")
    } else {
        String::new()
    };
    Err(ApiError::invalid(
        name,
        format!("{name} must be an ISO 4217 currency code such as EUR, got {code:?}.{hint}"),
    ))
}

/// Checks an account id: `acct_` then letters, digits or `_`, 64 characters
/// at most in total.
pub fn account(name: &str, id: &str) -> ApiResult<()> {
    let well_formed = id.len() <= 64
        && id.strip_prefix("acct_").is_some_and(|rest| {
            !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        });
    if well_formed {
        return Ok(());
    }
    Err(ApiError::invalid(
        name,
        format!("{name} must be `acct_` followed by letters, digits or underscores (64 characters at most), got {id:?}."),
    ))
}

/// Query parameters of one request, each allowed name at most once.
pub struct Query {
    values: HashMap<String, String>,
}

impl Query {
    pub fn parse(uri: &Uri, allowed: &[&str]) -> ApiResult<Query> {
        let mut values = HashMap::new();
        let raw = uri.query().unwrap_or("");
        for (name, value) in form_urlencoded::parse(raw.as_bytes()) {
            if !allowed.contains(&name.as_ref()) {
                return Err(ApiError::unknown(&name));
            }
            if values.insert(name.to_string(), value.to_string()).is_some() {
                return Err(ApiError::invalid(
                    &name,
                    format!("Query parameter {name} appears more than once."),
                ));
            }
        }
        Ok(Query { values })
    }

    pub fn get(&self, name: &str) -> Option<&str> {
        self.values.get(name).map(String::as_str)
    }

    /// `limit`: 1 to 100, default 10.
    pub fn limit(&self) -> ApiResult<usize> {
        let Some(raw) = self.get("limit") else {
            return Ok(10);
        };
        match raw.parse::<usize>() {
            Ok(limit) if (1..=100).contains(&limit) => Ok(limit),
            _ => Err(ApiError::invalid(
                "limit",
                format!("limit must be an integer from 1 to 100, got {raw:?}."),
            )),
        }
    }

    pub fn unix_time(&self, name: &str) -> ApiResult<Option<i64>> {
        let Some(raw) = self.get(name) else {
            return Ok(None);
        };
        match raw.parse::<i64>() {
            Ok(value) if (0..=MAX_UNIX_TIME).contains(&value) => Ok(Some(value)),
            _ => Err(ApiError::invalid(
                name,
                format!("{name} must be a Unix timestamp in seconds from 0 to {MAX_UNIX_TIME}, got {raw:?}."),
            )),
        }
    }

    /// Reads an optional parameter restricted to `choices`.
    pub fn choice(&self, name: &str, choices: &[&str]) -> ApiResult<Option<String>> {
        let Some(raw) = self.get(name) else {
            return Ok(None);
        };
        if choices.contains(&raw) {
            return Ok(Some(raw.to_string()));
        }
        Err(ApiError::invalid(
            name,
            format!("{name} must be one of {}, got {raw:?}.", choices.join(", ")),
        ))
    }
}

/// Active ISO 4217 currency codes.
pub const ISO_4217: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT",
    "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD",
    "CDF", "CHF", "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD",
    "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ",
    "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD",
    "JPY", "KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR",
    "LRD", "LSL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR",
    "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN",
    "PGK", "PHP", "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR",
    "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB",
    "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS",
    "VES", "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];
