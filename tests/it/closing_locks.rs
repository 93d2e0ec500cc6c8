//! A closed exercice refuses writes: from the book (entries, contributions,
//! régie moves, cash counts, matches), from raw SQL on the store (the
//! triggers of migration 9), and the store's refusal reaches the user in
//! French.

use crate::support::book::count;
use crate::support::closing::*;
use crate::support::participations::refusal;
use coopcompta::book::demo::DEMO_EXERCICE;
use coopcompta::domain::MoneyKey;
use coopcompta::domain::closing::CarryOver;
use coopcompta::domain::participation::{Channel, ContributionLine, RegieKind, RegieRequest};
use coopcompta::store;
use std::path::Path;

#[test]
fn a_closed_exercice_refuses_writes_from_the_book() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.db");
    let (cheque, entry) = {
        let mut book = demo_at(&path);
        let cheque = book.pending_cheques().unwrap()[0].id;
        let entry = book.entries(DEMO_EXERCICE).unwrap()[3].id;
        book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
            .unwrap();
        (cheque, entry)
    };
    // Back on the closed exercice, as a header switch would show it.
    store::open(&path)
        .unwrap()
        .execute("UPDATE coop SET current_exercice = 2024", [])
        .unwrap();
    let mut book = reopen_book(&path);
    assert_eq!(book.exercice(), DEMO_EXERCICE);
    let audit = count(&book, "audit");
    assert_eq!(
        refusal(book.add_entry(&expense("20/08/2025", "5", MoneyKey::Caisse))),
        CLOSED
    );
    assert_eq!(refusal(book.cancel_entry(entry)), CLOSED);
    let campaign = book.campaigns().unwrap()[0].id;
    let pupil = book.find_pupil("FONTAINE Rose", Some("CP")).unwrap().id;
    assert_eq!(
        refusal(book.record_contribution(
            campaign,
            pupil,
            ContributionLine {
                pupil_id: pupil,
                amount: "8".into(),
                channel: Channel::Especes,
                payer: String::new(),
            },
            "20/05/2025",
        )),
        CLOSED
    );
    let cm2 = book
        .classes()
        .unwrap()
        .into_iter()
        .find(|c| c.name == "CM2")
        .unwrap()
        .id;
    assert_eq!(
        refusal(book.record_regie(&RegieRequest {
            class_id: cm2,
            kind: RegieKind::Retour,
            date: "20/06/2025".into(),
            amount: "11,60".into(),
            receipt_no: "7".into(),
            label: "Retour".into(),
            category: "606".into(),
            piece: String::new(),
        })),
        CLOSED
    );
    let line = book.bank_lines(MoneyKey::Pro).unwrap()[0].id;
    assert_eq!(refusal(book.unmatch_line(line)), CLOSED);
    assert_eq!(refusal(book.match_line(line, &[entry])), CLOSED);
    assert_eq!(count(&book, "audit"), audit);
    // Giving a cheque back after the closing is dated in the next exercice,
    // and stays possible: the contribution's accounting does not change.
    book.return_cheque(cheque, "05/09/2025").unwrap();
}

/// Runs raw SQL on the file; the error text SQLite gives, if any.
fn raw(path: &Path, sql: &str) -> Option<String> {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(sql).err().map(|e| e.to_string())
}

#[test]
fn the_store_refuses_raw_writes_to_a_closed_exercice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.db");
    {
        let mut book = demo_at(&path);
        book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
            .unwrap();
    }
    let refused = [
        "UPDATE entry SET label = 'x' WHERE id = 5",
        "DELETE FROM entry WHERE id = 157",
        "INSERT INTO entry (exercice, date, piece, kind, label, created_at) VALUES (2024, '2025-08-31', 'R900', 'recette', 'x', 'x')",
        "UPDATE entry_line SET amount_cents = amount_cents + 1 WHERE id = 3",
        "DELETE FROM entry_line WHERE id = 3",
        "INSERT INTO entry_line (entry_id, position, account_id, amount_cents, exercice, date) VALUES (5, 9, 1, 1, 2024, '2025-01-01')",
        "UPDATE entry SET exercice = 2024 WHERE exercice = 2025",
        "UPDATE contribution SET amount_cents = 1 WHERE id = 1",
        "UPDATE contribution SET cancelled_at = 'x' WHERE id = 1",
        "DELETE FROM contribution WHERE id = 1",
        "INSERT INTO contribution (campaign_id, pupil_id, date, amount_cents, channel, created_at) SELECT 1, 1, '2025-05-01', 100, 'cheque', 'x'",
        "UPDATE regie_move SET receipt_no = '8'",
        "DELETE FROM regie_move",
        "INSERT INTO regie_move (class_id, kind, entry_id, created_at) VALUES (6, 'depense', 5, 'x')",
        "DELETE FROM bank_match",
        "UPDATE bank_match SET created_at = 'x'",
        "INSERT INTO cash_count (exercice, date, detail, counted_cents, books_cents, created_at) VALUES (2024, '2025-08-31', '', 0, 0, 'x')",
        "UPDATE exercice SET start_year = 2023 WHERE start_year = 2024",
        "DELETE FROM exercice WHERE start_year = 2024",
    ];
    let conn = rusqlite::Connection::open(&path).unwrap();
    let matches: i64 = conn
        .query_row("SELECT count(*) FROM bank_match", [], |r| r.get(0))
        .unwrap();
    assert!(matches > 0, "the demo has matches to refuse");
    let before: i64 = conn
        .query_row("SELECT count(*) FROM entry_line", [], |r| r.get(0))
        .unwrap();
    for sql in refused {
        assert_eq!(
            raw(&path, sql).as_deref(),
            Some("exercice clôturé"),
            "{sql}"
        );
    }
    let after: i64 = conn
        .query_row("SELECT count(*) FROM entry_line", [], |r| r.get(0))
        .unwrap();
    assert_eq!(after, before);
    // What the app does after a closing stays possible: a cheque given back,
    // names anonymised, pupils renamed; the next exercice is open.
    for allowed in [
        "UPDATE contribution SET returned_on = '2025-09-05', returned_by = 'Mme Girard' WHERE channel = 'cheque'",
        "UPDATE contribution SET payer = '', returned_by = ''",
        "UPDATE pupil SET nom = 'Élève n° 1' WHERE id = 1",
        "INSERT INTO entry (exercice, date, piece, kind, label, created_at) VALUES (2025, '2025-09-02', 'R900', 'recette', 'x', 'x')",
    ] {
        assert_eq!(raw(&path, allowed), None, "{allowed}");
    }
    // A cheque given back cannot be given back again on a closed exercice.
    assert_eq!(
        raw(
            &path,
            "UPDATE contribution SET returned_on = '2025-09-06' WHERE channel = 'cheque'"
        )
        .as_deref(),
        Some("exercice clôturé")
    );
}

#[test]
fn a_store_refusal_reaches_the_user_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.db");
    {
        let mut book = demo_at(&path);
        book.close_exercice(DEMO_EXERCICE, &all_overridden(), &CarryOver::default())
            .unwrap();
    }
    let conn = store::open(&path).unwrap();
    let error: store::StoreError = conn
        .execute("UPDATE entry SET label = 'x' WHERE id = 5", [])
        .unwrap_err()
        .into();
    assert_eq!(
        error.to_string(),
        "l'exercice est clôturé : il ne peut plus être modifié"
    );
}
