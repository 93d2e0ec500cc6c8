//! Benchmarks on a generated exercice of 100,000 entries. Targets on a 2-core
//! machine (issue "Core"): open + first frame < 100 ms, one frame < 5 ms,
//! export ledger < 300 ms. Run with `cargo bench --bench ledger`.

use coopcompta::book::Book;
use coopcompta::book::generate::{self, generate};
use coopcompta::domain::{MoneyKey, ledger};
use coopcompta::io::export::{CsvFormat, write_ledger};
use coopcompta::store;
use coopcompta::ui::{App, RunInfo, Start};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::path::Path;

const ENTRIES: usize = 100_000;

fn open_app(path: &Path) -> App {
    let book = Book::load(store::open(path).expect("open"), generate::clock()).expect("load");
    App::new(Start::Ready(book), RunInfo::default(), generate::clock())
}

fn ui_benches(c: &mut Criterion, path: &Path) {
    let mut group = c.benchmark_group("ui_100k");
    group.sample_size(20);
    group.bench_function("open_and_first_frame_160x48", |b| {
        b.iter(|| {
            // As the run loop does: a frame, the texts of the rows it showed,
            // then the complete frame.
            let mut app = open_app(path);
            let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
            terminal.draw(|frame| app.draw(frame)).expect("draw");
            if app.after_draw() {
                terminal.draw(|frame| app.draw(frame)).expect("draw");
            }
            black_box(app)
        })
    });
    let mut app = open_app(path);
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).expect("terminal");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    group.bench_function("frame_160x48", |b| {
        b.iter(|| terminal.draw(|frame| app.draw(frame)).map(|_| ()))
    });
    let mut up = true;
    group.bench_function("scroll_page_and_frame", |b| {
        b.iter(|| {
            let code = if up {
                KeyCode::PageUp
            } else {
                KeyCode::PageDown
            };
            up = !up;
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
            if app.after_draw() {
                terminal.draw(|frame| app.draw(frame)).expect("draw");
            }
            terminal.draw(|frame| app.draw(frame)).map(|_| ())
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bench.db");
    generate(&path, ENTRIES).expect("generated exercice");
    let book = Book::load(store::open(&path).expect("open"), generate::clock()).expect("load");
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
    ui_benches(c, &path);
}

criterion_group!(ledger_benches, benches);
criterion_main!(ledger_benches);
