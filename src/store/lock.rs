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
        .map_err(|e| lock_file_error(&path, &e, super::open::folder_accepts_writes(&path)))?;
    match file.try_lock() {
        Ok(()) => Ok(DbLock { _file: file, path }),
        Err(TryLockError::WouldBlock) => Err(StoreError::Locked(db.display().to_string())),
        Err(TryLockError::Error(e)) => Err(StoreError::Io {
            path: path.display().to_string(),
            source: e,
        }),
    }
}

/// Why the lock file could not be opened, and whether deleting it is safe.
fn lock_file_error(path: &Path, error: &std::io::Error, folder_writable: bool) -> StoreError {
    let folder = super::open::folder_of(path);
    let cause = super::french_io(error);
    let reason = if !path.exists() && !folder_writable {
        format!(
            "{cause} ; le dossier {} n'accepte pas d'écriture : ouvrez une copie de la base dans un dossier à vous",
            folder.display()
        )
    } else {
        format!(
            "{cause} ; ce fichier est vide et ne sert qu'à empêcher deux coopcompta à la fois : si aucun coopcompta n'est ouvert sur cette base, vous pouvez le supprimer sans risque"
        )
    };
    StoreError::LockFile {
        path: path.display().to_string(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Error, ErrorKind};

    #[test]
    fn an_unopenable_lock_file_says_it_is_safe_to_delete() {
        let dir = std::env::temp_dir();
        let path = dir.join(format!("essai-{}.db.verrou", std::process::id()));
        std::fs::write(&path, "").expect("lock file");
        let error = lock_file_error(&path, &Error::from(ErrorKind::PermissionDenied), true);
        let _ = std::fs::remove_file(&path);
        assert_eq!(
            error.to_string(),
            format!(
                "fichier de verrou {} impossible à ouvrir : accès refusé (droits du fichier ou du dossier) ; ce fichier est vide et ne sert qu'à empêcher deux coopcompta à la fois : si aucun coopcompta n'est ouvert sur cette base, vous pouvez le supprimer sans risque",
                path.display()
            )
        );
    }

    #[test]
    fn a_read_only_folder_is_named_as_the_cause() {
        let path = Path::new("/lecture-seule/coop.db.verrou");
        let error = lock_file_error(path, &Error::from(ErrorKind::ReadOnlyFilesystem), false);
        assert_eq!(
            error.to_string(),
            "fichier de verrou /lecture-seule/coop.db.verrou impossible à ouvrir : support en lecture seule ; le dossier /lecture-seule n'accepte pas d'écriture : ouvrez une copie de la base dans un dossier à vous"
        );
    }
}
