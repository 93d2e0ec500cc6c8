//! Matching one-to-one, entries created from bank lines, the statement
//! check.

use super::*;

#[test]
fn matching_rules_and_their_refusals() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let b = depense(&mut book, "04/10/2024", "7,50", "Colle");
    let cash = entry(
        &mut book,
        "04/10/2024",
        EntryKind::Depense,
        MoneyKey::Caisse,
        "3",
        "606",
        "Timbres",
    );
    let cancelled = depense(&mut book, "05/10/2024", "1,00", "Erreur");
    book.cancel_entry(cancelled).unwrap();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-06", "-20.00", "CARTE LIBRAIRIE"),
            row("2024-10-06", "-9.99", "AUTRE"),
        ]),
    );
    let lines = line_ids(&book, MoneyKey::Pro);
    let (pa, pb, pc, px) = (
        piece(&book, a),
        piece(&book, b),
        piece(&book, cash),
        piece(&book, cancelled),
    );
    let before = dump(&book);
    let cases: Vec<(i64, Vec<i64>, String)> = vec![
        (
            lines[0],
            vec![a],
            format!(
                "les écritures choisies ({pa}) font -12,50 €, la ligne de relevé n° {} fait -20,00 € : écart de -7,50 €",
                lines[0]
            ),
        ),
        (
            lines[0],
            vec![],
            "choisissez au moins une écriture à rapprocher de la ligne".into(),
        ),
        (
            lines[0],
            vec![cash],
            format!("l'écriture {pc} ne passe pas par 512 Compte Pro (Swan)"),
        ),
        (
            lines[0],
            vec![cancelled],
            format!("l'écriture {px} est annulée : elle ne se rapproche pas d'un relevé"),
        ),
        (
            lines[0],
            vec![a, a],
            format!("l'écriture {pa} est choisie deux fois"),
        ),
        (lines[0], vec![999], "l'écriture n° 999 n'existe pas".into()),
        (
            77,
            vec![a],
            "la ligne de relevé n° 77 n'existe pas (voir « coopcompta bank lines »)".into(),
        ),
    ];
    for (line, entries, message) in cases {
        assert_eq!(refusal(book.match_line(line, &entries)), message);
        assert_eq!(dump(&book), before, "nothing written: {message}");
    }
    // Two entries pay one line exactly.
    book.match_line(lines[0], &[a, b]).unwrap();
    assert_eq!(
        book.bank_lines(MoneyKey::Pro).unwrap()[0].state,
        LineState::Matched(vec![pa.clone(), pb.clone()])
    );
    let before = dump(&book);
    assert_eq!(
        refusal(book.match_line(lines[0], &[cash])),
        format!(
            "la ligne de relevé n° {} est déjà rapprochée ({pa} {pb}) : défaites d'abord ce rapprochement",
            lines[0]
        )
    );
    assert_eq!(
        refusal(book.match_line(lines[1], &[a])),
        format!(
            "l'écriture {pa} est déjà rapprochée de la ligne de relevé n° {}",
            lines[0]
        )
    );
    assert_eq!(
        refusal(book.unmatch_line(lines[1])),
        format!("la ligne de relevé n° {} n'est pas rapprochée", lines[1])
    );
    assert_eq!(dump(&book), before);
    book.unmatch_line(lines[0]).unwrap();
    assert!(
        book.bank_lines(MoneyKey::Pro)
            .unwrap()
            .iter()
            .all(|l| !l.is_matched())
    );
    check_is_clean(&book);
}

#[test]
fn the_opening_is_never_matched() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-09-01", "1000.00", "SOLDE")]),
    );
    let opening: i64 = book
        .conn()
        .query_row("SELECT id FROM entry WHERE kind = 'ouverture'", [], |r| {
            r.get(0)
        })
        .unwrap();
    let p = piece(&book, opening);
    assert_eq!(
        refusal(book.match_line(line_ids(&book, MoneyKey::Pro)[0], &[opening])),
        format!(
            "l'écriture {p} est l'ouverture de l'exercice : elle ne se rapproche pas d'un relevé"
        )
    );
    assert!(book.suggestions(MoneyKey::Pro).unwrap().is_empty());
}

#[test]
fn a_matched_line_or_entry_is_never_suggested_again() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let b = depense(&mut book, "05/10/2024", "8,00", "Colle");
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-20", "-12.50", "X"),
            row("2024-10-21", "-8.00", "Y"),
        ]),
    );
    let lines = line_ids(&book, MoneyKey::Pro);
    // Far from their dates: nothing matched on the way; matched by hand.
    book.match_line(lines[0], &[a]).unwrap();
    let suggested = book.suggestions(MoneyKey::Pro).unwrap();
    assert!(
        suggested
            .iter()
            .all(|s| s.line_id != lines[0] && s.entry_id != a),
        "{suggested:?}"
    );
    // A second line of the same amount as a matched entry is not offered it.
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-04", "-12.50", "X BIS")]),
    );
    let suggested = book.suggestions(MoneyKey::Pro).unwrap();
    assert!(suggested.iter().all(|s| s.entry_id != a), "{suggested:?}");
    book.match_line(lines[1], &[b]).unwrap();
    let auto = book.reconcile_auto(MoneyKey::Pro).unwrap();
    assert_eq!(
        (auto.matched, auto.unmatched_lines, auto.unmatched_entries),
        (0, 1, 0)
    );
}

#[test]
fn reconcile_auto_accepts_the_unambiguous_pairs() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-04", "-12.50", "PAPETERIE"),
            row("2024-10-05", "-8.00", "COLLE"),
            row("2024-10-06", "-1.00", "FRAIS"),
        ]),
    );
    depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    depense(&mut book, "05/10/2024", "8,00", "Colle");
    let auto = book.reconcile_auto(MoneyKey::Pro).unwrap();
    assert_eq!(
        (
            auto.matched,
            auto.created,
            auto.unmatched_lines,
            auto.unmatched_entries
        ),
        (2, 0, 1, 0)
    );
    let audits: i64 = book
        .conn()
        .query_row(
            "SELECT count(*) FROM audit WHERE action = 'rapprochement automatique'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audits, 1, "one action, one audit row");
    // Nothing left to accept: nothing written.
    let before = dump(&book);
    assert_eq!(book.reconcile_auto(MoneyKey::Pro).unwrap().matched, 0);
    assert_eq!(dump(&book), before);
}

#[test]
fn a_virement_interne_is_matched_on_each_side() {
    let mut book = book();
    let transfer = book
        .add_transfer(&TransferRequest {
            date: "10/10/2024".into(),
            from: MoneyKey::Lbp,
            to: MoneyKey::Pro,
            amount: "200".into(),
            label: "Solde LBP vers le Compte Pro".into(),
            piece: String::new(),
        })
        .unwrap();
    import(
        &mut book,
        MoneyKey::Lbp,
        &file(vec![row(
            "2024-10-10",
            "-200.00",
            "VIREMENT VERS COMPTE PRO",
        )]),
    );
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![row("2024-10-10", "200.00", "VIREMENT DE LBP")]),
    );
    let p = piece(&book, transfer);
    for key in [MoneyKey::Lbp, MoneyKey::Pro] {
        assert_eq!(
            book.bank_lines(key).unwrap()[0].state,
            LineState::Matched(vec![p.clone()]),
            "{key:?}"
        );
        assert!(
            book.book_lines(key)
                .unwrap()
                .iter()
                .all(|b| b.matched_to.is_some())
        );
    }
}

#[test]
fn an_entry_created_from_a_line_is_numbered_and_matched() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-04", "-3.20", "CB X1234 FRAIS TENUE"),
            row("2024-10-05", "45.00", "VIR MAIRIE SUBVENTION"),
            row("2024-10-06", "-1.00", "PRLV SEPA FRAIS"),
        ]),
    );
    let lines = line_ids(&book, MoneyKey::Pro);
    let fees = book.create_from_line(lines[0], "627", None).unwrap();
    let e = book.entry(fees).unwrap().unwrap();
    assert_eq!(
        (e.piece.as_str(), e.kind, e.label.as_str(), e.mode),
        (
            "D001",
            EntryKind::Depense,
            "CB X1234 FRAIS TENUE",
            Some(PaymentMode::Carte)
        )
    );
    assert_eq!(e.date, day("2024-10-04"));
    assert_eq!(e.amount_on("512").std(), "-3.20");
    let grant = book
        .create_from_line(lines[1], "7443", Some("Subvention de la mairie"))
        .unwrap();
    let e = book.entry(grant).unwrap().unwrap();
    assert_eq!(
        (e.piece.as_str(), e.kind, e.label.as_str(), e.mode),
        (
            "R001",
            EntryKind::Recette,
            "Subvention de la mairie",
            Some(PaymentMode::Virement)
        )
    );
    let debit = book.create_from_line(lines[2], "627", None).unwrap();
    assert_eq!(
        book.entry(debit).unwrap().unwrap().mode,
        Some(PaymentMode::Prelevement)
    );
    assert!(
        book.bank_lines(MoneyKey::Pro)
            .unwrap()
            .iter()
            .all(|l| l.is_matched())
    );
    check_is_clean(&book);
}

#[test]
fn creating_from_a_line_refuses_a_wrong_category_or_a_matched_line() {
    let mut book = book();
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-04", "-3.20", "FRAIS"),
            row("2024-10-05", "45.00", "VIR"),
        ]),
    );
    let lines = line_ids(&book, MoneyKey::Pro);
    let before = dump(&book);
    assert_eq!(
        refusal(book.create_from_line(lines[0], "7062", None)),
        "Catégorie : « 7062 Participation des familles aux sorties et voyages » n'est pas un compte de charges (6…) pour une dépense"
    );
    assert_eq!(
        refusal(book.create_from_line(lines[1], "627", None)),
        "Catégorie : « 627 Services bancaires et frais AssoConnect » n'est pas un compte de produits (7…) pour une recette"
    );
    assert_eq!(
        refusal(book.create_from_line(lines[0], "999", None)),
        "Catégorie : « 999 » n'existe pas dans le plan comptable"
    );
    assert_eq!(
        refusal(book.create_from_line(lines[0], "627", Some("   "))),
        "Libellé : vide : décrivez l'opération (ex. « Sortie cinéma CP »)"
    );
    assert_eq!(dump(&book), before);
    book.create_from_line(lines[0], "627", None).unwrap();
    assert_eq!(
        refusal(book.create_from_line(lines[0], "627", None)),
        format!(
            "la ligne de relevé n° {} est déjà rapprochée (D001) : défaites d'abord ce rapprochement",
            lines[0]
        )
    );
}

#[test]
fn the_statement_check_tells_the_difference_and_what_is_not_on_it() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    depense(&mut book, "28/10/2024", "30,00", "Livres");
    depense(&mut book, "05/11/2024", "5,00", "Après le relevé");
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-04", "-12.50", "PAPETERIE"),
            row("2024-10-30", "-3.20", "FRAIS"),
        ]),
    );
    let check = book
        .check_statement(
            MoneyKey::Pro,
            day("2024-10-31"),
            Money::parse("984.30").unwrap(),
        )
        .unwrap();
    assert_eq!(check.books.std(), "957.50");
    assert_eq!(check.reconciled.std(), "987.50", "opening 1 000 − 12,50");
    assert_eq!(
        check.difference.std(),
        "-3.20",
        "the bank fees not yet entered"
    );
    let missing: Vec<&str> = check
        .not_on_statement
        .iter()
        .map(|b| b.label.as_str())
        .collect();
    assert_eq!(missing, ["Livres"]);
    assert_eq!(
        book.last_statement(MoneyKey::Pro).unwrap(),
        Some((day("2024-10-31"), Money::parse("984.30").unwrap()))
    );
    // The fees entered from their line: the difference reaches zero.
    let fees = line_ids(&book, MoneyKey::Pro)[1];
    book.create_from_line(fees, "627", None).unwrap();
    let check = book
        .check_statement(
            MoneyKey::Pro,
            day("2024-10-31"),
            Money::parse("984.30").unwrap(),
        )
        .unwrap();
    assert_eq!(check.difference.std(), "0.00");
    let _ = a;
    let before = dump(&book);
    assert_eq!(
        refusal(book.check_statement(MoneyKey::Pro, day("2025-09-01"), Money::parse("1").unwrap())),
        "Date : le 01/09/2025 est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)"
    );
    assert_eq!(
        refusal(book.check_statement(
            MoneyKey::Caisse,
            day("2024-10-31"),
            Money::parse("1").unwrap()
        )),
        "Caisse n'a pas de relevé bancaire : un relevé s'importe sur le Compte Pro ou sur La Banque Postale"
    );
    assert_eq!(dump(&book), before);
}

#[test]
fn a_cancelled_or_changed_entry_lets_its_bank_line_go() {
    let mut book = book();
    let a = depense(&mut book, "04/10/2024", "12,50", "Papeterie");
    let b = depense(&mut book, "06/10/2024", "8,00", "Colle");
    import(
        &mut book,
        MoneyKey::Pro,
        &file(vec![
            row("2024-10-04", "-12.50", "PAPETERIE"),
            row("2024-10-06", "-8.00", "COLLE"),
        ]),
    );
    assert!(
        book.bank_lines(MoneyKey::Pro)
            .unwrap()
            .iter()
            .all(|l| l.is_matched())
    );
    book.cancel_entry(a).unwrap();
    let lines = book.bank_lines(MoneyKey::Pro).unwrap();
    assert_eq!(
        lines[0].state,
        LineState::ToMatch,
        "a cancelled entry is on no statement"
    );
    check_is_clean(&book);
    // A new label keeps the match; a new amount lets the line go.
    let request = |amount: &str, label: &str| EntryRequest {
        date: "06/10/2024".into(),
        kind: EntryKind::Depense,
        account: MoneyKey::Pro,
        amount: amount.into(),
        label: label.into(),
        mode: Some(PaymentMode::Carte),
        splits: vec![SplitInput {
            code: "606".into(),
            amount: String::new(),
        }],
        piece: "D002".into(),
        cheque_no: String::new(),
    };
    book.edit_entry(b, &request("8,00", "Colle et ciseaux"))
        .unwrap();
    assert!(book.bank_lines(MoneyKey::Pro).unwrap()[1].is_matched());
    book.edit_entry(b, &request("9,00", "Colle et ciseaux"))
        .unwrap();
    assert_eq!(
        book.bank_lines(MoneyKey::Pro).unwrap()[1].state,
        LineState::ToMatch
    );
    check_is_clean(&book);
}
