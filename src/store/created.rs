//! What a command is about to create for a database (its folders, the file,
//! its WAL, its lock), noted beforehand so that a refused command can remove
//! exactly that and nothing else.

use std::path::{Path, PathBuf};

/// The files and folders of a database that did not exist when noted.
#[derive(Debug, Default)]
pub struct NewFiles {
    files: Vec<PathBuf>,
    /// Deepest first.
    folders: Vec<PathBuf>,
    /// The database file existed and was empty: it is emptied again.
    empty_db: Option<PathBuf>,
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

impl NewFiles {
    /// Notes what of `db`'s files and folders is missing now.
    pub fn note(db: &Path) -> Self {
        let mut new = NewFiles::default();
        for path in [
            db.to_path_buf(),
            with_suffix(db, "-wal"),
            with_suffix(db, "-shm"),
            with_suffix(db, "-journal"),
            super::lock::lock_path(db),
        ] {
            if std::fs::symlink_metadata(&path).is_err() {
                new.files.push(path);
            }
        }
        if std::fs::metadata(db).is_ok_and(|m| m.is_file() && m.len() == 0) {
            new.empty_db = Some(db.to_path_buf());
        }
        let mut folder = db.parent();
        while let Some(dir) = folder.filter(|d| !d.as_os_str().is_empty()) {
            if std::fs::symlink_metadata(dir).is_ok() {
                break;
            }
            new.folders.push(dir.to_path_buf());
            folder = dir.parent();
        }
        new
    }

    /// Puts things back as noted: removes what was missing (a folder only if
    /// it is empty again) and empties the database file if it was empty.
    /// Call it once every connection and the lock are closed.
    pub fn undo(self) {
        for file in &self.files {
            let _ = std::fs::remove_file(file);
        }
        if let Some(db) = &self.empty_db
            && let Ok(file) = std::fs::OpenOptions::new().write(true).open(db)
        {
            let _ = file.set_len(0);
        }
        for folder in &self.folders {
            let _ = std::fs::remove_dir(folder);
        }
    }
}
