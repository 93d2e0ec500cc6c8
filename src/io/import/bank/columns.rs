//! The columns of a statement file: found by name (French or English,
//! accents, case and `(EUROS)` suffixes ignored), the preset only choosing
//! between synonyms, and overridden by the user's flags.

use super::{BankColumns, BankPreset};
use crate::io::import::table::{flag_index, header_key, seen};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Date,
    ValueDate,
    Label,
    Amount,
    Debit,
    Credit,
    Reference,
    Id,
    Status,
    Counterparty,
    Currency,
    /// `Side` / `Sens`: Debit or Credit, for an amount written without sign.
    Side,
}

/// The column a header cell names, with its preference (lower first) for
/// the preset: a preset only prefers one synonym over another.
pub fn classify(name: &str, preset: BankPreset) -> Option<(Kind, u8)> {
    use BankPreset::{Lbp, Swan};
    let key = header_key(name);
    let preferred = |swan: bool, lbp: bool| match preset {
        Swan if swan => 0,
        Lbp if lbp => 0,
        BankPreset::Auto => 1,
        _ => 2,
    };
    Some(match key.as_str() {
        "date" => (Kind::Date, preferred(false, true)),
        "date d operation" | "date de l operation" | "date operation" => {
            (Kind::Date, preferred(false, true))
        }
        "booking date" | "date comptable" => (Kind::Date, preferred(true, false)),
        "date de valeur" | "value date" | "date valeur" => (Kind::ValueDate, 1),
        "libelle" | "intitule" | "libelle de l operation" | "libelle operation" => {
            (Kind::Label, preferred(false, true))
        }
        "label" => (Kind::Label, preferred(true, false)),
        "description" => (Kind::Label, preferred(false, false)),
        "montant" | "amount" | "montant de l operation" => (Kind::Amount, 1),
        "debit" => (Kind::Debit, 1),
        "credit" => (Kind::Credit, 1),
        "reference" | "end to end id" | "endtoend id" => (Kind::Reference, 1),
        "identifiant" | "id" | "transaction id" | "identifiant de transaction" => {
            (Kind::Id, preferred(true, false))
        }
        "statut" | "status" | "etat" => (Kind::Status, 1),
        "contrepartie" | "counterparty" | "beneficiaire" | "nom de la contrepartie" => {
            (Kind::Counterparty, 1)
        }
        "currency" | "devise" => (Kind::Currency, 1),
        "side" | "sens" => (Kind::Side, 1),
        _ => return None,
    })
}

/// How many cells of a line name a known column.
pub fn known(cells: &[String], preset: BankPreset) -> usize {
    cells
        .iter()
        .filter(|c| classify(c, preset).is_some())
        .count()
}

fn has(cells: &[String], preset: BankPreset, kind: Kind) -> bool {
    cells
        .iter()
        .any(|c| classify(c, preset).is_some_and(|(k, _)| k == kind))
}

fn has_date(cells: &[String], preset: BankPreset) -> bool {
    has(cells, preset, Kind::Date) || has(cells, preset, Kind::ValueDate)
}

fn has_amount(cells: &[String], preset: BankPreset) -> bool {
    has(cells, preset, Kind::Amount)
        || (has(cells, preset, Kind::Debit) && has(cells, preset, Kind::Credit))
}

/// Whether a line is the header row: a date and an amount column, by name.
pub fn is_header(cells: &[String], preset: BankPreset) -> bool {
    has_date(cells, preset) && has_amount(cells, preset)
}

/// Where the amount is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountColumns {
    Signed(usize),
    Split { debit: usize, credit: usize },
}

/// The columns of a file, as indexes from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub date: usize,
    pub amount: AmountColumns,
    pub label: Option<usize>,
    pub reference: Option<usize>,
    pub id: Option<usize>,
    pub status: Option<usize>,
    pub counterparty: Option<usize>,
    pub currency: Option<usize>,
    pub side: Option<usize>,
}

pub const DATE_NAMES: &str =
    "Date, Date d'opération, Booking date, Date comptable ou Date de valeur";
pub const AMOUNT_NAMES: &str = "Montant, Amount, ou Débit et Crédit";

/// The message when the header row has no date column.
pub fn no_date(line: usize, cells: &[String]) -> String {
    format!(
        "en-tête (ligne {line}) : aucune colonne de date (colonnes lues : {}) : attendu {DATE_NAMES}, ou --date-col N",
        seen(cells)
    )
}

/// The message when the header row has no amount column.
pub fn no_amount(line: usize, cells: &[String]) -> String {
    format!(
        "en-tête (ligne {line}) : aucune colonne de montant (colonnes lues : {}) : attendu {AMOUNT_NAMES}, ou --amount-col N (--debit-col N --credit-col N)",
        seen(cells)
    )
}

/// The message when a line that names some columns is not a header.
pub fn incomplete_header(line: usize, cells: &[String], preset: BankPreset) -> String {
    if has_date(cells, preset) {
        no_amount(line, cells)
    } else {
        no_date(line, cells)
    }
}

/// The best column of a kind by name: the preferred synonym, then the first.
fn by_name(header: &[String], preset: BankPreset, kind: Kind) -> Option<usize> {
    header
        .iter()
        .enumerate()
        .filter_map(|(i, c)| match classify(c, preset) {
            Some((k, rank)) if k == kind => Some((rank, i)),
            _ => None,
        })
        .min()
        .map(|(_, i)| i)
}

/// The columns of the header row, the flags over the names.
pub fn resolve(
    line: usize,
    header: &[String],
    preset: BankPreset,
    flags: &BankColumns,
) -> Result<Columns, String> {
    let flag = |name: &str, value: Option<usize>| flag_index(name, value, header);
    let named = |kind: Kind| by_name(header, preset, kind);
    let date = flag("--date-col", flags.date)?
        .or_else(|| named(Kind::Date))
        .or_else(|| named(Kind::ValueDate))
        .ok_or_else(|| no_date(line, header))?;
    let amount_flag = flag("--amount-col", flags.amount)?;
    let debit_flag = flag("--debit-col", flags.debit)?;
    let credit_flag = flag("--credit-col", flags.credit)?;
    let amount = match (amount_flag, debit_flag, credit_flag) {
        (Some(amount), _, _) => AmountColumns::Signed(amount),
        (None, None, None) => match named(Kind::Amount) {
            Some(amount) => AmountColumns::Signed(amount),
            None => match (named(Kind::Debit), named(Kind::Credit)) {
                (Some(debit), Some(credit)) => AmountColumns::Split { debit, credit },
                _ => return Err(no_amount(line, header)),
            },
        },
        (None, debit, credit) => {
            match (debit.or(named(Kind::Debit)), credit.or(named(Kind::Credit))) {
                (Some(debit), Some(credit)) => AmountColumns::Split { debit, credit },
                _ => {
                    return Err(
                        "--debit-col et --credit-col vont ensemble : donnez les deux colonnes"
                            .into(),
                    );
                }
            }
        }
    };
    Ok(Columns {
        date,
        amount,
        label: flag("--label-col", flags.label)?.or_else(|| named(Kind::Label)),
        reference: flag("--ref-col", flags.reference)?.or_else(|| named(Kind::Reference)),
        id: flag("--id-col", flags.id)?.or_else(|| named(Kind::Id)),
        status: flag("--status-col", flags.status)?.or_else(|| named(Kind::Status)),
        counterparty: flag("--counterparty-col", flags.counterparty)?
            .or_else(|| named(Kind::Counterparty)),
        currency: named(Kind::Currency),
        side: named(Kind::Side),
    })
}

/// The widest column a flag names (the header must have it).
pub fn flagged_width(flags: &BankColumns) -> Option<usize> {
    [
        flags.date,
        flags.amount,
        flags.debit,
        flags.credit,
        flags.label,
        flags.reference,
        flags.id,
        flags.status,
        flags.counterparty,
    ]
    .into_iter()
    .flatten()
    .max()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_french_or_english() {
        let auto = BankPreset::Auto;
        assert_eq!(
            classify("Date d'opération", auto).map(|c| c.0),
            Some(Kind::Date)
        );
        assert_eq!(
            classify("BOOKING DATE", auto).map(|c| c.0),
            Some(Kind::Date)
        );
        assert_eq!(
            classify("Montant(EUROS)", auto).map(|c| c.0),
            Some(Kind::Amount)
        );
        assert_eq!(
            classify("Crédit (€)", auto).map(|c| c.0),
            Some(Kind::Credit)
        );
        assert_eq!(classify("Libellé", auto).map(|c| c.0), Some(Kind::Label));
        assert_eq!(classify("Solde", auto), None);
    }

    #[test]
    fn value_date_only_without_another_date() {
        let header: Vec<String> = ["Date de valeur", "Date", "Montant"]
            .map(String::from)
            .to_vec();
        let columns = resolve(1, &header, BankPreset::Auto, &BankColumns::default()).unwrap();
        assert_eq!(columns.date, 1);
    }
}
