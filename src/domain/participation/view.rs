//! The campaign view: per class, who has contributed, how much, by which
//! channel; totals per class and for the campaign; a gauge of the amount
//! collected. Participation is voluntary: a pupil without a contribution is
//! shown with the neutral words [`NO_PARTICIPATION`].

use super::campaign::Campaign;
use super::contribution::{Channel, Contribution};
use super::pupils::{Pupil, SchoolClass};
use crate::domain::Money;
use std::collections::HashMap;

/// The neutral words for a pupil with no contribution (never "impayé").
pub const NO_PARTICIPATION: &str = "pas de participation enregistrée";

/// Amounts by channel. Cheques are not collected money: they are to give back.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChannelTotals {
    pub especes: Money,
    pub en_ligne: Money,
    pub virement: Money,
    pub cheques_to_return: Money,
    pub cheques_to_return_count: usize,
}

impl ChannelTotals {
    /// Money that reached the coop's accounts.
    pub fn collected(&self) -> Money {
        self.especes + self.en_ligne + self.virement
    }

    pub fn of(&self, channel: Channel) -> Money {
        match channel {
            Channel::Especes => self.especes,
            Channel::EnLigne => self.en_ligne,
            Channel::Virement => self.virement,
            Channel::Cheque => self.cheques_to_return,
        }
    }

    pub fn add(&mut self, contribution: &Contribution) {
        if contribution.cancelled {
            return;
        }
        match contribution.channel {
            Channel::Especes => self.especes += contribution.amount,
            Channel::EnLigne => self.en_ligne += contribution.amount,
            Channel::Virement => self.virement += contribution.amount,
            Channel::Cheque if contribution.returned_on.is_none() => {
                self.cheques_to_return += contribution.amount;
                self.cheques_to_return_count += 1;
            }
            Channel::Cheque => {}
        }
    }

    fn merge(&mut self, other: &ChannelTotals) {
        self.especes += other.especes;
        self.en_ligne += other.en_ligne;
        self.virement += other.virement;
        self.cheques_to_return += other.cheques_to_return;
        self.cheques_to_return_count += other.cheques_to_return_count;
    }
}

/// One pupil of a class in the campaign view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PupilLine {
    pub pupil: Pupil,
    /// Live contributions (cancelled ones left out), oldest first.
    pub contributions: Vec<Contribution>,
}

impl PupilLine {
    /// Money collected for this pupil (cheques aside).
    pub fn collected(&self) -> Money {
        self.contributions
            .iter()
            .filter(|c| c.is_collected())
            .map(|c| c.amount)
            .sum()
    }

    pub fn has_participation(&self) -> bool {
        self.contributions.iter().any(Contribution::is_collected)
    }

    /// "15,00 € (espèces)", "… ; 20,00 € (chèque reçu, à rendre)", or the neutral words.
    pub fn status(&self) -> String {
        if self.contributions.is_empty() {
            return NO_PARTICIPATION.to_string();
        }
        self.contributions
            .iter()
            .map(Contribution::describe)
            .collect::<Vec<_>>()
            .join(" ; ")
    }
}

/// One class in the campaign view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassView {
    pub class: SchoolClass,
    pub pupils: Vec<PupilLine>,
    pub totals: ChannelTotals,
    /// Pupils with at least one collected contribution.
    pub contributors: usize,
}

/// The whole campaign view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CampaignView {
    pub campaign: Campaign,
    pub classes: Vec<ClassView>,
    pub totals: ChannelTotals,
    pub pupils: usize,
    pub contributors: usize,
    /// Suggested amount × pupils concerned (`None` for a free amount).
    pub target: Option<Money>,
}

impl CampaignView {
    /// Collected / target in thousandths, at most 1000 (`None` without a
    /// target). Integer arithmetic on cents: no float for money.
    pub fn gauge_permille(&self) -> Option<u16> {
        let target = self.target?.cents();
        if target <= 0 {
            return None;
        }
        let collected = self.totals.collected().cents().max(0);
        let permille = (i128::from(collected) * 1000 / i128::from(target)).min(1000);
        Some(permille as u16)
    }
}

/// Builds the view from the classes, pupils and contributions of the
/// campaign's exercice; classes not concerned are left out.
pub fn build_view(
    campaign: &Campaign,
    classes: &[SchoolClass],
    pupils: &[Pupil],
    contributions: &[Contribution],
) -> CampaignView {
    let mut by_pupil: HashMap<i64, Vec<Contribution>> = HashMap::new();
    for c in contributions
        .iter()
        .filter(|c| c.campaign_id == campaign.id && !c.cancelled)
    {
        by_pupil.entry(c.pupil_id).or_default().push(c.clone());
    }
    let mut views = Vec::new();
    let mut totals = ChannelTotals::default();
    let (mut pupil_count, mut contributors) = (0, 0);
    for class in classes.iter().filter(|c| campaign.concerns(c.id)) {
        let mut lines: Vec<PupilLine> = pupils
            .iter()
            .filter(|p| p.class_id == class.id)
            .map(|p| {
                let mut list = by_pupil.remove(&p.id).unwrap_or_default();
                list.sort_by_key(|c| (c.date, c.id));
                PupilLine {
                    pupil: p.clone(),
                    contributions: list,
                }
            })
            .collect();
        lines.sort_by_key(|l| l.pupil.sort_key());
        let mut class_totals = ChannelTotals::default();
        for c in lines.iter().flat_map(|l| &l.contributions) {
            class_totals.add(c);
        }
        let class_contributors = lines.iter().filter(|l| l.has_participation()).count();
        totals.merge(&class_totals);
        pupil_count += lines.len();
        contributors += class_contributors;
        views.push(ClassView {
            class: class.clone(),
            pupils: lines,
            totals: class_totals,
            contributors: class_contributors,
        });
    }
    let target = campaign
        .suggested
        .map(|s| Money::from_cents(s.cents() * pupil_count as i64));
    CampaignView {
        campaign: campaign.clone(),
        classes: views,
        totals,
        pupils: pupil_count,
        contributors,
        target,
    }
}
