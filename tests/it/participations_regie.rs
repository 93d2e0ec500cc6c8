//! Régies d'avance of class coops, and the year-end anonymisation of pupils.

use crate::support::book::{lines, pairs};
use crate::support::participations::*;
use coopcompta::domain::participation::{Channel, RegieKind, RegieRequest};
use coopcompta::domain::{EntryKind, Money, MoneyKey, PaymentMode};
use coopcompta::io::export::{CsvFormat, write_ledger};

fn regie(book: &coopcompta::book::Book, kind: RegieKind, amount: &str) -> RegieRequest {
    RegieRequest {
        class_id: class_id(book, "CE1-B"),
        kind,
        date: "20/11/2024".into(),
        amount: amount.into(),
        receipt_no: "12".into(),
        label: "Peinture et pinceaux".into(),
        category: "6068".into(),
        piece: String::new(),
    }
}

#[test]
fn regie_balance_is_given_minus_spent_minus_returned() {
    let mut book = book();
    let advance = book
        .record_regie(&regie(&book, RegieKind::Avance, "40"))
        .unwrap();
    let entry = book.entry(advance).unwrap().unwrap();
    assert_eq!(
        (entry.piece.as_str(), entry.kind, entry.mode),
        ("D001", EntryKind::Depense, Some(PaymentMode::Especes))
    );
    assert_eq!(entry.label, "Régie d'avance CE1-B – reçu n° 12");
    assert_eq!(
        lines(&book, advance),
        pairs(&[("530", "-40.00"), ("467", "40.00")])
    );
    let spent = book
        .record_regie(&regie(&book, RegieKind::Depense, "25,30"))
        .unwrap();
    assert_eq!(
        lines(&book, spent),
        pairs(&[("6068", "25.30"), ("467", "-25.30")])
    );
    assert_eq!(book.entry(spent).unwrap().unwrap().mode, None);
    assert_eq!(
        balances(&book),
        ["10.00", "1000.00", "0.00", "0.00"],
        "an expense from the régie leaves the Caisse alone"
    );
    let r = &book.regies().unwrap()[0];
    assert_eq!(
        (
            r.given.std(),
            r.spent.std(),
            r.returned.std(),
            r.balance().std()
        ),
        (
            "40.00".into(),
            "25.30".into(),
            "0.00".into(),
            "14.70".into()
        )
    );
    assert_eq!(
        book.unsettled_regies().unwrap().len(),
        1,
        "not settled: flagged at year end"
    );
    let back = book
        .record_regie(&regie(&book, RegieKind::Retour, "14,70"))
        .unwrap();
    assert_eq!(
        lines(&book, back),
        pairs(&[("530", "14.70"), ("467", "-14.70")])
    );
    assert_eq!(book.entry(back).unwrap().unwrap().piece, "R001");
    let r = &book.regies().unwrap()[0];
    assert_eq!(r.balance(), Money::ZERO);
    assert!(book.unsettled_regies().unwrap().is_empty());
    assert_eq!(balances(&book), ["24.70", "1000.00", "0.00", "0.00"]);
}

#[test]
fn regie_refusals_write_nothing() {
    let mut book = book();
    let before = state(&book);
    assert_eq!(
        refusal(book.record_regie(&regie(&book, RegieKind::Avance, "80"))),
        "Montant : la Caisse passerait à -30,00 € le 20/11/2024 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)"
    );
    assert_eq!(
        refusal(book.record_regie(&regie(&book, RegieKind::Depense, "5"))),
        "Montant : 5,00 € dépasse ce qui reste de la régie CE1-B (0,00 €)"
    );
    let mut no_receipt = regie(&book, RegieKind::Avance, "10");
    no_receipt.receipt_no = " ".into();
    assert_eq!(
        refusal(book.record_regie(&no_receipt)),
        "N° de reçu : vide : le numéro du reçu signé par l'enseignant est attendu"
    );
    book.record_regie(&regie(&book, RegieKind::Avance, "10"))
        .unwrap();
    let before_expense = state(&book);
    let mut wrong = regie(&book, RegieKind::Depense, "5");
    wrong.category = "7062".into();
    assert_eq!(
        refusal(book.record_regie(&wrong)),
        "Catégorie : « 7062 Participation des familles aux sorties et voyages » n'est pas un compte de charges (6…)"
    );
    assert_eq!(state(&book), before_expense);
    assert_ne!(before, before_expense);
}

#[test]
fn a_cancelled_regie_move_leaves_the_balance() {
    let mut book = book();
    book.record_regie(&regie(&book, RegieKind::Avance, "40"))
        .unwrap();
    let spent = book
        .record_regie(&regie(&book, RegieKind::Depense, "15"))
        .unwrap();
    book.cancel_regie_move(spent).unwrap();
    assert_eq!(book.regies().unwrap()[0].balance().std(), "40.00");
    let moves = book.regie_moves().unwrap();
    assert_eq!(
        moves
            .iter()
            .map(|m| (m.kind, m.cancelled))
            .collect::<Vec<_>>(),
        [(RegieKind::Avance, false), (RegieKind::Depense, true)]
    );
}

#[test]
fn regie_entries_stay_balanced_and_the_ledger_export_copes() {
    let mut book = book();
    book.record_regie(&regie(&book, RegieKind::Avance, "40"))
        .unwrap();
    book.record_regie(&regie(&book, RegieKind::Depense, "15"))
        .unwrap();
    let entries = book.entries(EX).unwrap();
    assert!(
        entries
            .iter()
            .all(|e| e.lines.iter().map(|l| l.amount).sum::<Money>().is_zero())
    );
    let caisse = book.ledger_rows(MoneyKey::Caisse).unwrap();
    assert_eq!(
        caisse
            .iter()
            .map(|r| r.category.as_str())
            .collect::<Vec<_>>(),
        ["Report à nouveau", "467"]
    );
    let mut out = Vec::new();
    write_ledger(&mut out, &entries, book.chart(), CsvFormat::Std).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains(",caisse,Régie d'avance CE1-B – reçu n° 12,467,-40.00,"),
        "{text}"
    );
    // The class's expense has no money line: it is exported from the régie's
    // point of view (467), so the CSV still holds every charge.
    let expense: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(",467,") && !l.contains(",caisse,"))
        .collect();
    assert_eq!(expense.len(), 1, "{text}");
    assert!(expense[0].contains(",-15.00,"), "{}", expense[0]);
    assert!(
        expense[0]
            .split(',')
            .nth(4)
            .is_some_and(|c| c.starts_with('6')),
        "{}",
        expense[0]
    );
}

#[test]
fn pupils_of_a_closed_exercice_are_anonymised_and_the_accounts_stay() {
    let mut book = book();
    let hugo = pupil(&book, "MARTIN Hugo").id;
    let receipt = book
        .record_contribution(
            campaign_id(&book),
            hugo,
            line(&book, "MARTIN Hugo", "12", Channel::Especes),
            "14/10/2024",
        )
        .unwrap();
    let cheque = book
        .record_contribution(
            campaign_id(&book),
            hugo,
            line(&book, "MARTIN Hugo", "12", Channel::Cheque),
            "15/10/2024",
        )
        .unwrap();
    assert_eq!(
        refusal(book.anonymise_pupils(EX)),
        "l'exercice 2024-2025 n'est pas clôturé : les élèves ne s'anonymisent qu'après la clôture"
    );
    book.conn()
        .execute(
            "UPDATE exercice SET closed_at = '2025-09-20' WHERE start_year = 2024",
            [],
        )
        .unwrap();
    assert_eq!(
        refusal(book.anonymise_pupils(EX)),
        "1 chèque reste à rendre de l'exercice 2024-2025 : rendez-les avant d'anonymiser"
    );
    // Given back after the close: dated in the next exercice (the closed
    // one can no longer change).
    book.return_cheque(cheque.contributions[0], "22/09/2025")
        .unwrap();
    let entries_before = book.entries(EX).unwrap();
    let balances_before = balances(&book);
    assert_eq!(book.anonymise_pupils(EX).unwrap(), 6);
    assert_eq!(book.entries(EX).unwrap(), entries_before);
    assert_eq!(balances(&book), balances_before);
    let names: Vec<String> = book.pupils().unwrap().iter().map(|p| p.display()).collect();
    assert!(
        names.iter().all(|n| n.starts_with("Élève n° ")),
        "{names:?}"
    );
    let detail = book
        .entry_contributions(receipt.cash_entry.unwrap())
        .unwrap();
    assert_eq!(
        (detail[0].0.amount.std(), detail[0].1.id),
        ("12.00".to_string(), hugo)
    );
    let audit: String = book
        .conn()
        .query_row(
            "SELECT group_concat(coalesce(after, ''), '|') FROM audit",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        !audit.contains("Hugo") && !audit.to_uppercase().contains("MARTIN"),
        "{audit}"
    );
    let leftovers: i64 = book
        .conn()
        .query_row(
            "SELECT count(*) FROM contribution WHERE payer <> ''",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(leftovers, 0);
}

#[test]
fn an_advance_already_spent_cannot_be_cancelled() {
    let mut book = book();
    let advance = book
        .record_regie(&regie(&book, RegieKind::Avance, "40"))
        .unwrap();
    book.record_regie(&regie(&book, RegieKind::Depense, "15"))
        .unwrap();
    let before = state(&book);
    let piece = book.entry(advance).unwrap().unwrap().piece;
    assert_eq!(
        refusal(book.cancel_entry(advance)),
        format!(
            "{piece} : la régie CE1-B n'a plus que 25,00 € sur cette avance de 40,00 € ; annulez d'abord ses dépenses ou enregistrez le reliquat rendu"
        )
    );
    assert_eq!(state(&book), before, "nothing written");
}
