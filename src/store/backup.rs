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
pub fn backup_now(conn: &Connection, db: &Path, at: chrono::NaiveDateTime) -> Result<PathBuf> {
    let stamp = at.format("%Y-%m-%d_%H-%M-%S");
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

/// `coop-2025-03-20_08-00-00.db` is a copy of `coop.db`; `coop-ecole-….db`
/// is not (it belongs to `coop-ecole.db`).
fn is_copy_of(name: &str, stem: &str) -> bool {
    let Some(stamp) = name
        .strip_prefix(stem)
        .and_then(|rest| rest.strip_prefix('-'))
        .and_then(|rest| rest.strip_suffix(".db"))
    else {
        return false;
    };
    // Stamp shape: 2025-03-20_08-00-00.
    stamp.len() == 19
        && stamp.char_indices().all(|(i, c)| match i {
            4 | 7 | 13 | 16 => c == '-',
            10 => c == '_',
            _ => c.is_ascii_digit(),
        })
}

fn prune(dir: &Path, stem: &str) -> Result<()> {
    let mut copies: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| StoreError::Io {
            path: dir.display().to_string(),
            source: e,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_copy_of(n, stem))
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
