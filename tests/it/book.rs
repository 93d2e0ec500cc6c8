//! The behaviour of `Book`, the layer every user action goes through: pièce
//! numbering, refusals that write nothing, edits, cancellations, openings,
//! virements, categories, and the demo year.

use crate::support::book::{balances, count, lines, pairs};
use crate::support::{clock, new_coop};
use chrono::NaiveDate;
use coopcompta::book::demo::load_demo;
use coopcompta::book::{Book, SetupRequest, create_book};
use coopcompta::domain::entry_request::{EntryRequest, SplitInput, TransferRequest};
use coopcompta::domain::{
    AccountKind, EntryKind, Exercice, Field, FieldErrors, Money, MoneyKey, PaymentMode,
};
use coopcompta::io::import::chart::default_chart;
use coopcompta::store::{self, StoreError};

const EX: Exercice = Exercice { start_year: 2024 };

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Caisse 86,40 and Compte Pro 1 000,00 at the opening.
fn book() -> Book {
    new_coop(
        store::open_in_memory().unwrap(),
        "Coopérative scolaire de l'école des Lilas",
        EX,
        &[
            (MoneyKey::Caisse, 8_640),
            (MoneyKey::Pro, 100_000),
            (MoneyKey::EnLigne, 0),
        ],
        clock(),
    )
}

fn request(
    kind: EntryKind,
    account: MoneyKey,
    date: &str,
    amount: &str,
    splits: &[(&str, &str)],
) -> EntryRequest {
    EntryRequest {
        date: date.into(),
        kind,
        account,
        amount: amount.into(),
        label: format!("{} de test", kind.label()),
        mode: Some(PaymentMode::default_for(account)),
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

fn recette(account: MoneyKey, amount: &str, code: &str) -> EntryRequest {
    request(
        EntryKind::Recette,
        account,
        "10/10/2024",
        amount,
        &[(code, "")],
    )
}

fn depense(account: MoneyKey, amount: &str, code: &str) -> EntryRequest {
    request(
        EntryKind::Depense,
        account,
        "12/10/2024",
        amount,
        &[(code, "")],
    )
}

fn transfer(from: MoneyKey, to: MoneyKey, amount: &str) -> TransferRequest {
    TransferRequest {
        date: "15/10/2024".into(),
        from,
        to,
        amount: amount.into(),
        label: "Virement de test".into(),
        piece: String::new(),
    }
}

/// Everything a refused action must leave as it was.
#[derive(Debug, PartialEq, Eq)]
struct State {
    entries: i64,
    lines: i64,
    audit: i64,
    accounts: i64,
    balances: Vec<String>,
}

fn state(book: &Book) -> State {
    State {
        entries: count(book, "entry"),
        lines: count(book, "entry_line"),
        audit: count(book, "audit"),
        accounts: count(book, "account"),
        balances: balances(book),
    }
}

fn field_errors(result: Result<impl std::fmt::Debug, StoreError>) -> FieldErrors {
    match result {
        Err(StoreError::Field(errors)) => errors,
        other => panic!("expected field errors, got {other:?}"),
    }
}

fn refusal(result: Result<impl std::fmt::Debug, StoreError>) -> String {
    match result {
        Err(StoreError::Refused(message)) => message,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

fn piece(book: &Book, id: i64) -> String {
    book.entry(id).unwrap().unwrap().piece
}

#[test]
fn pieces_are_numbered_per_kind() {
    let mut book = book();
    assert_eq!(book.next_piece(EntryKind::Recette).unwrap(), "R001");
    let r1 = book
        .add_entry(&recette(MoneyKey::Caisse, "10", "75620008"))
        .unwrap();
    let r2 = book
        .add_entry(&recette(MoneyKey::EnLigne, "20", "75620008"))
        .unwrap();
    let d1 = book
        .add_entry(&depense(MoneyKey::Pro, "30", "606"))
        .unwrap();
    let v1 = book
        .add_transfer(&transfer(MoneyKey::Caisse, MoneyKey::Pro, "5"))
        .unwrap();
    let d2 = book
        .add_entry(&depense(MoneyKey::Caisse, "1", "606"))
        .unwrap();
    let v2 = book
        .add_transfer(&transfer(MoneyKey::EnLigne, MoneyKey::Pro, "20"))
        .unwrap();
    let got: Vec<String> = [r1, r2, d1, v1, d2, v2]
        .iter()
        .map(|&id| piece(&book, id))
        .collect();
    assert_eq!(got, ["R001", "R002", "D001", "V001", "D002", "V002"]);
    assert_eq!(piece(&book, 1), "AN");

    // A number typed by hand: the series goes on after the highest.
    let mut typed = recette(MoneyKey::Caisse, "1", "7560");
    typed.piece = "R010".into();
    book.add_entry(&typed).unwrap();
    let next = book
        .add_entry(&recette(MoneyKey::Caisse, "1", "7560"))
        .unwrap();
    assert_eq!(piece(&book, next), "R011");
    assert_eq!(book.next_piece(EntryKind::Depense).unwrap(), "D003");
    assert_eq!(book.next_piece(EntryKind::Virement).unwrap(), "V003");
    // A reversal (D001-A) does not move the series.
    book.cancel_entry(d1).unwrap();
    assert_eq!(book.next_piece(EntryKind::Depense).unwrap(), "D003");
    // Other series' letters do not count: "DON1" is not a dépense number.
    let mut odd = recette(MoneyKey::Caisse, "1", "7560");
    odd.piece = "DON1".into();
    book.add_entry(&odd).unwrap();
    assert_eq!(book.next_piece(EntryKind::Depense).unwrap(), "D003");
}

#[test]
fn a_duplicate_piece_is_refused_and_nothing_is_written() {
    let mut book = book();
    book.add_entry(&recette(MoneyKey::Caisse, "10", "75620008"))
        .unwrap();
    let before = state(&book);
    for kind in [EntryKind::Recette, EntryKind::Depense] {
        let mut again = request(
            kind,
            MoneyKey::Caisse,
            "11/10/2024",
            "5",
            &[(
                if kind == EntryKind::Recette {
                    "7560"
                } else {
                    "606"
                },
                "",
            )],
        );
        again.piece = " R001 ".into();
        let errors = field_errors(book.add_entry(&again));
        assert_eq!(errors.0.len(), 1, "{errors}");
        assert_eq!(
            errors.for_field(Field::Piece).map(|e| e.message.as_str()),
            Some(
                "« R001 » est déjà utilisé dans l'exercice 2024-2025 : choisissez un autre numéro"
            )
        );
        assert_eq!(state(&book), before);
    }
    let mut v = transfer(MoneyKey::Caisse, MoneyKey::Pro, "5");
    v.piece = "AN".into();
    let errors = field_errors(book.add_transfer(&v));
    assert_eq!(
        errors.for_field(Field::Piece).unwrap().message,
        "« AN » est déjà utilisé dans l'exercice 2024-2025 : choisissez un autre numéro"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn refused_entries_write_nothing_and_say_why() {
    let mut book = book();
    book.add_entry(&recette(MoneyKey::Caisse, "10", "75620008"))
        .unwrap();
    let before = state(&book);
    let with = |change: &dyn Fn(&mut EntryRequest), base: EntryRequest| {
        let mut r = base;
        change(&mut r);
        r
    };
    let cases: Vec<(EntryRequest, Field, &str)> = vec![
        (
            recette(MoneyKey::Caisse, "12,345", "75620008"),
            Field::Montant,
            "« 12,345 » a plus de deux décimales : les centimes s'arrêtent à 2 chiffres (ex. 12,35)",
        ),
        (
            recette(MoneyKey::Caisse, "douze", "75620008"),
            Field::Montant,
            "« douze » n'est pas un montant : chiffres attendus, par exemple 12,50",
        ),
        (
            depense(MoneyKey::Pro, "0", "606"),
            Field::Montant,
            "« 0 » : le montant doit être supérieur à zéro",
        ),
        (
            recette(MoneyKey::Caisse, "10", "7999"),
            Field::Categorie,
            "« 7999 » n'existe pas dans le plan comptable",
        ),
        (
            recette(MoneyKey::Caisse, "10", "606"),
            Field::Categorie,
            "« 606 Fournitures et petit matériel » n'est pas un compte de produits (7…) pour une recette",
        ),
        (
            depense(MoneyKey::Pro, "10", "7560"),
            Field::Categorie,
            "« 7560 Autres produits de gestion (kermesse, fête) » n'est pas un compte de charges (6…) pour une dépense",
        ),
        (
            depense(MoneyKey::Pro, "10", "530"),
            Field::Categorie,
            "« 530 Caisse » n'est pas un compte de charges (6…) pour une dépense",
        ),
        (
            request(
                EntryKind::Depense,
                MoneyKey::Pro,
                "15/10/2024",
                "100",
                &[("62810008", "80"), ("61681008", "10")],
            ),
            Field::Ventilation,
            "la ventilation fait 90,00 € pour un montant de 100,00 € (reste à ventiler 10,00 €)",
        ),
        (
            with(
                &|r| r.date = "01/09/2025".into(),
                recette(MoneyKey::Caisse, "10", "75620008"),
            ),
            Field::Date,
            "« 01/09/2025 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)",
        ),
        (
            with(
                &|r| r.date = "31/08/2024".into(),
                depense(MoneyKey::Pro, "10", "606"),
            ),
            Field::Date,
            "« 31/08/2024 » est hors de l'exercice 2024-2025 (du 01/09/2024 au 31/08/2025)",
        ),
        (
            with(
                &|r| r.mode = Some(PaymentMode::Cheque),
                recette(MoneyKey::Caisse, "10", "75620008"),
            ),
            Field::Mode,
            "les chèques ne sont plus acceptés : rendez le chèque et proposez le paiement en ligne ou en espèces",
        ),
        (
            with(
                &|r| r.mode = Some(PaymentMode::Cheque),
                recette(MoneyKey::Pro, "10", "75620008"),
            ),
            Field::Mode,
            "les chèques ne sont plus acceptés : rendez le chèque et proposez le paiement en ligne ou en espèces",
        ),
        (
            with(
                &|r| r.label = "   ".into(),
                recette(MoneyKey::Caisse, "10", "75620008"),
            ),
            Field::Libelle,
            "vide : décrivez l'opération (ex. « Sortie cinéma CP »)",
        ),
        (
            with(
                &|r| r.splits = vec![SplitInput::default()],
                depense(MoneyKey::Pro, "10", "606"),
            ),
            Field::Categorie,
            "aucune catégorie : choisissez un compte de charges (6…) pour une dépense",
        ),
    ];
    for (req, field, message) in cases {
        let errors = field_errors(book.add_entry(&req));
        assert_eq!(
            errors.for_field(field).map(|e| e.message.as_str()),
            Some(message),
            "{req:?} gave {errors}"
        );
        assert_eq!(state(&book), before, "{req:?} wrote something");
    }
    assert_eq!(book.next_piece(EntryKind::Recette).unwrap(), "R002");

    // A transfer to the same account is refused too.
    let errors = field_errors(book.add_transfer(&transfer(MoneyKey::Pro, MoneyKey::Pro, "10")));
    assert_eq!(
        errors.for_field(Field::Destination).unwrap().message,
        "« Compte Pro » : choisissez un autre compte que celui de départ"
    );
    assert_eq!(state(&book), before);

    // Cheques still clear on the old LBP account.
    let mut lbp = recette(MoneyKey::Lbp, "25", "75620008");
    lbp.mode = Some(PaymentMode::Cheque);
    lbp.cheque_no = "0004530".into();
    let id = book.add_entry(&lbp).unwrap();
    assert_eq!(
        book.entry(id).unwrap().unwrap().cheque_no.as_deref(),
        Some("0004530")
    );
}

#[test]
fn a_split_entry_has_one_line_per_part() {
    let mut book = book();
    let id = book
        .add_entry(&request(
            EntryKind::Depense,
            MoneyKey::Pro,
            "15/10/2024",
            "100,00",
            &[("62810008", "80"), ("61681008", "20,00")],
        ))
        .unwrap();
    assert_eq!(
        lines(&book, id),
        pairs(&[
            ("512", "-100.00"),
            ("62810008", "80.00"),
            ("61681008", "20.00")
        ])
    );
    assert_eq!(balances(&book), ["86.40", "900.00", "0.00", "0.00"]);
}

#[test]
fn an_edit_keeps_the_id_changes_the_lines_and_is_audited() {
    let mut book = book();
    let id = book
        .add_entry(&depense(MoneyKey::Pro, "45", "606"))
        .unwrap();
    let other = book.add_entry(&depense(MoneyKey::Pro, "5", "606")).unwrap();
    assert_eq!(balances(&book), ["86.40", "950.00", "0.00", "0.00"]);
    let entries_before = count(&book, "entry");
    let audit_before = count(&book, "audit");

    let stored = book.entry(id).unwrap().unwrap();
    let mut change = EntryRequest::from_entry(&stored, book.chart()).unwrap();
    assert_eq!(change.piece, "D001");
    assert_eq!(change.amount, "45,00");
    change.amount = "60".into();
    change.label = "Fournitures et papeterie".into();
    change.splits = vec![
        SplitInput {
            code: "606".into(),
            amount: "40".into(),
        },
        SplitInput {
            code: "6064".into(),
            amount: "20".into(),
        },
    ];
    book.edit_entry(id, &change).unwrap();

    let after = book.entry(id).unwrap().unwrap();
    assert_eq!(after.id, id);
    assert_eq!(after.piece, "D001");
    assert_eq!(after.label, "Fournitures et papeterie");
    assert_eq!(
        lines(&book, id),
        pairs(&[("512", "-60.00"), ("606", "40.00"), ("6064", "20.00")])
    );
    assert_eq!(balances(&book), ["86.40", "935.00", "0.00", "0.00"]);
    assert_eq!(count(&book, "entry"), entries_before);
    assert_eq!(
        count(&book, "entry_line"),
        3 + 3 + 2,
        "AN (3) + D001 (3) + D002 (2)"
    );

    let audit = store::audit::load(book.conn()).unwrap();
    assert_eq!(audit.len() as i64, audit_before + 1);
    let row = audit.last().unwrap();
    assert_eq!(
        (row.action.as_str(), row.entity.as_str(), row.entity_id),
        ("modification", "ecriture", Some(id))
    );
    assert_eq!(row.at, "2025-03-15T10:00:00");
    assert_eq!(
        row.before.as_deref(),
        Some(
            "2024-10-12 | D001 | depense | Dépense de test |  | mode virement | 512 -45.00, 606 45.00"
        )
    );
    assert_eq!(
        row.after.as_deref(),
        Some(
            "2024-10-12 | D001 | depense | Fournitures et papeterie |  | mode virement | 512 -60.00, 606 40.00, 6064 20.00"
        )
    );

    // An edit onto another entry's pièce, or out of the exercice, writes nothing.
    let before = state(&book);
    let mut clash = change.clone();
    clash.piece = piece(&book, other);
    let errors = field_errors(book.edit_entry(id, &clash));
    assert_eq!(
        errors.for_field(Field::Piece).unwrap().message,
        "« D002 » est déjà utilisé dans l'exercice 2024-2025 : choisissez un autre numéro"
    );
    let mut late = change.clone();
    late.date = "02/09/2025".into();
    assert!(
        field_errors(book.edit_entry(id, &late))
            .for_field(Field::Date)
            .is_some()
    );
    assert_eq!(state(&book), before);
    assert_eq!(
        lines(&book, id),
        pairs(&[("512", "-60.00"), ("606", "40.00"), ("6064", "20.00")])
    );
}

#[test]
fn a_transfer_edits_as_a_transfer_only() {
    let mut book = book();
    let r = book
        .add_entry(&recette(MoneyKey::Caisse, "10", "7560"))
        .unwrap();
    let v = book
        .add_transfer(&transfer(MoneyKey::Caisse, MoneyKey::Pro, "50"))
        .unwrap();
    let before = state(&book);
    assert_eq!(
        refusal(book.edit_entry(v, &recette(MoneyKey::Caisse, "1", "7560"))),
        "V001 est un virement interne"
    );
    assert_eq!(
        refusal(book.edit_transfer(r, &transfer(MoneyKey::Caisse, MoneyKey::Pro, "1"))),
        "R001 n'est pas un virement interne"
    );
    assert_eq!(state(&book), before);
    let stored = book.entry(v).unwrap().unwrap();
    let mut change = TransferRequest::from_entry(&stored, book.chart()).unwrap();
    assert_eq!(
        (change.from, change.to, change.amount.as_str()),
        (MoneyKey::Caisse, MoneyKey::Pro, "50,00")
    );
    change.amount = "60".into();
    book.edit_transfer(v, &change).unwrap();
    assert_eq!(
        lines(&book, v),
        pairs(&[("530", "-60.00"), ("512", "60.00")])
    );
    assert_eq!(balances(&book), ["36.40", "1060.00", "0.00", "0.00"]);
}

#[test]
fn a_cancellation_is_a_reversal_and_is_final() {
    let mut book = book();
    let balances_before = balances(&book);
    let id = book
        .add_entry(&request(
            EntryKind::Depense,
            MoneyKey::Pro,
            "20/03/2025",
            "250",
            &[("6251", "200"), ("604", "50")],
        ))
        .unwrap();
    assert_eq!(balances(&book), ["86.40", "750.00", "0.00", "0.00"]);
    let original = book.entry(id).unwrap().unwrap();

    let rid = book.cancel_entry(id).unwrap();
    let reversal = book.entry(rid).unwrap().unwrap();
    assert_eq!(reversal.piece, "D001-A");
    assert_eq!(reversal.kind, EntryKind::Depense);
    assert_eq!(reversal.reverses, Some(id));
    assert_eq!(reversal.label, "Annulation de D001 : Dépense de test");
    // Dated today, or the original's date if that is later (here 20/03 > 15/03).
    assert_eq!(reversal.date, date(2025, 3, 20));
    let negated: Vec<(String, Money)> = original
        .lines
        .iter()
        .map(|l| (l.account_code.clone(), -l.amount))
        .collect();
    let got: Vec<(String, Money)> = reversal
        .lines
        .iter()
        .map(|l| (l.account_code.clone(), l.amount))
        .collect();
    assert_eq!(got, negated);
    assert_eq!(book.entry(id).unwrap().unwrap().reversed_by, Some(rid));
    assert_eq!(balances(&book), balances_before);
    // The original is unchanged apart from being marked.
    assert_eq!(book.entry(id).unwrap().unwrap().lines, original.lines);
    let audit = store::audit::load(book.conn()).unwrap();
    let row = audit.last().unwrap();
    assert_eq!(
        (row.action.as_str(), row.entity_id),
        ("annulation", Some(id))
    );
    assert_eq!(
        row.after.as_deref(),
        Some(format!("annulée par D001-A (écriture n° {rid})").as_str())
    );

    let before = state(&book);
    let annulled = "D001 est annulée : elle ne peut plus changer";
    assert_eq!(refusal(book.cancel_entry(id)), annulled);
    let mut change = EntryRequest::from_entry(&original, book.chart()).unwrap();
    change.amount = "1".into();
    change.splits = vec![SplitInput {
        code: "6251".into(),
        amount: String::new(),
    }];
    assert_eq!(refusal(book.edit_entry(id, &change)), annulled);
    assert_eq!(
        refusal(book.cancel_entry(rid)),
        "D001-A annule D001 : une écriture d'annulation ne s'annule pas ; pour revenir sur l'annulation, rétablissez D001"
    );
    assert_eq!(
        refusal(book.edit_entry(rid, &change)),
        "D001-A est une écriture d'annulation : elle ne se modifie pas"
    );
    assert_eq!(
        refusal(book.cancel_entry(1)),
        "le report à nouveau se corrige par une écriture, pas en le modifiant"
    );
    assert_eq!(
        refusal(book.cancel_entry(999)),
        "l'écriture n° 999 n'existe pas"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn a_reversal_piece_never_collides_with_a_typed_one() {
    let mut book = book();
    let id = book
        .add_entry(&depense(MoneyKey::Caisse, "3", "606"))
        .unwrap();
    let mut typed = depense(MoneyKey::Caisse, "4", "606");
    typed.piece = "D001-A".into();
    book.add_entry(&typed).unwrap();
    let rid = book.cancel_entry(id).unwrap();
    assert_eq!(piece(&book, rid), "D001-A2");
    // Dated today when the original is older.
    assert_eq!(book.entry(rid).unwrap().unwrap().date, date(2025, 3, 15));
    assert_eq!(balances(&book), ["82.40", "1000.00", "0.00", "0.00"]);
}

#[test]
fn the_opening_entry_carries_the_balances_against_110() {
    let book = book();
    let entries = book.entries(EX).unwrap();
    assert_eq!(entries.len(), 1);
    let an = &entries[0];
    assert_eq!(
        (an.piece.as_str(), an.kind, an.date),
        ("AN", EntryKind::Ouverture, date(2024, 9, 1))
    );
    assert_eq!(an.label, "Report à nouveau 2024-2025");
    assert_eq!(
        lines(&book, an.id),
        pairs(&[("530", "86.40"), ("512", "1000.00"), ("110", "-1086.40")])
    );
    assert_eq!(balances(&book), ["86.40", "1000.00", "0.00", "0.00"]);
    let audit = store::audit::load(book.conn()).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(
        audit[0].after.as_deref(),
        Some("Coopérative scolaire de l'école des Lilas 2024-2025")
    );
}

#[test]
fn no_opening_entry_when_everything_starts_at_zero() {
    let request = SetupRequest {
        coop_name: "Coop".into(),
        exercice: EX,
        openings: vec![],
    };
    let book = create_book(
        store::open_in_memory().unwrap(),
        &request,
        &default_chart(),
        clock(),
    )
    .unwrap();
    assert!(book.entries(EX).unwrap().is_empty());
    assert_eq!(balances(&book), ["0.00", "0.00", "0.00", "0.00"]);
}

#[test]
fn a_negative_cash_opening_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("coop.db");
    let request = SetupRequest {
        coop_name: "Coop".into(),
        exercice: EX,
        openings: vec![
            (MoneyKey::Pro, Money::from_cents(500)),
            (MoneyKey::Caisse, Money::from_cents(-1)),
        ],
    };
    let errors = field_errors(
        create_book(
            store::open(&path).unwrap(),
            &request,
            &default_chart(),
            clock(),
        )
        .map(|_| ()),
    );
    assert_eq!(
        errors.for_field(Field::Ouverture).unwrap().message,
        "Caisse « -0,01 € » : une caisse ne peut pas être négative"
    );
    let conn = store::open(&path).unwrap();
    assert_eq!(store::coop::load(&conn).unwrap(), None);
    for table in ["account", "entry", "audit"] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table} written by a refused setup");
    }
}

#[test]
fn a_virement_only_touches_money_accounts() {
    let mut book = book();
    let mut ids = Vec::new();
    for from in MoneyKey::ALL {
        for to in MoneyKey::ALL.into_iter().filter(|k| *k != from) {
            ids.push((
                from,
                to,
                book.add_transfer(&transfer(from, to, "1,25")).unwrap(),
            ));
        }
    }
    for (from, to, id) in ids {
        let entry = book.entry(id).unwrap().unwrap();
        assert_eq!(entry.kind, EntryKind::Virement);
        let from_code = &book.account(from).unwrap().code;
        let to_code = &book.account(to).unwrap().code;
        assert_eq!(
            lines(&book, id),
            vec![
                (from_code.clone(), "-1.25".into()),
                (to_code.clone(), "1.25".into())
            ]
        );
        for line in &entry.lines {
            let account = book
                .chart()
                .iter()
                .find(|a| a.code == line.account_code)
                .unwrap();
            assert_eq!(
                account.kind,
                AccountKind::Tresorerie,
                "{} on {}",
                entry.piece,
                account.code
            );
            assert!(!line.account_code.starts_with(['6', '7']));
        }
        let mode = if from == MoneyKey::Caisse {
            PaymentMode::Especes
        } else {
            PaymentMode::Virement
        };
        assert_eq!(entry.mode, Some(mode));
    }
    // Each account sent and received three times the same amount.
    assert_eq!(balances(&book), ["86.40", "1000.00", "0.00", "0.00"]);
}

#[test]
fn categories_are_added_renamed_and_checked() {
    let mut book = book();
    book.save_category(
        "6069",
        "Jardinage",
        AccountKind::Charge,
        Some("Activités éducatives"),
    )
    .unwrap();
    let added = book
        .chart()
        .iter()
        .find(|a| a.code == "6069")
        .expect("6069 in the chart")
        .clone();
    assert_eq!(
        (added.label.as_str(), added.kind),
        ("Jardinage", AccountKind::Charge)
    );
    assert_eq!(added.crf_heading.as_deref(), Some("Activités éducatives"));
    let id = book
        .add_entry(&depense(MoneyKey::Caisse, "7,90", "6069"))
        .unwrap();

    book.save_category(" 6069 ", " Jardin et potager ", AccountKind::Charge, None)
        .unwrap();
    let renamed: Vec<_> = book.chart().iter().filter(|a| a.code == "6069").collect();
    assert_eq!(renamed.len(), 1);
    assert_eq!(renamed[0].label, "Jardin et potager");
    assert_eq!(renamed[0].id, added.id);
    assert_eq!(
        lines(&book, id),
        pairs(&[("530", "-7.90"), ("6069", "7.90")])
    );
    let audit = store::audit::load(book.conn()).unwrap();
    let actions: Vec<&str> = audit
        .iter()
        .rev()
        .take(3)
        .map(|r| r.action.as_str())
        .collect();
    assert_eq!(actions, ["renommage", "ajout", "ajout"]);

    book.save_category("7090", "Vente de calendriers", AccountKind::Produit, None)
        .unwrap();
    assert!(
        book.chart()
            .iter()
            .any(|a| a.code == "7090" && a.kind == AccountKind::Produit)
    );

    let before = state(&book);
    let refusals = [
        (
            "7100",
            "Kermesse",
            AccountKind::Charge,
            "code « 7100 » : une charge commence par 6",
        ),
        (
            "6a",
            "Lettres",
            AccountKind::Charge,
            "code « 6a » : des chiffres sont attendus (ex. 6068)",
        ),
        (
            "",
            "Vide",
            AccountKind::Charge,
            "code «  » : des chiffres sont attendus (ex. 6068)",
        ),
        (
            "6070",
            "  ",
            AccountKind::Charge,
            "libellé de catégorie vide",
        ),
        (
            "531",
            "Caisse 2",
            AccountKind::Tresorerie,
            "seules les charges (6…) et produits (7…) s'ajoutent ici",
        ),
    ];
    for (code, label, kind, message) in refusals {
        assert_eq!(
            refusal(book.save_category(code, label, kind, None)),
            message,
            "{code} {label}"
        );
    }
    assert_eq!(state(&book), before);
    assert!(
        book.chart()
            .iter()
            .any(|a| a.code == "6070" && a.label.starts_with("Achats de marchandises"))
    );
}

#[test]
fn the_demo_year_loads_and_ends_on_the_expected_balances() {
    let book = load_demo(store::open_in_memory().unwrap(), clock()).unwrap();
    let ex = coopcompta::book::demo::DEMO_EXERCICE;
    assert_eq!(ex, EX);
    let got: Vec<(MoneyKey, String)> = book
        .balances(ex, None)
        .unwrap()
        .into_iter()
        .map(|(k, m)| (k, m.std()))
        .collect();
    assert_eq!(
        got,
        [
            (MoneyKey::Caisse, "518.60".to_string()),
            (MoneyKey::Pro, "2091.46".into()),
            // 28,00 € recorded by hand, then the AssoConnect export: 55,00 € of
            // late payments recorded, 2,13 € of fees (one payment linked, one refunded).
            (MoneyKey::EnLigne, "80.87".into()),
            (MoneyKey::Lbp, "0.00".into()),
        ]
    );
    // The Rapprochement tab has something to show: both statements are
    // matched but for one card fee the books do not have yet.
    assert_eq!(book.batches().unwrap().len(), 3);
    let unmatched: Vec<String> = book
        .bank_lines(MoneyKey::Pro)
        .unwrap()
        .into_iter()
        .filter(|l| !l.is_matched())
        .map(|l| l.label)
        .collect();
    assert_eq!(unmatched, ["COMMISSION PAIEMENT CARTE HORS ZONE EURO"]);
    assert!(
        book.bank_lines(MoneyKey::Lbp)
            .unwrap()
            .iter()
            .all(|l| l.is_matched())
    );
    let to_assign: Vec<String> = book
        .payments()
        .unwrap()
        .into_iter()
        .filter(|p| p.to_assign)
        .map(|p| p.payer)
        .collect();
    assert_eq!(to_assign, ["Marc Dupont"]);
    assert_eq!(
        book.payouts().unwrap()[0].state,
        coopcompta::domain::online::PayoutState::Announced
    );
    let entries = book.entries(ex).unwrap();
    assert!(entries.len() > 100, "only {} entries", entries.len());
    // Every Participations view has something to show.
    assert_eq!(book.pupils().unwrap().len(), 24);
    // The zoo trip, and the form of the AssoConnect export.
    assert_eq!(book.campaigns().unwrap().len(), 2);
    assert_eq!(book.cheques_to_return().unwrap(), 1);
    assert_eq!(book.unsettled_regies().unwrap().len(), 1);
    let mut pieces = std::collections::HashSet::new();
    for entry in &entries {
        let sum: Money = entry.lines.iter().map(|l| l.amount).sum();
        assert!(
            sum.is_zero(),
            "{} does not balance: {:?}",
            entry.piece,
            entry.lines
        );
        assert!(
            ex.contains(entry.date),
            "{} dated {}",
            entry.piece,
            entry.date
        );
        assert!(
            pieces.insert(entry.piece.clone()),
            "pièce {} twice",
            entry.piece
        );
        if entry.kind == EntryKind::Virement {
            assert!(
                entry
                    .lines
                    .iter()
                    .all(|l| !l.account_code.starts_with(['6', '7'])),
                "{}",
                entry.piece
            );
        }
    }
    assert_eq!(entries[0].piece, "AN");
    // The LBP account is closed: the opening balance went over to the Compte Pro.
    assert_eq!(
        book.balances(ex, Some(date(2024, 9, 1))).unwrap()[3]
            .1
            .std(),
        "2431.17"
    );
}

#[test]
fn a_charge_code_refused_as_produit_is_explained_in_correct_french() {
    let mut book = book();
    let before = state(&book);
    // « un produit » (masculine), as « une charge ».
    assert_eq!(
        refusal(book.save_category("6100", "Loto", AccountKind::Produit, None)),
        "code « 6100 » : un produit commence par 7"
    );
    assert_eq!(state(&book), before);
}

#[test]
fn the_caisse_never_goes_below_zero() {
    let mut book = book();
    let (entries, audit) = (count(&book, "entry"), count(&book, "audit"));
    let too_much = book
        .add_entry(&depense(MoneyKey::Caisse, "100", "606"))
        .unwrap_err();
    assert_eq!(
        too_much.to_string(),
        "Montant : la Caisse passerait à -13,60 € le 12/10/2024 : une caisse ne peut pas être négative (saisissez d'abord les recettes en espèces, ou vérifiez le montant)"
    );
    assert_eq!(
        (count(&book, "entry"), count(&book, "audit")),
        (entries, audit),
        "nothing written"
    );
    // A receipt dated the same day, typed first, makes room.
    let mut receipt = recette(MoneyKey::Caisse, "20", "75620008");
    receipt.date = "12/10/2024".into();
    let receipt = book.add_entry(&receipt).unwrap();
    book.add_entry(&depense(MoneyKey::Caisse, "100", "606"))
        .unwrap();
    // …and cannot be cancelled any more: that would empty the caisse again.
    let refused = book.cancel_entry(receipt).unwrap_err().to_string();
    assert!(
        refused.starts_with("Montant : la Caisse passerait à -13,60 €"),
        "{refused}"
    );
    // A bank account may go below zero (an overdraft is the bank's business).
    book.add_entry(&depense(MoneyKey::Pro, "2000", "606"))
        .unwrap();
}
