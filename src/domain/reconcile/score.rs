//! How good a bank line and an entry look together: same amount to the
//! cent and dates at most [`WINDOW_DAYS`] apart, or no candidate at all;
//! then 100 − 5 × days apart, + 20 per word in common, + 40 when a long
//! number (a cheque number, a payout reference) is on both sides.

use super::words::{InCommon, Interner, Words};
use super::{BankItem, BookItem, WINDOW_DAYS};

/// Points of a pair on the same day with nothing in common.
pub const BASE_POINTS: u32 = 100;
/// Points lost per day apart.
pub const DAY_POINTS: u32 = 5;
/// Points per distinct word in common.
pub const WORD_POINTS: u32 = 20;
/// Points when a long number is on both sides.
pub const NUMBER_POINTS: u32 = 40;

/// The score of a candidate `days` apart (0..=WINDOW_DAYS) with `common`.
pub fn points(days: i64, common: InCommon) -> u32 {
    let days = u32::try_from(days.unsigned_abs()).unwrap_or(u32::MAX);
    BASE_POINTS
        .saturating_sub(DAY_POINTS.saturating_mul(days))
        .saturating_add(WORD_POINTS.saturating_mul(common.words))
        .saturating_add(if common.number { NUMBER_POINTS } else { 0 })
}

/// Days between a bank line and an entry, when the entry is a candidate
/// for the line: same amount to the cent, at most [`WINDOW_DAYS`] apart.
pub fn candidate_days(line: &BankItem, book: &BookItem) -> Option<i64> {
    let days = (book.date - line.date).num_days().abs();
    (line.amount.cents() == book.amount.cents() && days <= WINDOW_DAYS).then_some(days)
}

/// The score of `book` for `line`, or `None` when it is no candidate.
pub fn score(line: &BankItem, book: &BookItem) -> Option<u32> {
    let days = candidate_days(line, book)?;
    let mut interner = Interner::default();
    let a = Words::read(&line.text, &mut interner);
    let b = Words::read(&book.text, &mut interner);
    Some(points(days, a.in_common(&b)))
}

/// One entry the user may match to a bank line, for the list of
/// alternatives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub entry_id: i64,
    pub score: u32,
    /// Days between the bank line and the entry.
    pub days: i64,
}

/// Every candidate of `line` among `books`, best first (then the oldest
/// entry, then the smallest id).
pub fn candidates_for(line: &BankItem, books: &[BookItem]) -> Vec<Candidate> {
    let mut interner = Interner::default();
    let words = Words::read(&line.text, &mut interner);
    let mut found: Vec<(&BookItem, Candidate)> = books
        .iter()
        .filter_map(|book| {
            let days = candidate_days(line, book)?;
            let common = words.in_common(&Words::read(&book.text, &mut interner));
            Some((
                book,
                Candidate {
                    entry_id: book.entry_id,
                    score: points(days, common),
                    days,
                },
            ))
        })
        .collect();
    found.sort_by(|(a, ca), (b, cb)| {
        cb.score
            .cmp(&ca.score)
            .then(a.date.cmp(&b.date))
            .then(a.entry_id.cmp(&b.entry_id))
    });
    found.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, 10, d).expect("date")
    }

    fn line(d: u32, cents: i64, text: &str) -> BankItem {
        BankItem {
            id: 1,
            date: day(d),
            amount: Money::from_cents(cents),
            text: text.into(),
        }
    }

    fn book(id: i64, d: u32, cents: i64, text: &str) -> BookItem {
        BookItem {
            entry_id: id,
            date: day(d),
            amount: Money::from_cents(cents),
            text: text.into(),
        }
    }

    #[test]
    fn same_day_nothing_in_common_is_100_and_each_day_costs_5() {
        let l = line(10, -1250, "CB X1234");
        assert_eq!(score(&l, &book(1, 10, -1250, "D-3 Achat")), Some(100));
        assert_eq!(score(&l, &book(1, 13, -1250, "D-3 Achat")), Some(85));
        assert_eq!(score(&l, &book(1, 7, -1250, "D-3 Achat")), Some(85));
        assert_eq!(score(&l, &book(1, 20, -1250, "D-3 Achat")), Some(50));
    }

    #[test]
    fn other_amount_or_beyond_the_window_is_no_candidate() {
        let l = line(10, -1250, "CB X1234");
        assert_eq!(score(&l, &book(1, 10, -1251, "")), None);
        assert_eq!(score(&l, &book(1, 10, 1250, "")), None);
        assert_eq!(score(&l, &book(1, 21, -1250, "")), None);
        assert_eq!(score(&l, &book(1, 10, -1250, "")), Some(100));
    }

    #[test]
    fn words_add_20_each_and_a_shared_cheque_number_40_more() {
        let l = line(10, -4500, "CB PAPETERIE MARTIN 09/10");
        // papeterie + martin, one day apart.
        assert_eq!(
            score(&l, &book(1, 11, -4500, "D-7 Papeterie Martin")),
            Some(95 + 40)
        );
        let cheque = line(12, 3000, "REMISE CHEQUE 0001234567");
        // 1234567 as a word (+20) and as a cheque number (+40), 2 days apart.
        assert_eq!(
            score(&cheque, &book(2, 10, 3000, "R-4 Dons 1234567")),
            Some(90 + 20 + 40)
        );
        // Numbers are read without their leading zeros.
        assert_eq!(
            score(&cheque, &book(2, 10, 3000, "R-4 Dons 00001234567")),
            Some(90 + 20 + 40)
        );
        // Inside a word, the number counts as a cheque number only.
        assert_eq!(
            score(&cheque, &book(2, 10, 3000, "R-4 Dons n°1234567")),
            Some(90 + 40)
        );
    }

    #[test]
    fn candidates_come_best_first_then_oldest() {
        let l = line(10, 800, "VIR MARTIN");
        let books = [
            book(5, 12, 800, "R-5"),
            book(4, 8, 800, "R-4"),
            book(3, 14, 800, "R-3 Martin"),
            book(2, 10, 900, "R-2"),
            book(1, 10, 800, "R-1"),
        ];
        let ids: Vec<(i64, u32)> = candidates_for(&l, &books)
            .iter()
            .map(|c| (c.entry_id, c.score))
            .collect();
        assert_eq!(ids, [(1, 100), (3, 100), (4, 90), (5, 90)]);
    }
}
