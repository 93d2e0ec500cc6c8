//! Exporting the ledger as CSV: a standard form for programs (`std`: texts
//! exactly as typed) and a French form for Excel and LibreOffice (`fr`: texts
//! that a spreadsheet would run as a formula are neutralised).

use super::csv_rows::{CsvRows, Field};
use super::format::{CsvFormat, push_amount, push_date, push_padded};
use crate::domain::fast_hash::FastMap;
use crate::domain::{Account, AccountKind, Entry, EntryKind, Money};
use std::io::Write;

/// One exported row: one line of ventilation seen from its money account.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LedgerExportRow<'a> {
    entry: &'a Entry,
    /// The money account's key (`caisse`…), or the code of the balance-sheet
    /// account that stands for it (`467` for a class's régie).
    money_key: &'a str,
    category: &'a str,
    amount: Money,
}

/// The chart by code, to place lines.
struct ChartIndex<'c> {
    // Chart codes are the app's own: a fast hasher, looked up per line.
    by_code: FastMap<&'c str, &'c Account>,
}

impl<'c> ChartIndex<'c> {
    fn new(chart: &'c [Account]) -> Self {
        ChartIndex {
            by_code: chart.iter().map(|a| (a.code.as_str(), a)).collect(),
        }
    }

    /// The export rows of one entry, in order, handed to `push`;
    /// `accounts` is scratch space (the account of each line), reused.
    fn entry_rows<'a>(
        &self,
        entry: &'a Entry,
        accounts: &mut Vec<Option<&'c Account>>,
        mut push: impl FnMut(LedgerExportRow<'a>),
    ) {
        accounts.clear();
        accounts.extend(
            entry
                .lines
                .iter()
                .map(|l| self.by_code.get(l.account_code.as_str()).copied()),
        );
        let kind = |i: usize| accounts[i].map(|a| a.kind);
        // No money account (a class's expense paid from its régie, 6xx
        // against 467): the balance-sheet side stands for the money.
        let money_kind = if (0..accounts.len()).any(|i| kind(i) == Some(AccountKind::Tresorerie)) {
            AccountKind::Tresorerie
        } else {
            AccountKind::Bilan
        };
        let is_money = |i: usize| kind(i) == Some(money_kind);
        let lines = &entry.lines;
        let side = |i: usize| -> &'a str {
            accounts[i]
                .and_then(|a| a.money_key.map(|k| k.key()))
                .unwrap_or(lines[i].account_code.as_str())
        };
        let money_count = (0..lines.len()).filter(|&i| is_money(i)).count();
        match (entry.kind, money_count) {
            (EntryKind::Recette | EntryKind::Depense, 1) => {
                let one = (0..lines.len()).find(|&i| is_money(i)).unwrap_or_default();
                for c in (0..lines.len()).filter(|&i| !is_money(i)) {
                    push(LedgerExportRow {
                        entry,
                        money_key: side(one),
                        category: &lines[c].account_code,
                        amount: -lines[c].amount,
                    });
                }
            }
            _ => {
                let other = (0..lines.len())
                    .find(|&i| !is_money(i))
                    .map(|i| lines[i].account_code.as_str())
                    .unwrap_or_default();
                for m in (0..lines.len()).filter(|&i| is_money(i)) {
                    push(LedgerExportRow {
                        entry,
                        money_key: side(m),
                        category: other,
                        amount: lines[m].amount,
                    });
                }
            }
        }
    }
}

/// Writes the ledger of `entries` (in the order given) in `format`.
pub fn write_ledger<W: Write>(
    out: W,
    entries: &[Entry],
    chart: &[Account],
    format: CsvFormat,
) -> csv::Result<()> {
    let mut writer = LedgerCsv::new(out, chart, format)?;
    for entry in entries {
        writer.entry(entry)?;
    }
    writer.finish()
}

/// Writes the ledger entry by entry (the store streams them), through
/// [`CsvRows`].
pub struct LedgerCsv<'c, W: Write> {
    writer: CsvRows<W>,
    chart: ChartIndex<'c>,
    format: CsvFormat,
    date: Vec<u8>,
    amount: Vec<u8>,
    id: Vec<u8>,
    accounts: Vec<Option<&'c Account>>,
}

impl<'c, W: Write> LedgerCsv<'c, W> {
    /// Starts the file with its header row.
    pub fn new(out: W, chart: &'c [Account], format: CsvFormat) -> csv::Result<Self> {
        let mut writer = CsvRows::new(out, format)?;
        let header = match format {
            CsvFormat::Std => [
                "date",
                "piece",
                "compte",
                "libelle",
                "categorie",
                "montant",
                "mode",
                "id",
            ],
            CsvFormat::Fr => [
                "Date",
                "Pièce",
                "Compte",
                "Libellé",
                "Catégorie",
                "Montant",
                "Mode",
                "N°",
            ],
        };
        writer.row(header.map(str::as_bytes))?;
        Ok(LedgerCsv {
            writer,
            chart: ChartIndex::new(chart),
            format,
            date: Vec::new(),
            amount: Vec::new(),
            id: Vec::new(),
            accounts: Vec::new(),
        })
    }

    /// The rows of one entry.
    pub fn entry(&mut self, entry: &Entry) -> csv::Result<()> {
        let format = self.format;
        self.date.clear();
        push_date(&mut self.date, entry.date, format);
        self.id.clear();
        match u64::try_from(entry.id) {
            Ok(id) => push_padded(&mut self.id, id, 1),
            Err(_) => self.id.extend_from_slice(entry.id.to_string().as_bytes()),
        }
        let mode = match (format, entry.mode) {
            (_, None) => "",
            (CsvFormat::Std, Some(m)) => m.key(),
            (CsvFormat::Fr, Some(m)) => m.label(),
        };
        let piece = format.text(&entry.piece);
        let label = format.text(&entry.label);
        let (writer, amount, date, id) = (&mut self.writer, &mut self.amount, &self.date, &self.id);
        let mut result = Ok(());
        self.chart.entry_rows(entry, &mut self.accounts, |row| {
            if result.is_err() {
                return;
            }
            amount.clear();
            push_amount(amount, row.amount, format);
            result = writer.fields([
                Field::Plain(date),
                Field::Text(piece.as_bytes()),
                Field::Text(row.money_key.as_bytes()),
                Field::Text(label.as_bytes()),
                Field::Text(format.text(row.category).as_bytes()),
                Field::Plain(amount),
                // A mode's key or French name: letters only.
                Field::Plain(mode.as_bytes()),
                Field::Plain(id),
            ]);
        });
        Ok(result?)
    }

    /// Flushes the file.
    pub fn finish(self) -> csv::Result<()> {
        self.writer.finish()?;
        Ok(())
    }
}
