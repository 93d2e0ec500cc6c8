//! Exporting the ledger as CSV: a standard form for programs (`std`: texts
//! exactly as typed) and a French form for Excel and LibreOffice (`fr`: texts
//! that a spreadsheet would run as a formula are neutralised).

use super::format::{CsvFormat, push_amount, push_date};
use crate::domain::{Account, AccountKind, Entry, EntryKind, Line, Money};
use std::collections::HashMap;
use std::io::Write;

/// One exported row: one line of ventilation seen from its money account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LedgerExportRow<'a> {
    pub entry: &'a Entry,
    /// The money account's key (`caisse`…), or the code of the balance-sheet
    /// account that stands for it (`467` for a class's régie).
    pub money_key: &'a str,
    pub category: &'a str,
    pub amount: Money,
}

/// Splits entries into export rows: a recette or dépense gives one row per
/// category of its ventilation; a virement one row per money account; an
/// opening one row per money account.
pub fn ledger_export_rows<'a>(
    entries: &'a [Entry],
    chart: &'a [Account],
) -> Vec<LedgerExportRow<'a>> {
    let by_code: HashMap<&str, &Account> = chart.iter().map(|a| (a.code.as_str(), a)).collect();
    let kind_of = |code: &str| by_code.get(code).map(|a| a.kind);
    let mut rows = Vec::new();
    for entry in entries {
        let (mut money, mut others): (Vec<&Line>, Vec<&Line>) = entry
            .lines
            .iter()
            .partition(|l| kind_of(&l.account_code) == Some(AccountKind::Tresorerie));
        if money.is_empty() {
            // No money account (a class's expense paid from its régie, 6xx
            // against 467): the balance-sheet side stands for the money.
            (money, others) = entry
                .lines
                .iter()
                .partition(|l| kind_of(&l.account_code) == Some(AccountKind::Bilan));
        }
        let side = |line: &'a Line| {
            by_code
                .get(line.account_code.as_str())
                .and_then(|a| a.money_key.map(|k| k.key()))
                .unwrap_or(line.account_code.as_str())
        };
        match (entry.kind, money.as_slice()) {
            (EntryKind::Recette | EntryKind::Depense, [one]) => {
                rows.extend(others.iter().map(|c| LedgerExportRow {
                    entry,
                    money_key: side(one),
                    category: &c.account_code,
                    amount: -c.amount,
                }));
            }
            _ => {
                let other = others
                    .first()
                    .map(|c| c.account_code.as_str())
                    .unwrap_or_default();
                rows.extend(money.iter().map(|m| LedgerExportRow {
                    entry,
                    money_key: side(m),
                    category: other,
                    amount: m.amount,
                }));
            }
        }
    }
    rows
}

/// Writes the ledger of `entries` (in the order given) in `format`.
pub fn write_ledger<W: Write>(
    out: W,
    entries: &[Entry],
    chart: &[Account],
    format: CsvFormat,
) -> csv::Result<()> {
    let mut writer = format.writer(out)?;
    match format {
        CsvFormat::Std => writer.write_record([
            "date",
            "piece",
            "compte",
            "libelle",
            "categorie",
            "montant",
            "mode",
            "id",
        ])?,
        CsvFormat::Fr => writer.write_record([
            "Date",
            "Pièce",
            "Compte",
            "Libellé",
            "Catégorie",
            "Montant",
            "Mode",
            "N°",
        ])?,
    }
    let (mut date, mut amount, mut id) = (String::new(), String::new(), String::new());
    for row in ledger_export_rows(entries, chart) {
        let entry = row.entry;
        date.clear();
        push_date(&mut date, entry.date, format);
        amount.clear();
        push_amount(&mut amount, row.amount, format);
        id.clear();
        {
            use std::fmt::Write as _;
            let _ = write!(id, "{}", entry.id);
        }
        let mode = match (format, entry.mode) {
            (_, None) => "",
            (CsvFormat::Std, Some(m)) => m.key(),
            (CsvFormat::Fr, Some(m)) => m.label(),
        };
        writer.write_record([
            date.as_str(),
            &format.text(&entry.piece),
            row.money_key,
            &format.text(&entry.label),
            &format.text(row.category),
            amount.as_str(),
            mode,
            id.as_str(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}
