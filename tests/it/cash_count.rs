//! The arrêté de caisse in the books: a count that matches, a difference
//! only noted, a difference booked on 671 or 771 (the category added when
//! the chart lacks it), and every refusal leaving the base as it was.

use crate::support::book::{count, lines, pairs};
use crate::support::{clock, new_coop};
use chrono::NaiveDate;
use coopcompta::book::Book;
use coopcompta::domain::cash_count::{CashCountRequest, Counted};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput};
use coopcompta::domain::{EntryKind, Exercice, Money, MoneyKey, PaymentMode};
use coopcompta::io::import::chart::default_chart;
use coopcompta::store;
use coopcompta::store::open_in_memory;

fn day(month: u32, d: u32) -> NaiveDate {
    let year = if month >= 9 { 2024 } else { 2025 };
    NaiveDate::from_ymd_opt(year, month, d).unwrap()
}

fn c(cents: i64, count: u32) -> Counted {
    Counted { cents, count }
}

/// 150,00 € in the caisse at the opening, 23,50 € of sales on 10/10, a
/// 12,30 € goûter on 05/11: 161,20 € from 05/11 on.
fn book() -> Book {
    book_on(open_in_memory().unwrap())
}

fn book_on(conn: rusqlite::Connection) -> Book {
    let mut book = new_coop(
        conn,
        "Coopérative de l'école des Lilas",
        Exercice::new(2024),
        &[(MoneyKey::Caisse, 15_000), (MoneyKey::Pro, 100_000)],
        clock(),
    );
    for (date, kind, amount, code, label) in [
        (
            "10/10/2024",
            EntryKind::Recette,
            "23,50",
            "7080",
            "Vente de gâteaux",
        ),
        (
            "05/11/2024",
            EntryKind::Depense,
            "12,30",
            "6257",
            "Goûter de Noël",
        ),
    ] {
        book.add_entry(&EntryRequest {
            date: date.into(),
            kind,
            account: MoneyKey::Caisse,
            amount: amount.into(),
            label: label.into(),
            mode: Some(PaymentMode::Especes),
            splits: vec![SplitInput {
                code: code.into(),
                amount: String::new(),
            }],
            piece: String::new(),
            cheque_no: String::new(),
        })
        .unwrap();
    }
    book
}

/// 161,20 € in notes and coins: 100 + 50 + 10 + 1 + 0,20.
fn exact() -> Vec<Counted> {
    vec![c(10_000, 1), c(5_000, 1), c(1_000, 1), c(100, 1), c(20, 1)]
}

fn request(date: NaiveDate, counts: Vec<Counted>, adjust: Option<&str>) -> CashCountRequest {
    CashCountRequest {
        date,
        counted_by: "Mme Martin".into(),
        counts,
        adjust: adjust.map(str::to_string),
    }
}

const TABLES: [&str; 5] = ["cash_count", "entry", "entry_line", "audit", "account"];

fn rows(book: &Book) -> Vec<i64> {
    TABLES.iter().map(|t| count(book, t)).collect()
}

fn detail(book: &Book, id: i64) -> (String, String) {
    book.conn()
        .query_row(
            "SELECT detail, reason FROM cash_count WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap()
}

fn caisse(book: &Book) -> String {
    book.balances(book.exercice(), None).unwrap()[0].1.std()
}

#[test]
fn the_caisse_in_the_books_is_the_balance_at_the_end_of_the_day() {
    let book = book();
    assert_eq!(book.caisse_at(day(9, 1)).unwrap().std(), "150.00");
    assert_eq!(book.caisse_at(day(10, 9)).unwrap().std(), "150.00");
    assert_eq!(book.caisse_at(day(10, 10)).unwrap().std(), "173.50");
    assert_eq!(book.caisse_at(day(11, 5)).unwrap().std(), "161.20");
    assert_eq!(book.caisse_at(day(3, 15)).unwrap().std(), "161.20");
}

#[test]
fn a_matching_count_is_recorded_with_its_detail_and_audited() {
    let mut book = book();
    let before = rows(&book);
    let count = book
        .record_cash_count(&request(day(3, 14), exact(), None))
        .unwrap();
    assert_eq!(count.counted.std(), "161.20");
    assert_eq!(count.books.std(), "161.20");
    assert_eq!(count.difference(), Money::ZERO);
    assert_eq!(count.adjustment, None);
    assert_eq!(count.counted_by, "Mme Martin");
    assert_eq!(
        detail(&book, count.id),
        ("10000x1 5000x1 1000x1 100x1 20x1".into(), String::new())
    );
    let after = rows(&book);
    assert_eq!(after[0], before[0] + 1, "one count");
    assert_eq!(after[1], before[1], "no entry");
    assert_eq!(after[3], before[3] + 1, "one audit row");
    let audit: (String, String) = book
        .conn()
        .query_row(
            "SELECT entity, after FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    assert_eq!(
        audit,
        (
            "arrete_caisse".into(),
            "arrêté de caisse du 14/03/2025 ; compté 161,20 € (10000x1 5000x1 1000x1 100x1 20x1) ; livres 161,20 € ; écart 0,00 € ; compté par Mme Martin".into()
        )
    );
    assert_eq!(
        book.cash_counts(Exercice::new(2024)).unwrap(),
        std::slice::from_ref(&count)
    );
    assert_eq!(
        book.last_cash_count(Exercice::new(2024)).unwrap(),
        Some(count)
    );
}

#[test]
fn counts_are_listed_oldest_first_and_a_difference_alone_books_nothing() {
    let mut book = book();
    let later = book
        .record_cash_count(&request(day(3, 1), vec![c(10_000, 1), c(5_000, 1)], None))
        .unwrap();
    let entries = count(&book, "entry");
    let earlier = book
        .record_cash_count(&request(day(10, 10), vec![c(10_000, 1)], None))
        .unwrap();
    assert_eq!(later.difference().std(), "-11.20");
    assert_eq!(earlier.books.std(), "173.50");
    assert_eq!(earlier.difference().std(), "-73.50");
    assert_eq!(
        count(&book, "entry"),
        entries,
        "no adjustment without --adjust"
    );
    assert_eq!(caisse(&book), "161.20");
    let listed: Vec<NaiveDate> = book
        .cash_counts(Exercice::new(2024))
        .unwrap()
        .iter()
        .map(|c| c.date)
        .collect();
    assert_eq!(listed, [day(10, 10), day(3, 1)]);
    assert_eq!(
        book.last_cash_count(Exercice::new(2024)).unwrap(),
        Some(later)
    );
    assert_eq!(book.cash_counts(Exercice::new(2023)).unwrap(), []);
}

#[test]
fn missing_cash_is_booked_as_a_charge_exceptionnelle() {
    let mut book = book();
    let before = rows(&book);
    // 1,20 € missing: 160,00 € counted.
    let counts = vec![c(10_000, 1), c(5_000, 1), c(1_000, 1)];
    let count = book
        .record_cash_count(&request(day(3, 14), counts, Some("  pièce perdue  ")))
        .unwrap();
    assert_eq!(count.difference().std(), "-1.20");
    assert_eq!(count.adjustment.as_deref(), Some("D002"));
    assert_eq!(count.reason, "pièce perdue");
    let entry = book
        .entries(book.exercice())
        .unwrap()
        .into_iter()
        .find(|e| e.piece == "D002")
        .unwrap();
    assert_eq!(entry.kind, EntryKind::Depense);
    assert_eq!(entry.date, day(3, 14));
    assert_eq!(entry.mode, Some(PaymentMode::Especes));
    assert_eq!(
        entry.label,
        "Écart d'arrêté de caisse du 14/03/2025 : pièce perdue"
    );
    assert_eq!(
        lines(&book, entry.id),
        pairs(&[("530", "-1.20"), ("671", "1.20")])
    );
    assert_eq!(
        caisse(&book),
        "160.00",
        "the books now say what the box holds"
    );
    let after = rows(&book);
    assert_eq!(after[0], before[0] + 1);
    assert_eq!(after[1], before[1] + 1, "one adjustment entry");
    assert_eq!(after[3], before[3] + 1, "one audit row for the action");
    assert_eq!(after[4], before[4], "671 is in the chart already");
    let audit: String = book
        .conn()
        .query_row(
            "SELECT after FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(
        audit.ends_with(" ; ajustement : 2025-03-14 | D002 | depense | Écart d'arrêté de caisse du 14/03/2025 : pièce perdue |  | mode especes | 530 -1.20, 671 1.20"),
        "{audit}"
    );
    let id: Option<i64> = book
        .conn()
        .query_row(
            "SELECT adjustment_entry_id FROM cash_count WHERE id = ?1",
            [count.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(id, Some(entry.id));
}

#[test]
fn cash_found_is_a_produit_exceptionnel_and_771_is_added_when_missing() {
    let chart: Vec<_> = default_chart()
        .into_iter()
        .filter(|r| r.code != "771")
        .collect();
    let mut book = coopcompta::book::create_book(
        open_in_memory().unwrap(),
        &coopcompta::book::SetupRequest {
            coop_name: "Coopérative de l'école des Lilas".into(),
            exercice: Exercice::new(2024),
            openings: vec![(MoneyKey::Caisse, Money::from_cents(5_000))],
        },
        &chart,
        clock(),
    )
    .unwrap();
    assert!(!book.chart().iter().any(|a| a.code == "771"));
    let accounts = count(&book, "account");
    // 53,00 € counted for 50,00 € in the books.
    let counts = vec![c(5_000, 1), c(200, 1), c(100, 1)];
    let count_ = book
        .record_cash_count(&request(day(2, 3), counts, Some("monnaie de la kermesse")))
        .unwrap();
    assert_eq!(count_.difference().std(), "3.00");
    assert_eq!(count_.adjustment.as_deref(), Some("R001"));
    assert_eq!(count(&book, "account"), accounts + 1);
    let added = book.chart().iter().find(|a| a.code == "771").unwrap();
    assert_eq!(added.label, "Produits exceptionnels");
    assert_eq!(added.kind, coopcompta::domain::AccountKind::Produit);
    let entry = book
        .entries(book.exercice())
        .unwrap()
        .into_iter()
        .find(|e| e.piece == "R001")
        .unwrap();
    assert_eq!(entry.kind, EntryKind::Recette);
    assert_eq!(
        lines(&book, entry.id),
        pairs(&[("530", "3.00"), ("771", "-3.00")])
    );
    assert_eq!(
        entry.label,
        "Écart d'arrêté de caisse du 03/02/2025 : monnaie de la kermesse"
    );
    assert_eq!(caisse(&book), "53.00");
}

/// The books of `book()` in a file, with `code` hidden from the chart, opened
/// again (the chart is read when the books open).
fn book_with_hidden(dir: &tempfile::TempDir, code: &str) -> Book {
    let path = dir.path().join("coop.db");
    let book = book_on(store::open(&path).unwrap());
    let hidden = book
        .conn()
        .execute("UPDATE account SET hidden = 1 WHERE code = ?1", [code])
        .unwrap();
    assert_eq!(hidden, 1);
    drop(book);
    let book = Book::load(store::open(&path).unwrap(), clock()).unwrap();
    assert!(!book.chart().iter().any(|a| a.code == code));
    book
}

fn last_audit(book: &Book) -> String {
    book.conn()
        .query_row(
            "SELECT after FROM audit ORDER BY id DESC LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_hidden_671_or_771_takes_the_adjustment_and_is_shown_again() {
    for (code, counts, expected, reason) in [
        // 1,20 € missing: 160,00 € counted for 161,20 €.
        (
            "671",
            vec![c(10_000, 1), c(5_000, 1), c(1_000, 1)],
            [("530", "-1.20"), ("671", "1.20")],
            "pièce perdue",
        ),
        // 1,80 € found: 163,00 € counted.
        (
            "771",
            vec![c(10_000, 1), c(5_000, 1), c(1_000, 1), c(200, 1), c(100, 1)],
            [("530", "1.80"), ("771", "-1.80")],
            "monnaie oubliée",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut book = book_with_hidden(&dir, code);
        let accounts = count(&book, "account");
        let label = book
            .conn()
            .query_row("SELECT label FROM account WHERE code = ?1", [code], |r| {
                r.get::<_, String>(0)
            })
            .unwrap();
        let count_ = book
            .record_cash_count(&request(day(3, 14), counts, Some(reason)))
            .unwrap_or_else(|e| panic!("{code}: {e}"));
        let piece = count_.adjustment.clone().unwrap();
        let entry = book
            .entries(book.exercice())
            .unwrap()
            .into_iter()
            .find(|e| e.piece == piece)
            .unwrap();
        assert_eq!(lines(&book, entry.id), pairs(&expected), "{code}");
        assert_eq!(
            count(&book, "account"),
            accounts,
            "{code}: no second {code}"
        );
        let shown = book.chart().iter().find(|a| a.code == code);
        assert_eq!(
            shown.map(|a| a.label.as_str()),
            Some(label.as_str()),
            "{code}: shown again as the user named it"
        );
        let hidden: bool = book
            .conn()
            .query_row("SELECT hidden FROM account WHERE code = ?1", [code], |r| {
                r.get(0)
            })
            .unwrap();
        assert!(!hidden, "{code}");
        assert!(
            last_audit(&book).ends_with(&format!(
                " ; catégorie {code} réaffichée dans le plan comptable"
            )),
            "{code}: {}",
            last_audit(&book)
        );
        // The adjustment stays editable: its category is in the chart.
        let again = Book::load(store::open(&dir.path().join("coop.db")).unwrap(), clock()).unwrap();
        assert!(again.chart().iter().any(|a| a.code == code), "{code}");
    }
}

#[test]
fn adjusting_a_count_that_matches_books_nothing() {
    let mut book = book();
    let entries = count(&book, "entry");
    let count_ = book
        .record_cash_count(&request(day(3, 14), exact(), Some("rien")))
        .unwrap();
    assert_eq!(count_.difference(), Money::ZERO);
    assert_eq!(count_.adjustment, None);
    assert_eq!(count_.reason, "");
    assert_eq!(count(&book, "entry"), entries);
}

#[test]
fn an_adjustment_that_would_empty_the_caisse_later_is_refused() {
    let mut book = book();
    // On 05/11 the books spend 12,30 € after the count of 10/10: counting
    // only 10,00 € that day and booking the 163,50 € missing would leave
    // the caisse below zero on 05/11.
    let before = rows(&book);
    let error = book
        .record_cash_count(&request(day(10, 10), vec![c(1_000, 1)], Some("vol")))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Montant : la Caisse passerait à -2,30 € le 05/11/2024 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)"
    );
    assert_eq!(rows(&book), before);
}

#[test]
fn refused_counts_write_nothing() {
    let mut book = book();
    let before = rows(&book);
    let generation = book.generation();
    let cases: Vec<(CashCountRequest, &str)> = vec![
        (
            request(day(3, 14), exact(), Some("   ")),
            "Motif : vide : expliquez l'écart (ex. « erreur de rendu de monnaie à la kermesse »)",
        ),
        (
            request(NaiveDate::from_ymd_opt(2025, 9, 2).unwrap(), exact(), None),
            "Date : « 02/09/2025 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)",
        ),
        (
            request(day(3, 16), exact(), None),
            "Date : « 16/03/2025 » est dans le futur : une caisse se compte au plus tard aujourd'hui (15/03/2025)",
        ),
        (
            request(day(3, 14), vec![c(300, 1)], None),
            "Comptage : 3 € n'est ni un billet ni une pièce en euros (billets 500 … 5 €, pièces 2 € … 0,01 €)",
        ),
        (
            request(day(3, 14), vec![c(50, 1), c(2_000, 1), c(50, 2)], None),
            "Comptage : la pièce de 0,50 € est comptée deux fois : donnez chaque valeur une seule fois",
        ),
        (
            CashCountRequest {
                counted_by: "Mme\u{7}Martin".into(),
                ..request(day(3, 14), exact(), None)
            },
            "Compté par : « Mme␇Martin » contient un caractère de contrôle ou invisible (U+0007) : tapez du texte simple, sur une ligne",
        ),
    ];
    for (request, expected) in cases {
        let error = book.record_cash_count(&request).unwrap_err();
        assert_eq!(error.to_string(), expected);
        assert_eq!(rows(&book), before, "{expected}");
        assert_eq!(book.generation(), generation, "{expected}");
    }
}

#[test]
fn a_closed_exercice_takes_no_count() {
    let mut book = book();
    book.conn()
        .execute(
            "UPDATE exercice SET closed_at = '2025-03-15T09:00:00' WHERE start_year = 2024",
            [],
        )
        .unwrap();
    let before = rows(&book);
    let error = book
        .record_cash_count(&request(day(3, 14), exact(), None))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "l'exercice 2024-2025 est clôturé : il ne peut plus être modifié"
    );
    assert_eq!(rows(&book), before);
}
