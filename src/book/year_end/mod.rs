//! Year end: the arrêté de caisse, the compte rendu financier, the
//! year-end files, closing an exercice and opening the next.

mod cash_count;
mod closing;
mod crf;
pub mod exports;

pub use exports::ExportKind;
