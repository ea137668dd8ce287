//! The deterministic transaction data set: the same ids and contents on
//! every start, so tests can name transactions.

use crate::store::{Store, Transaction};

/// Number of seeded transactions.
pub const TRANSACTION_COUNT: usize = 500;

/// Creation time of the newest seeded transaction (2025-12-01T00:00:00Z).
pub const NEWEST_CREATED: i64 = 1_764_547_200;

/// SplitMix64, written out so the data set cannot change with a dependency.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[(self.next() % items.len() as u64) as usize]
    }
}

const ACCOUNTS: &[(&str, &str)] = &[
    ("acct_main_eur", "EUR"),
    ("acct_main_usd", "USD"),
    ("acct_savings_gbp", "GBP"),
];

const COUNTERPARTIES: &[(&str, &str)] = &[
    ("acct_coffee_shop", "Coffee beans"),
    ("acct_grocer", "Groceries"),
    ("acct_landlord", "Rent"),
    ("acct_payroll", "Salary"),
    ("acct_utility_power", "Electricity bill"),
    ("acct_cloud_hosting", "Cloud hosting"),
    ("acct_airline", "Flight tickets"),
    ("acct_bookshop", "Books"),
    ("acct_client_acme", "Invoice payment"),
    ("acct_tax_office", "Tax payment"),
];

/// Fills `store` with [`TRANSACTION_COUNT`] transactions, oldest first, one
/// every 30 minutes up to [`NEWEST_CREATED`].
pub fn seed(store: &mut Store) {
    let mut rng = SplitMix64(0x5EED_F1A7_2025_0001);
    for i in 0..TRANSACTION_COUNT {
        let (account, currency) = *rng.pick(ACCOUNTS);
        let (counterparty, description) = *rng.pick(COUNTERPARTIES);
        let direction = if matches!(counterparty, "acct_payroll" | "acct_client_acme") {
            "credit"
        } else {
            "debit"
        };
        let status = match rng.next() % 100 {
            0..=84 => "posted",
            85..=92 => "pending",
            93..=96 => "failed",
            _ => "reversed",
        };
        let amount = (rng.next() % 250_000) as i64 + 100;
        let created = NEWEST_CREATED - ((TRANSACTION_COUNT - 1 - i) as i64) * 1800;
        store.transactions.push(Transaction {
            id: format!("txn_{:04x}{:08x}", i, rng.next() as u32),
            object: "transaction",
            amount,
            currency: currency.to_string(),
            status,
            direction,
            account: account.to_string(),
            counterparty: counterparty.to_string(),
            description: description.to_string(),
            created,
        });
    }
}
