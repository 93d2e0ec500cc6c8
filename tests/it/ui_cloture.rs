//! The Clôture tab: the CRF's views over a CRF made by hand, the view
//! shown when the books cannot give one, the tab's keys, and the exercice
//! switch (a closed exercice shown read only, its writes refused plainly).
//! Its popups: `ui_cloture_popups`.

use crate::support::cloture::*;
use crate::support::ui::*;
use coopcompta::domain::Exercice;
use coopcompta::ui::{Action, App};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

#[test]
fn the_crf_is_balanced_as_made() {
    let crf = crf();
    assert_eq!(crf.result(), eur("918,20"));
    assert!(
        crf.balanced(),
        "{} {}",
        crf.net_opening(),
        crf.net_closing()
    );
}

#[test]
fn the_compte_de_fonctionnement_lists_headings_totals_and_result() {
    let app = on_crf(Path::new(DOCUMENTS));
    let wide = render_wide(&app);
    for text in [
        "Charges (dépenses)",
        "Achats de produits pour activités éducatives",
        "6063       Fournitures et petit matériel",
        "412,80 €",
        "Total des charges",
        "2 946,80 €",
        "Total des produits",
        "3 865,00 €",
        "Résultat : excédent (produits − charges)",
        "918,20 €",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert_screens!("fonctionnement", app);
}

#[test]
fn a_deficit_is_named_so() {
    let dir = exports_dir();
    let mut crf = crf();
    crf.total_produits = eur("2 000");
    let mut app = showing(crf, dir.path());
    key(&mut app, KeyCode::End);
    let wide = render_wide(&app);
    assert!(
        wide.contains("Résultat : déficit (produits − charges)"),
        "{wide}"
    );
    assert!(wide.contains("-946,80 €"), "{wide}");
}

#[test]
fn the_long_view_scrolls_at_80_columns() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    let top = render_small(&app);
    assert!(top.contains("Charges (dépenses)"), "{top}");
    assert!(top.contains("suite : ↑/↓"), "{top}");
    key(&mut app, KeyCode::End);
    let bottom = render_small(&app);
    assert!(!bottom.contains("Charges (dépenses)"), "{bottom}");
    assert!(bottom.contains("Résultat : excédent"), "{bottom}");
    assert!(bottom.contains("… fin"), "{bottom}");
    key(&mut app, KeyCode::Home);
    assert!(render_small(&app).contains("Charges (dépenses)"));
}

#[test]
fn the_bilan_shows_each_account_and_the_check() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    key(&mut app, KeyCode::Tab);
    let wide = render_wide(&app);
    for text in [
        "Caisse",
        "Compte Pro",
        "Collectes en ligne",
        "Virements reçus",
        "Virements émis",
        "+ Régies d'avance non soldées (467)",
        "− Dû à l'OCCE (1680)",
        "= Avoir de la coopérative",
        "Ouverture + résultat = clôture : 2 490,50 € + 918,20 € = 3 408,70 € ✓",
        "Fonds en transit au 31/08/2025",
        "Collectes en ligne pas encore versées sur le Compte Pro",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert_screens!("bilan", app);
}

#[test]
fn an_unbalanced_bilan_shows_the_gap() {
    let dir = exports_dir();
    let mut crf = crf();
    crf.occe_owed_closing = eur("170,00");
    let mut app = showing(crf, dir.path());
    key(&mut app, KeyCode::Tab);
    let wide = render_wide(&app);
    assert!(
        wide.contains("✗ la clôture est de 3 398,70 € : écart de -10,00 €"),
        "{wide}"
    );
}

#[test]
fn the_reconciliation_lists_what_is_not_on_the_statement() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    acts(&mut app, &[Action::NextView, Action::NextView]);
    let wide = render_wide(&app);
    for text in [
        "Solde des écritures au 31/08/2025",
        "3 006,50 €",
        "Solde du relevé au 31/08/2025",
        "2 956,50 €",
        "Écart, expliqué par les écritures pas encore sur le relevé ✓",
        "Pas encore sur le relevé : 2 écritures",
        "D045    28/08/2025  Chèque n° 0012 Librairie du Centre",
        "-45,00 €",
        "V012    29/08/2025  Dépôt des espèces",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert_screens!("rapprochement", app);
}

#[test]
fn a_gap_the_pending_entries_do_not_explain_is_shown_with_what_is_left() {
    let dir = exports_dir();
    let mut crf = crf();
    // A card fee of 1,20 € on the statement and not in the books.
    crf.banks[0].statement = Some(eur("2 955,30"));
    let mut app = showing(crf, dir.path());
    acts(&mut app, &[Action::NextView, Action::NextView]);
    let wide = render_wide(&app);
    for text in [
        "Écart (écritures − relevé)",
        "51,20 €",
        "✗ Reste à expliquer, hors écritures pas encore sur le relevé",
        "1,20 €",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert!(!wide.contains("✓"), "{wide}");
}

#[test]
fn the_annexes_show_the_count_subsidies_and_cheques() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    for _ in 0..3 {
        key(&mut app, KeyCode::Tab);
    }
    let wide = render_wide(&app);
    for text in [
        "le 29/08/2025, compté par Mme Durand",
        "Écart : aucun, la caisse est juste ✓",
        "7410       Subvention de la mairie",
        "12/09/2024  DUPOND Léa (CE1-B) — chèque de M. Dupond",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert_screens!("annexes", app);
}

#[test]
fn the_chart_has_french_months_and_a_legend() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    shift(&mut app, KeyCode::BackTab);
    let wide = render_wide(&app);
    for text in [
        "█ recettes",
        "█ dépenses",
        "sept",
        "déc",
        "févr",
        "août",
        "Solde de tous les comptes en fin de mois",
        "(max. 900 €)",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert_screens!("graphique", app);
}

#[test]
fn without_a_crf_the_tab_says_why() {
    let app = app(book());
    // The books cannot read their lines any more: the CRF fails, and the
    // tab says so.
    app.book()
        .unwrap()
        .conn()
        .execute_batch("ALTER TABLE entry_line RENAME TO entry_line_hidden")
        .unwrap();
    let mut app = app;
    key(&mut app, KeyCode::Char('5'));
    let screen = render_small(&app);
    assert!(
        screen.contains("Compte rendu financier indisponible"),
        "{screen}"
    );
    // What went wrong, in the store's own words, under the title.
    assert!(
        screen.contains(
            "Compte rendu financier indisponible                                             \"\n\"base de données : erreur inattendue de SQLite (code 1)"
        ),
        "{screen}"
    );
    // The year-end actions are still offered.
    assert!(screen.contains("clôturer"), "{screen}");
}

#[test]
fn the_help_lists_the_keys_of_the_tab() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    key(&mut app, KeyCode::Char('?'));
    let wide = render_wide(&app);
    for text in [
        "arrêté de caisse : compter les billets et les pièces",
        "clôturer l'exercice : ce qui manque",
        "fichiers : écrire le CR financier",
        "vue suivante",
        "changer d'exercice",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
}

#[test]
fn the_hint_bar_keeps_the_year_end_actions_at_80_columns() {
    let app = on_crf(Path::new(DOCUMENTS));
    let small = render_small(&app);
    let hints = small.lines().nth(23).unwrap();
    for text in ["vue", "caisse", "clôturer", "fichiers", "aide", "quitter"] {
        assert!(hints.contains(text), "{text}: {hints}");
    }
}

#[test]
fn the_cash_count_key_opens_its_form() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    key(&mut app, KeyCode::Char('a'));
    assert!(render_wide(&app).contains("Arrêté de caisse"));
}

/// A closed 2023-2024 beside the current 2024-2025.
fn with_closed_year() -> App {
    let book = book();
    book.conn()
        .execute(
            "INSERT INTO exercice (start_year, closed_at) VALUES (2023, '2024-09-20T18:00:00')",
            [],
        )
        .unwrap();
    app(book)
}

#[test]
fn a_closed_exercice_is_shown_read_only() {
    let mut app = with_closed_year();
    key(&mut app, KeyCode::Char('E'));
    let picker = render_wide(&app);
    assert!(picker.contains("2024-2025 — en cours"), "{picker}");
    assert!(
        picker.contains("2023-2024 — clôturé, lecture seule"),
        "{picker}"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.book().unwrap().exercice(), Exercice::new(2023));
    let small = render_small(&app);
    assert!(
        small.contains("exercice 2023-2024 — clôturé, lecture seule"),
        "{small}"
    );
    assert_screens!("closed_exercice", app);
    // A write is refused by the books, and the refusal shows plainly.
    let audit = audit_rows(&app);
    key(&mut app, KeyCode::Char('n'));
    assert!(app.form_open(), "{}", render_wide(&app));
    tab(&mut app, 4);
    chars(&mut app, "12");
    tab(&mut app, 1);
    chars(&mut app, "Essai");
    tab(&mut app, 2);
    chars(&mut app, "606");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    let screen = render_wide(&app);
    assert!(
        screen.contains("l'exercice 2023-2024 est clôturé : il ne peut plus être modifié"),
        "{screen}"
    );
    assert_eq!(audit_rows(&app), audit, "nothing written");
    // Back to the current exercice: the mark goes.
    leave_popups(&mut app);
    key(&mut app, KeyCode::Char('E'));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.book().unwrap().exercice(), Exercice::new(2024));
    assert!(!render_small(&app).contains("lecture seule"));
}

/// A closed exercice shown read-only: the count and the closing say so at
/// once, before any form is typed in vain, and name the way back.
#[test]
fn a_closed_exercice_takes_no_count_and_no_second_closing() {
    let mut app = with_closed_year();
    key(&mut app, KeyCode::Char('E'));
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.book().unwrap().exercice(), Exercice::new(2023));
    key(&mut app, KeyCode::Char('5'));
    for (k, expected) in [
        (
            'a',
            "l'exercice 2023-2024 est clôturé : sa caisse ne se compte plus (E : afficher l'exercice en cours)",
        ),
        (
            'c',
            "l'exercice 2023-2024 est déjà clôturé (E : afficher l'exercice en cours)",
        ),
    ] {
        key(&mut app, KeyCode::Char(k));
        assert!(!app.form_open(), "{k}: {}", render_wide(&app));
        assert_eq!(status_line(&app), (expected.to_string(), true), "{k}");
        let small = render_small(&app);
        assert!(!small.contains("┌ Arrêté de caisse"), "{small}");
        assert!(!small.contains("┌ Clôture de l'exercice"), "{small}");
    }
    // Back on the current exercice, the count opens.
    key(&mut app, KeyCode::Char('E'));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.book().unwrap().exercice(), Exercice::new(2024));
    key(&mut app, KeyCode::Char('a'));
    assert!(render_wide(&app).contains("Arrêté de caisse"));
}
