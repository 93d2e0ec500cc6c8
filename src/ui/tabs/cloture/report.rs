//! The CRF as lines of text, one function per view: the compte de
//! fonctionnement, the bilan, the reconciliation at 31 August and the
//! annexes. Pure: a `Crf` and a width in, lines out (the tab scrolls them).

use crate::domain::crf::{Crf, CrfHeading};
use crate::domain::{Money, format_date};
use crate::ui::widgets::cells::{self, amount_cell, cell, count, right_cell, truncate};
use crate::ui::widgets::theme;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// The widest a report is drawn: beyond, the columns would drift apart.
const MAX_WIDTH: usize = 100;

/// Columns of an amount: "-12 345,67 €" fits.
const AMOUNT: usize = 13;

fn usable(width: usize) -> usize {
    width.clamp(20, MAX_WIDTH)
}

fn title(text: &str) -> Line<'static> {
    Line::styled(text.to_string(), theme::title())
}

fn blank() -> Line<'static> {
    Line::from("")
}

/// `indent` + label … amount, the amount at the right edge.
fn row(indent: usize, label: &str, amount: Money, width: usize, style: Style) -> Line<'static> {
    let label_width = width.saturating_sub(indent + AMOUNT + 1);
    Line::styled(
        format!(
            "{}{} {}",
            " ".repeat(indent),
            cell(label, label_width),
            amount_cell(amount, AMOUNT)
        ),
        style,
    )
}

fn headings(lines: &mut Vec<Line<'static>>, list: &[CrfHeading], width: usize) {
    for heading in list {
        lines.push(row(
            2,
            &heading.heading,
            heading.total,
            width,
            theme::label(),
        ));
        for line in &heading.lines {
            let text = format!("{}  {}", cell(&line.code, 9), line.label);
            lines.push(row(4, &text, line.amount, width, Style::default()));
        }
    }
}

/// "Excédent 123,45 €" or "Déficit 123,45 €".
pub fn result_text(result: Money) -> String {
    if result.is_negative() {
        format!("Déficit de {}", result.abs().fr())
    } else {
        format!("Excédent de {}", result.fr())
    }
}

/// Charges and produits per heading and category, their totals, the result.
pub fn fonctionnement(crf: &Crf, width: usize) -> Vec<Line<'static>> {
    let width = usable(width);
    let mut lines = vec![title("Charges (dépenses)")];
    if crf.charges.is_empty() {
        lines.push(Line::styled("  aucune charge", theme::note()));
    }
    headings(&mut lines, &crf.charges, width);
    lines.push(row(
        2,
        "Total des charges",
        crf.total_charges,
        width,
        theme::title(),
    ));
    lines.push(blank());
    lines.push(title("Produits (recettes)"));
    if crf.produits.is_empty() {
        lines.push(Line::styled("  aucun produit", theme::note()));
    }
    headings(&mut lines, &crf.produits, width);
    lines.push(row(
        2,
        "Total des produits",
        crf.total_produits,
        width,
        theme::title(),
    ));
    lines.push(blank());
    let result = crf.result();
    let style = if result.is_negative() {
        theme::money_out()
    } else {
        theme::money_in()
    };
    let label = if result.is_negative() {
        "Résultat : déficit (produits − charges)"
    } else {
        "Résultat : excédent (produits − charges)"
    };
    lines.push(row(2, label, result, width, style));
    lines
}

/// Each money account from opening to closing (accounts in columns, so
/// that four fit in 80 columns), the régies, the OCCE, the check.
pub fn bilan(crf: &Crf, width: usize) -> Vec<Line<'static>> {
    let width = usable(width);
    let accounts = &crf.accounts;
    let label_width = 17;
    let total_col = accounts.len() > 1;
    let columns = accounts.len() + usize::from(total_col);
    let col = width
        .saturating_sub(label_width)
        .checked_div(columns)
        .map_or(AMOUNT, |c| c.clamp(8, 20));
    let mut lines = vec![title(&format!(
        "Comptes du {} au {}",
        format_date(crf.exercice.first_day()),
        format_date(crf.exercice.last_day())
    ))];
    // Labels too long for their column take two rows ("Collectes" / "en ligne").
    let mut names: Vec<Vec<String>> = accounts
        .iter()
        .map(|a| cells::wrap(&a.label, col - 1))
        .collect();
    if total_col {
        names.push(vec!["Total".to_string()]);
    }
    let rows_needed = names.iter().map(Vec::len).max().unwrap_or(1).clamp(1, 2);
    for r in 0..rows_needed {
        let mut head = cell("", label_width);
        for name in &names {
            // Bottom-aligned: a one-row label sits on the last row.
            let shift = rows_needed - name.len().min(rows_needed);
            let text = r
                .checked_sub(shift)
                .and_then(|i| name.get(i))
                .map_or("", String::as_str);
            head.push_str(&right_cell(text, col));
        }
        lines.push(Line::styled(head, theme::header_cell()));
    }
    type Pick = fn(&crate::domain::crf::AccountYear) -> Money;
    let rows: [(&str, Pick); 6] = [
        ("Ouverture", |a| a.opening),
        ("Recettes", |a| a.receipts),
        ("Dépenses", |a| a.expenses),
        ("Virements reçus", |a| a.transfers_in),
        ("Virements émis", |a| a.transfers_out),
        ("Clôture", |a| a.closing),
    ];
    for (i, (label, pick)) in rows.iter().enumerate() {
        let mut text = cell(label, label_width);
        for a in accounts {
            text.push_str(&amount_cell(pick(a), col));
        }
        if total_col {
            text.push_str(&amount_cell(accounts.iter().map(pick).sum(), col));
        }
        let style = if i == 0 || i == rows.len() - 1 {
            theme::label()
        } else {
            Style::default()
        };
        lines.push(Line::styled(truncate(&text, width), style));
    }
    if let Some(note) = crf.regies_transfers_note() {
        lines.push(Line::styled(truncate(&note, width), theme::note()));
    }
    lines.push(blank());
    let pair_width = width.saturating_sub(2 * (AMOUNT + 1));
    let pair = |label: &str, opening: Money, closing: Money| {
        Line::from(format!(
            "{}{}{}",
            cell(label, pair_width),
            amount_cell(opening, AMOUNT + 1),
            amount_cell(closing, AMOUNT + 1)
        ))
    };
    lines.push(Line::styled(
        format!(
            "{}{}{}",
            cell("", pair_width),
            right_cell("ouverture", AMOUNT + 1),
            right_cell("clôture", AMOUNT + 1)
        ),
        theme::header_cell(),
    ));
    let money: Money = accounts.iter().map(|a| a.opening).sum();
    let money_closing: Money = accounts.iter().map(|a| a.closing).sum();
    lines.push(pair("Comptes (Caisse, banques)", money, money_closing));
    lines.push(pair(
        "+ Régies d'avance non soldées (467)",
        crf.regies_opening,
        crf.regies_closing,
    ));
    lines.push(pair(
        "− Dû à l'OCCE (1680)",
        crf.occe_owed_opening,
        crf.occe_owed_closing,
    ));
    for other in &crf.others {
        lines.push(pair(
            &format!("+ {} {}", other.code, other.label),
            other.opening,
            other.closing,
        ));
    }
    let mut net = pair(
        "= Avoir de la coopérative",
        crf.net_opening(),
        crf.net_closing(),
    );
    net.style = theme::label();
    lines.push(net);
    lines.push(blank());
    let check = format!(
        "Ouverture + résultat = clôture : {} + {} = {}",
        crf.net_opening().fr(),
        crf.result().fr(),
        (crf.net_opening() + crf.result()).fr()
    );
    if crf.balanced() {
        lines.push(Line::from(vec![
            Span::raw(check),
            Span::styled(" ✓", theme::money_in()),
        ]));
    } else {
        let gap = crf.net_closing() - (crf.net_opening() + crf.result());
        lines.push(Line::raw(check));
        lines.push(Line::styled(
            format!(
                "✗ la clôture est de {} : écart de {}",
                crf.net_closing().fr(),
                gap.fr()
            ),
            theme::error(),
        ));
    }
    lines.push(blank());
    lines.push(title(&format!(
        "Fonds en transit au {}",
        format_date(crf.exercice.last_day())
    )));
    if crf.in_transit.is_empty() {
        lines.push(Line::styled("  aucun", theme::note()));
    }
    for (label, amount) in &crf.in_transit {
        lines.push(row(2, label, *amount, width, Style::default()));
    }
    lines
}

/// Per bank: books, statement, the entries not on the statement.
pub fn rapprochement(crf: &Crf, width: usize) -> Vec<Line<'static>> {
    let width = usable(width);
    let last = format_date(crf.exercice.last_day());
    let mut lines = Vec::new();
    if crf.banks.is_empty() {
        lines.push(Line::styled("Aucun compte bancaire", theme::note()));
    }
    for bank in &crf.banks {
        if !lines.is_empty() {
            lines.push(blank());
        }
        lines.push(title(bank.account.label()));
        lines.push(row(
            2,
            &format!("Solde des écritures au {last}"),
            bank.books,
            width,
            Style::default(),
        ));
        let pending = bank.pending();
        match bank.statement {
            Some(statement) => {
                lines.push(row(
                    2,
                    &format!("Solde du relevé au {last}"),
                    statement,
                    width,
                    Style::default(),
                ));
                let gap = bank.books - statement;
                // What the entries not yet on the statement leave unexplained,
                // seen from the books.
                let unexplained = -bank.unexplained().unwrap_or_default();
                if unexplained.is_zero() {
                    let text = if gap.is_zero() {
                        "Écart : aucun ✓"
                    } else {
                        "Écart, expliqué par les écritures pas encore sur le relevé ✓"
                    };
                    lines.push(row(2, text, gap, width, theme::money_in()));
                } else {
                    lines.push(row(
                        2,
                        "Écart (écritures − relevé)",
                        gap,
                        width,
                        theme::error(),
                    ));
                    lines.push(row(
                        2,
                        "✗ Reste à expliquer, hors écritures pas encore sur le relevé",
                        unexplained,
                        width,
                        theme::error(),
                    ));
                }
            }
            None => lines.push(Line::styled(
                format!("  aucun solde de relevé pointé au {last}"),
                theme::error(),
            )),
        }
        if !bank.imported {
            lines.push(Line::styled(
                "  aucun relevé de l'exercice importé : écritures non pointées",
                theme::error(),
            ));
            continue;
        }
        if bank.not_on_statement.is_empty() {
            lines.push(Line::styled(
                "  toutes les écritures sont sur le relevé",
                theme::note(),
            ));
            continue;
        }
        lines.push(Line::styled(
            format!(
                "  Pas encore sur le relevé : {}",
                count(bank.not_on_statement.len(), "écriture", "écritures")
            ),
            theme::label(),
        ));
        for n in &bank.not_on_statement {
            let text = format!(
                "{}  {}  {}",
                cell(&n.piece, 6),
                format_date(n.date),
                n.label
            );
            lines.push(row(4, &text, n.amount, width, Style::default()));
        }
        lines.push(row(4, "Total", pending, width, theme::label()));
    }
    lines
}

/// The last arrêté de caisse, the subsidies, the cheques to give back.
pub fn annexes(crf: &Crf, width: usize) -> Vec<Line<'static>> {
    let width = usable(width);
    let mut lines = vec![title("Dernier arrêté de caisse")];
    match &crf.last_cash_count {
        None => lines.push(Line::styled(
            "  aucun arrêté de caisse dans l'exercice",
            theme::error(),
        )),
        Some(c) => {
            let by = if c.counted_by.trim().is_empty() {
                String::new()
            } else {
                format!(", compté par {}", c.counted_by)
            };
            lines.push(Line::from(format!("  le {}{by}", format_date(c.date))));
            lines.push(row(4, "Compté", c.counted, width, Style::default()));
            lines.push(row(
                4,
                "Caisse dans les livres",
                c.books,
                width,
                Style::default(),
            ));
            let diff = c.difference();
            let style = if diff.is_zero() {
                theme::money_in()
            } else {
                theme::error()
            };
            let text = if diff.is_zero() {
                "Écart : aucun, la caisse est juste ✓".to_string()
            } else {
                match &c.adjustment {
                    Some(piece) => format!("Écart, passé en {piece} : {}", c.reason),
                    None => "Écart".to_string(),
                }
            };
            lines.push(row(4, &text, diff, width, style));
        }
    }
    lines.push(blank());
    lines.push(title("Subventions reçues (74)"));
    if crf.subsidies.is_empty() {
        lines.push(Line::styled("  aucune", theme::note()));
    }
    for s in &crf.subsidies {
        let text = format!("{}  {}", cell(&s.code, 9), s.grantor);
        lines.push(row(2, &text, s.amount, width, Style::default()));
    }
    if crf.subsidies.len() > 1 {
        let total = crf.subsidies.iter().map(|s| s.amount).sum();
        lines.push(row(2, "Total", total, width, theme::label()));
    }
    lines.push(blank());
    lines.push(title("Chèques des familles à rendre"));
    if crf.cheques_out.is_empty() {
        lines.push(Line::styled("  aucun", theme::note()));
    }
    for c in &crf.cheques_out {
        let payer = if c.payer.trim().is_empty() {
            String::new()
        } else {
            format!(" — chèque de {}", c.payer)
        };
        let text = format!("{}  {}{payer}", format_date(c.date), c.pupil);
        lines.push(row(2, &text, c.amount, width, Style::default()));
    }
    if crf.cheques_out.len() > 1 {
        let total = crf.cheques_out.iter().map(|c| c.amount).sum();
        lines.push(row(2, "Total", total, width, theme::label()));
    }
    lines
}

/// Columns the longest line takes (for tests and layout).
pub fn widest(lines: &[Line]) -> usize {
    lines
        .iter()
        .map(|l| l.spans.iter().map(|s| cells::width(&s.content)).sum())
        .max()
        .unwrap_or(0)
}
