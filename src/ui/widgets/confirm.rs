//! A yes/no question built from data: what will happen if the user says yes.

use super::theme;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget};

/// What a "yes" does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OnYes {
    /// Close the form under the question, losing what was typed.
    DiscardForm,
    /// Cancel an entry by a reversing entry.
    CancelEntry { id: i64 },
    /// Leave the program without creating the coop.
    QuitSetup,
    /// Hide a step of the migration checklist.
    HideStep { key: String },
    /// Leave the quick entry of an envelope, losing its typed lines.
    DiscardEnvelope,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    pub on_yes: OnYes,
}

impl Confirm {
    pub fn discard() -> Self {
        Confirm {
            question: "Abandonner la saisie ? Ce qui a été tapé sera perdu.".into(),
            on_yes: OnYes::DiscardForm,
        }
    }

    pub fn cancel_entry(id: i64, piece: &str, label: &str) -> Self {
        Confirm {
            question: format!(
                "Annuler l'écriture {piece} « {label} » ? Une écriture d'annulation sera passée ; \
                 l'écriture restera visible, marquée « annulée »."
            ),
            on_yes: OnYes::CancelEntry { id },
        }
    }

    pub fn hide_step(key: &str, title: &str) -> Self {
        Confirm {
            question: format!(
                "Masquer l'étape « {title} » ? Elle ne s'affichera plus dans la liste \
                 ni dans la progression (H pour réafficher les étapes masquées)."
            ),
            on_yes: OnYes::HideStep { key: key.into() },
        }
    }

    pub fn discard_envelope(lines: usize) -> Self {
        let what = if lines > 1 {
            format!("Les {lines} lignes tapées seront perdues")
        } else {
            "La ligne tapée sera perdue".to_string()
        };
        Confirm {
            question: format!(
                "Quitter la saisie sans enregistrer l'enveloppe ? {what} \
                 (non : revenir, puis F10 pour enregistrer)."
            ),
            on_yes: OnYes::DiscardEnvelope,
        }
    }

    pub fn quit_setup() -> Self {
        Confirm {
            question: "Quitter sans créer la coopérative ?".into(),
            on_yes: OnYes::QuitSetup,
        }
    }
}

impl Widget for &Confirm {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(64);
        let text_width = width.saturating_sub(2).max(1) as usize;
        let mut body: Vec<Line> = super::field::wrap(&self.question, text_width)
            .into_iter()
            .map(Line::from)
            .collect();
        body.push(Line::from(""));
        body.push(Line::from(vec![
            Span::styled(" o ", theme::key()),
            Span::raw(" oui    "),
            Span::styled(" n ", theme::key()),
            Span::raw(" non"),
        ]));
        let height = (body.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        Clear.render(popup, buf);
        let block = Block::bordered()
            .title(" Confirmation ")
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        block.render(popup, buf);
        Paragraph::new(body).render(inner, buf);
    }
}
