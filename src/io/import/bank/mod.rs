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
        header: crate::io::import::table::Cells(&header.cells),
        columns: &found,
        date_format,
        delimiter: table.delimiter,
    };
    for row in &table.rows {
        match reading.read(row)? {
            rows::Outcome::Booked(row) => file.rows.push(row),
            rows::Outcome::Left(key) => match file
                .not_booked
                .iter_mut()
                .find(|(k, _)| crate::domain::text::fold(k) == crate::domain::text::fold(&key))
            {
                Some((_, n)) => *n += 1,
                None => file.not_booked.push((key, 1)),
            },
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Money;

    fn read(text: &str) -> Result<BankFile, String> {
        read_bank(text.as_bytes(), &BankOptions::default())
    }

    fn amounts(file: &BankFile) -> Vec<i64> {
        file.rows.iter().map(|r| r.amount.cents()).collect()
    }

    #[test]
    fn the_separator_is_the_header_rows_not_the_preamble() {
        let text = "Compte courant, n° 1, euros\nRelevé du 01/10, édité le 16/10, page 1\n\
                    Solde au 15/10/2025;-1 000,00\nDate;Libellé;Montant\n03/10/2025;CARTE, X;-8,00\n";
        let file = read(text).unwrap();
        assert_eq!(file.rows[0].label, "CARTE, X");
        assert_eq!(file.rows[0].line_no, 5);
        let stated = file.statement.unwrap();
        assert_eq!(stated.date.to_string(), "2025-10-15");
        assert_eq!(stated.balance, Money::from_cents(-100000));
    }

    #[test]
    fn an_unsigned_amount_takes_its_side() {
        let text =
            "Date,Amount,Side,Currency\n2025-10-03,12.50,Debit,EUR\n2025-10-04,3.00,Credit,EUR\n";
        assert_eq!(amounts(&read(text).unwrap()), [-1250, 300]);
        assert_eq!(
            read("Date;Montant;Devise\n03/10/2025;12,50;USD\n").unwrap_err(),
            "ligne 2 : devise « USD » (colonne « Devise ») : seuls les montants en euros sont acceptés"
        );
    }

    #[test]
    fn debit_and_credit_both_filled_or_a_negative_credit_are_refused() {
        assert_eq!(
            read("Date;Débit;Crédit\n03/10/2025;12,50;3,00\n").unwrap_err(),
            "ligne 2 : débit « 12,50 » et crédit « 3,00 » remplis tous les deux : une seule des deux colonnes est attendue par ligne"
        );
        assert_eq!(
            read("Date;Débit;Crédit\n03/10/2025;;-3,00\n").unwrap_err(),
            "ligne 2 : crédit « -3,00 » négatif (colonne « Crédit ») : un crédit est une somme reçue, écrite sans signe"
        );
    }

    #[test]
    fn cells_beyond_the_header_must_be_empty() {
        let trailing = "Date;Montant;\n03/10/2025;-8,00;\n04/10/2025;-3,00\n";
        assert_eq!(amounts(&read(trailing).unwrap()), [-800, -300]);
        assert_eq!(
            read("Date;Montant;Libellé\n03/10/2025;-8,00;CARTE;X\n").unwrap_err(),
            "ligne 2 : 4 cellules au lieu de 3 (un « ; » en trop ? mettez le libellé entre guillemets)"
        );
    }

    #[test]
    fn an_empty_status_is_refused_and_a_header_alone_reads_nothing() {
        assert_eq!(
            read("Date;Montant;Status\n03/10/2025;-8,00;\n").unwrap_err(),
            "ligne 2 : statut vide (colonne « Status ») : attendu Booked, Pending, Upcoming, Released, Canceled ou Rejected (ou comptabilisé, exécuté, en attente, à venir, annulé, rejeté, refusé)"
        );
        assert_eq!(read("Date;Montant\n"), Ok(BankFile::default()));
    }
}
