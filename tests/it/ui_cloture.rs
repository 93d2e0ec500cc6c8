//! The Clôture tab: the CRF's views over a CRF made by hand (the books'
//! own CRF comes from another part), the closing popup, the files written
//! into a folder without ever overwriting one, and the exercice switch
//! (a closed exercice shown read only, its writes refused plainly).

use crate::support::ui::*;
use chrono::NaiveDate;
use coopcompta::domain::cash_count::{CashCount, Counted};
use coopcompta::domain::closing::{Blocker, BlockerKey};
use coopcompta::domain::crf::{
    AccountYear, BankAtYearEnd, ChequeOut, Crf, CrfHeading, CrfLine, Month, NotOnStatement, Subsidy,
};
use coopcompta::domain::{Exercice, Money, MoneyKey};
use coopcompta::ui::popups::closing::ClosingPopup;
use coopcompta::ui::tabs::Tab;
use coopcompta::ui::tabs::cloture::ClotureTab;
use coopcompta::ui::{Action, App, RunInfo, Start};
use ratatui::crossterm::event::KeyCode;
use std::path::Path;

fn eur(text: &str) -> Money {
    Money::parse(text).unwrap()
}

fn date(d: u32, m: u32, y: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn line(code: &str, label: &str, amount: &str) -> CrfLine {
    CrfLine {
        code: code.into(),
        label: label.into(),
        amount: eur(amount),
    }
}

fn heading(name: &str, lines: Vec<CrfLine>) -> CrfHeading {
    CrfHeading {
        heading: name.into(),
        total: lines.iter().map(|l| l.amount).sum(),
        lines,
    }
}

#[allow(clippy::too_many_arguments)]
fn account(
    key: MoneyKey,
    code: &str,
    opening: &str,
    receipts: &str,
    expenses: &str,
    t_in: &str,
    t_out: &str,
) -> AccountYear {
    let (opening, receipts, expenses, t_in, t_out) = (
        eur(opening),
        eur(receipts),
        eur(expenses),
        eur(t_in),
        eur(t_out),
    );
    AccountYear {
        key,
        code: code.into(),
        label: key.label().into(),
        opening,
        receipts,
        expenses,
        transfers_in: t_in,
        transfers_out: t_out,
        closing: opening + receipts - expenses + t_in - t_out,
    }
}

/// A year of a small school coop, consistent: opening + result = closing.
fn crf() -> Crf {
    let charges = vec![
        heading(
            "Achats de produits pour activités éducatives",
            vec![
                line("6063", "Fournitures et petit matériel", "412,80"),
                line("6068", "Achats pour les activités", "1 250,00"),
            ],
        ),
        heading(
            "Sorties et transports",
            vec![line("6251", "Transports (car, train)", "980,00")],
        ),
        heading(
            "Cotisations et assurance OCCE",
            vec![
                line("62810008", "Cotisation OCCE", "215,60"),
                line("61681008", "Assurance OCCE", "88,40"),
            ],
        ),
    ];
    let produits = vec![
        heading(
            "Participations des familles",
            vec![
                line("75620008", "Participation volontaire", "1 845,00"),
                line("7062", "Sorties scolaires (familles)", "960,00"),
            ],
        ),
        heading(
            "Subventions",
            vec![line("7410", "Subvention de la mairie", "450,00")],
        ),
        heading("Ventes", vec![line("7070", "Photos scolaires", "610,00")]),
    ];
    let total_charges = charges.iter().map(|h| h.total).sum();
    let total_produits = produits.iter().map(|h| h.total).sum();
    // Result: 3 865,00 − 2 946,80 = 918,20.
    let accounts = vec![
        account(
            MoneyKey::Caisse,
            "530",
            "150,00",
            "1 205,00",
            "262,80",
            "0",
            "900,00",
        ),
        account(
            MoneyKey::Pro,
            "512",
            "2 340,50",
            "1 840,00",
            "2 574,00",
            "1 400,00",
            "0",
        ),
        account(MoneyKey::EnLigne, "5171", "0", "820,00", "0", "0", "500,00"),
    ];
    // Money accounts: opening 2 490,50, closing 3 518,70 (+1 028,20: the
    // result, 50,00 advanced to a régie, 160,00 collected for the OCCE);
    // régie 467: 0 → 50,00; owed to the OCCE 1680: 0 → 160,00.
    // Net: 2 490,50 → 3 408,70 = 2 490,50 + 918,20.
    let months = (0..12)
        .map(|i| {
            let month = (8 + i) % 12 + 1;
            let year = if month >= 9 { 2024 } else { 2025 };
            let receipts = [900, 420, 310, 260, 180, 240, 200, 150, 380, 520, 300, 5][i as usize];
            let expenses = [640, 210, 180, 350, 120, 90, 260, 310, 280, 420, 66, 20][i as usize];
            Month {
                first_day: date(1, month, year),
                receipts: Money::from_cents(receipts * 100),
                expenses: Money::from_cents(expenses * 100),
                balance: Money::from_cents((2490 + 100 * i as i64) * 100),
            }
        })
        .collect();
    Crf {
        exercice: Exercice::new(2024),
        charges,
        produits,
        total_charges,
        total_produits,
        accounts,
        regies_opening: Money::ZERO,
        regies_closing: eur("50,00"),
        occe_owed_opening: Money::ZERO,
        occe_owed_closing: eur("160,00"),
        in_transit: vec![(
            "Collectes en ligne pas encore versées sur le Compte Pro".into(),
            eur("320,00"),
        )],
        banks: vec![BankAtYearEnd {
            account: MoneyKey::Pro,
            books: eur("3 006,50"),
            statement: Some(eur("2 956,50")),
            not_on_statement: vec![
                NotOnStatement {
                    account: MoneyKey::Pro,
                    piece: "D045".into(),
                    date: date(28, 8, 2025),
                    label: "Chèque n° 0012 Librairie du Centre".into(),
                    amount: eur("-45,00"),
                },
                NotOnStatement {
                    account: MoneyKey::Pro,
                    piece: "V012".into(),
                    date: date(29, 8, 2025),
                    label: "Dépôt des espèces".into(),
                    amount: eur("95,00"),
                },
            ],
        }],
        last_cash_count: Some(CashCount {
            id: 1,
            date: date(29, 8, 2025),
            counted_by: "Mme Durand".into(),
            counts: vec![
                Counted {
                    cents: 2_000,
                    count: 3,
                },
                Counted {
                    cents: 500,
                    count: 20,
                },
                Counted {
                    cents: 100,
                    count: 32,
                },
                Counted {
                    cents: 20,
                    count: 1,
                },
            ],
            counted: eur("192,20"),
            books: eur("192,20"),
            adjustment: None,
            reason: String::new(),
        }),
        subsidies: vec![Subsidy {
            code: "7410".into(),
            grantor: "Subvention de la mairie".into(),
            amount: eur("450,00"),
        }],
        cheques_out: vec![ChequeOut {
            date: date(12, 9, 2024),
            pupil: "DUPOND Léa (CE1-B)".into(),
            payer: "M. Dupond".into(),
            amount: eur("12,00"),
        }],
        months,
    }
}

fn exports_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The folder the snapshots show (nothing is written there).
const DOCUMENTS: &str = "/home/directrice/Documents";

/// The app on the Clôture tab showing the hand-made CRF; files go to `dir`.
fn on_crf(dir: &Path) -> App {
    let info = RunInfo {
        export_dir: Some(dir.to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book()), info, clock());
    app.replace_tab(
        Tab::Cloture,
        Box::new(ClotureTab::with_crf(crf(), dir.to_path_buf())),
    );
    app
}

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
    let info = RunInfo {
        export_dir: Some(dir.path().to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book()), info, clock());
    app.replace_tab(
        Tab::Cloture,
        Box::new(ClotureTab::with_crf(crf, dir.path().to_path_buf())),
    );
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
    let info = RunInfo {
        export_dir: Some(dir.path().to_path_buf()),
        ..info()
    };
    let mut app = App::new(Start::Ready(book()), info, clock());
    app.replace_tab(
        Tab::Cloture,
        Box::new(ClotureTab::with_crf(crf, dir.path().to_path_buf())),
    );
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
        "Écart, expliqué par les écritures ci-dessous ✓",
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
    // The books cannot read their lines any more: whatever computes the
    // CRF, it fails (or is not there yet), and the tab says so.
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
    assert!(
        screen.contains("pas encore disponible") || screen.contains("base de données"),
        "{screen}"
    );
    // The year-end actions are still offered.
    assert!(screen.contains("clôturer"), "{screen}");
}

fn blockers() -> Vec<Blocker> {
    vec![
        Blocker {
            key: BlockerKey::CashCount,
            what: "aucun arrêté de caisse entre le 15/08/2025 et le 31/08/2025".into(),
            overridden: None,
        },
        Blocker {
            key: BlockerKey::Cheques,
            what: "2 chèques de familles à rendre (24,00 €)".into(),
            overridden: None,
        },
    ]
}

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
    // Yes: the books answer (their closing is another part's: today it
    // refuses; later it may find more missing) and the answer shows.
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    let closed: Option<String> = app
        .book()
        .unwrap()
        .conn()
        .query_row(
            "SELECT closed_at FROM exercice WHERE start_year = 2024",
            [],
            |r| r.get(0),
        )
        .unwrap();
    if !error {
        assert!(text.starts_with("Exercice 2024-2025 clôturé"), "{text}");
        assert!(closed.is_some());
        assert!(!render_wide(&app).contains("Clôture de l'exercice 2024-2025"));
        return;
    }
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
    if error {
        // The books refused (their ledger export is another part's):
        // said plainly, and no file left behind.
        assert!(
            text.starts_with("Journal (CSV pour Excel/LibreOffice) non écrit : "),
            "{text}"
        );
        assert!(!second.exists());
        assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
        return;
    }
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
    key(&mut app, KeyCode::Char('f'));
    // The first kind (the CRF page) is not in the books yet.
    key(&mut app, KeyCode::Enter);
    let (text, error) = status_line(&app);
    if error {
        assert!(
            text.starts_with("Compte rendu financier (page à imprimer) non écrit : "),
            "{text}"
        );
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    } else {
        assert!(dir.path().join("crf-2024-2025.html").exists(), "{text}");
    }
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
