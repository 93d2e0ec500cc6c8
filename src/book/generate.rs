//! A synthetic exercice of any size (recettes, split recettes, dépenses,
//! virements over the four money accounts), for benchmarks and load tests.
//! It keeps the rules `check` checks: in particular the Caisse never goes
//! below zero (cash the Caisse does not hold is paid from the Compte Pro).

use super::{Clock, SetupRequest, create_book};
use crate::domain::entry_request::{
    EntryRequest, SplitInput, TransferRequest, build_entry, build_transfer,
};
use crate::domain::{EntryKind, Exercice, Money, MoneyKey};
use crate::io::import::chart::default_chart;
use crate::store::{self, Result};
use chrono::{Duration, NaiveDate};
use std::path::Path;

/// The fixed instant of generated books.
pub fn clock() -> Clock {
    Clock::Fixed(
        NaiveDate::from_ymd_opt(2025, 3, 15)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date"),
    )
}

/// Writes an exercice of `count` entries (recettes, dépenses, some split,
/// virements) into a new database at `path`, in one transaction.
pub fn generate(path: &Path, count: usize) -> Result<()> {
    let conn = store::open(path)?;
    let opening_caisse = Money::from_cents(12_050);
    let request = SetupRequest {
        coop_name: "Coopérative de banc d'essai".into(),
        exercice: Exercice::new(2024),
        openings: vec![
            (MoneyKey::Caisse, opening_caisse),
            (MoneyKey::Lbp, Money::from_cents(184_320)),
        ],
    };
    let book = create_book(conn, &request, &default_chart(), clock())?;
    let chart = book.chart().to_vec();
    drop(book);
    let mut conn = store::open(path)?;
    let tx = conn.transaction()?;
    let exercice = Exercice::new(2024);
    let caisse_code = chart
        .iter()
        .find(|a| a.money_key == Some(MoneyKey::Caisse))
        .map(|a| a.code.clone())
        .unwrap_or_default();
    let start = exercice.first_day();
    let accounts = [
        MoneyKey::Caisse,
        MoneyKey::Pro,
        MoneyKey::EnLigne,
        MoneyKey::Lbp,
    ];
    let (mut r, mut d, mut v) = (0, 0, 0);
    // The Caisse after each entry, in date order (the dates never go back).
    let mut caisse = opening_caisse;
    for i in 0..count {
        let date = (start + Duration::days((i * 365 / count) as i64))
            .format("%d/%m/%Y")
            .to_string();
        let cents = 100 + (i as i64 * 7919) % 50_000;
        let takes_cash = i % 10 == 0 || i % 10 >= 6;
        let short_of_cash = caisse < Money::from_cents(cents);
        let account = match accounts[i % 4] {
            MoneyKey::Caisse if takes_cash && short_of_cash => MoneyKey::Pro,
            other => other,
        };
        let amount = Money::from_cents(cents).fr_plain();
        let entry = match i % 10 {
            0 => {
                v += 1;
                let request = TransferRequest {
                    date,
                    from: account,
                    to: match (account, accounts[(i + 1) % 4]) {
                        // A virement meant to leave a short Caisse fills it instead.
                        (MoneyKey::Pro, MoneyKey::Pro) => MoneyKey::Caisse,
                        (_, to) => to,
                    },
                    amount,
                    label: format!("Virement interne {i}"),
                    piece: format!("V{v:06}"),
                };
                build_transfer(&request, &chart, exercice)
            }
            1..=5 => {
                r += 1;
                let splits = if i % 3 == 0 {
                    let part = Money::from_cents(cents / 2);
                    vec![
                        SplitInput {
                            code: "75620008".into(),
                            amount: part.fr_plain(),
                        },
                        SplitInput {
                            code: "7070".into(),
                            amount: (Money::from_cents(cents) - part).fr_plain(),
                        },
                    ]
                } else {
                    vec![SplitInput {
                        code: "75620008".into(),
                        amount: String::new(),
                    }]
                };
                let request = EntryRequest {
                    splits,
                    piece: format!("R{r:06}"),
                    label: format!("Participation famille n° {i}"),
                    amount,
                    ..EntryRequest::blank(EntryKind::Recette, account, &date, "")
                };
                build_entry(&request, &chart, exercice)
            }
            _ => {
                d += 1;
                let request = EntryRequest {
                    splits: vec![SplitInput {
                        code: "606".into(),
                        amount: String::new(),
                    }],
                    piece: format!("D{d:06}"),
                    label: format!("Fournitures, facture {i}"),
                    amount,
                    ..EntryRequest::blank(EntryKind::Depense, account, &date, "")
                };
                build_entry(&request, &chart, exercice)
            }
        }?;
        caisse += entry
            .lines()
            .iter()
            .filter(|l| l.account_code == caisse_code)
            .map(|l| l.amount)
            .sum::<Money>();
        store::entries::insert(&tx, exercice, &entry, "2025-03-15T10:00:00")?;
    }
    tx.commit()?;
    Ok(())
}

/// Writes an exercice of `count` recettes and dépenses all on the Compte
/// Pro (the reconciliation benchmark): amounts repeat as real ones do
/// (many 5,00 €, 8,00 €, 12,50 €), dates spread over the year.
pub fn generate_compte_pro(path: &Path, count: usize) -> Result<()> {
    let conn = store::open(path)?;
    let request = SetupRequest {
        coop_name: "Coopérative de banc d'essai".into(),
        exercice: Exercice::new(2024),
        openings: vec![(MoneyKey::Pro, Money::from_cents(100_000_000))],
    };
    let book = create_book(conn, &request, &default_chart(), clock())?;
    let chart = book.chart().to_vec();
    drop(book);
    let mut conn = store::open(path)?;
    let tx = conn.transaction()?;
    let exercice = Exercice::new(2024);
    let start = exercice.first_day();
    for i in 0..count {
        let date = (start + Duration::days((i * 365 / count) as i64))
            .format("%d/%m/%Y")
            .to_string();
        let (kind, code, piece) = if i % 3 == 0 {
            (EntryKind::Recette, "75620008", format!("R{i:06}"))
        } else {
            (EntryKind::Depense, "606", format!("D{i:06}"))
        };
        let request = EntryRequest {
            splits: vec![SplitInput {
                code: code.into(),
                amount: String::new(),
            }],
            piece,
            label: format!("Opération n° {i}"),
            amount: Money::from_cents(bench_cents(i)).fr_plain(),
            mode: Some(crate::domain::PaymentMode::Virement),
            ..EntryRequest::blank(kind, MoneyKey::Pro, &date, "")
        };
        let entry = build_entry(&request, &chart, exercice)?;
        store::entries::insert(&tx, exercice, &entry, "2025-03-15T10:00:00")?;
    }
    tx.commit()?;
    Ok(())
}

/// The amount of the `i`-th generated Compte Pro entry, in cents: one in
/// two is one of a few usual small amounts, the others vary.
pub fn bench_cents(i: usize) -> i64 {
    const USUAL: [i64; 4] = [500, 800, 1250, 2000];
    if i.is_multiple_of(2) {
        USUAL[(i / 2) % USUAL.len()]
    } else {
        100 + (i as i64 * 7919) % 50_000
    }
}
