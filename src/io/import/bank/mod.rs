//! Bank statement files (Swan's Compte Pro, La Banque Postale): the text
//! decoded (`sniff`), the preamble skipped by finding the header row,
//! columns found by name (French or English, accents and case ignored) or
//! given by flags, amounts and dates parsed exactly, only booked lines kept.
//! All or nothing: the first bad line refuses the whole file, in French.

mod columns;
mod preamble;
mod rows;
pub use rows::ZERO;
mod status;

use super::sniff::decode;
use super::table::values::DateFormat;
use super::table::{HeaderRule, NoHeader, read_table, seen};
use crate::domain::bank::BankFile;

/// Which bank wrote the file (its column names are guessed, see README).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BankPreset {
    #[default]
    Auto,
    Swan,
    Lbp,
}

/// Columns given by the user (numbered from 1), over what the header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankColumns {
    pub date: Option<usize>,
    pub amount: Option<usize>,
    pub debit: Option<usize>,
    pub credit: Option<usize>,
    pub label: Option<usize>,
    pub reference: Option<usize>,
    pub id: Option<usize>,
    pub status: Option<usize>,
    pub counterparty: Option<usize>,
}

/// How to read a statement file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BankOptions {
    pub preset: BankPreset,
    pub columns: BankColumns,
    /// `jj/mm/aaaa`, `aaaa-mm-jj`, `jj/mm/aa` (otherwise each is tried).
    pub date_format: Option<String>,
}

/// The refusal of an empty file.
pub const EMPTY: &str = "le fichier est vide : une ligne d'en-tête est attendue, avec une colonne \
de date et une colonne de montant (ou débit et crédit)";

/// Reads a whole statement file, or says in French which line is wrong
/// and why: every booked line, the lines left out counted by status (and
/// zero amounts as « montant nul »), the balance a preamble states.
pub fn read_bank(bytes: &[u8], options: &BankOptions) -> Result<BankFile, String> {
    let date_format = options
        .date_format
        .as_deref()
        .map(DateFormat::parse)
        .transpose()?;
    let (text, _) = decode(bytes)?;
    let preset = options.preset;
    let known = |cells: &[String]| columns::known(cells, preset);
    let is_header = |cells: &[String]| columns::is_header(cells, preset);
    let rule = HeaderRule {
        known: &known,
        is_header: &is_header,
        flagged_width: columns::flagged_width(&options.columns),
    };
    let table = match read_table(&text, &rule)? {
        Ok(table) => table,
        Err(NoHeader::Empty) => return Err(EMPTY.into()),
        Err(NoHeader::NotFound { best, known }) => {
            if rule.flagged_width.is_some() {
                columns::resolve(best.line, &best.cells, preset, &options.columns)?;
            }
            return Err(if known == 0 {
                format!(
                    "aucune ligne d'en-tête trouvée : il faut une colonne de date ({}) et une \
                     colonne de montant ({}) ; colonnes lues ligne {} : {}",
                    columns::DATE_NAMES,
                    columns::AMOUNT_NAMES,
                    best.line,
                    seen(&best.cells)
                )
            } else {
                columns::incomplete_header(best.line, &best.cells, preset)
            });
        }
    };
    let header = &table.header;
    let found = columns::resolve(header.line, &header.cells, preset, &options.columns)?;
    let mut file = BankFile {
        statement: preamble::stated_balance(&table.preamble)?,
        ..BankFile::default()
    };
    let reading = rows::Reading {
        header: &header.cells,
        columns: &found,
        date_format,
        delimiter: table.delimiter,
    };
    for row in &table.rows {
        match reading.read(row)? {
            rows::Outcome::Booked(row) => file.rows.push(row),
            rows::Outcome::Left(key) => match file.not_booked.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => file.not_booked.push((key, 1)),
            },
        }
    }
    Ok(file)
}
