//! Dated copies of the database, taken with SQLite's online backup when the
//! application opens it; the last [`KEEP`] are kept.

use super::{Result, StoreError};
use rusqlite::{Connection, MAIN_DB};
use std::path::{Path, PathBuf};

pub const KEEP: usize = 10;

/// `…/sauvegardes` beside the database.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join("sauvegardes")
}

/// Copies the database to `sauvegardes/<name>-<stamp>.db` and removes the
/// oldest copies beyond [`KEEP`]. Returns the new copy's path.
pub fn backup_now(conn: &Connection, db: &Path, stamp: &str) -> Result<PathBuf> {
    let dir = backup_dir(db);
    std::fs::create_dir_all(&dir).map_err(|e| StoreError::Io {
        path: dir.display().to_string(),
        source: e,
    })?;
    let stem = db.file_stem().and_then(|s| s.to_str()).unwrap_or("coop");
    let target = dir.join(format!("{stem}-{stamp}.db"));
    conn.backup(MAIN_DB, &target, None::<fn(rusqlite::backup::Progress)>)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::fs::set_permissions(&target, std::fs::Permissions::from_mode(0o600));
    }
    prune(&dir, stem)?;
    Ok(target)
}

fn prune(dir: &Path, stem: &str) -> Result<()> {
    let prefix = format!("{stem}-");
    let mut copies: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| StoreError::Io {
            path: dir.display().to_string(),
            source: e,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".db"))
        })
        .collect();
    // Stamps sort in time order.
    copies.sort();
    let excess = copies.len().saturating_sub(KEEP);
    for old in copies.into_iter().take(excess) {
        let _ = std::fs::remove_file(old);
    }
    Ok(())
}
