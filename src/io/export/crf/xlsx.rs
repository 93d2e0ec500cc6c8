//! The CRF as an xlsx workbook (rust_xlsxwriter): one sheet per part,
//! amounts as numbers with a euro format, dates as dates, a frozen header
//! row, readable widths, and totals as SUM formulas a vérificateur can
//! check, each with its computed value stored as the formula's result (for
//! readers that do not recalculate). The workbook is the same in French
//! and English Excel and in LibreOffice: the number formats carry no
//! locale, the reader shows its own separators.
//!
//! xlsx cells hold binary floating point numbers: each amount is written
//! as its cents divided by 100 (the nearest double, exact to the cent).

use super::{check_words, denomination, month_name};
use crate::domain::crf::{Crf, CrfHeading};
use crate::domain::{Money, format_date};
use chrono::{Datelike, NaiveDate};
use rust_xlsxwriter::{
    ExcelDateTime, Format, FormatBorder, Formula, Workbook, Worksheet, XlsxError,
};

/// Euro amounts, negative with a minus sign; separators are the reader's.
pub const EURO_FORMAT: &str = "#,##0.00\\ \"€\";-#,##0.00\\ \"€\"";
pub const DATE_FORMAT: &str = "dd/mm/yyyy";

/// The formats of the workbook.
struct Formats {
    header: Format,
    euro: Format,
    euro_total: Format,
    date: Format,
    bold: Format,
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

fn number(amount: Money) -> f64 {
    amount.cents() as f64 / 100.0
}

/// `D3` for row 2 (0-based), column 3.
fn cell(row: u32, col: u16) -> String {
    let mut letters = String::new();
    let mut n = u32::from(col) + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    format!("{letters}{}", row + 1)
}

/// A formula with its value already computed.
fn formula(text: String, value: Money) -> Formula {
    Formula::new(text).set_result(format!("{}", number(value)))
}

fn date(d: NaiveDate) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)
}

/// A new sheet with its header row (frozen) and column widths.
fn sheet<'w>(
    workbook: &'w mut Workbook,
    name: &str,
    columns: &[(&str, f64)],
    f: &Formats,
) -> Result<&'w mut Worksheet, XlsxError> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(name)?;
    for (col, (title, width)) in columns.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *title, &f.header)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
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
    coop: &str,
    f: &Formats,
) -> Result<String, XlsxError> {
    let s = sheet(
        wb,
        "Fonctionnement",
        &[
            ("Rubrique", 34.0),
            ("Code", 11.0),
            ("Catégorie", 52.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    s.write_string_with_format(
        1,
        0,
        format!("{coop} — compte rendu financier {}", crf.exercice),
        &f.bold,
    )?;
    let (row, charges) = side(s, 3, "Charges", &crf.charges, crf.total_charges, f)?;
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

fn bilan(wb: &mut Workbook, crf: &Crf, result: &str, f: &Formats) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Bilan",
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
    let mut row = 1;
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
    let (first, last) = (1, row.max(2) - 1);
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
    Ok(())
}

fn rapprochement(wb: &mut Workbook, crf: &Crf, f: &Formats) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Rapprochement",
        &[
            ("Compte", 20.0),
            ("Pièce", 10.0),
            ("Date", 12.0),
            ("Libellé", 50.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    let last = crf.exercice.last_day();
    let mut row = 1;
    for b in &crf.banks {
        let bank = b.account.label();
        s.write_string(row, 0, bank)?;
        s.write_datetime_with_format(row, 2, date(last)?, &f.date)?;
        s.write_string_with_format(row, 3, "Solde des livres", &f.bold)?;
        s.write_number_with_format(row, 4, number(b.books), &f.euro)?;
        let books = row;
        row += 1;
        for l in &b.not_on_statement {
            s.write_string(row, 0, bank)?;
            s.write_string(row, 1, &l.piece)?;
            s.write_datetime_with_format(row, 2, date(l.date)?, &f.date)?;
            s.write_string(row, 3, &l.label)?;
            s.write_number_with_format(row, 4, number(l.amount), &f.euro)?;
            row += 1;
        }
        let expected = super::expected_statement(b);
        let text = if b.not_on_statement.is_empty() {
            format!("={}", cell(books, 4))
        } else {
            format!(
                "={}-SUM({}:{})",
                cell(books, 4),
                cell(books + 1, 4),
                cell(row - 1, 4)
            )
        };
        s.write_string(row, 0, bank)?;
        s.write_string_with_format(
            row,
            3,
            "Solde attendu sur le relevé (livres − non pointé)",
            &f.bold,
        )?;
        s.write_formula_with_format(row, 4, formula(text, expected), &f.euro_total)?;
        row += 1;
        s.write_string(row, 0, bank)?;
        s.write_datetime_with_format(row, 2, date(last)?, &f.date)?;
        match b.statement {
            Some(amount) => {
                s.write_string(row, 3, "Solde du relevé")?;
                s.write_number_with_format(row, 4, number(amount), &f.euro)?;
            }
            None => {
                s.write_string(row, 3, "Solde du relevé : non pointé")?;
            }
        }
        row += 2;
    }
    Ok(())
}

fn caisse(wb: &mut Workbook, crf: &Crf, f: &Formats) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Caisse",
        &[
            ("Billet ou pièce", 34.0),
            ("Valeur", 12.0),
            ("Nombre", 10.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    let Some(c) = &crf.last_cash_count else {
        s.write_string(1, 0, "Aucun arrêté de caisse dans l'exercice")?;
        return Ok(());
    };
    let mut row = 1;
    for k in c.counts.iter().filter(|k| k.count > 0) {
        let value = Money::from_cents(k.cents);
        s.write_string(row, 0, denomination(k.cents))?;
        s.write_number_with_format(row, 1, number(value), &f.euro)?;
        s.write_number(row, 2, f64::from(k.count))?;
        let r = row + 1;
        s.write_formula_with_format(
            row,
            3,
            formula(
                format!("=B{r}*C{r}"),
                Money::from_cents(k.cents * i64::from(k.count)),
            ),
            &f.euro,
        )?;
        row += 1;
    }
    let by = if c.counted_by.trim().is_empty() {
        String::new()
    } else {
        format!(" par {}", c.counted_by.trim())
    };
    s.write_string_with_format(
        row,
        0,
        format!("Total compté le {}{by}", format_date(c.date)),
        &f.bold,
    )?;
    let sum = if row > 1 {
        format!("=SUM(D2:{})", cell(row - 1, 3))
    } else {
        "=0".to_string()
    };
    s.write_formula_with_format(row, 3, formula(sum, c.counted), &f.euro_total)?;
    let counted = row;
    row += 1;
    s.write_string(row, 0, "Solde de la caisse dans les livres")?;
    s.write_datetime_with_format(row, 1, date(c.date)?, &f.date)?;
    s.write_number_with_format(row, 3, number(c.books), &f.euro)?;
    row += 1;
    s.write_string_with_format(row, 0, "Écart (compté − livres)", &f.bold)?;
    s.write_formula_with_format(
        row,
        3,
        formula(
            format!("={}-{}", cell(counted, 3), cell(row - 1, 3)),
            c.difference(),
        ),
        &f.euro_total,
    )?;
    if let Some(piece) = &c.adjustment {
        row += 1;
        s.write_string(
            row,
            0,
            format!("Régularisé par la pièce {piece} : {}", c.reason),
        )?;
    }
    Ok(())
}

fn lists(wb: &mut Workbook, crf: &Crf, f: &Formats) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Subventions",
        &[("Code", 10.0), ("Financeur", 44.0), ("Montant", 15.0)],
        f,
    )?;
    let mut row = 1;
    for sub in &crf.subsidies {
        s.write_string(row, 0, &sub.code)?;
        s.write_string(row, 1, &sub.grantor)?;
        s.write_number_with_format(row, 2, number(sub.amount), &f.euro)?;
        row += 1;
    }
    s.write_string_with_format(row, 1, "Total des subventions", &f.bold)?;
    let total: Money = crf.subsidies.iter().map(|s| s.amount).sum();
    let sum = if row > 1 {
        format!("=SUM(C2:{})", cell(row - 1, 2))
    } else {
        "=0".to_string()
    };
    s.write_formula_with_format(row, 2, formula(sum, total), &f.euro_total)?;

    let s = sheet(
        wb,
        "Chèques à rendre",
        &[
            ("Reçu le", 12.0),
            ("Élève", 30.0),
            ("Chèque de", 30.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    for (i, c) in crf.cheques_out.iter().enumerate() {
        let row = i as u32 + 1;
        s.write_datetime_with_format(row, 0, date(c.date)?, &f.date)?;
        s.write_string(row, 1, &c.pupil)?;
        s.write_string(row, 2, &c.payer)?;
        s.write_number_with_format(row, 3, number(c.amount), &f.euro)?;
    }

    let s = sheet(
        wb,
        "Mois",
        &[
            ("Mois", 18.0),
            ("Début", 12.0),
            ("Produits", 15.0),
            ("Charges", 15.0),
            ("Trésorerie en fin de mois", 24.0),
        ],
        f,
    )?;
    for (i, m) in crf.months.iter().enumerate() {
        let row = i as u32 + 1;
        s.write_string(row, 0, month_name(m.first_day))?;
        s.write_datetime_with_format(row, 1, date(m.first_day)?, &f.date)?;
        s.write_number_with_format(row, 2, number(m.receipts), &f.euro)?;
        s.write_number_with_format(row, 3, number(m.expenses), &f.euro)?;
        s.write_number_with_format(row, 4, number(m.balance), &f.euro)?;
    }
    let row = crf.months.len() as u32 + 1;
    s.write_string_with_format(row, 0, "Total", &f.bold)?;
    let receipts: Money = crf.months.iter().map(|m| m.receipts).sum();
    let expenses: Money = crf.months.iter().map(|m| m.expenses).sum();
    for (col, value) in [(2u16, receipts), (3, expenses)] {
        s.write_formula_with_format(
            row,
            col,
            formula(
                format!("=SUM({}:{})", cell(1, col), cell(row - 1, col)),
                value,
            ),
            &f.euro_total,
        )?;
    }
    Ok(())
}

/// The workbook as bytes.
pub fn workbook(crf: &Crf, coop: &str) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let f = Formats::new();
    let result = fonctionnement(&mut wb, crf, coop, &f)?;
    bilan(&mut wb, crf, &result, &f)?;
    rapprochement(&mut wb, crf, &f)?;
    caisse(&mut wb, crf, &f)?;
    lists(&mut wb, crf, &f)?;
    wb.save_to_buffer()
}

/// Writes the workbook to `out`; returns how many categories it lists.
pub fn write_xlsx(out: &mut dyn std::io::Write, crf: &Crf, coop: &str) -> std::io::Result<usize> {
    let bytes = workbook(crf, coop).map_err(|e| std::io::Error::other(e.to_string()))?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(crf
        .charges
        .iter()
        .chain(&crf.produits)
        .map(|h| h.lines.len())
        .sum())
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
