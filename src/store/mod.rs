//! The SQLite store: opening (pragmas, lock, backups), migrations, and one
//! module per group of tables. Functions take a `&Connection` or a
//! `&Transaction`; the caller decides the transaction (one per user action).

pub mod accounts;
pub mod audit;
pub mod backup;
pub mod checklist;
pub mod coop;
pub mod entries;
pub mod ledger;
pub mod lock;
pub mod open;
pub mod participations;
pub mod schema;

pub use open::{default_db_path, open, open_in_memory};

use crate::domain::FieldErrors;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("erreur de la base de données : {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("fichier {path} : {source}")]
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

pub type Result<T> = std::result::Result<T, StoreError>;
