//! The copies in `sauvegardes/`: listing them, checking one, and putting one
//! back in place of the base (after keeping a copy of the base as it was).

use super::backup::{self, CopyName};
use super::{Result, StoreError, schema};
use crate::domain::Exercice;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};

/// One copy found beside the base.
#[derive(Debug, Clone)]
pub struct Listed {
    pub path: PathBuf,
    pub name: CopyName,
    pub size: u64,
    /// Entries in the copy, or why it cannot be read.
    pub entries: std::result::Result<i64, String>,
}

/// The copies of `db`, oldest first, each checked (size, entries).
pub fn list(db: &Path) -> Result<Vec<Listed>> {
    Ok(copies(db)?
        .into_iter()
        .filter_map(|(path, name)| {
            let size = std::fs::metadata(&path).ok()?.len();
            let entries = if backup::is_complete(&path) {
                inspect(&path).map(|c| c.entries).map_err(|e| e.to_string())
            } else {
                Err("incomplète".to_string())
            };
            Some(Listed {
                path,
                name,
                size,
                entries,
            })
        })
        .collect())
}

/// The files of `sauvegardes/` named as copies of `db`, oldest first, not
/// opened.
fn copies(db: &Path) -> Result<Vec<(PathBuf, CopyName)>> {
    let dir = backup::backup_dir(db);
    let read = match std::fs::read_dir(&dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(StoreError::Io {
                path: dir.display().to_string(),
                source: e,
            });
        }
    };
    let stem = backup::stem(db);
    let mut found: Vec<(PathBuf, CopyName)> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|path| {
            let name = backup::parse_copy_name(path.file_name()?.to_str()?, stem)?;
            Some((path, name))
        })
        .collect();
    found.sort_by(|a, b| (a.1.taken_at, &a.0).cmp(&(b.1.taken_at, &b.0)));
    Ok(found)
}

/// What a checked copy holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyInfo {
    pub schema: i64,
    pub coop: String,
    pub entries: i64,
}

/// Opens a file for reading without writing anything beside it (no `-wal`,
/// no `-shm`, no journal): SQLite's `immutable` mode.
fn open_untouched(path: &Path) -> Result<Connection> {
    let absolute = std::fs::canonicalize(path).map_err(|e| StoreError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    let mut text = absolute.to_string_lossy().replace('\\', "/");
    if !text.starts_with('/') {
        text.insert(0, '/');
    }
    let mut uri = String::from("file://");
    for c in text.chars() {
        match c {
            '%' => uri.push_str("%25"),
            '?' => uri.push_str("%3F"),
            '#' => uri.push_str("%23"),
            c => uri.push(c),
        }
    }
    uri.push_str("?immutable=1");
    Ok(Connection::open_with_flags(
        uri,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI,
    )?)
}

/// Checks that `path` is a whole coopcompta base this version can read.
pub fn inspect(path: &Path) -> Result<CopyInfo> {
    let not_ours =
        || StoreError::Refused(format!("{} n'est pas une base coopcompta", path.display()));
    let meta = std::fs::metadata(path).map_err(|e| StoreError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    if !meta.is_file() || !backup::is_complete(path) {
        return Err(not_ours());
    }
    let conn = open_untouched(path)?;
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| not_ours())?;
    if integrity != "ok" {
        return Err(StoreError::Refused(format!(
            "{} est endommagé ({integrity}) : choisissez une autre copie",
            path.display()
        )));
    }
    let schema: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if schema > schema::latest_version() {
        return Err(StoreError::TooNew {
            found: schema,
            supported: schema::latest_version(),
        });
    }
    if schema < 1 {
        return Err(not_ours());
    }
    let coop: String = conn
        .query_row("SELECT name FROM coop WHERE id = 1", [], |r| r.get(0))
        .map_err(|_| not_ours())?;
    let entries: i64 = conn
        .query_row("SELECT count(*) FROM entry", [], |r| r.get(0))
        .map_err(|_| not_ours())?;
    Ok(CopyInfo {
        schema,
        coop,
        entries,
    })
}

/// `file` as given, or the copy of that name in `sauvegardes/`.
pub fn resolve(db: &Path, file: &Path) -> PathBuf {
    if !file.exists() && file.components().count() == 1 {
        let inside = backup::backup_dir(db).join(file);
        if inside.exists() {
            return inside;
        }
    }
    file.to_path_buf()
}

/// What a restore did.
#[derive(Debug, Clone)]
pub struct Restored {
    /// The copy of the base as it was (none if there was no base).
    pub kept: Option<PathBuf>,
    pub info: CopyInfo,
}

/// Puts `file` back as the base `db`. The caller holds the lock. The file is
/// checked first; then the base as it was is copied to
/// `<name>-<stamp>-avant-restauration.db`; then the copy's pages replace
/// the base's (SQLite's backup, WAL included), and an older schema is
/// brought up to date.
pub fn restore(db: &Path, file: &Path, at: chrono::NaiveDateTime) -> Result<Restored> {
    if let (Ok(a), Ok(b)) = (std::fs::canonicalize(db), std::fs::canonicalize(file))
        && a == b
    {
        return Err(StoreError::Refused(format!(
            "{} est la base elle-même : choisissez une copie du dossier sauvegardes",
            file.display()
        )));
    }
    let info = inspect(file)?;
    let kept = if super::open::is_blank(db) {
        None
    } else {
        let current = super::open::open_unmigrated(db)?;
        Some(backup::backup_labelled(
            &current,
            db,
            at,
            "avant-restauration",
        )?)
    };
    {
        let source = open_untouched(file)?;
        let mut target = super::open::open_unmigrated(db)?;
        let copy = rusqlite::backup::Backup::new(&source, &mut target)?;
        copy.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    drop(super::open::open(db)?);
    Ok(Restored { kept, info })
}

/// The copies of `db` that still hold names of pupils of `exercice`.
pub fn copies_with_names(db: &Path, exercice: Exercice) -> Result<Vec<PathBuf>> {
    let mut found = Vec::new();
    // Only their names are read: no integrity check of every copy.
    for (path, _) in copies(db)? {
        let Ok(conn) = open_untouched(&path) else {
            continue;
        };
        let named: i64 = conn
            .query_row(
                "SELECT count(*) FROM pupil p JOIN school_class k ON k.id = p.class_id
                 WHERE k.exercice = ?1 AND p.anonymised_at IS NULL",
                [exercice.start_year],
                |r| r.get(0),
            )
            .unwrap_or(0);
        if named > 0 {
            found.push(path);
        }
    }
    Ok(found)
}
