//! The cahier as an xlsx workbook: read back with calamine, it holds
//! numbers, dates, strings and SUM formulas whose values are the CSV's.

use crate::export_cahier::{Cahier, cents, demo, export, recette, small_coop};
use crate::support::cli::Sandbox;
use calamine::{Data, Reader, Xlsx};
use coopcompta::book::year_end::ExportKind;
use coopcompta::io::export::CsvFormat;

fn xlsx_sheet(bytes: Vec<u8>) -> (calamine::Range<Data>, calamine::Range<String>) {
    let mut workbook: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an xlsx");
    let names = workbook.sheet_names();
    assert_eq!(names, ["Cahier 2024-2025"]);
    let values = workbook.worksheet_range("Cahier 2024-2025").unwrap();
    let formulas = workbook.worksheet_formula("Cahier 2024-2025").unwrap();
    (values, formulas)
}

#[test]
fn the_xlsx_cahier_reads_back_with_numbers_dates_and_the_csv_totals() {
    let book = demo();
    let csv = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Fr)),
        CsvFormat::Fr,
    );
    let (sheet, formulas) = xlsx_sheet(export(&book, ExportKind::CahierXlsx));
    let rows: Vec<&[Data]> = sheet.rows().collect();
    // The header is the French CSV's, as strings.
    let header: Vec<String> = rows[0].iter().map(|c| c.to_string()).collect();
    assert_eq!(header, csv.header);
    assert_eq!(rows.len(), csv.rows.len() + 1);
    // Dates are dates, amounts numbers, texts strings.
    let first = rows[2];
    match &first[1] {
        Data::DateTime(date) => {
            // Days since 30 December 1899, the spreadsheets' epoch.
            let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap();
            let day = chrono::NaiveDate::from_ymd_opt(2024, 9, 4).unwrap();
            assert!(date.is_datetime());
            assert_eq!(date.as_f64(), (day - epoch).num_days() as f64)
        }
        other => panic!("a date is expected, not {other:?}"),
    }
    assert_eq!(first[2], Data::String(csv.rows[1][2].clone()));
    let pro = csv.col("Banque dépense");
    for (row, csv_row) in rows[1..].iter().zip(&csv.rows) {
        for c in 4..csv_row.len() {
            match &row[c] {
                Data::Empty => assert_eq!(csv_row[c], "", "{csv_row:?}"),
                Data::Float(value) => {
                    assert_eq!(
                        (value * 100.0).round() as i64,
                        cents(&csv_row[c]),
                        "{csv_row:?}"
                    )
                }
                other => panic!("a number is expected, not {other:?} in {csv_row:?}"),
            }
        }
    }
    // The totals are SUM formulas over the rows above, their value the CSV's.
    let last = rows.len() - 2;
    let column = coopcompta::io::export::cahier_xlsx::column_name(pro as u16);
    assert_eq!(
        formulas.get_value((last as u32, pro as u32)),
        Some(&format!("SUM({column}2:{column}{last})"))
    );
    assert_eq!(
        formulas.get_value((last as u32 + 1, pro as u32 - 1)),
        Some(&format!(
            "{}{}-{column}{}",
            coopcompta::io::export::cahier_xlsx::column_name(pro as u16 - 1),
            last + 1,
            last + 1
        ))
    );
    let totals = csv.row("Totaux");
    assert_eq!(
        (match rows[last][pro] {
            Data::Float(v) => (v * 100.0).round() as i64,
            ref other => panic!("{other:?}"),
        }),
        cents(&totals[pro])
    );
}

#[test]
fn export_cahier_writes_a_new_file_and_says_how_many_rows() {
    let s = Sandbox::lilas("120,50");
    let file = s.path("cahier.xlsx");
    let printed = s.ok(&[
        "export",
        "cahier",
        "--format",
        "xlsx",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert_eq!(
        printed,
        format!("1 ligne exportée dans {}\n", file.display())
    );
    let (sheet, _) = xlsx_sheet(std::fs::read(&file).unwrap());
    let caisse = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .position(|c| *c == Data::String("Caisse recette".into()))
        .unwrap();
    assert_eq!(sheet.rows().nth(1).unwrap()[caisse], Data::Float(120.5));
    let csv = s.ok(&["export", "cahier", "--out", "-"]);
    assert!(
        csv.starts_with("piece,date,libelle,cheque,banque_recette"),
        "{csv}"
    );
    let err = s.fails(&["export", "cahier", "--format", "xls", "--out", "x.csv"]);
    assert_eq!(
        err,
        "coopcompta : valeur « xls » refusée pour --format <FORMAT> : std, fr ou xlsx attendu (voir coopcompta export cahier --help)\n"
    );
    assert!(!s.path("x.csv").exists());
}

#[test]
fn texts_stay_texts_in_the_workbook() {
    let mut book = small_coop();
    book.add_entry(&recette("12/09/2024", "3", "=1+1 @tombola", "7560=3"))
        .unwrap();
    let (sheet, formulas) = xlsx_sheet(export(&book, ExportKind::CahierXlsx));
    let row: Vec<&Data> = sheet.rows().nth(2).unwrap().iter().collect();
    assert_eq!(row[0], &Data::String("R001".into()));
    assert_eq!(row[2], &Data::String("=1+1 @tombola".into()));
    assert_eq!(
        formulas.get_value((2, 2)).map(String::as_str).unwrap_or(""),
        ""
    );
}
