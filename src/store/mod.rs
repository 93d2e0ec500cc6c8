//! The SQLite store: opening (pragmas, lock, backups), migrations, and one
//! module per group of tables. Functions take a `&Connection` or a
//! `&Transaction`; the caller decides the transaction (one per user action).

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod checklist;
pub mod coop;
pub mod entries;
pub mod integrity;
pub mod ledger;
pub mod lock;
pub mod open;
pub mod participations;
pub mod schema;

pub use open::{default_db_path, open, open_in_memory};

use crate::domain::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("base de données : {}", french_sqlite(.0))]
    Sqlite(#[from] rusqlite::Error),
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
    #[error("la base contient une valeur inattendue : {0}")]
    Corrupt(String),
    #[error("{0}")]
    Refused(String),
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
        _ => format!("erreur du système ({error})"),
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
        _ => format!("erreur inattendue ({error})"),
    }
}

pub type Result<T> = std::result::Result<T, StoreError>;
