//! Property tests of matching bank lines to the books (strictly
//! one-to-one, whatever the order of the inputs or of the user's
//! acceptances), of payout proposals, card fees and payout totals.

use chrono::{Duration, NaiveDate};
use coopcompta::domain::Money;
use coopcompta::domain::online::{card_fee, payout_totals};
use coopcompta::domain::reconcile::{
    BankItem, BookItem, MAX_CANDIDATES, PendingPayment, Suggestion, WINDOW_DAYS, candidates_for,
    propose_payout, score, suggest,
};
use proptest::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::HashSet;

fn day(d: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2025, 10, 1).expect("date") + Duration::days(d)
}

const WORDS: &[&str] = &[
    "martin",
    "dupont",
    "papeterie",
    "cantine",
    "VIR",
    "CB",
    "1234567",
    "0012345",
    "Sortie",
    "X1234",
];

/// A label of up to three words of a small vocabulary, so that words and
/// cheque numbers are often shared.
fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..4).prop_map(|w| w.join(" "))
}

/// (day, amount, text), amounts from a small set to force collisions.
fn raw(amounts: &'static [i64], days: i64) -> impl Strategy<Value = (i64, i64, String)> {
    (0..days, prop::sample::select(amounts), text())
}

fn lines_of(raw: &[(i64, i64, String)]) -> Vec<BankItem> {
    raw.iter()
        .enumerate()
        .map(|(i, (d, cents, text))| BankItem {
            id: i as i64 + 1,
            date: day(*d),
            amount: Money::from_cents(*cents),
            text: text.clone(),
        })
        .collect()
}

fn books_of(raw: &[(i64, i64, String)]) -> Vec<BookItem> {
    raw.iter()
        .enumerate()
        .map(|(i, (d, cents, text))| BookItem {
            entry_id: i as i64 + 1001,
            date: day(*d),
            amount: Money::from_cents(*cents),
            text: text.clone(),
        })
        .collect()
}

const FEW: &[i64] = &[500, 800, 1250, -1250];
const ONE: &[i64] = &[500];

/// Lines and entries; `shuffle` is a seed for reordering them.
fn inputs(
    amounts: &'static [i64],
    days: i64,
    max: usize,
) -> impl Strategy<Value = (Vec<BankItem>, Vec<BookItem>, u64)> {
    (
        prop::collection::vec(raw(amounts, days), 0..max),
        prop::collection::vec(raw(amounts, days), 0..max),
        any::<u64>(),
    )
        .prop_map(|(l, b, seed)| (lines_of(&l), books_of(&b), seed))
}

/// A deterministic Fisher–Yates shuffle.
fn shuffled<T: Clone>(items: &[T], mut seed: u64) -> Vec<T> {
    let mut out = items.to_vec();
    for i in (1..out.len()).rev() {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let j = (seed >> 33) as usize % (i + 1);
        out.swap(i, j);
    }
    out
}

fn line_by_id(lines: &[BankItem], id: i64) -> &BankItem {
    lines.iter().find(|l| l.id == id).expect("line")
}

fn book_by_id(books: &[BookItem], id: i64) -> &BookItem {
    books.iter().find(|b| b.entry_id == id).expect("entry")
}

/// One-to-one, candidates only, scores as `score` gives them, unambiguous
/// pairs strictly above every other candidate of their line and entry.
fn check_suggestions(
    lines: &[BankItem],
    books: &[BookItem],
    out: &[Suggestion],
) -> Result<(), TestCaseError> {
    let mut seen_lines = HashSet::new();
    let mut seen_books = HashSet::new();
    for s in out {
        prop_assert!(seen_lines.insert(s.line_id), "line {} twice", s.line_id);
        prop_assert!(seen_books.insert(s.entry_id), "entry {} twice", s.entry_id);
        let line = line_by_id(lines, s.line_id);
        let book = book_by_id(books, s.entry_id);
        prop_assert_eq!(line.amount, book.amount);
        prop_assert!((book.date - line.date).num_days().abs() <= WINDOW_DAYS);
        prop_assert_eq!(score(line, book), Some(s.score));
        if s.unambiguous {
            for other in books.iter().filter(|b| b.entry_id != s.entry_id) {
                if let Some(x) = score(line, other) {
                    prop_assert!(
                        x < s.score,
                        "line {} has {} at {x}",
                        line.id,
                        other.entry_id
                    );
                }
            }
            for other in lines.iter().filter(|l| l.id != s.line_id) {
                if let Some(x) = score(other, book) {
                    prop_assert!(
                        x < s.score,
                        "entry {} has {} at {x}",
                        book.entry_id,
                        other.id
                    );
                }
            }
        }
    }
    Ok(())
}

/// The greedy assignment over every pair, by brute force: best score
/// first, then the oldest line (then its id), then the oldest entry.
fn brute_force(lines: &[BankItem], books: &[BookItem]) -> Vec<Suggestion> {
    let mut pairs = Vec::new();
    for l in lines {
        for b in books {
            if let Some(s) = score(l, b) {
                pairs.push((s, l, b));
            }
        }
    }
    pairs.sort_by(|x, y| {
        y.0.cmp(&x.0)
            .then((x.1.date, x.1.id).cmp(&(y.1.date, y.1.id)))
            .then((x.2.date, x.2.entry_id).cmp(&(y.2.date, y.2.entry_id)))
    });
    let mut used_lines = HashSet::new();
    let mut used_books = HashSet::new();
    let mut out = Vec::new();
    for &(s, l, b) in &pairs {
        if used_lines.contains(&l.id) || used_books.contains(&b.entry_id) {
            continue;
        }
        used_lines.insert(l.id);
        used_books.insert(b.entry_id);
        let others_below = pairs.iter().all(|&(x, ol, ob)| {
            (ol.id == l.id && ob.entry_id == b.entry_id)
                || (ol.id != l.id && ob.entry_id != b.entry_id)
                || x < s
        });
        out.push((
            (l.date, l.id),
            Suggestion {
                line_id: l.id,
                entry_id: b.entry_id,
                score: s,
                unambiguous: others_below,
            },
        ));
    }
    out.sort_by_key(|(k, _)| *k);
    out.into_iter().map(|(_, s)| s).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn suggestions_are_one_to_one_and_do_not_depend_on_the_order(
        (lines, books, seed) in inputs(FEW, 28, 40)
    ) {
        let out = suggest(&lines, &books);
        check_suggestions(&lines, &books, &out)?;
        let again = suggest(&shuffled(&lines, seed), &shuffled(&books, seed ^ 0x5555));
        prop_assert_eq!(&again, &out);
        let mut reversed_lines = lines.clone();
        reversed_lines.reverse();
        let mut reversed_books = books.clone();
        reversed_books.reverse();
        prop_assert_eq!(&suggest(&reversed_lines, &reversed_books), &out);
    }

    #[test]
    fn a_lines_alternatives_are_its_candidates_best_first(
        (lines, books, _seed) in inputs(FEW, 28, 40)
    ) {
        for line in &lines {
            let listed = candidates_for(line, &books);
            let expected = books.iter().filter(|b| score(line, b).is_some()).count();
            prop_assert_eq!(listed.len(), expected);
            for c in &listed {
                prop_assert_eq!(score(line, book_by_id(&books, c.entry_id)), Some(c.score));
            }
            prop_assert!(listed.windows(2).all(|w| w[0].score >= w[1].score));
        }
    }

    #[test]
    fn suggestions_are_the_greedy_choice_over_every_pair(
        (lines, books, _seed) in inputs(FEW, 28, 20)
    ) {
        // At most 20 entries: no window holds more than MAX_CANDIDATES.
        prop_assert!(books.len() <= MAX_CANDIDATES);
        prop_assert_eq!(suggest(&lines, &books), brute_force(&lines, &books));
    }

    #[test]
    fn crowded_amounts_stay_one_to_one_and_unambiguous_means_strictly_best(
        (lines, books, seed) in inputs(ONE, 12, 120)
    ) {
        let out = suggest(&lines, &books);
        check_suggestions(&lines, &books, &out)?;
        prop_assert_eq!(&suggest(&shuffled(&lines, seed), &shuffled(&books, !seed)), &out);
    }

    #[test]
    fn accepting_suggestions_in_any_order_never_pairs_twice(
        (lines, books, seed) in inputs(FEW, 28, 40)
    ) {
        let mut lines = lines;
        let mut books = books;
        let mut paired_lines = HashSet::new();
        let mut paired_books = HashSet::new();
        let mut seed = seed;
        loop {
            let out = suggest(&lines, &books);
            check_suggestions(&lines, &books, &out)?;
            if out.is_empty() {
                break;
            }
            for s in &out {
                prop_assert!(!paired_lines.contains(&s.line_id));
                prop_assert!(!paired_books.contains(&s.entry_id));
            }
            seed = seed.rotate_left(7) ^ 0x9e37_79b9_7f4a_7c15;
            let accepted = &out[(seed % out.len() as u64) as usize];
            paired_lines.insert(accepted.line_id);
            paired_books.insert(accepted.entry_id);
            lines.retain(|l| l.id != accepted.line_id);
            books.retain(|b| b.entry_id != accepted.entry_id);
        }
    }
}

fn pending() -> impl Strategy<Value = Vec<PendingPayment>> {
    prop::collection::vec((0i64..30, 100i64..5_000, 0i64..100), 0..30).prop_map(|raw| {
        raw.into_iter()
            .enumerate()
            .map(|(i, (d, cents, fee))| PendingPayment {
                id: i as i64 + 1,
                date: day(d),
                amount: Money::from_cents(cents),
                fee: Money::from_cents(fee.min(cents)),
            })
            .collect()
    })
}

fn net_cents(p: &PendingPayment) -> i64 {
    p.amount.cents() - p.fee.cents()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn a_proposed_payout_is_a_run_in_date_order_summing_to_the_credit(
        pending in pending(),
        pick in (0usize..30, 0usize..30),
        random_credit in 1i64..20_000,
        use_run in any::<bool>(),
    ) {
        let mut sorted = pending.clone();
        sorted.sort_by_key(|p| (p.date, p.id));
        let nets: Vec<i64> = sorted.iter().map(net_cents).collect();
        let n = nets.len();
        let credit = if n > 0 && use_run {
            let (a, b) = (pick.0 % n, pick.1 % n);
            let (from, to) = (a.min(b), a.max(b) + 1);
            nets[from..to].iter().sum::<i64>()
        } else {
            random_credit
        };
        let got = propose_payout(Money::from_cents(credit), &pending);
        let prefix = (1..=n).find(|&k| nets[..k].iter().sum::<i64>() == credit);
        // Every run summing to the credit, shortest first, then oldest.
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for from in 0..n {
            for to in from + 1..=n {
                if nets[from..to].iter().sum::<i64>() == credit {
                    runs.push((to - from, from));
                }
            }
        }
        runs.sort_unstable();
        match got {
            None => prop_assert!(credit <= 0 || runs.is_empty()),
            Some(ids) => {
                let total: i64 = ids
                    .iter()
                    .map(|id| net_cents(sorted.iter().find(|p| p.id == *id).expect("id")))
                    .sum();
                prop_assert_eq!(total, credit);
                let from = sorted.iter().position(|p| p.id == ids[0]).expect("first");
                let run: Vec<i64> = sorted[from..from + ids.len()].iter().map(|p| p.id).collect();
                prop_assert_eq!(&run, &ids);
                match prefix {
                    Some(k) => prop_assert_eq!(ids.len(), k),
                    None => prop_assert_eq!((ids.len(), from), runs[0]),
                }
            }
        }
    }

    #[test]
    fn card_fee_is_1_8_percent_plus_25_cents_rounded_half_up(cents in 0i64..100_000_000) {
        // Integer: 18 × cents / 1000, up when the remainder is half or more.
        let tenths = cents * 18;
        let rounded = tenths / 1000 + i64::from(tenths % 1000 >= 500);
        prop_assert_eq!(card_fee(Money::from_cents(cents)).cents(), rounded + 25);
        // Decimal: the same, written as the rate reads.
        let euros = Decimal::new(cents, 2) * Decimal::new(18, 3);
        let fee = euros.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            + Decimal::new(25, 2);
        prop_assert_eq!(
            card_fee(Money::from_cents(cents)).cents(),
            (fee * Decimal::ONE_HUNDRED).to_i64().expect("cents")
        );
    }

    #[test]
    fn gross_minus_fees_is_net_for_any_payments(
        raw in prop::collection::vec((1i64..1_000_000, any::<bool>()), 0..60)
    ) {
        // Fees at today's rate, or none when the parents tipped.
        let payments: Vec<(Money, Money)> = raw
            .iter()
            .map(|&(cents, tipped)| {
                let amount = Money::from_cents(cents);
                (amount, if tipped { Money::ZERO } else { card_fee(amount) })
            })
            .collect();
        let (gross, fees, net) = payout_totals(&payments);
        prop_assert_eq!(gross - fees, net);
        prop_assert_eq!(gross.cents(), raw.iter().map(|r| r.0).sum::<i64>());
        prop_assert_eq!(fees.cents(), payments.iter().map(|p| p.1.cents()).sum::<i64>());
        prop_assert_eq!(
            net.cents(),
            payments.iter().map(|p| p.0.cents() - p.1.cents()).sum::<i64>()
        );
    }
}
