//! The question asked when a migration step is marked done while steps it
//! needs are not: "Marquer aussi comme faites : X, Y ?". Yes marks them all
//! done on the same date, no marks only the step; either is one
//! transaction. The question knows what it asks, so it writes itself.

use super::confirm::Confirm;
use crate::book::Book;
use crate::domain::checklist::StepStatus;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect, Role};
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use ratatui::Frame;
use ratatui::layout::Rect;

pub struct MarkAlso {
    key: String,
    title: String,
    /// The date typed (`F`), `None` for today.
    date: Option<String>,
    /// The steps not settled it needs: (key, title).
    also: Vec<(String, String)>,
    /// Asked over the date input, which closes with it.
    over_input: bool,
    confirm: Confirm,
}

impl MarkAlso {
    pub fn new(
        key: &str,
        title: &str,
        date: Option<&str>,
        also: Vec<(String, String)>,
        over_input: bool,
    ) -> Self {
        let titles: Vec<String> = also.iter().map(|(_, t)| format!("« {t} »")).collect();
        let them = if also.len() > 1 {
            "Les marquer aussi comme faites"
        } else {
            "La marquer aussi comme faite"
        };
        let no = keymap::key_of(Context::Confirm, Action::No);
        let question = format!(
            "« {title} » attend encore : {}. {them} ? ({no} : seulement « {title} »)",
            titles.join(", "),
        );
        MarkAlso {
            key: key.to_string(),
            title: title.to_string(),
            date: date.map(str::to_string),
            also,
            over_input,
            confirm: Confirm {
                question,
                enter_says_yes: false,
            },
        }
    }

    fn mark(&self, book: &mut Book, with_others: bool) -> Effect {
        let date = self.date.as_deref();
        let (result, text) = if with_others {
            let keys: Vec<String> = self.also.iter().map(|(k, _)| k.clone()).collect();
            let n = keys.len();
            let others = if n > 1 {
                format!("et les {n} étapes qu'elle attendait")
            } else {
                "et l'étape qu'elle attendait".to_string()
            };
            let text = format!("« {} » faite, {others}", self.title);
            (book.checklist_done_with(&self.key, &keys, date), Some(text))
        } else {
            (
                book.checklist_set(&self.key, StepStatus::Fait, date, None),
                None,
            )
        };
        let mut effects = vec![Effect::Close];
        if self.over_input {
            effects.push(Effect::Close);
        }
        match result {
            Ok(()) => {
                effects.push(Effect::Changed);
                effects.push(Effect::Show(Focus::Step {
                    key: self.key.clone(),
                    text,
                }));
            }
            Err(e) => effects.push(Effect::error(e.to_string())),
        }
        Effect::Batch(effects)
    }
}

impl Component for MarkAlso {
    fn contexts(&self) -> Vec<Context> {
        self.confirm.contexts()
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::Confirm, Context::Global]
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        match Confirm::answer(action) {
            Some(yes) => self.mark(book, yes),
            None => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        self.confirm.draw(frame, area, book);
    }

    fn role(&self) -> Role {
        Role::Question
    }
}
