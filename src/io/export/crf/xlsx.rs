//! The CRF as an xlsx workbook (rust_xlsxwriter): one sheet per part, each
//! with a title row (the coop, the exercice, the part) and the table's
//! header row under it, both frozen and repeated on every printed page;
//! amounts as numbers with a euro format, dates as dates, readable widths, and totals as SUM formulas a vérificateur can
//! check, each with its computed value stored as the formula's result (for
//! readers that do not recalculate). The workbook is the same in French
//! and English Excel and in LibreOffice: the number formats carry no
//! locale, the reader shows its own separators.
//!
//! xlsx cells hold binary floating point numbers: each amount is written
//! as its cents divided by 100 (the nearest double, exact to the cent).

use super::check_words;
use super::xlsx_annexes as annexes;
use crate::domain::Money;
use crate::domain::crf::{Crf, CrfHeading};
use rust_xlsxwriter::{Format, FormatBorder, Formula, Workbook, Worksheet, XlsxError};

/// Euro amounts, negative with a minus sign; separators are the reader's.
pub const EURO_FORMAT: &str = "#,##0.00\\ \"€\";-#,##0.00\\ \"€\"";
pub const DATE_FORMAT: &str = "dd/mm/yyyy";

/// The formats of the workbook.
pub(super) struct Formats {
    pub(super) header: Format,
    pub(super) euro: Format,
    pub(super) euro_total: Format,
    pub(super) date: Format,
    pub(super) bold: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            header: Format::new()
                .set_bold()
                .set_background_color("#E8E8E8")
                .set_border_bottom(FormatBorder::Thin),
            euro: Format::new().set_num_format(EURO_FORMAT),
            euro_total: Format::new()
                .set_num_format(EURO_FORMAT)
                .set_bold()
                .set_border_top(FormatBorder::Thin),
            date: Format::new().set_num_format(DATE_FORMAT),
            bold: Format::new().set_bold(),
        }
    }
}

pub(super) use crate::io::export::xlsx_cells::{cell, date, number};

/// A formula with its value already computed.
pub(super) fn formula(text: String, value: Money) -> Formula {
    Formula::new(text).set_result(format!("{}", number(value)))
}

/// The row of a sheet's table header (under its title row).
const HEADER_ROW: u32 = 1;
/// The first row under the header: where each sheet's table begins.
pub(super) const FIRST_ROW: u32 = HEADER_ROW + 1;

/// A new sheet: its title (`{title} — {name}`) on the first row, the
/// table's header row under it, both frozen (the table scrolls under its
/// header) and printed on every page; the column widths.
pub(super) fn sheet<'w>(
    workbook: &'w mut Workbook,
    name: &str,
    title: &str,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<&'w mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    sheet.write_string_with_format(0, 0, format!("{title} — {name}"), &f.bold)?;
    for (col, (header, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(HEADER_ROW, col as u16, *header, &f.header)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_freeze_panes(FIRST_ROW, 0)?;
    sheet.set_repeat_rows(0, HEADER_ROW)?;
    sheet.set_paper_size(9); // A4
    Ok(sheet)
}

/// Writes one side of the compte de fonctionnement from `row`; returns the
/// next free row and the cell of its total.
fn side(
    s: &mut Worksheet,
    mut row: u32,
    title: &str,
    headings: &[CrfHeading],
    total: Money,
    f: &Formats,
) -> Result<(u32, String), XlsxError> {
    s.write_string_with_format(row, 0, title, &f.bold)?;
    row += 1;
    let mut subtotals = Vec::new();
    for h in headings {
        let first = row;
        for l in &h.lines {
            s.write_string(row, 0, &h.heading)?;
            s.write_string(row, 1, &l.code)?;
            s.write_string(row, 2, &l.label)?;
            s.write_number_with_format(row, 3, number(l.amount), &f.euro)?;
            row += 1;
        }
        s.write_string_with_format(row, 0, format!("Total {}", h.heading), &f.bold)?;
        s.write_formula_with_format(
            row,
            3,
            formula(
                format!("=SUM({}:{})", cell(first, 3), cell(row - 1, 3)),
                h.total,
            ),
            &f.euro_total,
        )?;
        subtotals.push(cell(row, 3));
        row += 1;
    }
    s.write_string_with_format(
        row,
        0,
        format!("Total des {}", title.to_lowercase()),
        &f.bold,
    )?;
    let sum = if subtotals.is_empty() {
        "=0".to_string()
    } else {
        format!("=SUM({})", subtotals.join(","))
    };
    s.write_formula_with_format(row, 3, formula(sum, total), &f.euro_total)?;
    Ok((row + 2, cell(row, 3)))
}

/// Returns the cell of the result.
fn fonctionnement(
    wb: &mut Workbook,
    crf: &Crf,
    title: &str,
    f: &Formats,
) -> Result<String, XlsxError> {
    let s = sheet(
        wb,
        "Fonctionnement",
        title,
        &[
            ("Rubrique", 34.0),
            ("Code", 11.0),
            ("Catégorie", 52.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    let (row, charges) = side(s, FIRST_ROW, "Charges", &crf.charges, crf.total_charges, f)?;
    let (row, produits) = side(s, row, "Produits", &crf.produits, crf.total_produits, f)?;
    s.write_string_with_format(row, 0, "Résultat (produits − charges)", &f.bold)?;
    s.write_formula_with_format(
        row,
        3,
        formula(format!("={produits}-{charges}"), crf.result()),
        &f.euro_total,
    )?;
    Ok(cell(row, 3))
}

fn bilan(
    wb: &mut Workbook,
    crf: &Crf,
    title: &str,
    result: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Bilan",
        title,
        &[
            ("Compte", 58.0),
            ("Code", 9.0),
            ("Ouverture", 15.0),
            ("Recettes", 15.0),
            ("Dépenses", 15.0),
            ("Virements reçus", 15.0),
            ("Virements émis", 15.0),
            ("Clôture", 15.0),
        ],
        f,
    )?;
    let mut row = FIRST_ROW;
    for a in &crf.accounts {
        s.write_string(row, 0, &a.label)?;
        s.write_string(row, 1, &a.code)?;
        for (col, amount) in [
            a.opening,
            a.receipts,
            a.expenses,
            a.transfers_in,
            a.transfers_out,
        ]
        .into_iter()
        .enumerate()
        {
            s.write_number_with_format(row, 2 + col as u16, number(amount), &f.euro)?;
        }
        let r = row + 1;
        s.write_formula_with_format(
            row,
            7,
            formula(format!("=C{r}+D{r}-E{r}+F{r}-G{r}"), a.closing),
            &f.euro,
        )?;
        row += 1;
    }
    let (first, last) = (FIRST_ROW, row.max(FIRST_ROW + 1) - 1);
    s.write_string_with_format(row, 0, "Total des comptes de trésorerie", &f.bold)?;
    for (col, value) in [(2u16, crf.money_opening()), (7, crf.money_closing())] {
        s.write_formula_with_format(
            row,
            col,
            formula(
                format!("=SUM({}:{})", cell(first, col), cell(last, col)),
                value,
            ),
            &f.euro_total,
        )?;
    }
    let total_row = row;
    row += 1;
    let mut adds = vec![];
    let mut line = |s: &mut Worksheet,
                    row: &mut u32,
                    label: &str,
                    code: &str,
                    o: Money,
                    c: Money,
                    sign: &'static str|
     -> Result<(), XlsxError> {
        s.write_string(*row, 0, label)?;
        s.write_string(*row, 1, code)?;
        s.write_number_with_format(*row, 2, number(o), &f.euro)?;
        s.write_number_with_format(*row, 7, number(c), &f.euro)?;
        adds.push((sign, *row));
        *row += 1;
        Ok(())
    };
    line(
        s,
        &mut row,
        "Régies d'avance non soldées (argent chez les enseignants), en plus",
        "467",
        crf.regies_opening,
        crf.regies_closing,
        "+",
    )?;
    line(
        s,
        &mut row,
        "Dû à l'OCCE (avance à rembourser), en moins",
        "1680",
        crf.occe_owed_opening,
        crf.occe_owed_closing,
        "-",
    )?;
    for o in &crf.others {
        line(s, &mut row, &o.label, &o.code, o.opening, o.closing, "+")?;
    }
    s.write_string_with_format(row, 0, "Avoir net de la coopérative", &f.bold)?;
    for (col, value) in [(2u16, crf.net_opening()), (7, crf.net_closing())] {
        let mut text = format!("={}", cell(total_row, col));
        for (sign, r) in &adds {
            text.push_str(&format!("{sign}{}", cell(*r, col)));
        }
        s.write_formula_with_format(row, col, formula(text, value), &f.euro_total)?;
    }
    let net = row;
    row += 2;
    s.write_string(row, 0, "Résultat de l'exercice")?;
    s.write_formula_with_format(
        row,
        2,
        formula(format!("=Fonctionnement!{result}"), crf.result()),
        &f.euro,
    )?;
    row += 1;
    s.write_string_with_format(
        row,
        0,
        format!("Ouverture + résultat = clôture : {}", check_words(crf)),
        &f.bold,
    )?;
    s.write_formula_with_format(
        row,
        2,
        formula(
            format!("={}+{}", cell(net, 2), cell(row - 1, 2)),
            crf.net_opening() + crf.result(),
        ),
        &f.euro_total,
    )?;
    s.write_formula_with_format(
        row,
        7,
        formula(format!("={}", cell(net, 7)), crf.net_closing()),
        &f.euro_total,
    )?;
    row += 2;
    for (what, amount) in &crf.in_transit {
        s.write_string(row, 0, what)?;
        s.write_number_with_format(row, 7, number(*amount), &f.euro)?;
        row += 1;
    }
    if let Some(note) = crf.regies_transfers_note() {
        s.write_string(row, 0, &note)?;
        s.write_number_with_format(row, 7, number(crf.regies_advanced.abs()), &f.euro)?;
    }
    Ok(())
}

/// The workbook as bytes.
pub fn workbook(crf: &Crf, coop: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let title = format!("{coop} — compte rendu financier {}", crf.exercice);
    let result = fonctionnement(&mut wb, crf, &title, &f)?;
    bilan(&mut wb, crf, &title, &result, &f)?;
    annexes::rapprochement(&mut wb, crf, &title, &f)?;
    annexes::caisse(&mut wb, crf, &title, &f)?;
    annexes::lists(&mut wb, crf, &title, &f)?;
    wb.save_to_buffer()
}

/// Writes the workbook to `out`; returns how many categories it lists.
pub fn write_xlsx(out: &mut dyn std::io::Write, crf: &Crf, coop: &str) -> std::io::Result<usize> {
    let bytes = workbook(crf, coop).map_err(|e| std::io::Error::other(e.to_string()))?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(crf.categories())
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_named_as_spreadsheets_do() {
        assert_eq!(cell(0, 0), "A1");
        assert_eq!(cell(9, 3), "D10");
        assert_eq!(cell(0, 26), "AA1");
    }
}
