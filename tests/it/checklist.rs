//! The migration checklist: order, prerequisites, steps derived from the books,
//! template reloads, and the `checklist` command.

use crate::support::new_coop;
use crate::support::ui::clock;
use coopcompta::book::Book;
use coopcompta::domain::checklist::{StepStatus, StepView};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::{EntryKind, Exercice, MoneyKey};
use coopcompta::io::import::checklist::parse_checklist;
use coopcompta::store::{self, StoreError};

fn book() -> Book {
    new_coop(
        store::open_in_memory().expect("db"),
        "Coopérative scolaire OCCE de l'école Jules Ferry",
        Exercice::new(2024),
        &[(MoneyKey::Lbp, 184_320)],
        clock(),
    )
}

fn step<'a>(views: &'a [StepView], key: &str) -> &'a StepView {
    views
        .iter()
        .find(|v| v.key == key)
        .unwrap_or_else(|| panic!("no step {key}"))
}

fn transfer(book: &mut Book, from: MoneyKey, to: MoneyKey, date: &str, amount: &str) -> i64 {
    book.add_transfer(&TransferRequest {
        date: date.into(),
        from,
        to,
        amount: amount.into(),
        label: "Virement".into(),
        piece: String::new(),
    })
    .expect("transfer")
}

fn audit_rows(book: &Book) -> i64 {
    book.conn()
        .query_row("SELECT COUNT(*) FROM audit", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn the_default_list_starts_with_affiliation_and_everything_waits_for_it() {
    let mut book = book();
    let views = book.checklist().expect("checklist");
    assert_eq!(views[0].key, "affiliation");
    assert!(views[0].urgent, "affiliation blocks everything");
    assert_eq!(views[0].status_text(), "à faire");
    let swan = step(&views, "lien-swan");
    assert!(swan.is_waiting());
    assert_eq!(
        swan.waiting_for,
        [(
            "lien-assoconnect".to_string(),
            "Valider le lien reçu d'AssoConnect".to_string()
        )]
    );
    book.checklist_set("affiliation", StepStatus::Fait, Some("02/09/2024"), None)
        .expect("done");
    let views = book.checklist().expect("checklist");
    assert_eq!(
        views[0].key, "inscription-assoconnect",
        "the next urgent step comes first"
    );
    assert!(views[0].urgent);
    assert_eq!(
        step(&views, "affiliation").status_text(),
        "fait le 02/09/2024"
    );
}

#[test]
fn the_lbp_step_follows_the_books() {
    let mut book = book();
    let views = book.checklist().expect("checklist");
    let lbp = step(&views, "solde-lbp-recu");
    assert_eq!(lbp.status, StepStatus::AFaire);
    assert_eq!(
        lbp.detail.as_deref(),
        Some("solde de l'ancien compte : 1 843,20 €")
    );
    let partial = transfer(
        &mut book,
        MoneyKey::Lbp,
        MoneyKey::Pro,
        "20/10/2024",
        "1800",
    );
    let lbp = step(&book.checklist().expect("checklist"), "solde-lbp-recu").clone();
    assert_eq!(lbp.status, StepStatus::EnCours);
    assert_eq!(
        lbp.detail.as_deref(),
        Some("virement reçu, mais il reste 43,20 € sur l'ancien compte")
    );
    transfer(
        &mut book,
        MoneyKey::Lbp,
        MoneyKey::Pro,
        "24/10/2024",
        "43,20",
    );
    let lbp = step(&book.checklist().expect("checklist"), "solde-lbp-recu").clone();
    assert_eq!(lbp.status_text(), "fait le 20/10/2024");
    // Cancelling the first transfer: the books no longer show the balance received.
    book.cancel_entry(partial).expect("cancel");
    let lbp = step(&book.checklist().expect("checklist"), "solde-lbp-recu").clone();
    assert_eq!(lbp.status, StepStatus::EnCours);
}

/// A bank line on `account` (SQL: the statement import has its own tests),
/// matched to `entry` when given.
fn statement_line(book: &Book, key: MoneyKey, date: &str, cents: i64, entry: Option<i64>) {
    let account = book.account(key).expect("account").id;
    let conn = book.conn();
    conn.execute(
        "INSERT INTO import_batch (kind, account_id, file_name, sha256, imported_at)
         VALUES ('banque', ?1, 'releve.csv', 'x', '2024-10-30T10:00:00')",
        [account],
    )
    .expect("batch");
    let batch = conn.last_insert_rowid();
    conn.execute(
        "INSERT INTO bank_line (batch_id, account_id, date, amount_cents, label, content_key)
         VALUES (?1, ?2, ?3, ?4, 'VIREMENT', ?3)",
        rusqlite::params![batch, account, date, cents],
    )
    .expect("line");
    let line = conn.last_insert_rowid();
    if let Some(entry) = entry {
        conn.execute(
            "INSERT INTO bank_match (bank_line_id, entry_id, account_id, created_at)
             VALUES (?1, ?2, ?3, '2024-10-30T10:00:00')",
            rusqlite::params![line, entry, account],
        )
        .expect("match");
    }
}

#[test]
fn once_statements_are_imported_the_lbp_step_waits_for_both_sides_to_be_matched() {
    let mut book = book();
    let id = transfer(
        &mut book,
        MoneyKey::Lbp,
        MoneyKey::Pro,
        "24/10/2024",
        "1843,20",
    );
    assert_eq!(
        step(&book.checklist().expect("checklist"), "solde-lbp-recu").status_text(),
        "fait le 24/10/2024"
    );
    // The Compte Pro statement shows the credit, not yet matched.
    statement_line(&book, MoneyKey::Pro, "2024-10-25", 184_320, None);
    let lbp = step(&book.checklist().expect("checklist"), "solde-lbp-recu").clone();
    assert_eq!(lbp.status, StepStatus::EnCours);
    assert_eq!(
        lbp.detail.as_deref(),
        Some(
            "virement saisi, ancien compte à 0,00 € ; reste à le pointer sur les deux relevés (Rapprochement)"
        )
    );
    // Matched on the Compte Pro only: still waiting for the LBP side.
    statement_line(&book, MoneyKey::Pro, "2024-10-25", 184_320, Some(id));
    let lbp = step(&book.checklist().expect("checklist"), "solde-lbp-recu").clone();
    assert_eq!(lbp.status, StepStatus::EnCours);
    statement_line(&book, MoneyKey::Lbp, "2024-10-24", -184_320, Some(id));
    assert_eq!(
        step(&book.checklist().expect("checklist"), "solde-lbp-recu").status_text(),
        "fait le 24/10/2024"
    );
}

#[test]
fn a_derived_step_can_be_overridden_then_reset() {
    let mut book = book();
    book.checklist_set(
        "premier-virement-collecte",
        StepStatus::SansObjet,
        None,
        Some("pas de collecte cette année"),
    )
    .expect("override");
    transfer(
        &mut book,
        MoneyKey::EnLigne,
        MoneyKey::Pro,
        "05/10/2024",
        "10",
    );
    let views = book.checklist().expect("checklist");
    let payout = step(&views, "premier-virement-collecte");
    assert_eq!(payout.status, StepStatus::SansObjet, "the user's word wins");
    assert!(payout.manual);
    assert_eq!(payout.note, "pas de collecte cette année");
    book.checklist_reset("premier-virement-collecte")
        .expect("reset");
    let payout = step(
        &book.checklist().expect("checklist"),
        "premier-virement-collecte",
    )
    .clone();
    assert_eq!(payout.status_text(), "fait le 05/10/2024");
}

#[test]
fn the_occe_advance_shows_what_is_owed() {
    let mut book = book();
    let advance = |kind, amount: &str| EntryRequest {
        splits: vec![SplitInput {
            code: "1680".into(),
            amount: String::new(),
        }],
        amount: amount.into(),
        label: "Avance OCCE".into(),
        ..EntryRequest::blank(kind, MoneyKey::Pro, "10/10/2024", "")
    };
    book.add_entry(&advance(EntryKind::Recette, "500"))
        .expect("advance received");
    let step_view = step(&book.checklist().expect("checklist"), "avance-occe").clone();
    assert_eq!(step_view.status, StepStatus::EnCours);
    assert_eq!(
        step_view.detail.as_deref(),
        Some("500,00 € à rembourser à l'OCCE (avance de 500,00 €)")
    );
    let mut repay = advance(EntryKind::Depense, "500");
    repay.date = "12/12/2024".into();
    book.add_entry(&repay).expect("repaid");
    let step_view = step(&book.checklist().expect("checklist"), "avance-occe").clone();
    assert_eq!(step_view.status_text(), "fait le 12/12/2024");
}

#[test]
fn an_unknown_key_names_the_closest_and_writes_nothing() {
    let mut book = book();
    book.checklist().expect("seeded");
    let before = audit_rows(&book);
    let err = book
        .checklist_set("lien-swn", StepStatus::Fait, None, None)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Étape : « lien-swn » inconnue : vouliez-vous dire lien-swan ?"
    );
    assert!(matches!(err, StoreError::Field(_)));
    assert_eq!(audit_rows(&book), before);
}

#[test]
fn a_template_reload_keeps_what_the_user_set() {
    let mut book = book();
    book.checklist_set("affiliation", StepStatus::Fait, Some("02/09/2024"), None)
        .expect("done");
    book.checklist_note("code-pin", "carte reçue, PIN à voir")
        .expect("note");
    let own = book
        .checklist_add("Prévenir la mairie", "")
        .expect("own step");
    let template = parse_checklist(
        "cle;titre;aide;prerequis;derive\n\
         affiliation;Affiliation (nouveau titre);;;\n\
         lien-assoconnect;Lien AssoConnect (nouveau);;affiliation;\n",
    )
    .expect("template");
    book.load_checklist_template(&template).expect("reload");
    let views = book.checklist().expect("checklist");
    let keys: Vec<&str> = views.iter().map(|v| v.key.as_str()).collect();
    assert!(keys.contains(&"code-pin"), "a step with a note is kept");
    assert!(keys.contains(&own.as_str()), "the user's own step is kept");
    assert!(
        !keys.contains(&"carte-commandee"),
        "an untouched step the template drops is hidden"
    );
    assert_eq!(
        step(&views, "lien-assoconnect").title,
        "Lien AssoConnect (nouveau)"
    );
    let affiliation = step(&views, "affiliation");
    assert_eq!(
        affiliation.status_text(),
        "fait le 02/09/2024",
        "status kept"
    );
    assert_eq!(
        affiliation.title, "Renouveler l'affiliation OCCE de l'année",
        "a started step keeps its text"
    );
}

#[test]
fn steps_can_be_hidden_and_moved() {
    let mut book = book();
    book.checklist_hide("deuxieme-mandataire", true)
        .expect("hide");
    let steps = book.checklist_steps().expect("steps");
    assert!(
        steps
            .iter()
            .any(|s| s.key == "deuxieme-mandataire" && s.hidden)
    );
    assert!(
        !book
            .checklist()
            .expect("views")
            .iter()
            .any(|v| v.key == "deuxieme-mandataire")
    );
    // Moving follows the list as shown: two neighbouring waiting steps swap.
    let shown = |book: &Book| -> Vec<String> {
        book.checklist()
            .expect("views")
            .into_iter()
            .map(|v| v.key)
            .collect()
    };
    let before = shown(&book);
    let views = book.checklist().expect("views");
    let at = (1..views.len())
        .find(|&i| views[i].is_waiting() && views[i - 1].is_waiting())
        .expect("two waiting steps side by side");
    assert!(book.checklist_move(&before[at], true).expect("move up"));
    let after = shown(&book);
    assert_eq!(after[at - 1], before[at]);
    assert_eq!(after[at], before[at - 1]);
    assert_eq!(after.len(), before.len());
    // The first step cannot go higher.
    assert!(!book.checklist_move(&after[0], true).expect("no move"));
    assert_eq!(shown(&book), after);
}

#[test]
fn the_checklist_command_lists_marks_and_refuses() {
    let dir = tempfile::tempdir().expect("dir");
    let db = dir.path().join("coop.db");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_coopcompta"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .output()
            .expect("runs")
    };
    assert!(
        run(&["init", "--coop", "Coop", "--exercice", "2024-2025"])
            .status
            .success()
    );
    let out = run(&["checklist", "done", "affiliation", "--date", "02/09/2024"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).expect("utf-8");
    let first: Vec<&str> = text.lines().take(2).collect();
    assert_eq!(
        first,
        [
            "inscription-assoconnect\tà faire\tInscrire la coopérative auprès de l'OCCE pour AssoConnect",
            "lien-assoconnect\ten attente (attend : inscription-assoconnect)\tValider le lien reçu d'AssoConnect",
        ]
    );
    assert!(
        text.contains("affiliation\tfait le 02/09/2024\tRenouveler l'affiliation OCCE de l'année")
    );
    let refused = run(&["checklist", "done", "affiliaton"]);
    assert!(!refused.status.success());
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "coopcompta : Étape : « affiliaton » inconnue : vouliez-vous dire affiliation ?\n"
    );
    let bad = dir.path().join("etapes.csv");
    std::fs::write(&bad, "cle;titre;aide;prerequis;derive\nA B;Titre;;;\n").expect("write");
    let refused = run(&["checklist", "--template", bad.to_str().expect("utf-8")]);
    assert_eq!(
        String::from_utf8_lossy(&refused.stderr),
        "coopcompta : liste des étapes, ligne 2 : clé « A B » : minuscules, chiffres et tirets attendus (ex. lien-swan)\n"
    );
    let reset = run(&["checklist", "reset", "affiliation"]);
    assert!(String::from_utf8_lossy(&reset.stdout).starts_with("affiliation\tà faire\t"));
}
