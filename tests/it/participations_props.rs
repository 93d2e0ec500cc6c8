//! Properties of envelopes, whatever the amounts and channels typed: the
//! caisse recette equals the sum of its cash contributions, every entry
//! balances, cheques never move a balance, and the campaign view's total is
//! what the accounts received.

use crate::support::participations::*;
use coopcompta::domain::Money;
use coopcompta::domain::participation::{Channel, ContributionLine, EnvelopeRequest};
use proptest::prelude::*;

fn channel() -> impl Strategy<Value = Channel> {
    prop_oneof![
        3 => Just(Channel::Especes),
        1 => Just(Channel::EnLigne),
        1 => Just(Channel::Virement),
        1 => Just(Channel::Cheque),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn envelopes_balance_and_cheques_move_nothing(
        lines in proptest::collection::vec((1i64..50_000, channel()), 1..=4)
    ) {
        let mut book = book();
        let pupils = book.pupils_of_class(class_id(&book, "CE1-B")).unwrap();
        let before: Vec<Money> = book.balances(EX, None).unwrap().into_iter().map(|(_, m)| m).collect();
        let request = EnvelopeRequest {
            campaign_id: campaign_id(&book),
            class_id: class_id(&book, "CE1-B"),
            date: "02/12/2024".into(),
            lines: lines
                .iter()
                .zip(&pupils)
                .map(|((cents, channel), p)| ContributionLine {
                    pupil_id: p.id,
                    amount: Money::from_cents(*cents).fr_plain(),
                    channel: *channel,
                    payer: String::new(),
                })
                .collect(),
        };
        let receipt = book.record_envelope(&request).unwrap();
        let sum = |wanted: Channel| -> Money {
            lines.iter().filter(|(_, c)| *c == wanted).map(|(cents, _)| Money::from_cents(*cents)).sum()
        };
        let after: Vec<Money> = book.balances(EX, None).unwrap().into_iter().map(|(_, m)| m).collect();
        let moved: Vec<Money> = after.iter().zip(&before).map(|(a, b)| *a - *b).collect();
        prop_assert_eq!(moved, vec![sum(Channel::Especes), sum(Channel::Virement), sum(Channel::EnLigne), Money::ZERO]);
        if let Some(cash) = receipt.cash_entry {
            let entry = book.entry(cash).unwrap().unwrap();
            let detail: Money = book.entry_contributions(cash).unwrap().iter().map(|(c, _)| c.amount).sum();
            prop_assert_eq!(entry.amount_on("530"), detail);
            prop_assert_eq!(detail, sum(Channel::Especes));
        } else {
            prop_assert!(lines.iter().all(|(_, c)| *c != Channel::Especes));
        }
        for entry in book.entries(EX).unwrap() {
            prop_assert!(entry.lines.iter().map(|l| l.amount).sum::<Money>().is_zero());
        }
        let cheques = lines.iter().filter(|(_, c)| *c == Channel::Cheque).count();
        prop_assert_eq!(book.cheques_to_return().unwrap(), cheques);
        let view = book.campaign_view(campaign_id(&book)).unwrap();
        let collected = sum(Channel::Especes) + sum(Channel::EnLigne) + sum(Channel::Virement);
        prop_assert_eq!(view.totals.collected(), collected);
        prop_assert_eq!(receipt.collected, collected);
    }
}
