//! The Migration tab: the checklist urgent first, a step's help, marking,
//! notes, hiding, adding and moving steps, steps that follow the books.

use crate::support::ui::*;
use chrono::NaiveDate;
use coopcompta::domain::checklist::StepStatus;
use coopcompta::ui::App;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[test]
fn migration_tab_80x24_urgent_first() {
    let app = on_migration_tab(book());
    let views = checklist(&app);
    assert_eq!(views[0].key, "affiliation");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("▸ urgent · à faire   Renouveler l'affiliation OCCE de l'année"),
        "{screen}"
    );
    assert!(
        screen.contains("Migration : 0 étape réglée sur 15"),
        "{screen}"
    );
    assert!(
        screen.contains("attend : Renouveler l'affiliation OCCE de l'année"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
}

#[test]
fn migration_tab_160x48_shows_the_help_beside_the_list() {
    let app = on_migration_tab(book());
    let screen = render(&app, 160, 48);
    assert!(screen.contains("Aide de l'étape"), "{screen}");
    assert!(screen.contains("Elle débloque :"), "{screen}");
    insta::assert_snapshot!(screen);
}

#[test]
fn enter_opens_the_step_help_80x24() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "lien-swan");
    key(&mut app, KeyCode::Enter);
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Étape de la migration"), "{screen}");
    assert!(screen.contains("carte d'identité"), "{screen}");
    insta::assert_snapshot!(screen);
    // The help scrolls to what the step unlocks, then Échap closes it.
    for _ in 0..20 {
        key(&mut app, KeyCode::Down);
    }
    let scrolled = render(&app, 80, 24);
    assert!(scrolled.contains("Elle débloque :"), "{scrolled}");
    assert!(
        scrolled.contains("Commander la carte bancaire de la"),
        "{scrolled}"
    );
    insta::assert_snapshot!("step_help_scrolled_80x24", scrolled);
    // Début and Fin go to either end at once, as in the other helps.
    key(&mut app, KeyCode::Home);
    assert_eq!(render(&app, 80, 24), screen);
    key(&mut app, KeyCode::End);
    assert_eq!(render(&app, 80, 24), scrolled);
    key(&mut app, KeyCode::Esc);
    assert!(!render(&app, 80, 24).contains("Étape de la migration"));
}

#[test]
fn f_marks_affiliation_done_today_and_the_next_step_comes_first() {
    let mut app = on_migration_tab(book());
    key(&mut app, KeyCode::Char('f'));
    let affiliation = step_view(&app, "affiliation");
    assert_eq!(affiliation.status, StepStatus::Fait);
    assert_eq!(affiliation.done_on, NaiveDate::from_ymd_opt(2024, 10, 15));
    let views = checklist(&app);
    assert_eq!(views[0].key, "inscription-assoconnect");
    assert!(views[0].urgent);
    assert_eq!(
        status_text(&app),
        "« Renouveler l'affiliation OCCE de l'année » : fait le 15/10/2024"
    );
    // The step left for the settled ones; the cursor stayed in place, on
    // the step that took its place: the next one to do.
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("▸ urgent · à faire   Inscrire la"),
        "{screen}"
    );
    assert!(screen.contains("1 étape réglée sur 15"), "{screen}");
}

#[test]
fn capital_f_asks_the_date_and_refuses_a_wrong_one() {
    let mut app = on_migration_tab(book());
    key(&mut app, KeyCode::Char('F'));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Étape faite le") && screen.contains("15/10/2024"),
        "{screen}"
    );
    chars(&mut app, "31/02/2024");
    key(&mut app, KeyCode::Enter);
    let refused = render(&app, 80, 24);
    assert!(refused.contains("✗"), "{refused}");
    insta::assert_snapshot!("date_refused_80x24", refused);
    assert_eq!(step_view(&app, "affiliation").status, StepStatus::AFaire);
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "02/09/2024");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        step_view(&app, "affiliation").status_text(),
        "fait le 02/09/2024"
    );
    assert!(!render(&app, 80, 24).contains("Étape faite le"));
}

#[test]
fn c_s_and_r_set_and_reset_a_status() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "deuxieme-mandataire");
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(
        step_view(&app, "deuxieme-mandataire").status,
        StepStatus::EnCours
    );
    key(&mut app, KeyCode::Char('s'));
    assert_eq!(
        status_text(&app),
        "« Ajouter un deuxième mandataire » : sans objet"
    );
    assert_eq!(
        step_view(&app, "deuxieme-mandataire").status,
        StepStatus::SansObjet
    );
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(
        step_view(&app, "deuxieme-mandataire").status,
        StepStatus::AFaire
    );
}

#[test]
fn a_step_derived_from_the_books_shows_it_and_can_be_overridden() {
    let mut app = on_migration_tab(lbp_transferred());
    let lbp = step_view(&app, "solde-lbp-recu");
    assert_eq!(lbp.status_text(), "fait le 14/10/2024");
    key(&mut app, KeyCode::End);
    select_step(&mut app, "solde-lbp-recu");
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("▸ fait le 14/10/2024      Constater l'arrivée du solde LBP"),
        "{screen}"
    );
    // "0,00 €" is never cut from its sign: it goes on the next row.
    assert!(
        screen.contains("d'après les comptes : solde reçu, ancien compte à")
            && screen.contains("0,00 €"),
        "{screen}"
    );
    // Done from the books: the steps it needs were done too.
    assert!(
        screen.contains("  fait (d'après la suite) Renvoyer le formulaire de reversement"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    // By hand, the user's word wins until r gives the step back to the books.
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(
        step_view(&app, "solde-lbp-recu").status,
        StepStatus::EnCours
    );
    assert!(step_view(&app, "solde-lbp-recu").manual);
    // It left the settled steps: the cursor stayed in place; find it again.
    select_step(&mut app, "solde-lbp-recu");
    assert!(
        render(&app, 80, 24).contains("réglé à la main · les comptes : solde reçu"),
        "{}",
        render(&app, 80, 24)
    );
    key(&mut app, KeyCode::Char('r'));
    assert_eq!(
        status_text(&app),
        "« Constater l'arrivée du solde LBP sur le Compte Pro » : fait le 14/10/2024 (d'après les comptes)"
    );
    select_step(&mut app, "solde-lbp-recu");
    key(&mut app, KeyCode::Enter);
    let help = render(&app, 80, 24);
    assert!(help.contains("Ce que disent les comptes"), "{help}");
}

#[test]
fn the_tab_is_refreshed_when_shown_after_a_transfer_typed_in_ecritures() {
    let mut app = on_migration_tab(book());
    assert_eq!(step_view(&app, "solde-lbp-recu").status, StepStatus::AFaire);
    key(&mut app, KeyCode::Char('1'));
    // Left pane: Caisse → Collectes en ligne → Ancien compte LBP.
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('c'));
    key(&mut app, KeyCode::Char('v'));
    assert!(app.form_open());
    tab(&mut app, 4);
    chars(&mut app, "812,37");
    tab(&mut app, 1);
    chars(&mut app, "Solde LBP");
    key(&mut app, KeyCode::Enter);
    assert!(!app.form_open(), "{}", render(&app, 80, 24));
    key(&mut app, KeyCode::Char('4'));
    key(&mut app, KeyCode::End);
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("solde reçu, ancien compte à") && screen.contains("0,00 €"),
        "{screen}"
    );
}

#[test]
fn m_writes_a_note_and_esc_leaves_it_unchanged() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "lien-swan");
    key(&mut app, KeyCode::Char('m'));
    chars(&mut app, "courriel Swan reçu le 10/10");
    insta::assert_snapshot!("note_input_80x24", render(&app, 80, 24));
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        step_view(&app, "lien-swan").note,
        "courriel Swan reçu le 10/10"
    );
    assert_eq!(
        status_text(&app),
        "« Valider le lien Swan et prouver votre identité » : note enregistrée"
    );
    assert!(render(&app, 80, 24).contains("note : courriel Swan reçu le 10/10"));
    key(&mut app, KeyCode::Char('m'));
    chars(&mut app, " et perdu");
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        step_view(&app, "lien-swan").note,
        "courriel Swan reçu le 10/10"
    );
}

#[test]
fn h_then_o_hides_a_step_and_n_keeps_it() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "deuxieme-mandataire");
    key(&mut app, KeyCode::Char('h'));
    assert!(app.is_asking());
    let question = render(&app, 80, 24);
    assert!(
        question.contains("Masquer l'étape « Ajouter un deuxième mandataire » ?"),
        "{question}"
    );
    key(&mut app, KeyCode::Char('n'));
    assert!(
        checklist(&app)
            .iter()
            .any(|v| v.key == "deuxieme-mandataire")
    );
    key(&mut app, KeyCode::Char('h'));
    key(&mut app, KeyCode::Char('o'));
    assert!(
        !checklist(&app)
            .iter()
            .any(|v| v.key == "deuxieme-mandataire")
    );
    assert!(
        checklist_steps(&app)
            .iter()
            .any(|s| s.key == "deuxieme-mandataire" && s.hidden)
    );
    assert_eq!(
        status_text(&app),
        "« Ajouter un deuxième mandataire » masquée"
    );
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("sur 14") && screen.contains("· 1 masquée"),
        "{screen}"
    );
    // H shows it again, with the cursor on it.
    key(&mut app, KeyCode::Char('H'));
    assert_eq!(status_text(&app), "1 étape réaffichée");
    assert!(
        checklist(&app)
            .iter()
            .any(|v| v.key == "deuxieme-mandataire")
    );
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("▸ en attente         Ajouter un deuxième mandataire"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('H'));
    assert_eq!(status_text(&app), "Aucune étape masquée");
}

#[test]
fn a_adds_a_step_at_the_end_and_refuses_an_empty_title() {
    let mut app = on_migration_tab(book());
    key(&mut app, KeyCode::Char('a'));
    key(&mut app, KeyCode::Enter);
    let refused = render(&app, 80, 24);
    assert!(
        refused.contains("✗ vide : donnez un titre à l'étape"),
        "{refused}"
    );
    chars(&mut app, "Prévenir la mairie");
    key(&mut app, KeyCode::Enter);
    let last = checklist_steps(&app).pop().unwrap();
    assert_eq!(last.title, "Prévenir la mairie");
    assert!(last.user_added);
    assert_eq!(
        status_text(&app),
        "« Prévenir la mairie » ajoutée (à faire)"
    );
    // The cursor is on the new step: its help says it is the user's own.
    key(&mut app, KeyCode::Enter);
    assert!(render(&app, 80, 24).contains("Étape ajoutée par vous"));
}

#[test]
fn plus_and_minus_move_a_step_within_its_group() {
    let mut app = on_migration_tab(book());
    let keys = |app: &App| -> Vec<String> { checklist(app).into_iter().map(|v| v.key).collect() };
    let before = keys(&app);
    let at = before.iter().position(|k| k == "carte-commandee").unwrap();
    assert_eq!(before[at - 1], "lien-swan");
    select_step(&mut app, "carte-commandee");
    key(&mut app, KeyCode::Char('+'));
    let after = keys(&app);
    assert_eq!(after[at - 1], "carte-commandee");
    assert_eq!(after[at], "lien-swan");
    // The cursor followed the step: a second + moves it again.
    key(&mut app, KeyCode::Char('+'));
    assert_eq!(keys(&app)[at - 2], "carte-commandee");
    key(&mut app, KeyCode::Char('-'));
    key(&mut app, KeyCode::Char('-'));
    assert_eq!(keys(&app), before);
    // The urgent step leads its own group: it cannot go higher.
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char('+'));
    assert!(status_text(&app).contains("déjà en tête de son groupe"));
    assert_eq!(keys(&app), before);
}

#[test]
fn the_hint_bar_and_the_help_show_the_migration_keys() {
    use coopcompta::ui::keymap::Context;
    let mut app = on_migration_tab(book());
    let narrow = render(&app, 80, 24);
    let bar = narrow.lines().last().unwrap();
    for hint in ["Entrée", "détail", " f ", "fait", "en cours", "sans objet"] {
        assert!(bar.contains(hint), "{hint} missing from {bar}");
    }
    let wide = render(&app, 160, 48);
    let bar = wide.lines().last().unwrap();
    for hint in ["à faire", "note", "masquer", "ajouter", "quitter"] {
        assert!(bar.contains(hint), "{hint} missing from {bar}");
    }
    key(&mut app, KeyCode::Char('?'));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&render(&app, 100, 40));
        key(&mut app, KeyCode::Down);
    }
    for binding in Context::Migration.bindings() {
        assert!(seen.contains(binding.desc), "{} missing", binding.desc);
    }
}

#[test]
fn random_keys_on_the_tab_never_panic() {
    const KEYS: &[KeyCode] = &[
        KeyCode::Char('f'),
        KeyCode::Char('F'),
        KeyCode::Char('c'),
        KeyCode::Char('s'),
        KeyCode::Char('r'),
        KeyCode::Char('m'),
        KeyCode::Char('h'),
        KeyCode::Char('H'),
        KeyCode::Char('a'),
        KeyCode::Char('o'),
        KeyCode::Char('n'),
        KeyCode::Char('+'),
        KeyCode::Char('-'),
        KeyCode::Char('x'),
        KeyCode::Char('?'),
        KeyCode::Enter,
        KeyCode::Esc,
        KeyCode::Up,
        KeyCode::Down,
        KeyCode::PageUp,
        KeyCode::PageDown,
        KeyCode::Home,
        KeyCode::End,
        KeyCode::Backspace,
    ];
    let mut state = 7u64;
    let mut next = |below: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % below
    };
    let mut app = on_migration_tab(book());
    for step in 0..2_000 {
        let code = KEYS[next(KEYS.len())];
        app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
        if step % 5 == 0 {
            let (w, h) = [(80, 24), (160, 48), (100, 30), (120, 40)][next(4)];
            render(&app, w, h);
        }
    }
    assert!(!app.should_quit());
    assert!(app.book().is_some());
}

#[test]
fn f_on_a_step_with_pending_prerequisites_offers_to_mark_them_too() {
    let mut app = on_migration_tab(book());
    let audit = audit_rows(&app);
    select_step(&mut app, "lien-assoconnect");
    let at = checklist(&app)
        .iter()
        .position(|v| v.key == "lien-assoconnect")
        .unwrap();
    key(&mut app, KeyCode::Char('f'));
    assert!(app.is_asking());
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("Les marquer") && screen.contains("Renouveler l'affiliation OCCE"),
        "{screen}"
    );
    insta::assert_snapshot!("mark_also_question_80x24", screen);
    assert_eq!(audit_rows(&app), audit, "nothing written while asking");
    key(&mut app, KeyCode::Char('o'));
    for step in ["affiliation", "inscription-assoconnect", "lien-assoconnect"] {
        let view = step_view(&app, step);
        assert_eq!(view.status_text(), "fait le 15/10/2024", "{step}");
    }
    assert_eq!(audit_rows(&app), audit + 1, "one transaction");
    assert_eq!(
        status_text(&app),
        "« Valider le lien reçu d'AssoConnect » faite, et les 2 étapes qu'elle attendait"
    );
    // The cursor stayed at its place in the list.
    assert_eq!(
        render(&app, 80, 24)
            .lines()
            .filter(|l| l.contains('▸'))
            .count(),
        1
    );
    let views = checklist(&app);
    assert!(
        render(&app, 80, 24).contains(&format!("▸ {}", views[at].status_text())),
        "{}",
        render(&app, 80, 24)
    );
}

#[test]
fn n_to_the_question_marks_only_the_step() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "inscription-assoconnect");
    key(&mut app, KeyCode::Char('f'));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("La marquer aussi comme faite ?"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('n'));
    assert_eq!(
        step_view(&app, "inscription-assoconnect").status,
        StepStatus::Fait
    );
    assert_eq!(step_view(&app, "affiliation").status, StepStatus::AFaire);
}

#[test]
fn capital_f_with_pending_prerequisites_asks_after_the_date() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "inscription-assoconnect");
    key(&mut app, KeyCode::Char('F'));
    chars(&mut app, "31/02/2024");
    key(&mut app, KeyCode::Enter);
    // A wrong date is refused under the input before any question.
    assert!(!app.is_asking());
    assert!(render(&app, 80, 24).contains("✗"));
    for _ in 0..10 {
        key(&mut app, KeyCode::Backspace);
    }
    chars(&mut app, "02/10/2024");
    key(&mut app, KeyCode::Enter);
    assert!(app.is_asking());
    key(&mut app, KeyCode::Char('o'));
    assert!(!app.is_asking());
    assert!(!render(&app, 80, 24).contains("Étape faite le"));
    for step in ["affiliation", "inscription-assoconnect"] {
        assert_eq!(
            step_view(&app, step).status_text(),
            "fait le 02/10/2024",
            "{step}"
        );
    }
}

#[test]
fn a_step_done_from_the_books_shows_its_prerequisites_done_after_it() {
    let app = on_migration_tab(lbp_transferred());
    // Nothing stored for them: the books say the later step is done.
    let stored = checklist_steps(&app);
    let swan = stored.iter().find(|s| s.key == "lien-swan").unwrap();
    assert_eq!(swan.status, StepStatus::AFaire);
    for step in ["affiliation", "lien-swan", "formulaire-solde-lbp"] {
        let view = step_view(&app, step);
        assert_eq!(view.status_text(), "fait (d'après la suite)", "{step}");
        assert!(!view.is_waiting(), "{step}");
    }
    // A step it does not need keeps its own state.
    assert_eq!(
        step_view(&app, "premier-virement-collecte").status_text(),
        "en attente"
    );
}

#[test]
fn the_step_keys_work_in_the_step_help() {
    let mut app = on_migration_tab(book());
    select_step(&mut app, "deuxieme-mandataire");
    key(&mut app, KeyCode::Enter);
    assert!(render(&app, 80, 24).contains("Étape de la migration"));
    // `m`, named in the help ("m pour en écrire une"), opens the note.
    key(&mut app, KeyCode::Char('m'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Note de l'étape"), "{screen}");
    assert!(!screen.contains("Étape de la migration"), "{screen}");
    chars(&mut app, "Mme Martin");
    key(&mut app, KeyCode::Enter);
    assert_eq!(step_view(&app, "deuxieme-mandataire").note, "Mme Martin");
    // `c` from the help marks the step.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('c'));
    assert_eq!(
        step_view(&app, "deuxieme-mandataire").status,
        StepStatus::EnCours
    );
    assert!(!render(&app, 80, 24).contains("Étape de la migration"));
}
