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
    /// Save the form under the question despite a warning (a date after
    /// today); "no" goes back to the form as it was typed.
    SaveForm,
    /// Add the envelope line of a pupil already recorded for the campaign.
    AddSecondLine,
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

    /// On saving, a warning from the books ("La date … est après
    /// aujourd'hui (…). Enregistrer quand même ?").
    pub fn save_anyway(question: String) -> Self {
        Confirm {
            question,
            on_yes: OnYes::SaveForm,
        }
    }

    /// On adding an envelope line, the pupil already has a contribution.
    pub fn second_line(question: String) -> Self {
        Confirm {
            question,
            on_yes: OnYes::AddSecondLine,
        }
    }

    /// Asked on Entrée: Entrée again says yes, Échap goes back.
    pub fn enter_says_yes(&self) -> bool {
        matches!(self.on_yes, OnYes::SaveForm | OnYes::AddSecondLine)
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
        let mut body: Vec<Line> = super::cells::wrap(&self.question, text_width)
            .into_iter()
            .map(Line::from)
            .collect();
        body.push(Line::from(""));
        let (yes, no) = if self.enter_says_yes() {
            (" Entrée ", " Échap ")
        } else {
            (" o ", " n ")
        };
        body.push(Line::from(vec![
            Span::styled(yes, theme::key()),
            Span::raw(" oui    "),
            Span::styled(no, theme::key()),
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
