//! The least-privilege scopes that keys and OAuth clients carry.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    TransactionsRead,
    PaymentsRead,
    PaymentsWrite,
    FraudWrite,
    EventsRead,
    WebhooksWrite,
}

impl Scope {
    pub const ALL: [Scope; 6] = [
        Scope::TransactionsRead,
        Scope::PaymentsRead,
        Scope::PaymentsWrite,
        Scope::FraudWrite,
        Scope::EventsRead,
        Scope::WebhooksWrite,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::TransactionsRead => "transactions:read",
            Scope::PaymentsRead => "payments:read",
            Scope::PaymentsWrite => "payments:write",
            Scope::FraudWrite => "fraud:write",
            Scope::EventsRead => "events:read",
            Scope::WebhooksWrite => "webhooks:write",
        }
    }

    pub fn parse(value: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|scope| scope.as_str() == value)
    }
}

impl fmt::Display for Scope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Space-separated scope list, in the canonical order of [`Scope::ALL`].
pub fn join(scopes: &[Scope]) -> String {
    let mut sorted = scopes.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted
        .iter()
        .map(|scope| scope.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Scope names as strings, in canonical order.
pub fn names(scopes: &[Scope]) -> Vec<&'static str> {
    let mut sorted = scopes.to_vec();
    sorted.sort();
    sorted.dedup();
    sorted.iter().map(|scope| scope.as_str()).collect()
}
