//! An unexplained AssoConnect credit on the Compte Pro, when the file gave
//! no payout reference: the payments it most likely carries, in date
//! order from the oldest (the payments since the previous payout first).

use super::Money;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A payment not yet paid out, for a payout proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingPayment {
    pub id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    pub fee: Money,
}

/// The payments whose Σ(amount − fee) equals `credit`, in date order
/// (then id): the shortest prefix from the oldest when one sums to it,
/// else the shortest run of consecutive payments (the oldest of equally
/// short ones), else `None`. A credit that is not positive is never a
/// payout. Linear work, exact cents.
pub fn propose_payout(credit: Money, pending: &[PendingPayment]) -> Option<Vec<i64>> {
    if !credit.is_positive() {
        return None;
    }
    let target = i128::from(credit.cents());
    let mut sorted: Vec<&PendingPayment> = pending.iter().collect();
    sorted.sort_by_key(|p| (p.date, p.id));
    let ids = |from: usize, to: usize| Some(sorted[from..to].iter().map(|p| p.id).collect());

    // prefix[j] = Σ net of the first j payments.
    let mut prefix = Vec::with_capacity(sorted.len() + 1);
    prefix.push(0i128);
    for p in &sorted {
        let last = prefix[prefix.len() - 1];
        prefix.push(last + i128::from(p.amount.cents()) - i128::from(p.fee.cents()));
    }
    if let Some(end) = prefix.iter().position(|&s| s == target) {
        return ids(0, end);
    }
    // The shortest run ending at `end` starts after the latest prefix equal
    // to prefix[end] − target.
    let mut latest: HashMap<i128, usize> = HashMap::with_capacity(prefix.len());
    let mut best: Option<(usize, usize)> = None;
    for (end, &sum) in prefix.iter().enumerate() {
        if let Some(&start) = latest.get(&(sum - target))
            && best.is_none_or(|(s, e)| end - start < e - s)
        {
            best = Some((start, end));
        }
        latest.insert(sum, end);
    }
    best.and_then(|(start, end)| ids(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pay(id: i64, day: u32, cents: i64, fee: i64) -> PendingPayment {
        PendingPayment {
            id,
            date: NaiveDate::from_ymd_opt(2025, 10, day).expect("date"),
            amount: Money::from_cents(cents),
            fee: Money::from_cents(fee),
        }
    }

    #[test]
    fn the_shortest_prefix_from_the_oldest_comes_first() {
        // Given out of order: 2 (03/10), 1 (05/10), 3 (06/10), 4 (08/10).
        let pending = [
            pay(1, 5, 1000, 43),
            pay(2, 3, 2500, 70),
            pay(3, 6, 1000, 43),
            pay(4, 8, 957, 0),
        ];
        let credit = Money::from_cents(2500 - 70 + 1000 - 43);
        assert_eq!(propose_payout(credit, &pending), Some(vec![2, 1]));
        // 957 is the net of payment 1 and of payment 4 alone: the prefix
        // 2, 1 is not it, the shortest run is payment 1 (the oldest).
        assert_eq!(
            propose_payout(Money::from_cents(957), &pending),
            Some(vec![1])
        );
    }

    #[test]
    fn a_run_in_the_middle_when_no_prefix_fits() {
        let pending = [
            pay(1, 1, 500, 0),
            pay(2, 2, 700, 0),
            pay(3, 3, 300, 0),
            pay(4, 4, 400, 0),
        ];
        assert_eq!(
            propose_payout(Money::from_cents(1000), &pending),
            Some(vec![2, 3])
        );
        assert_eq!(
            propose_payout(Money::from_cents(1400), &pending),
            Some(vec![2, 3, 4])
        );
        // 500 + 400 are not consecutive.
        assert_eq!(propose_payout(Money::from_cents(900), &pending), None);
    }

    #[test]
    fn nothing_for_a_credit_that_is_not_positive_or_no_payments() {
        let pending = [pay(1, 1, 500, 0)];
        assert_eq!(propose_payout(Money::ZERO, &pending), None);
        assert_eq!(propose_payout(Money::from_cents(-500), &pending), None);
        assert_eq!(propose_payout(Money::from_cents(500), &[]), None);
    }
}
