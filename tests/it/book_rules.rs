//! Rules the books enforce whoever asks (the app or the CLI): a régie never
//! below zero on any date, openings a cash box can hold, a mode that fits
//! the account, a warning for a date after today or a pupil already
//! recorded. Each refusal gives its French message and writes nothing.

use crate::support::cli::Sandbox;
use crate::support::fixture_arg;
use crate::support::participations::*;
use chrono::NaiveDate;
use coopcompta::book::{SetupRequest, create_coop};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::participation::{Channel, RegieKind, RegieRequest};
use coopcompta::domain::warning::Warning;
use coopcompta::domain::{EntryKind, Money, MoneyKey, PaymentMode};
use coopcompta::io::import::chart::default_chart;
use coopcompta::store;

fn regie(book: &coopcompta::book::Book, kind: RegieKind, date: &str, amount: &str) -> RegieRequest {
    RegieRequest {
        class_id: class_id(book, "CE1-B"),
        kind,
        date: date.into(),
        amount: amount.into(),
        receipt_no: "12".into(),
        label: "Peinture et pinceaux".into(),
        category: "6068".into(),
        piece: String::new(),
    }
}

#[test]
fn a_regie_expense_dated_before_its_advance_is_refused() {
    let mut book = book();
    book.record_regie(&regie(&book, RegieKind::Avance, "05/11/2024", "40"))
        .unwrap();
    let before = state(&book);
    assert_eq!(
        refusal(book.record_regie(&regie(&book, RegieKind::Depense, "01/11/2024", "10"))),
        "Date : le 01/11/2024 la régie CE1-B serait à -10,00 € : une dépense ou un reliquat ne peut pas précéder l'avance qui le couvre (vérifiez la date, ou saisissez d'abord l'avance)"
    );
    assert_eq!(
        refusal(book.record_regie(&regie(&book, RegieKind::Retour, "04/11/2024", "40"))),
        "Date : le 04/11/2024 la régie CE1-B serait à -40,00 € : une dépense ou un reliquat ne peut pas précéder l'avance qui le couvre (vérifiez la date, ou saisissez d'abord l'avance)"
    );
    assert_eq!(state(&book), before, "a refused move writes nothing");
    // The same day as the advance is fine: the day's moves count together.
    book.record_regie(&regie(&book, RegieKind::Depense, "05/11/2024", "10"))
        .unwrap();
}

#[test]
fn a_cancelled_advance_does_not_cover_a_later_expense() {
    let mut book = book();
    let first = book
        .record_regie(&regie(&book, RegieKind::Avance, "05/11/2024", "40"))
        .unwrap();
    book.cancel_regie_move(first).unwrap();
    book.record_regie(&regie(&book, RegieKind::Avance, "20/11/2024", "10"))
        .unwrap();
    let before = state(&book);
    assert_eq!(
        refusal(book.record_regie(&regie(&book, RegieKind::Depense, "10/11/2024", "5"))),
        "Date : le 10/11/2024 la régie CE1-B serait à -5,00 € : une dépense ou un reliquat ne peut pas précéder l'avance qui le couvre (vérifiez la date, ou saisissez d'abord l'avance)"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn cancelling_an_advance_may_not_leave_the_regie_negative_on_an_earlier_date() {
    let mut book = book();
    let mut cash = expense(MoneyKey::Caisse, PaymentMode::Especes);
    (cash.kind, cash.date, cash.amount) = (EntryKind::Recette, "02/09/2024".into(), "100".into());
    cash.splits[0].code = "7080".into();
    book.add_entry(&cash).unwrap();
    let first = book
        .record_regie(&regie(&book, RegieKind::Avance, "05/11/2024", "40"))
        .unwrap();
    book.record_regie(&regie(&book, RegieKind::Depense, "10/11/2024", "30"))
        .unwrap();
    book.record_regie(&regie(&book, RegieKind::Avance, "20/11/2024", "40"))
        .unwrap();
    let before = state(&book);
    // 50,00 € are left overall, but without the first advance the
    // expense of 10/11 would have been paid with money not given yet.
    assert_eq!(
        refusal(book.cancel_regie_move(first)),
        "D001 : sans ce mouvement, la régie CE1-B serait à -30,00 € le 10/11/2024 ; annulez d'abord les dépenses de cette date ou datez-les après une autre avance"
    );
    assert_eq!(
        refusal(book.cancel_entry(first)),
        "D001 : sans ce mouvement, la régie CE1-B serait à -30,00 € le 10/11/2024 ; annulez d'abord les dépenses de cette date ou datez-les après une autre avance",
        "the ledger's cancel goes through the same rule"
    );
    assert_eq!(state(&book), before, "a refused cancel writes nothing");
}

fn setup(openings: Vec<(MoneyKey, Money)>) -> (rusqlite::Connection, String) {
    let mut conn = store::open_in_memory().unwrap();
    let request = SetupRequest {
        coop_name: "Coopérative scolaire de l'école des Lilas".into(),
        exercice: EX,
        openings,
    };
    let outcome = match create_coop(&mut conn, &request, &default_chart(), clock()) {
        Ok(()) => "créée".to_string(),
        Err(e) => e.to_string(),
    };
    (conn, outcome)
}

fn rows(conn: &rusqlite::Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_online_account_cannot_open_below_zero_but_a_bank_can() {
    let (conn, outcome) = setup(vec![(MoneyKey::EnLigne, Money::from_cents(-500))]);
    assert_eq!(
        outcome,
        "Solde d'ouverture : Collectes en ligne « -5,00 € » : le compte des collectes en ligne ne peut pas être négatif (il reçoit les paiements puis les verse au Compte Pro)"
    );
    for table in ["coop", "account", "entry", "audit"] {
        assert_eq!(
            rows(&conn, table),
            0,
            "{table}: a refused setup writes nothing"
        );
    }
    let (_, outcome) = setup(vec![
        (MoneyKey::Lbp, Money::from_cents(-1_250)),
        (MoneyKey::Pro, Money::from_cents(-300)),
    ]);
    assert_eq!(outcome, "créée", "a bank account may open overdrawn");
}

fn expense(account: MoneyKey, mode: PaymentMode) -> EntryRequest {
    EntryRequest {
        date: "12/10/2024".into(),
        kind: EntryKind::Depense,
        account,
        amount: "8".into(),
        label: "Papeterie".into(),
        mode: Some(mode),
        splits: vec![SplitInput {
            code: "6064".into(),
            amount: String::new(),
        }],
        piece: String::new(),
        cheque_no: String::new(),
    }
}

#[test]
fn the_mode_must_fit_the_account() {
    let mut book = empty_book();
    let before = state(&book);
    let cases = [
        (
            MoneyKey::Pro,
            PaymentMode::Especes,
            "Mode de paiement : « espèces » sur Compte Pro : virement, carte, prélèvement ou chèque attendu ; les espèces passent par la Caisse (un dépôt d'espèces se saisit comme un virement interne depuis la Caisse)",
        ),
        (
            MoneyKey::Caisse,
            PaymentMode::Carte,
            "Mode de paiement : « carte » : une caisse ne reçoit et ne paie qu'en espèces",
        ),
        (
            MoneyKey::EnLigne,
            PaymentMode::Virement,
            "Mode de paiement : « virement » sur Collectes en ligne : carte ou prélèvement attendu ; un paiement en ligne est « carte », les frais de la plateforme « prélèvement », le versement vers le Compte Pro un virement interne",
        ),
        (
            MoneyKey::Lbp,
            PaymentMode::Especes,
            "Mode de paiement : « espèces » sur Ancien compte LBP : virement, chèque, carte ou prélèvement attendu ; les espèces passent par la Caisse (un dépôt d'espèces se saisit comme un virement interne depuis la Caisse)",
        ),
    ];
    for (account, mode, message) in cases {
        assert_eq!(
            refusal(book.add_entry(&expense(account, mode))),
            message,
            "{account:?} {mode:?}"
        );
    }
    assert_eq!(state(&book), before, "refused entries write nothing");
    for (account, mode) in [
        (MoneyKey::Caisse, PaymentMode::Especes),
        (MoneyKey::Pro, PaymentMode::Carte),
        (MoneyKey::Pro, PaymentMode::Prelevement),
        (MoneyKey::EnLigne, PaymentMode::Prelevement),
    ] {
        book.add_entry(&expense(account, mode))
            .unwrap_or_else(|e| panic!("{account:?} {mode:?}: {e}"));
    }
}

#[test]
fn a_date_after_today_is_a_warning_not_a_refusal() {
    // The clock says 15/03/2025.
    let book = empty_book();
    let mut request = expense(MoneyKey::Caisse, PaymentMode::Especes);
    request.date = "20/06/2025".into();
    let warnings = book.entry_warnings(&request);
    assert_eq!(
        warnings,
        [Warning::FutureDate {
            date: NaiveDate::from_ymd_opt(2025, 6, 20).unwrap(),
            today: NaiveDate::from_ymd_opt(2025, 3, 15).unwrap(),
        }]
    );
    assert_eq!(
        warnings[0].question(),
        "La date 20/06/2025 est après aujourd'hui (15/03/2025). Enregistrer quand même ?"
    );
    request.date = "15/03/2025".into();
    assert_eq!(book.entry_warnings(&request), [], "today is not the future");
    let transfer = TransferRequest {
        date: "16/03".into(),
        from: MoneyKey::Caisse,
        to: MoneyKey::Pro,
        amount: "10".into(),
        label: "Dépôt".into(),
        piece: String::new(),
    };
    assert_eq!(
        book.transfer_warnings(&transfer)[0].to_string(),
        "la date 16/03/2025 est après aujourd'hui (15/03/2025)"
    );
}

#[test]
fn a_pupil_already_recorded_for_a_campaign_is_shown_and_warned() {
    let mut book = book();
    let campaign = campaign_id(&book);
    let lea = pupil(&book, "DUPOND Léa");
    assert_eq!(book.already_recorded(campaign, lea.id).unwrap(), None);
    assert_eq!(
        book.contribution_warnings(campaign, lea.id, "12/10/2024")
            .unwrap(),
        []
    );
    book.record_contribution(
        campaign,
        lea.id,
        line(&book, "DUPOND Léa", "8", Channel::Especes),
        "12/10/2024",
    )
    .unwrap();
    assert_eq!(
        book.already_recorded(campaign, lea.id)
            .unwrap()
            .and_then(|w| w.already_line()),
        Some("déjà : 8,00 € le 12/10, espèces".to_string())
    );
    let warnings = book
        .contribution_warnings(campaign, lea.id, "14/10/2024")
        .unwrap();
    assert_eq!(
        warnings.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "DUPOND Léa (CE1-B) a déjà une participation pour cette campagne (8,00 € le 12/10, espèces)"
        ]
    );
    assert_eq!(
        warnings[0].question(),
        "DUPOND Léa (CE1-B) a déjà une participation pour cette campagne (8,00 € le 12/10, espèces). En ajouter une autre ?"
    );
    // A cancelled contribution is not "already there".
    let id = book.contributions(campaign).unwrap()[0].id;
    book.cancel_contribution(id).unwrap();
    assert_eq!(book.already_recorded(campaign, lea.id).unwrap(), None);
}

// The CLI: the same rules, through the built binary.

#[test]
fn init_refuses_a_negative_online_opening_and_creates_no_file() {
    let s = Sandbox::empty();
    assert_eq!(
        s.fails(&["init", "--coop", "X", "--opening", "en-ligne=-5"]),
        "coopcompta : Solde d'ouverture : Collectes en ligne « -5,00 € » : le compte des collectes en ligne ne peut pas être négatif (il reçoit les paiements puis les verse au Compte Pro)\n"
    );
    assert!(!s.db().exists(), "a refused init creates no database");
    s.ok(&[
        "init",
        "--coop",
        "X",
        "--exercice",
        "2024-2025",
        "--opening",
        "lbp=-12,50",
    ]);
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t0.00\npro\t0.00\nen-ligne\t0.00\nlbp\t-12.50\n"
    );
}

fn add_args<'a>(account: &'a str, mode: &'a str, date: &'a str) -> Vec<&'a str> {
    vec![
        "add",
        "--depense",
        "--account",
        account,
        "--mode",
        mode,
        "--date",
        date,
        "--amount",
        "8",
        "--category",
        "6064",
        "--label",
        "Papeterie",
    ]
}

#[test]
fn the_cli_refuses_cash_on_the_compte_pro() {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "X",
        "--exercice",
        "2024-2025",
        "--opening",
        "pro=100",
    ]);
    assert_eq!(
        s.fails(&add_args("pro", "especes", "12/10/2024")),
        "coopcompta : Mode de paiement : « espèces » sur Compte Pro : virement, carte, prélèvement ou chèque attendu ; les espèces passent par la Caisse (un dépôt d'espèces se saisit comme un virement interne depuis la Caisse)\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t0.00\npro\t100.00\nen-ligne\t0.00\nlbp\t0.00\n",
        "nothing written"
    );
}

#[test]
fn the_cli_warns_of_a_date_after_today_and_records_it() {
    let today = chrono::Local::now().date_naive();
    let tomorrow = today.succ_opt().unwrap();
    let start = if tomorrow.month0() >= 8 {
        tomorrow.year()
    } else {
        tomorrow.year() - 1
    };
    let exercice = format!("{start}-{}", start + 1);
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "X",
        "--exercice",
        &exercice,
        "--opening",
        "pro=100",
    ]);
    let date = tomorrow.format("%d/%m/%Y").to_string();
    let out = s.run(&add_args("pro", "carte", &date));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!(
            "attention : la date {date} est après aujourd'hui ({})\n",
            today.format("%d/%m/%Y")
        )
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t0.00\npro\t92.00\nen-ligne\t0.00\nlbp\t0.00\n",
        "recorded all the same"
    );
}

#[test]
fn the_cli_warns_when_a_pupil_is_already_recorded() {
    let s = Sandbox::empty();
    s.ok(&[
        "init",
        "--coop",
        "X",
        "--exercice",
        "2024-2025",
        "--opening",
        "caisse=100",
    ]);
    let file = fixture_arg("pupils/utf8.csv");
    s.ok(&["import", "pupils", &file]);
    s.ok(&[
        "campaign",
        "add",
        "--name",
        "Sortie zoo",
        "--amount",
        "12",
        "--category",
        "7062",
    ]);
    let contribute = || {
        s.run(&[
            "contribution",
            "--campaign",
            "sortie zoo",
            "--pupil",
            "DUPONT Léa",
            "--amount",
            "12",
            "--channel",
            "especes",
            "--date",
            "14/10/2024",
        ])
    };
    let first = contribute();
    assert!(first.status.success());
    assert_eq!(
        String::from_utf8(first.stderr).unwrap(),
        "",
        "no warning the first time"
    );
    let second = contribute();
    assert!(second.status.success(), "a second contribution is recorded");
    assert_eq!(
        String::from_utf8(second.stderr).unwrap(),
        "attention : DUPONT Léa (CE1-B) a déjà une participation pour cette campagne (12,00 € le 14/10, espèces)\n"
    );
    assert_eq!(
        s.ok(&["balance"]),
        "caisse\t124.00\npro\t0.00\nen-ligne\t0.00\nlbp\t0.00\n"
    );
}

use chrono::Datelike;
