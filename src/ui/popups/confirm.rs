//! A yes/no question built from data: what will happen if the user says
//! yes. The one that asked remembers what it asked: on yes the question
//! closes and the component under it gets `Action::Yes`.

use crate::book::Book;
use crate::ui::action::Action;
use crate::ui::component::Effect;
use crate::ui::component::{Component, Role};
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Confirm {
    pub question: String,
    /// Asked on Entrée (save anyway, add the line): Entrée again says yes,
    /// Échap goes back.
    pub enter_says_yes: bool,
}

impl Confirm {
    pub fn discard() -> Self {
        Confirm {
            question: "Abandonner la saisie ? Ce qui a été tapé sera perdu.".into(),
            enter_says_yes: false,
        }
    }

    pub fn cancel_entry(piece: &str, label: &str) -> Self {
        Confirm {
            question: format!(
                "Annuler l'écriture {piece} « {label} » ? Une écriture d'annulation sera passée ; \
                 l'écriture restera visible, marquée « annulée »."
            ),
            enter_says_yes: false,
        }
    }

    /// Before restoring a cancelled entry: the pièce, and what the new
    /// entry will do.
    pub fn restore_entry(piece: &str, label: &str, effect: &str) -> Self {
        Confirm {
            question: format!(
                "Rétablir l'écriture annulée {piece} « {label} » ? {effect} \
                 L'écriture annulée et son annulation restent visibles."
            ),
            enter_says_yes: false,
        }
    }

    pub fn hide_step(title: &str) -> Self {
        Confirm {
            question: format!(
                "Masquer l'étape « {title} » ? Elle ne s'affichera plus dans la liste \
                 ni dans la progression ({} pour réafficher les étapes masquées).",
                keymap::key_of(Context::Migration, Action::ShowHiddenSteps)
            ),
            enter_says_yes: false,
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
                 (non : revenir, puis {} pour enregistrer).",
                keymap::key_of(Context::Envelope, Action::SaveEnvelope)
            ),
            enter_says_yes: false,
        }
    }

    /// On saving, a warning from the books ("La date … est après
    /// aujourd'hui (…). Enregistrer quand même ?").
    pub fn save_anyway(question: String) -> Self {
        Confirm {
            question,
            enter_says_yes: true,
        }
    }

    /// On adding an envelope line, the pupil already has a contribution.
    pub fn second_line(question: String) -> Self {
        Confirm {
            question,
            enter_says_yes: true,
        }
    }

    pub fn quit_setup() -> Self {
        Confirm {
            question: "Quitter sans créer la coopérative ?".into(),
            enter_says_yes: false,
        }
    }
}

impl Widget for &Confirm {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width.saturating_sub(4).min(64);
        let text_width = width.saturating_sub(2).max(1) as usize;
        let mut body: Vec<Line> = self
            .question
            .split('\n')
            .flat_map(|part| crate::ui::widgets::cells::wrap(part, text_width))
            .map(Line::from)
            .collect();
        body.push(Line::from(""));
        let context = self.context();
        let yes = format!(" {} ", keymap::key_of(context, Action::Yes));
        let no = format!(" {} ", keymap::key_of(context, Action::No));
        body.push(Line::from(vec![
            Span::styled(yes, theme::key()),
            Span::raw(" oui    "),
            Span::styled(no, theme::key()),
            Span::raw(" non"),
        ]));
        let height = (body.len() as u16 + 2).min(area.height);
        let popup = area.centered(Constraint::Length(width), Constraint::Length(height));
        clear_popup(buf, popup, area);
        let block = Block::bordered()
            .title(" Confirmation ")
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        block.render(popup, buf);
        Paragraph::new(body).render(inner, buf);
    }
}

impl Confirm {
    fn context(&self) -> Context {
        if self.enter_says_yes {
            Context::ConfirmEnter
        } else {
            Context::Confirm
        }
    }

    /// Yes, no, or not an answer (`None`).
    pub fn answer(action: Action) -> Option<bool> {
        match action {
            Action::Yes => Some(true),
            Action::No => Some(false),
            _ => None,
        }
    }
}

impl Component for Confirm {
    fn contexts(&self) -> Vec<Context> {
        vec![self.context()]
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Global]
    }

    fn update(&mut self, action: Action, _book: &mut Book) -> Effect {
        match Confirm::answer(action) {
            Some(true) => Effect::Confirmed,
            Some(false) => Effect::Close,
            None => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        frame.render_widget(self, area);
    }

    fn role(&self) -> Role {
        Role::Question
    }
}
