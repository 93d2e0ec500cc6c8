//! AssoConnect's online account: the parents' card payments read from its
//! payments export, their fees, and the payouts that carry them to the
//! Compte Pro (gross − fees = net).

use super::Money;
use chrono::NaiveDate;

/// What became of a payment on the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PaymentStatus {
    Paid,
    Refunded,
}

impl PaymentStatus {
    /// The key stored in the database.
    pub fn key(self) -> &'static str {
        match self {
            PaymentStatus::Paid => "paye",
            PaymentStatus::Refunded => "rembourse",
        }
    }

    pub fn from_key(key: &str) -> Option<PaymentStatus> {
        match key {
            "paye" => Some(PaymentStatus::Paid),
            "rembourse" => Some(PaymentStatus::Refunded),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PaymentStatus::Paid => "payé",
            PaymentStatus::Refunded => "remboursé",
        }
    }
}

/// One payment read from the export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentRow {
    /// The file's line number, from 1.
    pub line_no: usize,
    /// AssoConnect's id of the payment.
    pub ext_id: String,
    pub date: NaiveDate,
    pub payer: String,
    /// The form paid on (the campaign).
    pub form: String,
    pub amount: Money,
    /// The fee the association bears (zero when the parents tipped).
    pub fee: Money,
    pub status: PaymentStatus,
    /// The payout that carried it to the bank, once paid out.
    pub payout: Option<String>,
}

/// An export read whole; lines neither paid nor refunded (pending, failed…)
/// are counted by status as written in the file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PaymentFile {
    pub rows: Vec<PaymentRow>,
    pub not_counted: Vec<(String, usize)>,
}

/// Today's rate when the association bears the fees: 1,8 % + 0,25 € per
/// card payment, rounded to the cent (half away from zero).
pub fn card_fee(amount: Money) -> Money {
    let cents = amount.cents().abs();
    // 1,8 % of the amount, half a cent and above rounded up, plus 25 cents.
    Money::from_cents((cents * 18 + 500) / 1000 + 25)
}

/// A payout's totals from its payments' (amount, fee): gross, fees and
/// net = gross − fees, exact.
pub fn payout_totals(payments: &[(Money, Money)]) -> (Money, Money, Money) {
    let gross: Money = payments.iter().map(|(amount, _)| *amount).sum();
    let fees: Money = payments.iter().map(|(_, fee)| *fee).sum();
    (gross, fees, gross - fees)
}

/// A stored payment with its path through the books.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payment {
    pub id: i64,
    pub ext_id: String,
    pub date: NaiveDate,
    pub payer: String,
    pub form: String,
    pub amount: Money,
    pub fee: Money,
    pub status: PaymentStatus,
    pub payout: Option<String>,
    /// The recette's pièce (recorded by the import or linked).
    pub piece: Option<String>,
    /// Linked to an entry recorded by hand, rather than recorded.
    pub linked: bool,
    /// The pupil it was attributed to ("NOM Prénom (classe)").
    pub pupil: Option<String>,
    /// Listed "à attribuer": no pupil was found and none was picked.
    pub to_assign: bool,
    /// Where it went: the payout's date and the bank line's date.
    pub payout_date: Option<NaiveDate>,
    pub received_on: Option<NaiveDate>,
}

impl Payment {
    /// "payé en ligne le 03/10 → versement PO-12 du 05/10 → reçu sur le
    /// Compte Pro le 07/10".
    pub fn path(&self) -> String {
        let day = |d: NaiveDate| d.format("%d/%m").to_string();
        let mut path = format!("payé en ligne le {}", day(self.date));
        if self.status == PaymentStatus::Refunded {
            path.push_str(" → remboursé");
            return path;
        }
        match (&self.payout, self.payout_date) {
            (Some(payout), Some(date)) => {
                path.push_str(&format!(" → versement {payout} du {}", day(date)))
            }
            (Some(payout), None) => path.push_str(&format!(" → versement {payout}")),
            (None, _) => {
                path.push_str(" → pas encore versé");
                return path;
            }
        }
        match self.received_on {
            Some(date) => path.push_str(&format!(" → reçu sur le Compte Pro le {}", day(date))),
            None => path.push_str(" → annoncé, pas encore reçu"),
        }
        path
    }
}

/// Where a payout stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PayoutState {
    /// In the AssoConnect file, not yet on the Compte Pro.
    Announced,
    /// Received: the bank line's date and the transfer's pièce.
    Received { on: NaiveDate, piece: String },
}

impl PayoutState {
    pub fn label(&self) -> String {
        match self {
            PayoutState::Announced => "annoncé, pas encore reçu".into(),
            PayoutState::Received { on, piece } => {
                format!("reçu le {} ({piece})", super::format_date(*on))
            }
        }
    }
}

/// A payout with its payments: gross − fees = net.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Payout {
    pub reference: String,
    pub date: Option<NaiveDate>,
    pub payments: usize,
    pub gross: Money,
    pub fees: Money,
    pub net: Money,
    pub state: PayoutState,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn card_fee_is_rate_plus_fixed_part() {
        assert_eq!(card_fee(Money::from_cents(1000)), Money::from_cents(43));
        assert_eq!(card_fee(Money::from_cents(2500)), Money::from_cents(70));
    }

    #[test]
    fn payout_totals_are_gross_fees_and_net() {
        let payments = [
            (Money::from_cents(2500), Money::from_cents(70)),
            (Money::from_cents(1000), Money::from_cents(43)),
            (Money::from_cents(800), Money::ZERO),
        ];
        assert_eq!(
            payout_totals(&payments),
            (
                Money::from_cents(4300),
                Money::from_cents(113),
                Money::from_cents(4187)
            )
        );
        assert_eq!(payout_totals(&[]), (Money::ZERO, Money::ZERO, Money::ZERO));
    }
}
