//! Tables of the participations des familles (migration 3): classes,
//! families, pupils, campaigns, contributions, régies d'avance.

pub mod campaigns;
pub mod contributions;
pub mod pupils;
pub mod regie;

use super::Result;
use crate::domain::{EntryKind, Exercice};
use rusqlite::{Connection, params};

/// The next free pièce of `kind`'s series (R001…), from the expression index
/// `entry_piece_number`: one index probe instead of reading every pièce of
/// the exercice, so recording thousands of contributions stays fast.
pub fn next_piece(conn: &Connection, exercice: Exercice, kind: EntryKind) -> Result<String> {
    let prefix = kind.piece_prefix();
    let highest: Option<i64> = conn
        .prepare_cached(
            "SELECT MAX(CAST(substr(piece, 2) AS INTEGER)) FROM entry
             WHERE exercice = ?1 AND substr(piece, 1, 1) = ?2",
        )?
        .query_row(params![exercice.start_year, prefix], |r| r.get(0))?;
    Ok(format!("{prefix}{:03}", highest.unwrap_or(0).max(0) + 1))
}

/// Reads a stored `YYYY-MM-DD` that may be NULL.
pub(crate) fn optional_date(text: Option<String>) -> Result<Option<chrono::NaiveDate>> {
    text.map(|t| super::entries::parse_iso_date(&t)).transpose()
}
