//! The cheques (to give back, then those given back), the régies d'avance of the class coops, and
//! the pupils class by class.

use super::state::{Cursor, Participations, plural};
use crate::domain::format_date;
use crate::domain::participation::{Contribution, RegieKind};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{amount_cell, cell};
use crate::ui::widgets::cells::{truncate, wrap};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

/// A block with a title and "n/N" on the right.
fn framed(title: &str, cursor: &Cursor, len: usize) -> Block<'static> {
    let mut block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::border())
        .title(Line::styled(format!(" {title} "), theme::title()));
    if len > 0 {
        let text = format!(" {}/{len} ", cursor.selected() + 1);
        block = block.title(Line::styled(text, theme::note()).right_aligned());
    }
    block
}

fn note(frame: &mut Frame, area: Rect, text: &str) {
    frame.render_widget(
        Paragraph::new(text.to_string())
            .style(theme::note())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// Draws rows (`Some(i)`: the i-th item of the list) scrolled so that the
/// selected item shows.
fn draw_rows(
    frame: &mut Frame,
    area: Rect,
    rows: Vec<(Option<usize>, Line<'static>)>,
    cursor: &Cursor,
    marked: impl Fn(usize) -> bool,
) {
    let at = rows
        .iter()
        .position(|(i, _)| *i == Some(cursor.selected()))
        .unwrap_or(0);
    let height = area.height as usize;
    let first = cursor.first_row(at, height);
    let width = area.width as usize;
    for (n, (item, line)) in rows.into_iter().enumerate().skip(first).take(height) {
        let selected = item == Some(cursor.selected());
        let mark = item.is_some_and(&marked);
        let marker = match (selected, mark) {
            (true, true) => "▸✓",
            (true, false) => "▸ ",
            (false, true) => " ✓",
            (false, false) => "  ",
        };
        let text = truncate(&format!("{marker}{line}"), width);
        let style = if selected {
            theme::selected()
        } else {
            line.style
        };
        let row = Rect {
            y: area.y + (n - first) as u16,
            height: 1,
            ..area
        };
        frame.render_widget(Line::styled(text, style), row);
    }
}

pub fn draw_cheques(frame: &mut Frame, area: Rect, participations: &Participations) {
    let cheques = &participations.cheques;
    let cursor = &participations.cheque_cursor;
    let block = framed(
        "Chèques reçus : à rendre, puis rendus",
        cursor,
        cheques.len(),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if cheques.is_empty() {
        note(
            frame,
            inner,
            "Aucun chèque à rendre. Les chèques ne sont plus encaissés : un chèque reçu \
             dans une enveloppe est noté ici (mode c de la saisie), puis rendu à la famille, \
             invitée à participer en ligne ou en espèces.",
        );
        return;
    }
    let width = inner.width as usize;
    let [head, body, foot] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(2),
    ]));
    let fixed = 2 + 10 + 1 + 16 + 1 + 1 + 18 + 1 + 11;
    let pupil_width = width.saturating_sub(fixed).clamp(12, 40);
    let heading = format!(
        "  {} {} {} {} {:>11}",
        cell("Reçu le", 10),
        cell("Payeur", 16),
        cell("Élève", pupil_width),
        cell("Campagne", 18),
        "Montant"
    );
    frame.render_widget(
        Line::styled(truncate(&heading, width), theme::header_cell()),
        head,
    );
    let pending = participations.cheques_to_return();
    let mut rows: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    if pending == 0 {
        rows.push((None, Line::styled("Aucun chèque à rendre.", theme::note())));
    }
    for (i, c) in cheques.iter().enumerate() {
        if i == pending {
            let n = cheques.len() - pending;
            let title = format!("─ Rendu{} ({n}) ", plural(n));
            let rule = "─".repeat(width.saturating_sub(title.chars().count() + 2));
            rows.push((
                None,
                Line::styled(format!("{title}{rule}"), theme::border()),
            ));
        }
        let pupil = participations
            .pupil(c.pupil_id)
            .map_or(String::new(), |p| p.display_with_class());
        let text = format!(
            "{} {} {} {} {}",
            format_date(c.date),
            cell(&c.payer, 16),
            cell(&pupil, pupil_width),
            cell(participations.campaign_name(c.campaign_id), 18),
            amount_cell(c.amount, 11)
        );
        match c.returned_text() {
            None => rows.push((Some(i), Line::from(text))),
            Some(returned) => {
                rows.push((Some(i), Line::styled(text, theme::note())));
                let pad = " ".repeat(11);
                rows.push((
                    None,
                    Line::styled(format!("{pad}↳ {returned}"), theme::note()),
                ));
            }
        }
    }
    let is_marked = |i: usize| cheques.get(i).is_some_and(|c| cursor.is_marked(c.id));
    draw_rows(frame, body, rows, cursor, is_marked);
    let to_return = || cheques.iter().filter(|c| c.is_cheque_to_return());
    let total: crate::domain::Money = to_return().map(|c| c.amount).sum();
    let mut text = format!(
        "{pending} chèque{} à rendre · {}",
        plural(pending),
        total.fr()
    );
    let marked: Vec<&Contribution> = to_return().filter(|c| cursor.is_marked(c.id)).collect();
    if !marked.is_empty() {
        let sum: crate::domain::Money = marked.iter().map(|c| c.amount).sum();
        let m = marked.len();
        text.push_str(&format!(" · {m} marqué{} : {}", plural(m), sum.fr()));
    }
    text.push_str(&format!(
        " · {} : marquer rendu (date, à qui). \
         Un chèque n'est jamais encaissé ni compté dans les comptes.",
        keymap::key_of(Context::Cheques, Action::ReturnCheque)
    ));
    let lines: Vec<Line> = wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, theme::note()))
        .collect();
    frame.render_widget(Paragraph::new(lines), foot);
}

pub fn draw_regies(frame: &mut Frame, area: Rect, participations: &Participations) {
    let classes = &participations.classes;
    let cursor = &participations.regie_cursor;
    let block = framed(
        "Régies d'avance des coopératives de classe",
        cursor,
        classes.len(),
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if classes.is_empty() {
        note(
            frame,
            inner,
            "Aucune classe : ajoutez des élèves (vue Élèves) pour créer les classes ; \
             une régie remet des espèces de la Caisse à l'enseignant contre un reçu signé.",
        );
        return;
    }
    let width = inner.width as usize;
    let rows_wanted = classes.len() as u16 + 1;
    let [head, body, moves, foot] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Max(rows_wanted.max(2)),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let fixed = 2 + 10 + 1 + 4 * 11 + 2 + 10;
    let teacher_width = width.saturating_sub(fixed).clamp(4, 24);
    let heading = format!(
        "  {} {} {:>10} {:>10} {:>10} {:>10}  {}",
        cell("Classe", 10),
        cell("Enseignant", teacher_width),
        "Remis",
        "Dépensé",
        "Rendu",
        "Solde",
        "État"
    );
    frame.render_widget(
        Line::styled(truncate(&heading, width), theme::header_cell()),
        head,
    );
    let mut unsettled = 0;
    let rows = classes
        .iter()
        .enumerate()
        .map(|(i, class)| {
            let regie = participations.regie_of(class);
            let state = if regie.is_unsettled() {
                unsettled += 1;
                "non soldée"
            } else if regie.given.is_zero() {
                "—"
            } else {
                "soldée"
            };
            let text = format!(
                "{} {} {} {} {} {}  {state}",
                cell(&class.name, 10),
                cell(&class.teacher, teacher_width),
                amount_cell(regie.given, 10),
                amount_cell(regie.spent, 10),
                amount_cell(regie.returned, 10),
                amount_cell(regie.balance(), 10),
            );
            let style = if regie.is_unsettled() {
                theme::label_focused()
            } else {
                Style::new()
            };
            (Some(i), Line::styled(text, style))
        })
        .collect();
    draw_rows(frame, body, rows, cursor, |_| false);
    if let Some(class) = participations.selected_class() {
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::border())
            .title(Line::styled(
                format!(" Mouvements de la régie {} ", class.name),
                theme::title(),
            ));
        let mut lines: Vec<Line> = participations
            .moves
            .iter()
            .filter(|m| m.class_id == class.id)
            .map(|m| {
                let sign = if m.kind == RegieKind::Avance {
                    "+"
                } else {
                    "−"
                };
                let text = format!(
                    "  {} {} {} {:>11}  {}",
                    format_date(m.date),
                    cell(&m.piece, 6),
                    cell(m.kind.label(), 20),
                    format!("{sign}{}", m.amount.fr()),
                    m.label
                );
                let style = if m.cancelled {
                    theme::cancelled()
                } else {
                    Style::new()
                };
                Line::styled(truncate(&text, width), style)
            })
            .collect();
        if lines.is_empty() {
            lines.push(Line::styled(
                "  aucun mouvement : a pour remettre une avance à l'enseignant",
                theme::note(),
            ));
        }
        let shown = (moves.height.saturating_sub(1)) as usize;
        let skip = lines.len().saturating_sub(shown);
        let lines: Vec<Line> = lines.into_iter().skip(skip).collect();
        frame.render_widget(Paragraph::new(lines).block(block), moves);
    }
    let text = if unsettled > 0 {
        let end = format_date(classes[0].exercice.last_day());
        format!(
            "{unsettled} régie{} non soldée{} : à solder avant le {end} (d dépense, r reliquat)",
            plural(unsettled),
            plural(unsettled)
        )
    } else {
        "Toutes les régies sont soldées.".to_string()
    };
    let style = if unsettled > 0 {
        theme::label_focused()
    } else {
        theme::note()
    };
    frame.render_widget(Line::styled(truncate(&text, width), style), foot);
}

pub fn draw_pupils(frame: &mut Frame, area: Rect, participations: &Participations) {
    let pupils = &participations.pupils;
    let cursor = &participations.pupil_cursor;
    let block = framed("Élèves par classe", cursor, pupils.len());
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let [body, foot] = inner.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let width = inner.width as usize;
    let help = "a ajouter · c classe · toute la liste : coopcompta import pupils FICHIER.csv";
    frame.render_widget(Line::styled(truncate(help, width), theme::note()), foot);
    if pupils.is_empty() && participations.classes.is_empty() {
        note(
            frame,
            body,
            "Aucun élève : a pour en ajouter un (nom, prénom, classe), ou importez la liste \
             de l'école en ligne de commande : coopcompta import pupils FICHIER.csv \
             (colonnes nom, prénom, classe). Les frères et sœurs (même nom) sont reliés.",
        );
        return;
    }
    let name_width = (width / 3).clamp(20, 36);
    let mut rows: Vec<(Option<usize>, Line<'static>)> = Vec::new();
    for class in &participations.classes {
        let n = class.pupils;
        let mut head = format!("{} · {n} élève{}", class.name, plural(n));
        if !class.teacher.is_empty() {
            head.push_str(&format!(" · {}", class.teacher));
        }
        rows.push((None, Line::styled(head, theme::title())));
        let mut any = false;
        for (i, pupil) in pupils
            .iter()
            .enumerate()
            .filter(|(_, p)| p.class_id == class.id)
        {
            any = true;
            let siblings: Vec<String> = participations
                .siblings(pupil)
                .iter()
                .map(|s| format!("{} ({})", s.prenom, s.class_name))
                .collect();
            let family = if siblings.is_empty() {
                String::new()
            } else {
                format!("fratrie : {}", siblings.join(", "))
            };
            let text = format!("  {} {family}", cell(&pupil.display(), name_width));
            rows.push((Some(i), Line::from(text)));
        }
        if !any {
            rows.push((None, Line::styled("    aucun élève", theme::note())));
        }
    }
    draw_rows(frame, body, rows, cursor, |_| false);
}
