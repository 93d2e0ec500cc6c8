//! The Clôture tab's popups: the closing list (overrides with a reason,
//! the question, the books' answer), the files written into a folder
//! without ever overwriting one, the same from the Écritures tab.

use crate::support::cloture::*;
use crate::support::ui::*;
use coopcompta::domain::Exercice;
use coopcompta::ui::popups::closing::ClosingPopup;
use coopcompta::ui::{App, RunInfo, Start};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

#[test]
fn the_closing_list_takes_a_reason_and_asks_before_closing() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    app.open_popup(Box::new(ClosingPopup::new(Exercice::new(2024), blockers())));
    // Closing while a point blocks is refused, in the popup.
    key(&mut app, KeyCode::F(10));
    assert!(
        render_wide(&app).contains("2 points bloquent encore : réglez-les, ou passez outre"),
        "{}",
        render_wide(&app)
    );
    // An empty reason is refused; a reason typed is kept.
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(render_wide(&app).contains("Motif vide"));
    chars(&mut app, "caisse comptée le 1er septembre, PV signé");
    key(&mut app, KeyCode::Enter);
    let wide = render_wide(&app);
    assert!(
        wide.contains("passé outre : caisse comptée le 1er septembre, PV signé"),
        "{wide}"
    );
    assert!(
        wide.contains("1 point bloque la clôture : réglez-le, ou passez outre"),
        "{wide}"
    );
    assert_screens!("closing_list", app);
    // The second one too, then the question says what closing does.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('o'));
    chars(&mut app, "rendus en main propre");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('e'));
    assert!(render_wide(&app).contains("reportés dans 2025-2026 : non"));
    key(&mut app, KeyCode::F(10));
    let question = render_wide(&app);
    assert!(
        question.contains("Clôturer l'exercice 2024-2025 ?"),
        "{question}"
    );
    assert!(
        question.contains("Irréversible, sauf à rouvrir"),
        "{question}"
    );
    assert!(
        question.contains("sans reporter les élèves ni les classes"),
        "{question}"
    );
    // Yes: the books answer. Their own list has points these two made-up
    // blockers do not override: they refuse, and the refusal shows.
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    let closed = closed_at(&app);
    assert!(error, "{text}");
    assert!(text.starts_with("Clôture refusée : "), "{text}");
    assert_eq!(closed, None);
    assert!(render_wide(&app).contains("Clôture refusée : "));
    // Escape closes the list.
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains("Clôture de l'exercice 2024-2025"));
}

#[test]
fn escape_leaves_the_reason_then_the_list() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    app.open_popup(Box::new(ClosingPopup::new(Exercice::new(2024), blockers())));
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "abc");
    key(&mut app, KeyCode::Esc);
    let screen = render_wide(&app);
    assert!(
        screen.contains("Clôture de l'exercice 2024-2025"),
        "{screen}"
    );
    assert!(!screen.contains("passé outre : abc"), "{screen}");
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains("Clôture de l'exercice 2024-2025"));
}

#[test]
fn the_close_key_opens_the_closing_list() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    key(&mut app, KeyCode::Char('c'));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Clôture de l'exercice 2024-2025"),
        "{screen}"
    );
    assert!(
        screen.contains("Élèves et classes reportés dans 2025-2026 : oui (e pour changer)"),
        "{screen}"
    );
}

fn closed_at(app: &App) -> Option<String> {
    app.book()
        .unwrap()
        .conn()
        .query_row(
            "SELECT closed_at FROM exercice WHERE start_year = 2024",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn every_point_passed_with_a_reason_closes_the_exercice() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    key(&mut app, KeyCode::Char('c'));
    // The books' own list: each point gets a reason, one after the other.
    for n in 0..10 {
        if render_wide(&app).contains("Chaque point est passé outre") {
            break;
        }
        key(&mut app, KeyCode::Enter);
        chars(&mut app, &format!("motif {n}"));
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Down);
    }
    let screen = render_wide(&app);
    assert!(screen.contains("Chaque point est passé outre"), "{screen}");
    key(&mut app, KeyCode::F(10));
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(!error, "{text}");
    assert!(
        text.starts_with("Exercice 2024-2025 clôturé, exercice 2025-2026 ouvert"),
        "{text}"
    );
    assert!(text.contains(" écritures, empreinte "), "{text}");
    // At 80 columns the message is whole: it takes a second row.
    let small = render_small(&app);
    let shown: String = small
        .lines()
        .rev()
        .skip(1)
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .map(|row| row.trim_matches('"').trim())
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(shown, text, "{small}");
    assert!(closed_at(&app).is_some());
    let screen = render_wide(&app);
    assert!(
        !screen.contains("Clôture de l'exercice 2024-2025"),
        "{screen}"
    );
    // The header shows the new exercice, not only the status line.
    assert!(
        screen
            .lines()
            .nth(1)
            .is_some_and(|l| l.contains("· exercice 2025-2026")),
        "{screen}"
    );
}

#[test]
fn a_long_list_keeps_the_reason_being_typed_in_sight_at_80_columns() {
    use coopcompta::domain::closing::{Blocker, BlockerKey};
    let mut app = on_crf(Path::new(DOCUMENTS));
    let long = "un point à régler avant la clôture, expliqué sur plusieurs lignes pour \
                qu'une liste de sept points dépasse la hauteur d'un écran de 24 lignes";
    let list: Vec<Blocker> = BlockerKey::ALL
        .into_iter()
        .map(|key| Blocker {
            key,
            what: long.into(),
            overridden: None,
        })
        .collect();
    app.open_popup(Box::new(ClosingPopup::new(Exercice::new(2024), list)));
    // The last point, far below: the list follows the cursor.
    for _ in 0..6 {
        key(&mut app, KeyCode::Down);
    }
    assert!(render_small(&app).contains("› ✗ en-ligne"));
    // Its reason, typed with letters that are keys of the list.
    key(&mut app, KeyCode::Enter);
    chars(&mut app, "versé le 2 septembre, voir relevé");
    let screen = render_small(&app);
    assert!(
        screen.contains("Motif pour « en-ligne » : versé le 2 septembre, voir relevé"),
        "{screen}"
    );
}

#[test]
fn nothing_blocking_is_said_plainly() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    app.open_popup(Box::new(ClosingPopup::new(Exercice::new(2024), Vec::new())));
    let screen = render_wide(&app);
    assert!(
        screen.contains("Rien ne bloque la clôture de l'exercice 2024-2025."),
        "{screen}"
    );
    assert_screens!("closing_nothing_blocks", app);
}

#[test]
fn the_export_list_names_every_file() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    key(&mut app, KeyCode::Char('f'));
    let wide = render_wide(&app);
    for text in [
        "Fichiers de l'exercice 2024-2025",
        "Compte rendu financier (page à imprimer)",
        "crf-2024-2025.html",
        "Cahier de comptabilité (classeur Excel .xlsx)",
        "coopcompta-2024-2025.journal",
    ] {
        assert!(wide.contains(text), "{text}: {wide}");
    }
    assert_screens!("export_list", app);
    key(&mut app, KeyCode::Esc);
    assert!(!render_wide(&app).contains("Fichiers de l'exercice"));
}

/// A file of the same name is already there (last year's copy, a file of
/// the user's): the export never writes over it, but beside it as "(2)",
/// then "(3)"; if the books refuse the export, nothing is left behind.
#[test]
fn exporting_never_overwrites_a_file() {
    let dir = exports_dir();
    let folder = dir.path().join("Documents");
    std::fs::create_dir_all(&folder).unwrap();
    let first = folder.join("journal-fr-2024-2025.csv");
    std::fs::write(&first, "à garder").unwrap();
    let mut app = on_crf(&folder);
    let ledger = coopcompta::book::year_end::ExportKind::ALL
        .iter()
        .position(|k| k.title() == "Journal (CSV pour Excel/LibreOffice)")
        .unwrap();
    let export = |app: &mut App| {
        key(app, KeyCode::Char('f'));
        for _ in 0..ledger {
            key(app, KeyCode::Down);
        }
        key(app, KeyCode::Enter);
        status_line(app)
    };
    let (text, error) = export(&mut app);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "à garder");
    let second = folder.join("journal-fr-2024-2025 (2).csv");
    assert!(!error, "{text}");
    assert!(text.contains(&second.display().to_string()), "{text}");
    let content = std::fs::read(&second).unwrap();
    let (text, error) = export(&mut app);
    assert!(!error, "{text}");
    let third = folder.join("journal-fr-2024-2025 (3).csv");
    assert!(text.contains(&third.display().to_string()), "{text}");
    assert_eq!(std::fs::read(&second).unwrap(), content);
    assert_eq!(std::fs::read(&third).unwrap(), content);
    assert_eq!(std::fs::read_to_string(&first).unwrap(), "à garder");
}

#[test]
fn a_refused_export_leaves_no_file() {
    let dir = exports_dir();
    let mut app = on_crf(dir.path());
    // The books cannot read their lines any more: the CRF page fails.
    app.book()
        .unwrap()
        .conn()
        .execute_batch("ALTER TABLE entry_line RENAME TO entry_line_hidden")
        .unwrap();
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    assert!(error, "{text}");
    assert!(
        text.starts_with("Compte rendu financier (page à imprimer) non écrit : "),
        "{text}"
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn the_ledgers_export_their_journal_the_same_way() {
    let dir = exports_dir();
    let info = RunInfo {
        export_dir: Some(dir.path().to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book()), info, clock());
    key(&mut app, KeyCode::Char('f'));
    let wide = render_wide(&app);
    assert!(
        wide.contains("Journal (CSV pour Excel/LibreOffice)"),
        "{wide}"
    );
    assert!(wide.contains("Journal hledger"), "{wide}");
    assert!(!wide.contains("Compte rendu financier"), "{wide}");
    assert!(
        wide.contains(&dir.path().display().to_string()),
        "the folder is shown: {wide}"
    );
}

/// The file list over the Graphique view: cleared with a blank column
/// around it, so that its border never runs beside the chart's frame.
#[test]
fn the_export_list_over_the_chart_stands_apart_from_its_frame() {
    let mut app = on_crf(Path::new(DOCUMENTS));
    shift(&mut app, KeyCode::BackTab);
    assert!(render_small(&app).contains("Recettes et dépenses par mois"));
    key(&mut app, KeyCode::Char('f'));
    for screen in [render_small(&app), render_wide(&app)] {
        let rows: Vec<&str> = screen.lines().collect();
        let top = rows
            .iter()
            .position(|r| r.contains("┌ Fichiers de l'exercice 2024-2025"))
            .unwrap_or_else(|| panic!("{screen}"));
        // Rows are quoted: the popup never touches the quotes.
        let left = rows[top].chars().position(|c| c == '┌').unwrap();
        let bottom = (top..rows.len())
            .find(|&i| rows[i].chars().nth(left) == Some('└'))
            .unwrap();
        let right = rows[top].chars().position(|c| c == '┐').unwrap();
        for (i, row) in rows.iter().enumerate().take(bottom + 1).skip(top) {
            let chars: Vec<char> = row.chars().collect();
            assert_eq!(chars[left - 1], ' ', "row {i}, left of the popup: {screen}");
            assert_eq!(
                chars[right + 1],
                ' ',
                "row {i}, right of the popup: {screen}"
            );
        }
        // The rows above and under it are blank along it.
        for i in [top - 1, bottom + 1] {
            let along: String = rows[i]
                .chars()
                .skip(left - 1)
                .take(right - left + 3)
                .collect();
            assert_eq!(along.trim(), "", "row {i}: {screen}");
        }
    }
    assert_screens!("export_over_chart", app);
}

/// The status line after writing a file counts what that file holds: the
/// CRF's categories, the journal's entries, hledger's transactions.
#[test]
fn a_written_file_counts_what_it_holds() {
    use coopcompta::book::year_end::ExportKind;
    let dir = exports_dir();
    let mut app = on_crf(dir.path());
    for (kind, many) in [
        (ExportKind::CrfHtml, "catégories"),
        (
            ExportKind::Ledger(coopcompta::io::export::CsvFormat::Fr),
            "écritures",
        ),
        (ExportKind::Hledger, "transactions"),
    ] {
        let exercice = app.book().unwrap().exercice();
        let rows = app
            .book()
            .unwrap()
            .export(kind, exercice, &mut Vec::new())
            .unwrap();
        let position = ExportKind::ALL.iter().position(|k| *k == kind).unwrap();
        key(&mut app, KeyCode::Char('f'));
        for _ in 0..position {
            key(&mut app, KeyCode::Down);
        }
        key(&mut app, KeyCode::Enter);
        let (text, error) = status_line(&app);
        assert!(!error, "{text}");
        let path = dir.path().join(kind.file_name(exercice));
        assert_eq!(
            text,
            format!("Fichier écrit ({rows} {many}) : {}", path.display())
        );
    }
}
