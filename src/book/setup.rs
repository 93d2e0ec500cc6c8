//! First launch: the coop's name, the exercice, the chart, opening balances.

use super::write::{Audit, Needs, write_in};
use super::{Book, Clock};
use crate::domain::opening::build_opening;
use crate::domain::text;
use crate::domain::{ChartRow, Exercice, Field, Money, MoneyKey};
use crate::store::{self, Result};
use rusqlite::Connection;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupRequest {
    pub coop_name: String,
    pub exercice: Exercice,
    pub openings: Vec<(MoneyKey, Money)>,
}

/// The coop's name as typed, checked (callers may check it before they
/// create a file).
pub fn check_coop_name(typed: &str) -> std::result::Result<String, crate::domain::FieldError> {
    text::required_text(
        Field::Coop,
        typed,
        text::MAX_NAME,
        "vide : saisissez le nom, par exemple « Coopérative scolaire OCCE de l'école Jules Ferry »",
    )
}

/// An exercice that begins more than a year from now is a typing mistake
/// (2099 for 2024): refused, naming the exercice of today and the next.
pub fn check_exercice_start(
    exercice: crate::domain::Exercice,
    today: chrono::NaiveDate,
) -> std::result::Result<(), crate::domain::FieldError> {
    let current = crate::domain::Exercice::of(today);
    let next = crate::domain::Exercice::new(current.start_year + 1);
    if exercice.start_year > next.start_year {
        return Err(crate::domain::FieldError::new(
            Field::Exercice,
            format!(
                "« {exercice} » commence dans plus d'un an : l'exercice en cours est {current}, le suivant {next}"
            ),
        ));
    }
    Ok(())
}

/// Creates the coop in an empty database, in one transaction.
pub fn create_book(
    mut conn: Connection,
    request: &SetupRequest,
    chart: &[ChartRow],
    clock: Clock,
) -> Result<Book> {
    create_coop(&mut conn, request, chart, clock)?;
    Book::load(conn, clock)
}

/// Same as [`create_book`] but borrows the connection, so the caller keeps it
/// when the request is refused (the first-launch form lets the user retry);
/// open the books afterwards with [`Book::load`].
pub fn create_coop(
    conn: &mut Connection,
    request: &SetupRequest,
    chart: &[ChartRow],
    clock: Clock,
) -> Result<()> {
    let name = &check_coop_name(&request.coop_name)?;
    check_exercice_start(request.exercice, clock.today())?;
    let now = clock.stamp();
    write_in(conn, &[], &now, Needs::Open(request.exercice), |w| {
        store::coop::create(w.tx, name, request.exercice, w.now)?;
        store::accounts::insert_chart(w.tx, chart)?;
        let accounts = store::accounts::load_chart(w.tx)?;
        if let Some(opening) = build_opening(request.exercice, &request.openings, &accounts)? {
            store::entries::insert(w.tx, request.exercice, &opening, w.now)?;
        }
        let audit = Audit::new("creation", "coop").after(format!("{name} {}", request.exercice));
        Ok(((), audit))
    })
}
