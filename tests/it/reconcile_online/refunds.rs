//! Refunds before and after recording, fees booked once, bad rows.

use super::*;
use coopcompta::domain::Money;
use coopcompta::domain::online::{PaymentRow, PaymentStatus};

#[test]
fn a_refund_before_recording_is_not_counted() {
    let mut book = book();
    let summary = import(
        &mut book,
        vec![refunded(paid(
            "PAY-030",
            "05/10/2024",
            "Lefèvre Sophie",
            1_200,
            47,
            None,
        ))],
    );
    assert_eq!(
        (summary.payments, summary.refunded, summary.recorded),
        (1, 1, 0)
    );
    assert_eq!(summary.fees, Money::from_cents(0));
    assert_eq!(count(&book, "entry"), 1, "the opening only");
    assert_eq!(online_balance(&book), "0.00");
    assert_eq!(
        book.payments().unwrap()[0].path(),
        "payé en ligne le 05/10 → remboursé"
    );
}

#[test]
fn a_refund_after_recording_reverses_the_recette_and_its_contribution() {
    let mut book = book();
    let row = paid("PAY-031", "05/10/2024", "Lefèvre Sophie", 1_200, 47, None);
    import(&mut book, vec![row.clone()]);
    assert_eq!(online_balance(&book), "11.53");
    let summary = import(&mut book, vec![refunded(row)]);
    assert_eq!(
        (summary.payments, summary.refunded, summary.duplicates),
        (1, 1, 0)
    );
    let recette = entry_by_piece(&book, "R001");
    assert!(recette.is_cancelled(), "cancelled by reversal");
    let reversal = book.entry(recette.reversed_by.unwrap()).unwrap().unwrap();
    assert_eq!(
        lines_of(&reversal),
        pairs(&[("5110", "-12.00"), ("7062", "12.00")])
    );
    let contributions = book.contributions(campaign_id(&book)).unwrap();
    assert!(contributions[0].cancelled);
    assert_eq!(online_balance(&book), "0.00", "not counted, nor its fee");
    assert_eq!(book.payments().unwrap()[0].status, PaymentStatus::Refunded);
    // The same file again brings nothing.
    let audits = count(&book, "audit");
    let again = import(
        &mut book,
        vec![refunded(paid(
            "PAY-031",
            "05/10/2024",
            "Lefèvre Sophie",
            1_200,
            47,
            None,
        ))],
    );
    assert_eq!((again.batch, again.duplicates), (None, 1));
    assert_eq!(count(&book, "audit"), audits);
    clean(&book);
}

#[test]
fn fees_are_booked_once_whatever_the_overlapping_imports() {
    let mut book = book();
    let a = paid(
        "PAY-040",
        "01/10/2024",
        "Durand Zoé",
        1_000,
        43,
        Some("PO-1"),
    );
    let b = paid("PAY-041", "02/10/2024", "Lefèvre Sophie", 1_200, 47, None);
    let c = paid("PAY-042", "03/10/2024", "Dupond Marie", 2_500, 70, None);
    let first = import(&mut book, vec![a.clone(), b.clone()]);
    assert_eq!(first.fees, Money::from_cents(90));
    // b has since been paid out in PO-2, c is new.
    let b_out = PaymentRow {
        payout: Some("PO-2".into()),
        ..b.clone()
    };
    let second = import(&mut book, vec![a.clone(), b_out.clone(), c.clone()]);
    assert_eq!((second.payments, second.duplicates), (2, 1));
    assert_eq!(second.fees, Money::from_cents(70));
    let before = state(&book);
    let third = import(&mut book, vec![a, b_out, c]);
    assert_eq!(
        (third.batch, third.duplicates, third.fees),
        (None, 3, Money::from_cents(0))
    );
    assert_eq!(state(&book), before, "nothing new writes nothing");
    let on_627: Money = book
        .entries(EX)
        .unwrap()
        .iter()
        .map(|e| e.amount_on("627"))
        .sum();
    assert_eq!(on_627, Money::from_cents(43 + 47 + 70));
    assert_eq!(online_balance(&book), "45.40");
    let payouts = book.payouts().unwrap();
    let po2 = payouts.iter().find(|p| p.reference == "PO-2").unwrap();
    assert_eq!(
        (po2.payments, po2.gross.std(), po2.fees.std(), po2.net.std()),
        (1, "12.00".into(), "0.47".into(), "11.53".into())
    );
}

#[test]
fn a_payment_outside_the_exercice_is_refused_and_nothing_is_written() {
    let mut book = book();
    let before = state(&book);
    let rows = file(vec![
        paid("PAY-080", "01/10/2024", "Durand Zoé", 1_000, 43, None),
        paid("PAY-081", "01/10/2025", "Durand Zoé", 1_000, 43, None),
    ]);
    assert_eq!(
        refusal(book.import_payments("p.csv", b"x", &rows)),
        "ligne 3 : paiement PAY-081 du 01/10/2025 hors de l'exercice 2024-2025 : importez-le dans son exercice"
    );
    assert_eq!(state(&book), before);
    assert_eq!(count(&book, "import_batch"), 0);
    assert_eq!(count(&book, "online_payment"), 0);
}

#[test]
fn fees_need_the_bank_services_category_and_a_refusal_writes_nothing() {
    let chart: Vec<_> = coopcompta::io::import::chart::default_chart()
        .into_iter()
        .filter(|row| row.code != "627")
        .collect();
    let mut book = coopcompta::book::create_book(
        coopcompta::store::open_in_memory().unwrap(),
        &coopcompta::book::SetupRequest {
            coop_name: "Coopérative scolaire".into(),
            exercice: EX,
            openings: Vec::new(),
        },
        &chart,
        clock(),
    )
    .unwrap();
    let before = state(&book);
    let rows = file(vec![paid(
        "PAY-085",
        "01/10/2024",
        "Durand Zoé",
        1_000,
        43,
        None,
    )]);
    assert_eq!(
        refusal(book.import_payments("p.csv", b"x", &rows)),
        "la catégorie 627 « Services bancaires » est absente du plan comptable : ajoutez-la (charge) pour que les frais AssoConnect soient comptabilisés"
    );
    assert_eq!(state(&book), before);
    assert_eq!(count(&book, "import_batch"), 0);
    // Without fees, nothing needs it.
    let rows = file(vec![paid(
        "PAY-086",
        "01/10/2024",
        "Durand Zoé",
        1_000,
        0,
        None,
    )]);
    assert_eq!(
        book.import_payments("p.csv", b"y", &rows).unwrap().recorded,
        1
    );
}

#[test]
fn a_form_whose_campaign_cannot_be_created_is_refused_naming_the_line() {
    let mut book = book();
    let before = state(&book);
    let mut row = paid("PAY-087", "01/10/2024", "Durand Zoé", 1_000, 43, None);
    row.form = "x".repeat(81);
    let shown = format!("{}…", "x".repeat(40));
    assert_eq!(
        refusal(book.import_payments("p.csv", b"x", &file(vec![row]))),
        format!(
            "ligne 2 : aucune campagne pour le formulaire « {shown} », et elle ne peut pas être créée : Nom de la campagne : trop long : 80 caractères au plus, 81 reçus (« {shown} »)"
        )
    );
    assert_eq!(state(&book), before);
}
