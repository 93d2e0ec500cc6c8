//! The main screen: two ledgers, the header, sizes, filter, cancellation.

use crate::support::ui::*;
use ratatui::crossterm::event::KeyCode;

#[test]
fn main_screen_80x24() {
    let app = app(book());
    insta::assert_snapshot!(render(&app, 80, 24));
}

#[test]
fn main_screen_160x48() {
    let app = app(book());
    insta::assert_snapshot!(render(&app, 160, 48));
}

#[test]
fn help_80x24_lists_the_keys_and_the_backup_folder() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('?'));
    let screen = render(&app, 80, 24);
    assert!(
        screen.contains("/home/directrice/.local/share/coopcompta/sauvegardes"),
        "{screen}"
    );
    insta::assert_snapshot!(screen);
    key(&mut app, KeyCode::Esc);
    assert!(!render(&app, 80, 24).contains("Aide"));
}

#[test]
fn help_lists_every_key_of_the_keymap() {
    use coopcompta::ui::keymap::Context;
    let mut app = app(book());
    key(&mut app, KeyCode::Char('?'));
    let mut seen = String::new();
    for _ in 0..40 {
        seen.push_str(&render(&app, 100, 40));
        key(&mut app, KeyCode::Down);
    }
    for context in [Context::Ledgers, Context::Filter, Context::Global] {
        for binding in context.bindings() {
            assert!(
                seen.contains(binding.desc),
                "{} missing from the help",
                binding.desc
            );
        }
    }
}

#[test]
fn the_help_turns_pages_and_goes_to_its_end_and_back() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('?'));
    let top = render(&app, 80, 24);
    key(&mut app, KeyCode::End);
    let end = render(&app, 80, 24);
    assert_ne!(top, end);
    // At the end, going further down changes nothing.
    key(&mut app, KeyCode::Down);
    assert_eq!(render(&app, 80, 24), end);
    key(&mut app, KeyCode::Home);
    assert_eq!(render(&app, 80, 24), top);
    key(&mut app, KeyCode::PageDown);
    let page = render(&app, 80, 24);
    assert_ne!(page, top);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(render(&app, 80, 24), top);
}

#[test]
fn too_small_a_terminal_says_so() {
    let app = app(book());
    insta::assert_snapshot!(render(&app, 60, 20));
    for (w, h) in [(79, 24), (80, 23)] {
        let screen = render(&app, w, h);
        assert!(
            screen.contains("Agrandissez le terminal : 80×24 au moins")
                && screen.contains(&format!("(actuellement {w}×{h})")),
            "{w}×{h}:\n{screen}"
        );
    }
}

/// The text drawn, in reading order, without the blanks.
fn ink(buffer: &ratatui::buffer::Buffer) -> String {
    buffer
        .content
        .iter()
        .map(|cell| cell.symbol())
        .filter(|s| !s.trim().is_empty())
        .collect()
}

#[test]
fn a_tiny_or_empty_terminal_shows_only_the_start_of_the_message() {
    let mut app = app(book());
    let before = render(&app, 80, 24);
    for (w, h) in [(0, 0), (0, 24), (80, 0), (1, 1), (2, 3), (12, 1), (40, 10)] {
        let buffer = draw(&app, w, h);
        assert_eq!(buffer.area, ratatui::layout::Rect::new(0, 0, w, h));
        let message: String =
            format!("Agrandissez le terminal : 80×24 au moins (actuellement {w}×{h})")
                .split_whitespace()
                .collect();
        let drawn = ink(&buffer);
        assert!(
            message.starts_with(&drawn),
            "{w}×{h}: « {drawn} » is not the start of the message"
        );
        assert_eq!(drawn.is_empty(), w == 0 || h == 0, "{w}×{h}: « {drawn} »");
        app.after_draw();
    }
    assert_eq!(
        render(&app, 80, 24),
        before,
        "back at 80×24 after tiny sizes, the screen is as it was"
    );
}

#[test]
fn a_cancelled_entry_stays_visible_as_annulee() {
    let mut app = app(book());
    key(&mut app, KeyCode::Tab); // Compte Pro: last row D004 Car musée
    key(&mut app, KeyCode::Char('x'));
    assert!(app.is_asking());
    let question = render(&app, 80, 24);
    assert!(
        question.contains("Annuler l'écriture D004 « Car musée »"),
        "{question}"
    );
    insta::assert_snapshot!("cancel_question_80x24", question);
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(
        app.status().unwrap().text,
        "D004 annulée par D004-A (r sur la ligne annulée pour la rétablir)"
    );
    let entries = app
        .book()
        .unwrap()
        .entries(coopcompta::domain::Exercice::new(2024))
        .unwrap();
    let car = entries.iter().find(|e| e.piece == "D004").unwrap();
    let reversal = entries.iter().find(|e| e.piece == "D004-A").unwrap();
    assert_eq!(car.reversed_by, Some(reversal.id));
    insta::assert_snapshot!(render(&app, 80, 24));
    // The cursor stays on D004; a second cancel is refused with the reason,
    // without a question; the reversal cannot be cancelled either.
    key(&mut app, KeyCode::Char('x'));
    assert!(!app.is_asking());
    assert_eq!(
        app.status().unwrap().text,
        "D004 est annulée : elle ne peut plus changer"
    );
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Char('e'));
    assert!(!app.form_open());
    assert!(
        app.status()
            .unwrap()
            .text
            .contains("D004-A est une écriture d'annulation")
    );
}

#[test]
fn the_filter_narrows_the_focused_ledger() {
    let mut app = app(book());
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "occe");
    insta::assert_snapshot!(render(&app, 80, 24));
    key(&mut app, KeyCode::Enter);
    let kept = render(&app, 80, 24);
    assert!(
        kept.contains("1/5") && kept.contains("Filtre : occe"),
        "{kept}"
    );
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Esc);
    assert!(render(&app, 80, 24).contains("5 lignes"));
    // An amount typed the French way finds its row.
    key(&mut app, KeyCode::Char('/'));
    chars(&mut app, "62,40");
    assert!(render(&app, 80, 24).contains("1/5"));
}

#[test]
fn keys_move_the_selection_and_switch_accounts() {
    let mut app = app(book());
    key(&mut app, KeyCode::Home);
    assert!(render(&app, 80, 24).contains("AN · Report à nouveau"));
    key(&mut app, KeyCode::End);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::Char('c'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Collectes en ligne ─"), "{screen}");
    assert!(screen.contains("R002 · Photos scolaires"), "{screen}");
    key(&mut app, KeyCode::Char('c'));
    assert!(render(&app, 80, 24).contains("Ancien compte LBP ─"));
    key(&mut app, KeyCode::Char('c'));
    // Caisse is in the left pane, so the right one goes on to Compte Pro.
    assert!(render(&app, 80, 24).contains(" Compte Pro ─"));
}

#[test]
fn ledger_keys_do_nothing_on_another_tab() {
    let mut app = app(book());
    key(&mut app, KeyCode::Char('5'));
    let screen = render(&app, 80, 24);
    assert!(screen.contains("Charges (dépenses)"), "{screen}");
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.form_open(), "ledger keys do nothing on another tab");
    key(&mut app, KeyCode::Char('1'));
    assert!(render(&app, 80, 24).contains("Caisse ─"));
}

#[test]
fn q_quits() {
    let mut app = app(book());
    assert!(!app.should_quit());
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn scrolling_a_long_ledger_keeps_the_cursor_in_view() {
    use coopcompta::domain::entry_request::EntryRequest;
    use coopcompta::domain::{EntryKind, MoneyKey};
    let mut book = empty_book();
    for day in 1..=60 {
        let date = format!("{:02}/{:02}/2024", (day % 28) + 1, 9 + day / 28);
        let mut request = EntryRequest::blank(EntryKind::Depense, MoneyKey::Pro, &date, "");
        request.amount = format!("{day},00");
        request.label = format!("Achat n° {day}");
        request.splits[0].code = "606".into();
        book.add_entry(&request).unwrap();
    }
    let mut app = app(book);
    key(&mut app, KeyCode::Right);
    render(&app, 80, 24); // the first frame tells the pane its height
    for code in [KeyCode::Home, KeyCode::PageDown] {
        key(&mut app, code);
        render(&app, 80, 24);
    }
    key(&mut app, KeyCode::PageDown);
    let screen = render(&app, 80, 24);
    // 7 entries a page (two lines each at 80 columns): the cursor is on
    // row 15 (D014), the last row shown.
    assert!(screen.contains("D014 · Achat n° 14"), "{screen}");
    assert!(
        screen.contains("D008") && !screen.contains("D007 "),
        "{screen}"
    );
    key(&mut app, KeyCode::End);
    let end = render(&app, 80, 24);
    assert!(
        end.contains("61 lignes") && end.contains("D060 · Achat n° 60"),
        "{end}"
    );
    key(&mut app, KeyCode::PageUp);
    assert!(render(&app, 80, 24).contains("D053 · Achat n° 53"));
}
