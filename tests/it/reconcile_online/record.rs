//! New payments: recorded with their pupil, linked to the contribution
//! recorded by hand, or left à attribuer and assigned; campaigns found or
//! created from the form.

use super::*;
use coopcompta::domain::participation::Channel;
use coopcompta::domain::{EntryKind, Money, PaymentMode};

#[test]
fn a_new_payment_is_a_recette_on_collectes_en_ligne_with_its_pupil() {
    let mut book = book();
    let summary = import(
        &mut book,
        vec![paid(
            "PAY-001",
            "03/10/2024",
            "Lefèvre Sophie",
            1_200,
            47,
            Some("PO-1"),
        )],
    );
    assert_eq!(
        (
            summary.payments,
            summary.recorded,
            summary.linked,
            summary.to_assign,
            summary.payouts
        ),
        (1, 1, 0, 0, 1)
    );
    assert_eq!(summary.fees, Money::from_cents(47));
    let payment = &book.payments().unwrap()[0];
    assert_eq!(payment.piece.as_deref(), Some("R001"));
    assert_eq!(payment.pupil.as_deref(), Some("LEFÈVRE Théo (CE1-B)"));
    assert!(!payment.to_assign && !payment.linked);
    let recette = entry_by_piece(&book, "R001");
    // The payer's name is not written in the accounts.
    assert_eq!(
        recette.label,
        "Paiement en ligne AssoConnect PAY-001 – Sortie zoo"
    );
    assert_eq!(recette.mode, Some(PaymentMode::Carte));
    assert_eq!(
        lines_of(&recette),
        pairs(&[("5110", "12.00"), ("7062", "-12.00")])
    );
    let fees = entry_by_piece(&book, "D001");
    assert_eq!(fees.kind, EntryKind::Depense);
    assert_eq!(fees.label, "Frais AssoConnect PO-1 (1 paiement)");
    // The platform withholds its fees, as the fees recorded by hand say.
    assert_eq!(fees.mode, Some(PaymentMode::Prelevement));
    assert_eq!(
        lines_of(&fees),
        pairs(&[("627", "0.47"), ("5110", "-0.47")])
    );
    assert_eq!(count(&book, "contribution"), 1);
    assert_eq!(online_balance(&book), "11.53");
    assert_eq!(count(&book, "import_batch"), 1);
}

#[test]
fn a_contribution_recorded_by_hand_is_linked_never_recorded_twice() {
    let mut book = book();
    let anais = pupil(&book, "LE GOFF Anaïs");
    book.record_contribution(
        campaign_id(&book),
        anais.id,
        line(&book, "LE GOFF Anaïs", "12", Channel::EnLigne),
        "10/10/2024",
    )
    .unwrap();
    let entries = count(&book, "entry");
    let summary = import(
        &mut book,
        vec![paid(
            "PAY-002",
            "14/10/2024",
            "LE GOFF Marc",
            1_200,
            47,
            None,
        )],
    );
    assert_eq!((summary.recorded, summary.linked), (0, 1));
    assert_eq!(count(&book, "contribution"), 1, "never doubled");
    assert_eq!(count(&book, "entry"), entries + 1, "only the fee entry");
    let payment = &book.payments().unwrap()[0];
    assert!(payment.linked);
    assert_eq!(payment.piece.as_deref(), Some("R001"));
    assert_eq!(payment.pupil.as_deref(), Some("LE GOFF Anaïs (CE1-B)"));
    assert_eq!(online_balance(&book), "11.53");
    // A second payment of the same amount is not linked to the same one.
    let summary = import(
        &mut book,
        vec![paid(
            "PAY-003",
            "15/10/2024",
            "Le Goff Marc",
            1_200,
            47,
            None,
        )],
    );
    assert_eq!((summary.recorded, summary.linked), (1, 0));
}

#[test]
fn a_payment_far_from_the_hand_recorded_one_is_not_linked() {
    let mut book = book();
    let anais = pupil(&book, "LE GOFF Anaïs");
    book.record_contribution(
        campaign_id(&book),
        anais.id,
        line(&book, "LE GOFF Anaïs", "12", Channel::EnLigne),
        "01/10/2024",
    )
    .unwrap();
    let summary = import(
        &mut book,
        vec![paid(
            "PAY-002",
            "09/10/2024",
            "Le Goff Marc",
            1_200,
            0,
            None,
        )],
    );
    assert_eq!((summary.recorded, summary.linked), (1, 0));
}

#[test]
fn a_family_of_two_pupils_or_an_unknown_payer_is_to_assign_then_assigned() {
    let mut book = book();
    let summary = import(
        &mut book,
        vec![
            paid("PAY-010", "03/10/2024", "Martin Paul", 1_200, 47, None),
            paid("PAY-011", "04/10/2024", "Durand Zoé", 1_000, 43, None),
        ],
    );
    assert_eq!((summary.recorded, summary.to_assign), (2, 2));
    assert_eq!(count(&book, "contribution"), 0);
    let payments = book.payments().unwrap();
    assert!(payments.iter().all(|p| p.to_assign && p.pupil.is_none()));
    let jade = pupil(&book, "MARTIN Jade");
    book.assign_payment(payments[0].id, Some(jade.id)).unwrap();
    book.assign_payment(payments[1].id, None).unwrap();
    let payments = book.payments().unwrap();
    assert_eq!(payments[0].pupil.as_deref(), Some("MARTIN Jade (CP-A)"));
    assert!(!payments[0].to_assign && !payments[1].to_assign);
    assert_eq!(payments[1].pupil, None);
    assert_eq!(count(&book, "contribution"), 1);
    let before = state(&book);
    assert_eq!(
        refusal(book.assign_payment(payments[0].id, Some(jade.id))),
        "Paiement : PAY-010 est déjà attribué"
    );
    assert_eq!(
        refusal(book.assign_payment(payments[1].id, Some(jade.id))),
        "Paiement : PAY-011 est déjà attribué"
    );
    assert_eq!(
        refusal(book.assign_payment(999, None)),
        "Paiement : n° 999 inconnu"
    );
    assert_eq!(state(&book), before, "a refusal writes nothing");
}

#[test]
fn a_linked_or_refunded_payment_is_not_assigned() {
    let mut book = book();
    let anais = pupil(&book, "LE GOFF Anaïs");
    book.record_contribution(
        campaign_id(&book),
        anais.id,
        line(&book, "LE GOFF Anaïs", "12", Channel::EnLigne),
        "10/10/2024",
    )
    .unwrap();
    import(
        &mut book,
        vec![
            paid("PAY-002", "10/10/2024", "Le Goff Marc", 1_200, 0, None),
            refunded(paid("PAY-003", "11/10/2024", "Durand Zoé", 900, 0, None)),
        ],
    );
    let payments = book.payments().unwrap();
    assert_eq!(
        refusal(book.assign_payment(payments[0].id, Some(anais.id))),
        "Paiement : PAY-002 est lié à une participation saisie à la main"
    );
    assert_eq!(
        refusal(book.assign_payment(payments[1].id, None)),
        "Paiement : PAY-003 a été remboursé : il n'est attribué à personne"
    );
}

#[test]
fn a_form_with_no_campaign_creates_it_on_the_default_category() {
    let mut book = book();
    let mut row = paid("PAY-020", "05/10/2024", "Lefèvre Sophie", 2_500, 70, None);
    row.form = "Participation 2024-2025".into();
    let summary = import(&mut book, vec![row]);
    assert_eq!(summary.campaigns_created, 1);
    let campaign = book.find_campaign("participation 2024-2025").unwrap();
    assert_eq!(campaign.category_code, "75620008");
    assert_eq!(
        lines_of(&entry_by_piece(&book, "R001")),
        pairs(&[("5110", "25.00"), ("75620008", "-25.00")])
    );
    // Every class is concerned: the pupil is found.
    assert_eq!(count(&book, "contribution"), 1);
}
