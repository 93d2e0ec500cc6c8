//! The Participations tab: campaigns (appels à participation) and their
//! view class by class, the quick entry of a class's envelope, the cheques
//! to give back, the régies d'avance of class coops and the pupils.
//!
//! Everything is loaded when the tab is shown and after each change, never
//! while drawing. Participation is voluntary: a pupil without a
//! contribution is "pas de participation enregistrée", nothing else.
//! The views are drawn in `campaigns.rs` (campaigns), `envelope/` (quick
//! entry), `lists.rs` (cheques, régies, pupils); the keys are carried out in
//! `mod.rs` and `forms.rs`.

use super::envelope::Envelope;
use crate::book::Book;
use crate::domain::Money;
use crate::domain::participation::{
    CampaignView, Contribution, Pupil, RegieBalance, RegieMove, SchoolClass,
};
use crate::store::Result;
use crate::ui::action::Action;
use crate::ui::keymap::Context;
use std::cell::Cell;

/// The views of the tab, in the order of its bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Campaigns,
    Envelope,
    Cheques,
    Regies,
    Pupils,
}

impl View {
    pub const ALL: [View; 5] = [
        View::Campaigns,
        View::Envelope,
        View::Cheques,
        View::Regies,
        View::Pupils,
    ];

    pub fn title(self) -> &'static str {
        match self {
            View::Campaigns => "Campagnes",
            View::Envelope => "Saisie d'enveloppe",
            View::Cheques => "Chèques à rendre",
            View::Regies => "Régies de classe",
            View::Pupils => "Élèves",
        }
    }

    pub fn short(self) -> &'static str {
        match self {
            View::Regies => "Régies",
            other => other.title(),
        }
    }

    /// Tab goes round the lists; the quick entry is opened with `s`.
    fn step(self, step: isize) -> View {
        let lists = [View::Campaigns, View::Cheques, View::Regies, View::Pupils];
        let at = lists.iter().position(|v| *v == self).unwrap_or(0) as isize;
        lists[(at + step).rem_euclid(lists.len() as isize) as usize]
    }
}

pub use crate::ui::widgets::list_cursor::ListCursor as Cursor;

/// The tab's state, as last loaded.
#[derive(Debug, Default)]
pub struct Participations {
    pub view: View,
    /// Where Échap leaves the quick entry for.
    pub back: View,
    /// The campaign view (class by class) of the selected campaign is shown.
    pub detail: bool,
    /// The scroll of the campaign view: a cursor over its first lines.
    pub detail_scroll: Cursor,
    pub detail_max: Cell<usize>,
    pub campaigns: Vec<CampaignView>,
    pub classes: Vec<SchoolClass>,
    /// Every pupil, class by class, by name within a class.
    pub pupils: Vec<Pupil>,
    pub cheques: Vec<Contribution>,
    pub regies: Vec<RegieBalance>,
    pub moves: Vec<RegieMove>,
    pub campaign_cursor: Cursor,
    pub cheque_cursor: Cursor,
    /// On `classes`.
    pub regie_cursor: Cursor,
    pub pupil_cursor: Cursor,
    pub envelope: Envelope,
}

impl Participations {
    /// Loads everything the views show.
    pub fn reload(&mut self, book: &Book) -> Result<()> {
        let campaigns = book.campaigns()?;
        self.campaigns = campaigns
            .iter()
            .map(|c| book.campaign_view(c.id))
            .collect::<Result<_>>()?;
        self.classes = book.classes()?;
        let mut pupils = book.pupils()?;
        let position = |p: &Pupil| self.classes.iter().position(|c| c.id == p.class_id);
        pupils.sort_by_cached_key(|p| (position(p), p.sort_key()));
        self.pupils = pupils;
        self.cheques = cheques_in_order(book.all_cheques()?);
        self.regies = book.regies()?;
        self.moves = book.regie_moves()?;
        self.campaign_cursor.clamp(self.campaigns.len());
        self.cheque_cursor.clamp(self.cheques.len());
        self.cheque_cursor
            .keep_marks(self.cheques.iter().map(|c| c.id));
        self.regie_cursor.clamp(self.classes.len());
        self.pupil_cursor.clamp(self.pupils.len());
        if self.campaigns.is_empty() {
            self.detail = false;
        }
        Ok(())
    }

    pub fn selected_campaign(&self) -> Option<&CampaignView> {
        self.campaigns.get(self.campaign_cursor.selected())
    }

    /// The cheques still to give back (they come first in `cheques`).
    pub fn cheques_to_return(&self) -> usize {
        self.cheques
            .iter()
            .filter(|c| c.is_cheque_to_return())
            .count()
    }

    pub fn selected_cheque(&self) -> Option<&Contribution> {
        self.cheques.get(self.cheque_cursor.selected())
    }

    pub fn selected_class(&self) -> Option<&SchoolClass> {
        self.classes.get(self.regie_cursor.selected())
    }

    pub fn selected_pupil(&self) -> Option<&Pupil> {
        self.pupils.get(self.pupil_cursor.selected())
    }

    /// The régie of a class (zeros when it has none).
    pub fn regie_of(&self, class: &SchoolClass) -> RegieBalance {
        self.regies
            .iter()
            .find(|r| r.class_id == class.id)
            .cloned()
            .unwrap_or_else(|| RegieBalance {
                class_id: class.id,
                class_name: class.name.clone(),
                teacher: class.teacher.clone(),
                given: Money::ZERO,
                spent: Money::ZERO,
                returned: Money::ZERO,
            })
    }

    pub fn pupil(&self, id: i64) -> Option<&Pupil> {
        self.pupils.iter().find(|p| p.id == id)
    }

    pub fn campaign_name(&self, id: i64) -> &str {
        self.campaigns
            .iter()
            .find(|v| v.campaign.id == id)
            .map_or("", |v| v.campaign.name.as_str())
    }

    /// The other pupils of the same family (siblings).
    pub fn siblings(&self, pupil: &Pupil) -> Vec<&Pupil> {
        self.pupils
            .iter()
            .filter(|p| p.family_id == pupil.family_id && p.id != pupil.id)
            .collect()
    }

    /// Tab / Maj+Tab between the lists.
    pub fn step_view(&mut self, step: isize) {
        self.view = self.view.step(step);
        self.detail = false;
    }

    /// Moves in the current view; false if the action is not a move.
    pub fn navigate(&mut self, action: Action) -> bool {
        match self.view {
            View::Campaigns if self.detail => {
                if let Action::ChoicePrev | Action::ChoiceNext = action {
                    let len = self.campaigns.len().max(1);
                    let step = if action == Action::ChoiceNext {
                        1
                    } else {
                        len - 1
                    };
                    let cursor = &mut self.campaign_cursor;
                    cursor.select((cursor.selected() + step) % len);
                    self.detail_scroll.select(0);
                    return true;
                }
                let lines = self.detail_max.get() + 1;
                self.detail_scroll.navigate(action, lines)
            }
            View::Campaigns => self.campaign_cursor.navigate(action, self.campaigns.len()),
            View::Cheques => self.cheque_cursor.navigate(action, self.cheques.len()),
            View::Regies => self.regie_cursor.navigate(action, self.classes.len()),
            View::Pupils => self.pupil_cursor.navigate(action, self.pupils.len()),
            View::Envelope => false,
        }
    }

    /// The keymap contexts where the keyboard is.
    pub fn contexts(&self) -> Vec<Context> {
        let view = match self.view {
            View::Envelope => return self.envelope.contexts(),
            View::Campaigns if self.detail => Context::CampaignDetail,
            View::Campaigns => Context::Campaigns,
            View::Cheques => Context::Cheques,
            View::Regies => Context::Regies,
            View::Pupils => Context::Pupils,
        };
        vec![view, Context::Participations, Context::Global]
    }

    /// Every context of the view, for the help popup.
    pub fn help_contexts(&self) -> Vec<Context> {
        match self.view {
            View::Envelope => vec![
                Context::Envelope,
                Context::Choice,
                Context::EnvelopeName,
                Context::EnvelopeAmount,
                Context::EnvelopeChannel,
                Context::EnvelopeLines,
            ],
            View::Campaigns => vec![
                Context::Campaigns,
                Context::CampaignDetail,
                Context::Participations,
                Context::Global,
            ],
            _ => self.contexts(),
        }
    }

    pub fn accepts_text(&self) -> bool {
        self.view == View::Envelope && self.envelope.accepts_text()
    }
}

/// "━━━━━━──── 60 %": a text gauge of `width` characters in all.
pub fn gauge_text(permille: u16, width: usize) -> String {
    let percent = permille / 10;
    let label = format!(" {percent} %");
    let bar = width.saturating_sub(label.chars().count()).max(1);
    let filled = (usize::from(permille.min(1000)) * bar).div_ceil(1000);
    let filled = if permille > 0 { filled.max(1) } else { 0 };
    format!(
        "{}{}{label}",
        "━".repeat(filled),
        "─".repeat(bar.saturating_sub(filled))
    )
}

/// "s" for a plural.
pub fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// The cheques to give back first (oldest first), then those given back,
/// the last given back first.
fn cheques_in_order(all: Vec<Contribution>) -> Vec<Contribution> {
    let (mut to_return, mut returned): (Vec<_>, Vec<_>) =
        all.into_iter().partition(Contribution::is_cheque_to_return);
    to_return.sort_by_key(|c| (c.date, c.id));
    returned.sort_by_key(|c| std::cmp::Reverse((c.returned_on, c.id)));
    to_return.extend(returned);
    to_return
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gauges() {
        assert_eq!(gauge_text(0, 10), "────── 0 %");
        assert_eq!(gauge_text(1000, 12), "━━━━━━ 100 %");
        assert_eq!(gauge_text(500, 12), "━━━━─── 50 %");
    }
}
