//! `coopcompta checklist`: list, mark done, reset, load a template.

use super::args::{ChecklistAction, ChecklistArgs};
use super::{CliError, open_book_for_reading, open_book_for_writing};
use crate::book::Book;
use crate::domain::checklist::StepStatus;
use crate::io::import::checklist::parse_checklist;
use crate::store::StoreError;
use std::path::Path;

/// One action per call (clap refuses `--template` with a subcommand), each
/// one transaction; a plain listing only reads.
pub fn run(db: &Path, args: ChecklistArgs) -> Result<String, CliError> {
    if args.template.is_none() && args.action.is_none() {
        return Ok(listing(&open_book_for_reading(db)?)?);
    }
    let (_guard, mut book) = open_book_for_writing(db)?;
    if let Some(file) = &args.template {
        let bytes = std::fs::read(file).map_err(|e| {
            CliError::Input(format!(
                "fichier {} : {}",
                file.display(),
                crate::store::french_io(&e)
            ))
        })?;
        let (text, _) = crate::io::import::sniff::decode(&bytes)
            .map_err(|e| CliError::Input(format!("fichier {} : {e}", file.display())))?;
        let template = parse_checklist(&text).map_err(CliError::Input)?;
        book.load_checklist_template(&template)?;
    }
    match args.action {
        Some(ChecklistAction::Done { key, date, note }) => {
            book.checklist_set(&key, StepStatus::Fait, date.as_deref(), note.as_deref())?;
        }
        Some(ChecklistAction::Reset { key }) => book.checklist_reset(&key)?,
        None => {}
    }
    Ok(listing(&book)?)
}

/// `key<TAB>status (details)<TAB>title`, one line per visible step.
fn listing(book: &Book) -> Result<String, StoreError> {
    let lines: Vec<String> = book
        .checklist()?
        .iter()
        .map(|step| {
            let mut notes: Vec<String> = step.detail.iter().cloned().collect();
            if step.is_waiting() {
                let keys: Vec<&str> = step.waiting_for.iter().map(|(k, _)| k.as_str()).collect();
                notes.push(format!("attend : {}", keys.join(", ")));
            }
            let status = match notes.is_empty() {
                true => step.status_text(),
                false => format!("{} ({})", step.status_text(), notes.join(" ; ")),
            };
            format!("{}\t{}\t{}", step.key, status, step.title)
        })
        .collect();
    Ok(lines.join("\n"))
}
