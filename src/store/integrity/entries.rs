//! Entries and their lines: dates, line counts, balance, pièce numbers, and
//! the Caisse never below zero at the end of a day.

use super::{
    Finding, FindingKind, piece_subject, rows, shown, shown_cents, shown_date, shown_exercice,
};
use rusqlite::Connection;
use rusqlite::types::{Value, ValueRef};

fn count(value: &Value) -> i64 {
    match value {
        Value::Integer(n) => *n,
        _ => 0,
    }
}

fn lines_word(n: i64, one: &str, many: &str) -> String {
    if n > 1 {
        format!("{n} {many}")
    } else {
        format!("{n} {one}")
    }
}

/// An entry's date that is no date, or outside its exercice.
pub fn dates(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let found = rows(
        conn,
        "SELECT piece, exercice, date, date(date) IS date FROM entry
         WHERE date(date) IS NOT date
            OR (typeof(exercice) = 'integer'
                AND (date < printf('%04d-09-01', exercice) OR date > printf('%04d-08-31', exercice + 1)))
         ORDER BY exercice, date, piece",
        4,
    )?;
    for row in found {
        let text = if count(&row[3]) == 0 {
            format!(
                "date « {} » : une date aaaa-mm-jj est attendue",
                shown(&row[2])
            )
        } else {
            format!(
                "datée du {}, hors de son exercice (du 1er septembre au 31 août)",
                shown_date(&row[2])
            )
        };
        out.push(Finding::new(
            FindingKind::BadDate,
            piece_subject(&row[0], &row[1]),
            text,
        ));
    }
    Ok(())
}

/// Entries with no line or one line, and entries whose lines do not sum
/// to zero (lines holding a non-integer amount are reported by type).
pub fn line_counts(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let found = rows(
        conn,
        "SELECT e.piece, e.exercice, count(l.id),
                CASE WHEN sum(typeof(l.amount_cents) <> 'integer') = 0 THEN sum(l.amount_cents) END
         FROM entry e LEFT JOIN entry_line l ON l.entry_id = e.id
         GROUP BY e.id
         HAVING count(l.id) < 2
             OR (sum(typeof(l.amount_cents) <> 'integer') = 0 AND sum(l.amount_cents) <> 0)
         ORDER BY e.exercice, e.date, e.piece",
        4,
    )?;
    for row in found {
        let subject = piece_subject(&row[0], &row[1]);
        let (kind, text) = match count(&row[2]) {
            0 => (
                FindingKind::NoLines,
                "écriture sans aucune ligne (ses montants ont été effacés)".to_string(),
            ),
            1 => (
                FindingKind::OneLine,
                "écriture d'une seule ligne (une écriture en a au moins deux, qui s'équilibrent)"
                    .to_string(),
            ),
            _ => (
                FindingKind::Unbalanced,
                format!(
                    "écriture déséquilibrée : ses lignes totalisent {} au lieu de 0",
                    shown_cents(&row[3])
                ),
            ),
        };
        // One line of a non-zero amount is also unbalanced: one finding says it.
        out.push(Finding::new(kind, subject, text));
    }
    Ok(())
}

/// Lines whose date or exercice is not their entry's (the ledgers read the
/// lines' copies).
pub fn line_dates(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let found = rows(
        conn,
        "SELECT e.piece, e.exercice, e.date, l.date, l.exercice, count(*)
         FROM entry e JOIN entry_line l ON l.entry_id = e.id
         WHERE l.date IS NOT e.date OR l.exercice IS NOT e.exercice
         GROUP BY e.id, l.date, l.exercice
         ORDER BY e.exercice, e.date, e.piece",
        6,
    )?;
    for row in found {
        let n = count(&row[5]);
        let mut parts = Vec::new();
        if row[3] != row[2] {
            parts.push(format!(
                "{} du {} alors que l'écriture est du {}",
                lines_word(n, "ligne datée", "lignes datées"),
                shown_date(&row[3]),
                shown_date(&row[2])
            ));
        }
        if row[4] != row[1] {
            parts.push(format!(
                "{} à l'exercice {} alors que l'écriture est de l'exercice {}",
                lines_word(n, "ligne rattachée", "lignes rattachées"),
                shown_exercice(&row[4]),
                shown_exercice(&row[1]),
            ));
        }
        out.push(Finding::new(
            FindingKind::LineMismatch,
            piece_subject(&row[0], &row[1]),
            parts.join(" ; "),
        ));
    }
    Ok(())
}

/// The same pièce twice in an exercice (spaces around it ignored).
pub fn duplicates(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    // Grouped here rather than by SQLite: its GROUP BY on trim(piece) sorted
    // every entry of every year first (a tenth of a 100,000-entry check).
    #[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    enum Year {
        // SQLite orders integers before texts.
        Number(i64),
        Other(String),
    }
    let mut stmt = conn.prepare("SELECT exercice, trim(piece), id FROM entry")?;
    let mut rows = stmt.query([])?;
    let mut groups: std::collections::HashMap<(Year, Vec<u8>), Vec<i64>> = Default::default();
    let mut shown_years: std::collections::HashMap<Year, Value> = Default::default();
    while let Some(r) = rows.next()? {
        let year = match r.get_ref(0)? {
            ValueRef::Integer(n) => Year::Number(n),
            _ => {
                let value: Value = r.get(0)?;
                let year = Year::Other(shown(&value));
                shown_years.entry(year.clone()).or_insert(value);
                year
            }
        };
        let piece = match r.get_ref(1)? {
            ValueRef::Text(t) => t.to_vec(),
            _ => shown(&r.get::<_, Value>(1)?).into_bytes(),
        };
        groups.entry((year, piece)).or_default().push(r.get(2)?);
    }
    let mut found: Vec<_> = groups
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .collect();
    found.sort();
    for ((year, piece), mut ids) in found {
        ids.sort_unstable();
        let exercice = match &year {
            Year::Number(n) => Value::Integer(*n),
            other => shown_years.get(other).cloned().unwrap_or(Value::Null),
        };
        let piece = Value::Text(String::from_utf8_lossy(&piece).into_owned());
        let list: Vec<String> = ids.iter().map(i64::to_string).collect();
        out.push(Finding::new(
            FindingKind::DuplicatePiece,
            piece_subject(&piece, &exercice),
            format!(
                "numéro de pièce porté par {} écritures (n° {}) : chaque pièce est unique dans un exercice",
                ids.len(),
                list.join(", ")
            ),
        ));
    }
    Ok(())
}

/// The first day of each stretch where the Caisse ends the day below zero,
/// named by the pièces that took cash out that day.
pub fn caisse(conn: &Connection, out: &mut Vec<Finding>) -> rusqlite::Result<()> {
    let found = rows(
        conn,
        "WITH caisse AS (SELECT id FROM account WHERE money_key = 'caisse'),
         days AS (
             SELECT l.exercice AS ex, l.date AS day, sum(l.amount_cents) AS moved
             FROM entry_line l
             WHERE l.account_id IN (SELECT id FROM caisse) AND typeof(l.amount_cents) = 'integer'
             GROUP BY l.exercice, l.date),
         running AS (
             SELECT ex, day, sum(moved) OVER (PARTITION BY ex ORDER BY day) AS balance FROM days),
         marked AS (
             SELECT ex, day, balance,
                    lag(balance, 1, 0) OVER (PARTITION BY ex ORDER BY day) AS before
             FROM running)
         SELECT ex, day, balance,
                (SELECT group_concat(e.piece, ', ')
                 FROM entry_line l JOIN entry e ON e.id = l.entry_id
                 WHERE l.account_id IN (SELECT id FROM caisse) AND l.exercice = marked.ex
                   AND l.date = marked.day AND l.amount_cents < 0)
         FROM marked WHERE balance < 0 AND before >= 0
         ORDER BY ex, day",
        4,
    )?;
    for row in found {
        let pieces = match &row[3] {
            Value::Null => Value::Text("Caisse".into()),
            other => other.clone(),
        };
        out.push(Finding::new(
            FindingKind::NegativeCaisse,
            piece_subject(&pieces, &row[0]),
            format!(
                "la Caisse passe à {} le {} : une caisse ne peut pas être négative",
                shown_cents(&row[2]),
                shown_date(&row[1])
            ),
        ));
    }
    Ok(())
}
