//! The help popup: every key of the screen under it, read from the keymap,
//! then where the database and its automatic backups are.

use crate::book::Book;
use crate::store::backup::KEEP;
use crate::ui::action::Action;
use crate::ui::component::Component;
use crate::ui::component::Effect;
use crate::ui::keymap::{self, Binding, Context, key_name};
use crate::ui::start::RunInfo;
use crate::ui::widgets::cells::truncate;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::scroll::Scroll;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

#[derive(Debug)]
pub struct Help {
    pub contexts: Vec<Context>,
    db_path: String,
    backup_dir: String,
    scroll: Scroll,
}

/// All the keys of a binding, or its short form when there are many.
fn keys_text(binding: &Binding) -> String {
    if binding.keys.len() > 3 {
        return binding.shown.to_string();
    }
    binding
        .keys
        .iter()
        .map(key_name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` cut from the left to `width` characters ("…/fin/du/chemin").
fn truncate_left(text: &str, width: usize) -> String {
    let count = text.chars().count();
    if count <= width || width == 0 {
        return text.to_string();
    }
    let tail: String = text.chars().skip(count - width + 1).collect();
    format!("…{tail}")
}

impl Help {
    pub fn new(contexts: Vec<Context>, info: &RunInfo) -> Self {
        Help {
            contexts,
            db_path: info.db_path.display().to_string(),
            backup_dir: info.backup_dir.display().to_string(),
            scroll: Scroll::default(),
        }
    }

    /// Scrolls; true when the help closes.
    pub fn scroll(&mut self, action: Action) -> bool {
        if action == Action::Close {
            return true;
        }
        self.scroll.navigate(action);
        false
    }

    fn lines(&self, db_path: &str, backup_dir: &str, width: usize) -> Vec<Line<'static>> {
        let path =
            |p: &str| Line::from(format!("    {}", truncate_left(p, width.saturating_sub(4))));
        let mut lines = vec![
            Line::styled("Fichiers".to_string(), theme::title()),
            Line::from("  Base de données :"),
            path(db_path),
            Line::from(format!(
                "  Sauvegardes automatiques (à chaque ouverture, {} gardées) :",
                KEEP
            )),
            path(backup_dir),
        ];
        for context in &self.contexts {
            lines.push(Line::styled(context.title().to_string(), theme::title()));
            for binding in context.bindings() {
                // A description longer than the popup (at 80 columns) goes
                // on under itself rather than being cut.
                let room = width.saturating_sub(20);
                let mut parts = if room >= 20 {
                    crate::ui::widgets::cells::wrap(binding.desc, room)
                } else {
                    Vec::new()
                };
                if parts.is_empty() {
                    parts.push(binding.desc.to_string());
                }
                for (n, part) in parts.into_iter().enumerate() {
                    let keys = if n == 0 {
                        keys_text(binding)
                    } else {
                        String::new()
                    };
                    lines.push(Line::from(vec![
                        Span::styled(format!("  {keys:<18}"), theme::label_focused()),
                        Span::raw(part),
                    ]));
                }
            }
        }
        lines
    }

    pub fn draw_help(&self, frame: &mut Frame, area: Rect) {
        let width = area.width.min(100);
        let lines = self.lines(
            &self.db_path,
            &self.backup_dir,
            width.saturating_sub(2) as usize,
        );
        let height = (lines.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        clear_popup(frame.buffer_mut(), popup, area);
        let visible = height.saturating_sub(2) as usize;
        let scroll = self.scroll.fit(lines.len(), visible);
        let max_scroll = self.scroll.max();
        let more = if max_scroll > 0 {
            format!(
                " {}/{} pour défiler ",
                keymap::key_of(Context::Help, Action::Up),
                keymap::key_of(Context::Help, Action::Down)
            )
        } else {
            String::new()
        };
        let block = Block::bordered()
            .title(Line::styled(
                " Aide : touches de cet écran ",
                theme::title(),
            ))
            .title_bottom(Line::from(more).right_aligned())
            .border_style(theme::border_focused());
        let inner_width = width.saturating_sub(2) as usize;
        let shown: Vec<Line> = lines
            .into_iter()
            .skip(scroll)
            .map(|line| {
                let text = line.to_string();
                if text.chars().count() > inner_width {
                    Line::styled(truncate(&text, inner_width), line.style)
                } else {
                    line
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(shown).block(block), popup);
    }
}

impl Component for Help {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::Help]
    }

    fn update(&mut self, action: Action, _book: &mut Book) -> Effect {
        if self.scroll(action) {
            Effect::Close
        } else {
            Effect::Done
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        self.draw_help(frame, area);
    }
}
