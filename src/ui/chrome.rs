//! What surrounds the tabs: the too-small message, the tab bar, the failure
//! screen, the status line and the hint bar.

use super::action::Action;
use super::effect::Status;
use super::keymap::{self, Context};
use super::tabs::Tab;
use super::widgets::cells;
use super::widgets::hint_bar::HintBar;
use super::widgets::theme;
use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

pub const MIN_WIDTH: u16 = 80;
pub const MIN_HEIGHT: u16 = 24;

/// The rows of the screen: tab bar, body, status line, hint bar.
pub struct Rows {
    pub top: Rect,
    pub body: Rect,
    pub status: Rect,
    pub hints: Rect,
}

/// The rows, or `None` (and a message) if the terminal is too small.
pub fn rows(frame: &mut Frame) -> Option<Rows> {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area);
        return None;
    }
    let [top, body, status, hints] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    Some(Rows {
        top,
        body,
        status,
        hints,
    })
}

/// While the screen is too small, the one key that still works: quitting
/// (`q` where it quits, Ctrl+C anywhere, as the terminal's own interrupt).
pub fn quits_when_too_small(contexts: &[Context], key: &KeyEvent) -> bool {
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    ctrl_c || keymap::resolve(contexts, key) == Some(Action::Quit)
}

fn too_small(frame: &mut Frame, area: Rect) {
    let text = format!(
        "Agrandissez le terminal : {MIN_WIDTH}×{MIN_HEIGHT} au moins\n(actuellement {}×{})",
        area.width, area.height
    );
    let [middle] = area.layout(&Layout::vertical([Constraint::Length(3)]).flex(Flex::Center));
    frame.render_widget(
        Paragraph::new(text).centered().wrap(Wrap { trim: true }),
        middle,
    );
}

pub fn tab_bar(active: Tab) -> Line<'static> {
    let mut spans = Vec::new();
    for (i, tab) in Tab::ALL.into_iter().enumerate() {
        let style = if tab == active {
            theme::tab_active()
        } else {
            theme::tab()
        };
        spans.push(Span::styled(format!(" {} {} ", i + 1, tab.title()), style));
        spans.push(Span::raw(" "));
    }
    Line::from(spans)
}

pub fn setup_title(frame: &mut Frame, area: Rect) {
    frame.render_widget(
        Line::styled(" coopcompta · première ouverture", theme::title()),
        area,
    );
}

pub fn failed(frame: &mut Frame, area: Rect, message: &str, quit_key: &str) {
    let text = format!("Impossible de continuer : {message}\n\n{quit_key} pour quitter");
    frame.render_widget(
        Paragraph::new(text)
            .style(theme::error())
            .wrap(Wrap { trim: true }),
        area,
    );
}

/// The status line; a message wider than the screen takes the row above
/// too when it may (over the bottom of a tab, not of a popup), so that its
/// end is not lost.
pub fn status_line(frame: &mut Frame, area: Rect, message: &Status, may_grow: bool) {
    let style = if message.error {
        theme::error()
    } else {
        theme::status()
    };
    let prefix = if message.error { "✗ " } else { "" };
    let room = usize::from(area.width).saturating_sub(2);
    let mut lines = cells::wrap(&format!("{prefix}{}", message.text), room);
    if lines.len() < 2 || area.y == 0 || !may_grow {
        frame.render_widget(
            Line::styled(format!(" {prefix}{}", message.text), style),
            area,
        );
        return;
    }
    let rest = lines.split_off(1).join(" ");
    lines.push(cells::truncate(&rest, room));
    let two = Rect {
        y: area.y - 1,
        height: 2,
        ..area
    };
    frame.render_widget(Clear, two);
    for (i, line) in lines.iter().enumerate() {
        frame.render_widget(
            Line::styled(format!(" {line}"), style),
            Rect {
                y: two.y + i as u16,
                height: 1,
                ..two
            },
        );
    }
}

pub fn hint_bar(frame: &mut Frame, area: Rect, contexts: &[Context]) {
    frame.render_widget(HintBar { contexts }, area);
}
