//! The fingerprint of a closed exercice: a SHA-256 chain over its entries
//! in id order. Each link is sha256(previous link ‖ the entry's canonical
//! text: id, date, pièce, nature, libellé, mode, n° de chèque, reversed
//! entry, and its lines by position with account code and cents). Each
//! entry's link is kept (with its pièce, to name it once removed), and the
//! last one with the count; `check` recomputes each link from the stored
//! previous one, so that an altered entry is named alone.

use super::Result;
use crate::domain::Exercice;
use rusqlite::types::ValueRef;
use rusqlite::{Connection, Transaction, params};
use sha2::{Digest, Sha256};
use std::io::Write;

/// One link of the chain.
pub type Link = [u8; 32];

/// The chain starts from 32 zero bytes.
pub const GENESIS: Link = [0; 32];

/// The link after `previous` for an entry's canonical text.
pub fn next_link(previous: &Link, text: &[u8]) -> Link {
    let mut hasher = Sha256::new();
    hasher.update(previous);
    hasher.update(text);
    hasher.finalize().into()
}

pub fn hex(link: &Link) -> String {
    link.iter().map(|b| format!("{b:02x}")).collect()
}

/// An entry as the chain reads it.
pub struct Canonical {
    pub id: i64,
    pub piece: String,
    pub text: Vec<u8>,
}

/// Entries in rowid order and their lines from the covering
/// `entry_line_in_entry`: no sort (`+` keeps SQLite from reading by the
/// exercice's index and then sorting 200,000 rows). Account codes come
/// from [`AccountCodes`], not from a join per line.
const ENTRIES: &str =
    "SELECT e.id, e.piece, e.date, e.kind, e.label, e.mode, e.cheque_no, e.reverses,
        l.position, l.account_id, l.amount_cents
 FROM entry e
 LEFT JOIN entry_line l ON l.entry_id = e.id
 WHERE +e.exercice = ?1
 ORDER BY e.id, l.position";

/// Each account's code as the chain hashes it (its stored value, whatever
/// its type), by account id: what a join on `account` gave, without a
/// lookup per line. A line whose account is missing hashes as NULL.
struct AccountCodes(std::collections::HashMap<i64, Vec<u8>>);

impl AccountCodes {
    fn read(conn: &Connection) -> Result<AccountCodes> {
        let mut stmt = conn.prepare_cached("SELECT id, code FROM account")?;
        let mut rows = stmt.query([])?;
        let mut codes = std::collections::HashMap::new();
        while let Some(r) = rows.next()? {
            // A hand-edited id that is not an integer matches no line.
            if let ValueRef::Integer(id) = r.get_ref(0)? {
                let mut code = Vec::new();
                push_value(&mut code, r.get_ref(1)?);
                codes.insert(id, code);
            }
        }
        Ok(AccountCodes(codes))
    }

    /// The line's account as `a.code` of the join would have hashed it.
    fn push(&self, out: &mut Vec<u8>, account_id: ValueRef<'_>) {
        match account_id {
            ValueRef::Integer(id) => match self.0.get(&id) {
                Some(code) => out.extend_from_slice(code),
                None => push_value(out, ValueRef::Null),
            },
            // An INTEGER column keeps a whole real as an integer: what is
            // left (text, a fraction) equals no account id.
            _ => push_value(out, ValueRef::Null),
        }
    }
}

/// A stored value in the canonical text, whatever its type (a hand edit
/// may leave text in an integer column: it is hashed as it is).
fn push_value(out: &mut Vec<u8>, value: ValueRef<'_>) {
    match value {
        ValueRef::Null => out.extend_from_slice(b"\x00"),
        // Written in place: no allocation per value over 200,000 lines.
        ValueRef::Integer(i) => {
            let _ = write!(out, "{i}");
        }
        ValueRef::Real(f) => {
            let _ = write!(out, "r{f}");
        }
        ValueRef::Text(t) => out.extend_from_slice(t),
        ValueRef::Blob(b) => {
            out.extend_from_slice(b"b");
            out.extend_from_slice(hex_bytes(b).as_bytes());
        }
    }
}

fn hex_bytes(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Calls `each` with every entry of the exercice, by id, in its canonical
/// form (fields separated by US, lines introduced by RS).
pub fn for_each_entry(
    conn: &Connection,
    exercice: Exercice,
    mut each: impl FnMut(Canonical) -> Result<()>,
) -> Result<()> {
    let codes = AccountCodes::read(conn)?;
    let mut stmt = conn.prepare_cached(ENTRIES)?;
    let mut rows = stmt.query([exercice.start_year])?;
    let mut current: Option<Canonical> = None;
    while let Some(r) = rows.next()? {
        let id: i64 = r.get(0)?;
        if current.as_ref().map(|c| c.id) != Some(id) {
            if let Some(done) = current.take() {
                each(done)?;
            }
            let piece = match r.get_ref(1)? {
                ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                other => {
                    let mut v = Vec::new();
                    push_value(&mut v, other);
                    String::from_utf8_lossy(&v).into_owned()
                }
            };
            let mut text = Vec::with_capacity(128);
            let _ = write!(text, "{id}");
            for i in [2, 1, 3, 4, 5, 6, 7] {
                text.push(0x1f);
                push_value(&mut text, r.get_ref(i)?);
            }
            current = Some(Canonical { id, piece, text });
        }
        if let (Some(c), false) = (current.as_mut(), matches!(r.get_ref(8)?, ValueRef::Null)) {
            c.text.push(0x1e);
            push_value(&mut c.text, r.get_ref(8)?);
            c.text.push(0x1f);
            codes.push(&mut c.text, r.get_ref(9)?);
            c.text.push(0x1f);
            push_value(&mut c.text, r.get_ref(10)?);
        }
    }
    if let Some(done) = current {
        each(done)?;
    }
    Ok(())
}

/// The fingerprint recorded at a closing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    pub id: i64,
    pub exercice: Exercice,
    pub closed_at: String,
    pub entries: i64,
    pub last_link: String,
}

/// Computes and stores the chain of `exercice` (a closing); returns it.
pub fn record(tx: &Transaction, exercice: Exercice, now: &str) -> Result<Fingerprint> {
    tx.execute(
        "INSERT INTO fingerprint (exercice, closed_at, entries, last_link) VALUES (?1, ?2, 0, '')",
        params![exercice.start_year, now],
    )?;
    let id = tx.last_insert_rowid();
    let mut link = GENESIS;
    let mut count = 0i64;
    {
        let mut insert = tx.prepare_cached(
            "INSERT INTO fingerprint_link (fingerprint_id, entry_id, piece, link) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for_each_entry(tx, exercice, |entry| {
            link = next_link(&link, &entry.text);
            count += 1;
            insert.execute(params![id, entry.id, entry.piece, &link[..]])?;
            Ok(())
        })?;
    }
    let last_link = hex(&link);
    tx.execute(
        "UPDATE fingerprint SET entries = ?2, last_link = ?3 WHERE id = ?1",
        params![id, count, last_link],
    )?;
    Ok(Fingerprint {
        id,
        exercice,
        closed_at: now.to_string(),
        entries: count,
        last_link,
    })
}

/// A reopening: the fingerprint stays, marked superseded with the reason.
pub fn supersede(tx: &Transaction, exercice: Exercice, now: &str, reason: &str) -> Result<usize> {
    Ok(tx.execute(
        "UPDATE fingerprint SET superseded_at = ?2, superseded_reason = ?3
         WHERE exercice = ?1 AND superseded_at IS NULL",
        params![exercice.start_year, now, reason],
    )?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_depends_on_the_previous_one_and_the_text() {
        let a = next_link(&GENESIS, b"1\x1f2024-09-01");
        assert_ne!(a, next_link(&GENESIS, b"1\x1f2024-09-02"));
        assert_ne!(next_link(&a, b"x"), next_link(&GENESIS, b"x"));
        assert_eq!(hex(&GENESIS).len(), 64);
    }

    /// The canonical texts as the first version of the chain read them
    /// (one join on `account` per line): fingerprints recorded then must
    /// still match.
    fn joined_texts(conn: &Connection, exercice: Exercice) -> Vec<(i64, Vec<u8>)> {
        let mut stmt = conn
            .prepare(
                "SELECT e.id, e.piece, e.date, e.kind, e.label, e.mode, e.cheque_no, e.reverses,
                    l.position, a.code, l.amount_cents
                 FROM entry e
                 LEFT JOIN entry_line l ON l.entry_id = e.id
                 LEFT JOIN account a ON a.id = l.account_id
                 WHERE +e.exercice = ?1
                 ORDER BY e.id, l.position",
            )
            .unwrap();
        let mut rows = stmt.query([exercice.start_year]).unwrap();
        let mut out: Vec<(i64, Vec<u8>)> = Vec::new();
        while let Some(r) = rows.next().unwrap() {
            let id: i64 = r.get(0).unwrap();
            if out.last().map(|(i, _)| *i) != Some(id) {
                let mut text = Vec::new();
                let _ = write!(text, "{id}");
                for i in [2, 1, 3, 4, 5, 6, 7] {
                    text.push(0x1f);
                    push_value(&mut text, r.get_ref(i).unwrap());
                }
                out.push((id, text));
            }
            if !matches!(r.get_ref(8).unwrap(), ValueRef::Null) {
                let text = &mut out.last_mut().unwrap().1;
                text.push(0x1e);
                for i in 8..=10 {
                    if i > 8 {
                        text.push(0x1f);
                    }
                    push_value(text, r.get_ref(i).unwrap());
                }
            }
        }
        out
    }

    #[test]
    fn the_canonical_text_is_the_one_of_the_first_chains() {
        let conn = crate::store::open_in_memory().unwrap();
        conn.execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO exercice (start_year) VALUES (2024);
             INSERT INTO account (id, code, label, kind) VALUES
                 (900, '512', 'Compte Pro', 'bilan'), (901, '606', 'Achats', 'charge');
             INSERT INTO entry (id, exercice, date, piece, kind, label, mode, cheque_no, created_at)
                 VALUES (1, 2024, '2024-09-02', 'D001', 'depense', 'Papeterie', 'cheque', '0042', 'x'),
                        (2, 2024, '2024-09-03', 'R001', 'recette', 'Dons', NULL, NULL, 'x'),
                        (3, 2024, '2024-09-04', 'D002', 'depense', 'Sans lignes', NULL, NULL, 'x');
             INSERT INTO entry_line (entry_id, position, account_id, amount_cents, exercice, date)
                 VALUES (1, 0, 901, 1250, 2024, '2024-09-02'), (1, 1, 900, -1250, 2024, '2024-09-02'),
                        (2, 1, 900, 500, 2024, '2024-09-03'),
                        -- an account gone, and a text in place of an account id (hand edits)
                        (2, 0, 777, -300, 2024, '2024-09-03'), (2, 2, 'x', -200, 2024, '2024-09-03');
             UPDATE account SET code = 606 WHERE id = 901;",
        )
        .unwrap();
        let exercice = Exercice::new(2024);
        let mut texts = Vec::new();
        for_each_entry(&conn, exercice, |c| {
            texts.push((c.id, c.text));
            Ok(())
        })
        .unwrap();
        assert_eq!(texts.len(), 3);
        assert_eq!(texts, joined_texts(&conn, exercice));
    }
}
