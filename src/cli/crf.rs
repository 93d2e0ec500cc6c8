//! `coopcompta crf` (the figures as key<TAB>value lines) and
//! `coopcompta export crf` (CSV, printable HTML, xlsx).

use super::args::{Command, ExportWhat};
use super::{CliError, known_exercice, open_book_for_reading, output, stdout_error};
use crate::book::year_end::ExportKind;
use crate::io::export::CsvFormat;
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--format` of `export crf`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CrfFormatArg {
    /// CSV pour les programmes : virgule, point décimal, dates aaaa-mm-jj
    Std,
    /// CSV pour Excel ou LibreOffice en français : point-virgule, virgule décimale, jj/mm/aaaa
    Fr,
    /// Page HTML à imprimer (A4), avec les lignes de signature
    Html,
    /// Classeur Excel (.xlsx) : montants en nombres, totaux en formules
    Xlsx,
}

#[derive(Debug, Args)]
pub struct ExportCrfArgs {
    /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
    #[arg(long, value_name = "EXERCICE")]
    pub exercice: Option<String>,
    /// Fichier à écrire (« - » : la sortie standard)
    #[arg(long, value_name = "FICHIER")]
    pub out: PathBuf,
    /// std, fr, html ou xlsx (par défaut d'après l'extension du fichier : .html, .xlsx, sinon std)
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<CrfFormatArg>,
}

/// The format asked for, else the one the file's extension names.
fn kind_of(format: Option<CrfFormatArg>, path: &Path) -> ExportKind {
    let format = format.unwrap_or_else(|| {
        match path
            .extension()
            .map(|e| e.to_string_lossy().to_lowercase())
            .as_deref()
        {
            Some("html" | "htm") => CrfFormatArg::Html,
            Some("xlsx") => CrfFormatArg::Xlsx,
            _ => CrfFormatArg::Std,
        }
    });
    match format {
        CrfFormatArg::Std => ExportKind::Crf(CsvFormat::Std),
        CrfFormatArg::Fr => ExportKind::Crf(CsvFormat::Fr),
        CrfFormatArg::Html => ExportKind::CrfHtml,
        CrfFormatArg::Xlsx => ExportKind::CrfXlsx,
    }
}

pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    match command {
        Command::Crf { exercice } => {
            let book = open_book_for_reading(db)?;
            let exercice = known_exercice(&book, exercice.as_deref())?;
            let crf = book.crf(exercice)?;
            let mut lines = vec![
                ("charges".to_string(), crf.total_charges),
                ("produits".to_string(), crf.total_produits),
                ("resultat".to_string(), crf.result()),
            ];
            for a in &crf.accounts {
                lines.push((format!("opening:{}", a.key.key()), a.opening));
            }
            for a in &crf.accounts {
                lines.push((format!("closing:{}", a.key.key()), a.closing));
            }
            for (key, amount) in lines {
                writeln!(out, "{key}\t{}", amount.std()).map_err(stdout_error)?;
            }
            Ok(())
        }
        Command::Export {
            what: ExportWhat::Crf(args),
        } => {
            output::check(db, &args.out)?;
            let book = open_book_for_reading(db)?;
            let exercice = known_exercice(&book, args.exercice.as_deref())?;
            let kind = kind_of(args.format, &args.out);
            // The cheques to give back name pupils: the file is its owner's.
            output::export_book(db, &args.out, out, |file| book.export(kind, exercice, file))?;
            if output::is_stdout(&args.out) {
                return Ok(());
            }
            writeln!(out, "{} écrit dans {}", kind.title(), args.out.display())
                .map_err(stdout_error)
        }
        _ => Err(CliError::Input("commande inattendue".into())),
    }
}
