//! The bottom line: the main keys of the current context, from the keymap.
//! The last (most general) context's keys are pinned on the right so "aide",
//! "quitter" or "enregistrer" always show; the others fill the left.

use super::theme;
use crate::ui::keymap::{Binding, Context, hints};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct HintBar<'a> {
    pub contexts: &'a [Context],
}

fn spans(bindings: &[&Binding], room: usize) -> (Vec<Span<'static>>, usize) {
    let mut spans = Vec::new();
    let mut used = 0;
    for binding in bindings {
        let key = format!(" {} ", binding.shown);
        let desc = format!(" {}  ", binding.hint);
        let len = key.chars().count() + desc.chars().count();
        if used + len > room {
            break;
        }
        used += len;
        spans.push(Span::styled(key, theme::key()));
        spans.push(Span::raw(desc));
    }
    (spans, used)
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let all = hints(self.contexts);
        let base = self.contexts.last().copied();
        let pinned: Vec<&Binding> = all
            .iter()
            .filter(|(c, _)| Some(*c) == base)
            .map(|(_, b)| *b)
            .collect();
        let others: Vec<&Binding> = all
            .iter()
            .filter(|(c, _)| Some(*c) != base)
            .map(|(_, b)| *b)
            .collect();
        let width = area.width as usize;
        let (right, right_len) = spans(&pinned, width);
        let (left, _) = spans(&others, width.saturating_sub(right_len));
        Line::from(left).render(area, buf);
        let x = area.x + (width - right_len) as u16;
        Line::from(right).render(
            Rect {
                x,
                width: right_len as u16,
                ..area
            },
            buf,
        );
    }
}
