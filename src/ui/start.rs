//! How the application starts and what it shows about its files.

use crate::book::Book;
use std::path::PathBuf;

/// How the application starts: open books, or an empty database to set up.
pub enum Start {
    Ready(Book),
    NeedsSetup(rusqlite::Connection),
}

/// What the application shows about its files.
#[derive(Debug, Clone, Default)]
pub struct RunInfo {
    pub db_path: PathBuf,
    pub backup_dir: PathBuf,
    /// "Sauvegarde faite : …" or a warning, shown on the status line at start.
    pub backup_note: Option<String>,
    /// The demo year (fictitious data): the header says so.
    pub demo: bool,
    /// Where the import file picker opens; `None`: the user's Downloads
    /// folder (else the home folder).
    pub import_dir: Option<PathBuf>,
    /// Where the Clôture and Écritures tabs write their files; `None`: the
    /// user's Documents folder (else the folder of the base).
    pub export_dir: Option<PathBuf>,
}

impl RunInfo {
    /// The folder the year-end files are written to.
    pub fn export_folder(&self) -> PathBuf {
        self.export_dir.clone().unwrap_or_else(|| {
            directories::UserDirs::new()
                .and_then(|dirs| dirs.document_dir().map(PathBuf::from))
                .or_else(|| {
                    self.db_path
                        .parent()
                        .filter(|p| !p.as_os_str().is_empty())
                        .map(PathBuf::from)
                })
                .unwrap_or_else(|| PathBuf::from("."))
        })
    }

    /// The folder the import file picker opens on.
    pub fn import_folder(&self) -> PathBuf {
        self.import_dir.clone().unwrap_or_else(|| {
            directories::UserDirs::new()
                .map(|dirs| {
                    // Without the desktop's user-dirs file, the usual
                    // names of the Downloads folder are tried.
                    dirs.download_dir().map(PathBuf::from).unwrap_or_else(|| {
                        let home = dirs.home_dir();
                        ["Téléchargements", "Downloads"]
                            .iter()
                            .map(|name| home.join(name))
                            .find(|dir| dir.is_dir())
                            .unwrap_or_else(|| home.to_path_buf())
                    })
                })
                .unwrap_or_else(|| PathBuf::from("."))
        })
    }
}
