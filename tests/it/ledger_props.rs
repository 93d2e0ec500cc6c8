//! Property tests of the books: random recettes, dépenses (split 1 to 3 ways),
//! virements and cancellations recorded through `Book` on an in-memory
//! database; the balances must always equal what the operations say, whatever
//! the order they were recorded in.

use crate::support::{clock, new_coop};
use chrono::Duration;
use coopcompta::book::Book;
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::ledger::ledger_rows;
use coopcompta::domain::{
    AccountKind, EntryKind, Exercice, Money, MoneyKey, PaymentMode, format_date,
};
use coopcompta::io::import::chart::default_chart;
use coopcompta::store::{self, StoreError};
use proptest::prelude::*;
use proptest::sample::Index;

const EXERCICE: Exercice = Exercice { start_year: 2024 };

fn codes(kind: AccountKind) -> Vec<String> {
    default_chart()
        .into_iter()
        .filter(|r| r.kind == kind)
        .map(|r| r.code)
        .collect()
}

fn slot(key: MoneyKey) -> usize {
    MoneyKey::ALL.iter().position(|k| *k == key).unwrap()
}

/// One thing the user does.
#[derive(Debug, Clone)]
enum Op {
    /// A recette or dépense: parts are (category index, cents).
    Entry {
        receipt: bool,
        account: MoneyKey,
        day: i64,
        parts: Vec<(Index, i64)>,
        /// With one part: leave its amount empty (it takes the whole amount).
        implicit_single: bool,
        iso_date: bool,
    },
    Transfer {
        from: MoneyKey,
        to: MoneyKey,
        day: i64,
        cents: i64,
    },
    /// Cancel one of the operations recorded so far (maybe one already cancelled).
    Cancel(Index),
}

fn money_key() -> impl Strategy<Value = MoneyKey> {
    prop::sample::select(MoneyKey::ALL.to_vec())
}

fn op() -> impl Strategy<Value = Op> {
    let entry = (
        any::<bool>(),
        money_key(),
        0i64..365,
        prop::collection::vec((any::<Index>(), 1i64..200_000), 1..=3),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(receipt, account, day, parts, implicit_single, iso_date)| Op::Entry {
                receipt,
                account,
                day,
                parts,
                implicit_single,
                iso_date,
            },
        );
    let transfer =
        (money_key(), 1usize..4, 0i64..365, 1i64..500_000).prop_map(|(from, shift, day, cents)| {
            let to = MoneyKey::ALL[(slot(from) + shift) % 4];
            Op::Transfer {
                from,
                to,
                day,
                cents,
            }
        });
    prop_oneof![5 => entry, 2 => transfer, 2 => any::<Index>().prop_map(Op::Cancel)]
}

/// Openings: the caisse cannot be negative, the banks may be. The caisse
/// starts high enough that no sequence of operations here empties it (the
/// refusal of a negative caisse has its own test in tests/book.rs).
fn openings() -> impl Strategy<Value = [i64; 4]> {
    (
        100_000_000i64..200_000_000,
        -100_000i64..3_000_000,
        prop_oneof![Just(0i64), 0i64..50_000],
        prop_oneof![Just(0i64), -5_000i64..500_000],
    )
        .prop_map(|(a, b, c, d)| [a, b, c, d])
}

fn new_book(opening: [i64; 4]) -> Book {
    let openings: Vec<(MoneyKey, i64)> = MoneyKey::ALL.into_iter().zip(opening).collect();
    new_coop(
        store::open_in_memory().unwrap(),
        "Coopérative de test",
        EXERCICE,
        &openings,
        clock(),
    )
}

fn date_text(day: i64, iso: bool) -> String {
    let date = EXERCICE.first_day() + Duration::days(day);
    if iso {
        date.to_string()
    } else {
        format_date(date)
    }
}

fn balances(book: &Book) -> [i64; 4] {
    let mut out = [0; 4];
    for (key, amount) in book.balances(EXERCICE, None).unwrap() {
        out[slot(key)] = amount.cents();
    }
    out
}

/// An operation recorded in a book, with its effect on the money accounts as
/// the test computes it (not read back from the book).
#[derive(Debug, Clone)]
struct Recorded {
    op: Op,
    id: i64,
    effect: [i64; 4],
    cancelled: bool,
}

/// Records a recette, dépense or virement; returns its id and its effect.
fn record(book: &mut Book, op: &Op, charges: &[String], produits: &[String]) -> (i64, [i64; 4]) {
    let mut effect = [0i64; 4];
    match op {
        Op::Entry {
            receipt,
            account,
            day,
            parts,
            implicit_single,
            iso_date,
        } => {
            let total: i64 = parts.iter().map(|(_, c)| c).sum();
            let codes = if *receipt { produits } else { charges };
            let splits = parts
                .iter()
                .map(|(index, cents)| SplitInput {
                    code: codes[index.index(codes.len())].clone(),
                    amount: if parts.len() == 1 && *implicit_single {
                        String::new()
                    } else {
                        Money::from_cents(*cents).fr_plain()
                    },
                })
                .collect();
            let request = EntryRequest {
                date: date_text(*day, *iso_date),
                kind: if *receipt {
                    EntryKind::Recette
                } else {
                    EntryKind::Depense
                },
                account: *account,
                amount: if *iso_date {
                    Money::from_cents(total).std()
                } else {
                    Money::from_cents(total).fr()
                },
                label: "opération de test".into(),
                mode: Some(PaymentMode::default_for(*account)),
                splits,
                piece: String::new(),
                cheque_no: String::new(),
            };
            let id = book
                .add_entry(&request)
                .unwrap_or_else(|e| panic!("{request:?} refused: {e}"));
            effect[slot(*account)] = if *receipt { total } else { -total };
            (id, effect)
        }
        Op::Transfer {
            from,
            to,
            day,
            cents,
        } => {
            let request = TransferRequest {
                date: date_text(*day, false),
                from: *from,
                to: *to,
                amount: Money::from_cents(*cents).fr_plain(),
                label: "virement de test".into(),
                piece: String::new(),
            };
            let id = book
                .add_transfer(&request)
                .unwrap_or_else(|e| panic!("{request:?} refused: {e}"));
            effect[slot(*from)] -= cents;
            effect[slot(*to)] += cents;
            (id, effect)
        }
        Op::Cancel(_) => unreachable!("cancellations are handled by the caller"),
    }
}

fn cancel(book: &mut Book, target: &mut Recorded) -> Result<(), TestCaseError> {
    let before = balances(book);
    let original = book.entry(target.id).unwrap().unwrap();
    if target.cancelled {
        match book.cancel_entry(target.id) {
            Err(StoreError::Refused(message)) => {
                prop_assert_eq!(
                    message,
                    format!("{} est annulée : elle ne peut plus changer", original.piece)
                );
            }
            other => prop_assert!(
                false,
                "second cancellation of {} gave {:?}",
                original.piece,
                other
            ),
        }
        prop_assert_eq!(balances(book), before);
        return Ok(());
    }
    let rid = book.cancel_entry(target.id).unwrap();
    target.cancelled = true;
    let after = balances(book);
    for i in 0..4 {
        prop_assert_eq!(
            after[i],
            before[i] - target.effect[i],
            "account {:?}",
            MoneyKey::ALL[i]
        );
    }
    let reversal = book.entry(rid).unwrap().unwrap();
    prop_assert_eq!(reversal.reverses, Some(target.id));
    prop_assert_eq!(
        book.entry(target.id).unwrap().unwrap().reversed_by,
        Some(rid)
    );
    prop_assert_eq!(reversal.lines.len(), original.lines.len());
    for (r, o) in reversal.lines.iter().zip(&original.lines) {
        prop_assert_eq!(&r.account_code, &o.account_code);
        prop_assert_eq!(r.amount, -o.amount);
    }
    Ok(())
}

/// Runs `ops` on a fresh book; checks each cancellation as it goes.
fn run(opening: [i64; 4], ops: &[Op]) -> Result<(Book, Vec<Recorded>), TestCaseError> {
    let (charges, produits) = (codes(AccountKind::Charge), codes(AccountKind::Produit));
    let mut book = new_book(opening);
    let mut recorded: Vec<Recorded> = Vec::new();
    for op in ops {
        match op {
            Op::Cancel(index) => {
                if recorded.is_empty() {
                    continue;
                }
                let at = index.index(recorded.len());
                cancel(&mut book, &mut recorded[at])?;
            }
            _ => {
                let (id, effect) = record(&mut book, op, &charges, &produits);
                recorded.push(Recorded {
                    op: op.clone(),
                    id,
                    effect,
                    cancelled: false,
                });
            }
        }
    }
    Ok((book, recorded))
}

/// What the balances must be: openings plus the operations not cancelled.
fn expected(opening: [i64; 4], recorded: &[Recorded]) -> [i64; 4] {
    let mut out = opening;
    for r in recorded.iter().filter(|r| !r.cancelled) {
        for (slot, amount) in out.iter_mut().zip(r.effect) {
            *slot += amount;
        }
    }
    out
}

fn check_book(book: &Book, want: [i64; 4]) -> Result<(), TestCaseError> {
    prop_assert_eq!(balances(book), want);
    let entries = book.entries(EXERCICE).unwrap();
    for entry in &entries {
        let sum: Money = entry.lines.iter().map(|l| l.amount).sum();
        prop_assert!(
            sum.is_zero(),
            "{} does not balance: {:?}",
            entry.piece,
            entry.lines
        );
        prop_assert!(
            entry.lines.len() >= 2,
            "{} has {} line(s)",
            entry.piece,
            entry.lines.len()
        );
    }
    for key in MoneyKey::ALL {
        let account = book.account(key).unwrap();
        let rows = ledger_rows(&entries, account, book.chart());
        let last = rows.last().map_or(Money::ZERO, |r| r.balance);
        prop_assert_eq!(last.cents(), want[slot(key)], "ledger of {:?}", key);
        let summed: Money = rows.iter().map(|r| r.amount).sum();
        prop_assert_eq!(summed, last);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(32))]

    #[test]
    fn balances_are_openings_plus_operations(
        opening in openings(),
        ops in prop::collection::vec(op(), 0..30),
    ) {
        let (book, recorded) = run(opening, &ops)?;
        check_book(&book, expected(opening, &recorded))?;
    }

    #[test]
    fn balances_do_not_depend_on_the_order_of_recording(
        opening in openings(),
        ops in prop::collection::vec(op(), 1..25),
        keys in prop::collection::vec(any::<u32>(), 25),
    ) {
        let (book, recorded) = run(opening, &ops)?;
        let want = expected(opening, &recorded);
        check_book(&book, want)?;

        // The same operations in another order, then the same cancellations.
        let mut order: Vec<usize> = (0..recorded.len()).collect();
        order.sort_by_key(|&i| (keys[i % keys.len()], i));
        let reordered: Vec<Op> = order.iter().map(|&i| recorded[i].op.clone()).collect();
        let (mut other, mut again) = run(opening, &reordered)?;
        for (position, &i) in order.iter().enumerate().rev() {
            if recorded[i].cancelled {
                cancel(&mut other, &mut again[position])?;
            }
        }
        check_book(&other, want)?;
        prop_assert_eq!(balances(&other), balances(&book));
    }
}
