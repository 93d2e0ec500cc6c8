//! AssoConnect's payments export: one line per card payment (id, date,
//! payer, form, amount, fee, status, payout). Columns found by name, or
//! given by flags; all or nothing, errors in French naming the line.

mod columns;
mod rows;

use super::sniff::decode;
use super::table::{HeaderRule, NoHeader, read_table, seen};
use crate::domain::online::PaymentFile;
use crate::domain::text::shown;
use std::collections::HashMap;

/// Columns given by the user (numbered from 1), over what the header says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaymentColumns {
    pub date: Option<usize>,
    pub amount: Option<usize>,
    pub payer: Option<usize>,
    pub form: Option<usize>,
    pub id: Option<usize>,
    pub fee: Option<usize>,
    pub status: Option<usize>,
    pub payout: Option<usize>,
}

/// The refusal of an empty file.
pub const EMPTY: &str = "le fichier est vide : une ligne d'en-tête est attendue (Identifiant, \
Date, Payeur, Formulaire, Montant, Frais, Statut, Versement)";

/// Reads a whole payments export, or says in French which line is wrong:
/// the payments paid or refunded, the others counted by status as written.
pub fn read_payments(bytes: &[u8], flags: &PaymentColumns) -> Result<PaymentFile, String> {
    let (text, _) = decode(bytes)?;
    let rule = HeaderRule {
        known: &columns::known,
        is_header: &columns::is_header,
        flagged_width: columns::flagged_width(flags),
    };
    let table = match read_table(&text, &rule)? {
        Ok(table) => table,
        Err(NoHeader::Empty) => return Err(EMPTY.into()),
        Err(NoHeader::NotFound { best, known }) => {
            if rule.flagged_width.is_some() {
                columns::resolve(best.line, &best.cells, flags)?;
            }
            return Err(if known == 0 {
                format!(
                    "aucune ligne d'en-tête trouvée : il faut au moins une colonne d'identifiant \
                     (Identifiant, ID, Référence du paiement ou N° de paiement), de date ({}) et \
                     de montant ({}) ; colonnes lues ligne {} : {}",
                    columns::DATE_NAMES,
                    columns::AMOUNT_NAMES,
                    best.line,
                    seen(&best.cells)
                )
            } else {
                columns::incomplete_header(best.line, &best.cells)
            });
        }
    };
    let header = &table.header;
    let found = columns::resolve(header.line, &header.cells, flags)?;
    let reading = rows::Reading {
        header: crate::io::import::table::Cells(&header.cells),
        columns: &found,
        delimiter: table.delimiter,
    };
    let mut file = PaymentFile::default();
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    for row in &table.rows {
        match reading.read(row)? {
            rows::Outcome::Counted(payment) => {
                if let Some(first) = seen_ids.insert(payment.ext_id.clone(), payment.line_no) {
                    return Err(format!(
                        "ligne {} : identifiant « {} » déjà lu ligne {first} : un paiement ne se \
                         compte qu'une fois",
                        payment.line_no,
                        shown(&payment.ext_id)
                    ));
                }
                file.rows.push(payment);
            }
            rows::Outcome::Left(key) => {
                match file
                    .not_counted
                    .iter_mut()
                    .find(|(k, _)| crate::domain::text::fold(k) == crate::domain::text::fold(&key))
                {
                    Some((_, n)) => *n += 1,
                    None => file.not_counted.push((key, 1)),
                }
            }
        }
    }
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Result<PaymentFile, String> {
        read_payments(text.as_bytes(), &PaymentColumns::default())
    }

    #[test]
    fn a_net_above_the_amount_or_an_empty_status_is_refused() {
        assert_eq!(
            read("ID;Date;Montant;Net\nP1;03/10/2025;10,00;10,50\n").unwrap_err(),
            "ligne 2 : montant net « 10,50 » hors de 0 à 10,00 € (colonne « Net ») : le net est le montant moins les frais"
        );
        assert_eq!(
            read("ID;Date;Montant;Statut\nP1;03/10/2025;10,00;\n").unwrap_err(),
            "ligne 2 : statut vide (colonne « Statut ») : attendu Payé, Remboursé, En attente, Échoué ou Annulé (ou Paid, Refunded, Pending, Failed, Canceled)"
        );
    }

    #[test]
    fn a_file_without_header_says_what_is_needed() {
        assert_eq!(
            read("PAY-001;03/10/2025;25,00\n").unwrap_err(),
            "aucune ligne d'en-tête trouvée : il faut au moins une colonne d'identifiant (Identifiant, ID, Référence du paiement ou N° de paiement), de date (Date ou Date du paiement) et de montant (Montant, Amount ou Montant payé) ; colonnes lues ligne 1 : PAY-001, 03/10/2025, 25,00"
        );
    }

    #[test]
    fn a_fee_written_negative_is_a_cost_and_an_empty_one_is_zero() {
        let file = read("ID;Date;Montant;Frais\nP1;03/10/2025;10,00;-0,43\nP2;03/10/2025;10,00;\n")
            .unwrap();
        let fees: Vec<i64> = file.rows.iter().map(|p| p.fee.cents()).collect();
        assert_eq!(fees, [43, 0]);
    }
}
