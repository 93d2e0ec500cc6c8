//! Dated copies of the database, taken with SQLite's online backup: when the
//! application opens it (the last [`KEEP`] are kept), before a schema
//! upgrade and before a restore (those are never pruned).
//!
//! A copy is written to a hidden temporary file (`.coop-STAMP.db.partiel`,
//! owner only), synced, then renamed: a copy under its final name is always
//! whole. Temporary files left by a killed run are removed at the next copy.

use super::{Result, StoreError};
use rusqlite::Connection;
use std::path::{Path, PathBuf};

pub const KEEP: usize = 10;

/// The ending of a copy being written.
const PARTIAL: &str = ".partiel";

/// `…/sauvegardes` beside the database.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("sauvegardes")
}

/// The name the copies of `db` start with: `coop` for `coop.db`.
pub(super) fn stem(db: &Path) -> &str {
    db.file_stem().and_then(|s| s.to_str()).unwrap_or("coop")
}

fn io_error(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.display().to_string(),
        source,
    }
}

/// Copies the database to `sauvegardes/<name>-<stamp>.db` and removes the
/// oldest whole copies beyond [`KEEP`]. Returns the new copy's path.
pub fn backup_now(conn: &Connection, db: &Path, at: chrono::NaiveDateTime) -> Result<PathBuf> {
    let target = copy_to(conn, db, at, None)?;
    prune(&backup_dir(db), stem(db))?;
    Ok(target)
}

/// Copies the database to `sauvegardes/<name>-<stamp>-<label>.db`, a copy
/// that pruning keeps (before a schema upgrade, before a restore).
pub fn backup_labelled(
    conn: &Connection,
    db: &Path,
    at: chrono::NaiveDateTime,
    label: &str,
) -> Result<PathBuf> {
    copy_to(conn, db, at, Some(label))
}

fn copy_to(
    conn: &Connection,
    db: &Path,
    at: chrono::NaiveDateTime,
    label: Option<&str>,
) -> Result<PathBuf> {
    let dir = backup_dir(db);
    make_private_dir(&dir)?;
    let stem = stem(db);
    remove_leftovers(&dir, stem);
    let stamp = at.format("%Y-%m-%d_%H-%M-%S");
    let name = match label {
        Some(label) => format!("{stem}-{stamp}-{label}.db"),
        None => format!("{stem}-{stamp}.db"),
    };
    let target = dir.join(&name);
    let partial = dir.join(format!(".{name}{PARTIAL}"));
    if let Err(e) = write_whole(conn, &partial, &target) {
        remove_partial(&partial);
        return Err(e);
    }
    sync_dir(&dir);
    Ok(target)
}

/// `sauvegardes/` readable by its owner only.
fn make_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
        builder.mode(0o700);
        if let Ok(meta) = std::fs::metadata(dir)
            && meta.is_dir()
            && meta.permissions().mode() & 0o077 != 0
        {
            // A folder of this program's copies, made by an older version.
            let _ = std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700));
        }
    }
    builder.create(dir).map_err(|e| io_error(dir, e))
}

/// A new file readable by its owner only (created so, never widened first).
pub(super) fn create_private(path: &Path) -> Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(|e| io_error(path, e))
}

fn write_whole(conn: &Connection, partial: &Path, target: &Path) -> Result<()> {
    create_private(partial)?;
    {
        let mut dest = Connection::open(partial)?;
        // The temporary file is thrown away if anything fails: no journal.
        dest.pragma_update(None, "journal_mode", "OFF")?;
        dest.pragma_update(None, "synchronous", "OFF")?;
        let backup = rusqlite::backup::Backup::new(conn, &mut dest)?;
        backup.run_to_completion(256, std::time::Duration::ZERO, None)?;
    }
    mark_rollback_journal(partial)?;
    std::fs::File::open(partial)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_error(partial, e))?;
    std::fs::rename(partial, target).map_err(|e| io_error(target, e))
}

/// A copy of a WAL database says "WAL" in its header, and whoever opens it
/// then leaves `-wal` and `-shm` files beside it. Bytes 18 and 19 set to 1
/// make it a plain single-file database (what `journal_mode=DELETE` does).
fn mark_rollback_journal(path: &Path) -> Result<()> {
    use std::io::{Read, Seek, SeekFrom, Write};
    let mut file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open(path)
        .map_err(|e| io_error(path, e))?;
    let mut header = [0u8; 20];
    file.read_exact(&mut header)
        .map_err(|e| io_error(path, e))?;
    if header[18] == 2 && header[19] == 2 {
        file.seek(SeekFrom::Start(18))
            .and_then(|_| file.write_all(&[1, 1]))
            .map_err(|e| io_error(path, e))?;
    }
    Ok(())
}

fn remove_partial(partial: &Path) {
    let _ = std::fs::remove_file(partial);
    let mut journal = partial.as_os_str().to_os_string();
    journal.push("-journal");
    let _ = std::fs::remove_file(journal);
}

/// Removes the temporary copies of `stem` that a killed run left (this
/// program made them; the lock says no other run is writing one now).
fn remove_leftovers(dir: &Path, stem: &str) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for path in read.filter_map(|e| e.ok().map(|e| e.path())) {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(inner) = name.strip_prefix('.') else {
            continue;
        };
        let inner = inner.strip_suffix("-journal").unwrap_or(inner);
        if inner
            .strip_suffix(PARTIAL)
            .is_some_and(|copy| parse_copy_name(copy, stem).is_some())
        {
            let _ = std::fs::remove_file(&path);
        }
    }
}

#[cfg(unix)]
fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(not(unix))]
fn sync_dir(_dir: &Path) {}

/// What a copy's name says: when it was taken, and its label if it is not
/// an ordinary start-up copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyName {
    pub taken_at: chrono::NaiveDateTime,
    pub label: Option<String>,
}

/// `coop-2025-03-20_08-00-00.db` is a copy of `coop.db`, and so is
/// `coop-2025-03-20_08-00-00-avant-migration-v3.db`; `coop-ecole-….db` is
/// not (it belongs to `coop-ecole.db`).
pub fn parse_copy_name(name: &str, stem: &str) -> Option<CopyName> {
    let rest = name
        .strip_prefix(stem)?
        .strip_prefix('-')?
        .strip_suffix(".db")?;
    let stamp = rest.get(..19)?;
    let taken_at = chrono::NaiveDateTime::parse_from_str(stamp, "%Y-%m-%d_%H-%M-%S").ok()?;
    let label = match &rest[19..] {
        "" => None,
        tail => {
            let label = tail.strip_prefix('-')?;
            if label.is_empty() || !label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return None;
            }
            Some(label.to_string())
        }
    };
    Some(CopyName { taken_at, label })
}

/// Whether a file is a whole SQLite database: its header's page count times
/// its page size is its length (a copy cut short by a crash is not).
pub fn is_complete(path: &Path) -> bool {
    use std::io::Read;
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let Ok(len) = file.metadata().map(|m| m.len()) else {
        return false;
    };
    let mut header = [0u8; 100];
    if file.read_exact(&mut header).is_err() || &header[..16] != b"SQLite format 3\0" {
        return false;
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([
        header[28], header[29], header[30], header[31],
    ]));
    let counter_valid = header[24..28] == header[92..96];
    page_size >= 512 && pages > 0 && counter_valid && pages * page_size == len
}

fn prune(dir: &Path, stem: &str) -> Result<()> {
    let mut copies: Vec<(chrono::NaiveDateTime, PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| io_error(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = parse_copy_name(p.file_name()?.to_str()?, stem)?;
            (name.label.is_none() && is_complete(&p)).then_some((name.taken_at, p))
        })
        .collect();
    copies.sort();
    // Only whole copies count and are removed; the newest KEEP stay.
    let excess = copies.len().saturating_sub(KEEP);
    for (_, old) in copies.into_iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}

/// Copies the database before its schema is upgraded to schema `to` (so that a
/// failed upgrade can be undone), as `<name>-<stamp>-avant-migration-vN.db`.
pub fn before_migration(conn: &Connection, db: &Path, to: i64) -> Result<PathBuf> {
    let now = chrono::Local::now().naive_local();
    backup_labelled(conn, db, now, &format!("avant-migration-v{to}"))
}
