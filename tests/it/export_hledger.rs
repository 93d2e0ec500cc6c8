//! The hledger journal (`export hledger`): one transaction per entry, the
//! pièce as its code, accounts declared with their type; the real hledger
//! (when installed: `.ci/run` installs it) reads it and finds the balances
//! of `coopcompta balance`.

use crate::support::cli::Sandbox;
use crate::support::{clock, new_coop};
use coopcompta::book::Book;
use coopcompta::book::demo::load_demo;
use coopcompta::book::year_end::ExportKind;
use coopcompta::domain::entry_request::{EntryRequest, TransferRequest, parse_split};
use coopcompta::domain::{EntryKind, Exercice, MoneyKey, PaymentMode};
use coopcompta::store;
use std::process::Command;

const EX: Exercice = Exercice { start_year: 2024 };

fn journal(book: &Book) -> String {
    let mut out = Vec::new();
    let count = book.export(ExportKind::Hledger, EX, &mut out).unwrap();
    assert_eq!(count, book.entries(EX).unwrap().len());
    String::from_utf8(out).unwrap()
}

/// The transactions: header line and postings (account, cents).
fn transactions(text: &str) -> Vec<(String, Vec<(String, i64)>)> {
    let mut out: Vec<(String, Vec<(String, i64)>)> = Vec::new();
    for line in text.lines() {
        if line.starts_with("20") {
            out.push((line.to_string(), Vec::new()));
        } else if let Some(posting) = line.strip_prefix("    ") {
            let (account, amount) = posting.split_once("  ").expect("two spaces end the name");
            let number = amount.strip_suffix(" EUR").expect("EUR");
            let cents = number.replace('.', "").parse::<i64>().unwrap();
            out.last_mut().unwrap().1.push((account.to_string(), cents));
        }
    }
    out
}

#[test]
fn the_demo_journal_has_one_balanced_transaction_per_entry() {
    let book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let text = journal(&book);
    let entries = book.entries(EX).unwrap();
    let txs = transactions(&text);
    assert_eq!(txs.len(), entries.len());
    for ((head, postings), entry) in txs.iter().zip(&entries) {
        assert!(
            head.starts_with(&format!("{} ({}) ", entry.date, entry.piece)),
            "{head}"
        );
        assert_eq!(postings.len(), entry.lines.len(), "{head}");
        assert_eq!(postings.iter().map(|p| p.1).sum::<i64>(), 0, "{head}");
    }
    for directive in [
        "account actif:caisse  ; type: A",
        "account actif:compte-pro  ; type: A",
        "account actif:467 Régies d'avance des coopératives de classe  ; type: A",
        "account capitaux:110 Report à nouveau  ; type: E",
        "account produits:75620008 Participation volontaire des familles  ; type: R",
        "account charges:6064 Fournitures administratives et papeterie  ; type: X",
    ] {
        assert!(text.lines().any(|l| l == directive), "{directive}\n{text}");
    }
    // A virement interne is one transaction, from one account to the other.
    let virement = txs
        .iter()
        .find(|(head, _)| head.contains("(V004)"))
        .expect("V004");
    assert_eq!(
        virement.1,
        [
            ("actif:lbp".to_string(), -221972),
            ("actif:compte-pro".to_string(), 221972)
        ]
    );
}

#[test]
fn labels_and_pieces_that_hledger_would_misread_are_cleaned() {
    let mut book = new_coop(
        store::open_in_memory().unwrap(),
        "Coopérative ; des Lilas",
        EX,
        &[(MoneyKey::Caisse, 5_000)],
        clock(),
    );
    book.add_entry(&EntryRequest {
        date: "12/09/2024".into(),
        kind: EntryKind::Recette,
        account: MoneyKey::Caisse,
        amount: "12,50".into(),
        label: "Kermesse ; buvette  (tombola)".into(),
        mode: Some(PaymentMode::Especes),
        splits: vec![parse_split("7560=12,50")],
        piece: "R(1)".into(),
        cheque_no: String::new(),
    })
    .unwrap();
    book.add_transfer(&TransferRequest {
        date: "13/09/2024".into(),
        from: MoneyKey::Caisse,
        to: MoneyKey::Pro,
        amount: "10".into(),
        label: "Dépôt".into(),
        piece: String::new(),
    })
    .unwrap();
    let text = journal(&book);
    assert!(
        text.contains(
            "2024-09-12 (R1) Kermesse , buvette (tombola)  ; mode: especes\n    actif:caisse  12.50 EUR\n    produits:7560 Autres produits de gestion (kermesse, fête)  -12.50 EUR\n"
        ),
        "{text}"
    );
    assert!(
        text.starts_with("; Coopérative , des Lilas : exercice 2024-2025"),
        "{text}"
    );
    if let Some(balances) = hledger_balances(&text) {
        assert_eq!(balances["actif:caisse"], "52.50");
        assert_eq!(balances["actif:compte-pro"], "10.00");
    }
}

/// `hledger bal` of every money account in `journal`, or `None` (with a
/// note) when hledger is not installed.
fn hledger_balances(journal: &str) -> Option<std::collections::HashMap<String, String>> {
    if Command::new("hledger").arg("--version").output().is_err() {
        eprintln!("hledger n'est pas installé : lecture par hledger non vérifiée");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.journal");
    std::fs::write(&path, journal).unwrap();
    let check = Command::new("hledger")
        .arg("-f")
        .arg(&path)
        .args(["check", "accounts"])
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let mut out = std::collections::HashMap::new();
    for account in [
        "actif:caisse",
        "actif:compte-pro",
        "actif:collectes-en-ligne",
        "actif:lbp",
    ] {
        let run = Command::new("hledger")
            .arg("-f")
            .arg(&path)
            .args(["balance", "--flat", "-N", "-E", &format!("^{account}$")])
            .output()
            .unwrap();
        assert!(
            run.status.success(),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let printed = String::from_utf8(run.stdout).unwrap();
        let amount = printed
            .split_whitespace()
            .next()
            .map(|a| if a == "0" { "0.00" } else { a })
            .unwrap_or("0.00")
            .to_string();
        out.insert(account.to_string(), amount);
    }
    Some(out)
}

#[test]
fn hledger_reads_the_demo_journal_and_finds_coopcomptas_balances() {
    let book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let text = journal(&book);
    let Some(balances) = hledger_balances(&text) else {
        return;
    };
    for (key, amount) in book.balances(EX, None).unwrap() {
        let account = match key {
            MoneyKey::Caisse => "actif:caisse",
            MoneyKey::Pro => "actif:compte-pro",
            MoneyKey::EnLigne => "actif:collectes-en-ligne",
            MoneyKey::Lbp => "actif:lbp",
        };
        assert_eq!(balances[account], amount.std(), "{key:?}");
    }
    // The account types are hledger's own: its balance sheet and income
    // statement find the accounts.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.journal");
    std::fs::write(&path, &text).unwrap();
    let types = Command::new("hledger")
        .arg("-f")
        .arg(&path)
        .args(["accounts", "--types"])
        .output()
        .unwrap();
    let types = String::from_utf8(types.stdout).unwrap();
    for (account, kind) in [
        ("actif:caisse", "A"),
        ("capitaux:110 Report à nouveau", "E"),
        ("produits:7700 Dons", "R"),
        ("charges:627 Services bancaires et frais AssoConnect", "X"),
    ] {
        assert!(
            types
                .lines()
                .any(|l| l.starts_with(account) && l.ends_with(&format!("; type: {kind}"))),
            "{account} {kind}\n{types}"
        );
    }
}

#[test]
fn export_hledger_writes_a_new_file_and_never_the_base() {
    let s = Sandbox::lilas("120,50");
    let file = s.path("coop.journal");
    let printed = s.ok(&["export", "hledger", "--out", file.to_str().unwrap()]);
    assert_eq!(
        printed,
        format!("1 transaction exportée dans {}\n", file.display())
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("(AN) Report à nouveau 2024-2025\n    actif:caisse  120.50 EUR\n"),
        "{text}"
    );
    let db = s.db();
    let before = std::fs::read(&db).unwrap();
    let err = s.fails(&["export", "hledger", "--out", db.to_str().unwrap()]);
    assert_eq!(
        err,
        format!(
            "coopcompta : écriture du fichier {} impossible : c'est la base de la coopérative ou un de ses fichiers : choisissez un autre nom\n",
            db.display()
        )
    );
    assert_eq!(std::fs::read(&db).unwrap(), before);
}
