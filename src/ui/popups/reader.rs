//! A popup that shows a text over the screen and scrolls it: the help of a
//! migration step. What it shows comes from a [`Document`] that the tab
//! gives it, so the popup knows nothing of the tab; the keys of a context
//! it is given ([`Reader::passing`]) close it and go to the screen under
//! it (a step's keys work from the step's help).

use crate::book::Book;
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

/// Text wrapped to a width.
pub trait Document {
    fn lines(&self, width: usize) -> Vec<Line<'static>>;
}

pub struct Reader {
    title: String,
    doc: Box<dyn Document>,
    scroll: Scroll,
    passing: Option<Context>,
}

impl Reader {
    pub fn new(title: &str, doc: impl Document + 'static) -> Self {
        Reader {
            title: title.to_string(),
            doc: Box::new(doc),
            scroll: Scroll::default(),
            passing: None,
        }
    }

    /// The keys of `context` close the reader and go to the screen under it.
    pub fn passing(mut self, context: Context) -> Self {
        self.passing = Some(context);
        self
    }
}

impl Component for Reader {
    fn contexts(&self) -> Vec<Context> {
        // Help last: its way out stays pinned on the hint bar.
        let mut contexts: Vec<Context> = self.passing.into_iter().collect();
        contexts.push(Context::Help);
        contexts
    }

    fn update(&mut self, action: Action, _book: &mut Book) -> Effect {
        let passes = self
            .passing
            .is_some_and(|c| c.bindings().iter().any(|b| b.action == action));
        if passes {
            return Effect::Pass(action);
        }
        match action {
            Action::Close => return Effect::Close,
            other => {
                self.scroll.navigate(other);
            }
        }
        Effect::Done
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let width = area.width.saturating_sub(4).min(90);
        let lines = self.doc.lines(width.saturating_sub(4) as usize);
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        clear_popup(frame.buffer_mut(), popup, area);
        let visible = height.saturating_sub(2) as usize;
        let scroll = self.scroll.fit(lines.len(), visible);
        let max_scroll = self.scroll.max();
        let key = |action| keymap::key_of(Context::Help, action);
        let close = format!("{} pour fermer", key(Action::Close));
        let bottom = if max_scroll > 0 {
            format!(
                " {}/{} pour défiler · {close} ",
                key(Action::Up),
                key(Action::Down)
            )
        } else {
            format!(" {close} ")
        };
        let block = Block::bordered()
            .title(Line::styled(format!(" {} ", self.title), theme::title()))
            .title_bottom(Line::from(bottom).right_aligned())
            .border_style(theme::border_focused())
            .padding(ratatui::widgets::Padding::horizontal(1));
        let shown: Vec<Line> = lines.into_iter().skip(scroll).collect();
        frame.render_widget(Paragraph::new(shown).block(block), popup);
    }
}

/// A document made of lines: a line that fits stays as it is (its
/// colours), a longer one is wrapped in the line's style.
pub struct Lines(pub Vec<Line<'static>>);

impl Document for Lines {
    fn lines(&self, width: usize) -> Vec<Line<'static>> {
        let mut out = Vec::new();
        for line in &self.0 {
            if line.width() <= width {
                out.push(line.clone());
                continue;
            }
            let style = line
                .spans
                .first()
                .map_or(line.style, |s| line.style.patch(s.style));
            // An indented line stays indented on each of its rows.
            let text = line.to_string();
            let body = text.trim_start_matches(' ');
            let indent = &text[..text.len() - body.len()];
            let indent = if indent.len() * 2 < width { indent } else { "" };
            out.extend(
                crate::ui::widgets::cells::wrap(body, width - indent.len())
                    .into_iter()
                    .map(|part| Line::styled(format!("{indent}{part}"), style)),
            );
        }
        out
    }
}
