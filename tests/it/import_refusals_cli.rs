//! Every bad statement or AssoConnect fixture, imported from the command
//! line: one French line on stderr (the file, then the reader's exact
//! error), exit 1, and the base left exactly as it was (every table's rows).

use crate::support::cli::Sandbox;
use crate::support::{fixture, fixture_arg};
use coopcompta::io::import::assoconnect::read_payments;
use coopcompta::io::import::bank::read_bank;

const BAD_BANK: &[&str] = &[
    "bank/empty.csv",
    "bank/binary.xlsx",
    "bank/utf16_no_bom.csv",
    "bank/no_date.csv",
    "bank/no_amount.csv",
    "bank/no_header.csv",
    "bank/bad_amount.csv",
    "bank/bad_date.csv",
    "bank/three_decimals.csv",
    "bank/unclosed_quote.csv",
    "bank/unknown_status.csv",
    "bank/too_few_cells.csv",
    "bank/control_char.csv",
    "bank/long_label.csv",
];

const BAD_PAYMENTS: &[&str] = &[
    "assoconnect/empty.csv",
    "assoconnect/missing_id_column.csv",
    "assoconnect/empty_id.csv",
    "assoconnect/duplicate_id.csv",
    "assoconnect/negative.csv",
    "assoconnect/fee_too_large.csv",
    "assoconnect/unknown_status.csv",
];

/// Every row of every table, in order: what "nothing written" means.
fn everything(s: &Sandbox) -> Vec<String> {
    let conn = rusqlite::Connection::open(s.db()).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let width = stmt.column_count();
        let mut query = stmt.query([]).unwrap();
        while let Some(row) = query.next().unwrap() {
            let cells: Vec<String> = (0..width)
                .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                .collect();
            rows.push(format!("{table}: {}", cells.join("|")));
        }
    }
    rows
}

/// A coop that already holds a statement line, so that an import would
/// have something to de-duplicate against.
fn coop() -> Sandbox {
    let s = Sandbox::lilas("10");
    s.ok(&[
        "import",
        "bank",
        &fixture_arg("bank/canonical.csv"),
        "--account",
        "pro",
    ]);
    s
}

#[test]
fn every_bad_statement_is_refused_in_french_and_writes_nothing() {
    let s = coop();
    let before = everything(&s);
    for name in BAD_BANK {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let expected = read_bank(&bytes, &Default::default()).unwrap_err();
        let path = fixture_arg(name);
        assert_eq!(
            s.fails(&["import", "bank", &path, "--account", "pro"]),
            format!("coopcompta : {path} : {expected}\n"),
            "{name}"
        );
        assert_eq!(everything(&s), before, "{name} wrote something");
    }
}

#[test]
fn every_bad_assoconnect_export_is_refused_in_french_and_writes_nothing() {
    let s = coop();
    let before = everything(&s);
    for name in BAD_PAYMENTS {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let expected = read_payments(&bytes, &Default::default()).unwrap_err();
        let path = fixture_arg(name);
        assert_eq!(
            s.fails(&["import", "assoconnect", &path]),
            format!("coopcompta : {path} : {expected}\n"),
            "{name}"
        );
        assert_eq!(everything(&s), before, "{name} wrote something");
    }
}
