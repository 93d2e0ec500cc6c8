//! The Participations tab: moving between views and in lists, opening the
//! small forms (`forms.rs`), and the quick entry of an envelope, recorded
//! through `Book::record_envelope` in one transaction. After a change the
//! tab and the ledgers (header balances, Écritures tab) are loaded again;
//! errors go to the status line or into the form.

pub mod campaigns;
pub mod envelope;
mod forms;
pub mod lists;
pub mod state;
mod view;

use crate::book::{Book, EnvelopeReceipt};
use crate::domain::format_date;
use crate::domain::participation::Channel;
use crate::domain::participation::RegieKind;
use crate::domain::participation::pupils::class_key;
use crate::domain::text::fold;
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::component::Effect;
use crate::ui::component::{Component, Loaded};
use crate::ui::effect::Focus;
use crate::ui::keymap::{self, Context};
use crate::ui::popups::confirm::Confirm;
use envelope::Step;
use ratatui::Frame;
use ratatui::layout::Rect;
use state::{Participations, View, plural};
use view::draw_participations;

/// The question the tab asked, answered by `Action::Yes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Asked {
    DiscardEnvelope,
    SecondLine,
}

#[derive(Default)]
pub struct ParticipationsTab {
    pub p: Participations,
    loaded: Loaded,
    asked: Option<Asked>,
}

impl ParticipationsTab {
    fn ask(&mut self, asked: Asked, confirm: Confirm) -> Effect {
        self.asked = Some(asked);
        Effect::open(confirm)
    }

    fn update_envelope(&mut self, action: Action, book: &mut Book) -> Effect {
        match self.p.envelope.update(action, book) {
            Step::Stay => Effect::Done,
            Step::Help => Effect::Help,
            Step::Close => self.close_envelope(),
            Step::Save => self.save_envelope(book),
            Step::AskSecond => match self.p.envelope.asking.take() {
                Some(question) => self.ask(Asked::SecondLine, Confirm::second_line(question)),
                None => Effect::Done,
            },
        }
    }

    /// `s`: a new envelope, on the selected campaign when coming from the
    /// campaigns.
    fn open_envelope(&mut self, book: &Book) -> Effect {
        let p = &mut self.p;
        if p.campaigns.is_empty() {
            return Effect::error(format!(
                "Aucune campagne : créez-en une d'abord (vue Campagnes, touche {})",
                keymap::key_of(Context::Campaigns, Action::NewCampaign)
            ));
        }
        let campaign = if p.view == View::Campaigns {
            p.selected_campaign().map(|v| v.campaign.id)
        } else {
            None
        };
        let date = format_date(book.default_date());
        let campaigns = p.campaigns.iter().map(|v| v.campaign.clone()).collect();
        p.envelope
            .open(book, campaigns, p.classes.clone(), campaign, &date);
        p.back = p.view;
        p.view = View::Envelope;
        Effect::Done
    }

    /// Échap in the quick entry: asks first if lines were typed.
    fn close_envelope(&mut self) -> Effect {
        let lines = self.p.envelope.lines.len();
        if lines > 0 {
            self.ask(Asked::DiscardEnvelope, Confirm::discard_envelope(lines))
        } else {
            self.leave_envelope();
            Effect::Done
        }
    }

    /// Leaves the quick entry; typed lines are dropped.
    fn leave_envelope(&mut self) {
        let p = &mut self.p;
        p.envelope.lines.clear();
        p.envelope.message = None;
        p.envelope.error = None;
        p.view = p.back;
        if p.view == View::Envelope {
            p.view = View::Campaigns;
        }
    }

    /// F10: the whole envelope in one transaction.
    fn save_envelope(&mut self, book: &mut Book) -> Effect {
        let envelope = &self.p.envelope;
        let Some(request) = envelope.request() else {
            return Effect::error("Choisissez la campagne et la classe de l'enveloppe");
        };
        let class = envelope.class().map_or(String::new(), |c| c.name.clone());
        let totals = envelope.totals();
        let others: Vec<Channel> = envelope
            .lines
            .iter()
            .map(|l| l.channel)
            .filter(|c| matches!(c, Channel::EnLigne | Channel::Virement))
            .collect();
        match book.record_envelope(&request) {
            Ok(receipt) => {
                let pieces: Vec<(Channel, String)> = others
                    .iter()
                    .zip(&receipt.other_entries)
                    .map(|(c, id)| {
                        let piece = book
                            .entry(*id)
                            .ok()
                            .flatten()
                            .map(|e| e.piece)
                            .unwrap_or_default();
                        (*c, piece)
                    })
                    .collect();
                let text = receipt_text(&class, &receipt, totals, &pieces);
                self.p.envelope.saved(text.clone());
                let entry = receipt
                    .cash_entry
                    .or_else(|| receipt.other_entries.first().copied());
                let mut effects = vec![Effect::info(text), Effect::Changed];
                effects.extend(entry.map(|id| Effect::Show(Focus::Entry(id))));
                Effect::Batch(effects)
            }
            Err(e) => {
                self.p.envelope.refused(&e);
                Effect::error("Enveloppe refusée : rien n'a été écrit, les lignes sont gardées")
            }
        }
    }

    /// The pupil just added, with the siblings the books linked.
    fn pupil_added_text(&self, nom: &str, prenom: &str, class: &str) -> String {
        let p = &self.p;
        let key = |t: &str| crate::domain::text::fold(t);
        let found = p.pupils.iter().find(|x| {
            key(&x.nom) == key(nom)
                && key(&x.prenom) == key(prenom)
                && crate::domain::participation::pupils::class_key(&x.class_name)
                    == crate::domain::participation::pupils::class_key(class)
        });
        let Some(pupil) = found else {
            return format!("Élève ajouté : {} {prenom} ({class})", nom.to_uppercase());
        };
        let mut text = format!("Élève ajouté : {}", pupil.display_with_class());
        let siblings: Vec<String> = p
            .siblings(pupil)
            .iter()
            .map(|s| s.display_with_class())
            .collect();
        if !siblings.is_empty() {
            text.push_str(&format!(" · même famille que {}", siblings.join(", ")));
        }
        text
    }
}

impl Component for ParticipationsTab {
    fn contexts(&self) -> Vec<Context> {
        self.p.contexts()
    }

    fn help_contexts(&self) -> Vec<Context> {
        self.p.help_contexts()
    }

    fn accepts_text(&self) -> bool {
        self.p.accepts_text()
    }

    fn update(&mut self, action: Action, book: &mut Book) -> Effect {
        if matches!(action, Action::Quit | Action::Tab(_)) {
            return Effect::Ignored;
        }
        if action == Action::Yes {
            match self.asked.take() {
                Some(Asked::DiscardEnvelope) => self.leave_envelope(),
                Some(Asked::SecondLine) => self.p.envelope.confirm_second(),
                None => {}
            }
            return Effect::Done;
        }
        if self.p.view == View::Envelope {
            return self.update_envelope(action, book);
        }
        let p = &mut self.p;
        if p.navigate(action) {
            return Effect::Done;
        }
        match action {
            Action::NextView => p.step_view(1),
            Action::PrevView => p.step_view(-1),
            Action::Close if p.detail => p.detail = false,
            Action::ShowCampaign if p.selected_campaign().is_some() => {
                p.detail = true;
                p.detail_scroll.select(0);
            }
            Action::ShowCampaign => {
                return Effect::error(format!(
                    "Aucune campagne : {} pour en créer une",
                    keymap::key_of(Context::Campaigns, Action::NewCampaign)
                ));
            }
            Action::OpenEnvelope => return self.open_envelope(book),
            Action::NewCampaign => return forms::campaign_form(&self.p, book),
            Action::AddPupil => return forms::pupil_form(&self.p),
            Action::AddClass => return forms::class_form(&self.p),
            Action::ReturnCheque => return forms::cheque_form(&self.p, book),
            Action::ToggleMark if p.view == View::Cheques => {
                if let Some(id) = p
                    .selected_cheque()
                    .filter(|c| c.is_cheque_to_return())
                    .map(|c| c.id)
                {
                    p.cheque_cursor.toggle(id);
                }
            }
            Action::RegieAdvance => return forms::regie_form(&self.p, book, RegieKind::Avance),
            Action::RegieExpense => return forms::regie_form(&self.p, book, RegieKind::Depense),
            Action::RegieReturn => return forms::regie_form(&self.p, book, RegieKind::Retour),
            Action::Help => return Effect::Ignored,
            _ => {}
        }
        Effect::Done
    }

    fn draw(&self, frame: &mut Frame, area: Rect, book: &Book) {
        draw_participations(frame, area, &self.p, book.chart());
    }

    fn refresh(&mut self, book: &Book) -> Result<()> {
        if self.loaded.is_stale(book) {
            self.p.reload(book)?;
            self.loaded.mark(book);
        }
        Ok(())
    }

    /// Puts the cursor on what was just added, and says it.
    fn show(&mut self, focus: &Focus, _book: &Book) -> Effect {
        match focus {
            Focus::Campaign(id) => {
                let p = &mut self.p;
                if let Some(at) = p.campaigns.iter().position(|v| v.campaign.id == *id) {
                    p.campaign_cursor.select(at);
                }
                p.view = View::Campaigns;
                p.detail = false;
                Effect::Done
            }
            Focus::Pupil {
                nom,
                prenom,
                class,
                created,
            } => {
                let text = self.pupil_added_text(nom, prenom, class) + created;
                let p = &mut self.p;
                let (nk, pk) = (fold(nom), fold(prenom));
                if let Some(at) = p.pupils.iter().position(|x| {
                    fold(&x.nom) == nk
                        && fold(&x.prenom) == pk
                        && class_key(&x.class_name) == class_key(class)
                }) {
                    p.pupil_cursor.select(at);
                }
                Effect::info(text)
            }
            _ => Effect::Done,
        }
    }
}

/// "Enveloppe CE1-B : bordereau R012, espèces 24,00 € (2 élèves) · en
/// ligne 12,00 € (R013) · 1 chèque à rendre (20,00 €)".
fn receipt_text(
    class: &str,
    receipt: &EnvelopeReceipt,
    totals: [(usize, crate::domain::Money); 4],
    pieces: &[(Channel, String)],
) -> String {
    let mut parts = Vec::new();
    for (channel, (count, amount)) in Channel::ALL.iter().zip(totals) {
        if count == 0 {
            continue;
        }
        let of: Vec<&str> = pieces
            .iter()
            .filter(|(c, _)| c == channel)
            .map(|(_, p)| p.as_str())
            .collect();
        parts.push(match channel {
            Channel::Especes => format!(
                "bordereau {}, espèces {} ({count} élève{})",
                receipt.cash_piece.as_deref().unwrap_or(""),
                amount.fr(),
                plural(count)
            ),
            Channel::Cheque => {
                format!("{count} chèque{} à rendre ({})", plural(count), amount.fr())
            }
            other => format!("{} {} ({})", other.label(), amount.fr(), of.join(", ")),
        });
    }
    format!("Enveloppe {class} enregistrée : {}", parts.join(" · "))
}
