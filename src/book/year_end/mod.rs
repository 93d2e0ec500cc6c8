//! Year end: the arrêté de caisse, the compte rendu financier, the
//! year-end files, closing an exercice and opening the next.

mod cash_count;
mod closing;
mod crf;
pub mod exports;

pub use exports::ExportKind;

use crate::store::StoreError;

/// The refusal of a part not built yet.
pub(crate) fn not_yet(what: &str) -> StoreError {
    StoreError::Refused(format!("{what} : pas encore disponible dans cette version"))
}
