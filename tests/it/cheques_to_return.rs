//! The parents' cheques still to give back: one read of the store behind
//! the participations' list, the CRF's annex and the closing's point.

use crate::support::participations::{EX, book as coop_with_pupils, campaign_id, class_id, line};
use coopcompta::domain::Exercice;
use coopcompta::domain::participation::{Channel, EnvelopeRequest};
use coopcompta::store;
use coopcompta::store::participations::contributions::{HeldCheques, cheques_still_out};

/// One read of the parents' cheques still to give back feeds the
/// participations' list, the CRF's annex and the closing's point: the same
/// rows, oldest first, a cheque given back left out of all three.
#[test]
fn the_cheques_to_give_back_are_one_read_for_participations_crf_and_closing() {
    let mut book = coop_with_pupils();
    for (date, who, payer, amount) in [
        ("14/10/2024", "DUPOND Léa", "M. et Mme Dupond", "12"),
        ("02/10/2024", "MARTIN Hugo", "Mme Martin", "8"),
        ("14/10/2024", "LE GOFF Anaïs", "", "12"),
    ] {
        let mut cheque = line(&book, who, amount, Channel::Cheque);
        cheque.payer = payer.into();
        book.record_envelope(&EnvelopeRequest {
            campaign_id: campaign_id(&book),
            class_id: class_id(&book, "CE1-B"),
            date: date.into(),
            lines: vec![cheque],
        })
        .unwrap();
    }
    let dupond = book.pending_cheques().unwrap()[1].id;
    book.return_cheque(dupond, "20/10/2024").unwrap();

    let out = cheques_still_out(book.conn(), HeldCheques::still_from(EX)).unwrap();
    let seen: Vec<(String, String, String, String)> = out
        .iter()
        .map(|c| {
            (
                c.contribution.date.to_string(),
                c.prenom.clone(),
                c.nom.clone(),
                c.contribution.payer.clone(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("2024-10-02", "Hugo", "Martin", "Mme Martin"),
            ("2024-10-14", "Anaïs", "Le Goff", "LE GOFF"),
        ]
        .map(|(d, p, n, w)| (d.into(), p.into(), n.into(), w.into()))
    );
    assert_eq!(
        cheques_still_out(book.conn(), HeldCheques::TODAY).unwrap(),
        out
    );
    assert!(
        cheques_still_out(book.conn(), HeldCheques::still_from(Exercice::new(2023)))
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        book.pending_cheques().unwrap(),
        out.iter()
            .map(|c| c.contribution.clone())
            .collect::<Vec<_>>()
    );
    let crf = book.crf(EX).unwrap();
    let annex: Vec<(String, String, String)> = crf
        .cheques_out
        .iter()
        .map(|c| (c.pupil.clone(), c.payer.clone(), c.amount.fr()))
        .collect();
    assert_eq!(
        annex,
        [
            ("Hugo Martin", "Mme Martin", "8,00 €"),
            ("Anaïs Le Goff", "LE GOFF", "12,00 €"),
        ]
        .map(|(p, w, a)| (p.into(), w.into(), a.into()))
    );
    let pending = store::closing::pending_cheques(book.conn(), EX).unwrap();
    assert_eq!(
        pending.iter().map(|c| c.pupil.as_str()).collect::<Vec<_>>(),
        ["Martin Hugo", "Le Goff Anaïs"]
    );
}

/// A cheque received in October and given back on 5 September: the CRF of
/// the year lists it (the coop still held it on 31 August), the closing's
/// point does not (it is given back), nor today's list.
#[test]
fn the_crf_lists_the_cheques_held_on_31_august_even_when_given_back_since() {
    use coopcompta::store::participations::contributions::HeldCheques;
    let mut book = coop_with_pupils();
    let cheque = line(&book, "DUPOND Léa", "12", Channel::Cheque);
    book.record_envelope(&EnvelopeRequest {
        campaign_id: campaign_id(&book),
        class_id: class_id(&book, "CE1-B"),
        date: "14/10/2024".into(),
        lines: vec![cheque],
    })
    .unwrap();
    let dupond = book.pending_cheques().unwrap()[0].id;
    book.return_cheque(dupond, "05/09/2025").unwrap();
    let crf = book.crf(EX).unwrap();
    let annex: Vec<&str> = crf.cheques_out.iter().map(|c| c.pupil.as_str()).collect();
    assert_eq!(annex, ["Léa Dupond"]);
    assert!(
        store::closing::pending_cheques(book.conn(), EX)
            .unwrap()
            .is_empty()
    );
    assert!(
        cheques_still_out(book.conn(), HeldCheques::TODAY)
            .unwrap()
            .is_empty()
    );
    // Before 31 August it was never held.
    assert!(
        cheques_still_out(book.conn(), HeldCheques::at_end_of(Exercice::new(2023)))
            .unwrap()
            .is_empty()
    );
}
