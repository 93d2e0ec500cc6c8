//! One coopcompta at a time on a database: an exclusive lock on a file beside
//! it, held while the program runs and released by the system if it dies.

use super::{Result, StoreError};
use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

/// Holds the lock until dropped.
#[derive(Debug)]
pub struct DbLock {
    _file: File,
    pub path: PathBuf,
}

pub fn lock_path(db: &Path) -> PathBuf {
    let mut name = db.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".verrou");
    db.with_file_name(name)
}

/// Takes the lock or explains that another copy has the database open.
pub fn acquire(db: &Path) -> Result<DbLock> {
    super::open::ensure_folder(db)?;
    let path = lock_path(db);
    let file = OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::Io {
            path: path.display().to_string(),
            source: e,
        })?;
    match file.try_lock() {
        Ok(()) => Ok(DbLock { _file: file, path }),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(db.display().to_string())),
        Err(TryLockError::Error(e)) => Err(StoreError::Io {
            path: path.display().to_string(),
            source: e,
        }),
    }
}
