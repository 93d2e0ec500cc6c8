//! Year-end benchmarks on a generated exercice of 100,000 entries (issue
//! "Clôture"): the compte rendu financier computed from the store (aim
//! under 50 ms on this 2-core machine), and its files.
//! `cargo bench --bench year_end`.

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
    group.finish();
}

criterion_group!(year_end_benches, benches);
criterion_main!(year_end_benches);
