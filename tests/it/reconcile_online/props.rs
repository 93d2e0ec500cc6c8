//! Property: gross − fees = net, and Collectes en ligne holds what is not
//! paid out, whatever the payments, fees and imports.

use super::*;
use coopcompta::domain::Money;
use coopcompta::domain::online::{PaymentRow, PayoutState};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// For any payments and fees, in one or two overlapping imports, with
    /// some payouts received: gross − fees = net per payout, and Collectes
    /// en ligne holds the payments not yet received, net of their fees.
    #[test]
    fn collectes_en_ligne_holds_what_is_not_paid_out(
        payments in prop::collection::vec((100i64..20_000, 0i64..100, 0usize..4, 1u32..28), 1..12),
        split in 0usize..12,
        received in prop::collection::vec(any::<bool>(), 4),
    ) {
        let mut book = book();
        let rows: Vec<PaymentRow> = payments
            .iter()
            .enumerate()
            .map(|(i, (cents, fee_pct, payout, d))| {
                let payout = (*payout > 0).then(|| format!("PO-{payout}"));
                paid(
                    &format!("PAY-{i}"),
                    &format!("{d:02}/10/2024"),
                    "Durand Zoé",
                    *cents,
                    cents * fee_pct / 1000,
                    payout.as_deref(),
                )
            })
            .collect();
        let cut = split.min(rows.len());
        if cut > 0 {
            import(&mut book, rows[..cut].to_vec());
        }
        for (k, yes) in received.iter().enumerate().skip(1) {
            let reference = format!("PO-{k}");
            let net: i64 = rows
                .iter()
                .filter(|r| r.payout.as_deref() == Some(reference.as_str()))
                .map(|r| (r.amount - r.fee).cents())
                .sum();
            if *yes && net > 0 {
                pro_line(&book, "30/10/2024", net, &format!("VIR {reference}"));
            }
        }
        import(&mut book, rows.clone());
        let mut gross = Money::from_cents(0);
        let mut fees = Money::from_cents(0);
        let mut nets = Money::from_cents(0);
        let mut pending = Money::from_cents(0);
        for p in book.payouts().unwrap() {
            prop_assert_eq!(p.gross - p.fees, p.net);
            gross += p.gross;
            fees += p.fees;
            nets += p.net;
            if p.state == PayoutState::Announced {
                pending += p.net;
            }
        }
        prop_assert_eq!(gross - fees, nets);
        let not_paid_out: Money = rows
            .iter()
            .filter(|r| r.payout.is_none())
            .map(|r| r.amount - r.fee)
            .sum();
        prop_assert_eq!(online_balance(&book), (pending + not_paid_out).std());
        let on_627: Money = book.entries(EX).unwrap().iter().map(|e| e.amount_on("627")).sum();
        prop_assert_eq!(on_627, rows.iter().map(|r| r.fee).sum::<Money>());
    }
}
