//! Entries of a closed exercice changed since its closing: each link of
//! the stored chain is recomputed from the stored previous link, so that an
//! altered entry is named alone; an entry without a link was added, a link
//! without its entry names a removed one.

use super::super::fingerprint::{self, GENESIS, Link, hex, next_link};
use super::{Finding, FindingKind, sanitize};
use crate::domain::Exercice;
use crate::store::StoreError;
use rusqlite::Connection;
use std::iter::Peekable;

fn to_sqlite(error: StoreError) -> rusqlite::Error {
    match error {
        StoreError::Sqlite(e) => e,
        other => {
            rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(1), Some(other.to_string()))
        }
    }
}

/// The current fingerprints: (id, exercice, entries, last link).
fn fingerprints(conn: &Connection) -> rusqlite::Result<Vec<(i64, i32, i64, String)>> {
    let mut stmt = conn.prepare(
        "SELECT id, exercice, entries, last_link FROM fingerprint
         WHERE superseded_at IS NULL ORDER BY exercice",
    )?;
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
        .collect()
}

struct StoredLink {
    entry_id: i64,
    piece: String,
    link: Link,
}

/// The links of one fingerprint by entry id. Read in the table's order
/// (`+`: not through its key's index, a lookup per link), which is the
/// order they were written in, entry ids rising; sorted to be sure.
fn stored_links(conn: &Connection, id: i64) -> rusqlite::Result<Vec<StoredLink>> {
    let mut stmt = conn
        .prepare("SELECT entry_id, piece, link FROM fingerprint_link WHERE +fingerprint_id = ?1")?;
    let mut links = stmt
        .query_map([id], |r| {
            // A link that is not 32 bytes (edited by hand) never matches.
            let mut link = [0xffu8; 32];
            if let rusqlite::types::ValueRef::Blob(bytes) = r.get_ref(2)?
                && bytes.len() == 32
            {
                link.copy_from_slice(bytes);
            }
            Ok(StoredLink {
                entry_id: r.get(0)?,
                piece: r.get(1)?,
                link,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    links.sort_by_key(|l| l.entry_id);
    Ok(links)
}

pub fn check(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    for (id, year, entries, last_link) in fingerprints(conn)? {
        let exercice = Exercice::new(year);
        let links = stored_links(conn, id)?;
        let mut found = Vec::new();
        let mut stored = links.iter().peekable();
        let mut previous = GENESIS;
        fingerprint::for_each_entry(conn, exercice, |entry| {
            removed_before(&mut stored, entry.id, exercice, &mut previous, &mut found);
            match stored.next_if(|s| s.entry_id == entry.id) {
                Some(s) => {
                    if next_link(&previous, &entry.text) != s.link {
                        found.push(finding(&entry.piece, exercice, "modifiée"));
                    }
                    previous = s.link;
                }
                None => found.push(finding(&entry.piece, exercice, "ajoutée")),
            }
            Ok(())
        })
        .map_err(to_sqlite)?;
        removed_before(&mut stored, i64::MAX, exercice, &mut previous, &mut found);
        let chain_end = links.last().map_or(GENESIS, |l| l.link);
        if found.is_empty() && (links.len() as i64 != entries || hex(&chain_end) != last_link) {
            found.push(Finding::new(
                FindingKind::AfterClosing,
                "base",
                format!("empreinte de la clôture de {exercice} modifiée"),
            ));
        }
        out.extend(found);
    }
    Ok(())
}

/// Stored links of entries that no longer exist, before `id`.
fn removed_before<'a>(
    stored: &mut Peekable<impl Iterator<Item = &'a StoredLink>>,
    id: i64,
    exercice: Exercice,
    previous: &mut Link,
    found: &mut Vec<Finding>,
) {
    while let Some(s) = stored.next_if(|s| s.entry_id < id) {
        found.push(finding(&s.piece, exercice, "supprimée"));
        *previous = s.link;
    }
}

fn finding(piece: &str, exercice: Exercice, what: &str) -> Finding {
    let piece = sanitize(piece, 40);
    Finding::new(
        FindingKind::AfterClosing,
        format!("{piece} ({exercice})"),
        format!("écriture {piece} {what} après la clôture de {exercice}"),
    )
}
