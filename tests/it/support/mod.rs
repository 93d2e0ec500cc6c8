//! Helpers shared by the integration tests.
//!
//! - here: a fixed clock, a new coop on a connection, the fixture files;
//! - [`book`]: reading a `Book` back (row counts, balances, lines);
//! - [`cli`]: the built binary run on a temporary database (`Sandbox`);
//! - [`check`]: bases for the `check` command, and damaging them by raw SQL;
//! - [`closing`]: the demo year on a file, its blockers overridden;
//! - [`participations`]: a coop with classes, pupils and a campaign, in memory;
//! - [`ui`]: an `App` on a small coop, keys and actions fed to it, screens
//!   rendered to a `TestBackend`.
#![allow(dead_code)]

pub mod book;
pub mod check;
pub mod cli;
pub mod closing;
pub mod cloture;
pub mod participations;
pub mod participations_tab;
pub mod reconcile;
pub mod ui;

use chrono::NaiveDate;
use coopcompta::book::{Book, Clock, SetupRequest, create_book};
use coopcompta::domain::{Exercice, Money, MoneyKey};
use coopcompta::io::import::chart::default_chart;
use rusqlite::Connection;
use std::path::PathBuf;

/// A clock stopped at 10:00 on the given day.
pub fn clock_on(year: i32, month: u32, day: u32) -> Clock {
    Clock::Fixed(
        NaiveDate::from_ymd_opt(year, month, day)
            .and_then(|d| d.and_hms_opt(10, 0, 0))
            .expect("a real day"),
    )
}

/// 15 March 2025, 10:00: "today" of the book, store and participations tests.
pub fn clock() -> Clock {
    clock_on(2025, 3, 15)
}

/// A new coop on `conn` with the default chart: its name, its first
/// exercice and the opening balances in cents.
pub fn new_coop(
    conn: Connection,
    name: &str,
    exercice: Exercice,
    openings: &[(MoneyKey, i64)],
    clock: Clock,
) -> Book {
    let request = SetupRequest {
        coop_name: name.into(),
        exercice,
        openings: openings
            .iter()
            .map(|(key, cents)| (*key, Money::from_cents(*cents)))
            .collect(),
    };
    create_book(conn, &request, &default_chart(), clock).expect("the coop is created")
}

/// A file of `tests/fixtures/`.
pub fn fixture(relative: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(relative)
}

/// A file of `tests/fixtures/`, as a command-line argument.
pub fn fixture_arg(relative: &str) -> String {
    fixture(relative).display().to_string()
}
