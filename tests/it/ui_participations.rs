//! The Participations tab, quick entry of a class's envelope: campaign and
//! class once, then a few letters of each pupil's name, the amount, the
//! channel, Entrée; F10 records the whole envelope in one transaction (one
//! caisse entry for the cash lines). Refusals keep every typed line.

use crate::support::ui::*;
use coopcompta::domain::participation::NO_PARTICIPATION;
use coopcompta::domain::{Exercice, Money, MoneyKey, PaymentMode};
use coopcompta::ui::App;
use ratatui::crossterm::event::KeyCode;

fn entry_count(app: &App) -> usize {
    app.book()
        .unwrap()
        .entries(Exercice::new(2024))
        .unwrap()
        .len()
}

/// `s` on the campaign "Sortie zoo", Entrée on the proposed class CE1-B:
/// the cursor is on the pupil's name.
fn open_envelope(app: &mut App) {
    key(app, KeyCode::Char('s'));
    key(app, KeyCode::Enter);
}

/// A few letters, Entrée (first match), the amount if given (else the
/// suggested one), Tab and the channel key if given, Entrée; for a cheque
/// the payer, Entrée.
fn line(app: &mut App, letters: &str, channel: Option<char>, amount: Option<&str>) {
    chars(app, letters);
    key(app, KeyCode::Enter);
    if let Some(amount) = amount {
        chars(app, amount);
    }
    if let Some(c) = channel {
        key(app, KeyCode::Tab);
        key(app, KeyCode::Char(c));
    }
    key(app, KeyCode::Enter);
}

/// The envelope of the tests: DUPOND Léa 12 (espèces, suggested), DUPUIS
/// Noé 10 (espèces), MARTIN Hugo 12 (en ligne), LE GOFF Anaïs 12 (chèque of
/// "M. LE GOFF"), MARTIN Jade 8 (espèces; Hugo's sister, in CP-A).
fn type_envelope(app: &mut App) {
    line(app, "dup", None, None);
    line(app, "noe", None, Some("10"));
    line(app, "mar", Some('l'), None);
    line(app, "goff", Some('c'), None);
    chars(app, "M. LE GOFF");
    key(app, KeyCode::Enter);
    line(app, "jade", None, Some("8"));
}

#[test]
fn typing_letters_lists_the_matching_pupils_80x24() {
    let mut app = on_participations_tab(participations_book());
    open_envelope(&mut app);
    chars(&mut app, "dup");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("2 élèves : ↑/↓ puis Entrée"), "{screen}");
    assert!(screen.contains("│DUPOND Léa"), "{screen}");
    assert!(screen.contains("│DUPUIS Noé"), "{screen}");
    assert!(!screen.contains("DUPONT Lea"), "another class: {screen}");
    insta::assert_snapshot!(screen);
    // ↓ then Entrée takes the second; the suggested amount is proposed.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Élève    DUPUIS Noé"), "{screen}");
    assert!(screen.contains("Montant 12,00"), "{screen}");
}

#[test]
fn a_sibling_of_another_class_can_be_in_the_envelope() {
    let mut app = on_participations_tab(participations_book());
    open_envelope(&mut app);
    chars(&mut app, "mart");
    let screen = render(&app, 80, 24);
    assert!(screen.contains("│MARTIN Hugo"), "{screen}");
    assert!(screen.contains("│MARTIN Jade (CP-A, fratrie)"), "{screen}");
}

#[test]
fn an_envelope_is_recorded_in_one_go() {
    let mut app = on_participations_tab(participations_book());
    let before = entry_count(&app);
    open_envelope(&mut app);
    type_envelope(&mut app);
    let typed = render(&app, 80, 24);
    assert!(
        typed.contains("Enveloppe CE1-B · 5 élèves · versé 42,00 €"),
        "{typed}"
    );
    assert!(typed.contains("chèque de M. LE GOFF, à rendre"), "{typed}");
    insta::assert_snapshot!("envelope_typed_80x24", typed);
    assert_eq!(entry_count(&app), before, "nothing written before F10");

    key(&mut app, KeyCode::F(10));
    let (text, error) = status_line(&app);
    assert!(!error, "{text}");
    assert_eq!(
        text,
        "Enveloppe CE1-B enregistrée : bordereau R003, espèces 30,00 € (3 élèves) · \
         en ligne 12,00 € (R004) · 1 chèque à rendre (12,00 €)"
    );
    let book = app.book().unwrap();
    let entries = book.entries(Exercice::new(2024)).unwrap();
    assert_eq!(
        entries.len(),
        before + 2,
        "one caisse entry, one online entry"
    );
    let new = &entries[before..];
    let caisse: Vec<_> = new
        .iter()
        .filter(|e| !e.amount_on("530").is_zero())
        .collect();
    assert_eq!(
        caisse.len(),
        1,
        "exactly one caisse entry for the cash lines"
    );
    let cash = caisse[0];
    assert_eq!(cash.piece, "R003");
    assert_eq!(cash.mode, Some(PaymentMode::Especes));
    assert_eq!(
        cash.amount_on("530"),
        Money::from_cents(12_00 + 10_00 + 8_00)
    );
    assert_eq!(cash.label, "Sortie zoo CE1-B – bordereau (3 élèves)");
    let detail = book.entry_contributions(cash.id).unwrap();
    let names: Vec<String> = detail.iter().map(|(_, p)| p.display()).collect();
    assert_eq!(names, ["DUPOND Léa", "DUPUIS Noé", "MARTIN Jade"]);
    let online_code = &book.account(MoneyKey::EnLigne).unwrap().code;
    let online: Vec<_> = new
        .iter()
        .filter(|e| !e.amount_on(online_code).is_zero())
        .collect();
    assert_eq!(online.len(), 1);
    assert_eq!(online[0].amount_on(online_code), Money::from_cents(12_00));
    assert_eq!(online[0].mode, Some(PaymentMode::Carte));
    let cheques = book.pending_cheques().unwrap();
    assert_eq!(cheques.len(), 1);
    assert_eq!(cheques[0].payer, "M. LE GOFF");
    assert_eq!(cheques[0].amount, Money::from_cents(12_00));
    assert_eq!(cheques[0].entry_id, None, "a cheque is in no ledger");

    // The envelope is empty again, ready for the next class.
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Enveloppe CE1-B : vide"), "{screen}");
    assert!(screen.contains("▸ Classe   ◂ CE1-B ▸"), "{screen}");

    // The campaign view, class by class.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    let view = render(&app, 80, 24);
    assert!(
        view.contains("Versé 42,00 € sur 84,00 € suggérés"),
        "{view}"
    );
    assert!(
        view.contains("CE1-B · 3 participations sur 4 élèves · 34,00 €"),
        "{view}"
    );
    assert!(
        view.contains(&format!("DUPONT Lea                 {NO_PARTICIPATION}")),
        "{view}"
    );
    assert!(view.contains("12,00 € (chèque reçu, à rendre)"), "{view}");
    insta::assert_snapshot!("campaign_view_80x24", view);
    let wide = render(&app, 160, 48);
    assert!(wide.contains("Totaux par classe"), "{wide}");
    assert!(
        wide.contains(
            "Total          4 / 7     30,00 €     12,00 €      0,00 €     42,00 €        1"
        ),
        "{wide}"
    );
    insta::assert_snapshot!("campaign_view_160x48", wide);
    let lower = format!("{view}{wide}").to_lowercase();
    for word in ["impayé", "impaye", "n'a pas payé", "retard", "doit"] {
        assert!(!lower.contains(word), "{word}");
    }

    // The Écritures tab shows the bordereau in the Caisse.
    key(&mut app, KeyCode::Char('1'));
    let ledgers = render(&app, 100, 30);
    assert!(ledgers.contains("R003"), "{ledgers}");
    assert!(
        ledgers.contains("Sortie zoo CE1-B – bordereau"),
        "{ledgers}"
    );
}

#[test]
fn escape_with_typed_lines_asks_before_losing_them() {
    let mut app = on_participations_tab(participations_book());
    let before = entry_count(&app);
    open_envelope(&mut app);
    line(&mut app, "dup", None, None);
    line(&mut app, "noe", None, None);
    key(&mut app, KeyCode::Esc);
    assert!(app.is_asking());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Quitter la saisie sans enregistrer"),
        "{screen}"
    );
    assert!(screen.contains("Les 2 lignes"), "{screen}");
    key(&mut app, KeyCode::Char('n'));
    let kept = render(&app, 80, 24);
    assert!(kept.contains(" 2. DUPUIS Noé"), "{kept}");
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('o'));
    let back = render(&app, 80, 24);
    assert!(back.contains("Appels à participation"), "{back}");
    assert_eq!(entry_count(&app), before);
    // Without lines, Échap leaves at once.
    open_envelope(&mut app);
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking());
}

#[test]
fn the_same_pupil_twice_is_refused_and_nothing_is_written() {
    let mut app = on_participations_tab(participations_book());
    let before = entry_count(&app);
    open_envelope(&mut app);
    line(&mut app, "dup", None, None);
    line(&mut app, "noe", None, None);
    line(&mut app, "dup", None, Some("5"));
    let warned = render(&app, 80, 24);
    assert!(warned.contains("deux fois dans l'enveloppe"), "{warned}");
    key(&mut app, KeyCode::F(10));
    let (text, error) = status_line(&app);
    assert!(error, "{text}");
    assert_eq!(entry_count(&app), before);
    let book = app.book().unwrap();
    let campaign = book.campaigns().unwrap()[0].id;
    assert!(book.contributions(campaign).unwrap().is_empty());
    let refused = render(&app, 80, 24);
    assert!(
        refused.contains("✗ Enveloppe refusée, rien n'a été écrit"),
        "{refused}"
    );
    assert!(refused.contains(" 3. DUPOND Léa"), "lines kept: {refused}");
    insta::assert_snapshot!("envelope_refused_80x24", refused);
    // Tab ×3 (amount, mode): the lines; Suppr removes the last one; F10 records.
    tab(&mut app, 3);
    key(&mut app, KeyCode::Delete);
    key(&mut app, KeyCode::F(10));
    let (text, error) = status_line(&app);
    assert!(!error, "{text}");
    assert!(text.contains("espèces 24,00 € (2 élèves)"), "{text}");
    assert_eq!(entry_count(&app), before + 1);
}

#[test]
fn a_wrong_amount_stays_on_the_line_with_its_reason() {
    let mut app = on_participations_tab(participations_book());
    open_envelope(&mut app);
    line(&mut app, "dup", None, Some("0"));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("✗ Montant : pour DUPOND Léa, « 0 » : le montant doit être"),
        "{screen}"
    );
    assert!(screen.contains("Élève    DUPOND Léa"), "{screen}");
    assert!(screen.contains("Enveloppe CE1-B : vide"), "{screen}");
    // Correcting the amount adds the line.
    key(&mut app, KeyCode::Backspace);
    chars(&mut app, "7,50");
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(screen.contains(" 1. DUPOND Léa"), "{screen}");
    assert!(screen.contains("7,50 €  espèces"), "{screen}");
}

#[test]
fn a_line_can_be_taken_back_and_corrected() {
    let mut app = on_participations_tab(participations_book());
    open_envelope(&mut app);
    line(&mut app, "dup", None, None);
    line(&mut app, "noe", None, None);
    tab(&mut app, 3);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Élève    DUPOND Léa"), "{screen}");
    assert!(!screen.contains(". DUPOND Léa"), "{screen}");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('v'));
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(screen.contains(" 2. DUPOND Léa"), "{screen}");
    assert!(screen.contains("12,00 €  virement"), "{screen}");
}

/// Léa gave 8,00 € in cash on 12/10: picking her shows it at once, and
/// adding a second line for her asks first (Échap: not added; o: added).
#[test]
fn a_pupil_already_recorded_shows_what_is_there_80x24() {
    let mut book = participations_book();
    let campaign = book.campaigns().unwrap()[0].id;
    let lea = book
        .pupils()
        .unwrap()
        .into_iter()
        .find(|p| p.display() == "DUPOND Léa")
        .unwrap();
    book.record_contribution(
        campaign,
        lea.id,
        coopcompta::domain::participation::ContributionLine {
            pupil_id: lea.id,
            amount: "8".into(),
            channel: coopcompta::domain::participation::Channel::Especes,
            payer: String::new(),
        },
        "12/10/2024",
    )
    .unwrap();
    let mut app = on_participations_tab(book);
    open_envelope(&mut app);
    chars(&mut app, "dupo");
    key(&mut app, KeyCode::Enter);
    let picked = render(&app, 80, 24);
    assert!(
        picked.contains("déjà : 8,00 € le 12/10, espèces"),
        "{picked}"
    );
    insta::assert_snapshot!(picked);

    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking(), "a second contribution is asked about");
    let question = render(&app, 80, 24);
    assert!(
        question.contains("DUPOND Léa (CE1-B) a déjà une participation"),
        "{question}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking());
    let back = render(&app, 80, 24);
    assert!(back.contains("Enveloppe CE1-B : vide"), "not added: {back}");
    assert!(back.contains("Élève    DUPOND Léa"), "still typed: {back}");

    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('o'));
    let added = render(&app, 80, 24);
    assert!(
        added.contains("Enveloppe CE1-B · 1 élève · versé 12,00 €"),
        "{added}"
    );
    assert!(
        !added.contains("déjà :"),
        "the editor is empty again: {added}"
    );
}

/// A letter typed in the amount stays text (it used to set the channel):
/// the mode is its own field, reached with Tab from the amount, where
/// e/l/v/c (or ←/→) choose it; the hint bar says so on each field.
#[test]
fn a_letter_in_the_amount_stays_text_and_the_mode_has_its_field() {
    let mut app = on_participations_tab(participations_book());
    open_envelope(&mut app);
    chars(&mut app, "dup");
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "12c");
    let typed = render(&app, 80, 24);
    assert!(typed.contains("Montant 12c"), "{typed}");
    assert!(typed.contains("espèces"), "the mode is unchanged: {typed}");
    assert!(typed.contains(" Tab  mode "), "the hint bar: {typed}");
    key(&mut app, KeyCode::Enter);
    let refused = render(&app, 80, 24);
    assert!(
        refused.contains("✗ Montant : pour DUPOND Léa, « 12c »"),
        "{refused}"
    );
    assert!(
        refused.contains("(pour le mode : Tab, puis e/l/v/c)"),
        "{refused}"
    );
    assert!(refused.contains("Enveloppe CE1-B : vide"), "{refused}");
    // Backspace, Tab: the mode field; c sets chèque, Entrée asks the payer.
    key(&mut app, KeyCode::Backspace);
    key(&mut app, KeyCode::Tab);
    let on_mode = render(&app, 80, 24);
    assert!(
        on_mode.contains(" e/l/v/c  mode "),
        "the hint bar: {on_mode}"
    );
    key(&mut app, KeyCode::Char('c'));
    assert_screens!("envelope_mode_field", app);
    key(&mut app, KeyCode::Right);
    assert!(
        render(&app, 80, 24).contains("espèces  e/l/v/c"),
        "→ turns round"
    );
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "M. DUPOND");
    key(&mut app, KeyCode::Enter);
    let added = render(&app, 80, 24);
    assert!(
        added.contains("12,00 €  chèque de M. DUPOND, à rendre"),
        "{added}"
    );
}
