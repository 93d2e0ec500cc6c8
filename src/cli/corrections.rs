//! Commands that correct what was set or typed: the coop's settings, a
//! category (label, CRF heading), a mistaken cancellation.

use super::args::{CategoryArgs, SettingsArgs};
use super::{CliError, open_book_for_writing, parse_openings};
use crate::book::SettingsRequest;
use crate::domain::text::shown;
use crate::domain::{AccountKind, Field, FieldError};
use std::path::Path;

/// `settings`: prints one line per change.
pub(super) fn settings(db: &Path, args: SettingsArgs) -> Result<String, CliError> {
    let openings = parse_openings(&args.opening)?;
    if args.coop.is_none() && openings.is_empty() {
        return Err(CliError::Input(
            "rien à corriger : indiquez --coop \"NOM\" ou --opening COMPTE=MONTANT (ex. caisse=120,50)"
                .into(),
        ));
    }
    let (_guard, mut book) = open_book_for_writing(db)?;
    let changes = book.update_settings(&SettingsRequest {
        coop_name: args.coop,
        openings,
    })?;
    if changes.is_empty() {
        return Ok("Rien n'a changé : les réglages étaient déjà ceux-là".into());
    }
    Ok(changes.join("\n"))
}

/// `restore-entry --piece D004`.
pub(super) fn restore(db: &Path, piece: &str) -> Result<String, CliError> {
    let (_guard, mut book) = open_book_for_writing(db)?;
    let entry = book
        .entries(book.exercice())?
        .into_iter()
        .find(|e| e.piece == piece.trim())
        .ok_or_else(|| {
            CliError::from(FieldError::new(
                Field::Piece,
                format!(
                    "« {} » : aucune écriture de l'exercice {} ne porte ce numéro",
                    shown(piece),
                    book.exercice()
                ),
            ))
        })?;
    let id = book.restore_cancelled(entry.id)?;
    let restored = book
        .entry(id)?
        .ok_or_else(|| CliError::Input("écriture rétablie introuvable".into()))?;
    Ok(format!("{} rétablie par {}", entry.piece, restored.piece))
}

/// `category`: adds a category (code, label, nature), renames one (code,
/// label) or changes its CRF heading (code, rubrique).
pub(super) fn category(db: &Path, args: CategoryArgs) -> Result<String, CliError> {
    let nature = match args.nature.as_deref() {
        None => None,
        Some(typed) => match AccountKind::parse(typed) {
            Some(k @ (AccountKind::Charge | AccountKind::Produit)) => Some(k),
            _ => {
                return Err(CliError::Input(format!(
                    "nature « {} » : charge ou produit attendu",
                    shown(typed)
                )));
            }
        },
    };
    let (_guard, mut book) = open_book_for_writing(db)?;
    let code = args.code.trim();
    let known = book.chart().iter().find(|a| a.code == code).cloned();
    match (args.label, known) {
        (Some(label), known) => {
            let kind = match (nature, &known) {
                (Some(kind), _) => kind,
                (None, Some(account)) => account.kind,
                (None, None) => {
                    return Err(CliError::Input(format!(
                        "catégorie {} nouvelle : --nature charge ou produit est nécessaire pour l'ajouter",
                        shown(code)
                    )));
                }
            };
            book.save_category(code, &label, kind, args.rubrique.as_deref())?;
            let heading = book
                .chart()
                .iter()
                .find(|a| a.code == code)
                .and_then(|a| a.crf_heading.clone());
            Ok(format!(
                "Catégorie {code} « {} » enregistrée{}",
                label.trim(),
                heading
                    .map(|h| format!(", rubrique « {h} »"))
                    .unwrap_or_default()
            ))
        }
        (None, Some(account)) => {
            let Some(typed) = args.rubrique else {
                return Err(CliError::Input(format!(
                    "catégorie {code} : rien à changer : indiquez --label LIBELLÉ ou --rubrique RUBRIQUE"
                )));
            };
            let heading = book.set_category_heading(code, &typed)?;
            Ok(match heading {
                Some(h) => format!("Catégorie {code} {} : rubrique « {h} »", account.label),
                None => format!("Catégorie {code} {} : sans rubrique", account.label),
            })
        }
        (None, None) => Err(CliError::Input(format!(
            "code « {} » : aucune catégorie ne porte ce code ; pour l'ajouter, indiquez --label et --nature",
            shown(code)
        ))),
    }
}
