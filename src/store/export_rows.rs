//! Reading an exercice whole for the year-end files, without holding it:
//! one query (entries joined to their lines, in date then recording order,
//! lines in position order) hands each whole entry to a callback. The
//! entry is one buffer reused from row to row, so a 100,000-entry year
//! costs no more memory than one entry. Small side tables (which entry
//! cancels which, which class a régie move belongs to, which accounts the
//! year uses) come from their own short queries.

use super::entries::{account_codes, parse_iso_date};
use super::{Result, StoreError};
use crate::domain::fast_hash::FastMap;
use crate::domain::{Entry, EntryKind, Exercice, Line, Money, PaymentMode};
use rusqlite::Connection;
use std::collections::HashMap;

fn corrupt(what: String) -> StoreError {
    StoreError::Corrupt(what)
}

/// Hands every entry of `exercice`, with its lines, to `each`, in date then
/// recording order (the order of the ledger export); `reversed_by` is set
/// on the cancelled ones. Returns how many entries were read. An error of
/// `each` stops the reading and is returned.
///
/// Two cursors walked side by side, each reading one index in order: the
/// entries from `entry_by_date` (exercice, date, id), the lines from
/// `entry_line_in_order` (exercice, date, entry, position, account,
/// amount), which holds every column read. A line belongs to the entry of
/// the same id. A line whose date differs from its entry's, or whose entry
/// is gone (only a hand edit does that, and `check` names it), comes out
/// of position order or waits for an entry that never comes: either
/// refuses the whole reading.
pub fn for_each_entry(
    conn: &Connection,
    exercice: Exercice,
    mut each: impl FnMut(&Entry) -> Result<()>,
) -> Result<usize> {
    let codes = Codes::new(account_codes(conn)?);
    let reversed_by = reversals(conn, exercice)?;
    let mut entries = conn.prepare_cached(
        "SELECT id, date, piece, kind, label, mode, cheque_no, reverses
         FROM entry WHERE exercice = ?1 ORDER BY date, id",
    )?;
    let mut lines = conn.prepare_cached(
        "SELECT entry_id, account_id, amount_cents, position
         FROM entry_line WHERE exercice = ?1 ORDER BY date, entry_id, position",
    )?;
    let mut heads = entries.query([exercice.start_year])?;
    let mut rows = lines.query([exercice.start_year])?;
    let mut line = rows.next()?;
    let mut entry = Entry {
        id: 0,
        exercice,
        date: exercice.first_day(),
        piece: String::new(),
        kind: EntryKind::Recette,
        label: String::new(),
        mode: None,
        cheque_no: None,
        reverses: None,
        reversed_by: None,
        lines: Vec::new(),
    };
    let mut count = 0usize;
    while let Some(head) = heads.next()? {
        let id: i64 = head.get(0)?;
        read_head(head, id, &mut entry, &reversed_by)?;
        let mut used = 0usize;
        let mut last_position = i64::MIN;
        while let Some(r) = line {
            let entry_id: i64 = r.get(0)?;
            if entry_id != id {
                break;
            }
            // The entry's lines come in position order unless one was
            // moved to another day (then it comes after the others).
            let position: i64 = r.get(3)?;
            if position <= last_position {
                return Err(off_date(entry_id));
            }
            last_position = position;
            let account_id: i64 = r.get(1)?;
            let code = codes
                .get(account_id)
                .ok_or_else(|| corrupt(format!("compte n° {account_id}")))?;
            let amount = Money::from_cents(r.get(2)?);
            match entry.lines.get_mut(used) {
                Some(line) => {
                    line.account_code.clear();
                    line.account_code.push_str(code);
                    line.amount = amount;
                }
                None => entry.lines.push(Line {
                    account_code: code.clone(),
                    amount,
                }),
            }
            used += 1;
            line = rows.next()?;
        }
        // An entry without lines moves nothing (the join of old left it out).
        if used > 0 {
            entry.lines.truncate(used);
            count += 1;
            each(&entry)?;
        }
    }
    if let Some(r) = line {
        return Err(off_date(r.get(0)?));
    }
    Ok(count)
}

fn off_date(entry_id: i64) -> StoreError {
    corrupt(format!(
        "ligne de l'écriture n° {entry_id} hors de la date de son écriture, ou sans écriture (lancez « coopcompta check »)"
    ))
}

/// Account codes by id: a plain index (ids of a chart are small), a map
/// for ids that are not.
struct Codes {
    by_index: Vec<Option<String>>,
    others: HashMap<i64, String>,
}

impl Codes {
    const INDEXED: i64 = 1 << 16;

    fn new(all: HashMap<i64, String>) -> Codes {
        let mut codes = Codes {
            by_index: Vec::new(),
            others: HashMap::new(),
        };
        for (id, code) in all {
            match usize::try_from(id) {
                Ok(i) if id < Self::INDEXED => {
                    if codes.by_index.len() <= i {
                        codes.by_index.resize(i + 1, None);
                    }
                    codes.by_index[i] = Some(code);
                }
                _ => {
                    codes.others.insert(id, code);
                }
            }
        }
        codes
    }

    fn get(&self, id: i64) -> Option<&String> {
        match usize::try_from(id) {
            Ok(i) if id < Self::INDEXED => self.by_index.get(i).and_then(Option::as_ref),
            _ => self.others.get(&id),
        }
    }
}

/// The entry's own columns into the reused buffer.
fn read_head(
    r: &rusqlite::Row,
    id: i64,
    entry: &mut Entry,
    reversed_by: &FastMap<i64, i64>,
) -> Result<()> {
    let text =
        |i: usize| -> Result<&str> { Ok(r.get_ref(i)?.as_str().map_err(rusqlite::Error::from)?) };
    let kind = text(3)?;
    entry.kind = EntryKind::from_key(kind).ok_or_else(|| corrupt(format!("nature « {kind} »")))?;
    entry.id = id;
    entry.date = parse_iso_date(text(1)?)?;
    entry.piece.clear();
    entry.piece.push_str(text(2)?);
    entry.label.clear();
    entry.label.push_str(text(4)?);
    entry.mode = match r
        .get_ref(5)?
        .as_str_or_null()
        .map_err(rusqlite::Error::from)?
    {
        Some(m) => Some(PaymentMode::from_key(m).ok_or_else(|| corrupt(format!("mode « {m} »")))?),
        None => None,
    };
    entry.cheque_no = r.get(6)?;
    entry.reverses = r.get(7)?;
    entry.reversed_by = reversed_by.get(&id).copied();
    Ok(())
}

/// The cancelled entries of an exercice: original id → id of its reversal.
pub fn reversals(conn: &Connection, exercice: Exercice) -> Result<FastMap<i64, i64>> {
    // The partial index `entry_special` holds both columns: no entry is read.
    let mut stmt = conn.prepare_cached(
        "SELECT reverses, id FROM entry WHERE exercice = ?1 AND reverses IS NOT NULL",
    )?;
    let rows = stmt.query_map([exercice.start_year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The class of each régie move of the exercice, by entry id: the move's
/// own entry and the reversal that cancels it.
pub fn regie_classes(conn: &Connection, exercice: Exercice) -> Result<HashMap<i64, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.entry_id, k.name FROM regie_move m JOIN school_class k ON k.id = m.class_id
         WHERE k.exercice = ?1
         UNION ALL
         SELECT r.id, k.name FROM regie_move m JOIN school_class k ON k.id = m.class_id
           JOIN entry r ON r.reverses = m.entry_id
         WHERE k.exercice = ?1",
    )?;
    let rows = stmt.query_map([exercice.start_year], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The codes of the accounts the exercice's entries use, openings left
/// out (`with_openings` false) or in, by code.
pub fn used_accounts(
    conn: &Connection,
    exercice: Exercice,
    with_openings: bool,
) -> Result<Vec<String>> {
    let sql = format!(
        "SELECT DISTINCT a.code FROM entry_line l JOIN account a ON a.id = l.account_id
         WHERE l.exercice = ?1 {} ORDER BY a.code",
        if with_openings {
            ""
        } else {
            "AND l.entry_id NOT IN (SELECT id FROM entry WHERE exercice = ?1 AND kind = 'ouverture')"
        }
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map([exercice.start_year], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The report à nouveau of an exercice: the sum of its opening entries'
/// lines per account code (a corrected opening counts as corrected).
pub fn opening_sums(conn: &Connection, exercice: Exercice) -> Result<Vec<(String, Money)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.code, SUM(l.amount_cents) FROM entry_line l
           JOIN account a ON a.id = l.account_id JOIN entry e ON e.id = l.entry_id
         WHERE e.exercice = ?1 AND e.kind = 'ouverture'
         GROUP BY a.code ORDER BY a.code",
    )?;
    let rows = stmt.query_map([exercice.start_year], |r| {
        Ok((r.get::<_, String>(0)?, Money::from_cents(r.get(1)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The entries of an exercice, openings left out, with a line on account
/// `code` (the régie account 467: a few hundred at most).
pub fn entries_on(conn: &Connection, exercice: Exercice, code: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare_cached(
        "SELECT DISTINCT l.entry_id FROM entry_line l JOIN account a ON a.id = l.account_id
           JOIN entry e ON e.id = l.entry_id
         WHERE a.code = ?2 AND l.exercice = ?1 AND e.kind <> 'ouverture' ORDER BY l.entry_id",
    )?;
    let rows = stmt.query_map(rusqlite::params![exercice.start_year, code], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
