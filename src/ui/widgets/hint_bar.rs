//! The bottom line: the main keys of the current context, from the keymap.
//! The last (most general) context's keys are pinned on the right, the
//! others fill the left. Short of room, the gaps narrow, then the hints of
//! highest rank (least useful) go first; "aide" always stays.

use super::theme;
use crate::ui::action::Action;
use crate::ui::keymap::{ALWAYS, Binding, Context, hints};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

pub struct HintBar<'a> {
    pub contexts: &'a [Context],
}

/// Columns a hint takes: the key, padded, then its text and a gap.
fn len(binding: &Binding, gap: usize) -> usize {
    binding.shown.chars().count() + 2 + binding.hint.chars().count() + 1 + gap
}

fn spans(bindings: &[&Binding], gap: usize) -> (Vec<Span<'static>>, usize) {
    let mut spans = Vec::new();
    let mut used = 0;
    for binding in bindings {
        used += len(binding, gap);
        spans.push(Span::styled(format!(" {} ", binding.shown), theme::key()));
        spans.push(Span::raw(format!(" {}{}", binding.hint, " ".repeat(gap))));
    }
    (spans, used)
}

/// The rank a hint is kept by: the help always stays.
fn rank(binding: &Binding) -> u8 {
    if binding.action == Action::Help {
        ALWAYS
    } else {
        binding.rank
    }
}

/// The hints that fit in `width`, most useful first (by rank, then table
/// order), and the gap between them: two spaces, one when that lets more
/// hints show.
fn fitting(all: &[&Binding], width: usize) -> (Vec<bool>, usize) {
    if all.iter().map(|b| len(b, 2)).sum::<usize>() <= width {
        return (vec![true; all.len()], 2);
    }
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| (rank(all[i]), i));
    let mut keep = vec![false; all.len()];
    let mut used = 0;
    for i in order {
        let needed = len(all[i], 1);
        if used + needed <= width {
            keep[i] = true;
            used += needed;
        }
    }
    let kept = all.iter().zip(&keep).filter(|(_, k)| **k);
    let wide = kept.map(|(b, _)| len(b, 2)).sum::<usize>() <= width;
    (keep, if wide { 2 } else { 1 })
}

impl Widget for HintBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let all = hints(self.contexts);
        let base = self.contexts.last().copied();
        let width = area.width as usize;
        let bindings: Vec<&Binding> = all.iter().map(|(_, b)| *b).collect();
        let (keep, gap) = fitting(&bindings, width);
        let kept = |pinned: bool| -> Vec<&Binding> {
            all.iter()
                .zip(&keep)
                .filter(|((c, _), k)| **k && (Some(*c) == base) == pinned)
                .map(|((_, b), _)| *b)
                .collect()
        };
        let (right, right_len) = spans(&kept(true), gap);
        let (left, _) = spans(&kept(false), gap);
        Line::from(left).render(area, buf);
        let right_len = right_len.min(width);
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
