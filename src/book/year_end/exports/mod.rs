//! The year-end files, written to any `Write` (a new file, standard
//! output): each streams its rows from the store. The CLI and the
//! Clôture and Écritures tabs call [`Book::export`].

mod cahier;
mod crf;
mod hledger;
mod ledger;

use crate::book::Book;
use crate::domain::Exercice;
use crate::io::export::CsvFormat;
use crate::store::{Result, StoreError};
use std::io::Write;

/// Which file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportKind {
    /// The journal, one row per line of ventilation (CSV).
    Ledger(CsvFormat),
    /// The OCCE cahier de comptabilité (CSV).
    Cahier(CsvFormat),
    CahierXlsx,
    /// The compte rendu financier (CSV).
    Crf(CsvFormat),
    /// The printable CRF page, with signature lines.
    CrfHtml,
    CrfXlsx,
    /// An hledger journal.
    Hledger,
}

impl ExportKind {
    /// Every kind, in the order the Clôture tab lists them.
    pub const ALL: [ExportKind; 10] = [
        ExportKind::CrfHtml,
        ExportKind::CrfXlsx,
        ExportKind::Crf(CsvFormat::Fr),
        ExportKind::Crf(CsvFormat::Std),
        ExportKind::CahierXlsx,
        ExportKind::Cahier(CsvFormat::Fr),
        ExportKind::Cahier(CsvFormat::Std),
        ExportKind::Ledger(CsvFormat::Fr),
        ExportKind::Ledger(CsvFormat::Std),
        ExportKind::Hledger,
    ];

    /// The file name proposed for `exercice`, e.g. `crf-2024-2025.html`.
    pub fn file_name(self, exercice: Exercice) -> String {
        let years = format!("{}-{}", exercice.start_year, exercice.start_year + 1);
        let (stem, ext) = match self {
            ExportKind::Ledger(CsvFormat::Std) => ("journal", "csv"),
            ExportKind::Ledger(CsvFormat::Fr) => ("journal-fr", "csv"),
            ExportKind::Cahier(CsvFormat::Std) => ("cahier", "csv"),
            ExportKind::Cahier(CsvFormat::Fr) => ("cahier-fr", "csv"),
            ExportKind::CahierXlsx => ("cahier", "xlsx"),
            ExportKind::Crf(CsvFormat::Std) => ("crf", "csv"),
            ExportKind::Crf(CsvFormat::Fr) => ("crf-fr", "csv"),
            ExportKind::CrfHtml => ("crf", "html"),
            ExportKind::CrfXlsx => ("crf", "xlsx"),
            ExportKind::Hledger => ("coopcompta", "journal"),
        };
        format!("{stem}-{years}.{ext}")
    }

    /// What the file is, in French, for a list.
    pub fn title(self) -> &'static str {
        match self {
            ExportKind::Ledger(CsvFormat::Std) => "Journal (CSV pour programmes)",
            ExportKind::Ledger(CsvFormat::Fr) => "Journal (CSV pour Excel/LibreOffice)",
            ExportKind::Cahier(CsvFormat::Std) => "Cahier de comptabilité (CSV pour programmes)",
            ExportKind::Cahier(CsvFormat::Fr) => {
                "Cahier de comptabilité (CSV pour Excel/LibreOffice)"
            }
            ExportKind::CahierXlsx => "Cahier de comptabilité (classeur Excel .xlsx)",
            ExportKind::Crf(CsvFormat::Std) => "Compte rendu financier (CSV pour programmes)",
            ExportKind::Crf(CsvFormat::Fr) => "Compte rendu financier (CSV pour Excel/LibreOffice)",
            ExportKind::CrfHtml => "Compte rendu financier (page à imprimer)",
            ExportKind::CrfXlsx => "Compte rendu financier (classeur Excel .xlsx)",
            ExportKind::Hledger => "Journal hledger",
        }
    }
}

impl ExportKind {
    /// What [`Book::export`] counts in this file, in French (one, many).
    pub fn counted(self) -> (&'static str, &'static str) {
        match self {
            ExportKind::Ledger(_) => ("écriture", "écritures"),
            ExportKind::Cahier(_) | ExportKind::CahierXlsx => ("ligne", "lignes"),
            ExportKind::Crf(_) | ExportKind::CrfHtml | ExportKind::CrfXlsx => {
                ("catégorie", "catégories")
            }
            ExportKind::Hledger => ("transaction", "transactions"),
        }
    }
}

impl Book {
    /// Writes one year-end file of `exercice` to `out`; returns how many
    /// rows (entries, categories) it holds.
    pub fn export(
        &self,
        kind: ExportKind,
        exercice: Exercice,
        out: &mut dyn Write,
    ) -> Result<usize> {
        match kind {
            ExportKind::Ledger(format) => ledger::write(self, exercice, format, out),
            ExportKind::Cahier(format) => cahier::write_csv(self, exercice, format, out),
            ExportKind::CahierXlsx => cahier::write_xlsx(self, exercice, out),
            ExportKind::Crf(format) => crf::write_csv(self, exercice, format, out),
            ExportKind::CrfHtml => crf::write_html(self, exercice, out),
            ExportKind::CrfXlsx => crf::write_xlsx(self, exercice, out),
            ExportKind::Hledger => hledger::write(self, exercice, out),
        }
    }
}

/// A failure to write the file, for the user.
pub(super) fn io_error(source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: "d'export".into(),
        source,
    }
}

/// A CSV writer's failure: the system's (disk full, output closed) kept
/// whole, so that the caller can tell a closed output.
pub(super) fn csv_error(error: csv::Error) -> StoreError {
    let text = crate::io::import::french_csv(&error);
    match error.into_kind() {
        csv::ErrorKind::Io(source) => io_error(source),
        _ => StoreError::Refused(format!("écriture du fichier d'export impossible : {text}")),
    }
}

/// A workbook writer's failure.
pub(super) fn xlsx_error(error: rust_xlsxwriter::XlsxError) -> StoreError {
    match error {
        rust_xlsxwriter::XlsxError::IoError(source) => io_error(source),
        other => StoreError::Refused(format!("écriture du classeur xlsx impossible : {other}")),
    }
}
