//! The xlsx sheets after the compte de fonctionnement and the bilan: the
//! bank reconciliation, the arrêté de caisse, the subsidies, the cheques
//! to give back and the months.

use super::month_name;
use super::xlsx::{FIRST_ROW, Formats, cell, date, formula, number, sheet};
use crate::domain::cash_count::value_name;
use crate::domain::crf::Crf;
use crate::domain::{Money, format_date};
use rust_xlsxwriter::{Workbook, XlsxError};

pub(super) fn rapprochement(
    wb: &mut Workbook,
    crf: &Crf,
    title: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Rapprochement",
        title,
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
    let mut row = FIRST_ROW;
    for b in &crf.banks {
        let bank = b.account.label();
        s.write_string(row, 0, bank)?;
        s.write_datetime_with_format(row, 2, date(last)?, &f.date)?;
        s.write_string_with_format(row, 3, "Solde des livres", &f.bold)?;
        s.write_number_with_format(row, 4, number(b.books), &f.euro)?;
        let books = row;
        row += 1;
        if !b.imported {
            s.write_string(row, 0, bank)?;
            s.write_string(row, 3, super::NOT_IMPORTED)?;
            row += 1;
        }
        let first_line = row;
        for l in &b.not_on_statement {
            s.write_string(row, 0, bank)?;
            s.write_string(row, 1, &l.piece)?;
            s.write_datetime_with_format(row, 2, date(l.date)?, &f.date)?;
            s.write_string(row, 3, &l.label)?;
            s.write_number_with_format(row, 4, number(l.amount), &f.euro)?;
            row += 1;
        }
        let expected = b.expected_statement();
        let text = if b.not_on_statement.is_empty() {
            format!("={}", cell(books, 4))
        } else {
            format!(
                "={}-SUM({}:{})",
                cell(books, 4),
                cell(first_line, 4),
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

pub(super) fn caisse(
    wb: &mut Workbook,
    crf: &Crf,
    title: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Caisse",
        title,
        &[
            ("Billet ou pièce", 34.0),
            ("Valeur", 12.0),
            ("Nombre", 10.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    let Some(c) = &crf.last_cash_count else {
        s.write_string(FIRST_ROW, 0, "Aucun arrêté de caisse dans l'exercice")?;
        return Ok(());
    };
    let mut row = FIRST_ROW;
    for k in c.counts.iter().filter(|k| k.count > 0) {
        let value = Money::from_cents(k.cents);
        s.write_string(row, 0, value_name(k.cents))?;
        s.write_number_with_format(row, 1, number(value), &f.euro)?;
        s.write_number(row, 2, f64::from(k.count))?;
        let r = row + 1;
        s.write_formula_with_format(row, 3, formula(format!("=B{r}*C{r}"), k.amount()), &f.euro)?;
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
    let sum = if row > FIRST_ROW {
        format!("=SUM({}:{})", cell(FIRST_ROW, 3), cell(row - 1, 3))
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

pub(super) fn lists(
    wb: &mut Workbook,
    crf: &Crf,
    title: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    let s = sheet(
        wb,
        "Subventions",
        title,
        &[("Code", 10.0), ("Financeur", 44.0), ("Montant", 15.0)],
        f,
    )?;
    let mut row = FIRST_ROW;
    for sub in &crf.subsidies {
        s.write_string(row, 0, &sub.code)?;
        s.write_string(row, 1, &sub.grantor)?;
        s.write_number_with_format(row, 2, number(sub.amount), &f.euro)?;
        row += 1;
    }
    s.write_string_with_format(row, 1, "Total des subventions", &f.bold)?;
    let total: Money = crf.subsidies.iter().map(|s| s.amount).sum();
    let sum = if row > FIRST_ROW {
        format!("=SUM({}:{})", cell(FIRST_ROW, 2), cell(row - 1, 2))
    } else {
        "=0".to_string()
    };
    s.write_formula_with_format(row, 2, formula(sum, total), &f.euro_total)?;

    let s = sheet(
        wb,
        "Chèques à rendre",
        title,
        &[
            ("Reçu le", 12.0),
            ("Élève", 30.0),
            ("Chèque de", 30.0),
            ("Montant", 15.0),
        ],
        f,
    )?;
    for (i, c) in crf.cheques_out.iter().enumerate() {
        let row = i as u32 + FIRST_ROW;
        s.write_datetime_with_format(row, 0, date(c.date)?, &f.date)?;
        s.write_string(row, 1, &c.pupil)?;
        s.write_string(row, 2, &c.payer)?;
        s.write_number_with_format(row, 3, number(c.amount), &f.euro)?;
    }

    let s = sheet(
        wb,
        "Mois",
        title,
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
        let row = i as u32 + FIRST_ROW;
        s.write_string(row, 0, month_name(m.first_day))?;
        s.write_datetime_with_format(row, 1, date(m.first_day)?, &f.date)?;
        s.write_number_with_format(row, 2, number(m.receipts), &f.euro)?;
        s.write_number_with_format(row, 3, number(m.expenses), &f.euro)?;
        s.write_number_with_format(row, 4, number(m.balance), &f.euro)?;
    }
    let row = crf.months.len() as u32 + FIRST_ROW;
    s.write_string_with_format(row, 0, "Total", &f.bold)?;
    let receipts: Money = crf.months.iter().map(|m| m.receipts).sum();
    let expenses: Money = crf.months.iter().map(|m| m.expenses).sum();
    for (col, value) in [(2u16, receipts), (3, expenses)] {
        s.write_formula_with_format(
            row,
            col,
            formula(
                format!("=SUM({}:{})", cell(FIRST_ROW, col), cell(row - 1, col)),
                value,
            ),
            &f.euro_total,
        )?;
    }
    Ok(())
}
