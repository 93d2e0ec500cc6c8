//! The Participations tab's cheques to give back: returning one, marking
//! several, the history kept, the order of the list.

use crate::support::participations_tab::*;
use crate::support::ui::*;
use coopcompta::domain::participation::{Channel, ContributionLine, EnvelopeRequest};
use ratatui::crossterm::event::KeyCode;

#[test]
fn returning_a_cheque_clears_it() {
    let mut app = on_participations_tab(with_a_cheque());
    view(&mut app, 1);
    let list = render(&app, 80, 24);
    assert!(
        list.contains("▸ 14/10/2024 DUPOND           DUPOND Léa (CE1-B)  Sortie zoo"),
        "{list}"
    );
    insta::assert_snapshot!("cheques_80x24", list);
    key(&mut app, KeyCode::Char('r'));
    let form = render(&app, 80, 24);
    assert!(form.contains("Chèque rendu à la famille"), "{form}");
    assert!(form.contains("Rendu le        15/10/2024"), "{form}");
    // A date before the cheque came is refused under the field.
    chars(&mut app, "01/10/2024");
    key(&mut app, KeyCode::Enter);
    let refused = render(&app, 80, 24);
    assert!(
        refused.contains("est avant la réception du chèque"),
        "{refused}"
    );
    assert_eq!(app.book().unwrap().pending_cheques().unwrap().len(), 1);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "15/10/2024");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Chèque de DUPOND (15,00 €) rendu le 15/10/2024".to_string(),
            false
        )
    );
    assert!(app.book().unwrap().pending_cheques().unwrap().is_empty());
    assert!(render(&app, 80, 24).contains("Aucun chèque à rendre"));
    // The campaign view says it was given back.
    key(&mut app, KeyCode::BackTab);
    key(&mut app, KeyCode::Enter);
    let campaign = render(&app, 80, 24);
    assert!(
        campaign.contains("15,00 € (chèque rendu le 15/10/2024)"),
        "{campaign}"
    );
}

#[test]
fn several_cheques_can_be_marked_and_their_total_shows() {
    let mut book = participations_book();
    let campaign = book.campaigns().unwrap()[0].id;
    let pupils = book.pupils().unwrap();
    let pupil = |nom: &str| pupils.iter().find(|p| p.nom == nom).unwrap().clone();
    let (dupond, dupuis) = (pupil("Dupond"), pupil("Dupuis"));
    let cheque = |p: &coopcompta::domain::participation::Pupil, amount: &str| ContributionLine {
        pupil_id: p.id,
        amount: amount.into(),
        channel: Channel::Cheque,
        payer: String::new(),
    };
    book.record_envelope(&EnvelopeRequest {
        campaign_id: campaign,
        class_id: dupond.class_id,
        date: "14/10/2024".into(),
        lines: vec![cheque(&dupond, "15"), cheque(&dupuis, "12")],
    })
    .unwrap();
    let mut app = on_participations_tab(book);
    view(&mut app, 1);
    let before = render(&app, 80, 24);
    assert!(!before.contains("marqué"), "{before}");
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char(' '));
    let both = render(&app, 80, 24);
    assert!(both.contains("2 marqués : 27,00 €"), "{both}");
    assert!(
        both.contains(" ✓14/10/2024 DUPOND"),
        "the first row is marked: {both}"
    );
    assert!(
        both.contains("▸✓14/10/2024 DUPUIS"),
        "the selected row too: {both}"
    );
    key(&mut app, KeyCode::Char(' '));
    let one = render(&app, 80, 24);
    assert!(one.contains("1 marqué : 15,00 €"), "{one}");
    assert!(one.contains("▸ 14/10/2024 DUPUIS"), "unmarked again: {one}");
    // Marking writes nothing.
    assert_eq!(app.book().unwrap().pending_cheques().unwrap().len(), 2);
}

/// A cheque given back keeps its history: the view lists the cheques to
/// give back first, then those given back, "rendu le … à …"; `r` asks the
/// date (today) and to whom (optional); a cheque given back is not given
/// back twice.
#[test]
fn a_returned_cheque_keeps_its_history() {
    let mut app = on_participations_tab(with_a_cheque());
    view(&mut app, 1);
    key(&mut app, KeyCode::Char('r'));
    let form = render(&app, 80, 24);
    assert!(form.contains("Rendu à"), "{form}");
    assert!(form.contains("facultatif"), "{form}");
    tab(&mut app, 1);
    chars(&mut app, "Mme Dupond");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Chèque de DUPOND (15,00 €) rendu le 15/10/2024 à Mme Dupond".to_string(),
            false
        )
    );
    let list = render(&app, 80, 24);
    assert!(list.contains("Aucun chèque à rendre."), "{list}");
    assert!(list.contains("─ Rendu (1) ─"), "{list}");
    assert!(
        list.contains("▸ 14/10/2024 DUPOND           DUPOND Léa (CE1-B)  Sortie zoo"),
        "the cheque stays in the list: {list}"
    );
    assert!(
        list.contains("↳ rendu le 15/10/2024 à Mme Dupond"),
        "{list}"
    );
    assert!(list.contains("0 chèque à rendre · 0,00 €"), "{list}");
    assert_screens!("cheque_returned", app);
    let book = app.book().unwrap();
    let cheque = &book.all_cheques().unwrap()[0];
    assert_eq!(cheque.returned_by, "Mme Dupond");
    // r again: refused, nothing asked.
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(
        status_line(&app),
        (
            "Chèque de DUPOND (15,00 €) déjà rendu le 15/10/2024 à Mme Dupond".to_string(),
            true
        )
    );
    assert!(!render(&app, 80, 24).contains("Chèque rendu à la famille"));
}

/// Two cheques, one given back: the one to give back comes first.
#[test]
fn cheques_to_give_back_come_before_those_given_back() {
    let mut book = with_a_cheque();
    let campaign = book.campaigns().unwrap()[0].id;
    let hugo = book
        .pupils()
        .unwrap()
        .into_iter()
        .find(|p| p.nom == "Martin" && p.prenom == "Hugo")
        .unwrap();
    book.record_contribution(
        campaign,
        hugo.id,
        ContributionLine {
            pupil_id: hugo.id,
            amount: "20".into(),
            channel: Channel::Cheque,
            payer: "M. MARTIN".into(),
        },
        "15/10/2024",
    )
    .unwrap();
    let first = book.pending_cheques().unwrap()[0].id;
    book.return_cheque_to(first, "15/10/2024", "par l'enseignante")
        .unwrap();
    let mut app = on_participations_tab(book);
    view(&mut app, 1);
    let list = render(&app, 80, 24);
    let martin = list.find("M. MARTIN").expect("to give back");
    let rendus = list.find("─ Rendu (1) ─").expect("the returned ones");
    let dupond = list.find("DUPOND Léa").expect("given back");
    assert!(martin < rendus && rendus < dupond, "{list}");
    assert!(
        list.contains("↳ rendu le 15/10/2024 par l'enseignante"),
        "{list}"
    );
    assert!(list.contains("1 chèque à rendre · 20,00 €"), "{list}");
}
