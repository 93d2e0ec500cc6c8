//! Participations benchmarks (the targets, on this 2-core machine:
//! importing 5,000 pupils < 1 s; recording 20,000 contributions < 1 s), run
//! as the app would: the CSV import is one action; contributions come as
//! 760 class envelopes of 25 lines (20 cash, 4 online, 1 cheque: one
//! transaction each) plus 1,000 single online contributions (one
//! transaction each). Measured on an in-memory database, then on a file
//! database (WAL, synchronous=FULL: one fsync per action). `cargo bench --bench participations`.

use chrono::NaiveDate;
use coopcompta::book::{Book, Clock, SetupRequest, create_book};
use coopcompta::domain::participation::{
    CampaignRequest, Channel, ContributionLine, EnvelopeRequest, Pupil,
};
use coopcompta::domain::{Exercice, Money, MoneyKey};
use coopcompta::io::import::chart::default_chart;
use coopcompta::io::import::pupils::parse_pupils;
use coopcompta::store;
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use std::collections::BTreeMap;
use std::time::Duration;

const PUPILS: usize = 5_000;
const CLASSES: usize = 200;
const ENVELOPES: usize = 760;
const SINGLES: usize = 1_000;

fn clock() -> Clock {
    Clock::Fixed(
        NaiveDate::from_ymd_opt(2025, 3, 15)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("date"),
    )
}

fn new_book(conn: rusqlite::Connection) -> Book {
    let request = SetupRequest {
        coop_name: "Coopérative de banc d'essai".into(),
        exercice: Exercice::new(2024),
        openings: vec![(MoneyKey::Caisse, Money::from_cents(10_000))],
    };
    create_book(conn, &request, &default_chart(), clock()).expect("create")
}

/// A school's file: 5,000 pupils in 200 classes of 25; one nom in 3 is shared
/// by siblings; accents on some names.
fn pupils_csv() -> Vec<u8> {
    let mut text = String::from("nom;prénom;classe\n");
    for i in 0..PUPILS {
        let class = format!(
            "{}-{}",
            ["CP", "CE1", "CE2", "CM1", "CM2"][i % 5],
            i / 5 % (CLASSES / 5)
        );
        text.push_str(&format!(
            "Famille{};Élève{i};{class}\n",
            i / 3 + (i % 3) * 7919 % PUPILS
        ));
    }
    text.into_bytes()
}

fn import(book: &mut Book, csv: &[u8]) {
    let rows = parse_pupils(csv).expect("parse");
    let summary = book.import_pupils(&rows).expect("import");
    assert_eq!(summary.added, PUPILS);
}

/// The 20,000 contributions, one user action at a time.
fn record(book: &mut Book, campaign: i64, classes: &BTreeMap<i64, Vec<Pupil>>) {
    let line = |p: &Pupil, i: usize| ContributionLine {
        pupil_id: p.id,
        amount: format!("{},{:02}", 5 + i % 20, i % 100),
        channel: match i % 25 {
            0..=19 => Channel::Especes,
            20..=23 => Channel::EnLigne,
            _ => Channel::Cheque,
        },
        payer: String::new(),
    };
    let groups: Vec<(&i64, &Vec<Pupil>)> = classes.iter().collect();
    let mut recorded = 0;
    for e in 0..ENVELOPES {
        let (class_id, pupils) = groups[e % groups.len()];
        let request = EnvelopeRequest {
            campaign_id: campaign,
            class_id: *class_id,
            date: format!("{:02}/10/2024", 1 + e % 28),
            lines: pupils
                .iter()
                .take(25)
                .enumerate()
                .map(|(i, p)| line(p, i))
                .collect(),
        };
        recorded += book
            .record_envelope(&request)
            .expect("envelope")
            .contributions
            .len();
    }
    for s in 0..SINGLES {
        let (_, pupils) = groups[s % groups.len()];
        let pupil = &pupils[s % pupils.len()];
        let one = ContributionLine {
            channel: Channel::EnLigne,
            ..line(pupil, s)
        };
        recorded += book
            .record_contribution(campaign, pupil.id, one, "15/11/2024")
            .expect("single")
            .contributions
            .len();
    }
    assert_eq!(recorded, ENVELOPES * 25 + SINGLES);
}

/// A book with the 5,000 pupils and a campaign, ready for the contributions.
fn ready(conn: rusqlite::Connection, csv: &[u8]) -> (Book, i64, BTreeMap<i64, Vec<Pupil>>) {
    let mut book = new_book(conn);
    import(&mut book, csv);
    let campaign = book
        .add_campaign(&CampaignRequest {
            name: "Participation 2024-2025".into(),
            ..CampaignRequest::default()
        })
        .expect("campaign");
    let mut classes: BTreeMap<i64, Vec<Pupil>> = BTreeMap::new();
    for p in book.pupils().expect("pupils") {
        classes.entry(p.class_id).or_default().push(p);
    }
    (book, campaign, classes)
}

fn benches(c: &mut Criterion) {
    let csv = pupils_csv();
    let mut group = c.benchmark_group("participations");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(20));
    group.bench_function("import 5000 pupils (memory)", |b| {
        b.iter_batched(
            || new_book(store::open_in_memory().expect("open")),
            |mut book| import(&mut book, &csv),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("record 20000 contributions in 1760 actions (memory)", |b| {
        b.iter_batched(
            || ready(store::open_in_memory().expect("open"), &csv),
            |(mut book, campaign, classes)| record(&mut book, campaign, &classes),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("import 5000 pupils (file, fsync)", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().expect("dir");
                let book = new_book(store::open(&dir.path().join("coop.db")).expect("open"));
                (dir, book)
            },
            |(_dir, mut book)| import(&mut book, &csv),
            BatchSize::PerIteration,
        )
    });
    group.bench_function(
        "record 20000 contributions in 1760 actions (file, fsync)",
        |b| {
            b.iter_batched(
                || {
                    let dir = tempfile::tempdir().expect("dir");
                    let ready = ready(
                        store::open(&dir.path().join("coop.db")).expect("open"),
                        &csv,
                    );
                    (dir, ready)
                },
                |(_dir, (mut book, campaign, classes))| record(&mut book, campaign, &classes),
                BatchSize::PerIteration,
            )
        },
    );
    group.finish();
}

criterion_group!(participations, benches);
criterion_main!(participations);
