//! Benchmarks on a generated exercice of 100,000 entries (the targets
//! on a 2-core machine: open + first frame < 100 ms, one frame < 5 ms, export
//! ledger < 300 ms). Run with `cargo bench`.

use chrono::{Duration, NaiveDate};
use coopcompta::book::{Book, Clock, SetupRequest, create_book};
use coopcompta::domain::entry_request::{
    EntryRequest, SplitInput, TransferRequest, build_entry, build_transfer,
};
use coopcompta::domain::{EntryKind, Exercice, Money, MoneyKey, ledger};
use coopcompta::io::chart_csv::default_chart;
use coopcompta::io::export::{CsvFormat, write_ledger};
use coopcompta::store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

const ENTRIES: usize = 100_000;

fn clock() -> Clock {
    Clock::Fixed(
        NaiveDate::from_ymd_opt(2025, 3, 15)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date"),
    )
}

/// Writes an exercice of `count` entries (recettes, dépenses, some split,
/// virements) into a new database at `path`, in one transaction.
fn generate(path: &Path, count: usize) {
    let conn = store::open(path).expect("open");
    let request = SetupRequest {
        coop_name: "Coopérative de banc d'essai".into(),
        exercice: Exercice::new(2024),
        openings: vec![
            (MoneyKey::Caisse, Money::from_cents(12_050)),
            (MoneyKey::Lbp, Money::from_cents(184_320)),
        ],
    };
    let book = create_book(conn, &request, &default_chart(), clock()).expect("create");
    let chart = book.chart().to_vec();
    drop(book);
    let mut conn = store::open(path).expect("reopen");
    let tx = conn.transaction().expect("tx");
    let exercice = Exercice::new(2024);
    let start = exercice.first_day();
    let accounts = [
        MoneyKey::Caisse,
        MoneyKey::Pro,
        MoneyKey::EnLigne,
        MoneyKey::Lbp,
    ];
    let (mut r, mut d, mut v) = (0, 0, 0);
    for i in 0..count {
        let date = (start + Duration::days((i * 365 / count) as i64))
            .format("%d/%m/%Y")
            .to_string();
        let account = accounts[i % 4];
        let cents = 100 + (i as i64 * 7919) % 50_000;
        let amount = Money::from_cents(cents).fr_plain();
        let entry = match i % 10 {
            0 => {
                v += 1;
                let request = TransferRequest {
                    date,
                    from: account,
                    to: accounts[(i + 1) % 4],
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
        }
        .expect("generated entry is valid");
        store::entries::insert(&tx, exercice, &entry, "2025-03-15T10:00:00").expect("insert");
    }
    tx.commit().expect("commit");
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    generate(&path, ENTRIES);
    let book = Book::load(store::open(&path).expect("open"), clock()).expect("load");
    let exercice = book.exercice();
    let entries = book.entries(exercice).expect("entries");
    assert_eq!(entries.len(), ENTRIES + 1);

    let mut group = c.benchmark_group("exercice_100k");
    group.sample_size(10);
    group.bench_function("load_entries", |b| {
        b.iter(|| black_box(book.entries(exercice).expect("entries")))
    });
    group.bench_function("balances", |b| {
        b.iter(|| black_box(book.balances(exercice, None).expect("balances")))
    });
    group.bench_function("ledger_points_caisse", |b| {
        b.iter(|| black_box(book.ledger_points(MoneyKey::Caisse).expect("points")))
    });
    group.bench_function("row_details_40", |b| {
        let points = book.ledger_points(MoneyKey::Caisse).expect("points");
        let ids: Vec<i64> = points.iter().rev().take(40).map(|p| p.entry_id).collect();
        b.iter(|| black_box(book.row_details(MoneyKey::Caisse, &ids).expect("details")))
    });
    group.bench_function("ledger_rows_caisse", |b| {
        let caisse = book.account(MoneyKey::Caisse).expect("caisse");
        b.iter(|| black_box(ledger::ledger_rows(&entries, caisse, book.chart())))
    });
    group.bench_function("export_ledger", |b| {
        b.iter(|| {
            let entries = book.entries(exercice).expect("entries");
            let mut out = Vec::with_capacity(16 << 20);
            write_ledger(&mut out, &entries, book.chart(), CsvFormat::Std).expect("export");
            black_box(out.len())
        })
    });
    group.finish();
}

criterion_group!(ledger_benches, benches);
criterion_main!(ledger_benches);
