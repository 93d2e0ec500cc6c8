//! The campaigns of the exercice (amount collected and a gauge each), and
//! one campaign class by class: who has contributed, how much, by which
//! channel, or the neutral "pas de participation enregistrée".

use super::state::{Participations, gauge_text, plural};
use crate::domain::participation::{CampaignView, ChannelTotals, ClassView};
use crate::domain::{Account, format_date};
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::cells::{amount_cell, cell};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, LineGauge, Paragraph};

/// From this width the per-class totals show beside the pupils.
const SIDE_BY_SIDE: u16 = 140;

fn category(view: &CampaignView, chart: &[Account]) -> String {
    let code = &view.campaign.category_code;
    chart
        .iter()
        .find(|a| &a.code == code)
        .map_or(code.clone(), Account::display)
}

/// "toutes les classes" or "CP-A, CE1-B".
fn classes_text(view: &CampaignView, participations: &Participations) -> String {
    if view.campaign.class_ids.is_empty() {
        return "toutes les classes".into();
    }
    let names: Vec<&str> = participations
        .classes
        .iter()
        .filter(|c| view.campaign.class_ids.contains(&c.id))
        .map(|c| c.name.as_str())
        .collect();
    names.join(", ")
}

fn dates_text(view: &CampaignView) -> Option<String> {
    match (view.campaign.starts_on, view.campaign.ends_on) {
        (Some(a), Some(b)) => Some(format!("du {} au {}", format_date(a), format_date(b))),
        (Some(a), None) => Some(format!("à partir du {}", format_date(a))),
        (None, Some(b)) => Some(format!("jusqu'au {}", format_date(b))),
        (None, None) => None,
    }
}

/// "espèces 24,00 € · en ligne 12,00 € · 1 chèque reçu, à rendre (20,00 €)"
/// (channels with nothing left out, but espèces).
pub fn channels_text(totals: &ChannelTotals) -> String {
    let mut parts = vec![format!("espèces {}", totals.especes.fr())];
    if !totals.en_ligne.is_zero() {
        parts.push(format!("en ligne {}", totals.en_ligne.fr()));
    }
    if !totals.virement.is_zero() {
        parts.push(format!("virement {}", totals.virement.fr()));
    }
    let n = totals.cheques_to_return_count;
    if n > 0 {
        parts.push(format!(
            "{n} chèque{} reçu{}, à rendre ({})",
            plural(n),
            plural(n),
            totals.cheques_to_return.fr()
        ));
    }
    parts.join(" · ")
}

fn gauge_or_free(view: &CampaignView, width: usize) -> String {
    match view.gauge_permille() {
        Some(permille) => gauge_text(permille, width),
        None => cell("montant libre", width),
    }
}

/// The list of campaigns, and what the selected one is about.
pub fn draw_list(
    frame: &mut Frame,
    area: Rect,
    participations: &Participations,
    chart: &[Account],
) {
    let campaigns = &participations.campaigns;
    let cursor = &participations.campaign_cursor;
    let mut block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::border())
        .title(Line::styled(
            " Appels à participation de l'exercice ",
            theme::title(),
        ));
    if !campaigns.is_empty() {
        let text = format!(" {}/{} ", cursor.selected() + 1, campaigns.len());
        block = block.title(Line::styled(text, theme::note()).right_aligned());
    }
    let inner = block.inner(area);
    frame.render_widget(block, area);
    if campaigns.is_empty() {
        let text = "Aucune campagne pour l'instant : n pour en créer une (participation de \
                    l'année, sortie, photos…), puis s pour saisir l'enveloppe d'une classe.";
        frame.render_widget(
            Paragraph::new(text)
                .style(theme::note())
                .wrap(ratatui::widgets::Wrap { trim: true }),
            inner,
        );
        return;
    }
    let width = inner.width as usize;
    let fixed = 10 + 9 + 12 + 4;
    let name_width = width.saturating_sub(2 + fixed + 16).clamp(12, 44);
    let gauge_width = width.saturating_sub(2 + fixed + name_width).clamp(8, 40);
    let [head, body, foot] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(5),
    ]));
    let heading = format!(
        "  {} {:>10} {:>9} {:>12} {}",
        cell("Campagne", name_width),
        "Suggéré",
        "Particip.",
        "Versé",
        "Jauge"
    );
    frame.render_widget(
        Line::styled(truncate(&heading, width), theme::header_cell()),
        head,
    );
    let height = body.height as usize;
    let first = cursor.first_row(cursor.selected(), height);
    for (i, view) in campaigns.iter().enumerate().skip(first).take(height) {
        let suggested = view.campaign.suggested.map_or("libre".into(), |m| m.fr());
        let text = format!(
            "{} {} {:>10} {:>9} {} {}",
            if i == cursor.selected() { "▸" } else { " " },
            cell(&view.campaign.name, name_width),
            suggested,
            format!("{} / {}", view.contributors, view.pupils),
            amount_cell(view.totals.collected(), 12),
            gauge_or_free(view, gauge_width)
        );
        let style = if i == cursor.selected() {
            theme::selected()
        } else {
            Style::new()
        };
        let y = body.y + (i - first) as u16;
        frame.render_widget(
            Line::styled(truncate(&text, width), style),
            Rect {
                y,
                height: 1,
                ..body
            },
        );
    }
    if let Some(view) = participations.selected_campaign() {
        let mut about = vec![
            view.campaign.name.clone(),
            classes_text(view, participations),
        ];
        about.extend(dates_text(view));
        let lines = vec![
            Line::styled(truncate(&about.join(" · "), width), theme::title()),
            Line::from(truncate(
                &format!("Catégorie {}", category(view, chart)),
                width,
            )),
            Line::from(truncate(
                &format!(
                    "Versé {} : {}",
                    view.totals.collected().fr(),
                    channels_text(&view.totals)
                ),
                width,
            )),
            Line::styled(
                truncate(
                    &format!(
                        "{} élève{} sur {} avec une participation enregistrée · {} : détail par classe",
                        view.contributors,
                        plural(view.contributors),
                        view.pupils,
                        keymap::key_of(Context::Campaigns, Action::ShowCampaign)
                    ),
                    width,
                ),
                theme::note(),
            ),
        ];
        let block = Block::new()
            .borders(Borders::TOP)
            .border_style(theme::border());
        frame.render_widget(Paragraph::new(lines).block(block), foot);
    }
}

/// "CE1-B · 2 participations sur 4 élèves · 24,00 €".
fn class_heading(class: &ClassView) -> String {
    let n = class.pupils.len();
    format!(
        "{} · {} participation{} sur {n} élève{} · {}",
        class.class.name,
        class.contributors,
        plural(class.contributors),
        plural(n),
        class.totals.collected().fr()
    )
}

/// Every class, then its pupils with what they gave.
fn body_lines(view: &CampaignView, width: usize, with_channels: bool) -> Vec<Line<'static>> {
    let mut lines = Vec::new();
    let name_width = (width / 3).clamp(18, 32);
    for class in &view.classes {
        lines.push(Line::styled(
            truncate(&class_heading(class), width),
            theme::title(),
        ));
        if with_channels {
            lines.push(Line::styled(
                truncate(&format!("  {}", channels_text(&class.totals)), width),
                theme::note(),
            ));
        }
        if class.pupils.is_empty() {
            lines.push(Line::styled("  aucun élève dans la classe", theme::note()));
        }
        for pupil in &class.pupils {
            let name = format!("  {}", cell(&pupil.pupil.display(), name_width));
            let status = pupil.status();
            let style = if pupil.contributions.is_empty() {
                theme::note()
            } else {
                Style::new()
            };
            let room = width.saturating_sub(name.chars().count() + 1);
            lines.push(Line::from(vec![
                Span::raw(format!("{name} ")),
                Span::styled(truncate(&status, room), style),
            ]));
        }
        lines.push(Line::from(""));
    }
    lines
}

/// The per-class totals as a table (wide screens).
fn class_table(view: &CampaignView) -> Vec<Line<'static>> {
    let mut lines = vec![Line::styled(
        format!(
            "{} {:>9} {:>11} {:>11} {:>11} {:>11} {:>8}",
            cell("Classe", 10),
            "Particip.",
            "Espèces",
            "En ligne",
            "Virement",
            "Versé",
            "Chèques"
        ),
        theme::header_cell(),
    )];
    let row = |name: &str, contributors: usize, pupils: usize, t: &ChannelTotals| {
        format!(
            "{} {:>9} {} {} {} {} {:>8}",
            cell(name, 10),
            format!("{contributors} / {pupils}"),
            amount_cell(t.especes, 11),
            amount_cell(t.en_ligne, 11),
            amount_cell(t.virement, 11),
            amount_cell(t.collected(), 11),
            t.cheques_to_return_count
        )
    };
    for class in &view.classes {
        lines.push(Line::from(row(
            &class.class.name,
            class.contributors,
            class.pupils.len(),
            &class.totals,
        )));
    }
    lines.push(Line::styled(
        row("Total", view.contributors, view.pupils, &view.totals),
        theme::title(),
    ));
    lines.push(Line::from(""));
    lines.push(Line::styled(
        "Chèques : reçus, non encaissés, à rendre aux familles (vue Chèques à rendre).",
        theme::note(),
    ));
    lines
}

/// "Versé 48,00 € sur 72,00 € suggérés ━━━━━━──── 66 %".
fn draw_gauge(frame: &mut Frame, area: Rect, view: &CampaignView) {
    let collected = view.totals.collected().fr();
    let (text, permille) = match (view.target, view.gauge_permille()) {
        (Some(target), Some(permille)) => (
            format!("Versé {collected} sur {} suggérés ", target.fr()),
            permille,
        ),
        _ => {
            let text = format!("Versé {collected} · montant libre : pas de jauge");
            frame.render_widget(Line::styled(text, theme::title()), area);
            return;
        }
    };
    let [label, gauge] = area.layout(&Layout::horizontal([
        Constraint::Length(text.chars().count() as u16 + 1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(Line::styled(text, theme::title()), label);
    let gauge = Rect {
        width: gauge.width.saturating_sub(1).min(60),
        ..gauge
    };
    frame.render_widget(
        LineGauge::default()
            .ratio(f64::from(permille.min(1000)) / 1000.0)
            .label(format!("{} %", permille / 10))
            .filled_symbol(ratatui::symbols::line::THICK_HORIZONTAL)
            .filled_style(theme::status())
            .unfilled_style(theme::border()),
        gauge,
    );
}

/// One campaign, class by class.
pub fn draw_detail(
    frame: &mut Frame,
    area: Rect,
    participations: &Participations,
    chart: &[Account],
) {
    let Some(view) = participations.selected_campaign() else {
        return;
    };
    let width = area.width as usize;
    let [title, gauge, channels, count, rest] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    let suggested = view.campaign.suggested.map_or("montant libre".into(), |m| {
        format!("{} suggérés par élève", m.fr())
    });
    let mut about = vec![suggested, classes_text(view, participations)];
    about.extend(dates_text(view));
    about.push(category(view, chart));
    let head = format!(" {} · {}", view.campaign.name, about.join(" · "));
    frame.render_widget(Line::styled(truncate(&head, width), theme::title()), title);
    draw_gauge(frame, gauge, view);
    frame.render_widget(
        Line::from(truncate(&channels_text(&view.totals), width)),
        channels,
    );
    let counted = format!(
        "{} élève{} sur {} avec une participation enregistrée (participation volontaire)",
        view.contributors,
        plural(view.contributors),
        view.pupils
    );
    frame.render_widget(
        Line::styled(truncate(&counted, width), theme::note()),
        count,
    );
    let (list_area, side) = if area.width >= SIDE_BY_SIDE {
        let [list, side] = rest.layout(&Layout::horizontal([
            Constraint::Fill(1),
            Constraint::Length(80),
        ]));
        (list, Some(side))
    } else {
        (rest, None)
    };
    let block = Block::new()
        .borders(Borders::TOP)
        .border_style(theme::border())
        .title(Line::styled(" Par classe et par élève ", theme::title()))
        .title(
            Line::styled(
                format!(
                    " {}/{} : autre campagne ",
                    keymap::key_of(Context::CampaignDetail, Action::ChoicePrev),
                    keymap::key_of(Context::CampaignDetail, Action::ChoiceNext)
                ),
                theme::note(),
            )
            .right_aligned(),
        );
    let inner = block.inner(list_area);
    frame.render_widget(block, list_area);
    let lines = body_lines(view, inner.width as usize, side.is_none());
    let height = inner.height as usize;
    let max = lines.len().saturating_sub(height);
    participations.detail_max.set(max);
    participations.detail_scroll.set_page(height.max(1));
    let scroll = participations.detail_scroll.selected().min(max);
    let shown: Vec<Line> = lines.into_iter().skip(scroll).take(height).collect();
    frame.render_widget(Paragraph::new(shown), inner);
    if let Some(side) = side {
        let block = Block::new()
            .borders(Borders::TOP | Borders::LEFT)
            .border_style(theme::border())
            .title(Line::styled(" Totaux par classe ", theme::title()));
        frame.render_widget(Paragraph::new(class_table(view)).block(block), side);
    }
}
