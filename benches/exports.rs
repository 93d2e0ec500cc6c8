//! Year-end files on the generated 100,000-entry exercice (issue
//! "Clôture": the ledger export streamed from SQLite, aim under 120 ms;
//! the cahier de comptabilité as CSV and as xlsx). Each writes to memory.
//! `cargo bench --bench exports`.

use coopcompta::book::Book;
use coopcompta::book::generate::{self, generate};
use coopcompta::book::year_end::ExportKind;
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
    let mut group = c.benchmark_group("exports_100k");
    group.sample_size(10);
    for (name, kind) in [
        ("ledger_csv", ExportKind::Ledger(CsvFormat::Std)),
        ("cahier_csv", ExportKind::Cahier(CsvFormat::Fr)),
        ("cahier_xlsx", ExportKind::CahierXlsx),
        ("hledger", ExportKind::Hledger),
    ] {
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut out = Vec::with_capacity(16 << 20);
                let rows = book.export(kind, exercice, &mut out).expect("export");
                black_box((rows, out.len()))
            })
        });
    }
    group.finish();
}

criterion_group!(export_benches, benches);
criterion_main!(export_benches);
