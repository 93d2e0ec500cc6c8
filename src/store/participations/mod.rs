//! Tables of the participations des familles (migration 3): classes,
//! families, pupils, campaigns, contributions, régies d'avance.

pub mod campaigns;
pub mod contributions;
pub mod pupils;
pub mod regie;

use super::Result;
use crate::domain::{EntryKind, Exercice};
use rusqlite::Connection;

/// The next free pièce of `kind`'s series (R001…), from the expression index
/// `entry_piece_number`: one index probe instead of reading every pièce of
/// the exercice, so recording thousands of contributions stays fast.
pub fn next_piece(conn: &Connection, exercice: Exercice, kind: EntryKind) -> Result<String> {
    let prefix = kind.piece_prefix();
    // Literals, not bound parameters: with a parameter, this SQLite (STAT4)
    // re-prepares the statement on every call (20 µs instead of 1 µs). The
    // year is an integer and the prefix a fixed letter: nothing to escape.
    let sql = format!(
        "SELECT MAX(CAST(substr(piece, 2) AS INTEGER)) FROM entry
         WHERE exercice = {} AND substr(piece, 1, 1) = '{prefix}'",
        exercice.start_year
    );
    let highest: Option<i64> = conn.prepare_cached(&sql)?.query_row([], |r| r.get(0))?;
    Ok(format!("{prefix}{:03}", highest.unwrap_or(0).max(0) + 1))
}

/// Reads a stored `YYYY-MM-DD` that may be NULL.
pub(crate) fn optional_date(text: Option<String>) -> Result<Option<chrono::NaiveDate>> {
    text.map(|t| super::entries::parse_iso_date(&t)).transpose()
}
