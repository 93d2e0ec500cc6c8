//! The compte rendu financier (CRF) of an exercice, as figures: the compte
//! de fonctionnement (charges and produits per heading and category, the
//! result) and the bilan simplifié (each money account from opening to
//! closing, the régies, what is owed to the OCCE), with the bank
//! reconciliation at 31 August, the last arrêté de caisse, the subsidies
//! and the cheques still to give back. The store sums the lines
//! (`store::report`); [`assemble`] turns those sums into the CRF.

mod assemble;

pub use assemble::{CrfParts, Flow, MonthSums, SpecialSum, assemble};

use super::accounts::MoneyKey;
use super::cash_count::CashCount;
use super::dates::Exercice;
use super::money::Money;
use chrono::NaiveDate;

/// One category of the compte de fonctionnement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrfLine {
    pub code: String,
    pub label: String,
    /// Positive: a charge spent, a produit received (net of cancellations).
    pub amount: Money,
}

/// A heading of the CRF (the category's `crf_heading`, or "Autres charges" / "Autres produits" when
/// it has none) with its categories, by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrfHeading {
    pub heading: String,
    pub lines: Vec<CrfLine>,
    pub total: Money,
}

/// A money account over the exercice. Receipts and expenses are the lines
/// of recettes and dépenses (net of cancellations); transfers are the
/// virements internes and the régies' moves: an advance handed from the
/// Caisse to a class (467) is a transfer out, the leftover given back a
/// transfer in (the money stays the coop's, held by the teacher). So
/// closing = opening + receipts − expenses + transfers in − transfers out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountYear {
    pub key: MoneyKey,
    pub code: String,
    pub label: String,
    pub opening: Money,
    pub receipts: Money,
    /// Positive.
    pub expenses: Money,
    pub transfers_in: Money,
    /// Positive.
    pub transfers_out: Money,
    pub closing: Money,
}

/// An entry on a bank account not matched to its statement at 31 August.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotOnStatement {
    pub account: MoneyKey,
    pub piece: String,
    pub date: NaiveDate,
    pub label: String,
    /// Signed, as it moves the account.
    pub amount: Money,
}

/// The reconciliation of one bank account at the end of the exercice.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BankAtYearEnd {
    pub account: MoneyKey,
    pub books: Money,
    /// The statement balance pointed at the last day, if any.
    pub statement: Option<Money>,
    /// Whether a statement of the exercice was imported, so that entries
    /// could be pointed against its lines. Without one, nothing is pointed:
    /// `not_on_statement` stays empty rather than listing the whole year.
    pub imported: bool,
    /// The entries not yet on the statement (when one was imported).
    pub not_on_statement: Vec<NotOnStatement>,
}

impl BankAtYearEnd {
    /// What the entries not yet on the statement move, together.
    pub fn pending(&self) -> Money {
        self.not_on_statement.iter().map(|l| l.amount).sum()
    }

    /// What the statement should say: the books less what it does not
    /// show yet.
    pub fn expected_statement(&self) -> Money {
        self.books - self.pending()
    }

    /// What the pending entries leave unexplained, statement less expected
    /// (none without a statement balance). The screen shows its opposite,
    /// books less statement less pending.
    pub fn unexplained(&self) -> Option<Money> {
        self.statement.map(|s| s - self.expected_statement())
    }
}

/// A subsidy received (a 74x produit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Subsidy {
    pub code: String,
    /// The category's label: it names the grantor (commune, département…).
    pub grantor: String,
    pub amount: Money,
}

/// A parent's cheque still to give back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChequeOut {
    pub date: NaiveDate,
    pub pupil: String,
    pub payer: String,
    pub amount: Money,
}

/// Another balance-sheet account (not a money account, not the report à
/// nouveau, not a régie nor the OCCE advance) a recette or a dépense was
/// ventilated on: part of what the coop holds (debit positive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherBalance {
    pub code: String,
    pub label: String,
    pub opening: Money,
    pub closing: Money,
}

/// One month of the exercice, for the chart: the produits and the charges
/// of the month (the compte de fonctionnement month by month: the 12
/// months add up to the totals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Month {
    /// The first day of the month.
    pub first_day: NaiveDate,
    pub receipts: Money,
    /// Positive.
    pub expenses: Money,
    /// All money accounts together at the end of the month.
    pub balance: Money,
}

/// The whole CRF.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crf {
    pub exercice: Exercice,
    pub charges: Vec<CrfHeading>,
    pub produits: Vec<CrfHeading>,
    pub total_charges: Money,
    pub total_produits: Money,
    pub accounts: Vec<AccountYear>,
    /// Régies d'avance not yet settled (467): at opening and closing.
    pub regies_opening: Money,
    pub regies_closing: Money,
    /// Owed to the OCCE (1680), positive: at opening and closing.
    pub occe_owed_opening: Money,
    pub occe_owed_closing: Money,
    /// Other balance-sheet accounts used (rare; usually empty).
    pub others: Vec<OtherBalance>,
    /// Advanced to the régies by the money accounts during the year, less
    /// what the régies gave back: counted in the transfers sent (or
    /// received), with no money account on the other side, so that the
    /// transfers sent and received differ by it.
    pub regies_advanced: Money,
    /// Money in transit between accounts at closing: the Collectes en ligne
    /// not yet paid out. (A virement not yet on the receiving bank's
    /// statement is listed in that bank's reconciliation.)
    pub in_transit: Vec<(String, Money)>,
    pub banks: Vec<BankAtYearEnd>,
    pub last_cash_count: Option<CashCount>,
    pub subsidies: Vec<Subsidy>,
    pub cheques_out: Vec<ChequeOut>,
    pub months: Vec<Month>,
}

impl Crf {
    /// Produits − charges.
    pub fn result(&self) -> Money {
        self.total_produits - self.total_charges
    }

    /// What the coop holds net: money accounts + régies − owed to the OCCE
    /// (+ other balance-sheet accounts, if any).
    pub fn net_opening(&self) -> Money {
        self.accounts.iter().map(|a| a.opening).sum::<Money>() + self.regies_opening
            - self.occe_owed_opening
            + self.others.iter().map(|o| o.opening).sum::<Money>()
    }

    pub fn net_closing(&self) -> Money {
        self.accounts.iter().map(|a| a.closing).sum::<Money>() + self.regies_closing
            - self.occe_owed_closing
            + self.others.iter().map(|o| o.closing).sum::<Money>()
    }

    /// How many categories the compte de fonctionnement lists.
    pub fn categories(&self) -> usize {
        self.charges
            .iter()
            .chain(&self.produits)
            .map(|h| h.lines.len())
            .sum()
    }

    /// All money accounts together at opening and closing.
    pub fn money_opening(&self) -> Money {
        self.accounts.iter().map(|a| a.opening).sum()
    }

    pub fn money_closing(&self) -> Money {
        self.accounts.iter().map(|a| a.closing).sum()
    }

    /// One money account, if it is in the CRF.
    pub fn account(&self, key: MoneyKey) -> Option<&AccountYear> {
        self.accounts.iter().find(|a| a.key == key)
    }

    /// The check the OCCE reads: opening + result = closing.
    pub fn balanced(&self) -> bool {
        self.net_opening() + self.result() == self.net_closing()
    }

    /// Why the transfers sent and received differ, when they do: the
    /// régies' advances (or returns) have no money account on their other
    /// side. One sentence for the screen and every file (it follows the
    /// accounts' rows; 80 columns hold it).
    pub fn regies_transfers_note(&self) -> Option<String> {
        let advanced = self.regies_advanced;
        if advanced.is_zero() {
            None
        } else if advanced.is_positive() {
            Some(format!(
                "Virements émis : dont {advanced} avancés aux régies (467), hors comptes ci-dessus"
            ))
        } else {
            Some(format!(
                "Virements reçus : dont {} rendus par les régies (467), hors comptes ci-dessus",
                -advanced
            ))
        }
    }
}
