//! Régies d'avance of class coops: cash handed from the Caisse to a teacher
//! (against a signed receipt), the class's expenses paid from it, and what is
//! left given back. The advance sits on the bilan account 467 "Régies
//! d'avance des coopératives de classe" in between:
//!
//! - avance: Caisse − / 467 + (kind dépense, mode espèces, series D);
//! - dépense of the class: 6xx + / 467 − (kind dépense, no money line: the
//!   cash had already left the Caisse);
//! - retour: Caisse + / 467 − (kind recette, mode espèces, series R).
//!
//! Balance of a class's régie = given − spent − returned.

use super::{clean_field, keep};
use crate::domain::text::MAX_NUMBER;

/// Longest label of a class's purchase (the entry's label adds the class).
const MAX_PURCHASE_LABEL: usize = 150;
use super::contribution::check_date;
use crate::domain::entry_request::money_code;
use crate::domain::{
    Account, AccountKind, EntryKind, Exercice, Field, FieldError, FieldErrors, Line, Money,
    MoneyKey, NewEntry, PaymentMode, format_date,
};
use chrono::NaiveDate;

/// Code of the bilan account the advances sit on.
pub const REGIE_ACCOUNT: &str = "467";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RegieKind {
    Avance,
    Depense,
    Retour,
}

impl RegieKind {
    pub fn key(self) -> &'static str {
        match self {
            RegieKind::Avance => "avance",
            RegieKind::Depense => "depense",
            RegieKind::Retour => "retour",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RegieKind::Avance => "avance remise",
            RegieKind::Depense => "dépense de la classe",
            RegieKind::Retour => "reliquat rendu",
        }
    }

    pub fn from_key(key: &str) -> Option<RegieKind> {
        [RegieKind::Avance, RegieKind::Depense, RegieKind::Retour]
            .into_iter()
            .find(|k| k.key() == key)
    }

    /// Series of the pièce: D for the advance and the expenses, R for the return.
    pub fn entry_kind(self) -> EntryKind {
        match self {
            RegieKind::Avance | RegieKind::Depense => EntryKind::Depense,
            RegieKind::Retour => EntryKind::Recette,
        }
    }
}

/// A move of a régie as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegieRequest {
    pub class_id: i64,
    pub kind: RegieKind,
    pub date: String,
    pub amount: String,
    /// Number of the receipt signed by the teacher (avance only).
    pub receipt_no: String,
    /// What was bought (dépense only).
    pub label: String,
    /// Expense category, 6… (dépense only).
    pub category: String,
    /// Pièce; empty = the next of its series.
    pub piece: String,
}

/// A stored move, read back from its entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegieMove {
    pub id: i64,
    pub class_id: i64,
    pub kind: RegieKind,
    pub entry_id: i64,
    pub piece: String,
    pub date: NaiveDate,
    pub amount: Money,
    pub label: String,
    pub receipt_no: String,
    /// Its entry was reversed.
    pub cancelled: bool,
}

/// A class's régie, for the régie screen and the year-end check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegieBalance {
    pub class_id: i64,
    pub class_name: String,
    pub teacher: String,
    pub given: Money,
    pub spent: Money,
    pub returned: Money,
}

impl RegieBalance {
    /// Cash still in the teacher's hands, or receipts still to bring.
    pub fn balance(&self) -> Money {
        self.given - self.spent - self.returned
    }

    /// Not settled: flagged at year end.
    pub fn is_unsettled(&self) -> bool {
        !self.balance().is_zero()
    }

    /// Sums moves (cancelled ones left out).
    pub fn add(&mut self, kind: RegieKind, amount: Money) {
        match kind {
            RegieKind::Avance => self.given += amount,
            RegieKind::Depense => self.spent += amount,
            RegieKind::Retour => self.returned += amount,
        }
    }
}

/// What a move does to the cash in the teacher's hands.
fn signed(kind: RegieKind, amount: Money) -> Money {
    match kind {
        RegieKind::Avance => amount,
        RegieKind::Depense | RegieKind::Retour => -amount,
    }
}

/// The balance of a régie from its moves not cancelled (date, kind,
/// amount): given − spent − returned.
pub fn live_balance(moves: &[(NaiveDate, RegieKind, Money)]) -> Money {
    moves
        .iter()
        .map(|(_, kind, amount)| signed(*kind, *amount))
        .sum()
}

/// The first day a régie would end below zero, with its balance that day.
/// `moves` are the class's moves not cancelled (date, kind, amount), in any
/// order; the moves of one day count together, so an advance and an expense
/// of the same day net out.
pub fn first_shortfall(moves: &[(NaiveDate, RegieKind, Money)]) -> Option<(NaiveDate, Money)> {
    let mut sorted: Vec<&(NaiveDate, RegieKind, Money)> = moves.iter().collect();
    sorted.sort_by_key(|m| m.0);
    let mut balance = Money::ZERO;
    for (i, (date, kind, amount)) in sorted.iter().enumerate() {
        balance += signed(*kind, *amount);
        let last_of_day = sorted.get(i + 1).is_none_or(|next| next.0 != *date);
        if last_of_day && balance.is_negative() {
            return Some((*date, balance));
        }
    }
    None
}

/// A new expense or return must find the advance's cash in the teacher's
/// hands on its date: `moves` are the class's moves not cancelled, the new
/// one included. Refused on its date, naming the day and the balance.
pub fn check_regie_dates(
    class_name: &str,
    moves: &[(NaiveDate, RegieKind, Money)],
) -> Result<(), FieldError> {
    match first_shortfall(moves) {
        None => Ok(()),
        Some((date, balance)) => Err(FieldError::new(
            Field::Date,
            format!(
                "le {} la régie {class_name} serait à {balance} : une dépense ou un reliquat ne peut pas précéder l'avance qui le couvre (vérifiez la date, ou saisissez d'abord l'avance)",
                format_date(date)
            ),
        )),
    }
}

/// Checks a move and builds its balanced entry. `balance` is the class's
/// régie balance before it; `class_name` goes in the label. Every field is
/// checked: the refusal names each wrong one.
pub fn build_regie_entry(
    request: &RegieRequest,
    class_name: &str,
    balance: Money,
    chart: &[Account],
    exercice: Exercice,
) -> Result<NewEntry, FieldErrors> {
    if !chart.iter().any(|a| a.code == REGIE_ACCOUNT) {
        return Err(FieldError::new(
            Field::Compte,
            format!(
                "le compte {REGIE_ACCOUNT} « Régies d'avance des coopératives de classe » manque au plan comptable : ajoutez-le"
            ),
        )
        .into());
    }
    let Some(caisse) = money_code(chart, MoneyKey::Caisse).map(str::to_string) else {
        return Err(FieldError::new(Field::Compte, "la Caisse manque au plan comptable").into());
    };
    let mut errors = Vec::new();
    let date = keep(&mut errors, check_date(&request.date, exercice));
    let amount = keep(
        &mut errors,
        Money::parse_positive(&request.amount)
            .map_err(|e| FieldError::new(Field::Montant, e.to_string()))
            .and_then(|amount| within_balance(request.kind, amount, class_name, balance)),
    );
    let piece = keep(
        &mut errors,
        crate::domain::entry_request::valid_piece(&request.piece),
    );
    let what = keep(&mut errors, what_of(request, class_name, chart));
    let (Some(date), Some(amount), Some(piece), Some((label, code)), true) =
        (date, amount, piece, what, errors.is_empty())
    else {
        return Err(FieldErrors(errors));
    };
    let line = |code: &str, amount: Money| Line {
        account_code: code.to_string(),
        amount,
    };
    let (mode, lines) = match request.kind {
        RegieKind::Avance => (
            Some(PaymentMode::Especes),
            vec![line(&caisse, -amount), line(REGIE_ACCOUNT, amount)],
        ),
        RegieKind::Depense => (
            None,
            vec![line(&code, amount), line(REGIE_ACCOUNT, -amount)],
        ),
        RegieKind::Retour => (
            Some(PaymentMode::Especes),
            vec![line(&caisse, amount), line(REGIE_ACCOUNT, -amount)],
        ),
    };
    NewEntry::new(date, piece, request.kind.entry_kind(), label, mode, lines)
        .map_err(|e| FieldError::new(Field::Montant, e.to_string()).into())
}

/// An expense or a return cannot take more than the régie holds.
fn within_balance(
    kind: RegieKind,
    amount: Money,
    class_name: &str,
    balance: Money,
) -> Result<Money, FieldError> {
    if matches!(kind, RegieKind::Depense | RegieKind::Retour) && amount > balance {
        return Err(FieldError::new(
            Field::Montant,
            format!("{amount} dépasse ce qui reste de la régie {class_name} ({balance})"),
        ));
    }
    Ok(amount)
}

/// The entry's label and, for an expense, its category: an advance needs
/// the receipt's number, an expense what was bought and a charge (6…).
fn what_of(
    request: &RegieRequest,
    class_name: &str,
    chart: &[Account],
) -> Result<(String, String), FieldError> {
    match request.kind {
        RegieKind::Avance => {
            let receipt = clean_field(Field::Recu, &request.receipt_no, MAX_NUMBER)?;
            if receipt.is_empty() {
                return Err(FieldError::new(
                    Field::Recu,
                    "vide : le numéro du reçu signé par l'enseignant est attendu",
                ));
            }
            Ok((
                format!("Régie d'avance {class_name} – reçu n° {receipt}"),
                String::new(),
            ))
        }
        RegieKind::Depense => {
            let label = clean_field(Field::Libelle, &request.label, MAX_PURCHASE_LABEL)?;
            if label.is_empty() {
                return Err(FieldError::new(
                    Field::Libelle,
                    "vide : décrivez l'achat (ex. « Peinture et pinceaux »)",
                ));
            }
            let code = request.category.trim();
            match chart.iter().find(|a| a.code == code) {
                Some(a) if a.kind == AccountKind::Charge => {
                    Ok((format!("Régie {class_name} : {label}"), code.to_string()))
                }
                Some(a) => Err(FieldError::new(
                    Field::Categorie,
                    format!("« {} » n'est pas un compte de charges (6…)", a.display()),
                )),
                None => Err(FieldError::new(
                    Field::Categorie,
                    format!(
                        "« {} » n'existe pas dans le plan comptable (compte de charges 6… attendu, ex. 6068)",
                        crate::domain::text::shown(code)
                    ),
                )),
            }
        }
        RegieKind::Retour => Ok((
            format!("Reliquat de la régie {class_name} rendu à la caisse"),
            String::new(),
        )),
    }
}
