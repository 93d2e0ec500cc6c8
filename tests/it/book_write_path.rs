//! The one write path of `Book` (generation, closed exercice, nothing
//! written on refusal) and the corrections built on it: settings, cheques
//! that keep their history, CRF headings, clearer messages, restoring a
//! mistaken cancellation.

use crate::support::cli::Sandbox;
use crate::support::participations::{
    State, book, campaign_id, class_id, count, line, pupil, refusal, state,
};
use coopcompta::book::{Book, SettingsRequest};
use coopcompta::domain::checklist::StepStatus;
use coopcompta::domain::entry_request::{EntryRequest, SplitInput};
use coopcompta::domain::participation::Channel;
use coopcompta::domain::{AccountKind, EntryKind, Money, MoneyKey, PaymentMode};
use coopcompta::store::audit;

const CLOSED: &str = "l'exercice 2024-2025 est clôturé : il ne peut plus être modifié";

fn close(book: &Book) {
    book.conn()
        .execute(
            "UPDATE exercice SET closed_at = '2025-09-20T10:00:00' WHERE start_year = 2024",
            [],
        )
        .unwrap();
}

fn entry(kind: EntryKind, account: MoneyKey, date: &str, amount: &str, code: &str) -> EntryRequest {
    EntryRequest {
        date: date.into(),
        kind,
        account,
        amount: amount.into(),
        label: format!("{} de test", kind.label()),
        mode: Some(PaymentMode::default_for(account)),
        splits: vec![SplitInput {
            code: code.into(),
            amount: String::new(),
        }],
        piece: String::new(),
        cheque_no: String::new(),
    }
}

fn depense(account: MoneyKey, date: &str, amount: &str) -> EntryRequest {
    entry(EntryKind::Depense, account, date, amount, "606")
}

fn last_audit(book: &Book) -> audit::AuditRow {
    audit::load(book.conn()).unwrap().pop().unwrap()
}

/// A cheque received from MARTIN Hugo on 15/10/2024; returns its id.
fn cheque(book: &mut Book) -> i64 {
    let hugo = pupil(book, "MARTIN Hugo").id;
    let receipt = book
        .record_contribution(
            campaign_id(book),
            hugo,
            line(book, "MARTIN Hugo", "12", Channel::Cheque),
            "15/10/2024",
        )
        .unwrap();
    receipt.contributions[0]
}

fn checked_state(book: &Book) -> (State, u64) {
    (state(book), book.generation())
}

// ---- Part A: the one write path ------------------------------------------

#[test]
fn the_generation_rises_by_one_per_committed_action_and_not_for_a_refused_one() {
    let mut book = book();
    let start = book.generation();
    book.add_entry(&depense(MoneyKey::Caisse, "12/10/2024", "3"))
        .unwrap();
    assert_eq!(book.generation(), start + 1);
    book.set_class_teacher(class_id(&book, "CE1-B"), "Mme Durand")
        .unwrap();
    assert_eq!(book.generation(), start + 2);
    let key = book.checklist_steps().unwrap()[0].key.clone();
    book.checklist_set(&key, StepStatus::EnCours, None, None)
        .unwrap();
    assert_eq!(book.generation(), start + 3);

    // Refused by the caisse rule inside the transaction: nothing written.
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.add_entry(&depense(MoneyKey::Caisse, "13/10/2024", "500"))),
        "Montant : la Caisse passerait à -453,00 € le 13/10/2024 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)"
    );
    assert_eq!(checked_state(&book), before);
}

#[test]
fn return_cheque_refuses_on_a_closed_exercice_and_writes_nothing() {
    let mut book = book();
    let id = cheque(&mut book);
    close(&book);
    let before = checked_state(&book);
    assert_eq!(refusal(book.return_cheque(id, "20/03/2025")), CLOSED);
    assert_eq!(checked_state(&book), before);
    assert_eq!(book.pending_cheques().unwrap().len(), 1);
}

#[test]
fn set_class_teacher_refuses_on_a_closed_exercice_and_writes_nothing() {
    let mut book = book();
    let class = class_id(&book, "CE1-B");
    close(&book);
    let before = checked_state(&book);
    assert_eq!(refusal(book.set_class_teacher(class, "Mme Durand")), CLOSED);
    assert_eq!(checked_state(&book), before);
    assert_eq!(book.classes().unwrap()[0].teacher, "");
    assert_eq!(
        refusal(book.set_class_teacher(9_999, "M. Leroy")),
        "Classe : n° 9999 inconnue dans l'exercice 2024-2025"
    );
}

#[test]
fn categories_and_checklist_steps_refuse_on_a_closed_exercice() {
    let mut book = book();
    close(&book);
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.save_category("6185", "Abonnements", AccountKind::Charge, None)),
        CLOSED
    );
    let key = book.checklist_steps().unwrap()[0].key.clone();
    assert_eq!(
        refusal(book.checklist_note(&key, "appeler la banque")),
        CLOSED
    );
    assert_eq!(checked_state(&book), before);
}

// ---- 7. Settings --------------------------------------------------------

#[test]
fn settings_change_the_name_and_the_openings_in_one_audited_action() {
    let mut book = book();
    let start = book.generation();
    let changes = book
        .update_settings(&SettingsRequest {
            coop_name: Some("Coopérative de l'école des Tilleuls".into()),
            openings: vec![(MoneyKey::Caisse, Money::from_cents(12_050))],
        })
        .unwrap();
    assert_eq!(
        changes,
        [
            "Nom : « Coopérative scolaire de l'école des Lilas » → « Coopérative de l'école des Tilleuls »",
            "Solde d'ouverture Caisse : 50,00 € → 120,50 €",
        ]
    );
    assert_eq!(book.generation(), start + 1);
    assert_eq!(book.coop().name, "Coopérative de l'école des Tilleuls");
    assert_eq!(
        crate::support::book::balances(&book),
        ["120.50", "1000.00", "0.00", "0.00"]
    );
    let row = last_audit(&book);
    assert_eq!(
        (row.action.as_str(), row.entity.as_str()),
        ("reglages", "coop")
    );
    assert_eq!(
        row.before.as_deref(),
        Some(
            "nom Coopérative scolaire de l'école des Lilas | ouverture caisse 50.00, pro 1000.00, en-ligne 0.00, lbp 0.00"
        )
    );
    assert_eq!(
        row.after.as_deref(),
        Some(
            "nom Coopérative de l'école des Tilleuls | ouverture caisse 120.50, pro 1000.00, en-ligne 0.00, lbp 0.00"
        )
    );
    // The same values again: nothing to write.
    let before = checked_state(&book);
    let same = book.update_settings(&SettingsRequest {
        coop_name: Some("Coopérative de l'école des Tilleuls".into()),
        openings: vec![(MoneyKey::Caisse, Money::from_cents(12_050))],
    });
    assert_eq!(same.unwrap(), Vec::<String>::new());
    assert_eq!(checked_state(&book), before);
}

#[test]
fn settings_refuse_what_setup_refuses_and_write_nothing() {
    let mut book = book();
    book.add_entry(&depense(MoneyKey::Caisse, "12/10/2024", "40"))
        .unwrap();
    let before = checked_state(&book);
    let refusals = [
        (
            SettingsRequest {
                openings: vec![(MoneyKey::Caisse, Money::from_cents(-100))],
                ..SettingsRequest::default()
            },
            "Solde d'ouverture : Caisse « -1,00 € » : une caisse ne peut pas être négative",
        ),
        (
            SettingsRequest {
                openings: vec![(MoneyKey::EnLigne, Money::from_cents(-100))],
                ..SettingsRequest::default()
            },
            "Solde d'ouverture : Collectes en ligne « -1,00 € » : le compte des collectes en ligne ne peut pas être négatif (il reçoit les paiements puis les verse au Compte Pro)",
        ),
        (
            SettingsRequest {
                openings: vec![(MoneyKey::Caisse, Money::from_cents(3_000))],
                ..SettingsRequest::default()
            },
            "Montant : la Caisse passerait à -10,00 € le 12/10/2024 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)",
        ),
        (
            SettingsRequest {
                coop_name: Some("   ".into()),
                ..SettingsRequest::default()
            },
            "Nom de la coopérative : vide : saisissez le nom, par exemple « Coopérative scolaire OCCE de l'école Jules Ferry »",
        ),
    ];
    for (request, message) in refusals {
        assert_eq!(refusal(book.update_settings(&request)), message);
        assert_eq!(checked_state(&book), before, "{message}");
    }
    close(&book);
    let request = SettingsRequest {
        coop_name: Some("Autre nom".into()),
        ..SettingsRequest::default()
    };
    assert_eq!(refusal(book.update_settings(&request)), CLOSED);
    assert_eq!(checked_state(&book), before);
}

#[test]
fn settings_from_the_command_line_print_what_changed() {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "École Jules Ferry",
        "--exercice",
        "2024-2025",
        "--opening",
        "caisse=120,50",
    ]);
    assert_eq!(
        s.ok(&[
            "settings",
            "--opening",
            "caisse=100",
            "--opening",
            "lbp=1843,20"
        ]),
        "Solde d'ouverture Caisse : 120,50 € → 100,00 €\nSolde d'ouverture Ancien compte LBP : 0,00 € → 1 843,20 €\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t100.00\npro\t0.00\nen-ligne\t0.00\nlbp\t1843.20\n"
    );
    assert_eq!(
        s.fails(&["settings", "--opening", "caisse=-5"]),
        "coopcompta : Solde d'ouverture : Caisse « -5,00 € » : une caisse ne peut pas être négative\n"
    );
    assert_eq!(
        s.fails(&["settings"]),
        "coopcompta : rien à corriger : indiquez --coop \"NOM\" ou --opening COMPTE=MONTANT (ex. caisse=120,50)\n"
    );
}

// ---- 12. Returned cheques keep their history -----------------------------

#[test]
fn a_returned_cheque_keeps_its_date_and_who_took_it() {
    let mut book = book();
    let id = cheque(&mut book);
    book.return_cheque_to(id, "20/03/2025", "Mme Martin (maman)")
        .unwrap();
    assert!(book.pending_cheques().unwrap().is_empty());
    let all = book.all_cheques().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(
        all[0].returned_on,
        chrono::NaiveDate::from_ymd_opt(2025, 3, 20)
    );
    assert_eq!(all[0].returned_by, "Mme Martin (maman)");
    // The trail never holds a name.
    assert_eq!(
        last_audit(&book).after.as_deref(),
        Some("rendu le 2025-03-20")
    );
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.return_cheque_to(id, "21/03/2025", "")),
        format!("Chèque : n° {id} a déjà été rendu le 20/03/2025")
    );
    assert_eq!(checked_state(&book), before);
}

#[test]
fn cheque_list_all_shows_the_returned_ones() {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "École Jules Ferry",
        "--exercice",
        "2024-2025",
    ]);
    s.ok(&[
        "pupils", "add", "--nom", "Martin", "--prenom", "Hugo", "--class", "CE1-B",
    ]);
    s.ok(&[
        "pupils", "add", "--nom", "Dupond", "--prenom", "Léa", "--class", "CE1-B",
    ]);
    s.ok(&["campaign", "add", "--name", "Sortie zoo", "--amount", "12"]);
    for pupil in ["MARTIN Hugo", "DUPOND Léa"] {
        s.ok(&[
            "contribution",
            "--campaign",
            "Sortie zoo",
            "--pupil",
            pupil,
            "--amount",
            "12",
            "--channel",
            "cheque",
            "--date",
            "15/10/2024",
        ]);
    }
    s.ok(&[
        "cheque",
        "return",
        "1",
        "--date",
        "20/03/2025",
        "--by",
        "Mme Martin",
    ]);
    assert_eq!(
        s.ok(&["cheque", "list"]),
        "2\t15/10/2024\t12.00\tDUPOND\tDUPOND Léa (CE1-B)\n"
    );
    assert_eq!(
        s.ok(&["cheque", "list", "--all"]),
        "1\t15/10/2024\t12.00\tMARTIN\tMARTIN Hugo (CE1-B)\trendu le 20/03/2025 (Mme Martin)\n\
         2\t15/10/2024\t12.00\tDUPOND\tDUPOND Léa (CE1-B)\tà rendre\n"
    );
}

// ---- 13. CRF headings ------------------------------------------------------

#[test]
fn a_typed_heading_takes_the_known_spelling() {
    let mut book = book();
    let headings = book.crf_headings();
    assert!(headings.contains(&"Activités éducatives".to_string()));
    let mut sorted = headings.clone();
    sorted.sort_by_key(|h| coopcompta::domain::text::fold(h));
    assert_eq!(headings, sorted, "sorted as read");
    let count_before = headings.len();

    book.save_category(
        "6185",
        "Abonnements",
        AccountKind::Charge,
        Some("activites  EDUCATIVES"),
    )
    .unwrap();
    let heading = |book: &Book, code: &str| {
        book.chart()
            .iter()
            .find(|a| a.code == code)
            .and_then(|a| a.crf_heading.clone())
    };
    assert_eq!(
        heading(&book, "6185").as_deref(),
        Some("Activités éducatives")
    );
    assert_eq!(book.crf_headings().len(), count_before, "no second heading");

    let start = book.generation();
    assert_eq!(
        book.set_category_heading("6064", "Activites educatives")
            .unwrap()
            .as_deref(),
        Some("Activités éducatives")
    );
    assert_eq!(book.generation(), start + 1);
    assert_eq!(
        heading(&book, "6064").as_deref(),
        Some("Activités éducatives")
    );
    let row = last_audit(&book);
    assert_eq!(
        (
            row.action.as_str(),
            row.before.as_deref(),
            row.after.as_deref()
        ),
        (
            "modification",
            Some("6064 rubrique Fournitures et matériel"),
            Some("6064 rubrique Activités éducatives")
        )
    );

    let before = checked_state(&book);
    assert_eq!(
        refusal(book.set_category_heading("6999", "Activités éducatives")),
        "code « 6999 » : aucune catégorie ne porte ce code (ajoutez-la avec son libellé et sa nature)"
    );
    assert_eq!(
        refusal(book.set_category_heading("530", "Activités éducatives")),
        "530 Caisse : seules les charges (6…) et produits (7…) ont une rubrique du CRF"
    );
    assert_eq!(checked_state(&book), before);
}

#[test]
fn category_rubrique_changes_the_heading_from_the_command_line() {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "École Jules Ferry",
        "--exercice",
        "2024-2025",
    ]);
    assert_eq!(
        s.ok(&[
            "category",
            "--code",
            "6064",
            "--rubrique",
            "activites educatives"
        ]),
        "Catégorie 6064 Fournitures administratives et papeterie : rubrique « Activités éducatives »\n"
    );
    let headings = s.ok(&["headings"]);
    assert_eq!(
        headings
            .lines()
            .filter(|h| h.starts_with("Activit"))
            .collect::<Vec<_>>(),
        ["Activités éducatives"]
    );
    assert_eq!(
        s.fails(&[
            "category",
            "--code",
            "6999",
            "--rubrique",
            "Activités éducatives"
        ]),
        "coopcompta : code « 6999 » : aucune catégorie ne porte ce code ; pour l'ajouter, indiquez --label et --nature\n"
    );
}

// ---- 14. Messages that say what is wrong --------------------------------

#[test]
fn messages_say_what_is_really_wrong() {
    let mut book = book();
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.add_entry(&depense(MoneyKey::Pro, "31/02/2025", "3"))),
        "Date : « 31/02/2025 » : le 31 février n'existe pas (février a 28 jours)"
    );
    assert_eq!(
        refusal(book.add_entry(&depense(MoneyKey::Pro, "12/10/2024", "1.250"))),
        "Montant : « 1.250 » : point des milliers ou décimale ? écrivez 1 250 pour 1 250 €, ou une virgule et deux chiffres pour les centimes (ex. 1,25)"
    );
    assert_eq!(checked_state(&book), before);

    let id = book
        .add_entry(&depense(MoneyKey::Pro, "12/10/2024", "3"))
        .unwrap();
    let rid = book.cancel_entry(id).unwrap();
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.cancel_entry(rid)),
        "D001-A annule D001 : une écriture d'annulation ne s'annule pas ; pour revenir sur l'annulation, rétablissez D001"
    );
    assert_eq!(checked_state(&book), before);
}

// ---- 15. Restoring a mistaken cancellation --------------------------------

#[test]
fn a_cancelled_entry_is_restored_as_a_new_entry() {
    let mut book = book();
    let id = book
        .add_entry(&entry(
            EntryKind::Depense,
            MoneyKey::Pro,
            "12/10/2024",
            "30",
            "6251",
        ))
        .unwrap();
    book.add_entry(&depense(MoneyKey::Pro, "13/10/2024", "5"))
        .unwrap();
    let rid = book.cancel_entry(id).unwrap();
    let start = book.generation();
    let nid = book.restore_cancelled(id).unwrap();
    assert_eq!(book.generation(), start + 1);
    let original = book.entry(id).unwrap().unwrap();
    let restored = book.entry(nid).unwrap().unwrap();
    assert_eq!(restored.piece, "D003");
    assert_eq!(
        (
            restored.date,
            &restored.label,
            &restored.lines,
            restored.mode
        ),
        (
            original.date,
            &original.label,
            &original.lines,
            original.mode
        )
    );
    assert!(!restored.is_cancelled() && restored.reverses.is_none());
    assert_eq!(
        crate::support::book::balances(&book),
        ["50.00", "965.00", "0.00", "0.00"]
    );
    let row = last_audit(&book);
    assert_eq!(
        (row.action.as_str(), row.entity_id, row.after.as_deref()),
        (
            "retablissement",
            Some(id),
            Some(format!("rétablie par D003 (écriture n° {nid})").as_str())
        )
    );

    let before = checked_state(&book);
    assert_eq!(
        refusal(book.restore_cancelled(id)),
        "D001 a déjà été rétablie par D003"
    );
    assert_eq!(
        refusal(book.restore_cancelled(rid)),
        "D001-A est une écriture d'annulation : c'est l'écriture annulée (D001) qui se rétablit"
    );
    assert_eq!(
        refusal(book.restore_cancelled(nid)),
        "D003 n'est pas annulée : il n'y a rien à rétablir"
    );
    assert_eq!(
        refusal(book.restore_cancelled(999)),
        "l'écriture n° 999 n'existe pas"
    );
    assert_eq!(checked_state(&book), before);
}

#[test]
fn restoring_keeps_the_caisse_rule_and_the_closed_exercice() {
    let mut book = book();
    let spent = book
        .add_entry(&depense(MoneyKey::Caisse, "12/10/2024", "40"))
        .unwrap();
    // The reversal is dated today (15/03/2025): restoring the expense on
    // 12/10 would spend the same cash twice.
    book.cancel_entry(spent).unwrap();
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.restore_cancelled(spent)),
        "Montant : la Caisse passerait à -30,00 € le 12/10/2024 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)"
    );
    assert_eq!(checked_state(&book), before);
    close(&book);
    assert_eq!(refusal(book.restore_cancelled(spent)), CLOSED);
    assert_eq!(checked_state(&book), before);
}

#[test]
fn an_envelope_is_typed_again_not_restored() {
    let mut book = book();
    let receipt = book
        .record_envelope(&coopcompta::domain::participation::EnvelopeRequest {
            campaign_id: campaign_id(&book),
            class_id: class_id(&book, "CE1-B"),
            date: "14/10/2024".into(),
            lines: vec![
                line(&book, "MARTIN Hugo", "12", Channel::Especes),
                line(&book, "DUPOND Léa", "12", Channel::Especes),
            ],
        })
        .unwrap();
    let envelope = receipt.cash_entry.unwrap();
    book.cancel_envelope(envelope).unwrap();
    let before = checked_state(&book);
    assert_eq!(
        refusal(book.restore_cancelled(envelope)),
        "R001 regroupait des participations d'élèves (2) : la rétablir les détacherait des élèves ; ressaisissez l'enveloppe (onglet Participations)"
    );
    assert_eq!(checked_state(&book), before);
    assert_eq!(count(&book, "contribution"), 2);
}

#[test]
fn restore_entry_from_the_command_line() {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "École Jules Ferry",
        "--exercice",
        "2024-2025",
        "--opening",
        "lbp=100",
    ]);
    s.ok(&[
        "add",
        "--account",
        "lbp",
        "--date",
        "12/10/2024",
        "--amount",
        "30",
        "--depense",
        "--category",
        "606",
        "--label",
        "Papeterie",
    ]);
    s.ok(&["cancel", "--piece", "D001"]);
    assert_eq!(
        s.ok(&["restore-entry", "--piece", "D001"]),
        "D001 rétablie par D002\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t0.00\npro\t0.00\nen-ligne\t0.00\nlbp\t70.00\n"
    );
    assert_eq!(
        s.fails(&["restore-entry", "--piece", "D002"]),
        "coopcompta : D002 n'est pas annulée : il n'y a rien à rétablir\n"
    );
}

#[test]
fn the_new_columns_come_with_schema_5() {
    let book = book();
    assert!(coopcompta::store::schema::latest_version() >= 5);
    assert_eq!(
        count(
            &book,
            "pragma_table_info('contribution') WHERE name = 'returned_by'"
        ),
        1
    );
    assert_eq!(
        count(
            &book,
            "pragma_table_info('entry') WHERE name = 'restored_as'"
        ),
        1
    );
}
