//! `export ledger`, `export cahier`, `export hledger`: the year-end files
//! of an exercice, written through [`Book::export`] into a new file (or
//! standard output), then one line saying what was written where.

use super::args::{ExportWhat, SheetFormatArg};
use super::{CliError, known_exercice, open_book_for_reading, output, stdout_error};
use crate::book::year_end::ExportKind;
use crate::io::export::CsvFormat;
use std::io::Write;
use std::path::Path;

pub fn run(db: &Path, what: ExportWhat, out: &mut dyn Write) -> Result<(), CliError> {
    let (exercice, path, kind, what_rows) = match what {
        ExportWhat::Ledger {
            exercice,
            out,
            format,
        } => (
            exercice,
            out,
            ExportKind::Ledger(CsvFormat::from(format)),
            ("écriture exportée", "écritures exportées"),
        ),
        ExportWhat::Cahier {
            exercice,
            out,
            format,
        } => (
            exercice,
            out,
            match format {
                SheetFormatArg::Std => ExportKind::Cahier(CsvFormat::Std),
                SheetFormatArg::Fr => ExportKind::Cahier(CsvFormat::Fr),
                SheetFormatArg::Xlsx => ExportKind::CahierXlsx,
            },
            ("ligne exportée", "lignes exportées"),
        ),
        ExportWhat::Hledger { exercice, out } => (
            exercice,
            out,
            ExportKind::Hledger,
            ("transaction exportée", "transactions exportées"),
        ),
        // Routed elsewhere by the caller (contributions, the CRF).
        _ => {
            return Err(CliError::Input(
                "export : ce fichier s'écrit par une autre commande".into(),
            ));
        }
    };
    output::check(db, &path)?;
    let book = open_book_for_reading(db)?;
    let exercice = known_exercice(&book, exercice.as_deref())?;
    let count = output::export_book(db, &path, out, |file| book.export(kind, exercice, file))?;
    if output::is_stdout(&path) {
        return Ok(());
    }
    let (one, many) = what_rows;
    writeln!(
        out,
        "{} dans {}",
        crate::domain::text::counted(count, one, many),
        path.display()
    )
    .map_err(stdout_error)
}
