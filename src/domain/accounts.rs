//! The chart of accounts: the four money accounts (comptes de trésorerie) and
//! the categories (charges 6…, produits 7…) entries are ventilated on. The chart
//! itself is data (loaded from `sample-data/`, editable by the user); only the
//! four money account keys are known to the code.

use std::fmt;

/// The four money accounts the app keeps side by side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MoneyKey {
    Caisse,
    Pro,
    EnLigne,
    Lbp,
}

impl MoneyKey {
    pub const ALL: [MoneyKey; 4] = [
        MoneyKey::Caisse,
        MoneyKey::Pro,
        MoneyKey::EnLigne,
        MoneyKey::Lbp,
    ];

    /// The key used in the CLI, the data files and the database.
    pub fn key(self) -> &'static str {
        match self {
            MoneyKey::Caisse => "caisse",
            MoneyKey::Pro => "pro",
            MoneyKey::EnLigne => "en-ligne",
            MoneyKey::Lbp => "lbp",
        }
    }

    /// Short French name for headers and pickers.
    pub fn label(self) -> &'static str {
        match self {
            MoneyKey::Caisse => "Caisse",
            MoneyKey::Pro => "Compte Pro",
            MoneyKey::EnLigne => "Collectes en ligne",
            MoneyKey::Lbp => "Ancien compte LBP",
        }
    }

    /// A key, or one of its unambiguous other names (`swan`, `assoconnect`,
    /// `banque-postale`…); "banque" alone is refused: both `pro` and `lbp` are banks.
    pub fn parse(input: &str) -> Option<MoneyKey> {
        let wanted = input.trim().to_lowercase();
        MoneyKey::ALL.into_iter().find(|k| {
            k.key() == wanted
                || match k {
                    MoneyKey::EnLigne => {
                        matches!(wanted.as_str(), "enligne" | "en_ligne" | "assoconnect")
                    }
                    MoneyKey::Pro => matches!(wanted.as_str(), "compte-pro" | "swan"),
                    MoneyKey::Lbp => wanted == "banque-postale",
                    MoneyKey::Caisse => wanted == "especes",
                }
        })
    }

    /// Error text for an unknown account key.
    pub fn expected() -> String {
        MoneyKey::ALL.map(|k| k.key()).join(", ")
    }
}

impl fmt::Display for MoneyKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// What an account of the chart is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AccountKind {
    /// A money account (classe 5).
    Tresorerie,
    /// An expense category (classe 6).
    Charge,
    /// A receipt category (classe 7).
    Produit,
    /// Balance-sheet accounts: report à nouveau, debts (classes 1 to 4).
    Bilan,
}

impl AccountKind {
    pub fn key(self) -> &'static str {
        match self {
            AccountKind::Tresorerie => "tresorerie",
            AccountKind::Charge => "charge",
            AccountKind::Produit => "produit",
            AccountKind::Bilan => "bilan",
        }
    }

    pub fn parse(input: &str) -> Option<AccountKind> {
        [
            AccountKind::Tresorerie,
            AccountKind::Charge,
            AccountKind::Produit,
            AccountKind::Bilan,
        ]
        .into_iter()
        .find(|k| k.key() == input.trim().to_lowercase())
    }
}

/// One account of the chart as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: i64,
    pub code: String,
    pub label: String,
    pub kind: AccountKind,
    pub money_key: Option<MoneyKey>,
    /// Heading of the compte rendu financier a category rolls up to.
    pub crf_heading: Option<String>,
}

impl Account {
    /// `62810008 Cotisation OCCE`.
    pub fn display(&self) -> String {
        format!("{} {}", self.code, self.label)
    }

    /// Case- and accent-insensitive match on code or label, for pickers.
    pub fn matches(&self, query: &str) -> bool {
        let q = super::text::fold(query);
        q.split_whitespace().all(|word| {
            self.code.starts_with(word) || super::text::fold(&self.label).contains(word)
        })
    }
}

/// One account read from a chart file, before it gets an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChartRow {
    pub code: String,
    pub label: String,
    pub kind: AccountKind,
    pub money_key: Option<MoneyKey>,
    pub crf_heading: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_keys_round_trip() {
        for key in MoneyKey::ALL {
            assert_eq!(MoneyKey::parse(key.key()), Some(key));
        }
        assert_eq!(MoneyKey::parse("Swan"), Some(MoneyKey::Pro));
        assert_eq!(MoneyKey::parse("coffre"), None);
        assert_eq!(
            MoneyKey::parse("banque"),
            None,
            "pro or lbp? both are banks"
        );
    }

    #[test]
    fn search_ignores_accents_and_case() {
        let account = Account {
            id: 1,
            code: "75620008".into(),
            label: "Participation volontaire des familles".into(),
            kind: AccountKind::Produit,
            money_key: None,
            crf_heading: None,
        };
        assert!(account.matches("7562"));
        assert!(account.matches("FAMILLE"));
        assert!(account.matches("partic fam"));
        assert!(!account.matches("cotisation"));
    }
}
