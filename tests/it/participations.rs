//! Contributions through `Book`: a class's cash envelope is one balanced
//! caisse recette whose detail lists each pupil; online and virement
//! contributions go to their accounts; cheques never touch a balance; a
//! refused envelope writes nothing; the campaign view and name lookups.

use crate::support::participations::*;
use coopcompta::domain::participation::{Channel, EnvelopeRequest, NO_PARTICIPATION};
use coopcompta::domain::{EntryKind, Money, MoneyKey, PaymentMode};

fn envelope(
    book: &coopcompta::book::Book,
    class: &str,
    lines: Vec<coopcompta::domain::participation::ContributionLine>,
) -> EnvelopeRequest {
    EnvelopeRequest {
        campaign_id: campaign_id(book),
        class_id: class_id(book, class),
        date: "14/10/2024".into(),
        lines,
    }
}

#[test]
fn a_cash_envelope_is_one_balanced_caisse_entry_listing_each_pupil() {
    let mut book = book();
    let request = envelope(
        &book,
        "CE1-B",
        vec![
            line(&book, "DUPOND Léa", "12", Channel::Especes),
            line(&book, "MARTIN Hugo", "10,50", Channel::Especes),
            line(&book, "LEFÈVRE Théo", "15", Channel::Especes),
            line(&book, "LE GOFF Anaïs", "5", Channel::Especes),
        ],
    );
    let receipt = book.record_envelope(&request).unwrap();
    assert_eq!(receipt.cash_piece.as_deref(), Some("R001"));
    assert_eq!(receipt.contributions.len(), 4);
    assert_eq!(receipt.collected, Money::from_cents(4_250));
    assert!(receipt.other_entries.is_empty());
    let entry = book.entry(receipt.cash_entry.unwrap()).unwrap().unwrap();
    assert_eq!(entry.kind, EntryKind::Recette);
    assert_eq!(entry.mode, Some(PaymentMode::Especes));
    assert_eq!(entry.label, "Sortie zoo CE1-B – bordereau (4 élèves)");
    let lines: Vec<(String, String)> = entry
        .lines
        .iter()
        .map(|l| (l.account_code.clone(), l.amount.std()))
        .collect();
    assert_eq!(
        lines,
        [
            ("530".to_string(), "42.50".to_string()),
            ("7062".to_string(), "-42.50".to_string())
        ]
    );
    let detail = book.entry_contributions(entry.id).unwrap();
    let names: Vec<String> = detail.iter().map(|(_, p)| p.display()).collect();
    assert_eq!(
        names,
        ["DUPOND Léa", "MARTIN Hugo", "LEFÈVRE Théo", "LE GOFF Anaïs"]
    );
    let sum: Money = detail.iter().map(|(c, _)| c.amount).sum();
    assert_eq!(sum, entry.amount_on("530"));
    assert_eq!(balances(&book), ["92.50", "1000.00", "0.00", "0.00"]);
    assert_eq!(count(&book, "entry"), 2, "the opening and the one envelope");

    // The bordereau is not edited as a plain entry (its pupils would no
    // longer match); it can still be cancelled.
    let refused = book.editable(entry.id).unwrap_err().to_string();
    assert_eq!(
        refused,
        "R001 regroupe les participations de 4 élèves : pour la corriger, annulez-la puis saisissez de nouveau l'enveloppe (onglet Participations)"
    );
    assert!(book.changeable(entry.id).is_ok());
}

#[test]
fn each_channel_goes_to_its_account_and_a_cheque_to_none() {
    let mut book = book();
    let before = balances(&book);
    let request = envelope(
        &book,
        "CE1-B",
        vec![
            line(&book, "DUPOND Léa", "12", Channel::Especes),
            line(&book, "MARTIN Hugo", "12", Channel::EnLigne),
            line(&book, "LEFÈVRE Théo", "20", Channel::Virement),
            line(&book, "LE GOFF Anaïs", "12", Channel::Cheque),
        ],
    );
    let receipt = book.record_envelope(&request).unwrap();
    assert_eq!(receipt.cheques, 1);
    assert_eq!(receipt.other_entries.len(), 2);
    assert_eq!(before, ["50.00", "1000.00", "0.00", "0.00"]);
    assert_eq!(balances(&book), ["62.00", "1020.00", "12.00", "0.00"]);
    let pieces: Vec<String> = std::iter::once(receipt.cash_entry.unwrap())
        .chain(receipt.other_entries.iter().copied())
        .map(|id| book.entry(id).unwrap().unwrap().piece)
        .collect();
    assert_eq!(pieces, ["R001", "R002", "R003"]);
    let online = book.entry(receipt.other_entries[0]).unwrap().unwrap();
    assert_eq!(
        (online.mode, online.label.as_str()),
        (Some(PaymentMode::Carte), "Sortie zoo CE1-B – en ligne")
    );
    assert_eq!(book.cheques_to_return().unwrap(), 1);
    let cheque = &book.pending_cheques().unwrap()[0];
    assert_eq!((cheque.entry_id, cheque.payer.as_str()), (None, "LE GOFF"));
}

#[test]
fn a_cheque_never_changes_any_balance_and_is_given_back() {
    let mut book = book();
    let before = balances(&book);
    let entries = count(&book, "entry");
    let hugo = pupil(&book, "MARTIN Hugo").id;
    let receipt = book
        .record_contribution(
            campaign_id(&book),
            hugo,
            line(&book, "MARTIN Hugo", "30", Channel::Cheque),
            "02/10/2024",
        )
        .unwrap();
    assert_eq!(
        (balances(&book), count(&book, "entry")),
        (before.clone(), entries)
    );
    assert_eq!(book.cheques_to_return().unwrap(), 1);
    let id = receipt.contributions[0];
    assert_eq!(
        refusal(book.return_cheque(id, "01/10/2024")),
        "Date : « 01/10/2024 » est avant la réception du chèque (02/10/2024)"
    );
    book.return_cheque(id, "05/10").unwrap();
    assert_eq!(book.cheques_to_return().unwrap(), 0);
    assert_eq!(
        refusal(book.return_cheque(id, "06/10")),
        format!("Chèque : n° {id} a déjà été rendu le 05/10/2024")
    );
    assert_eq!((balances(&book), count(&book, "entry")), (before, entries));
    let view = book.campaign_view(campaign_id(&book)).unwrap();
    let hugo_line = view.classes[0]
        .pupils
        .iter()
        .find(|p| p.pupil.id == hugo)
        .unwrap();
    assert_eq!(hugo_line.status(), "30,00 € (chèque rendu le 05/10/2024)");
    assert!(!hugo_line.has_participation());
}

#[test]
fn a_refused_envelope_writes_nothing() {
    let mut book = book();
    let before = state(&book);
    let mut bad_amount = envelope(
        &book,
        "CE1-B",
        vec![
            line(&book, "DUPOND Léa", "12", Channel::Especes),
            line(&book, "MARTIN Hugo", "12,345", Channel::Especes),
        ],
    );
    assert_eq!(
        refusal(book.record_envelope(&bad_amount)),
        "Montant : pour MARTIN Hugo, « 12,345 » a plus de deux décimales : les centimes s'arrêtent à 2 chiffres (ex. 12,35)"
    );
    bad_amount.lines[1].amount = "12".into();
    bad_amount
        .lines
        .push(line(&book, "DUPOND Léa", "3", Channel::EnLigne));
    assert_eq!(
        refusal(book.record_envelope(&bad_amount)),
        "Élève : DUPOND Léa figure deux fois dans le bordereau : additionnez les montants sur une ligne"
    );
    bad_amount.lines.pop();
    bad_amount.date = "14/10/2025".into();
    assert_eq!(
        refusal(book.record_envelope(&bad_amount)),
        "Date : « 14/10/2025 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn only_pupils_of_the_campaigns_classes_may_contribute() {
    let mut book = book();
    book.add_campaign(&coopcompta::domain::participation::CampaignRequest {
        name: "Piscine CP".into(),
        classes: vec!["cp a".into()],
        ..Default::default()
    })
    .unwrap();
    let piscine = book.find_campaign("piscine cp").unwrap();
    assert_eq!(
        piscine.category_code, "75620008",
        "the voluntary participation by default"
    );
    let before = state(&book);
    let hugo = pupil(&book, "MARTIN Hugo").id;
    assert_eq!(
        refusal(book.record_contribution(
            piscine.id,
            hugo,
            line(&book, "MARTIN Hugo", "5", Channel::Especes),
            "14/10/2024"
        )),
        "Élève : MARTIN Hugo (CE1-B) n'est pas dans une classe de la campagne « Piscine CP »"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn cancelling_an_envelope_reverses_it_and_its_contributions() {
    let mut book = book();
    let request = envelope(
        &book,
        "CE1-B",
        vec![
            line(&book, "DUPOND Léa", "12", Channel::Especes),
            line(&book, "MARTIN Hugo", "8", Channel::Especes),
            line(&book, "LEFÈVRE Théo", "12", Channel::EnLigne),
        ],
    );
    let receipt = book.record_envelope(&request).unwrap();
    let one_of_envelope = receipt.contributions[0];
    assert_eq!(
        refusal(book.cancel_contribution(one_of_envelope)),
        format!(
            "Participation : n° {one_of_envelope} fait partie du bordereau R001 (2 élèves) : annulez le bordereau entier puis ressaisissez-le"
        )
    );
    book.cancel_contribution(receipt.contributions[2]).unwrap();
    let reversal = book.cancel_envelope(receipt.cash_entry.unwrap()).unwrap();
    assert_eq!(book.entry(reversal).unwrap().unwrap().piece, "R001-A");
    assert_eq!(balances(&book), ["50.00", "1000.00", "0.00", "0.00"]);
    assert!(
        book.contributions(campaign_id(&book))
            .unwrap()
            .iter()
            .all(|c| c.cancelled)
    );
    let view = book.campaign_view(campaign_id(&book)).unwrap();
    assert_eq!(
        (view.contributors, view.totals.collected()),
        (0, Money::ZERO)
    );
    assert_eq!(count(&book, "contribution"), 3, "nothing deleted");
}

#[test]
fn the_campaign_view_totals_per_class_with_neutral_words() {
    let mut book = book();
    let ce1 = envelope(
        &book,
        "CE1-B",
        vec![
            line(&book, "DUPOND Léa", "12", Channel::Especes),
            line(&book, "MARTIN Hugo", "12", Channel::EnLigne),
            line(&book, "LEFÈVRE Théo", "12", Channel::Cheque),
        ],
    );
    book.record_envelope(&ce1).unwrap();
    let cp = envelope(
        &book,
        "CP-A",
        vec![line(&book, "DUPONT Lea", "24", Channel::Virement)],
    );
    book.record_envelope(&cp).unwrap();
    let view = book.campaign_view(campaign_id(&book)).unwrap();
    let summary: Vec<(String, usize, usize, String)> = view
        .classes
        .iter()
        .map(|c| {
            (
                c.class.name.clone(),
                c.contributors,
                c.pupils.len(),
                c.totals.collected().std(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("CE1-B".to_string(), 2, 4, "24.00".to_string()),
            ("CP-A".to_string(), 1, 2, "24.00".to_string())
        ]
    );
    let ce1b = &view.classes[0];
    assert_eq!(
        (
            ce1b.totals.especes.std(),
            ce1b.totals.en_ligne.std(),
            ce1b.totals.cheques_to_return_count
        ),
        ("12.00".into(), "12.00".into(), 1)
    );
    let statuses: Vec<(String, String)> = ce1b
        .pupils
        .iter()
        .map(|p| (p.pupil.display(), p.status()))
        .collect();
    assert_eq!(
        statuses,
        [
            ("DUPOND Léa".to_string(), "12,00 € (espèces)".to_string()),
            ("LE GOFF Anaïs".to_string(), NO_PARTICIPATION.to_string()),
            (
                "LEFÈVRE Théo".to_string(),
                "12,00 € (chèque reçu, à rendre)".to_string()
            ),
            ("MARTIN Hugo".to_string(), "12,00 € (en ligne)".to_string()),
        ]
    );
    assert_eq!((view.pupils, view.contributors), (6, 3));
    assert_eq!(view.target, Some(Money::from_cents(7_200)));
    assert_eq!(view.gauge_permille(), Some(666), "48 € of 72 €");
    let all_words: String = view
        .classes
        .iter()
        .flat_map(|c| &c.pupils)
        .map(|p| p.status())
        .collect();
    assert!(!all_words.to_lowercase().contains("impayé"));
}

#[test]
fn unknown_names_suggest_the_closest() {
    let book = book();
    assert_eq!(
        refusal(book.find_pupil("DUPONS Léa", None)),
        "élève « DUPONS Léa » inconnu : vouliez-vous dire DUPOND Léa (CE1-B), DUPONT Lea (CP-A) ?"
    );
    assert_eq!(
        refusal(book.find_pupil("Zidane Zinedine", None)),
        "élève « Zidane Zinedine » inconnu : aucun élève au nom approchant"
    );
    assert_eq!(
        book.find_pupil("lea dupont", None).unwrap().class_name,
        "CP-A"
    );
    assert_eq!(
        refusal(book.find_pupil("martin", None)),
        "élève « martin » inconnu : vouliez-vous dire MARTIN Hugo (CE1-B), MARTIN Jade (CP-A) ?"
    );
    assert_eq!(
        refusal(book.find_campaign("Sortie zo")),
        "campagne « Sortie zo » inconnue : vouliez-vous dire Sortie zoo ?"
    );
}

#[test]
fn siblings_share_a_family() {
    let mut book = book();
    book.add_pupil(&input("MARTIN", "Louis", "CM2")).unwrap();
    let martins: Vec<i64> = book
        .pupils()
        .unwrap()
        .iter()
        .filter(|p| p.nom.eq_ignore_ascii_case("martin"))
        .map(|p| p.family_id)
        .collect();
    assert_eq!(martins.len(), 3);
    assert!(martins.iter().all(|f| *f == martins[0]));
    assert_ne!(
        pupil(&book, "DUPOND Léa").family_id,
        pupil(&book, "DUPONT Lea").family_id
    );
    assert_eq!(
        refusal(book.add_pupil(&input("martin", "louis", "cm2"))),
        "Élève : MARTIN louis est déjà en cm2"
    );
}

#[test]
fn many_envelopes_keep_pieces_in_sequence_after_manual_entries() {
    let mut book = book();
    let add = coopcompta::domain::entry_request::EntryRequest {
        date: "01/10/2024".into(),
        kind: EntryKind::Recette,
        account: MoneyKey::Caisse,
        amount: "5".into(),
        label: "Vente de gâteaux".into(),
        mode: Some(PaymentMode::Especes),
        splits: vec![coopcompta::domain::entry_request::SplitInput {
            code: "7560".into(),
            amount: String::new(),
        }],
        piece: "R009".into(),
        cheque_no: String::new(),
    };
    book.add_entry(&add).unwrap();
    let request = envelope(
        &book,
        "CP-A",
        vec![line(&book, "MARTIN Jade", "4", Channel::Especes)],
    );
    assert_eq!(
        book.record_envelope(&request)
            .unwrap()
            .cash_piece
            .as_deref(),
        Some("R010")
    );
    assert_eq!(book.next_piece(EntryKind::Recette).unwrap(), "R011");
}

#[test]
fn the_migration_step_for_cheques_follows_the_cheques_recorded() {
    let mut book = book();
    let cheques_step = |book: &coopcompta::book::Book| {
        let views = book.checklist().unwrap();
        let step = views
            .into_iter()
            .find(|v| v.key == "cheques-rendus")
            .unwrap();
        (step.status_text(), step.detail.unwrap_or_default())
    };
    assert_eq!(
        cheques_step(&book),
        (
            "en attente".to_string(),
            "aucun chèque de famille enregistré".to_string()
        ),
        "a new coop has not given anything back yet"
    );
    let mut cheque = line(&book, "DUPOND Léa", "12", Channel::Cheque);
    cheque.payer = "M. et Mme Dupond".into();
    book.record_envelope(&envelope(&book, "CE1-B", vec![cheque]))
        .unwrap();
    assert_eq!(cheques_step(&book).1, "1 chèque à rendre");
    let id = book.pending_cheques().unwrap()[0].id;
    book.return_cheque(id, "20/10/2024").unwrap();
    assert_eq!(
        cheques_step(&book),
        ("fait".to_string(), "1 chèque reçu, rendu".to_string())
    );
}
