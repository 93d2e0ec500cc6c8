//! Entries (écritures): what the user sees as a recette, a dépense or a
//! virement interne, kept inside as balanced lines (double entry: the lines of
//! an entry always sum to zero). An entry that does not balance cannot be built.

use super::accounts::{Account, AccountKind, MoneyKey};
use super::dates::Exercice;
use super::money::Money;
use chrono::NaiveDate;
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntryKind {
    Recette,
    Depense,
    Virement,
    /// Opening balances (report à nouveau) of an exercice.
    Ouverture,
}

impl EntryKind {
    pub fn key(self) -> &'static str {
        match self {
            EntryKind::Recette => "recette",
            EntryKind::Depense => "depense",
            EntryKind::Virement => "virement",
            EntryKind::Ouverture => "ouverture",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            EntryKind::Recette => "Recette",
            EntryKind::Depense => "Dépense",
            EntryKind::Virement => "Virement interne",
            EntryKind::Ouverture => "Report à nouveau",
        }
    }

    /// The stored key (`recette`…), matched exactly.
    pub fn from_key(key: &str) -> Option<EntryKind> {
        [
            EntryKind::Recette,
            EntryKind::Depense,
            EntryKind::Virement,
            EntryKind::Ouverture,
        ]
        .into_iter()
        .find(|k| k.key() == key)
    }

    pub fn parse(input: &str) -> Option<EntryKind> {
        match input.trim().to_lowercase().as_str() {
            "recette" => Some(EntryKind::Recette),
            "depense" | "dépense" => Some(EntryKind::Depense),
            "virement" => Some(EntryKind::Virement),
            "ouverture" => Some(EntryKind::Ouverture),
            _ => None,
        }
    }

    /// Letter of the pièce series: R001, D001, V001.
    pub fn piece_prefix(self) -> &'static str {
        match self {
            EntryKind::Recette => "R",
            EntryKind::Depense => "D",
            EntryKind::Virement => "V",
            EntryKind::Ouverture => "AN",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PaymentMode {
    Especes,
    Carte,
    Virement,
    Cheque,
    Prelevement,
}

impl PaymentMode {
    pub const ALL: [PaymentMode; 5] = [
        PaymentMode::Especes,
        PaymentMode::Carte,
        PaymentMode::Virement,
        PaymentMode::Cheque,
        PaymentMode::Prelevement,
    ];

    pub fn key(self) -> &'static str {
        match self {
            PaymentMode::Especes => "especes",
            PaymentMode::Carte => "carte",
            PaymentMode::Virement => "virement",
            PaymentMode::Cheque => "cheque",
            PaymentMode::Prelevement => "prelevement",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PaymentMode::Especes => "espèces",
            PaymentMode::Carte => "carte",
            PaymentMode::Virement => "virement",
            PaymentMode::Cheque => "chèque",
            PaymentMode::Prelevement => "prélèvement",
        }
    }

    /// The stored key (`especes`…), matched exactly.
    pub fn from_key(key: &str) -> Option<PaymentMode> {
        PaymentMode::ALL.into_iter().find(|m| m.key() == key)
    }

    pub fn parse(input: &str) -> Option<PaymentMode> {
        let wanted = super::text::fold(input.trim());
        PaymentMode::ALL
            .into_iter()
            .find(|m| m.key() == wanted || super::text::fold(m.label()) == wanted)
    }

    /// The modes an account can pay or be paid with, the usual one first:
    /// the Caisse holds cash and only cash; the online account receives
    /// parents' card payments and has the platform's fees taken out
    /// (prélèvement), its payouts to the Compte Pro being virements
    /// internes; the banks take anything but cash (cash reaches them by a
    /// virement interne from the Caisse).
    pub fn allowed_on(account: MoneyKey) -> &'static [PaymentMode] {
        use PaymentMode::*;
        match account {
            MoneyKey::Caisse => &[Especes],
            MoneyKey::EnLigne => &[Carte, Prelevement],
            MoneyKey::Pro => &[Virement, Carte, Prelevement, Cheque],
            MoneyKey::Lbp => &[Virement, Cheque, Carte, Prelevement],
        }
    }

    /// The usual mode for an account: cash for the caisse, card online.
    pub fn default_for(account: MoneyKey) -> PaymentMode {
        match account {
            MoneyKey::Caisse => PaymentMode::Especes,
            MoneyKey::EnLigne => PaymentMode::Carte,
            MoneyKey::Pro | MoneyKey::Lbp => PaymentMode::Virement,
        }
    }
}

impl fmt::Display for PaymentMode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One line of an entry: an account of the chart and a signed amount
/// (positive = debit: money in for a money account, an expense for a charge).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub account_code: String,
    pub amount: Money,
}

/// A balanced entry, ready to be stored (no id yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEntry {
    pub date: NaiveDate,
    pub piece: String,
    pub kind: EntryKind,
    pub label: String,
    pub mode: Option<PaymentMode>,
    pub cheque_no: Option<String>,
    /// The entry this one cancels, for a reversal.
    pub reverses: Option<i64>,
    lines: Vec<Line>,
}

/// A stored entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub id: i64,
    pub exercice: Exercice,
    pub date: NaiveDate,
    pub piece: String,
    pub kind: EntryKind,
    pub label: String,
    pub mode: Option<PaymentMode>,
    pub cheque_no: Option<String>,
    pub reverses: Option<i64>,
    /// The reversal that cancels this entry, if any.
    pub reversed_by: Option<i64>,
    pub lines: Vec<Line>,
}

/// Why lines do not make an entry.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BalanceError {
    #[error("une écriture doit avoir au moins deux lignes")]
    TooFewLines,
    #[error("l'écriture n'est pas équilibrée (écart de {0})")]
    Unbalanced(Money),
    #[error("une ligne d'écriture ne peut pas être à zéro")]
    ZeroLine,
}

impl NewEntry {
    /// Builds an entry from lines that must sum to zero.
    pub fn new(
        date: NaiveDate,
        piece: String,
        kind: EntryKind,
        label: String,
        mode: Option<PaymentMode>,
        lines: Vec<Line>,
    ) -> Result<NewEntry, BalanceError> {
        check_lines(&lines)?;
        Ok(NewEntry {
            date,
            piece,
            kind,
            label,
            mode,
            cheque_no: None,
            reverses: None,
            lines,
        })
    }

    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The entry that cancels `original`: same lines with opposite signs.
    pub fn reversal_of(original: &Entry, date: NaiveDate, piece: String) -> NewEntry {
        NewEntry {
            date,
            piece,
            kind: original.kind,
            label: format!("Annulation de {} : {}", original.piece, original.label),
            mode: original.mode,
            cheque_no: original.cheque_no.clone(),
            reverses: Some(original.id),
            lines: original
                .lines
                .iter()
                .map(|l| Line {
                    account_code: l.account_code.clone(),
                    amount: -l.amount,
                })
                .collect(),
        }
    }
}

fn check_lines(lines: &[Line]) -> Result<(), BalanceError> {
    if lines.len() < 2 {
        return Err(BalanceError::TooFewLines);
    }
    if lines.iter().any(|l| l.amount.is_zero()) {
        return Err(BalanceError::ZeroLine);
    }
    let total: Money = lines.iter().map(|l| l.amount).sum();
    if !total.is_zero() {
        return Err(BalanceError::Unbalanced(total));
    }
    Ok(())
}

impl Entry {
    pub fn is_cancelled(&self) -> bool {
        self.reversed_by.is_some()
    }

    /// Signed amount of this entry on one money account (money in > 0).
    pub fn amount_on(&self, account_code: &str) -> Money {
        self.lines
            .iter()
            .filter(|l| l.account_code == account_code)
            .map(|l| l.amount)
            .sum()
    }

    /// The lines that are not on a money account (the ventilation, or the
    /// other side of an opening).
    pub fn category_lines<'a>(
        &'a self,
        chart: &'a [Account],
    ) -> impl Iterator<Item = &'a Line> + 'a {
        self.lines.iter().filter(move |l| {
            chart
                .iter()
                .find(|a| a.code == l.account_code)
                .is_none_or(|a| a.kind != AccountKind::Tresorerie)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(code: &str, cents: i64) -> Line {
        Line {
            account_code: code.into(),
            amount: Money::from_cents(cents),
        }
    }

    fn date() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 9, 12).unwrap()
    }

    #[test]
    fn an_unbalanced_entry_cannot_be_built() {
        let built = NewEntry::new(
            date(),
            "R001".into(),
            EntryKind::Recette,
            "x".into(),
            None,
            vec![line("530", 1000), line("75620008", -900)],
        );
        assert_eq!(built, Err(BalanceError::Unbalanced(Money::from_cents(100))));
        let one = NewEntry::new(
            date(),
            "R001".into(),
            EntryKind::Recette,
            "x".into(),
            None,
            vec![line("530", 0)],
        );
        assert_eq!(one, Err(BalanceError::TooFewLines));
    }

    #[test]
    fn a_reversal_negates_every_line() {
        let original = Entry {
            id: 7,
            exercice: Exercice::new(2024),
            date: date(),
            piece: "D004".into(),
            kind: EntryKind::Depense,
            label: "Car musée".into(),
            mode: Some(PaymentMode::Virement),
            cheque_no: None,
            reverses: None,
            reversed_by: None,
            lines: vec![line("512", -25000), line("6251", 25000)],
        };
        let rev = NewEntry::reversal_of(&original, date(), "D004-A".into());
        assert_eq!(rev.reverses, Some(7));
        assert_eq!(rev.lines(), &[line("512", 25000), line("6251", -25000)]);
        assert_eq!(rev.label, "Annulation de D004 : Car musée");
    }
}
