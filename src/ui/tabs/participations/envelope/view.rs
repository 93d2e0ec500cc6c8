//! Drawing the quick entry: campaign, class and date; the line being typed
//! (pupil, amount, channel, payer of a cheque) with the pupils matching the
//! typed letters; the envelope so far with its totals.

use super::super::state::plural;
use super::{Envelope, Slot, TypedLine, key};
use crate::domain::Account;
use crate::domain::participation::Channel;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{amount_cell, cell};
use crate::ui::widgets::cells::{truncate, wrap};
use crate::ui::widgets::field::{FieldValue, FieldView};
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, List, ListItem, ListState};

const LABEL: u16 = 11;

/// "espèces", "chèque de MARTIN, à rendre".
fn channel_text(line: &TypedLine) -> String {
    match line.channel {
        Channel::Cheque => format!("chèque de {}, à rendre", line.payer),
        other => other.label().to_string(),
    }
}

fn row(area: Rect, y: u16) -> Rect {
    Rect {
        y: area.y + y,
        height: 1,
        ..area
    }
}

impl Envelope {
    fn field<'a>(&'a self, slot: Slot, label: &'a str, value: FieldValue<'a>) -> FieldView<'a> {
        FieldView {
            label,
            value,
            focused: self.focus == slot,
            error: None,
            note: None,
            label_width: LABEL,
        }
    }

    /// "12,00 € suggérés · 7062 Participation des…", cut to `room`.
    fn campaign_note(&self, chart: &[Account], room: usize) -> String {
        let Some(campaign) = self.campaign() else {
            return "aucune campagne : n dans la vue Campagnes".into();
        };
        let amount = campaign.suggested.map_or("montant libre".to_string(), |m| {
            format!("{} suggérés", m.fr())
        });
        let category = chart
            .iter()
            .find(|a| a.code == campaign.category_code)
            .map_or(campaign.category_code.clone(), Account::display);
        let room = room.saturating_sub(campaign.name.chars().count() + 6);
        truncate(&format!("{amount} · {category}"), room)
    }

    fn class_note(&self) -> String {
        match self.class() {
            None => "aucune classe concernée".into(),
            Some(_) => {
                let n = self.pupils.len();
                format!("{n} élève{}", plural(n))
            }
        }
    }

    fn draw_header(&self, frame: &mut Frame, area: Rect, chart: &[Account]) {
        let campaign = self.campaign().map_or("—", |c| c.name.as_str());
        let class = self.class().map_or("—", |c| c.name.as_str());
        let campaign_note = self.campaign_note(chart, area.width.saturating_sub(LABEL) as usize);
        let class_note = self.class_note();
        let mut fields = [
            self.field(Slot::Campaign, "Campagne", FieldValue::Choice(campaign)),
            self.field(Slot::Class, "Classe", FieldValue::Choice(class)),
            self.field(Slot::Date, "Date", FieldValue::Text(&self.date)),
        ];
        fields[0].note = Some(&campaign_note);
        fields[1].note = Some(&class_note);
        fields[2].note = Some("jj/mm/aaaa");
        for (i, field) in fields.iter().enumerate() {
            field.draw(frame, row(area, i as u16));
        }
    }

    /// The line being typed; returns the rectangle of the name input.
    fn draw_editor(&self, frame: &mut Frame, area: Rect) -> Rect {
        let name_width = (area.width / 2).clamp(30, 48);
        let name_area = Rect {
            width: name_width.min(area.width),
            ..area
        };
        self.field(Slot::Name, "Élève", FieldValue::Text(&self.name))
            .draw(frame, name_area);
        let amount_x = area.x + name_width + 1;
        let amount_area = Rect {
            x: amount_x,
            width: 20.min(area.right().saturating_sub(amount_x)),
            ..area
        };
        let amount = if self.amount_fresh {
            FieldValue::Proposed(&self.amount)
        } else {
            FieldValue::Text(&self.amount)
        };
        FieldView {
            label_width: 10,
            ..self.field(Slot::Amount, "Montant", amount)
        }
        .draw(frame, amount_area);
        let mode_x = amount_area.right() + 2;
        if mode_x < area.right() {
            let focused = self.focus == Slot::Channel;
            let style = if focused {
                theme::label_focused()
            } else {
                theme::title()
            };
            let keys = if focused {
                keymap::key_of(Context::EnvelopeChannel, Action::SetChannel(0))
            } else {
                ""
            };
            let line = Line::from(vec![
                Span::styled(self.channel.label(), style),
                Span::styled(format!("  {keys}"), theme::note()),
            ]);
            let mode = Rect {
                x: mode_x,
                width: area.right() - mode_x,
                ..area
            };
            frame.render_widget(line, mode);
            if focused {
                let marker = Rect {
                    x: mode_x - 2,
                    width: 2,
                    ..area
                };
                frame.render_widget(Span::styled("▸ ", theme::label_focused()), marker);
            }
        }
        Rect {
            x: area.x + LABEL,
            width: name_width.saturating_sub(LABEL),
            ..area
        }
    }

    /// The pupils matching the typed letters, under the name.
    fn draw_matches(&self, frame: &mut Frame, anchor: Rect, bounds: Rect) {
        let name_error = matches!(self.error, Some((Slot::Name, _)));
        if self.focus != Slot::Name
            || self.chosen.is_some()
            || self.name.value().trim().is_empty()
            || name_error
        {
            return;
        }
        let below = bounds.bottom().saturating_sub(anchor.y + 1);
        let height = (self.matches.len().max(1) as u16 + 2).min(8).min(below);
        if height < 3 {
            return;
        }
        let width = anchor
            .width
            .max(40)
            .min(bounds.right().saturating_sub(anchor.x));
        let area = Rect {
            x: anchor.x,
            y: anchor.y + 1,
            width,
            height,
        };
        frame.render_widget(Clear, area);
        let inner = width.saturating_sub(2) as usize;
        let class_id = self.class_id;
        let items: Vec<ListItem> = if self.matches.is_empty() {
            vec![ListItem::new(Line::styled(
                "aucun élève ne correspond",
                theme::note(),
            ))]
        } else {
            self.matches
                .iter()
                .map(|p| {
                    let mut text = p.display();
                    if Some(p.class_id) != class_id {
                        text.push_str(&format!(" ({}, fratrie)", p.class_name));
                    }
                    if self.lines.iter().any(|l| l.pupil.id == p.id) {
                        text.push_str(" · déjà dans l'enveloppe");
                    }
                    ListItem::new(truncate(&text, inner))
                })
                .collect()
        };
        let n = self.matches.len();
        let title = match n {
            0 => " Élèves ".to_string(),
            1 => format!(" 1 élève : {} pour le prendre ", key(Action::Submit)),
            n => format!(
                " {n} élèves : {}/{} puis {} ",
                keymap::key_of(Context::EnvelopeName, Action::Up),
                keymap::key_of(Context::EnvelopeName, Action::Down),
                key(Action::Submit)
            ),
        };
        let list = List::new(items)
            .block(
                Block::bordered()
                    .title(truncate(&title, inner))
                    .border_style(theme::border_focused()),
            )
            .highlight_style(theme::selected());
        let mut state = ListState::default().with_selected((n > 0).then_some(self.match_selected));
        frame.render_stateful_widget(list, area, &mut state);
    }

    /// "─ Enveloppe CE1-B · 3 élèves · versé 36,00 € ───", then
    /// "espèces 24,00 € (2) · en ligne 12,00 € (1) · chèque à rendre …".
    fn heading(&self, width: usize) -> [Line<'static>; 2] {
        let class = self.class().map_or("", |c| c.name.as_str());
        let mut pupils: Vec<i64> = self.lines.iter().map(|l| l.pupil.id).collect();
        pupils.sort_unstable();
        pupils.dedup();
        let n = pupils.len();
        let mut parts = Vec::new();
        for (channel, (count, amount)) in Channel::ALL.iter().zip(self.totals()) {
            if count == 0 {
                continue;
            }
            let what = if *channel == Channel::Cheque {
                format!("chèque{} à rendre", plural(count))
            } else {
                channel.label().to_string()
            };
            parts.push(format!("{what} {} ({count})", amount.fr()));
        }
        let collected: crate::domain::Money = self
            .lines
            .iter()
            .filter(|l| l.channel != Channel::Cheque)
            .map(|l| l.amount)
            .sum();
        let head = if n == 0 {
            format!(" Enveloppe {class} : vide ")
        } else {
            format!(
                " Enveloppe {class} · {n} élève{} · versé {} ",
                plural(n),
                collected.fr()
            )
        };
        let rule = width.saturating_sub(head.chars().count() + 1);
        [
            Line::from(vec![
                Span::styled("─", theme::border()),
                Span::styled(head, theme::title()),
                Span::styled("─".repeat(rule), theme::border()),
            ]),
            Line::styled(
                truncate(&format!("  {}", parts.join(" · ")), width),
                theme::note(),
            ),
        ]
    }

    fn draw_lines(&self, frame: &mut Frame, area: Rect) {
        if area.height == 0 {
            return;
        }
        let width = area.width as usize;
        if self.lines.is_empty() {
            let mut lines = Vec::new();
            if let Some(last) = &self.last {
                for part in wrap(last, width) {
                    lines.push(Line::styled(part, theme::status()));
                }
            }
            let help = format!(
                "Aucune ligne : tapez quelques lettres du nom de l'élève, {enter}, \
                 le montant, {enter} ; pour un autre mode qu'espèces : {tab} depuis le montant, \
                 puis {modes} ; {save} enregistre l'enveloppe.",
                enter = key(Action::Submit),
                tab = keymap::key_of(Context::EnvelopeAmount, Action::NextField),
                modes = keymap::key_of(Context::EnvelopeChannel, Action::SetChannel(0)),
                save = key(Action::SaveEnvelope)
            );
            for part in wrap(&help, width.saturating_sub(2)) {
                lines.push(Line::styled(format!("  {part}"), theme::note()));
            }
            frame.render_widget(ratatui::widgets::Paragraph::new(lines), area);
            return;
        }
        let name_width = (width / 3).clamp(24, 40);
        let items: Vec<ListItem> = self
            .lines
            .iter()
            .enumerate()
            .map(|(i, line)| {
                let mut name = line.pupil.display();
                if Some(line.pupil.class_id) != self.class_id {
                    name.push_str(&format!(" ({})", line.pupil.class_name));
                }
                let text = format!(
                    "{:>2}. {} {}  {}",
                    i + 1,
                    cell(&name, name_width),
                    amount_cell(line.amount, 11),
                    channel_text(line)
                );
                let mut rows = vec![Line::from(truncate(&text, width.saturating_sub(2)))];
                if let Some(problem) = &line.problem {
                    for part in wrap(&format!("✗ {problem}"), width.saturating_sub(8)) {
                        rows.push(Line::styled(format!("      {part}"), theme::error()));
                    }
                }
                ListItem::new(rows)
            })
            .collect();
        let highlight = if self.focus == Slot::Lines {
            theme::selected()
        } else {
            ratatui::style::Style::new()
        };
        let list = List::new(items)
            .highlight_style(highlight)
            .highlight_symbol("▸ ")
            .highlight_spacing(ratatui::widgets::HighlightSpacing::Always);
        let mut state = ListState::default()
            .with_offset(self.offset.get())
            .with_selected(Some(self.line_selected.min(self.lines.len() - 1)));
        frame.render_stateful_widget(list, area, &mut state);
        self.offset.set(state.offset());
    }

    pub fn draw(&self, frame: &mut Frame, area: Rect, chart: &[Account]) {
        if area.height < 8 {
            return;
        }
        self.draw_header(frame, area, chart);
        let mut y = 3;
        let header_error = self
            .error
            .as_ref()
            .filter(|(slot, _)| matches!(slot, Slot::Campaign | Slot::Class | Slot::Date));
        if let Some((_, text)) = header_error {
            let text = truncate(&format!("✗ {text}"), area.width as usize);
            frame.render_widget(Line::styled(text, theme::error()), row(area, y));
        }
        y += 1;
        let editor = row(area, y);
        let name_input = self.draw_editor(frame, editor);
        y += 1;
        if self.channel == Channel::Cheque {
            let payer = if self.payer_fresh {
                FieldValue::Proposed(&self.payer)
            } else {
                FieldValue::Text(&self.payer)
            };
            let mut field = self.field(Slot::Payer, "Payeur", payer);
            field.note = Some("chèque non encaissé : noté « à rendre »");
            field.draw(frame, row(area, y));
            y += 1;
        }
        if let Some((_, Some(warning))) = &self.already
            && self.chosen.is_some()
            && let Some(text) = warning.already_line()
        {
            let pad = " ".repeat(usize::from(LABEL));
            let text = truncate(&format!("{pad}{text}"), area.width as usize);
            frame.render_widget(Line::styled(text, theme::status()), row(area, y));
            y += 1;
        }
        let mut problems = Vec::new();
        if let Some((slot, text)) = &self.error
            && !matches!(slot, Slot::Campaign | Slot::Class | Slot::Date)
        {
            problems.push(text.clone());
        }
        if let Some(message) = &self.message {
            problems.push(format!("Enveloppe refusée, rien n'a été écrit : {message}"));
        }
        let width = area.width as usize;
        for text in problems {
            for part in wrap(&format!("✗ {text}"), width).into_iter().take(2) {
                if y < area.height {
                    frame.render_widget(Line::styled(part, theme::error()), row(area, y));
                    y += 1;
                }
            }
        }
        y += 1;
        let [rule, channels] = self.heading(width);
        if y < area.height {
            frame.render_widget(rule, row(area, y));
            y += 1;
        }
        if y < area.height && !self.lines.is_empty() {
            frame.render_widget(channels, row(area, y));
            y += 1;
        }
        let rest = Rect {
            y: area.y + y.min(area.height),
            height: area.height.saturating_sub(y),
            ..area
        };
        self.draw_lines(frame, rest);
        self.draw_matches(frame, name_input, area);
    }
}
