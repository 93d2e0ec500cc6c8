//! The SQLite store: opening (pragmas, lock, backups), migrations, and one
//! module per group of tables. Functions take a `&Connection` or a
//! `&Transaction`; the caller decides the transaction (one per user action).

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod cash_counts;
pub mod checklist;
pub mod closing;
pub mod coop;
pub mod created;
pub mod entries;
pub mod export_rows;
pub mod fingerprint;
pub mod integrity;
pub mod ledger;
pub mod lock;
pub mod online;
pub mod open;
pub mod participations;
pub mod reconcile;
pub mod report;
pub mod restore;
pub mod schema;

pub use open::{default_db_path, is_blank, open, open_in_memory};

use crate::domain::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("base de données : {}", french_sqlite(.0))]
    Sqlite(rusqlite::Error),
    #[error("fichier {path} : {}", french_io(.source))]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{0}")]
    Field(#[from] FieldErrors),
    #[error(
        "la base {0} est déjà ouverte par un autre coopcompta : fermez-le d'abord (une seule fenêtre à la fois)"
    )]
    Locked(String),
    #[error(
        "cette base a été écrite par une version plus récente de coopcompta (schéma {found}, celle-ci lit jusqu'au {supported}) : mettez coopcompta à jour"
    )]
    TooNew { found: i64, supported: i64 },
    #[error(
        "la base n'est pas encore créée : lancez « coopcompta init --coop \"NOM\" » ou ouvrez l'application"
    )]
    NotInitialized,
    #[error("fichier de verrou {path} impossible à ouvrir : {reason}")]
    LockFile { path: String, reason: String },
    #[error(
        "la base {db} ne peut pas être ouverte : le dossier {folder} n'accepte pas d'écriture, et SQLite doit y créer ses fichiers de travail (-wal, -shm) même pour lire ; copiez la base dans un dossier à vous, ou rendez ce dossier inscriptible"
    )]
    ReadOnlyFolder { db: String, folder: String },
    #[error("la base contient une valeur inattendue : {0}")]
    Corrupt(String),
    #[error("{0}")]
    Refused(String),
}

impl From<rusqlite::Error> for StoreError {
    /// A write stopped by the lock of a closed exercice (migration 9's
    /// triggers) is a refusal, not a database error.
    fn from(error: rusqlite::Error) -> Self {
        if closing::is_lock_refusal(&error) {
            StoreError::Refused(closing::LOCKED.to_string())
        } else {
            StoreError::Sqlite(error)
        }
    }
}

impl From<crate::domain::FieldError> for StoreError {
    fn from(error: crate::domain::FieldError) -> Self {
        StoreError::Field(error.into())
    }
}

impl StoreError {
    /// The text to show under the input it is about: a field error without
    /// the field's name (the input says it), any other error whole.
    pub fn under_field(&self) -> String {
        match self {
            StoreError::Field(errors) => errors
                .0
                .iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join(" ; "),
            other => other.to_string(),
        }
    }
}

/// A system error in French, for the user.
pub fn french_io(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "introuvable (vérifiez le chemin et le dossier)".into(),
        ErrorKind::PermissionDenied => "accès refusé (droits du fichier ou du dossier)".into(),
        ErrorKind::AlreadyExists => "existe déjà".into(),
        ErrorKind::StorageFull => "disque plein".into(),
        ErrorKind::ReadOnlyFilesystem => "support en lecture seule".into(),
        ErrorKind::IsADirectory => "c'est un dossier, un fichier est attendu".into(),
        ErrorKind::InvalidData => "contenu illisible (texte non UTF-8 ?)".into(),
        ErrorKind::NotADirectory => "un élément du chemin n'est pas un dossier".into(),
        ErrorKind::DirectoryNotEmpty => "le dossier n'est pas vide".into(),
        ErrorKind::QuotaExceeded => "quota de disque dépassé".into(),
        ErrorKind::FileTooLarge => "fichier trop gros pour ce support".into(),
        ErrorKind::InvalidFilename => "nom de fichier refusé par le système".into(),
        ErrorKind::BrokenPipe => "la sortie a été fermée".into(),
        ErrorKind::UnexpectedEof => "fichier tronqué (fin inattendue)".into(),
        ErrorKind::TimedOut => "le système n'a pas répondu à temps".into(),
        ErrorKind::Interrupted => "opération interrompue".into(),
        // Only the number: the system's own text is in English.
        _ => match error.raw_os_error() {
            Some(code) => format!("erreur du système (code {code})"),
            None => "erreur du système".into(),
        },
    }
}

/// An SQLite error in French, for the user.
pub fn french_sqlite(error: &rusqlite::Error) -> String {
    use rusqlite::ErrorCode;
    match error.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => "ce fichier n'est pas une base coopcompta".into(),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => {
            "base occupée par un autre programme : réessayez dans un instant".into()
        }
        Some(ErrorCode::ReadOnly) => "base en lecture seule (droits du fichier ?)".into(),
        Some(ErrorCode::DiskFull) => {
            "disque plein : libérez de la place, rien n'a été enregistré".into()
        }
        Some(ErrorCode::CannotOpen) => "impossible d'ouvrir le fichier (chemin ou droits ?)".into(),
        Some(ErrorCode::DatabaseCorrupt) => {
            "base endommagée : reprenez la dernière copie du dossier sauvegardes".into()
        }
        Some(ErrorCode::SystemIoFailure) => "erreur de lecture ou d'écriture du disque".into(),
        Some(ErrorCode::PermissionDenied) => {
            "accès refusé (droits du fichier ou du dossier)".into()
        }
        Some(ErrorCode::OutOfMemory) => "mémoire insuffisante".into(),
        Some(ErrorCode::ConstraintViolation) => {
            "la base a refusé une valeur incohérente : rien n'a été enregistré".into()
        }
        // Only the number: SQLite's own text is in English.
        _ => match error {
            rusqlite::Error::SqliteFailure(e, _) => {
                format!("erreur inattendue de SQLite (code {})", e.extended_code)
            }
            _ => "erreur inattendue en lisant la base".into(),
        },
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_messages_are_french_without_the_english_text() {
        let full = std::io::Error::from_raw_os_error(28);
        assert_eq!(french_io(&full), "disque plein");
        let denied = std::io::Error::from_raw_os_error(13);
        assert_eq!(
            french_io(&denied),
            "accès refusé (droits du fichier ou du dossier)"
        );
        let odd = std::io::Error::from_raw_os_error(71); // EPROTO
        assert_eq!(french_io(&odd), "erreur du système (code 71)");
        let none = rusqlite::Error::QueryReturnedNoRows;
        assert_eq!(french_sqlite(&none), "erreur inattendue en lisant la base");
    }
}
