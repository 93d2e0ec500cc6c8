//! The Rapprochement tab: bank lines on the left, the books on the right,
//! suggestions marked, the selection's total and its difference in the
//! footer (its popups: `ui_rapprochement_popups`). Bank lines are seeded
//! straight into `import_batch` and `bank_line`; every key then goes
//! through the real `Book`: what it matched is read back from the base,
//! and a refusal shows next to what asked with nothing written.

use crate::support::reconcile::*;
use crate::support::ui::*;
use coopcompta::domain::MoneyKey;
use coopcompta::ui::{Action, App};
use ratatui::crossterm::event::KeyCode;

#[test]
fn the_empty_tab_says_how_to_import() {
    let app = on_tab(book());
    let screen = render_wide(&app);
    assert!(
        screen.contains("Aucun relevé importé : i pour importer le relevé du Compte Pro"),
        "{screen}"
    );
    assert_screens!("empty_tab", app);
}

#[test]
fn the_other_account_has_its_own_empty_state() {
    let mut app = on_tab(seeded_book());
    key(&mut app, KeyCode::Char('c'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Ancien compte LBP (c : autre compte)"),
        "{screen}"
    );
    assert!(
        screen.contains("i pour importer le relevé de l'Ancien compte LBP"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('c'));
    assert!(render_wide(&app).contains("Compte Pro (c : autre compte)"));
}

#[test]
fn seeded_lines_show_their_suggestions() {
    let app = on_tab(seeded_book());
    let screen = render_wide(&app);
    for piece in ["≈ D001", "≈ D002", "≈ V001", "≈ D004"] {
        assert!(screen.contains(piece), "{piece}: {screen}");
    }
    assert!(
        screen.contains("5 lignes à rapprocher, 4 écritures sans ligne · 4 suggestions sûres (A : tout accepter)"),
        "{screen}"
    );
    // At 80 columns the label is cut in its row: the pane's bottom
    // gives it whole (as far as it goes).
    let small = render_small(&app);
    assert!(
        small.contains("└── CARTE X1234 16/09 PAPETERIE DU CENT… ┘"),
        "{small}"
    );
    assert_screens!("seeded_lines", app);
}

/// The piece(s) the bank line of `date` is matched to, in the book.
fn matched_pieces(app: &App, date: &str) -> Vec<String> {
    let conn = app.book().unwrap().conn();
    let mut stmt = conn
        .prepare(
            "SELECT e.piece FROM bank_match m JOIN bank_line l ON l.id = m.bank_line_id
             JOIN entry e ON e.id = m.entry_id WHERE l.date = ?1 ORDER BY e.piece",
        )
        .unwrap();
    stmt.query_map([date], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
}

#[test]
fn marks_add_up_in_the_footer_and_m_matches_them() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    // The line of 09/10 (-250,00 €), the last one.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Tab);
    // The books: D001, D002, V001, D004; D004 is the last one.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char(' '));
    let screen = render_small(&app);
    assert!(
        screen.contains("Sélection : 1 écriture, total -250,00 € — ligne -250,00 € — écart 0,00 €"),
        "{screen}"
    );
    assert_screens!("marked_selection", app);
    // Space again (the cursor stays on the last entry) unmarks.
    key(&mut app, KeyCode::Char(' '));
    assert!(render_small(&app).contains("Sélection : 0 écriture"));
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status_line(&app),
        (
            "Ligne du 09/10/2024 (-250,00 €) rapprochée de D004".to_string(),
            false
        )
    );
    assert_eq!(matched_pieces(&app, "2024-10-09"), ["D004"]);
    assert_eq!(audit_rows(&app), audit + 1);
    let screen = render_wide(&app);
    assert!(screen.contains("-250,00 € ✓ D004"), "{screen}");
    assert!(
        screen.contains("Sélection : 0 écriture"),
        "marks cleared: {screen}"
    );
    assert!(
        screen.contains("4 lignes à rapprocher, 3 écritures sans ligne"),
        "{screen}"
    );
}

#[test]
fn several_entries_that_add_up_match_one_line() {
    let book = seeded_book();
    // One bank debit paying both D001 and D002.
    seed_lines(
        &book,
        MoneyKey::Pro,
        "releve-novembre.csv",
        &[("2024-09-25", -118_540, "VIR GROUPE FOURNITURES ET OCCE")],
    );
    let mut app = on_tab(book);
    let audit = audit_rows(&app);
    // Lines by date: 16/09, 21/09, 23/09, 25/09 (the fourth).
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char(' '));
    assert!(
        render_small(&app).contains("écart -1 123,00 €"),
        "{}",
        render_small(&app)
    );
    key(&mut app, KeyCode::Char(' '));
    let screen = render_small(&app);
    assert!(
        screen.contains(
            "Sélection : 2 écritures, total -1 185,40 € — ligne -1 185,40 € — écart 0,00 €"
        ),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status_text(&app),
        "Ligne du 25/09/2024 (-1 185,40 €) rapprochée de D001, D002"
    );
    assert_eq!(matched_pieces(&app, "2024-09-25"), ["D001", "D002"]);
    assert_eq!(audit_rows(&app), audit + 1);
    assert!(
        render_wide(&app).contains("✓ D001+D002"),
        "{}",
        render_wide(&app)
    );
}

#[test]
fn matching_a_selection_that_does_not_add_up_is_refused() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status_line(&app),
        (
            "Écart de -187,60 € : les écritures marquées font -62,40 €, la ligne -250,00 € ; rien n'est rapproché".to_string(),
            true
        )
    );
    assert_nothing_written(&app, audit, 1);
    // Nothing marked: said too.
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char('m'));
    assert_eq!(
        status_text(&app),
        "Aucune écriture marquée : Espace sur les écritures du volet de droite"
    );
    assert_nothing_written(&app, audit, 1);
}

#[test]
fn enter_accepts_the_suggestion_and_the_book_has_the_match() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    // Entrée on the first line accepts its suggestion (D001).
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Ligne du 16/09/2024 (-62,40 €) rapprochée de D001".to_string(),
            false
        )
    );
    assert_eq!(matched_pieces(&app, "2024-09-16"), ["D001"]);
    assert_eq!(count(&app, "bank_match"), 1);
    assert_eq!(audit_rows(&app), audit + 1);
    let screen = render_wide(&app);
    assert!(screen.contains("-62,40 € ✓ D001"), "{screen}");
    assert!(
        screen.contains("4 lignes à rapprocher, 3 écritures sans ligne"),
        "{screen}"
    );
    assert_screens!("suggestion_accepted", app);
    // A line without a suggestion (the bank fees of 30/09): what to do
    // instead, and nothing written.
    key(&mut app, KeyCode::Home);
    while !render_small(&app).contains("▸ 30/09") {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_line(&app),
        (
            "Pas de suggestion : marquez (Espace) puis m, ou n pour créer l'écriture".to_string(),
            true
        )
    );
    // Un-matching a line not matched.
    key(&mut app, KeyCode::Char('x'));
    assert_eq!(
        status_text(&app),
        "La ligne du 30/09/2024 n'est pas rapprochée"
    );
    assert_eq!(count(&app, "bank_match"), 1);
    assert_eq!(audit_rows(&app), audit + 1);
}

#[test]
fn accepting_all_asks_how_many_first() {
    let mut app = on_tab(seeded_book());
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('A'));
    assert!(app.is_asking());
    let screen = render_small(&app);
    assert!(
        screen.contains("Accepter les 4 suggestions sûres"),
        "{screen}"
    );
    key(&mut app, KeyCode::Esc);
    assert!(!app.is_asking());
    assert_nothing_written(&app, audit, 1);
    key(&mut app, KeyCode::Char('A'));
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(
        status_line(&app),
        ("4 lignes rapprochées · 1 à rapprocher".to_string(), false)
    );
    assert_eq!(count(&app, "bank_match"), 4);
    assert_eq!(matched_pieces(&app, "2024-09-21"), ["D002"]);
    assert_eq!(matched_pieces(&app, "2024-09-23"), ["V001"]);
    assert_eq!(audit_rows(&app), audit + 1);
    let screen = render_wide(&app);
    assert!(
        screen.contains("1 ligne à rapprocher, 0 écriture sans ligne"),
        "{screen}"
    );
    // Nothing left to accept: said, nothing asked.
    key(&mut app, KeyCode::Char('A'));
    assert!(!app.is_asking());
    assert_eq!(
        status_text(&app),
        "Aucune suggestion sur le Compte Pro : rien à accepter"
    );
}

#[test]
fn escape_never_quits_and_tab_moves_the_focus() {
    let mut app = on_tab(seeded_book());
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    assert_eq!(
        app.contexts(),
        vec![
            coopcompta::ui::keymap::Context::ReconcileLine,
            coopcompta::ui::keymap::Context::Reconcile,
            coopcompta::ui::keymap::Context::Global
        ]
    );
    key(&mut app, KeyCode::Tab);
    assert_eq!(
        app.contexts()[0],
        coopcompta::ui::keymap::Context::Reconcile,
        "the books' pane: no line keys"
    );
    // Space marks where the cursor is, then moves down.
    key(&mut app, KeyCode::Char(' '));
    key(&mut app, KeyCode::Char(' '));
    assert!(render_small(&app).contains("Sélection : 2 écritures, total -1 185,40 €"));
    key(&mut app, KeyCode::Left);
    assert_eq!(
        app.contexts()[0],
        coopcompta::ui::keymap::Context::ReconcileLine
    );
    // The filter keeps the marks; f twice is back to every line.
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('f'));
    assert!(render_small(&app).contains("Sélection : 2 écritures"));
}

#[test]
fn the_help_lists_every_key_of_the_tab() {
    let mut app = on_tab(seeded_book());
    act(&mut app, Action::Help);
    let screen = render_wide(&app);
    assert!(
        screen.contains("Rapprochement : la ligne du relevé"),
        "{screen}"
    );
    assert_screens!("help", app);
}

#[test]
fn the_hint_bar_fits_at_80_columns() {
    let app = on_tab(seeded_book());
    let screen = render_small(&app);
    let bar = screen.lines().last().unwrap();
    for hint in ["accepter", "créer", "lier", "importer", "aide"] {
        assert!(bar.contains(hint), "{hint}: {bar}");
    }
}

#[test]
fn matched_lines_come_last_with_their_piece_and_can_be_filtered_out() {
    let book = seeded_book();
    seed_match(&book, "2024-09-16", "D001");
    let mut app = on_tab(book);
    let screen = render_wide(&app);
    assert!(screen.contains("✓ D001"), "{screen}");
    assert!(
        screen.contains("4 lignes à rapprocher, 3 écritures sans ligne"),
        "{screen}"
    );
    let at = |s: &str, what: &str| s.find(what).unwrap_or_else(|| panic!("{what}: {s}"));
    assert!(
        at(&screen, "PRLV SEPA CARS") < at(&screen, "CARTE X1234"),
        "matched last"
    );
    key(&mut app, KeyCode::Char('f'));
    let screen = render_wide(&app);
    assert!(!screen.contains("CARTE X1234"), "{screen}");
    assert!(
        screen.contains("Relevé Compte Pro : 4 à rapprocher sur 5"),
        "{screen}"
    );
    let small = render_small(&app);
    assert!(small.contains("┌ À rapprocher : 4 sur 5 ─"), "{small}");
    key(&mut app, KeyCode::Char('f'));
    // The matched line: Entrée says so, x asks naming the pièce.
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        status_text(&app),
        "Ligne du 16/09/2024 déjà rapprochée (D001) : x pour défaire"
    );
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('x'));
    let screen = render_wide(&app);
    assert!(
        app.is_asking()
            && screen.contains("Défaire le rapprochement de la ligne du 16/09/2024 « CARTE"),
        "{screen}"
    );
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(
        status_line(&app),
        (
            "Rapprochement défait : la ligne est à rapprocher".to_string(),
            false
        )
    );
    assert_eq!(count(&app, "bank_match"), 0);
    assert_eq!(audit_rows(&app), audit + 1);
    let screen = render_wide(&app);
    assert!(
        screen.contains("-62,40 € ≈ D001"),
        "suggested again: {screen}"
    );
    assert!(
        screen.contains("5 lignes à rapprocher, 4 écritures sans ligne"),
        "{screen}"
    );
    // Matched again, then a matched entry cannot be marked.
    key(&mut app, KeyCode::Home);
    key(&mut app, KeyCode::Enter);
    assert_eq!(count(&app, "bank_match"), 1);
    // A matched entry cannot be marked.
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Char(' '));
    assert_eq!(
        status_text(&app),
        "D001 est déjà rapprochée d'une ligne du relevé"
    );
}

#[test]
fn every_size_draws_and_the_cursor_stays_in_view() {
    let mut rows = Vec::new();
    for day in 1..=40 {
        let date = format!("2024-{:02}-{:02}", 9 + (day - 1) / 28, (day - 1) % 28 + 1);
        rows.push((
            date,
            -(day as i64) * 100,
            format!("CARTE X1234 ACHAT N° {day} « LIBELLÉ TRÈS LONG » 日本"),
        ));
    }
    let book = book();
    let refs: Vec<(&str, i64, &str)> = rows
        .iter()
        .map(|(d, c, l)| (d.as_str(), *c, l.as_str()))
        .collect();
    seed_lines(&book, MoneyKey::Pro, "long.csv", &refs);
    let mut app = on_tab(book);
    key(&mut app, KeyCode::End);
    for (w, h) in [
        (80, 24),
        (160, 48),
        (100, 30),
        (79, 23),
        (0, 0),
        (200, 60),
        (80, 24),
    ] {
        let _ = draw(&app, w, h);
    }
    let screen = render_small(&app);
    assert!(
        screen.contains("▸ 12/10 CARTE X1234…    -40,00 €"),
        "the last line shows: {screen}"
    );
    assert!(screen.contains("Relevé Compte Pro : 40 lignes"), "{screen}");
    key(&mut app, KeyCode::PageUp);
    key(&mut app, KeyCode::Home);
    assert!(render_wide(&app).contains("ACHAT N° 1 "));
}

#[test]
fn the_demo_mark_is_never_cut_at_80_columns() {
    let info = coopcompta::ui::RunInfo {
        demo: true,
        ..info()
    };
    let mut app = App::new(coopcompta::ui::Start::Ready(seeded_book()), info, clock());
    key(&mut app, KeyCode::Char('3'));
    let small = render_small(&app);
    assert!(
        small.contains("exercice 2024-2025  [DÉMO]") && !small.contains("[DÉMO :"),
        "{small}"
    );
    assert!(render_wide(&app).contains("[DÉMO : données fictives]"));
}
