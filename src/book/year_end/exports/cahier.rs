//! The OCCE cahier de comptabilité, CSV and xlsx, streamed from the store
//! (the columns and rows are described in [`crate::io::export::cahier`]).

use super::{csv_error, io_error, xlsx_error};
use crate::book::Book;
use crate::domain::participation::regie::REGIE_ACCOUNT;
use crate::domain::{EntryKind, Exercice};
use crate::io::export::CsvFormat;
use crate::io::export::cahier::{CahierCsv, CahierLayout, CahierRow, NotInLayout};
use crate::io::export::cahier_xlsx::CahierXlsx;
use crate::store::{Result, StoreError, export_rows};
use std::collections::HashMap;
use std::io::Write;

/// What the cahier of an exercice needs before its rows: the columns, the
/// report à nouveau, the class of each régie move.
struct Plan {
    layout: CahierLayout,
    opening: CahierRow,
    regies: HashMap<i64, String>,
}

fn plan(book: &Book, exercice: Exercice) -> Result<Plan> {
    let conn = book.conn();
    let used = export_rows::used_accounts(conn, exercice, true)?;
    let ventilated = export_rows::used_accounts(conn, exercice, false)?;
    let regies = export_rows::regie_classes(conn, exercice)?;
    let sums = export_rows::opening_sums(conn, exercice)?;
    let opening_on_467 = sums
        .iter()
        .any(|(code, amount)| code == REGIE_ACCOUNT && !amount.is_zero());
    let unlinked = export_rows::entries_on(conn, exercice, REGIE_ACCOUNT)?
        .iter()
        .any(|id| !regies.contains_key(id));
    let mut classes: Vec<String> = regies.values().cloned().collect();
    classes.sort();
    classes.dedup();
    let layout = CahierLayout::new(
        book.chart(),
        &used,
        &ventilated,
        &classes,
        opening_on_467 || unlinked,
    );
    let mut opening = layout.opening_row(&sums, exercice.first_day());
    if let Some(id) = crate::store::ledger::opening_id(conn, exercice)?
        && let Some(entry) = book.entry(id)?
    {
        opening.piece = entry.piece;
    }
    Ok(Plan {
        layout,
        opening,
        regies,
    })
}

fn not_in_layout(e: NotInLayout) -> StoreError {
    StoreError::Corrupt(format!(
        "compte « {} » apparu pendant l'export du cahier",
        e.0
    ))
}

/// Streams the entries (openings left out: they are the first row) as
/// cahier rows to `each`.
fn rows(
    book: &Book,
    exercice: Exercice,
    plan: &Plan,
    mut each: impl FnMut(&CahierRow) -> Result<()>,
) -> Result<()> {
    let mut row = plan.layout.blank_row(exercice.first_day());
    export_rows::for_each_entry(book.conn(), exercice, |entry| {
        if entry.kind == EntryKind::Ouverture {
            return Ok(());
        }
        let class = plan.regies.get(&entry.id).map(String::as_str);
        plan.layout
            .fill(entry, class, &mut row)
            .map_err(not_in_layout)?;
        each(&row)
    })?;
    Ok(())
}

pub(super) fn write_csv(
    book: &Book,
    exercice: Exercice,
    format: CsvFormat,
    out: &mut dyn Write,
) -> Result<usize> {
    let plan = plan(book, exercice)?;
    let mut writer = CahierCsv::new(out, &plan.layout, format).map_err(csv_error)?;
    writer.row(&plan.opening).map_err(csv_error)?;
    rows(book, exercice, &plan, |row| {
        writer.row(row).map_err(csv_error)
    })?;
    writer.finish(exercice.last_day()).map_err(csv_error)
}

pub(super) fn write_xlsx(book: &Book, exercice: Exercice, out: &mut dyn Write) -> Result<usize> {
    let plan = plan(book, exercice)?;
    let sheet = format!("Cahier {exercice}");
    let mut writer = CahierXlsx::new(&plan.layout, &sheet).map_err(xlsx_error)?;
    writer.row(&plan.opening).map_err(xlsx_error)?;
    rows(book, exercice, &plan, |row| {
        writer.row(row).map_err(xlsx_error)
    })?;
    let (bytes, count) = writer.finish(exercice.last_day()).map_err(xlsx_error)?;
    out.write_all(&bytes).map_err(io_error)?;
    out.flush().map_err(io_error)?;
    Ok(count)
}
