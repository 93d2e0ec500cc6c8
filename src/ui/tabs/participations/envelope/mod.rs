//! The quick entry of a class's envelope: the campaign, the class and the
//! date once, then for each pupil a few letters of the name, the amount
//! (the campaign's suggested one proposed), the channel, Entrée, next. The
//! typed lines stay on screen until the whole envelope is recorded in one
//! transaction (F10), whatever error comes back. Drawing is in
//! `view.rs`.

mod lines;
mod view;

/// How the key of `action` in the quick entry is written.
fn key(action: Action) -> &'static str {
    crate::ui::keymap::key_of(Context::Envelope, action)
}

use crate::book::Book;
use crate::domain::participation::contribution::check_date;
use crate::domain::participation::{Campaign, Channel, Pupil, SchoolClass};
use crate::domain::warning::Warning;
use crate::domain::{Exercice, Money};
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use std::cell::Cell;
use tui_input::Input;

/// Where the cursor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Slot {
    Campaign,
    #[default]
    Class,
    Date,
    Name,
    Amount,
    /// The channel: e/l/v/c or ←/→ here only (in the amount a letter is text).
    Channel,
    Payer,
    Lines,
}

/// A line added to the envelope (checked by `check_line`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypedLine {
    pub pupil: Pupil,
    pub amount: Money,
    pub channel: Channel,
    /// Name on a cheque.
    pub payer: String,
    /// What is wrong with it (the same pupil twice, a refusal naming it).
    pub problem: Option<String>,
}

/// What the app must do after a key in the quick entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Stay,
    Save,
    Close,
    Help,
    /// The pupil of the line already has a contribution to the campaign:
    /// ask (the question is in `Envelope::asking`) before adding it.
    AskSecond,
}

#[derive(Debug)]
pub struct Envelope {
    pub exercice: Option<Exercice>,
    pub campaigns: Vec<Campaign>,
    pub campaign: usize,
    pub classes: Vec<SchoolClass>,
    pub class_id: Option<i64>,
    pub date: Input,
    pub(super) date_fresh: bool,
    /// The class's pupils, and their siblings in other classes.
    pub pupils: Vec<Pupil>,
    pub siblings: Vec<Pupil>,
    pub name: Input,
    pub chosen: Option<Pupil>,
    pub matches: Vec<Pupil>,
    pub match_selected: usize,
    pub amount: Input,
    pub amount_fresh: bool,
    pub channel: Channel,
    pub payer: Input,
    pub payer_fresh: bool,
    pub lines: Vec<TypedLine>,
    pub line_selected: usize,
    pub focus: Slot,
    /// An error about the field it names.
    pub error: Option<(Slot, String)>,
    /// A refusal of the whole envelope by the books.
    pub message: Option<String>,
    /// What the last recorded envelope gave.
    pub last: Option<String>,
    pub offset: Cell<usize>,
    /// The chosen pupil's contributions to the campaign already recorded
    /// (pupil id, and the books' warning if there are some).
    pub already: Option<(i64, Option<Warning>)>,
    /// Pupils whose second contribution the user agreed to add.
    pub(super) second_ok: Vec<i64>,
    /// The question to ask before adding the line.
    pub asking: Option<String>,
}

impl Default for Envelope {
    fn default() -> Self {
        Envelope {
            exercice: None,
            campaigns: Vec::new(),
            campaign: 0,
            classes: Vec::new(),
            class_id: None,
            date: Input::default(),
            date_fresh: true,
            pupils: Vec::new(),
            siblings: Vec::new(),
            name: Input::default(),
            chosen: None,
            matches: Vec::new(),
            match_selected: 0,
            amount: Input::default(),
            amount_fresh: true,
            channel: Channel::Especes,
            payer: Input::default(),
            payer_fresh: false,
            lines: Vec::new(),
            line_selected: 0,
            focus: Slot::Class,
            error: None,
            message: None,
            last: None,
            offset: Cell::new(0),
            already: None,
            second_ok: Vec::new(),
            asking: None,
        }
    }
}

pub(super) fn input(text: &str) -> Input {
    Input::new(text.to_string())
}

impl Envelope {
    /// Starts a new envelope: the campaign `campaign_id` if given, its first
    /// class (or the class kept from the last envelope), today's date.
    pub fn open(
        &mut self,
        book: &Book,
        campaigns: Vec<Campaign>,
        classes: Vec<SchoolClass>,
        campaign_id: Option<i64>,
        date: &str,
    ) {
        let keep_class = self.class_id;
        let last = self.last.take();
        *self = Envelope {
            exercice: Some(book.exercice()),
            campaign: campaign_id
                .and_then(|id| campaigns.iter().position(|c| c.id == id))
                .unwrap_or(0),
            campaigns,
            classes,
            date: input(date),
            date_fresh: true,
            last,
            ..Envelope::default()
        };
        let concerned = self.concerned();
        self.class_id = keep_class
            .filter(|id| concerned.iter().any(|c| c.id == *id))
            .or_else(|| concerned.first().map(|c| c.id));
        self.focus = if self.campaigns.is_empty() {
            Slot::Campaign
        } else {
            Slot::Class
        };
        self.reset_line();
        self.load_pupils(book);
    }

    pub fn campaign(&self) -> Option<&Campaign> {
        self.campaigns.get(self.campaign)
    }

    /// The classes the campaign concerns.
    pub fn concerned(&self) -> Vec<&SchoolClass> {
        let Some(campaign) = self.campaign() else {
            return Vec::new();
        };
        self.classes
            .iter()
            .filter(|c| campaign.concerns(c.id))
            .collect()
    }

    pub fn class(&self) -> Option<&SchoolClass> {
        self.classes.iter().find(|c| Some(c.id) == self.class_id)
    }

    /// The class's pupils, and the siblings of other classes the campaign
    /// concerns (a family may put both children in one envelope).
    fn load_pupils(&mut self, book: &Book) {
        self.pupils.clear();
        self.siblings.clear();
        let Some(class_id) = self.class_id else {
            return;
        };
        let loaded = book
            .pupils_of_class(class_id)
            .and_then(|mine| Ok((mine, book.pupils()?)));
        match loaded {
            Ok((mine, all)) => {
                let campaign = self.campaign().cloned();
                self.siblings = all
                    .into_iter()
                    .filter(|p| {
                        p.class_id != class_id
                            && mine.iter().any(|m| m.family_id == p.family_id)
                            && campaign.as_ref().is_some_and(|c| c.concerns(p.class_id))
                    })
                    .collect();
                self.pupils = mine;
            }
            Err(e) => self.error = Some((Slot::Class, e.to_string())),
        }
        self.refresh_matches();
    }

    pub(super) fn suggested(&self) -> String {
        self.campaign()
            .and_then(|c| c.suggested)
            .map(Money::fr_plain)
            .unwrap_or_default()
    }

    /// Empties the line being typed; the amount proposed again.
    pub(super) fn reset_line(&mut self) {
        self.name = Input::default();
        self.chosen = None;
        self.matches.clear();
        self.match_selected = 0;
        self.amount = input(&self.suggested());
        self.amount_fresh = true;
        self.channel = Channel::Especes;
        self.payer = Input::default();
        self.payer_fresh = false;
        self.already = None;
    }

    /// Looks up what the chosen pupil already gave for the campaign, once
    /// per pupil chosen: the line shows it, and adding asks first.
    fn sync_already(&mut self, book: &Book) {
        let (Some(pupil), Some(campaign)) = (&self.chosen, self.campaign()) else {
            self.already = None;
            return;
        };
        if self.already.as_ref().is_some_and(|(id, _)| *id == pupil.id) {
            return;
        }
        let id = pupil.id;
        match book.already_recorded(campaign.id, id) {
            Ok(warning) => self.already = Some((id, warning)),
            Err(e) => {
                self.already = Some((id, None));
                self.set_error(Slot::Name, e.to_string());
            }
        }
    }

    /// The user agreed to a second contribution for the chosen pupil.
    pub fn confirm_second(&mut self) {
        if let Some(pupil) = &self.chosen {
            self.second_ok.push(pupil.id);
            self.add_line();
        }
    }

    pub fn is_dirty(&self) -> bool {
        !self.lines.is_empty()
    }

    /// Whether the cursor is in a text field.
    pub fn accepts_text(&self) -> bool {
        matches!(
            self.focus,
            Slot::Date | Slot::Name | Slot::Amount | Slot::Payer
        )
    }

    pub fn contexts(&self) -> Vec<Context> {
        let first = match self.focus {
            Slot::Campaign | Slot::Class => Some(Context::Choice),
            Slot::Name => Some(Context::EnvelopeName),
            Slot::Amount => Some(Context::EnvelopeAmount),
            Slot::Channel => Some(Context::EnvelopeChannel),
            Slot::Lines => Some(Context::EnvelopeLines),
            Slot::Date | Slot::Payer => None,
        };
        first.into_iter().chain([Context::Envelope]).collect()
    }

    fn slots(&self) -> Vec<Slot> {
        let mut slots = vec![
            Slot::Campaign,
            Slot::Class,
            Slot::Date,
            Slot::Name,
            Slot::Amount,
            Slot::Channel,
        ];
        if self.channel == Channel::Cheque {
            slots.push(Slot::Payer);
        }
        if !self.lines.is_empty() {
            slots.push(Slot::Lines);
        }
        slots
    }

    pub fn update(&mut self, action: Action, book: &Book) -> Step {
        let step = self.handle(action, book);
        self.sync_already(book);
        if self.asking.is_some() {
            return Step::AskSecond;
        }
        step
    }

    fn handle(&mut self, action: Action, book: &Book) -> Step {
        match action {
            Action::Close => return Step::Close,
            Action::Help => return Step::Help,
            Action::SaveEnvelope => return self.ready_to_save(),
            Action::NextField => self.move_focus(1),
            Action::PrevField => self.move_focus(-1),
            Action::ChoiceNext => self.cycle(1, book),
            Action::ChoicePrev => self.cycle(-1, book),
            Action::Up | Action::Down => {
                let down = action == Action::Down;
                let (selected, len) = match self.focus {
                    Slot::Name => (&mut self.match_selected, self.matches.len()),
                    Slot::Lines => (&mut self.line_selected, self.lines.len()),
                    _ => return Step::Stay,
                };
                *selected = if down {
                    (*selected + 1).min(len.saturating_sub(1))
                } else {
                    selected.saturating_sub(1)
                };
            }
            Action::SetChannel(index) => {
                self.channel = Channel::ALL
                    .get(usize::from(index))
                    .copied()
                    .unwrap_or(Channel::Especes);
                self.error = None;
            }
            Action::Submit => self.submit(),
            Action::Edit => self.take_back(),
            Action::RemoveLine => self.remove_line(),
            Action::Type(request) => self.type_text(request),
            _ => {}
        }
        Step::Stay
    }

    pub(super) fn set_error(&mut self, slot: Slot, text: impl Into<String>) {
        self.error = Some((slot, text.into()));
    }

    fn move_focus(&mut self, step: isize) {
        if !self.leave() {
            return;
        }
        if step > 0
            && self.focus == Slot::Name
            && self.chosen.is_none()
            && !self.name.value().trim().is_empty()
        {
            self.choose();
            return;
        }
        let slots = self.slots();
        let at = slots.iter().position(|s| *s == self.focus).unwrap_or(0) as isize;
        self.focus = slots[(at + step).rem_euclid(slots.len() as isize) as usize];
        if self.focus == Slot::Payer {
            self.propose_payer();
        }
    }

    /// Checks the field being left; false keeps the cursor there.
    pub(super) fn leave(&mut self) -> bool {
        if self.focus == Slot::Date
            && let Some(exercice) = self.exercice
            && let Err(e) = check_date(self.date.value(), exercice)
        {
            self.set_error(Slot::Date, e.to_string());
            return false;
        }
        true
    }

    fn cycle(&mut self, step: isize, book: &Book) {
        if self.focus == Slot::Channel {
            let at = Channel::ALL
                .iter()
                .position(|c| *c == self.channel)
                .unwrap_or(0) as isize;
            let len = Channel::ALL.len() as isize;
            self.channel = Channel::ALL[(at + step).rem_euclid(len) as usize];
            self.error = None;
            return;
        }
        if !self.lines.is_empty() {
            let what = if self.focus == Slot::Campaign {
                "la campagne"
            } else {
                "la classe"
            };
            self.set_error(
                self.focus,
                format!(
                    "Enveloppe en cours : enregistrez-la ({}) ou retirez ses lignes pour changer {what}",
                    key(Action::SaveEnvelope)
                ),
            );
            return;
        }
        self.error = None;
        let turn = |at: usize, len: usize| (at as isize + step).rem_euclid(len.max(1) as isize);
        match self.focus {
            Slot::Campaign if !self.campaigns.is_empty() => {
                self.campaign = turn(self.campaign, self.campaigns.len()) as usize;
                let concerned = self.concerned();
                if !concerned.iter().any(|c| Some(c.id) == self.class_id) {
                    self.class_id = concerned.first().map(|c| c.id);
                }
                self.reset_line();
                self.load_pupils(book);
            }
            Slot::Class => {
                let concerned: Vec<i64> = self.concerned().iter().map(|c| c.id).collect();
                if concerned.is_empty() {
                    return;
                }
                let at = concerned
                    .iter()
                    .position(|id| Some(*id) == self.class_id)
                    .unwrap_or(0);
                self.class_id = Some(concerned[turn(at, concerned.len()) as usize]);
                self.reset_line();
                self.load_pupils(book);
            }
            _ => {}
        }
    }
}
