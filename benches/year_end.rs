//! Year-end benchmarks on a generated exercice of 100,000 entries (issue
//! "Clôture"): the compte rendu financier computed from the store (aim
//! under 50 ms on this 2-core machine), and its files. `crf` is the year
//! without a statement (nothing pointed, nothing listed); `crf_pointed`
//! the same year with the Compte Pro statement imported and all but one
//! line in fifty pointed, so that the reconciliation lists about a
//! thousand entries. `cargo bench --bench year_end`.

use coopcompta::book::Book;
use coopcompta::book::generate::{self, generate};
use coopcompta::book::year_end::ExportKind;
use coopcompta::domain::MoneyKey;
use coopcompta::domain::bank::{BankFile, BankRow};
use coopcompta::io::export::CsvFormat;
use coopcompta::store;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

const ENTRIES: usize = 100_000;

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    generate(&path, ENTRIES).expect("generated exercice");
    let book = Book::load(store::open(&path).expect("open"), generate::clock()).expect("load");
    let exercice = book.exercice();
    let crf = book.crf(exercice).expect("crf");
    assert!(crf.balanced());

    let mut group = c.benchmark_group("year_end_100k");
    group.sample_size(20);
    group.bench_function("crf", |b| {
        b.iter(|| black_box(book.crf(exercice).expect("crf")))
    });
    for (name, kind) in [
        ("crf_csv", ExportKind::Crf(CsvFormat::Std)),
        ("crf_html", ExportKind::CrfHtml),
        ("crf_xlsx", ExportKind::CrfXlsx),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(1 << 20);
                book.export(kind, exercice, &mut out).expect("export");
                black_box(out.len())
            })
        });
    }
    drop(book);

    // The same year with its Compte Pro statement: one line in fifty left
    // out of it (cheques not yet cashed).
    let pointed = dir.path().join("pointed.db");
    std::fs::copy(&path, &pointed).expect("copy");
    let mut book =
        Book::load(store::open(&pointed).expect("open"), generate::clock()).expect("load");
    let rows = book
        .book_lines(MoneyKey::Pro)
        .expect("book lines")
        .into_iter()
        .enumerate()
        .filter(|(n, _)| n % 50 != 7)
        .map(|(n, line)| BankRow {
            line_no: n + 2,
            date: line.date,
            amount: line.amount,
            label: format!("OPERATION {n}"),
            reference: String::new(),
            counterparty: String::new(),
            bank_id: Some(format!("tx-{n:06}")),
        })
        .collect();
    let file = BankFile {
        rows,
        ..BankFile::default()
    };
    book.import_bank(MoneyKey::Pro, "releve.csv", b"bench", &file)
        .expect("import");
    let listed = book.crf(exercice).expect("crf").banks[0]
        .not_on_statement
        .len();
    eprintln!("crf_pointed: {listed} entries not on the statement");
    group.bench_function("crf_pointed", |b| {
        b.iter(|| black_box(book.crf(exercice).expect("crf")))
    });
    group.finish();
}

criterion_group!(year_end_benches, benches);
criterion_main!(year_end_benches);
