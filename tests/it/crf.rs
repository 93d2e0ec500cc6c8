//! The compte rendu financier: the demo year's figures against sums made
//! here from the entries (not from the store's SQL), opening + result =
//! closing on random ledgers, and the `crf` command's lines.

use crate::support::cli::Sandbox;
use crate::support::participations::{EX, book as coop_with_pupils};
use crate::support::{self, clock};
use coopcompta::book::Book;
use coopcompta::book::demo::{DEMO_EXERCICE, load_demo};
use coopcompta::domain::crf::Crf;
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::participation::{RegieKind, RegieRequest};
use coopcompta::domain::{AccountKind, Entry, EntryKind, Money, MoneyKey};
use coopcompta::store;
use proptest::prelude::*;
use std::collections::HashMap;

fn demo() -> Book {
    load_demo(store::open_in_memory().unwrap(), clock()).unwrap()
}

/// Receipts, expenses, transfers in and out of one money account, from
/// whole entries: a virement or a régie's advance or return (an entry
/// whose other lines are all on 467) is a transfer; a recette brings money
/// in, a dépense takes it out; a reversal goes back where the entry it
/// cancels went.
fn flows_from_entries(entries: &[Entry], code: &str) -> [Money; 4] {
    let mut out = [Money::ZERO; 4];
    for e in entries.iter().filter(|e| e.kind != EntryKind::Ouverture) {
        let amount = e.amount_on(code);
        if amount.is_zero() {
            continue;
        }
        let regie = e
            .lines
            .iter()
            .filter(|l| l.account_code != code)
            .all(|l| l.account_code.starts_with("467"));
        let inward = amount.is_positive() != e.reverses.is_some();
        if e.kind == EntryKind::Virement || regie {
            if inward {
                out[2] += amount;
            } else {
                out[3] -= amount;
            }
        } else if e.kind == EntryKind::Recette {
            out[0] += amount;
        } else {
            out[1] -= amount;
        }
    }
    out
}

/// Checks every figure of `crf` against the entries of the book.
fn check_against_entries(book: &Book, crf: &Crf) {
    let entries = book.entries(crf.exercice).unwrap();
    let chart = book.chart();
    let kind_of = |code: &str| chart.iter().find(|a| a.code == code).map(|a| a.kind);
    // Compte de fonctionnement, category by category.
    let mut categories: HashMap<String, Money> = HashMap::new();
    let sum_of = |code: &str| -> Money {
        entries
            .iter()
            .filter(|e| e.kind != EntryKind::Ouverture)
            .map(|e| e.amount_on(code))
            .sum()
    };
    for account in chart {
        match account.kind {
            AccountKind::Charge => {
                categories.insert(account.code.clone(), sum_of(&account.code));
            }
            AccountKind::Produit => {
                categories.insert(account.code.clone(), -sum_of(&account.code));
            }
            _ => {}
        }
    }
    let mut listed = HashMap::new();
    for h in crf.charges.iter().chain(&crf.produits) {
        assert_eq!(h.total, h.lines.iter().map(|l| l.amount).sum::<Money>());
        for l in &h.lines {
            assert!(!l.amount.is_zero(), "{} listed with 0", l.code);
            listed.insert(l.code.clone(), l.amount);
        }
    }
    categories.retain(|_, m| !m.is_zero());
    assert_eq!(
        listed, categories,
        "categories of the compte de fonctionnement"
    );
    let total = |kind: AccountKind| -> Money {
        categories
            .iter()
            .filter(|(code, _)| kind_of(code) == Some(kind))
            .map(|(_, m)| *m)
            .sum()
    };
    assert_eq!(crf.total_charges, total(AccountKind::Charge));
    assert_eq!(crf.total_produits, total(AccountKind::Produit));
    // Money accounts.
    let balances: HashMap<MoneyKey, Money> = book
        .balances(crf.exercice, None)
        .unwrap()
        .into_iter()
        .collect();
    for a in &crf.accounts {
        let opening: Money = entries
            .iter()
            .filter(|e| e.kind == EntryKind::Ouverture)
            .map(|e| e.amount_on(&a.code))
            .sum();
        assert_eq!(a.opening, opening, "opening of {}", a.code);
        assert_eq!(a.closing, balances[&a.key], "closing of {}", a.code);
        let [receipts, expenses, tin, tout] = flows_from_entries(&entries, &a.code);
        assert_eq!(
            [a.receipts, a.expenses, a.transfers_in, a.transfers_out],
            [receipts, expenses, tin, tout],
            "flows of {}",
            a.code
        );
        assert_eq!(
            a.opening + a.receipts - a.expenses + a.transfers_in - a.transfers_out,
            a.closing
        );
    }
    for (key, amount) in &balances {
        if crf.account(*key).is_none() {
            assert!(amount.is_zero(), "{key} left out with {amount}");
        }
    }
    // Régies and the OCCE advance.
    let all = |prefix: &str| -> Money {
        entries
            .iter()
            .flat_map(|e| &e.lines)
            .filter(|l| l.account_code.starts_with(prefix))
            .map(|l| l.amount)
            .sum()
    };
    assert_eq!(crf.regies_closing, all("467"));
    assert_eq!(crf.occe_owed_closing, -all("1680"));
    // Months: the compte de fonctionnement month by month.
    assert_eq!(crf.months.len(), 12);
    assert_eq!(
        crf.months.iter().map(|m| m.receipts).sum::<Money>(),
        crf.total_produits
    );
    assert_eq!(
        crf.months.iter().map(|m| m.expenses).sum::<Money>(),
        crf.total_charges
    );
    assert_eq!(
        crf.months[11].balance,
        balances.values().copied().sum::<Money>()
    );
    assert!(crf.balanced(), "opening + result = closing");
}

#[test]
fn the_demo_year_crf_matches_the_entries() {
    let book = demo();
    let crf = book.crf(DEMO_EXERCICE).unwrap();
    check_against_entries(&book, &crf);
    assert!(!crf.charges.is_empty() && !crf.produits.is_empty());
    // The CM2 régie: 30,00 € given, 18,40 € spent.
    assert_eq!(crf.regies_closing, Money::from_cents(1_160));
    // The 30,00 € advanced from the Caisse is the gap between the
    // transfers sent and received, and the CRF says so.
    assert_eq!(crf.regies_advanced, Money::from_cents(3_000));
    assert_eq!(
        crf.regies_transfers_note().as_deref(),
        Some("Virements émis : dont 30,00 € avancés aux régies (467), hors comptes ci-dessus")
    );
    assert_eq!(crf.regies_opening, Money::ZERO);
    let caisse = crf.account(MoneyKey::Caisse).unwrap();
    assert!(caisse.transfers_out >= Money::from_cents(3_000));
    // The cheque of the Girard family to give back.
    assert_eq!(crf.cheques_out.len(), 1);
    assert_eq!(crf.cheques_out[0].payer, "M. et Mme Girard");
    assert!(crf.cheques_out[0].pupil.contains("Chloé"));
    assert_eq!(crf.cheques_out[0].amount, Money::from_cents(800));
    // The Compte Pro statement pointed at 31 August; every entry listed as
    // not on the statement is unmatched.
    let pro = crf
        .banks
        .iter()
        .find(|b| b.account == MoneyKey::Pro)
        .unwrap();
    assert_eq!(pro.statement, Some(Money::from_cents(209_226)));
    assert_eq!(pro.books, crf.account(MoneyKey::Pro).unwrap().closing);
    let matched: i64 = book
        .conn()
        .query_row("SELECT count(*) FROM bank_match", [], |r| r.get(0))
        .unwrap();
    assert!(matched > 0);
    // Only the August account fees are not on the statement yet.
    let pending: Vec<(&str, i64)> = pro
        .not_on_statement
        .iter()
        .map(|l| (l.piece.as_str(), l.amount.cents()))
        .collect();
    assert_eq!(pending, [("D052", -200)]);
    for line in &pro.not_on_statement {
        let n: i64 = book
            .conn()
            .query_row(
                "SELECT count(*) FROM bank_match m JOIN entry e ON e.id = m.entry_id
                 WHERE e.piece = ?1 AND e.exercice = 2024",
                [&line.piece],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "{} is matched", line.piece);
    }
    // Subsidies are the 74x produits, named by their grantor.
    let subsidies: Vec<(&str, &str, i64)> = crf
        .subsidies
        .iter()
        .map(|s| (s.code.as_str(), s.grantor.as_str(), s.amount.cents()))
        .collect();
    assert_eq!(
        subsidies,
        [
            ("7442", "Subvention du département", 24_000),
            ("7443", "Subvention de la commune", 90_000),
        ]
    );
    // No cash count in the demo yet.
    assert_eq!(crf.last_cash_count, None);
}

#[test]
fn a_cash_count_row_is_read_back_with_its_notes_and_coins() {
    let book = demo();
    book.conn()
        .execute(
            "INSERT INTO cash_count (exercice, date, counted_by, detail, counted_cents, books_cents, created_at)
             VALUES (2024, '2025-08-29', 'Mme Roux', '2000x2 50x3', 4150, 4200, 'x'),
                    (2024, '2025-06-30', '', '1000x1', 1000, 1000, 'x')",
            [],
        )
        .unwrap();
    let crf = book.crf(DEMO_EXERCICE).unwrap();
    let count = crf.last_cash_count.unwrap();
    assert_eq!(count.counted_by, "Mme Roux");
    assert_eq!(count.counts.len(), 2);
    assert_eq!(count.counts[1].cents, 50);
    assert_eq!(count.counts[1].count, 3);
    assert_eq!(count.difference(), Money::from_cents(-50));
}

#[test]
fn a_cancelled_entry_and_its_reversal_leave_nothing() {
    let mut book = coop_with_pupils();
    let before = book.crf(EX).unwrap();
    let id = book
        .add_entry(&EntryRequest {
            splits: vec![SplitInput {
                code: "606".into(),
                amount: String::new(),
            }],
            label: "Feutres".into(),
            amount: "12,50".into(),
            ..EntryRequest::blank(EntryKind::Depense, MoneyKey::Pro, "10/10/2024", "")
        })
        .unwrap();
    book.cancel_entry(id).unwrap();
    let after = book.crf(EX).unwrap();
    assert_eq!(after.charges, before.charges);
    assert_eq!(after.total_charges, Money::ZERO);
    let pro = after.account(MoneyKey::Pro).unwrap();
    assert_eq!(pro.expenses, Money::ZERO);
    assert_eq!(pro.closing, pro.opening);
    assert!(after.balanced());
}

/// One random operation on a coop.
#[derive(Debug, Clone)]
enum Op {
    Recette(usize, i64, usize),
    Depense(usize, i64, usize),
    Virement(usize, usize, i64),
    Cancel(usize),
    Regie(usize, i64),
    OcceAdvance(i64),
}

const ACCOUNTS: [MoneyKey; 4] = [
    MoneyKey::Caisse,
    MoneyKey::Pro,
    MoneyKey::EnLigne,
    MoneyKey::Lbp,
];
const PRODUITS: [&str; 3] = ["75620008", "7443", "7062"];
const CHARGES: [&str; 3] = ["606", "6251", "62810008"];

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..4usize, 1..50_000i64, 0..3usize).prop_map(|(a, c, k)| Op::Recette(a, c, k)),
        (0..4usize, 1..50_000i64, 0..3usize).prop_map(|(a, c, k)| Op::Depense(a, c, k)),
        (0..4usize, 0..4usize, 1..50_000i64).prop_map(|(a, b, c)| Op::Virement(a, b, c)),
        (0..64usize).prop_map(Op::Cancel),
        (0..3usize, 1..5_000i64).prop_map(|(k, c)| Op::Regie(k, c)),
        (1..100_000i64).prop_map(Op::OcceAdvance),
    ]
}

fn date(i: usize) -> String {
    let day = chrono::NaiveDate::from_ymd_opt(2024, 9, 2).unwrap()
        + chrono::Duration::days((i % 360) as i64);
    day.format("%d/%m/%Y").to_string()
}

fn entry(kind: EntryKind, account: MoneyKey, cents: i64, code: &str, i: usize) -> EntryRequest {
    EntryRequest {
        splits: vec![SplitInput {
            code: code.into(),
            amount: String::new(),
        }],
        label: format!("opération {i}"),
        amount: Money::from_cents(cents).fr_plain(),
        ..EntryRequest::blank(kind, account, &date(i), "")
    }
}

fn apply(book: &mut Book, ops: &[Op]) {
    let mut ids = Vec::new();
    let class = support::participations::class_id(book, "CE1-B");
    for (i, op) in ops.iter().enumerate() {
        // A refused operation (a Caisse below zero, a mode the account does
        // not take…) writes nothing: the next one goes on.
        let done = match op {
            Op::Recette(a, c, k) => book.add_entry(&entry(
                EntryKind::Recette,
                ACCOUNTS[*a],
                *c,
                PRODUITS[*k],
                i,
            )),
            Op::Depense(a, c, k) => {
                book.add_entry(&entry(EntryKind::Depense, ACCOUNTS[*a], *c, CHARGES[*k], i))
            }
            Op::Virement(a, b, c) => book.add_transfer(&TransferRequest {
                date: date(i),
                from: ACCOUNTS[*a],
                to: ACCOUNTS[*b],
                amount: Money::from_cents(*c).fr_plain(),
                label: format!("virement {i}"),
                piece: String::new(),
            }),
            Op::Cancel(n) if !ids.is_empty() => {
                let id = ids[n % ids.len()];
                book.cancel_entry(id)
            }
            Op::Cancel(_) => continue,
            Op::Regie(k, c) => book.record_regie(&RegieRequest {
                class_id: class,
                kind: [RegieKind::Avance, RegieKind::Depense, RegieKind::Retour][*k],
                date: date(i),
                amount: Money::from_cents(*c).fr_plain(),
                receipt_no: "1".into(),
                label: "achat".into(),
                category: "606".into(),
                piece: String::new(),
            }),
            Op::OcceAdvance(c) => {
                book.add_entry(&entry(EntryKind::Recette, MoneyKey::Pro, *c, "1680", i))
            }
        };
        if let Ok(id) = done {
            ids.push(id);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn opening_plus_result_is_closing_on_any_ledger(ops in prop::collection::vec(op(), 1..40)) {
        let mut book = coop_with_pupils();
        apply(&mut book, &ops);
        let crf = book.crf(EX).unwrap();
        prop_assert!(crf.balanced(), "{:?}", crf);
        check_against_entries(&book, &crf);
        // The transfers sent and received differ by the régies' part only.
        let sent: Money = crf.accounts.iter().map(|a| a.transfers_out).sum();
        let received: Money = crf.accounts.iter().map(|a| a.transfers_in).sum();
        prop_assert_eq!(sent - received, crf.regies_advanced);
    }
}

#[test]
fn the_crf_command_prints_totals_and_each_account() {
    let s = Sandbox::empty();
    s.ok(&["demo", "--no-tui"]);
    let printed = s.ok(&["crf"]);
    let lines: Vec<(&str, &str)> = printed
        .lines()
        .map(|l| l.split_once('\t').expect("key<TAB>value"))
        .collect();
    let keys: Vec<&str> = lines.iter().map(|(k, _)| *k).collect();
    assert_eq!(
        keys,
        [
            "charges",
            "produits",
            "resultat",
            "opening:caisse",
            "opening:pro",
            "opening:en-ligne",
            "opening:lbp",
            "closing:caisse",
            "closing:pro",
            "closing:en-ligne",
            "closing:lbp",
        ]
    );
    let value = |key: &str| -> Money {
        let text = lines.iter().find(|(k, _)| *k == key).unwrap().1;
        Money::parse(text).unwrap()
    };
    assert_eq!(value("resultat"), value("produits") - value("charges"));
    // The closings are what `balance` prints.
    for line in s.ok(&["balance"]).lines() {
        let (key, amount) = line.split_once('\t').unwrap();
        assert_eq!(
            value(&format!("closing:{key}")),
            Money::parse(amount).unwrap()
        );
    }
    let book = demo();
    let crf = book.crf(DEMO_EXERCICE).unwrap();
    assert_eq!(value("charges"), crf.total_charges);
    assert_eq!(lines[0].1, crf.total_charges.std());
}

#[test]
fn the_crf_of_an_unknown_exercice_is_refused() {
    let s = Sandbox::lilas("10");
    let err = s.fails(&["crf", "--exercice", "2019-2020"]);
    assert_eq!(
        err.trim(),
        "coopcompta : Exercice : « 2019-2020 » n'est pas dans la base : exercice présent : 2024-2025"
    );
}
