//! The category proposed for an entry created from a bank line: a debit
//! whose label says bank fees (frais, commission, cotisation carte,
//! agios) goes on 627 "services bancaires" when the chart has it. The user
//! can change it; nothing else is guessed.

use super::super::{Account, AccountKind, Money};
use crate::domain::text::fold;

/// The code of the bank-services category (AssoConnect's fees go there too).
pub const BANK_FEES: &str = "627";

/// Words of a bank label that name the bank's own fees.
const FEE_WORDS: &[&str] = &["agios", "commission", "commissions", "frais"];

/// The category to propose for a bank line of `amount` labelled `label`.
pub fn proposed_category<'c>(label: &str, amount: Money, chart: &'c [Account]) -> Option<&'c str> {
    if !amount.is_negative() {
        return None;
    }
    let folded = fold(label);
    let words: Vec<&str> = folded.split(|c: char| !c.is_alphanumeric()).collect();
    // "cotisation" alone is the coop's OCCE dues; the bank's is a card's.
    let fees = words.iter().any(|w| FEE_WORDS.contains(w))
        || words.windows(2).any(|p| p == ["cotisation", "carte"]);
    if !fees {
        return None;
    }
    chart
        .iter()
        .find(|a| a.code == BANK_FEES && a.kind == AccountKind::Charge)
        .map(|a| a.code.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chart() -> Vec<Account> {
        vec![Account {
            id: 1,
            code: "627".into(),
            label: "Services bancaires".into(),
            kind: AccountKind::Charge,
            money_key: None,
            crf_heading: None,
        }]
    }

    #[test]
    fn bank_fees_are_proposed_on_627() {
        let chart = chart();
        let debit = Money::from_cents(-200);
        assert_eq!(
            proposed_category("FRAIS TENUE DE COMPTE", debit, &chart),
            Some("627")
        );
        assert_eq!(
            proposed_category("Commission intervention", debit, &chart),
            Some("627")
        );
        assert_eq!(
            proposed_category("Cotisation carte Visa", debit, &chart),
            Some("627")
        );
        assert_eq!(
            proposed_category("CARTE 07/11 LIBRAIRIE", debit, &chart),
            None
        );
        // The coop's own dues are not bank fees.
        assert_eq!(
            proposed_category("OCCE 06 – cotisation et assurance", debit, &chart),
            None
        );
        // A credit is never a fee; a chart without 627 proposes nothing.
        assert_eq!(
            proposed_category("FRAIS", Money::from_cents(200), &chart),
            None
        );
        assert_eq!(proposed_category("FRAIS", debit, &[]), None);
    }
}
