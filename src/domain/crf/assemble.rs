//! From the sums the store read to the CRF: pure arithmetic, no database.

use super::{
    AccountYear, BankAtYearEnd, ChequeOut, Crf, CrfHeading, CrfLine, Month, OtherBalance, Subsidy,
};
use crate::domain::cash_count::CashCount;
use crate::domain::entry_request::REPORT_A_NOUVEAU;
use crate::domain::participation::regie::REGIE_ACCOUNT;
use crate::domain::{Account, AccountKind, EntryKind, Exercice, Money, MoneyKey, text};
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;

/// Code of the OCCE advance (a debt of the coop).
pub const OCCE_ADVANCE: &str = "1680";

/// The heading of a category that has none.
pub const OTHER_CHARGES: &str = "Autres charges";
pub const OTHER_PRODUITS: &str = "Autres produits";

/// What is said of the Collectes en ligne balance at closing.
pub const ONLINE_IN_TRANSIT: &str = "Paiements en ligne reçus, pas encore versés au Compte Pro";

/// One account's lines summed per month (September first), every entry
/// of the exercice included (the opening too).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MonthSums {
    pub account_id: i64,
    pub sums: [Money; 12],
    /// The sum of its positive lines over the year.
    pub positive: Money,
}

/// The lines of one account in the entries a line's sign does not
/// classify (openings, virements, reversals), summed by kind, reversal or
/// not, direction (the sign of `amount`) and month (0 = September).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpecialSum {
    pub account_id: i64,
    pub kind: EntryKind,
    pub reversal: bool,
    pub month: usize,
    pub amount: Money,
}

/// Lines of one money account outside the opening, summed by the kind of
/// their entry, whether that entry is a reversal, and direction (the sign
/// of `amount`). `regie`: the lines of a régie's advances and returns
/// (entries whose other lines are on 467 only), moved from the receipts
/// and expenses to the transfers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flow {
    pub kind: EntryKind,
    pub reversal: bool,
    pub regie: bool,
    pub amount: Money,
}

/// Everything the store read for a CRF.
#[derive(Debug, Clone)]
pub struct CrfParts {
    pub exercice: Exercice,
    /// The whole chart, hidden accounts included.
    pub accounts: Vec<Account>,
    pub months: Vec<MonthSums>,
    pub special: Vec<SpecialSum>,
    /// The régies' moves on each money account.
    pub regie_flows: Vec<(MoneyKey, Vec<Flow>)>,
    /// The banks' reconciliation (`books` is set here: the closing).
    pub banks: Vec<BankAtYearEnd>,
    pub last_cash_count: Option<CashCount>,
    pub cheques_out: Vec<ChequeOut>,
}

/// Where a money line goes in its account's year.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Buckets {
    receipts: Money,
    expenses: Money,
    transfers_in: Money,
    transfers_out: Money,
}

impl Buckets {
    /// Adds `amount` (signed as it moves the account) to its bucket: a
    /// virement's (or a régie move's) to the transfers, any other to the
    /// receipts when it brings money in (a recette) or to the expenses when
    /// it takes money out (a dépense). A reversal's line goes back to where
    /// the line it cancels went: a cancelled virement out lowers the
    /// transfers out instead of counting as a transfer in.
    fn add(&mut self, kind: EntryKind, transfer: bool, reversal: bool, amount: Money) {
        self.put(kind, transfer, reversal, amount, amount);
    }

    /// Adds `value` to the bucket a line of `amount` goes to.
    fn put(
        &mut self,
        kind: EntryKind,
        transfer: bool,
        reversal: bool,
        amount: Money,
        value: Money,
    ) {
        let inward = amount.is_positive() != reversal;
        match (transfer || kind == EntryKind::Virement, inward) {
            (true, true) => self.transfers_in += value,
            (true, false) => self.transfers_out -= value,
            (false, true) => self.receipts += value,
            (false, false) => self.expenses -= value,
        }
    }

    #[cfg(test)]
    fn total(&self) -> Money {
        self.receipts - self.expenses + self.transfers_in - self.transfers_out
    }
}

/// Receipts, expenses and transfers of one money account from its flows.
fn buckets(flows: &[Flow]) -> Buckets {
    let mut b = Buckets::default();
    for f in flows {
        if f.regie {
            // Moved from the recettes or dépenses to the transfers.
            b.put(f.kind, false, f.reversal, f.amount, -f.amount);
            b.add(f.kind, true, f.reversal, f.amount);
        } else {
            b.add(f.kind, false, f.reversal, f.amount);
        }
    }
    b
}

/// The flows of one money account: its special entries as they are,
/// the rest (plain recettes and dépenses) by the sign of their lines, the
/// régies' moves flagged.
fn money_flows(
    account_id: i64,
    months: &[MonthSums],
    special: &[SpecialSum],
    regie: &[Flow],
) -> Vec<Flow> {
    let Some(m) = months.iter().find(|m| m.account_id == account_id) else {
        return Vec::new();
    };
    let mut positive = m.positive;
    let mut negative = m.sums.iter().copied().sum::<Money>() - m.positive;
    let mut flows = Vec::new();
    for s in special.iter().filter(|s| s.account_id == account_id) {
        if s.amount.is_positive() {
            positive -= s.amount;
        } else {
            negative -= s.amount;
        }
        if s.kind != EntryKind::Ouverture {
            flows.push(Flow {
                kind: s.kind,
                reversal: s.reversal,
                regie: false,
                amount: s.amount,
            });
        }
    }
    for (kind, amount) in [
        (EntryKind::Recette, positive),
        (EntryKind::Depense, negative),
    ] {
        flows.push(Flow {
            kind,
            reversal: false,
            regie: false,
            amount,
        });
    }
    flows.extend_from_slice(regie);
    flows
}

fn is_regie(code: &str) -> bool {
    code.starts_with(REGIE_ACCOUNT)
}

/// The first day of the `month`-th month of the exercice (0 = September).
fn first_day(exercice: Exercice, month: usize) -> NaiveDate {
    let first = exercice.first_day();
    let months = first.month0() as usize + month;
    NaiveDate::from_ymd_opt(
        first.year() + (months / 12) as i32,
        (months % 12) as u32 + 1,
        1,
    )
    .unwrap_or(first)
}

/// Groups categories under their headings, headings by name, categories
/// by code; only categories with an amount.
fn headings(lines: Vec<(Option<String>, CrfLine)>, other: &str) -> Vec<CrfHeading> {
    let mut by_heading: HashMap<String, Vec<CrfLine>> = HashMap::new();
    for (heading, line) in lines.into_iter().filter(|(_, l)| !l.amount.is_zero()) {
        let heading = heading
            .map(|h| h.trim().to_string())
            .filter(|h| !h.is_empty())
            .unwrap_or_else(|| other.to_string());
        by_heading.entry(heading).or_default().push(line);
    }
    let mut out: Vec<CrfHeading> = by_heading
        .into_iter()
        .map(|(heading, mut lines)| {
            lines.sort_by(|a, b| a.code.cmp(&b.code));
            CrfHeading {
                total: lines.iter().map(|l| l.amount).sum(),
                heading,
                lines,
            }
        })
        .collect();
    out.sort_by_cached_key(|h| (text::fold(&h.heading), h.heading.clone()));
    out
}

/// The CRF from the store's sums.
pub fn assemble(parts: CrfParts) -> Crf {
    let exercice = parts.exercice;
    let by_id: HashMap<i64, &Account> = parts.accounts.iter().map(|a| (a.id, a)).collect();
    // Opening per account, and each account's months without the opening.
    let mut opening: HashMap<i64, Money> = HashMap::new();
    let mut year: HashMap<i64, [Money; 12]> = parts
        .months
        .iter()
        .map(|m| (m.account_id, m.sums))
        .collect();
    for s in parts
        .special
        .iter()
        .filter(|s| s.kind == EntryKind::Ouverture)
    {
        *opening.entry(s.account_id).or_default() += s.amount;
        if let Some(sums) = year.get_mut(&s.account_id) {
            sums[s.month.min(11)] -= s.amount;
        }
    }
    let opening_of = |id: i64| opening.get(&id).copied().unwrap_or_default();
    let flow_of = |id: i64| -> Money {
        year.get(&id)
            .map(|s| s.iter().copied().sum())
            .unwrap_or_default()
    };
    let closing_of = |id: i64| opening_of(id) + flow_of(id);

    let mut charges = Vec::new();
    let mut produits = Vec::new();
    let mut subsidies = Vec::new();
    let mut month_receipts = [Money::default(); 12];
    let mut month_expenses = [Money::default(); 12];
    let mut month_money = [Money::default(); 12];
    let (mut regies_opening, mut regies_closing) = (Money::default(), Money::default());
    let (mut occe_opening, mut occe_closing) = (Money::default(), Money::default());
    let mut others = Vec::new();
    for m in &parts.months {
        let Some(account) = by_id.get(&m.account_id) else {
            continue;
        };
        let flows = year.get(&m.account_id).copied().unwrap_or_default();
        let line = |amount: Money| CrfLine {
            code: account.code.clone(),
            label: account.label.clone(),
            amount,
        };
        match account.kind {
            AccountKind::Charge => {
                for (total, month) in month_expenses.iter_mut().zip(flows) {
                    *total += month;
                }
                charges.push((account.crf_heading.clone(), line(flow_of(account.id))));
            }
            AccountKind::Produit => {
                for (total, month) in month_receipts.iter_mut().zip(flows) {
                    *total -= month;
                }
                let amount = -flow_of(account.id);
                if account.code.starts_with("74") && !amount.is_zero() {
                    subsidies.push(Subsidy {
                        code: account.code.clone(),
                        grantor: account.label.clone(),
                        amount,
                    });
                }
                produits.push((account.crf_heading.clone(), line(amount)));
            }
            _ if account.money_key.is_some() => {
                for (total, month) in month_money.iter_mut().zip(m.sums) {
                    *total += month;
                }
            }
            _ if account.code == REPORT_A_NOUVEAU => {}
            _ if is_regie(&account.code) => {
                regies_opening += opening_of(account.id);
                regies_closing += closing_of(account.id);
            }
            _ if account.code == OCCE_ADVANCE => {
                occe_opening -= opening_of(account.id);
                occe_closing -= closing_of(account.id);
            }
            _ => {
                let (o, c) = (opening_of(account.id), closing_of(account.id));
                if !o.is_zero() || !c.is_zero() {
                    others.push(OtherBalance {
                        code: account.code.clone(),
                        label: account.label.clone(),
                        opening: o,
                        closing: c,
                    });
                }
            }
        }
    }
    subsidies.sort_by(|a, b| a.code.cmp(&b.code));
    let charges = headings(charges, OTHER_CHARGES);
    let produits = headings(produits, OTHER_PRODUITS);

    let regie_flows: HashMap<MoneyKey, &Vec<Flow>> =
        parts.regie_flows.iter().map(|(k, f)| (*k, f)).collect();
    // A flow's amount moves its money account: out to a régie is negative.
    let regies_advanced: Money = parts
        .regie_flows
        .iter()
        .flat_map(|(_, flows)| flows.iter())
        .map(|f| -f.amount)
        .sum();
    let mut accounts = Vec::new();
    for key in MoneyKey::ALL {
        let Some(account) = parts.accounts.iter().find(|a| a.money_key == Some(key)) else {
            continue;
        };
        let used = year.contains_key(&account.id);
        if !used && !matches!(key, MoneyKey::Caisse | MoneyKey::Pro) {
            continue;
        }
        let flows = money_flows(
            account.id,
            &parts.months,
            &parts.special,
            regie_flows
                .get(&key)
                .map(|f| f.as_slice())
                .unwrap_or_default(),
        );
        let b = buckets(&flows);
        let opening = opening_of(account.id);
        accounts.push(AccountYear {
            key,
            code: account.code.clone(),
            label: key.label().to_string(),
            opening,
            receipts: b.receipts,
            expenses: b.expenses,
            transfers_in: b.transfers_in,
            transfers_out: b.transfers_out,
            closing: closing_of(account.id),
        });
    }
    let in_transit = accounts
        .iter()
        .filter(|a| a.key == MoneyKey::EnLigne && !a.closing.is_zero())
        .map(|a| (ONLINE_IN_TRANSIT.to_string(), a.closing))
        .collect();

    let mut running = Money::default();
    let months = (0..12)
        .map(|i| {
            running += month_money[i];
            Month {
                first_day: first_day(exercice, i),
                receipts: month_receipts[i],
                expenses: month_expenses[i],
                balance: running,
            }
        })
        .collect();
    let mut banks = parts.banks;
    for bank in &mut banks {
        if let Some(a) = accounts.iter().find(|a| a.key == bank.account) {
            bank.books = a.closing;
        }
    }
    let total_charges = charges.iter().map(|h| h.total).sum();
    let total_produits = produits.iter().map(|h| h.total).sum();
    Crf {
        exercice,
        charges,
        produits,
        total_charges,
        total_produits,
        accounts,
        regies_opening,
        regies_closing,
        regies_advanced,
        occe_owed_opening: occe_opening,
        occe_owed_closing: occe_closing,
        others,
        in_transit,
        banks,
        last_cash_count: parts.last_cash_count,
        subsidies,
        cheques_out: parts.cheques_out,
        months,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(kind: EntryKind, reversal: bool, regie: bool, cents: i64) -> Flow {
        Flow {
            kind,
            reversal,
            regie,
            amount: Money::from_cents(cents),
        }
    }

    #[test]
    fn a_cancelled_virement_lowers_its_own_side() {
        let b = buckets(&[
            flow(EntryKind::Virement, false, false, -5000),
            flow(EntryKind::Virement, true, false, 5000),
            flow(EntryKind::Virement, false, false, 2000),
        ]);
        assert_eq!(b.transfers_out, Money::default());
        assert_eq!(b.transfers_in, Money::from_cents(2000));
    }

    #[test]
    fn a_regie_advance_is_a_transfer_not_an_expense() {
        // Avance of 30 €, the teacher gives 11,60 € back; a 12 € dépense.
        let b = buckets(&[
            flow(EntryKind::Depense, false, false, -4200),
            flow(EntryKind::Recette, false, false, 1160),
            flow(EntryKind::Depense, false, true, -3000),
            flow(EntryKind::Recette, false, true, 1160),
        ]);
        assert_eq!(b.expenses, Money::from_cents(1200));
        assert_eq!(b.receipts, Money::default());
        assert_eq!(b.transfers_out, Money::from_cents(3000));
        assert_eq!(b.transfers_in, Money::from_cents(1160));
        assert_eq!(b.total(), Money::from_cents(-4200 + 1160));
    }

    #[test]
    fn headings_are_sorted_and_empty_categories_left_out() {
        let line = |code: &str, cents| CrfLine {
            code: code.into(),
            label: code.into(),
            amount: Money::from_cents(cents),
        };
        let got = headings(
            vec![
                (Some("Transports".into()), line("6251", 100)),
                (None, line("658", 50)),
                (Some("Activités éducatives".into()), line("6068", 30)),
                (Some("Activités éducatives".into()), line("604", 20)),
                (Some("Frais".into()), line("627", 0)),
            ],
            OTHER_CHARGES,
        );
        let names: Vec<&str> = got.iter().map(|h| h.heading.as_str()).collect();
        assert_eq!(
            names,
            ["Activités éducatives", "Autres charges", "Transports"]
        );
        assert_eq!(got[0].lines[0].code, "604");
        assert_eq!(got[0].total, Money::from_cents(50));
    }
}
