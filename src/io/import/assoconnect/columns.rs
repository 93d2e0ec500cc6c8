//! The columns of an AssoConnect payments export, found by name (French or
//! English, accents and case aside; the export's headers are not published,
//! these are guesses) and overridden by the user's flags.

use super::PaymentColumns;
use crate::io::import::table::{flag_index, header_key, seen};

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Id,
    Date,
    Payer,
    LastName,
    FirstName,
    Form,
    Amount,
    Fee,
    Net,
    Status,
    Payout,
}

/// The column a header cell names.
pub fn classify(name: &str) -> Option<Kind> {
    Some(match header_key(name).as_str() {
        "identifiant"
        | "id"
        | "reference du paiement"
        | "n de paiement"
        | "numero de paiement"
        | "id du paiement"
        | "identifiant du paiement"
        | "payment id" => Kind::Id,
        "date" | "date du paiement" | "date de paiement" | "payment date" => Kind::Date,
        "payeur" | "nom du payeur" | "payer" | "payer name" => Kind::Payer,
        "nom" | "nom de famille" | "last name" => Kind::LastName,
        "prenom" | "first name" => Kind::FirstName,
        "formulaire" | "campagne" | "form" | "campaign" | "nom du formulaire" => Kind::Form,
        "montant" | "amount" | "montant paye" | "montant brut" => Kind::Amount,
        "frais" | "fees" | "fee" | "commission" => Kind::Fee,
        "net" | "montant net" | "net amount" => Kind::Net,
        "statut" | "status" | "etat" => Kind::Status,
        "versement"
        | "payout"
        | "reference du versement"
        | "id du versement"
        | "payout id"
        | "payout reference" => Kind::Payout,
        _ => return None,
    })
}

fn named(cells: &[String], kind: Kind) -> Option<usize> {
    cells.iter().position(|c| classify(c) == Some(kind))
}

/// How many cells of a line name a known column.
pub fn known(cells: &[String]) -> usize {
    cells.iter().filter(|c| classify(c).is_some()).count()
}

/// Whether a line is the header row: a date and an amount column, by name.
pub fn is_header(cells: &[String]) -> bool {
    named(cells, Kind::Date).is_some() && named(cells, Kind::Amount).is_some()
}

/// Who paid: one column, or separate last and first names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PayerColumns {
    None,
    Single(usize),
    Names {
        first: Option<usize>,
        last: Option<usize>,
    },
}

/// How the fee is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FeeColumn {
    /// No fee column: the parents tipped, the association bears nothing.
    None,
    Fee(usize),
    /// Only the net amount: fee = amount − net.
    Net(usize),
}

/// The columns of a file, as indexes from 0.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Columns {
    pub id: usize,
    pub date: usize,
    pub amount: usize,
    pub payer: PayerColumns,
    pub form: Option<usize>,
    pub fee: FeeColumn,
    pub status: Option<usize>,
    pub payout: Option<usize>,
}

pub const DATE_NAMES: &str = "Date ou Date du paiement";
pub const AMOUNT_NAMES: &str = "Montant, Amount ou Montant payé";

/// The message when a line naming some columns is not the header row.
pub fn incomplete_header(line: usize, cells: &[String]) -> String {
    if named(cells, Kind::Date).is_some() {
        missing(line, cells, "montant", AMOUNT_NAMES, "--amount-col")
    } else {
        missing(line, cells, "date", DATE_NAMES, "--date-col")
    }
}

fn missing(line: usize, cells: &[String], what: &str, names: &str, flag: &str) -> String {
    format!(
        "en-tête (ligne {line}) : aucune colonne de {what} (colonnes lues : {}) : attendu {names}, ou {flag} N",
        seen(cells)
    )
}

/// The columns of the header row, the flags over the names.
pub fn resolve(line: usize, header: &[String], flags: &PaymentColumns) -> Result<Columns, String> {
    let flag = |name: &str, value: Option<usize>| flag_index(name, value, header);
    let by_name = |kind: Kind| named(header, kind);
    let date = flag("--date-col", flags.date)?.or_else(|| by_name(Kind::Date));
    let amount = flag("--amount-col", flags.amount)?.or_else(|| by_name(Kind::Amount));
    let payer = flag("--payer-col", flags.payer)?;
    let form = flag("--form-col", flags.form)?.or_else(|| by_name(Kind::Form));
    let id = flag("--id-col", flags.id)?.or_else(|| by_name(Kind::Id));
    let fee = flag("--fee-col", flags.fee)?;
    let status = flag("--status-col", flags.status)?.or_else(|| by_name(Kind::Status));
    let payout = flag("--payout-col", flags.payout)?.or_else(|| by_name(Kind::Payout));
    let date = date.ok_or_else(|| missing(line, header, "date", DATE_NAMES, "--date-col"))?;
    let amount =
        amount.ok_or_else(|| missing(line, header, "montant", AMOUNT_NAMES, "--amount-col"))?;
    let id = id.ok_or_else(|| {
        format!(
            "en-tête (ligne {line}) : aucune colonne d'identifiant (colonnes lues : {}) : \
             attendu Identifiant, ID, Référence du paiement ou N° de paiement, ou --id-col N \
             (c'est par lui qu'un paiement n'est jamais compté deux fois)",
            seen(header)
        )
    })?;
    let payer = match payer.or_else(|| by_name(Kind::Payer)) {
        Some(i) => PayerColumns::Single(i),
        None => match (by_name(Kind::FirstName), by_name(Kind::LastName)) {
            (None, None) => PayerColumns::None,
            (first, last) => PayerColumns::Names { first, last },
        },
    };
    let fee = match (fee.or_else(|| by_name(Kind::Fee)), by_name(Kind::Net)) {
        (Some(i), _) => FeeColumn::Fee(i),
        (None, Some(i)) => FeeColumn::Net(i),
        (None, None) => FeeColumn::None,
    };
    Ok(Columns {
        id,
        date,
        amount,
        payer,
        form,
        fee,
        status,
        payout,
    })
}

/// The widest column a flag names.
pub fn flagged_width(flags: &PaymentColumns) -> Option<usize> {
    [
        flags.date,
        flags.amount,
        flags.payer,
        flags.form,
        flags.id,
        flags.fee,
        flags.status,
        flags.payout,
    ]
    .into_iter()
    .flatten()
    .max()
}
