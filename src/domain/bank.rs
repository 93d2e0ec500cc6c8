//! Bank statements as the app keeps them: the booked lines read from a
//! statement file, the balance a statement states, the lines once stored
//! with their reconciliation state, and the statement check.

use super::{Money, MoneyKey};
use chrono::NaiveDate;

/// One booked line read from a statement file (money in > 0).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankRow {
    /// The file's line number, from 1 (for messages).
    pub line_no: usize,
    pub date: NaiveDate,
    pub amount: Money,
    pub label: String,
    pub reference: String,
    pub counterparty: String,
    /// The bank's own id of the line, when the file has one.
    pub bank_id: Option<String>,
}

/// A balance stated by the statement itself (LBP's preamble).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatementBalance {
    pub date: NaiveDate,
    pub balance: Money,
}

/// A statement file read whole: its booked lines, the lines left out
/// because they are not booked (pending, upcoming, cancelled, rejected),
/// counted by status as written in the file, and its stated balance.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BankFile {
    pub rows: Vec<BankRow>,
    pub not_booked: Vec<(String, usize)>,
    pub statement: Option<StatementBalance>,
}

impl BankFile {
    /// How many lines were left out as not booked.
    pub fn skipped(&self) -> usize {
        self.not_booked.iter().map(|(_, n)| n).sum()
    }
}

/// The kind of an import batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BatchKind {
    Bank(MoneyKey),
    AssoConnect,
}

impl BatchKind {
    /// The key stored and printed (`banque`, `assoconnect`).
    pub fn key(self) -> &'static str {
        match self {
            BatchKind::Bank(_) => "banque",
            BatchKind::AssoConnect => "assoconnect",
        }
    }

    /// For the user: "relevé Compte Pro", "paiements AssoConnect".
    pub fn label(self) -> String {
        match self {
            BatchKind::Bank(key) => format!("relevé {}", key.label()),
            BatchKind::AssoConnect => "paiements AssoConnect".into(),
        }
    }
}

/// One import as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    pub id: i64,
    pub kind: BatchKind,
    pub file_name: String,
    pub sha256: String,
    /// `aaaa-mm-jjThh:mm:ss`.
    pub imported_at: String,
    pub lines_read: usize,
    pub imported: usize,
    pub duplicates: usize,
    pub skipped: usize,
    pub undone_at: Option<String>,
}

/// Where a bank line stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LineState {
    /// Matched to these entries (their pièces).
    Matched(Vec<String>),
    ToMatch,
}

/// A stored bank line with its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankLine {
    pub id: i64,
    pub account: MoneyKey,
    pub batch_id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    pub label: String,
    pub reference: String,
    pub counterparty: String,
    pub bank_id: Option<String>,
    pub state: LineState,
}

impl BankLine {
    pub fn is_matched(&self) -> bool {
        matches!(self.state, LineState::Matched(_))
    }
}

/// An entry's line on a money account, as the reconciliation sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookLine {
    pub entry_id: i64,
    pub piece: String,
    pub date: NaiveDate,
    /// Signed amount on the account (money in > 0).
    pub amount: Money,
    pub label: String,
    pub cheque_no: Option<String>,
    /// The bank line it is matched to, if any.
    pub matched_to: Option<i64>,
}

/// A statement checked against the books at a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatementCheck {
    pub account: MoneyKey,
    pub date: NaiveDate,
    /// The balance the statement states.
    pub statement: Money,
    /// The books' balance at that date.
    pub books: Money,
    /// Opening balance plus the matched entries whose bank line is dated
    /// on or before `date`.
    pub reconciled: Money,
    /// `statement - reconciled`: must reach 0,00 €.
    pub difference: Money,
    /// The entries dated on or before `date` not yet on a statement.
    pub not_on_statement: Vec<BookLine>,
}
