//! Payouts: announced, then received when their Compte Pro line arrives
//! (the transfer matched or recorded); a credit with no reference proposed.

use super::*;
use coopcompta::domain::entry_request::TransferRequest;
use coopcompta::domain::online::PayoutState;
use coopcompta::domain::{EntryKind, MoneyKey};

#[test]
fn a_payout_is_announced_then_received_when_its_line_arrives() {
    let mut book = book();
    import(
        &mut book,
        vec![
            paid(
                "PAY-050",
                "01/10/2024",
                "Durand Zoé",
                1_000,
                43,
                Some("PO-2024-10-07"),
            ),
            paid(
                "PAY-051",
                "03/10/2024",
                "Lefèvre Sophie",
                1_200,
                47,
                Some("PO-2024-10-07"),
            ),
            paid("PAY-052", "06/10/2024", "Dupond Marie", 2_500, 70, None),
        ],
    );
    let payouts = book.payouts().unwrap();
    assert_eq!(payouts.len(), 1);
    let po = &payouts[0];
    assert_eq!(
        (po.gross.std(), po.fees.std(), po.net.std()),
        ("22.00".into(), "0.90".into(), "21.10".into())
    );
    assert_eq!(po.gross - po.fees, po.net);
    assert_eq!(
        po.date, None,
        "the export gives no payout date: none is made up"
    );
    assert_eq!(po.state, PayoutState::Announced);
    assert_eq!(
        book.payments().unwrap()[0].path(),
        "payé en ligne le 01/10 → versement PO-2024-10-07 → annoncé, pas encore reçu"
    );
    assert_eq!(
        book.payments().unwrap()[2].path(),
        "payé en ligne le 06/10 → pas encore versé"
    );
    assert_eq!(online_balance(&book), "45.40");
    // The Compte Pro line arrives; the next import settles the payout.
    let line = pro_line(&book, "08/10/2024", 2_110, "VIR ASSOCONNECT PO 2024 10 07");
    import(
        &mut book,
        vec![paid("PAY-053", "09/10/2024", "Durand Zoé", 500, 0, None)],
    );
    let po = &book.payouts().unwrap()[0];
    let transfer = entry_by_piece(&book, "V001");
    assert_eq!(
        po.state,
        PayoutState::Received {
            on: day("08/10/2024"),
            piece: "V001".into()
        }
    );
    assert_eq!(transfer.label, "Versement AssoConnect PO-2024-10-07");
    assert_eq!(transfer.date, day("08/10/2024"));
    assert_eq!(
        lines_of(&transfer),
        pairs(&[("5110", "-21.10"), ("512", "21.10")])
    );
    let matched: i64 = book
        .conn()
        .query_row(
            "SELECT count(*) FROM bank_match WHERE bank_line_id = ?1 AND entry_id = ?2",
            [line, transfer.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(matched, 1);
    assert_eq!(
        book.payments().unwrap()[0].path(),
        "payé en ligne le 01/10 → versement PO-2024-10-07 → reçu sur le Compte Pro le 08/10"
    );
    // Only what AssoConnect still holds: PAY-052 and PAY-053.
    assert_eq!(online_balance(&book), "29.30");
    assert_eq!(balances(&book)[1], "1021.10");
    clean(&book);
}

#[test]
fn a_payout_whose_line_is_already_there_matches_the_transfer_recorded_by_hand() {
    let mut book = book();
    book.add_transfer(&TransferRequest {
        date: "09/10/2024".into(),
        from: MoneyKey::EnLigne,
        to: MoneyKey::Pro,
        amount: "11,53".into(),
        label: "Versement AssoConnect".into(),
        piece: "V001".into(),
    })
    .unwrap();
    let hand = book
        .entries(EX)
        .unwrap()
        .into_iter()
        .find(|e| e.kind == EntryKind::Virement)
        .unwrap();
    let line = pro_line(&book, "08/10/2024", 1_153, "AssoConnect");
    book.conn()
        .execute(
            "UPDATE bank_line SET reference = 'po-9' WHERE id = ?1",
            [line],
        )
        .unwrap();
    import(
        &mut book,
        vec![paid(
            "PAY-060",
            "01/10/2024",
            "Lefèvre Sophie",
            1_200,
            47,
            Some("PO-9"),
        )],
    );
    let po = &book.payouts().unwrap()[0];
    let PayoutState::Received { on, piece } = &po.state else {
        panic!("not received: {po:?}");
    };
    assert_eq!(*on, day("08/10/2024"));
    // The transfer recorded by hand is matched, none recorded.
    assert_eq!(piece, &hand.piece);
    assert_eq!(
        book.entries(EX)
            .unwrap()
            .iter()
            .filter(|e| e.kind == EntryKind::Virement)
            .count(),
        1
    );
    assert_eq!(online_balance(&book), "0.00");
}

#[test]
fn a_credit_without_payout_reference_gets_a_proposal_then_is_accepted() {
    let mut book = book();
    import(
        &mut book,
        vec![
            paid("PAY-070", "01/10/2024", "Durand Zoé", 1_000, 43, None),
            paid("PAY-071", "02/10/2024", "Lefèvre Sophie", 1_200, 47, None),
            paid("PAY-072", "20/10/2024", "Dupond Marie", 2_500, 70, None),
        ],
    );
    let line = pro_line(&book, "10/10/2024", 2_110, "VIR ASSOCONNECT");
    let ids: Vec<i64> = book.payments().unwrap().iter().map(|p| p.id).collect();
    let proposal = book.payout_proposal(line).unwrap().unwrap();
    assert_eq!(proposal, ids[..2].to_vec());
    let before = state(&book);
    assert_eq!(
        refusal(book.accept_payout(line, &ids[..1])),
        "les paiements choisis font 9,57 € net de frais, la ligne 21,10 € : écart de 11,53 €"
    );
    assert_eq!(state(&book), before);
    book.accept_payout(line, &proposal).unwrap();
    let po = &book.payouts().unwrap()[0];
    assert_eq!(po.reference, "VERS-2024-10-10");
    assert!(matches!(po.state, PayoutState::Received { .. }));
    assert_eq!(online_balance(&book), "24.30");
    assert_eq!(
        book.payout_proposal(line).unwrap(),
        None,
        "the line is matched"
    );
}
