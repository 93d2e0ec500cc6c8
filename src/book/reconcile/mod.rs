//! Rapprochement: statement and AssoConnect imports as undoable batches,
//! bank lines matched to the entries one-to-one, payouts recognised, the
//! statement's balance checked. Each method is one user action (one
//! transaction through `Book::write`) or a read.

mod batches;
mod matching;
mod online;
mod statement;

use crate::domain::Money;
use crate::domain::bank::StatementBalance;

/// What a statement import did (the CLI prints these keys).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BankImportSummary {
    /// The batch id; `None` when the file brought nothing new (no batch kept).
    pub batch: Option<i64>,
    pub imported: usize,
    pub duplicates: usize,
    /// Lines not booked (pending, upcoming, cancelled, rejected).
    pub skipped: usize,
    pub not_booked: Vec<(String, usize)>,
    /// Lines matched on the way (payouts recognised, unambiguous pairs).
    pub matched: usize,
    pub statement: Option<StatementBalance>,
    /// The opening balance the stated balance implies (before the file's
    /// first line), and the books' balance on that day.
    pub implied_opening: Option<Money>,
    pub books_opening: Option<Money>,
    /// Lines dated outside the current exercice, not imported.
    pub outside_exercice: usize,
    /// When nothing was imported: why, for the user.
    pub note: Option<String>,
}

/// What an AssoConnect import did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentImportSummary {
    pub batch: Option<i64>,
    pub payments: usize,
    pub recorded: usize,
    pub linked: usize,
    pub refunded: usize,
    pub to_assign: usize,
    pub payouts: usize,
    /// Total of the fees booked by this import.
    pub fees: Money,
    pub duplicates: usize,
    pub not_counted: Vec<(String, usize)>,
    /// Campaigns created for forms no campaign was named after.
    pub campaigns_created: usize,
}

/// What undoing a batch took away.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UndoSummary {
    pub lines: usize,
    pub payments: usize,
    pub entries: usize,
    pub matches: usize,
}

/// What an automatic reconciliation did.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct AutoSummary {
    pub matched: usize,
    pub created: usize,
    pub unmatched_lines: usize,
    pub unmatched_entries: usize,
}
