//! Matching bank lines to the books, strictly one-to-one: scored
//! suggestions (same amount, close date, words in common), the
//! unambiguous ones accepted in one keypress; the running total of a
//! selection of entries against one bank line; payments proposed for an
//! unexplained AssoConnect credit.
//!
//! - `words`: the words and long numbers of a label that count;
//! - `score`: the score of one pair, the candidates of one line;
//! - `assign`: the one-to-one suggestions over whole lists;
//! - `payout`: the payments an AssoConnect credit carries;
//! - `proposal`: the category proposed for an entry made from a bank line.

mod assign;
mod payout;
mod proposal;
mod score;
mod words;

use super::Money;
use chrono::NaiveDate;

pub use assign::{MAX_CANDIDATES, suggest};
pub use payout::{PendingPayment, propose_payout};
pub use proposal::{BANK_FEES, proposed_category};
pub use score::{
    BASE_POINTS, Candidate, DAY_POINTS, NUMBER_POINTS, WORD_POINTS, candidate_days, candidates_for,
    score,
};
pub use words::{MIN_NUMBER_DIGITS, MIN_WORD_CHARS, label_words, long_numbers};

/// How many days apart a bank line and an entry may be to be suggested.
pub const WINDOW_DAYS: i64 = 10;

/// A bank line not yet matched, as the matcher sees it. Ids are unique
/// (database ids).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankItem {
    pub id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    /// Label, reference and counterparty, as written.
    pub text: String,
}

/// An entry line on the same account not yet matched. Entry ids are
/// unique.
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

/// What is left to find when `selected` entries are matched to a bank line
/// of `line_amount`: zero when the selection pays it exactly.
pub fn selection_gap(line_amount: Money, selected: &[Money]) -> Money {
    line_amount - selected.iter().copied().sum::<Money>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_what_the_selection_still_lacks() {
        let line = Money::from_cents(-4550);
        assert_eq!(selection_gap(line, &[]), line);
        assert_eq!(
            selection_gap(line, &[Money::from_cents(-3000)]),
            Money::from_cents(-1550)
        );
        assert_eq!(
            selection_gap(line, &[Money::from_cents(-3000), Money::from_cents(-1550)]),
            Money::ZERO
        );
        assert_eq!(
            selection_gap(line, &[Money::from_cents(-5000)]),
            Money::from_cents(450)
        );
    }
}
