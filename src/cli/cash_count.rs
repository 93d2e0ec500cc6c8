//! Headless arrêté de caisse: `cash-count` records a count (and books the
//! difference with `--adjust --reason`), `cash-counts` lists them.

use super::{CliError, known_exercice, open_book_for_reading, open_book_for_writing};
use crate::domain::cash_count::{self, CashCountRequest};
use crate::domain::text::{printable, shown};
use crate::domain::{Field, FieldError, parse_date};
use clap::Args;
use std::path::Path;

#[derive(Debug, Args)]
pub struct CashCountArgs {
    /// Date du comptage : jj/mm/aaaa, jj/mm ou aaaa-mm-jj (dans l'exercice en cours, au plus tard aujourd'hui)
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Billets ou pièces comptés : VALEURxNOMBRE, ex. 20x3 (trois billets de 20 €) ou 0,50x4 (répétable, au moins une fois ; une valeur absente compte zéro)
    #[arg(long, value_name = "VALEURxNOMBRE")]
    pub count: Vec<String>,
    /// Qui a compté (ex. « Mme Martin et M. Durand »)
    #[arg(long, allow_hyphen_values = true, value_name = "NOM")]
    pub by: Option<String>,
    /// Passe l'écart en écriture sur la Caisse : charge exceptionnelle (671) s'il manque de l'argent, produit exceptionnel (771) s'il y en a trop
    #[arg(long)]
    pub adjust: bool,
    /// Motif de l'écart (obligatoire avec --adjust)
    #[arg(long, allow_hyphen_values = true, value_name = "TEXTE")]
    pub reason: Option<String>,
}

/// `cash-count`: the count, the books and the difference, key<TAB>value,
/// plus the adjustment's pièce when one was booked.
pub fn record(db: &Path, args: CashCountArgs) -> Result<Vec<String>, CliError> {
    if args.count.is_empty() {
        return Err(FieldError::new(
            Field::Comptage,
            "aucun --count : donnez les billets et les pièces comptés, ex. --count 20x3 --count 0,50x4 (une caisse vide : --count 20x0)",
        )
        .into());
    }
    let counts = cash_count::parse_counts(&args.count)?;
    if args.reason.is_some() && !args.adjust {
        return Err(FieldError::new(
            Field::Motif,
            "--reason sans --adjust : ajoutez --adjust pour passer l'écart en écriture, ou retirez --reason",
        )
        .into());
    }
    let (_guard, mut book) = open_book_for_writing(db)?;
    let date = parse_date(&args.date, book.exercice())
        .map_err(|e| FieldError::new(Field::Date, e.to_string()))?;
    let request = CashCountRequest {
        date,
        counted_by: args.by.unwrap_or_default(),
        counts,
        adjust: args.adjust.then(|| args.reason.unwrap_or_default()),
    };
    let count = book.record_cash_count(&request)?;
    let mut lines = vec![
        format!("counted\t{}", count.counted.std()),
        format!("books\t{}", count.books.std()),
        format!("difference\t{}", count.difference().std()),
    ];
    match &count.adjustment {
        Some(piece) => lines.push(format!("adjustment\t{piece}")),
        None if args.adjust => {
            eprintln!("la caisse est juste : aucun écart à passer en écriture");
        }
        None => {}
    }
    Ok(lines)
}

/// `cash-counts`: one line per count, oldest first: date, counted, books,
/// difference, adjustment's pièce (or -), who counted.
pub fn list(db: &Path, exercice: Option<&str>) -> Result<Vec<String>, CliError> {
    let book = open_book_for_reading(db)?;
    let exercice = known_exercice(&book, exercice)?;
    Ok(book
        .cash_counts(exercice)?
        .into_iter()
        .map(|c| {
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}",
                c.date,
                c.counted.std(),
                c.books.std(),
                c.difference().std(),
                c.adjustment.as_deref().map_or("-".into(), shown),
                printable(&c.counted_by.replace(['\t', '\n', '\r'], " "))
            )
        })
        .collect())
}
