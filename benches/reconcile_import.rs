//! The statement import end to end (issue "Rapprochement"): 100,000 bank
//! lines imported on the Compte Pro (de-duplication, batch, payouts, the
//! automatic pass) against an exercice of 100,000 Compte Pro entries, in
//! one transaction: well under 2 s on this 2-core machine, aim 1 s.
//! `cargo bench --bench reconcile_import`.

use chrono::Duration;
use coopcompta::book::Book;
use coopcompta::book::generate::{self, bench_cents, generate_compte_pro};
use coopcompta::domain::MoneyKey;
use coopcompta::domain::bank::{BankFile, BankRow};
use coopcompta::store;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::path::Path;

const COUNT: usize = 100_000;

/// The statement of the generated year: each entry's line one to three
/// days later, bank-style labels; amounts and dates as the books have them.
fn statement(book: &Book) -> BankFile {
    let rows = book
        .book_lines(MoneyKey::Pro)
        .expect("book lines")
        .into_iter()
        .enumerate()
        .map(|(n, line)| BankRow {
            line_no: n + 2,
            date: (line.date + Duration::days((n % 4) as i64)).min(book.exercice().last_day()),
            amount: line.amount,
            label: format!("VIR SEPA OPERATION {n}"),
            reference: String::new(),
            counterparty: String::new(),
            bank_id: Some(format!("tx-{n:06}")),
        })
        .collect();
    BankFile {
        rows,
        ..BankFile::default()
    }
}

fn open(path: &Path) -> Book {
    Book::load(store::open(path).expect("open"), generate::clock()).expect("load")
}

fn import_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("base.db");
    generate_compte_pro(&base, COUNT).expect("generate");
    assert_eq!(bench_cents(0), 500);
    let file = statement(&open(&base));
    assert_eq!(file.rows.len(), COUNT);
    // One check run outside the timing: how much the automatic pass matched.
    let copy = dir.path().join("check.db");
    std::fs::copy(&base, &copy).expect("copy");
    let summary = open(&copy)
        .import_bank(MoneyKey::Pro, "releve.csv", b"bench", &file)
        .expect("import");
    eprintln!(
        "import of {} lines: {} imported, {} matched by the automatic pass",
        COUNT, summary.imported, summary.matched
    );
    let mut group = c.benchmark_group("reconcile_import");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function("import_and_match_100k_lines_100k_entries", |b| {
        b.iter_batched(
            || {
                n += 1;
                let path = dir.path().join(format!("run-{n}.db"));
                std::fs::copy(&base, &path).expect("copy");
                open(&path)
            },
            |mut book| {
                let summary = book
                    .import_bank(MoneyKey::Pro, "releve.csv", b"bench", &file)
                    .expect("import");
                assert_eq!(summary.imported, COUNT);
                book
            },
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

criterion_group!(benches, import_benches);
criterion_main!(benches);
