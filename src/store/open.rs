//! Opening the database file: owner-only permissions, pragmas, migrations.

use super::{Result, StoreError, schema};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

/// `--db`, else `$COOPCOMPTA_DB`, else `coopcompta/coop.db` in the
/// platform's data folder: `$XDG_DATA_HOME` or `~/.local/share` (Linux; a
/// relative `XDG_DATA_HOME` is ignored, as the XDG spec says), `%APPDATA%`
/// (Windows), `~/Library/Application Support` (macOS).
pub fn default_db_path() -> PathBuf {
    if let Some(path) = std::env::var_os("COOPCOMPTA_DB").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let base = directories::BaseDirs::new()
        .map(|dirs| dirs.data_dir().to_path_buf())
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("coopcompta").join("coop.db")
}

/// A missing or empty file: no coop has been created in it yet.
pub fn is_blank(path: &Path) -> bool {
    std::fs::metadata(path).map_or(true, |m| m.is_file() && m.len() == 0)
}

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Creates the database's folder (owner only) if it is missing.
pub fn ensure_folder(path: &Path) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
        && !parent.exists()
    {
        std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        restrict(parent, 0o700)?;
    }
    Ok(())
}

/// Creates the folder and an empty file readable by its owner only (the
/// database will hold children's names), then opens and migrates it.
pub fn open(path: &Path) -> Result<Connection> {
    let opened = open_unmigrated(path).and_then(|mut conn| {
        // Refused versions are refused before any copy is taken.
        let version = schema::check_version(&conn)?;
        if version > 0 && version < schema::latest_version() {
            // A copy first, so that a failed upgrade can be undone.
            super::backup::before_migration(&conn, path, schema::latest_version())?;
        }
        schema::migrate(&mut conn)?;
        Ok(conn)
    });
    opened.map_err(|e| match e {
        StoreError::Sqlite(ref error) if cannot_write(error) && !folder_accepts_writes(path) => {
            read_only_folder(path)
        }
        other => other,
    })
}

/// An SQLite failure that a folder without write access explains.
fn cannot_write(error: &rusqlite::Error) -> bool {
    use rusqlite::ErrorCode;
    matches!(
        error.sqlite_error_code(),
        Some(ErrorCode::CannotOpen | ErrorCode::ReadOnly | ErrorCode::PermissionDenied)
    )
}

fn read_only_folder(db: &Path) -> StoreError {
    StoreError::ReadOnlyFolder {
        db: db.display().to_string(),
        folder: folder_of(db).display().to_string(),
    }
}

pub(super) fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Whether a file can be created beside `path` (tried with a probe file,
/// removed at once: the only sure test, permissions alone do not tell).
pub fn folder_accepts_writes(path: &Path) -> bool {
    let probe = folder_of(path).join(format!(".coopcompta-essai-{}", std::process::id()));
    match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&probe)
    {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(e) => e.kind() == std::io::ErrorKind::AlreadyExists,
    }
}

/// Opens without migrating (restoring a copy over the base).
pub(super) fn open_unmigrated(path: &Path) -> Result<Connection> {
    ensure_folder(path)?;
    if !path.exists() {
        super::backup::create_private(path)?;
    }
    let conn = Connection::open(path)?;
    configure(&conn)?;
    Ok(conn)
}

/// After names were overwritten (with `secure_delete` on): rebuilds the
/// file so that no free page keeps old text, then empties the WAL into it.
pub fn scrub(conn: &Connection) -> Result<()> {
    conn.execute_batch("VACUUM")?;
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
    Ok(())
}

/// A fresh in-memory database (tests, benchmarks).
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&conn)?;
    schema::migrate(&mut conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "WAL")?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(std::time::Duration::from_secs(5))?;
    // Keep each statement's plan: this SQLite (with STAT4) otherwise re-plans
    // statements whose bound values touch indexed columns, at every call.
    conn.set_db_config(
        rusqlite::config::DbConfig::SQLITE_DBCONFIG_ENABLE_QPSG,
        true,
    )?;
    Ok(())
}

#[cfg(unix)]
fn restrict(path: &Path, mode: u32) -> Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| io_error(path, e))
}

#[cfg(not(unix))]
fn restrict(_path: &Path, _mode: u32) -> Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_only_folder_is_named_as_the_cause() {
        assert_eq!(
            read_only_folder(Path::new("/clé/coop.db")).to_string(),
            "la base /clé/coop.db ne peut pas être ouverte : le dossier /clé n'accepte pas d'écriture, et SQLite doit y créer ses fichiers de travail (-wal, -shm) même pour lire ; copiez la base dans un dossier à vous, ou rendez ce dossier inscriptible"
        );
    }

    #[test]
    fn the_probe_leaves_nothing_behind() {
        let dir = std::env::temp_dir().join(format!("coopcompta-sonde-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        assert!(folder_accepts_writes(&dir.join("coop.db")));
        assert_eq!(std::fs::read_dir(&dir).expect("dir").count(), 0);
        std::fs::remove_dir(&dir).expect("empty");
        assert!(
            !folder_accepts_writes(&dir.join("coop.db")),
            "missing folder"
        );
    }
}
