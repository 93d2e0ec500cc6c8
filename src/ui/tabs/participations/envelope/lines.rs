//! The line being typed (the pupil found from a few letters, the payer of a
//! cheque) and the lines of the envelope: adding one (checked by the
//! domain's `check_line`), the same pupil twice marked, removing a line or
//! taking it back to correct it, and what F10 sends to the books.

use super::{Envelope, Slot, Step, TypedLine, input, key};
use crate::domain::participation::contribution::check_line;
use crate::domain::participation::matching::search;
use crate::domain::participation::{Channel, ContributionLine, EnvelopeRequest, Pupil};
use crate::domain::{Field, Money};
use crate::store::StoreError;
use crate::ui::action::Action;
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::form_frame::{type_into, type_over};
use tui_input::{Input, InputRequest};

impl Envelope {
    /// Entrée: on to the next step of the line, or adds it.
    pub(super) fn submit(&mut self) {
        match self.focus {
            Slot::Campaign | Slot::Class | Slot::Date => {
                if self.campaign().is_none() {
                    self.set_error(
                        Slot::Campaign,
                        "Aucune campagne : créez-en une (vue Campagnes, touche n)",
                    );
                } else if self.class().is_none() {
                    self.set_error(
                        Slot::Class,
                        "Aucune classe concernée : ajoutez des élèves (vue Élèves) ou importez-les",
                    );
                } else if self.leave() {
                    self.error = None;
                    self.focus = Slot::Name;
                }
            }
            Slot::Name => self.choose(),
            Slot::Amount | Slot::Channel => {
                if self.chosen.is_none() {
                    self.set_error(
                        Slot::Name,
                        format!(
                            "Élève : tapez quelques lettres de son nom, puis {}",
                            key(Action::Submit)
                        ),
                    );
                    self.focus = Slot::Name;
                } else if self.channel == Channel::Cheque {
                    self.focus = Slot::Payer;
                    self.propose_payer();
                } else {
                    self.add_line();
                }
            }
            Slot::Payer => self.add_line(),
            Slot::Lines => self.take_back(),
        }
    }

    pub(super) fn propose_payer(&mut self) {
        if self.payer.value().trim().is_empty()
            && let Some(pupil) = &self.chosen
        {
            self.payer = input(&pupil.nom.to_uppercase());
            self.payer_fresh = true;
        }
    }

    /// Takes the highlighted pupil of the list; on to the amount.
    pub(super) fn choose(&mut self) {
        if self.chosen.is_some() {
            self.focus = Slot::Amount;
            return;
        }
        let typed = self.name.value().trim().to_string();
        let Some(pupil) = self.matches.get(self.match_selected).cloned() else {
            let class = self.class().map_or(String::new(), |c| c.name.clone());
            let text = if typed.is_empty() {
                "Élève : tapez quelques lettres de son nom".to_string()
            } else {
                format!("Élève : personne en {class} ne correspond à « {typed} »")
            };
            self.set_error(Slot::Name, text);
            return;
        };
        self.error = None;
        self.name = input(&pupil.display());
        self.chosen = Some(pupil);
        self.matches.clear();
        if self.amount.value().trim().is_empty() {
            self.amount = input(&self.suggested());
            self.amount_fresh = true;
        }
        self.focus = Slot::Amount;
    }

    /// The pupils matching the typed letters: the class first, then the
    /// siblings of other classes.
    pub(super) fn refresh_matches(&mut self) {
        let query = self.name.value().trim().to_string();
        self.match_selected = 0;
        if query.is_empty() || self.chosen.is_some() {
            self.matches.clear();
            return;
        }
        let mut found: Vec<Pupil> = search(&self.pupils, &query).into_iter().cloned().collect();
        found.extend(search(&self.siblings, &query).into_iter().cloned());
        self.matches = found;
    }

    pub(super) fn type_text(&mut self, request: InputRequest) {
        if self.focus == Slot::Name && self.chosen.take().is_some() {
            // Typing over a chosen name starts a new search.
            self.name = match request {
                InputRequest::InsertChar(c) => input(&c.to_string()),
                _ => Input::default(),
            };
            self.error = None;
            self.refresh_matches();
            return;
        }
        let changed = match self.focus {
            Slot::Date => type_over(&mut self.date, request, &mut self.date_fresh),
            Slot::Name => type_into(&mut self.name, request),
            Slot::Amount => type_over(&mut self.amount, request, &mut self.amount_fresh),
            Slot::Payer => type_over(&mut self.payer, request, &mut self.payer_fresh),
            _ => false,
        };
        if !changed {
            return;
        }
        if self
            .error
            .as_ref()
            .is_some_and(|(slot, _)| *slot == self.focus)
        {
            self.error = None;
        }
        if self.focus == Slot::Name {
            self.refresh_matches();
        }
    }

    /// Checks the line and adds it to the envelope; back to the name.
    pub(super) fn add_line(&mut self) {
        let (Some(pupil), Some(campaign)) = (self.chosen.clone(), self.campaign()) else {
            self.set_error(
                Slot::Name,
                format!(
                    "Élève : tapez quelques lettres de son nom, puis {}",
                    key(Action::Submit)
                ),
            );
            self.focus = Slot::Name;
            return;
        };
        let line = ContributionLine {
            pupil_id: pupil.id,
            amount: self.amount.value().to_string(),
            channel: self.channel,
            payer: if self.channel == Channel::Cheque {
                self.payer.value().to_string()
            } else {
                String::new()
            },
        };
        match check_line(&line, &pupil, campaign) {
            Ok(_) if self.needs_asking(pupil.id) => {
                self.asking = self
                    .already
                    .as_ref()
                    .and_then(|(_, w)| w.as_ref())
                    .map(|w| w.question());
            }
            Ok(checked) => {
                self.lines.push(TypedLine {
                    pupil,
                    amount: checked.amount,
                    channel: checked.channel,
                    payer: checked.payer,
                    problem: None,
                });
                self.line_selected = self.lines.len() - 1;
                self.mark_twice();
                self.message = None;
                self.error = None;
                self.reset_line();
                self.focus = Slot::Name;
            }
            Err(error) => {
                let slot = match error.field {
                    Field::Montant => Slot::Amount,
                    Field::Payeur => Slot::Payer,
                    _ => Slot::Name,
                };
                let mut text = error.to_string();
                if slot == Slot::Amount && self.amount.value().chars().any(char::is_alphabetic) {
                    text.push_str(&format!(
                        " (pour le mode : {}, puis {})",
                        keymap::key_of(Context::EnvelopeAmount, Action::NextField),
                        keymap::key_of(Context::EnvelopeChannel, Action::SetChannel(0))
                    ));
                }
                self.focus = slot;
                self.set_error(slot, text);
            }
        }
    }

    /// The pupil already has a contribution recorded for the campaign and
    /// the user has not agreed to a second one yet.
    fn needs_asking(&self, pupil_id: i64) -> bool {
        let recorded = self
            .already
            .as_ref()
            .is_some_and(|(id, w)| *id == pupil_id && w.is_some());
        recorded && !self.second_ok.contains(&pupil_id)
    }

    /// Marks the pupils typed twice (the books will refuse the envelope).
    pub(super) fn mark_twice(&mut self) {
        let ids: Vec<i64> = self.lines.iter().map(|l| l.pupil.id).collect();
        for line in &mut self.lines {
            let twice = ids.iter().filter(|id| **id == line.pupil.id).count() > 1;
            if twice {
                line.problem = Some(
                    "deux fois dans l'enveloppe : additionnez les montants sur une ligne".into(),
                );
            } else if line
                .problem
                .as_deref()
                .is_some_and(|p| p.starts_with("deux fois"))
            {
                line.problem = None;
            }
        }
    }

    pub(super) fn remove_line(&mut self) {
        if self.focus != Slot::Lines || self.lines.is_empty() {
            return;
        }
        let at = self.line_selected.min(self.lines.len() - 1);
        self.lines.remove(at);
        self.line_selected = at.min(self.lines.len().saturating_sub(1));
        self.mark_twice();
        self.message = None;
        if self.lines.is_empty() {
            self.focus = Slot::Name;
        }
    }

    /// Puts the selected line back in the editor to correct it.
    pub(super) fn take_back(&mut self) {
        if self.focus != Slot::Lines || self.lines.is_empty() {
            return;
        }
        if self.chosen.is_some() || !self.name.value().trim().is_empty() {
            self.set_error(
                Slot::Lines,
                format!(
                    "Une ligne est en cours : ajoutez-la ({}) ou effacez le nom avant d'en reprendre une autre",
                    key(Action::Submit)
                ),
            );
            return;
        }
        let at = self.line_selected.min(self.lines.len() - 1);
        let line = self.lines.remove(at);
        self.line_selected = at.min(self.lines.len().saturating_sub(1));
        self.name = input(&line.pupil.display());
        self.amount = input(&line.amount.fr_plain());
        self.amount_fresh = false;
        self.channel = line.channel;
        self.payer = input(&line.payer);
        self.payer_fresh = false;
        self.chosen = Some(line.pupil);
        self.matches.clear();
        self.mark_twice();
        self.focus = Slot::Amount;
        self.error = None;
    }

    /// F10: the line being typed is added first; nothing to save is said.
    pub(super) fn ready_to_save(&mut self) -> Step {
        if self.chosen.is_some() {
            let before = self.lines.len();
            self.add_line();
            if self.lines.len() == before {
                return Step::Stay;
            }
        } else if !self.name.value().trim().is_empty() {
            self.focus = Slot::Name;
            self.set_error(
                Slot::Name,
                format!(
                    "Élève : choisissez-le dans la liste ({}) ou effacez le nom avant d'enregistrer",
                    key(Action::Submit)
                ),
            );
            return Step::Stay;
        }
        if self.lines.is_empty() {
            self.set_error(
                self.focus,
                format!(
                    "Enveloppe vide : tapez le nom d'un élève, {enter}, le montant, {enter}",
                    enter = key(Action::Submit)
                ),
            );
            return Step::Stay;
        }
        Step::Save
    }

    /// What the books are asked to record.
    pub fn request(&self) -> Option<EnvelopeRequest> {
        Some(EnvelopeRequest {
            campaign_id: self.campaign()?.id,
            class_id: self.class_id?,
            date: self.date.value().to_string(),
            lines: self
                .lines
                .iter()
                .map(|l| ContributionLine {
                    pupil_id: l.pupil.id,
                    amount: l.amount.fr_plain(),
                    channel: l.channel,
                    payer: l.payer.clone(),
                })
                .collect(),
        })
    }

    /// The books refused the envelope: every line stays; the lines whose
    /// pupil a refusal names are marked; a wrong date takes the cursor.
    pub fn refused(&mut self, error: &StoreError) {
        let StoreError::Field(errors) = error else {
            self.message = Some(error.to_string());
            return;
        };
        for line in &mut self.lines {
            let named = errors
                .0
                .iter()
                .any(|e| e.message.contains(&line.pupil.display()));
            if line.problem.is_none() && named {
                line.problem = Some("ligne refusée (voir ci-dessus)".into());
            }
        }
        if errors.for_field(Field::Date).is_some() {
            self.focus = Slot::Date;
        }
        self.message = Some(errors.to_string());
    }

    /// Recorded: the envelope empties, ready for the next class.
    pub fn saved(&mut self, text: String) {
        self.lines.clear();
        self.second_ok.clear();
        self.line_selected = 0;
        self.message = None;
        self.error = None;
        self.reset_line();
        self.last = Some(text);
        self.focus = Slot::Class;
    }

    /// Sums by channel: (lines, amount) for each of `Channel::ALL`.
    pub fn totals(&self) -> [(usize, Money); 4] {
        let mut out = [(0, Money::ZERO); 4];
        for line in &self.lines {
            let at = Channel::ALL
                .iter()
                .position(|c| *c == line.channel)
                .unwrap_or(0);
            out[at].0 += 1;
            out[at].1 += line.amount;
        }
        out
    }
}
