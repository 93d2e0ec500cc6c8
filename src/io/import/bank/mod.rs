//! Bank statement files (Swan's Compte Pro, La Banque Postale): the text
//! decoded (`sniff`), the preamble skipped by finding the header row,
//! columns found by name (French or English, accents and case ignored) or
//! given by flags, amounts and dates parsed exactly, only booked lines kept.
//! All or nothing: the first bad line refuses the whole file, in French.

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

/// Reads a whole statement file, or says in French which line is wrong
/// and why. (Placeholder: `date;montant;libelle` in ISO dates.)
pub fn read_bank(bytes: &[u8], _options: &BankOptions) -> Result<BankFile, String> {
    let (text, _) = super::sniff::decode(bytes)?;
    let mut file = BankFile::default();
    for (index, line) in text.lines().enumerate().skip(1) {
        let cells: Vec<&str> = line.split(';').collect();
        if cells.len() < 3 {
            continue;
        }
        let date = chrono::NaiveDate::parse_from_str(cells[0].trim(), "%Y-%m-%d")
            .map_err(|_| format!("ligne {} : date illisible", index + 1))?;
        let amount = crate::domain::Money::parse(cells[1])
            .map_err(|e| format!("ligne {} : {e}", index + 1))?;
        file.rows.push(crate::domain::bank::BankRow {
            line_no: index + 1,
            date,
            amount,
            label: cells[2].trim().to_string(),
            reference: String::new(),
            counterparty: String::new(),
            bank_id: None,
        });
    }
    Ok(file)
}
