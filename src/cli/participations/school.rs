//! Headless commands for classes, pupils and the régies d'avance.

use super::refused;
use crate::book::Book;
use crate::cli::participations_args::{PupilsAction, RegieAction};
use crate::cli::{CliError, known_exercice, open_book_for_reading, open_book_for_writing};
use crate::domain::participation::pupils::class_key;
use crate::domain::participation::{PupilInput, RegieKind, RegieRequest, SchoolClass};
use crate::io::import::pupils::read_pupils;
use std::path::Path;

pub(super) fn import_pupils(db: &Path, file: &Path) -> Result<String, CliError> {
    let name = file.display();
    let rows = read_pupils(file).map_err(|e| refused(format!("{name} : {e}")))?;
    let (_guard, mut book) = open_book_for_writing(db)?;
    let summary = book
        .import_pupils(&rows)
        .map_err(|e| refused(format!("{name} : {e}")))?;
    let mut text = crate::domain::text::counted(summary.added, "élève importé", "élèves importés");
    if summary.already_present > 0 {
        text.push_str(&format!(
            " ({}, inchangés)",
            crate::domain::text::counted(summary.already_present, "déjà présent", "déjà présents")
        ));
    }
    if !summary.classes_created.is_empty() {
        text.push_str(&format!(
            ", classes créées : {}",
            summary.classes_created.join(", ")
        ));
    }
    Ok(text)
}

fn class_by_name(book: &Book, typed: &str) -> Result<SchoolClass, CliError> {
    let classes = book.classes()?;
    let ids = crate::domain::participation::campaign::find_classes(&[typed.to_string()], &classes)
        .map_err(crate::store::StoreError::from)?;
    classes
        .into_iter()
        .find(|c| ids.first() == Some(&c.id))
        .ok_or_else(|| {
            refused(format!(
                "Classe : « {} » : un nom est attendu",
                crate::domain::text::shown(typed)
            ))
        })
}

pub(super) fn regie(db: &Path, action: RegieAction) -> Result<Vec<String>, CliError> {
    if let RegieAction::List = action {
        let book = open_book_for_reading(db)?;
        return Ok(book
            .regies()?
            .into_iter()
            .map(|r| {
                format!(
                    "{}\t{}\t{}\t{}\t{}{}",
                    r.class_name,
                    r.given.std(),
                    r.spent.std(),
                    r.returned.std(),
                    r.balance().std(),
                    if r.is_unsettled() { "\tà solder" } else { "" }
                )
            })
            .collect());
    }
    let (_guard, mut book) = open_book_for_writing(db)?;
    let (class, kind, amount, date, receipt_no, label, category, piece) = match action {
        RegieAction::Advance {
            class,
            amount,
            date,
            receipt,
        } => (
            class,
            RegieKind::Avance,
            amount,
            date,
            receipt,
            String::new(),
            String::new(),
            None,
        ),
        RegieAction::Expense {
            class,
            amount,
            date,
            category,
            label,
            piece,
        } => (
            class,
            RegieKind::Depense,
            amount,
            date,
            String::new(),
            label,
            category,
            piece,
        ),
        RegieAction::Return {
            class,
            amount,
            date,
        } => (
            class,
            RegieKind::Retour,
            amount,
            date,
            String::new(),
            String::new(),
            String::new(),
            None,
        ),
        RegieAction::List => unreachable!("handled above"),
    };
    let class = class_by_name(&book, &class)?;
    let request = RegieRequest {
        class_id: class.id,
        kind,
        date,
        amount,
        receipt_no,
        label,
        category,
        piece: piece.unwrap_or_default(),
    };
    let warnings = book.regie_warnings(&request);
    let id = book.record_regie(&request)?;
    crate::cli::warn(&warnings);
    let entry = book
        .entry(id)?
        .ok_or_else(|| CliError::Input("écriture introuvable après ajout".into()))?;
    let balance = book
        .regies()?
        .into_iter()
        .find(|r| r.class_id == class.id)
        .map(|r| r.balance())
        .unwrap_or_default();
    Ok(vec![format!(
        "Régie {} : mouvement enregistré, {} ({}) ; reste de la régie : {balance}",
        class.name,
        kind.label(),
        entry.piece
    )])
}

pub(super) fn pupils(db: &Path, action: PupilsAction) -> Result<Vec<String>, CliError> {
    match action {
        PupilsAction::List { class } => {
            let book = open_book_for_reading(db)?;
            let wanted = class.as_deref().map(class_key);
            Ok(book
                .pupils()?
                .into_iter()
                .filter(|p| {
                    wanted
                        .as_ref()
                        .is_none_or(|k| class_key(&p.class_name) == *k)
                })
                .map(|p| format!("{}\t{}", p.display(), p.class_name))
                .collect())
        }
        PupilsAction::Add { nom, prenom, class } => {
            let (_guard, mut book) = open_book_for_writing(db)?;
            let summary = book.add_pupil(&PupilInput {
                line: 0,
                nom,
                prenom,
                classe: class,
            })?;
            Ok(vec![format!(
                "Élève ajouté{}",
                if summary.classes_created.is_empty() {
                    String::new()
                } else {
                    format!(", classe créée : {}", summary.classes_created.join(", "))
                }
            )])
        }
        PupilsAction::Anonymise { exercice } => {
            let (_guard, mut book) = open_book_for_writing(db)?;
            let exercice = known_exercice(&book, Some(&exercice))?;
            let count = book.anonymise_pupils(exercice)?;
            let mut lines = vec![format!(
                "{count} élèves de l'exercice {exercice} anonymisés ; les comptes sont inchangés"
            )];
            // Copies taken before still hold the names: said, never deleted.
            for copy in crate::store::restore::copies_with_names(db, exercice)? {
                lines.push(format!(
                    "Attention : la sauvegarde {} contient encore les noms : supprimez-la, ou gardez-la en lieu sûr",
                    copy.display()
                ));
            }
            Ok(lines)
        }
    }
}
