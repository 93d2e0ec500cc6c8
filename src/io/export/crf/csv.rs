//! The CRF as one CSV table: a first column naming the part (charges,
//! produits, bilan, rapprochement…), then the same columns for every part
//! (those a part does not use stay empty), so that any CSV reader takes it.

use super::{check_words, month_name};
use crate::domain::Money;
use crate::domain::cash_count::value_name;
use crate::domain::crf::Crf;
use crate::io::export::format::{CsvFormat, push_amount, push_date};
use chrono::NaiveDate;
use std::io::Write;

/// The amount columns, after section, rubrique, code, libellé, date.
const AMOUNTS: usize = 7;

const STD_HEADER: [&str; 5 + AMOUNTS] = [
    "section",
    "heading",
    "code",
    "label",
    "date",
    "amount",
    "opening",
    "receipts",
    "expenses",
    "transfers_in",
    "transfers_out",
    "closing",
];

const FR_HEADER: [&str; 5 + AMOUNTS] = [
    "Partie",
    "Rubrique",
    "Code",
    "Libellé",
    "Date",
    "Montant",
    "Ouverture",
    "Recettes",
    "Dépenses",
    "Virements reçus",
    "Virements émis",
    "Clôture",
];

/// One row before it is written.
#[derive(Default)]
struct Row {
    section: &'static str,
    heading: String,
    code: String,
    label: String,
    date: Option<NaiveDate>,
    amounts: [Option<Money>; AMOUNTS],
}

impl Row {
    fn new(section: &'static str, label: impl Into<String>) -> Row {
        Row {
            section,
            label: label.into(),
            ..Row::default()
        }
    }

    fn code(mut self, code: impl Into<String>) -> Row {
        self.code = code.into();
        self
    }

    fn heading(mut self, heading: impl Into<String>) -> Row {
        self.heading = heading.into();
        self
    }

    fn date(mut self, date: NaiveDate) -> Row {
        self.date = Some(date);
        self
    }

    fn amount(self, amount: Money) -> Row {
        self.at(0, Some(amount))
    }

    fn at(mut self, column: usize, amount: Option<Money>) -> Row {
        self.amounts[column] = amount;
        self
    }
}

/// The section keys (`std`) and their French names (`fr`).
fn section_name(key: &str, format: CsvFormat) -> &str {
    if format == CsvFormat::Std {
        return key;
    }
    match key {
        "coop" => "Coopérative",
        "charges" => "Charges",
        "produits" => "Produits",
        "resultat" => "Résultat",
        "bilan" => "Bilan simplifié",
        "controle" => "Contrôle",
        "en_transit" => "En transit",
        "rapprochement" => "Rapprochement bancaire",
        "caisse" => "Arrêté de caisse",
        "subventions" => "Subventions",
        "cheques" => "Chèques à rendre",
        "mois" => "Mois",
        other => other,
    }
}

/// Every row of the CRF, in the order of the printed page.
fn rows(crf: &Crf, coop: &str) -> Vec<Row> {
    let mut rows = vec![Row::new("coop", coop).code(crf.exercice.to_string())];
    for (section, headings, total, words) in [
        (
            "charges",
            &crf.charges,
            crf.total_charges,
            "Total des charges",
        ),
        (
            "produits",
            &crf.produits,
            crf.total_produits,
            "Total des produits",
        ),
    ] {
        for h in headings {
            for l in &h.lines {
                rows.push(
                    Row::new(section, l.label.clone())
                        .heading(h.heading.clone())
                        .code(l.code.clone())
                        .amount(l.amount),
                );
            }
            rows.push(
                Row::new(section, format!("Total {}", h.heading))
                    .heading(h.heading.clone())
                    .amount(h.total),
            );
        }
        rows.push(Row::new(section, words).amount(total));
    }
    rows.push(Row::new("resultat", "Résultat (produits − charges)").amount(crf.result()));
    for a in &crf.accounts {
        rows.push(
            Row::new("bilan", a.label.clone())
                .code(a.code.clone())
                .at(1, Some(a.opening))
                .at(2, Some(a.receipts))
                .at(3, Some(a.expenses))
                .at(4, Some(a.transfers_in))
                .at(5, Some(a.transfers_out))
                .at(6, Some(a.closing)),
        );
    }
    if let Some(note) = crf.regies_transfers_note() {
        rows.push(Row::new("bilan", note).amount(crf.regies_advanced.abs()));
    }
    rows.push(
        Row::new(
            "bilan",
            "Régies d'avance non soldées (argent chez les enseignants)",
        )
        .code("467")
        .at(1, Some(crf.regies_opening))
        .at(6, Some(crf.regies_closing)),
    );
    rows.push(
        Row::new("bilan", "Dû à l'OCCE (avance à rembourser, en moins)")
            .code("1680")
            .at(1, Some(crf.occe_owed_opening))
            .at(6, Some(crf.occe_owed_closing)),
    );
    for o in &crf.others {
        rows.push(
            Row::new("bilan", o.label.clone())
                .code(o.code.clone())
                .at(1, Some(o.opening))
                .at(6, Some(o.closing)),
        );
    }
    rows.push(
        Row::new("bilan", "Avoir net de la coopérative")
            .at(1, Some(crf.net_opening()))
            .at(6, Some(crf.net_closing())),
    );
    rows.push(
        Row::new(
            "controle",
            format!("Ouverture + résultat = clôture : {}", check_words(crf)),
        )
        .amount(crf.result())
        .at(1, Some(crf.net_opening()))
        .at(6, Some(crf.net_closing())),
    );
    for (what, amount) in &crf.in_transit {
        rows.push(Row::new("en_transit", what.clone()).amount(*amount));
    }
    let last = crf.exercice.last_day();
    for b in &crf.banks {
        let bank = b.account.label();
        rows.push(
            Row::new("rapprochement", "Solde des livres")
                .heading(bank)
                .date(last)
                .amount(b.books),
        );
        if !b.imported {
            rows.push(Row::new("rapprochement", super::NOT_IMPORTED).heading(bank));
        }
        for l in &b.not_on_statement {
            rows.push(
                Row::new("rapprochement", l.label.clone())
                    .heading(bank)
                    .code(l.piece.clone())
                    .date(l.date)
                    .amount(l.amount),
            );
        }
        rows.push(
            Row::new("rapprochement", "Solde attendu sur le relevé")
                .heading(bank)
                .date(last)
                .amount(b.expected_statement()),
        );
        let statement = Row::new("rapprochement", "Solde du relevé")
            .heading(bank)
            .date(last);
        rows.push(match b.statement {
            Some(s) => statement.amount(s),
            None => Row {
                label: "Solde du relevé : non pointé".into(),
                ..statement
            },
        });
        if let Some(gap) = b.unexplained().filter(|g| !g.is_zero()) {
            rows.push(
                Row::new("rapprochement", "Écart à expliquer (relevé − attendu)")
                    .heading(bank)
                    .date(last)
                    .amount(gap),
            );
        }
    }
    match &crf.last_cash_count {
        Some(c) => {
            let by = if c.counted_by.trim().is_empty() {
                String::new()
            } else {
                format!(" par {}", c.counted_by.trim())
            };
            for counted in c.counts.iter().filter(|k| k.count > 0) {
                rows.push(
                    Row::new("caisse", format!("× {}", counted.count))
                        .code(value_name(counted.cents))
                        .date(c.date)
                        .amount(counted.amount()),
                );
            }
            rows.push(
                Row::new("caisse", format!("Total compté{by}"))
                    .date(c.date)
                    .amount(c.counted),
            );
            rows.push(
                Row::new("caisse", "Solde de la caisse dans les livres")
                    .date(c.date)
                    .amount(c.books),
            );
            let mut words = "Écart (compté − livres)".to_string();
            if let Some(piece) = &c.adjustment {
                words.push_str(&format!(
                    " : régularisé par la pièce {piece} ({})",
                    c.reason
                ));
            }
            rows.push(
                Row::new("caisse", words)
                    .date(c.date)
                    .amount(c.difference()),
            );
        }
        None => rows.push(Row::new("caisse", "Aucun arrêté de caisse dans l'exercice")),
    }
    for s in &crf.subsidies {
        rows.push(
            Row::new("subventions", s.grantor.clone())
                .code(s.code.clone())
                .amount(s.amount),
        );
    }
    for c in &crf.cheques_out {
        let payer = if c.payer.trim().is_empty() {
            String::new()
        } else {
            format!(" (chèque de {})", c.payer.trim())
        };
        rows.push(
            Row::new("cheques", format!("{}{payer}", c.pupil))
                .date(c.date)
                .amount(c.amount),
        );
    }
    for m in &crf.months {
        rows.push(
            Row::new("mois", month_name(m.first_day))
                .date(m.first_day)
                .at(2, Some(m.receipts))
                .at(3, Some(m.expenses))
                .at(6, Some(m.balance)),
        );
    }
    rows
}

/// Writes the CRF as CSV; returns how many rows (header left out).
pub fn write_csv(
    out: &mut dyn Write,
    crf: &Crf,
    coop: &str,
    format: CsvFormat,
) -> csv::Result<usize> {
    let mut writer = format.writer(out)?;
    writer.write_record(match format {
        CsvFormat::Std => STD_HEADER,
        CsvFormat::Fr => FR_HEADER,
    })?;
    let rows = rows(crf, coop);
    let mut cells: Vec<String> = Vec::with_capacity(5 + AMOUNTS);
    for row in &rows {
        cells.clear();
        cells.push(section_name(row.section, format).to_string());
        cells.push(format.text(&row.heading).into_owned());
        cells.push(format.text(&row.code).into_owned());
        cells.push(format.text(&row.label).into_owned());
        let mut date = String::new();
        if let Some(d) = row.date {
            push_date(&mut date, d, format);
        }
        cells.push(date);
        for amount in row.amounts {
            let mut cell = String::new();
            if let Some(a) = amount {
                push_amount(&mut cell, a, format);
            }
            cells.push(cell);
        }
        writer.write_record(&cells)?;
    }
    writer.flush()?;
    Ok(rows.len())
}
