//! The chart of accounts ("Plan comptable") over the Écritures tab: every
//! account with its code, label, nature and heading of the compte rendu
//! financier; categories first (charges 6…, produits 7…), then the money
//! and balance-sheet accounts, read-only. The search line above the list
//! takes every printable key (typing a word never runs a command); the
//! commands are on Entrée, F-keys and Ctrl (see the key table), and open the
//! small form of `chart_form.rs`.

use super::chart_form::{ChartForm, editable, nature};
use crate::book::Book;
use crate::domain::{Account, AccountKind};
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::field::draw_input;
use crate::ui::widgets::form_frame::type_into;
use crate::ui::widgets::list_cursor::ListCursor;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Padding, Row, Table, TableState};
use tui_input::Input;

/// The list's state: its search line and the selected line (among the
/// shown ones).
#[derive(Debug)]
pub struct ChartList {
    pub filter: Input,
    /// Among the shown rows; a page is the table's height at the last draw.
    pub cursor: ListCursor,
}

impl Default for ChartList {
    fn default() -> Self {
        ChartList {
            filter: Input::default(),
            cursor: ListCursor::with_page(10),
        }
    }
}

fn rank(kind: AccountKind) -> u8 {
    match kind {
        AccountKind::Charge => 0,
        AccountKind::Produit => 1,
        AccountKind::Tresorerie => 2,
        AccountKind::Bilan => 3,
    }
}

impl ChartList {
    pub fn contexts(&self) -> Vec<Context> {
        vec![Context::Chart, Context::ChartList]
    }

    /// The accounts shown: matching the filter, categories first.
    pub fn rows<'a>(&self, chart: &'a [Account]) -> Vec<&'a Account> {
        let query = self.filter.value().trim();
        let mut rows: Vec<&Account> = chart.iter().filter(|a| a.matches(query)).collect();
        rows.sort_by(|a, b| (rank(a.kind), &a.code).cmp(&(rank(b.kind), &b.code)));
        rows
    }

    /// Puts the cursor on `code`, clearing a filter that hides it.
    pub fn select(&mut self, chart: &[Account], code: &str) {
        if !self.rows(chart).iter().any(|a| a.code == code) {
            self.filter.reset();
        }
        let at = self
            .rows(chart)
            .iter()
            .position(|a| a.code == code)
            .unwrap_or(0);
        self.cursor.select(at);
    }

    /// Moves, searches; true if the popup should close. Échap clears the
    /// search first, then closes.
    fn update_list(&mut self, action: Action, len: usize) -> bool {
        if self.cursor.navigate(action, len) {
            return false;
        }
        match action {
            Action::Close if !self.filter.value().is_empty() => {
                self.filter.reset();
                self.cursor.select(0);
            }
            Action::Close => return true,
            Action::Type(request) if type_into(&mut self.filter, request) => {
                self.cursor.select(0);
            }
            // `/` (the ledgers' filter key): the search is already on.
            _ => {}
        }
        false
    }

    pub fn draw_list(&self, frame: &mut Frame, area: Rect, chart: &[Account]) {
        let rows = self.rows(chart);
        let width = area.width.min(100);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(area.height));
        clear_popup(frame.buffer_mut(), popup, area);
        let title = if self.filter.value().trim().is_empty() {
            format!(" Plan comptable ({} comptes) ", rows.len())
        } else {
            format!(" Plan comptable ({} sur {}) ", rows.len(), chart.len())
        };
        let block = Block::bordered()
            .title(Line::styled(title, theme::title()))
            .border_style(theme::border_focused())
            .padding(Padding::horizontal(1));
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [filter_area, table_area, note_area] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(1),
        ]));
        self.draw_filter(frame, filter_area);
        self.draw_table(frame, table_area, &rows);
        frame.render_widget(
            Line::styled(
                truncate(
                    "Comptes de trésorerie et de bilan : en lecture seule.",
                    note_area.width as usize,
                ),
                theme::note(),
            ),
            note_area,
        );
    }

    fn draw_filter(&self, frame: &mut Frame, area: Rect) {
        let label = "Chercher : ";
        let label_width = label.chars().count() as u16;
        frame.render_widget(Span::styled(label, theme::label_focused()), area);
        let rest = Rect {
            x: area.x + label_width,
            width: area.width.saturating_sub(label_width),
            ..area
        };
        if !self.filter.value().is_empty() {
            draw_input(frame, rest, &self.filter, true);
        } else {
            draw_input(frame, Rect { width: 1, ..rest }, &self.filter, true);
            let key = |action| keymap::key_of(Context::Chart, action);
            let note = format!(
                "tapez un code ou un mot du libellé · {} modifier · {} ajouter",
                key(Action::EditCategory),
                key(Action::AddCategory)
            );
            let after_cursor = Rect {
                x: rest.x + 1,
                width: rest.width.saturating_sub(1),
                ..rest
            };
            frame.render_widget(
                Line::styled(truncate(&note, after_cursor.width as usize), theme::note()),
                after_cursor,
            );
        }
    }

    fn draw_table(&self, frame: &mut Frame, area: Rect, rows: &[&Account]) {
        self.cursor
            .set_page(area.height.saturating_sub(1).max(1) as usize);
        if rows.is_empty() {
            frame.render_widget(
                Line::styled("aucun compte ne correspond au filtre", theme::note()),
                Rect { height: 1, ..area },
            );
            return;
        }
        let (code_w, nature_w) = (9u16, 10u16);
        let rest = area.width.saturating_sub(code_w + nature_w + 3);
        let label_w = rest * 55 / 100;
        let heading_w = rest - label_w;
        let cut = |text: &str, w: u16| truncate(text, w as usize);
        let body: Vec<Row> = rows
            .iter()
            .map(|a| {
                let row = Row::new([
                    a.code.clone(),
                    cut(&a.label, label_w),
                    nature(a.kind).to_string(),
                    cut(a.crf_heading.as_deref().unwrap_or(""), heading_w),
                ]);
                if editable(a.kind) {
                    row
                } else {
                    row.style(theme::note())
                }
            })
            .collect();
        let header = Row::new(["Code", "Libellé", "Nature", "Rubrique du CR financier"])
            .style(theme::header_cell());
        let table = Table::new(
            body,
            [
                Constraint::Length(code_w),
                Constraint::Length(label_w),
                Constraint::Length(nature_w),
                Constraint::Length(heading_w),
            ],
        )
        .header(header)
        .row_highlight_style(theme::selected());
        let selected = self.cursor.selected().min(rows.len() - 1);
        let mut state = TableState::default().with_selected(Some(selected));
        frame.render_stateful_widget(table, area, &mut state);
    }
}

impl Component for ChartList {
    fn contexts(&self) -> Vec<Context> {
        ChartList::contexts(self)
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Chart, Context::ChartList]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        let chart = book.chart();
        let rows = self.rows(chart);
        let selected = rows.get(self.cursor.selected().min(rows.len().saturating_sub(1)));
        let next = match action {
            Action::Help => Effect::Help,
            Action::AddCategory => Effect::open(ChartForm::add(book.crf_headings())),
            Action::EditCategory => match selected {
                Some(a) if editable(a.kind) => {
                    Effect::open(ChartForm::edit(a, book.crf_headings()))
                }
                Some(a) => Effect::error(format!(
                    "{} {} : un compte de {} ne se modifie pas ici",
                    a.code,
                    a.label,
                    nature(a.kind)
                )),
                None => Effect::error("aucune catégorie sélectionnée"),
            },
            other => {
                let len = rows.len();
                if self.update_list(other, len) {
                    Effect::Close
                } else {
                    Effect::Done
                }
            }
        };
        Effect::Batch(vec![Effect::ClearStatus, next])
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        self.draw_list(frame, area, book.chart());
    }

    fn show(&mut self, focus: &Focus, book: &Book) -> Effect {
        if let Focus::Code(code) = focus {
            self.select(book.chart(), code);
        }
        Effect::Done
    }
}
