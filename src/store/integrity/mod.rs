//! What a bug or a hand edit can leave in the file, found by one SQL query
//! per kind of damage (a 100,000-entry year is checked without loading its
//! entries). The file is opened as it is: no migration, nothing written.

mod bank;
mod entries;
mod fingerprint;
mod links;
mod locks;
mod types;
pub mod version;

use super::{Result, StoreError};
use crate::domain::Exercice;
use rusqlite::types::Value;
use rusqlite::{Connection, OpenFlags};
use std::fmt;
use std::path::Path;

/// The kinds of damage `check` looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingKind {
    SchemaVersion,
    Damaged,
    Unreadable,
    WrongType,
    BadDate,
    LineMismatch,
    NoLines,
    OneLine,
    Unbalanced,
    DuplicatePiece,
    MissingReference,
    NegativeCaisse,
    BrokenReversal,
    DeletedEntry,
    ParticipationMismatch,
    RegieMismatch,
    /// A bank line's matches do not pay it, or hang on an undone import.
    MatchMismatch,
    NoCoop,
    /// An entry of a closed exercice altered, added or removed since its
    /// closing (the fingerprint no longer agrees).
    AfterClosing,
    /// A trigger that locks closed exercices dropped or rewritten.
    LockMissing,
}

/// One thing found: what it is about (a pièce first, or a row) and the
/// French sentence saying what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub kind: FindingKind,
    pub subject: String,
    pub text: String,
}

impl Finding {
    pub fn new(kind: FindingKind, subject: impl Into<String>, text: impl Into<String>) -> Self {
        Finding {
            kind,
            subject: subject.into(),
            text: text.into(),
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.subject, self.text)
    }
}

/// What `check` found, and how many entries it looked at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub entries: i64,
    pub findings: Vec<Finding>,
}

/// Opens an existing file for checking only: no creation, no migration,
/// `query_only` so that nothing can be written.
pub fn open_for_check(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(StoreError::NotInitialized);
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    conn.pragma_update(None, "query_only", true)?;
    Ok(conn)
}

type CheckFn = fn(&Connection, &mut Vec<Finding>) -> rusqlite::Result<()>;

/// Each check, the tables it reads, and its name in an error.
const CHECKS: &[(&str, &[&str], CheckFn)] = &[
    ("version du schéma", &[], version::check),
    ("protections de clôture", &["exercice"], locks::check),
    ("types des colonnes", &[], types::check),
    ("coopérative", &["coop", "exercice"], links::coop),
    ("dates", &["entry"], entries::dates),
    (
        "lignes et équilibre",
        &["entry", "entry_line"],
        entries::line_counts,
    ),
    (
        "dates des lignes",
        &["entry", "entry_line"],
        entries::line_dates,
    ),
    ("numéros de pièce", &["entry"], entries::duplicates),
    (
        "caisse",
        &["account", "entry", "entry_line"],
        entries::caisse,
    ),
    ("liens", &[], links::foreign_keys),
    ("annulations", &["entry", "entry_line"], links::reversals),
    ("journal", &["entry", "audit"], links::deleted_entries),
    (
        "participations",
        &["entry", "contribution"],
        links::contributions,
    ),
    ("régies", &["entry", "regie_move"], links::regies),
    (
        "rapprochements",
        &[
            "entry",
            "entry_line",
            "bank_line",
            "bank_match",
            "import_batch",
        ],
        bank::matches,
    ),
    (
        "empreinte de clôture",
        &["entry", "entry_line", "fingerprint", "fingerprint_link"],
        fingerprint::check,
    ),
];

fn refuse_empty(conn: &Connection) -> Result<()> {
    let tables: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table'",
        [],
        |r| r.get(0),
    )?;
    if tables == 0 {
        return Err(StoreError::NotInitialized);
    }
    Ok(())
}

/// The findings of every check of [`CHECKS`], in its order.
fn run_checks(conn: &Connection) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (name, needed, run) in CHECKS {
        if !needed.iter().all(|t| has_table(conn, t)) {
            continue;
        }
        if let Err(e) = run(conn, &mut findings) {
            findings.push(Finding::new(
                FindingKind::Unreadable,
                "base",
                format!("vérification « {name} » impossible : {}", one_line(&e)),
            ));
        }
    }
    findings
}

/// Runs every check on an open file. A file SQLite cannot read at all (not
/// a database) is an error; anything else is a finding.
pub fn check(conn: &Connection) -> Result<Report> {
    refuse_empty(conn)?;
    let damaged = damage(conn)?;
    // A damaged file may answer anything: its own report comes first and
    // alone.
    let findings = if damaged.is_empty() {
        run_checks(conn)
    } else {
        damaged
    };
    Ok(Report {
        entries: count_entries(conn),
        findings,
    })
}

/// Opens the file at `path` as it is and checks it, as [`check`] does, on
/// two connections: SQLite's own check reads the file in a second thread
/// while the other checks run (a 100,000-entry year takes the time of the
/// longer of the two instead of their sum on two cores). Findings come in
/// the same order; a damaged file's own report still comes alone.
pub fn check_file(path: &Path) -> Result<Report> {
    let conn = open_for_check(path)?;
    refuse_empty(&conn)?;
    let beside = open_for_check(path)?;
    let (damaged, others) = std::thread::scope(|scope| {
        let second = scope.spawn(move || damage(&beside));
        let others = run_checks(&conn);
        let damaged = second
            .join()
            .unwrap_or_else(|_| Err(StoreError::Corrupt("vérification interrompue".into())))?;
        Ok::<_, StoreError>((damaged, others))
    })?;
    Ok(Report {
        entries: count_entries(&conn),
        findings: if damaged.is_empty() { others } else { damaged },
    })
}

/// SQLite's own `integrity_check`, one finding per line of its answer:
/// every page, cell and constraint, and each index entry against its row
/// (`quick_check` would skip that cross-check and save a third of a big
/// year's `check`, but an index that disagrees with its table is exactly
/// the damage the other checks, which read through the indexes, would not
/// see). [`check_file`] runs it beside the other checks.
fn damage(conn: &Connection) -> Result<Vec<Finding>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let lines = stmt
        .query_map([], |r| r.get::<_, Value>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(lines
        .iter()
        .map(shown)
        .filter(|l| l != "ok")
        .map(|l| {
            Finding::new(
                FindingKind::Damaged,
                "base",
                format!(
                    "fichier endommagé (SQLite : {l}) : reprenez la dernière copie du dossier sauvegardes"
                ),
            )
        })
        .collect())
}

/// Every row of a query, each as `width` raw values (never a typed read
/// that a text in an integer column would break).
fn rows(conn: &Connection, sql: &str, width: usize) -> rusqlite::Result<Vec<Vec<Value>>> {
    let mut stmt = conn.prepare(sql)?;
    stmt.query_map([], |r| {
        (0..width)
            .map(|i| r.get::<_, Value>(i))
            .collect::<rusqlite::Result<Vec<_>>>()
    })?
    .collect()
}

fn count_entries(conn: &Connection) -> i64 {
    if !has_table(conn, "entry") {
        return 0;
    }
    conn.query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .unwrap_or(0)
}

fn has_table(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n > 0)
    .unwrap_or(false)
}

/// An SQLite error as one French line: never the statement's SQL.
pub fn one_line(error: &rusqlite::Error) -> String {
    let french = super::french_sqlite(error);
    if !french.starts_with("erreur inattendue") {
        return french;
    }
    let text = match error {
        rusqlite::Error::SqliteFailure(e, Some(message)) => {
            format!("{message} ({})", e.code as i32)
        }
        rusqlite::Error::SqlInputError { msg, .. } => msg.clone(),
        other => other.to_string(),
    };
    let first = text.lines().next().unwrap_or("").to_string();
    let first = first.split(" in ").next().unwrap_or("").trim().to_string();
    format!("erreur inattendue : {}", sanitize(&first, 120))
}

/// A stored value as text to show: control characters replaced, long
/// texts cut, binary data described.
pub(crate) fn shown(value: &Value) -> String {
    match value {
        Value::Null => "vide".into(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string().replace('.', ","),
        Value::Text(t) => sanitize(t, 40),
        Value::Blob(b) => format!("données binaires ({} octets)", b.len()),
    }
}

fn sanitize(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

/// `R001 (2024-2025)`: the pièce and its exercice, as findings start.
pub(crate) fn piece_subject(piece: &Value, exercice: &Value) -> String {
    format!("{} ({})", shown(piece), shown_exercice(exercice))
}

/// `2024-2025` for a stored start year.
pub(crate) fn shown_exercice(exercice: &Value) -> String {
    match exercice {
        Value::Integer(y) => i32::try_from(*y)
            .map(|y| Exercice::new(y).to_string())
            .unwrap_or_else(|_| y.to_string()),
        other => shown(other),
    }
}

/// `R001 (2024-2025)` for an entry id, or `écriture n° 7` when it is gone.
pub(crate) fn entry_subject(conn: &Connection, id: &Value) -> rusqlite::Result<String> {
    let found = conn
        .query_row(
            "SELECT piece, exercice FROM entry WHERE id = ?1",
            [id],
            |r| Ok((r.get::<_, Value>(0)?, r.get::<_, Value>(1)?)),
        )
        .map(Some)
        .or_else(|e| match e {
            rusqlite::Error::QueryReturnedNoRows => Ok(None),
            e => Err(e),
        })?;
    Ok(match found {
        Some((piece, exercice)) => piece_subject(&piece, &exercice),
        None => format!("écriture n° {}", shown(id)),
    })
}

/// A stored date (`aaaa-mm-jj`) as people read it, or the text as it is.
pub(crate) fn shown_date(value: &Value) -> String {
    match value {
        Value::Text(t) => chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .map(crate::domain::format_date)
            .unwrap_or_else(|_| format!("« {} »", sanitize(t, 40))),
        other => format!("« {} »", shown(other)),
    }
}

/// An amount in cents as people read it.
pub(crate) fn shown_cents(value: &Value) -> String {
    match value {
        Value::Integer(c) => crate::domain::Money::from_cents(*c).to_string(),
        other => shown(other),
    }
}
