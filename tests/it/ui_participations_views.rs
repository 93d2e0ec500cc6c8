//! The Participations tab around the quick entry: the campaigns and a new
//! one, the régies d'avance of the classes, the pupils. Participation is
//! voluntary: no screen shames a family. The cheques to give back:
//! `ui_participations_cheques`.

use crate::support::participations_tab::*;
use crate::support::ui::*;
use coopcompta::domain::Money;
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_campaigns_list_80x24() {
    let app = on_participations_tab(with_a_cheque());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("▸ Sortie zoo                     12,00 €     1 / 7      12,00 €"),
        "{screen}"
    );
    assert!(
        screen.contains("1 chèque reçu, à rendre (15,00 €)"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn a_new_campaign_from_the_form() {
    let mut app = on_participations_tab(participations_book());
    key(&mut app, KeyCode::Char('n'));
    chars(&mut app, "Sortie zoo");
    key(&mut app, KeyCode::Enter);
    let refused = render(&app, 80, 24);
    assert!(refused.contains("existe déjà dans l'exercice"), "{refused}");
    insta::assert_snapshot!("new_campaign_refused_80x24", refused);
    for _ in 0.."Sortie zoo".len() {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "Photos de classe");
    tab(&mut app, 3);
    chars(&mut app, "cp-a");
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(!error, "{text}");
    assert_eq!(
        text,
        "Campagne « Photos de classe » créée : s pour saisir l'enveloppe d'une classe"
    );
    let book = app.book().unwrap();
    let photos = book.find_campaign("Photos de classe").unwrap();
    assert_eq!(photos.suggested, None, "free amount");
    assert_eq!(photos.category_code, "75620008");
    let cp = book
        .classes()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "CP-A");
    assert_eq!(photos.class_ids, vec![cp.unwrap().id]);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("▸ Photos de classe"), "{screen}");
    assert!(screen.contains("montant libre"), "{screen}");
    // s opens the quick entry on that campaign: only CP-A is proposed.
    key(&mut app, KeyCode::Char('s'));
    let entry = render(&app, 80, 24);
    assert!(entry.contains("Campagne Photos de classe"), "{entry}");
    assert!(entry.contains("◂ CP-A ▸  3 élèves"), "{entry}");
}

#[test]
fn a_class_regie_advance_expense_and_return() {
    let mut app = on_participations_tab(participations_book());
    view(&mut app, 2);
    key(&mut app, KeyCode::Char('a'));
    tab(&mut app, 1);
    chars(&mut app, "50");
    tab(&mut app, 1);
    chars(&mut app, "Mme Roux");
    tab(&mut app, 1);
    chars(&mut app, "17");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Avance de 50,00 € remise à Mme Roux pour CE1-B (D005)".to_string(),
            false
        )
    );
    key(&mut app, KeyCode::Char('d'));
    tab(&mut app, 1);
    chars(&mut app, "20");
    tab(&mut app, 1);
    chars(&mut app, "Peinture et pinceaux");
    tab(&mut app, 1);
    chars(&mut app, "6068");
    key(&mut app, KeyCode::Enter); // picks 6068
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Dépense de 20,00 € de la régie CE1-B (D006)".to_string(),
            false
        )
    );
    let unsettled = render(&app, 80, 24);
    assert!(
        unsettled.contains(
            "▸ CE1-B      Mme Roux       50,00 €    20,00 €     0,00 €    30,00 €  non soldée"
        ),
        "{unsettled}"
    );
    assert!(
        unsettled.contains("1 régie non soldée : à solder avant le 31/08/2025"),
        "{unsettled}"
    );
    insta::assert_snapshot!("regie_not_settled_80x24", unsettled);
    assert_eq!(app.book().unwrap().unsettled_regies().unwrap().len(), 1);
    // r proposes what is left.
    key(&mut app, KeyCode::Char('r'));
    assert!(render(&app, 80, 24).contains("Montant         30,00"));
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(!error, "{text}");
    let book = app.book().unwrap();
    let regie = &book.regies().unwrap()[0];
    assert_eq!(regie.given, Money::from_cents(50_00));
    assert_eq!(regie.spent, Money::from_cents(20_00));
    assert_eq!(regie.returned, Money::from_cents(30_00));
    assert!(book.unsettled_regies().unwrap().is_empty());
    assert!(render(&app, 80, 24).contains("Toutes les régies sont soldées."));
}

#[test]
fn an_advance_needs_the_receipt_number() {
    let mut app = on_participations_tab(participations_book());
    view(&mut app, 2);
    key(&mut app, KeyCode::Char('a'));
    tab(&mut app, 1);
    chars(&mut app, "50");
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("✗ vide : le numéro du reçu signé"),
        "{screen}"
    );
    assert!(app.book().unwrap().regies().unwrap().is_empty());
}

#[test]
fn pupils_by_class_with_their_siblings() {
    let mut app = on_participations_tab(participations_book());
    view(&mut app, 3);
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "Martin");
    tab(&mut app, 1);
    chars(&mut app, "Zoé");
    tab(&mut app, 1);
    chars(&mut app, "CM1");
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(!error, "{text}");
    assert!(
        text.starts_with("Élève ajouté : MARTIN Zoé (CM1) · même famille que MARTIN Hugo (CE1-B)"),
        "{text}"
    );
    assert!(text.ends_with(" · classe CM1 créée"), "{text}");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("▸   MARTIN Zoé                 fratrie : Hugo (CE1-B), Jade (CP-A)"),
        "{screen}"
    );
    // At 80 columns the message takes two rows, over the list's hint; the
    // wide screen keeps both.
    let wide = render(&app, 160, 48);
    assert!(
        wide.contains("coopcompta import pupils FICHIER.csv"),
        "{wide}"
    );
    assert!(wide.contains(" · classe CM1 créée"), "{wide}");
    insta::assert_snapshot!("pupils_80x24", screen);
    // The same pupil again is refused in the form.
    key(&mut app, KeyCode::Char('a'));
    chars(&mut app, "martin");
    tab(&mut app, 1);
    chars(&mut app, "zoe");
    key(&mut app, KeyCode::Enter);
    assert!(render(&app, 80, 24).contains("MARTIN zoe est déjà en CM1"));
    assert_eq!(app.book().unwrap().pupils().unwrap().len(), 8);
}

#[test]
fn no_view_shames_a_family() {
    let mut app = on_participations_tab(with_a_cheque());
    let mut screens = Vec::new();
    for size in [(80, 24), (160, 48)] {
        screens.push(render(&app, size.0, size.1));
    }
    key(&mut app, KeyCode::Enter);
    screens.push(render(&app, 80, 24));
    key(&mut app, KeyCode::Esc);
    for _ in 0..4 {
        key(&mut app, KeyCode::Tab);
        screens.push(render(&app, 80, 24));
        screens.push(render(&app, 160, 48));
    }
    key(&mut app, KeyCode::Char('s'));
    screens.push(render(&app, 80, 24));
    key(&mut app, KeyCode::F(1));
    screens.push(render(&app, 160, 48));
    for screen in &screens {
        let lower = screen.to_lowercase();
        for word in [
            "impayé",
            "impaye",
            "n'a pas payé",
            "retard",
            "relance",
            "mauvais payeur",
        ] {
            assert!(!lower.contains(word), "« {word} » in {screen}");
        }
    }
}

#[test]
fn nothing_to_record_without_classes_or_campaigns() {
    let mut app = on_participations_tab(book());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Aucune campagne pour l'instant"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('s'));
    assert!(status_line(&app).1, "refused with a reason");
    key(&mut app, KeyCode::Enter);
    view(&mut app, 3);
    let pupils = render(&app, 80, 24);
    assert!(pupils.contains("Aucun élève"), "{pupils}");
}

/// A small deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % below
    }
}

#[test]
fn random_keys_on_the_tab_never_panic_nor_unbalance_the_books() {
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};
    let keys: Vec<KeyCode> = "sdupmarlvce0125,gojnrax"
        .chars()
        .map(KeyCode::Char)
        .chain([
            KeyCode::Enter,
            KeyCode::Enter,
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Esc,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::Backspace,
            KeyCode::Delete,
            KeyCode::F(10),
            KeyCode::F(1),
            KeyCode::PageDown,
        ])
        .collect();
    let mut writes = 0;
    for seed in 1..=4u64 {
        let mut rng = Lcg(seed);
        let mut app = on_participations_tab(with_a_cheque());
        let before = audit_rows(&app);
        for step in 0..2_000 {
            let code = keys[rng.next(keys.len())];
            app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
            if step % 5 == 0 {
                let (w, h) = [(80, 24), (160, 48), (100, 30), (81, 25)][rng.next(4)];
                render(&app, w, h);
            }
        }
        assert_books_sound(&app, &format!("seed {seed}"));
        writes += audit_rows(&app) - before;
    }
    // Without writes the check above would hold of the fixture alone.
    assert!(
        writes >= 5,
        "the random keys record something: {writes} writes"
    );
}

/// An advance names the teacher who takes the cash: proposed from the
/// class, required, kept on the class.
#[test]
fn a_regie_advance_names_its_teacher() {
    let mut book = participations_book();
    let ce1 = book.classes().unwrap()[0].id;
    book.set_class_teacher(ce1, "M. Petit").unwrap();
    let mut app = on_participations_tab(book);
    view(&mut app, 2);
    key(&mut app, KeyCode::Char('a'));
    let form = render(&app, 80, 24);
    assert!(form.contains("Enseignant      M. Petit"), "{form}");
    assert_screens!("regie_advance_form", app);
    // Tab to the teacher, typing replaces the proposed name; emptied: refused
    // under the field, nothing written.
    tab(&mut app, 1);
    chars(&mut app, "50");
    tab(&mut app, 1);
    for _ in 0.."M. Petit".len() {
        key(&mut app, KeyCode::Backspace);
    }
    tab(&mut app, 1);
    chars(&mut app, "17");
    key(&mut app, KeyCode::Enter);
    let refused = render(&app, 80, 24);
    assert!(
        refused.contains("✗ vide : le nom de l'enseignant qui reçoit"),
        "{refused}"
    );
    assert!(app.book().unwrap().regies().unwrap().is_empty());
    chars(&mut app, "Mme Roux");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Avance de 50,00 € remise à Mme Roux pour CE1-B (D005)".to_string(),
            false
        )
    );
    let book = app.book().unwrap();
    assert_eq!(book.classes().unwrap()[0].teacher, "Mme Roux");
    assert!(render(&app, 80, 24).contains("▸ CE1-B      Mme Roux       50,00 €"));
}

/// A refused campaign shows each error under its own field (by field,
/// not by the start of a message), the cursor on the first.
#[test]
fn a_refused_campaign_shows_each_error_under_its_field() {
    let mut app = on_participations_tab(participations_book());
    key(&mut app, KeyCode::Char('n'));
    tab(&mut app, 1);
    chars(&mut app, "0");
    tab(&mut app, 4);
    chars(&mut app, "32/13/2024");
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("✗ vide (ex. « Participation 2024-2025 », « Sortie zoo »)"),
        "{screen}"
    );
    assert!(
        screen.contains("✗ « 0 » : le montant doit être supérieur à zéro"),
        "{screen}"
    );
    assert!(!screen.contains("Nom de la campagne :"), "{screen}");
    assert_screens!("campaign_refused_fields", app);
    assert!(app.book().unwrap().campaigns().unwrap().len() == 1);
}
