//! The cahier de comptabilité (`export cahier`): every row's ventilation
//! equals its amount, the totals row sums the columns, the report à
//! nouveau opens it, a régie reads right, cancelled entries stay with
//! their reversal; the CSV forms parse (the workbook: `export_cahier_xlsx`).

use crate::support::{clock, new_coop};
use coopcompta::book::Book;
use coopcompta::book::demo::load_demo;
use coopcompta::book::year_end::ExportKind;
use coopcompta::domain::entry_request::{EntryRequest, TransferRequest, parse_split};
use coopcompta::domain::{EntryKind, Exercice, MoneyKey, PaymentMode};
use coopcompta::io::export::CsvFormat;
use coopcompta::store;

const EX: Exercice = Exercice { start_year: 2024 };

pub(crate) fn demo() -> Book {
    load_demo(store::open_in_memory().unwrap(), clock()).unwrap()
}

pub(crate) fn export(book: &Book, kind: ExportKind) -> Vec<u8> {
    let mut out = Vec::new();
    book.export(kind, EX, &mut out).expect("exported");
    out
}

/// A parsed cahier: its header and its rows.
pub(crate) struct Cahier {
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<Vec<String>>,
}

impl Cahier {
    pub(crate) fn parse(bytes: &[u8], format: CsvFormat) -> Cahier {
        let (delimiter, bytes) = match format {
            CsvFormat::Std => (b',', bytes),
            CsvFormat::Fr => (
                b';',
                bytes
                    .strip_prefix("\u{feff}".as_bytes())
                    .expect("fr starts with a BOM"),
            ),
        };
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .from_reader(bytes);
        let header = reader.headers().unwrap().iter().map(String::from).collect();
        let rows = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();
        Cahier { header, rows }
    }

    pub(crate) fn col(&self, name: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name} in {:?}", self.header))
    }

    pub(crate) fn row(&self, label: &str) -> &Vec<String> {
        self.rows
            .iter()
            .find(|r| r[2] == label)
            .unwrap_or_else(|| panic!("no row {label}"))
    }

    /// Columns of the categories (header `LABEL (CODE)`, after the money).
    fn categories(&self) -> std::ops::Range<usize> {
        let first = self
            .header
            .iter()
            .position(|h| h.ends_with(')') && !h.starts_with("Régies"))
            .unwrap_or(self.header.len());
        first..self.header.len()
    }

    /// (recette, dépense) column pairs of the money and régie accounts.
    fn money(&self) -> std::ops::Range<usize> {
        4..self.categories().start
    }

    /// The entry rows (neither the report à nouveau nor the two last).
    fn entries(&self) -> &[Vec<String>] {
        &self.rows[1..self.rows.len() - 2]
    }
}

/// `-12.34` or `-12,34` in cents; empty is zero.
pub(crate) fn cents(cell: &str) -> i64 {
    if cell.is_empty() {
        return 0;
    }
    let (negative, digits) = match cell.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cell),
    };
    let (euros, hundredths) = digits.split_once(['.', ',']).expect("two decimals");
    assert_eq!(hundredths.len(), 2, "{cell}");
    let value = euros.parse::<i64>().unwrap() * 100 + hundredths.parse::<i64>().unwrap();
    if negative { -value } else { value }
}

fn sum(row: &[String], cols: std::ops::Range<usize>) -> i64 {
    cols.map(|c| cents(&row[c])).sum()
}

/// Recettes − dépenses of a row's money columns.
fn net(cahier: &Cahier, row: &[String]) -> i64 {
    cahier
        .money()
        .map(|c| {
            let sign = if (c - 4) % 2 == 0 { 1 } else { -1 };
            sign * cents(&row[c])
        })
        .sum()
}

#[test]
fn every_row_of_the_demo_cahier_balances_and_the_totals_add_up() {
    let book = demo();
    let cahier = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Std)),
        CsvFormat::Std,
    );
    assert_eq!(
        &cahier.header[..8],
        [
            "piece",
            "date",
            "libelle",
            "cheque",
            "banque_recette",
            "banque_depense",
            "caisse_recette",
            "caisse_depense"
        ]
    );
    // One row per entry but the opening, between the report à nouveau and
    // the totals and balance rows.
    let entries = book.entries(EX).unwrap();
    assert_eq!(cahier.entries().len(), entries.len() - 1);
    for (row, entry) in cahier
        .entries()
        .iter()
        .zip(entries.iter().filter(|e| e.kind != EntryKind::Ouverture))
    {
        assert_eq!(row[0], entry.piece);
        let amount = match entry.kind {
            EntryKind::Depense => -net(&cahier, row),
            _ => net(&cahier, row),
        };
        assert_eq!(
            sum(row, cahier.categories()),
            amount,
            "ventilation of {row:?}"
        );
        if entry.kind == EntryKind::Virement {
            assert_eq!(sum(row, cahier.categories()), 0, "{row:?}");
        }
    }
    // The totals row sums every column, the report à nouveau included.
    let totals = cahier.row("Totaux");
    for c in 4..cahier.header.len() {
        let column: i64 = cahier.rows[..cahier.rows.len() - 2]
            .iter()
            .map(|r| cents(&r[c]))
            .sum();
        assert_eq!(cents(&totals[c]), column, "total of {}", cahier.header[c]);
    }
    // The report à nouveau holds the opening balances.
    let opening = &cahier.rows[0];
    assert_eq!(opening[2], "Report à nouveau");
    assert_eq!(opening[1], "2024-09-01");
    assert_eq!(opening[cahier.col("caisse_recette")], "86.40");
    assert_eq!(opening[cahier.col("lbp_recette")], "2431.17");
    assert_eq!(sum(opening, cahier.categories()), 0);
    // The balance row is `coopcompta balance`.
    let balance = cahier.row("Solde au 31/08/2025");
    for (key, amount) in book.balances(EX, None).unwrap() {
        let column = match key {
            MoneyKey::Pro => "banque_recette",
            MoneyKey::Caisse => "caisse_recette",
            MoneyKey::EnLigne => "en_ligne_recette",
            MoneyKey::Lbp => "lbp_recette",
        };
        assert_eq!(balance[cahier.col(column)], amount.std(), "{key:?}");
    }
}

#[test]
fn the_regie_reads_as_the_teacher_holds_it() {
    let book = demo();
    let cahier = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Std)),
        CsvFormat::Std,
    );
    let (given, spent) = (
        cahier.col("regie_CM2_recette"),
        cahier.col("regie_CM2_depense"),
    );
    let advance = cahier.row("Régie d'avance CM2 – reçu n° 7");
    // The advance leaves the Caisse for the régie: no category.
    assert_eq!(advance[cahier.col("caisse_depense")], "30.00");
    assert_eq!(advance[given], "30.00");
    assert_eq!(sum(advance, cahier.categories()), 0);
    // The class's purchase: a dépense of the régie, on its charge.
    let purchase = cahier.row("Régie CM2 : Papeterie pour le journal de classe");
    assert_eq!(purchase[spent], "18.40");
    assert_eq!(
        purchase[cahier.col("Fournitures et petit matériel (606)")],
        "18.40"
    );
    assert!(cahier.header.iter().all(|h| !h.contains("(467)")));
    // 30,00 given − 18,40 spent: 11,60 € still in the teacher's hands.
    assert_eq!(cahier.row("Solde au 31/08/2025")[given], "11.60");
    let regies = book.regies().unwrap();
    assert_eq!(regies.len(), 1);
    assert_eq!(regies[0].balance().std(), "11.60");
}

pub(crate) fn small_coop() -> Book {
    new_coop(
        store::open_in_memory().unwrap(),
        "Coopérative des Lilas",
        EX,
        &[(MoneyKey::Caisse, 10_000)],
        clock(),
    )
}

pub(crate) fn recette(date: &str, amount: &str, label: &str, split: &str) -> EntryRequest {
    EntryRequest {
        date: date.into(),
        kind: EntryKind::Recette,
        account: MoneyKey::Caisse,
        amount: amount.into(),
        label: label.into(),
        mode: Some(PaymentMode::Especes),
        splits: vec![parse_split(split)],
        piece: String::new(),
        cheque_no: String::new(),
    }
}

#[test]
fn a_cancelled_entry_and_its_reversal_both_appear_and_cancel_out() {
    let mut book = small_coop();
    let id = book
        .add_entry(&recette("12/09/2024", "20", "Kermesse", "7560=20"))
        .unwrap();
    book.cancel_entry(id).unwrap();
    book.add_entry(&recette("13/09/2024", "5", "Don", "7700=5"))
        .unwrap();
    let cahier = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Std)),
        CsvFormat::Std,
    );
    let (caisse, kermesse) = (
        cahier.col("caisse_recette"),
        cahier.col("Autres produits de gestion (kermesse, fête) (7560)"),
    );
    let labels: Vec<&str> = cahier.rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        labels,
        [
            "Report à nouveau",
            "Kermesse",
            "Don",
            // Dated the day it was cancelled.
            "Annulation de R001 : Kermesse",
            "Totaux",
            "Solde au 31/08/2025"
        ]
    );
    assert_eq!(cahier.rows[1][caisse], "20.00");
    assert_eq!(cahier.rows[1][kermesse], "20.00");
    // The reversal in the same columns, negative: the totals count neither.
    let reversal = cahier.row("Annulation de R001 : Kermesse");
    assert_eq!(reversal[caisse], "-20.00");
    assert_eq!(reversal[kermesse], "-20.00");
    assert_eq!(reversal[cahier.col("caisse_depense")], "");
    let totals = cahier.row("Totaux");
    assert_eq!(totals[caisse], "105.00");
    assert_eq!(totals[kermesse], "0.00");
    assert_eq!(cahier.row("Solde au 31/08/2025")[caisse], "105.00");
}

#[test]
fn a_virement_interne_is_one_row_from_one_account_to_the_other() {
    let mut book = small_coop();
    book.add_transfer(&TransferRequest {
        date: "20/09/2024".into(),
        from: MoneyKey::Caisse,
        to: MoneyKey::Pro,
        amount: "60".into(),
        label: "Dépôt des espèces".into(),
        piece: String::new(),
    })
    .unwrap();
    let cahier = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Std)),
        CsvFormat::Std,
    );
    // Unused accounts have no columns; no category is used at all.
    assert_eq!(
        cahier.header,
        [
            "piece",
            "date",
            "libelle",
            "cheque",
            "banque_recette",
            "banque_depense",
            "caisse_recette",
            "caisse_depense"
        ]
    );
    assert_eq!(
        cahier.row("Dépôt des espèces"),
        &[
            "V001",
            "2024-09-20",
            "Dépôt des espèces",
            "",
            "60.00",
            "",
            "",
            "60.00"
        ]
    );
    assert_eq!(
        cahier.row("Solde au 31/08/2025"),
        &[
            "",
            "2025-08-31",
            "Solde au 31/08/2025",
            "",
            "60.00",
            "",
            "40.00",
            ""
        ]
    );
}

#[test]
fn the_french_cahier_holds_the_same_figures_in_french() {
    let book = demo();
    let std = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Std)),
        CsvFormat::Std,
    );
    let fr = Cahier::parse(
        &export(&book, ExportKind::Cahier(CsvFormat::Fr)),
        CsvFormat::Fr,
    );
    assert_eq!(
        &fr.header[..8],
        [
            "N° de pièce",
            "Date",
            "Libellé",
            "N° de chèque",
            "Banque recette",
            "Banque dépense",
            "Caisse recette",
            "Caisse dépense"
        ]
    );
    assert!(fr.header.contains(&"Régie CM2 recette".to_string()));
    assert!(
        fr.header
            .contains(&"Participation volontaire des familles (75620008)".to_string())
    );
    assert_eq!(fr.rows.len(), std.rows.len());
    assert_eq!(fr.rows[1][1], "04/09/2024");
    for (f, s) in fr.rows.iter().zip(&std.rows) {
        for c in 4..s.len() {
            assert_eq!(cents(&f[c]), cents(&s[c]), "{:?}", s);
        }
    }
    assert!(fr.row("Totaux")[4].contains(','));
}
