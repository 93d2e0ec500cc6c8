//! Matching bank lines to the books, strictly one-to-one: scored
//! suggestions (same amount, close date, words in common), the
//! unambiguous ones accepted in one keypress; the running total of a
//! selection of entries against one bank line; payments proposed for an
//! unexplained AssoConnect credit.

use super::Money;
use chrono::NaiveDate;

/// How many days apart a bank line and an entry may be to be suggested.
pub const WINDOW_DAYS: i64 = 10;

/// A bank line not yet matched, as the matcher sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankItem {
    pub id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    /// Label, reference and counterparty, as written.
    pub text: String,
}

/// An entry line on the same account not yet matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookItem {
    pub entry_id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    /// Pièce, label and cheque number, as written.
    pub text: String,
}

/// A suggested pair. `unambiguous`: the line has no other candidate as
/// good, and the entry no other line as good: safe to accept with the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    pub line_id: i64,
    pub entry_id: i64,
    pub score: u32,
    pub unambiguous: bool,
}

/// The best one-to-one suggestions: each line and each entry in at most
/// one suggestion. (Placeholder: same amount and same date only.)
pub fn suggest(lines: &[BankItem], books: &[BookItem]) -> Vec<Suggestion> {
    let mut taken = std::collections::HashSet::new();
    let mut out = Vec::new();
    for line in lines {
        if let Some(book) = books.iter().find(|b| {
            b.amount == line.amount && b.date == line.date && !taken.contains(&b.entry_id)
        }) {
            taken.insert(book.entry_id);
            out.push(Suggestion {
                line_id: line.id,
                entry_id: book.entry_id,
                score: 100,
                unambiguous: true,
            });
        }
    }
    out
}

/// What is left to find when `selected` entries are matched to a bank line
/// of `line_amount`: zero when the selection pays it exactly.
pub fn selection_gap(line_amount: Money, selected: &[Money]) -> Money {
    line_amount - selected.iter().copied().sum::<Money>()
}

/// A payment not yet paid out, for a payout proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingPayment {
    pub id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    pub fee: Money,
}

/// The payments whose sum minus fees equals `credit`, taken in date order
/// from the oldest (the payments since the previous payout first).
/// (Placeholder: the shortest prefix only.)
pub fn propose_payout(credit: Money, pending: &[PendingPayment]) -> Option<Vec<i64>> {
    let mut sorted: Vec<&PendingPayment> = pending.iter().collect();
    sorted.sort_by_key(|p| (p.date, p.id));
    let mut total = Money::from_cents(0);
    let mut ids = Vec::new();
    for p in sorted {
        total = total + p.amount - p.fee;
        ids.push(p.id);
        if total == credit {
            return Some(ids);
        }
    }
    None
}
