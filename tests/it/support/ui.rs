//! Shared by the UI tests: a small coop in memory, an `App` on it, keys or
//! actions fed to it, and rendering to a `TestBackend` (snapshots at 80×24,
//! the smallest size the app accepts, and 160×48, a wide one).
#![allow(dead_code)]

use coopcompta::book::{Book, Clock};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use coopcompta::store::open_in_memory;
use coopcompta::ui::{Action, App, RunInfo, Start};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_input::InputRequest;

/// The smallest screen the app draws in full, and a wide one.
pub const SMALL: (u16, u16) = (80, 24);
pub const WIDE: (u16, u16) = (160, 48);

/// 15 October 2024, 10:00.
pub fn clock() -> Clock {
    super::clock_on(2024, 10, 15)
}

pub fn info() -> RunInfo {
    RunInfo {
        db_path: "/home/directrice/.local/share/coopcompta/coop.db".into(),
        backup_dir: "/home/directrice/.local/share/coopcompta/sauvegardes".into(),
        backup_note: Some("Sauvegarde faite : coop-2024-10-15_10-00-00.db".into()),
        demo: false,
        import_dir: None,
        // Never the tester's Documents folder.
        export_dir: Some(std::env::temp_dir().join("coopcompta-tests-exports")),
    }
}

fn entry(
    date: &str,
    kind: EntryKind,
    account: MoneyKey,
    amount: &str,
    label: &str,
    mode: PaymentMode,
    splits: &[(&str, &str)],
) -> EntryRequest {
    EntryRequest {
        date: date.into(),
        kind,
        account,
        amount: amount.into(),
        label: label.into(),
        mode: Some(mode),
        splits: splits
            .iter()
            .map(|(c, a)| SplitInput {
                code: (*c).into(),
                amount: (*a).into(),
            })
            .collect(),
        piece: String::new(),
        cheque_no: String::new(),
    }
}

/// An empty coop: the 2024-2025 exercice and its opening balances only.
pub fn empty_book() -> Book {
    super::new_coop(
        open_in_memory().unwrap(),
        "Coopérative scolaire OCCE de l'école Jules Ferry",
        Exercice::new(2024),
        &[
            (MoneyKey::Caisse, 15_000),
            (MoneyKey::Pro, 234_050),
            (MoneyKey::Lbp, 81_237),
        ],
        clock(),
    )
}

/// A coop with a few weeks of entries on three accounts.
pub fn book() -> Book {
    use EntryKind::{Depense, Recette};
    use MoneyKey::{Caisse, EnLigne, Pro};
    let mut book = empty_book();
    let entries = [
        entry(
            "12/09/2024",
            Recette,
            Caisse,
            "245",
            "Participation volontaire CP-CE1",
            PaymentMode::Especes,
            &[("75620008", "")],
        ),
        entry(
            "16/09/2024",
            Depense,
            Pro,
            "62,40",
            "Fournitures de rentrée",
            PaymentMode::Carte,
            &[("606", "")],
        ),
        entry(
            "20/09/2024",
            Depense,
            Pro,
            "1 123",
            "Cotisation et assurance OCCE",
            PaymentMode::Virement,
            &[("62810008", "890"), ("61681008", "233")],
        ),
    ];
    for request in &entries {
        book.add_entry(request).unwrap();
    }
    book.add_transfer(&TransferRequest {
        date: "23/09/2024".into(),
        from: Caisse,
        to: Pro,
        amount: "200".into(),
        label: "Dépôt des espèces".into(),
        piece: String::new(),
    })
    .unwrap();
    let more = [
        entry(
            "01/10/2024",
            Depense,
            Caisse,
            "18,90",
            "Goûter de la classe de CM2",
            PaymentMode::Especes,
            &[("6257", "")],
        ),
        entry(
            "08/10/2024",
            Depense,
            Pro,
            "250",
            "Car musée",
            PaymentMode::Virement,
            &[("6251", "")],
        ),
        entry(
            "10/10/2024",
            Recette,
            EnLigne,
            "180",
            "Photos scolaires",
            PaymentMode::Carte,
            &[("7070", "")],
        ),
    ];
    for request in &more {
        book.add_entry(request).unwrap();
    }
    book
}

pub fn app(book: Book) -> App {
    App::new(Start::Ready(book), info(), clock())
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::NONE));
}

pub fn shift(app: &mut App, code: KeyCode) {
    app.handle_key(KeyEvent::new(code, KeyModifiers::SHIFT));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
}

pub fn chars(app: &mut App, text: &str) {
    for c in text.chars() {
        key(app, KeyCode::Char(c));
    }
}

pub fn tab(app: &mut App, times: usize) {
    for _ in 0..times {
        key(app, KeyCode::Tab);
    }
}

/// One action, as the keymap would have produced it.
pub fn act(app: &mut App, action: Action) {
    app.update(action);
}

/// Several actions, in order.
pub fn acts(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

/// Text typed into the focused input, as actions.
pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Type(InputRequest::InsertChar(c)));
    }
}

/// The cells drawn at `width`×`height`; either may be 0, as a terminal can
/// report while it is being resized.
pub fn draw(app: &App, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen as text, at `width`×`height`: one quoted line per row (empty
/// when the width is 0: `TestBackend`'s text view cannot show that).
pub fn render(app: &App, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| app.draw(frame)).unwrap();
    if width == 0 {
        return String::new();
    }
    terminal.backend().to_string()
}

/// The screen at 80×24.
pub fn render_small(app: &App) -> String {
    render(app, SMALL.0, SMALL.1)
}

/// The screen at 160×48.
pub fn render_wide(app: &App) -> String {
    render(app, WIDE.0, WIDE.1)
}

/// Snapshots the app's screen at 80×24 and at 160×48, as `<name>_80x24` and
/// `<name>_160x48` of the calling test module.
macro_rules! assert_screens {
    ($name:literal, $app:expr) => {{
        let app = &$app;
        insta::assert_snapshot!(
            concat!($name, "_80x24"),
            $crate::support::ui::render_small(app),
            "render_small(app)"
        );
        insta::assert_snapshot!(
            concat!($name, "_160x48"),
            $crate::support::ui::render_wide(app),
            "render_wide(app)"
        );
    }};
}
pub(crate) use assert_screens;

/// The checklist as the Migration tab shows it, read without changing the
/// books (`Book::checklist` needs `&mut`; the tab has already seeded it).
pub fn checklist(app: &App) -> Vec<coopcompta::domain::checklist::StepView> {
    let book = app.book().unwrap();
    let steps = coopcompta::store::checklist::load(book.conn()).unwrap();
    coopcompta::domain::checklist::evaluate(&steps, &book.checklist_facts().unwrap())
}

/// Every stored step in stored order, hidden ones too.
pub fn checklist_steps(app: &App) -> Vec<coopcompta::domain::checklist::Step> {
    coopcompta::store::checklist::load(app.book().unwrap().conn()).unwrap()
}

// The Migration tab.

/// The app on the Migration tab.
pub fn on_migration_tab(book: Book) -> App {
    let mut app = app(book);
    key(&mut app, KeyCode::Char('4'));
    app
}

pub fn step_view(app: &App, key_name: &str) -> coopcompta::domain::checklist::StepView {
    checklist(app)
        .into_iter()
        .find(|v| v.key == key_name)
        .unwrap_or_else(|| panic!("no step {key_name}"))
}

/// Puts the cursor on a step, by keys.
pub fn select_step(app: &mut App, key_name: &str) {
    let index = checklist(app)
        .iter()
        .position(|v| v.key == key_name)
        .unwrap_or_else(|| panic!("no step {key_name}"));
    key(app, KeyCode::Home);
    for _ in 0..index {
        key(app, KeyCode::Down);
    }
}

/// Amounts typed in the forms: most valid, some refused.
const RANDOM_AMOUNTS: &[&str] = &[
    "12", "3,50", "0,01", "250", "1 000", "0", "12,345", "-5", "abc",
];

/// A whole action typed on the Écritures tab (an entry, a transfer, an
/// edit, a cancellation), for random walks that must write: `pick(n)`
/// chooses in `0..n`.
pub fn type_a_whole_action(app: &mut App, pick: &mut dyn FnMut(usize) -> usize) {
    leave_popups(app);
    key(app, KeyCode::Char('1'));
    let amount = RANDOM_AMOUNTS[pick(RANDOM_AMOUNTS.len())];
    match pick(4) {
        0 => {
            // A dépense (or a recette, one time in two) on the focused pane.
            key(app, KeyCode::Char('n'));
            tab(app, 1);
            if pick(2) == 0 {
                key(app, KeyCode::Right);
            }
            tab(app, 3);
            chars(app, amount);
            tab(app, 1);
            chars(app, "Achat au hasard");
            tab(app, 2);
            chars(app, ["6063", "606", "7070"][pick(3)]);
            key(app, KeyCode::Enter);
            key(app, KeyCode::Enter);
        }
        1 => {
            key(app, KeyCode::Char('v'));
            tab(app, 4);
            chars(app, amount);
            tab(app, 1);
            chars(app, "Virement au hasard");
            key(app, KeyCode::Enter);
        }
        2 => {
            key(app, KeyCode::Char('e'));
            tab(app, 4);
            ctrl(app, 'u');
            chars(app, amount);
            key(app, KeyCode::Enter);
        }
        _ => {
            key(app, KeyCode::Char('x'));
            key(app, KeyCode::Char('o'));
        }
    }
    leave_popups(app);
}

/// Leaves whatever is open (a refused form, a question, the help, a filter).
pub fn leave_popups(app: &mut App) {
    for _ in 0..3 {
        key(app, KeyCode::Esc);
        key(app, KeyCode::Char('o'));
    }
}

/// How many rows the audit journal holds: one per write.
pub fn audit_rows(app: &App) -> i64 {
    app.book()
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
        .unwrap()
}

/// The books behind the app are sound: each entry's lines sum to zero,
/// `coopcompta check` finds nothing (balance, caisse never below zero on any
/// day, reversals, pieces, links) and each balance is the sum of the entries.
pub fn assert_books_sound(app: &App, context: &str) {
    let book = app.book().expect("the books are still open");
    let exercice = book.exercice();
    let entries = book.entries(exercice).unwrap();
    for entry in &entries {
        let total: Money = entry.lines.iter().map(|l| l.amount).sum();
        assert!(total.is_zero(), "{context}: {} unbalanced", entry.piece);
    }
    let report = coopcompta::store::integrity::check(book.conn()).unwrap();
    assert!(
        report.findings.is_empty(),
        "{context}: check finds {:?}",
        report.findings
    );
    assert_eq!(report.entries, entries.len() as i64, "{context}");
    for (key, balance) in book.balances(exercice, None).unwrap() {
        let code = &book.account(key).unwrap().code;
        let sum: Money = entries.iter().map(|e| e.amount_on(code)).sum();
        assert_eq!(balance, sum, "{context}: balance of {key:?}");
    }
}

pub fn status_text(app: &App) -> String {
    app.status().map(|s| s.text.clone()).unwrap_or_default()
}

/// The LBP opening balance (812,37 €) moved to the Compte Pro.
pub fn lbp_transferred() -> Book {
    let mut book = book();
    book.add_transfer(&TransferRequest {
        date: "14/10/2024".into(),
        from: MoneyKey::Lbp,
        to: MoneyKey::Pro,
        amount: "812,37".into(),
        label: "Solde LBP reversé par l'OCCE".into(),
        piece: String::new(),
    })
    .unwrap();
    book
}

// The Participations tab.

pub fn pupil_input(
    nom: &str,
    prenom: &str,
    classe: &str,
) -> coopcompta::domain::participation::PupilInput {
    coopcompta::domain::participation::PupilInput {
        line: 0,
        nom: nom.into(),
        prenom: prenom.into(),
        classe: classe.into(),
    }
}

/// The coop of `book()` with two classes and seven pupils (CE1-B: DUPOND
/// Léa, DUPUIS Noé, LE GOFF Anaïs, MARTIN Hugo; CP-A: DUPONT Lea, LEFÈVRE
/// Théo, MARTIN Jade, sister of Hugo) and the campaign "Sortie zoo"
/// (12,00 € suggested, category 7062, every class).
pub fn participations_book() -> Book {
    let mut book = book();
    book.import_pupils(&[
        pupil_input("Dupond", "Léa", "CE1-B"),
        pupil_input("Dupuis", "Noé", "CE1-B"),
        pupil_input("Le Goff", "Anaïs", "CE1-B"),
        pupil_input("Martin", "Hugo", "CE1-B"),
        pupil_input("Dupont", "Lea", "CP-A"),
        pupil_input("Lefèvre", "Théo", "CP-A"),
        pupil_input("Martin", "Jade", "CP-A"),
    ])
    .unwrap();
    book.add_campaign(&coopcompta::domain::participation::CampaignRequest {
        name: "Sortie zoo".into(),
        suggested: "12".into(),
        category: "7062".into(),
        ..Default::default()
    })
    .unwrap();
    book
}

/// The app on the Participations tab.
pub fn on_participations_tab(book: Book) -> App {
    let mut app = app(book);
    key(&mut app, KeyCode::Char('2'));
    app
}

/// The text of the status line.
pub fn status_line(app: &App) -> (String, bool) {
    app.status()
        .map(|s| (s.text.clone(), s.error))
        .unwrap_or_default()
}
