//! Closing benchmark (issue "Clôture"): closing the 100,000-entry generated
//! exercice (blockers, SHA-256 fingerprint over every entry and line, the
//! next exercice's opening, all in one transaction), and `check` on the
//! closed file with the fingerprint recomputed (aim under 500 ms).
//! `cargo bench --bench closing`.

use coopcompta::book::generate::{self, generate};
use coopcompta::book::{Book, Clock};
use coopcompta::domain::Exercice;
use coopcompta::domain::closing::{CarryOver, Override};
use coopcompta::store::{self, integrity};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::path::Path;

const COUNT: usize = 100_000;
const EXERCICE: Exercice = Exercice { start_year: 2024 };

fn open(path: &Path, clock: Clock) -> Book {
    Book::load(store::open(path).expect("open"), clock).expect("load")
}

/// Every blocker of the generated year overridden.
fn overrides(book: &Book) -> Vec<Override> {
    book.closing_blockers(EXERCICE, &[])
        .expect("blockers")
        .into_iter()
        .map(|b| Override {
            key: b.key,
            reason: "banc d'essai".into(),
        })
        .collect()
}

fn closing_benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("dir");
    let base = dir.path().join("base.db");
    generate(&base, COUNT).expect("generate");
    let mut group = c.benchmark_group("closing");
    group.sample_size(10);
    let mut n = 0;
    group.bench_function("close 100k + fingerprint", |b| {
        b.iter_batched(
            || {
                n += 1;
                let copy = dir.path().join(format!("close-{n}.db"));
                std::fs::copy(&base, &copy).expect("copy");
                let book = open(&copy, generate::clock());
                let o = overrides(&book);
                (book, o, copy)
            },
            |(mut book, o, copy)| {
                let summary = book
                    .close_exercice(EXERCICE, &o, &CarryOver::default())
                    .expect("close");
                assert_eq!(summary.entries, COUNT + 1);
                drop(book);
                std::fs::remove_file(copy).ok();
            },
            BatchSize::PerIteration,
        )
    });
    let closed = dir.path().join("closed.db");
    std::fs::copy(&base, &closed).expect("copy");
    {
        let mut book = open(&closed, generate::clock());
        let o = overrides(&book);
        book.close_exercice(EXERCICE, &o, &CarryOver::default())
            .expect("close");
    }
    group.bench_function("check 100k with fingerprint", |b| {
        b.iter(|| {
            let report = integrity::check_file(&closed).expect("check");
            assert_eq!(report.findings, []);
        })
    });
    group.finish();
}

criterion_group!(benches, closing_benches);
criterion_main!(benches);
