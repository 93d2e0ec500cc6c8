//! The mandataire's migration checklist (La Banque Postale → AssoConnect and
//! the Compte Pro): steps with a status, prerequisites, and for some steps a
//! status derived from the books. The steps themselves are data.

use super::dates::format_date;
use super::money::Money;
use chrono::NaiveDate;
use std::collections::{HashMap, HashSet};

/// Which fact of the books decides a derived step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Derive {
    /// The LBP balance reached the Compte Pro and the LBP account is at 0.
    SoldeLbp,
    /// Every parent's cheque has been given back.
    Cheques,
    /// A first payout from Collectes en ligne to the Compte Pro.
    PremierVirement,
    /// The OCCE's emergency advance, recorded as a debt and repaid.
    Avance,
}

impl Derive {
    pub fn key(self) -> &'static str {
        match self {
            Derive::SoldeLbp => "solde-lbp",
            Derive::Cheques => "cheques",
            Derive::PremierVirement => "premier-virement",
            Derive::Avance => "avance",
        }
    }

    pub fn parse(text: &str) -> Option<Derive> {
        [
            Derive::SoldeLbp,
            Derive::Cheques,
            Derive::PremierVirement,
            Derive::Avance,
        ]
        .into_iter()
        .find(|d| d.key() == text.trim())
    }
}

/// A status as the user sets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepStatus {
    AFaire,
    EnCours,
    Fait,
    SansObjet,
}

impl StepStatus {
    pub fn key(self) -> &'static str {
        match self {
            StepStatus::AFaire => "a-faire",
            StepStatus::EnCours => "en-cours",
            StepStatus::Fait => "fait",
            StepStatus::SansObjet => "sans-objet",
        }
    }

    pub fn from_key(key: &str) -> Option<StepStatus> {
        [
            StepStatus::AFaire,
            StepStatus::EnCours,
            StepStatus::Fait,
            StepStatus::SansObjet,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }

    /// A finished step no longer holds back the steps after it.
    pub fn is_settled(self) -> bool {
        matches!(self, StepStatus::Fait | StepStatus::SansObjet)
    }
}

/// One step of a template file, before it is stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepTemplate {
    pub key: String,
    pub title: String,
    pub help: String,
    pub prerequisites: Vec<String>,
    pub derive: Option<Derive>,
}

/// A stored step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub key: String,
    pub title: String,
    pub help: String,
    pub prerequisites: Vec<String>,
    pub derive: Option<Derive>,
    pub position: i64,
    pub hidden: bool,
    pub user_added: bool,
    pub status: StepStatus,
    pub done_on: Option<NaiveDate>,
    pub note: String,
    /// The user set the status of a derived step by hand: the books no longer decide.
    pub manual: bool,
}

impl Step {
    /// A step the user has not touched: a template reload may replace it.
    pub fn is_untouched(&self) -> bool {
        self.status == StepStatus::AFaire
            && self.note.is_empty()
            && !self.manual
            && !self.user_added
    }
}

/// What the books say, for derived steps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookFacts {
    /// Date of the first LBP → Compte Pro transfer, if any.
    pub lbp_transfer_on: Option<NaiveDate>,
    pub lbp_balance: Money,
    /// Once statements are imported: whether that transfer is matched on
    /// both statements (LBP debit and Compte Pro credit). `None`: no
    /// statement imported, the books alone decide.
    pub lbp_transfer_matched: Option<bool>,
    pub cheques_to_return: usize,
    /// Cheques ever recorded (given back or not).
    pub cheques_received: usize,
    /// Date of the first Collectes en ligne → Compte Pro transfer, if any.
    pub first_payout_on: Option<NaiveDate>,
    /// Total advanced by the OCCE (account 1680), and what is still owed.
    pub advance_received: Money,
    pub advance_outstanding: Money,
    /// Date of the last repayment, once the advance is fully repaid.
    pub advance_repaid_on: Option<NaiveDate>,
}

/// A step as shown: effective status, what the books say, what it waits for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepView {
    pub key: String,
    pub title: String,
    pub help: String,
    pub status: StepStatus,
    pub done_on: Option<NaiveDate>,
    pub note: String,
    /// What the books say (e.g. "2 chèques à rendre"), for derived steps.
    pub detail: Option<String>,
    /// Prerequisites not settled yet: (key, title).
    pub waiting_for: Vec<(String, String)>,
    /// Not settled and holding back at least half of the other steps.
    pub urgent: bool,
    pub derived: bool,
    pub manual: bool,
    /// Shown done because a step that needs it is done from the books
    /// ("fait (d'après la suite)"); its stored status is unchanged.
    pub implied: bool,
}

impl StepView {
    pub fn is_waiting(&self) -> bool {
        !self.status.is_settled() && !self.waiting_for.is_empty()
    }

    /// `à faire`, `en cours`, `fait le 12/09/2024`, `sans objet`, `en attente`.
    pub fn status_text(&self) -> String {
        match (self.status, self.done_on) {
            (StepStatus::Fait, _) if self.implied => "fait (d'après la suite)".into(),
            (StepStatus::Fait, Some(date)) => format!("fait le {}", format_date(date)),
            (StepStatus::Fait, None) => "fait".into(),
            (StepStatus::SansObjet, _) => "sans objet".into(),
            _ if self.is_waiting() => "en attente".into(),
            (StepStatus::EnCours, _) => "en cours".into(),
            (StepStatus::AFaire, _) => "à faire".into(),
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

/// The status and detail the books give a derived step; `None` keeps the
/// user's status (the books say nothing yet).
fn derived_status(
    derive: Derive,
    facts: &BookFacts,
) -> (Option<(StepStatus, Option<NaiveDate>)>, String) {
    match derive {
        Derive::SoldeLbp => match facts.lbp_transfer_on {
            Some(_) if facts.lbp_balance.is_zero() && facts.lbp_transfer_matched == Some(false) => (
                Some((StepStatus::EnCours, None)),
                "virement saisi, ancien compte à 0,00 € ; reste à le pointer sur les deux relevés (Rapprochement)".into(),
            ),
            Some(date) if facts.lbp_balance.is_zero() => (
                Some((StepStatus::Fait, Some(date))),
                "solde reçu, ancien compte à 0,00 €".into(),
            ),
            Some(_) => (
                Some((StepStatus::EnCours, None)),
                format!(
                    "virement reçu, mais il reste {} sur l'ancien compte",
                    facts.lbp_balance
                ),
            ),
            None => (
                None,
                format!("solde de l'ancien compte : {}", facts.lbp_balance),
            ),
        },
        // No cheque recorded: the books say nothing (the step is not "done"
        // on a new coop); once one is, the step follows what is left to give back.
        Derive::Cheques => match (facts.cheques_received, facts.cheques_to_return) {
            (0, _) => (None, "aucun chèque de famille enregistré".into()),
            (1, 0) => (
                Some((StepStatus::Fait, None)),
                "1 chèque reçu, rendu".into(),
            ),
            (received, 0) => (
                Some((StepStatus::Fait, None)),
                format!("{received} chèques reçus, tous rendus"),
            ),
            (_, n) => (
                Some((StepStatus::EnCours, None)),
                format!("{} à rendre", plural(n, "chèque", "chèques")),
            ),
        },
        Derive::PremierVirement => match facts.first_payout_on {
            Some(date) => (
                Some((StepStatus::Fait, Some(date))),
                format!("premier virement des collectes le {}", format_date(date)),
            ),
            None => (
                None,
                "aucun virement des collectes vers le Compte Pro pour l'instant".into(),
            ),
        },
        Derive::Avance => {
            if facts.advance_received.is_zero() {
                (None, "aucune avance de l'OCCE enregistrée".into())
            } else if facts.advance_outstanding.is_positive() {
                (
                    Some((StepStatus::EnCours, None)),
                    format!(
                        "{} à rembourser à l'OCCE (avance de {})",
                        facts.advance_outstanding, facts.advance_received
                    ),
                )
            } else {
                (
                    Some((StepStatus::Fait, facts.advance_repaid_on)),
                    format!("avance de {} remboursée", facts.advance_received),
                )
            }
        }
    }
}

/// The visible steps with their effective statuses, urgent ones first, then
/// those that can be done now, then those waiting, then the settled ones.
pub fn evaluate(steps: &[Step], facts: &BookFacts) -> Vec<StepView> {
    let visible: Vec<&Step> = steps.iter().filter(|s| !s.hidden).collect();
    let mut views: Vec<(i64, StepView)> = visible
        .iter()
        .map(|step| {
            let (mut status, mut done_on, mut detail) = (step.status, step.done_on, None);
            if let Some(derive) = step.derive {
                let (books, text) = derived_status(derive, facts);
                detail = Some(text);
                if let (Some((s, d)), false) = (books, step.manual) {
                    status = s;
                    done_on = d;
                }
            }
            let view = StepView {
                key: step.key.clone(),
                title: step.title.clone(),
                help: step.help.clone(),
                status,
                done_on,
                note: step.note.clone(),
                detail,
                waiting_for: Vec::new(),
                urgent: false,
                derived: step.derive.is_some(),
                manual: step.manual,
                implied: false,
            };
            (step.position, view)
        })
        .collect();
    imply_prerequisites(&mut views, &visible);
    let settled: HashMap<String, bool> = views
        .iter()
        .map(|(_, v)| (v.key.clone(), v.status.is_settled()))
        .collect();
    let titles: HashMap<&str, &str> = visible
        .iter()
        .map(|s| (s.key.as_str(), s.title.as_str()))
        .collect();
    let blocked = blocked_counts(&visible);
    let half = visible.len().saturating_sub(1).div_ceil(2).max(1);
    for ((_, view), step) in views.iter_mut().zip(&visible) {
        view.waiting_for = step
            .prerequisites
            .iter()
            .filter(|p| settled.get(p.as_str()) == Some(&false))
            .map(|p| {
                (
                    p.clone(),
                    titles.get(p.as_str()).copied().unwrap_or(p).to_string(),
                )
            })
            .collect();
        view.urgent = !view.status.is_settled()
            && view.waiting_for.is_empty()
            && blocked.get(step.key.as_str()).copied().unwrap_or(0) >= half;
    }
    views.sort_by_key(|(position, v)| {
        let group = if v.status.is_settled() {
            3
        } else if v.urgent {
            0
        } else if v.is_waiting() {
            2
        } else {
            1
        };
        (group, *position)
    });
    views.into_iter().map(|(_, v)| v).collect()
}

/// A step done from the books could not be done without its
/// prerequisites: those still "à faire" or "en cours" are shown done,
/// "d'après la suite" (directly or not; their stored status is kept).
fn imply_prerequisites(views: &mut [(i64, StepView)], visible: &[&Step]) {
    let prerequisites: HashMap<&str, &[String]> = visible
        .iter()
        .map(|s| (s.key.as_str(), s.prerequisites.as_slice()))
        .collect();
    let mut stack: Vec<String> = views
        .iter()
        .filter(|(_, v)| v.status == StepStatus::Fait && v.derived && !v.manual)
        .map(|(_, v)| v.key.clone())
        .collect();
    let mut seen: HashSet<String> = HashSet::new();
    while let Some(key) = stack.pop() {
        for prerequisite in prerequisites.get(key.as_str()).copied().unwrap_or_default() {
            if !seen.insert(prerequisite.clone()) {
                continue;
            }
            stack.push(prerequisite.clone());
            if let Some((_, view)) = views.iter_mut().find(|(_, v)| &v.key == prerequisite)
                && matches!(view.status, StepStatus::AFaire | StepStatus::EnCours)
            {
                view.status = StepStatus::Fait;
                view.done_on = None;
                view.implied = true;
            }
        }
    }
}

/// For each step, how many visible steps depend on it, directly or not.
fn blocked_counts<'a>(steps: &[&'a Step]) -> HashMap<&'a str, usize> {
    let mut dependents: HashMap<&str, Vec<&str>> = HashMap::new();
    for step in steps {
        for prerequisite in &step.prerequisites {
            dependents
                .entry(prerequisite.as_str())
                .or_default()
                .push(step.key.as_str());
        }
    }
    steps
        .iter()
        .map(|step| {
            let mut seen: HashSet<&str> = HashSet::new();
            let mut stack = vec![step.key.as_str()];
            while let Some(key) = stack.pop() {
                for next in dependents.get(key).into_iter().flatten() {
                    if seen.insert(next) {
                        stack.push(next);
                    }
                }
            }
            (step.key.as_str(), seen.len())
        })
        .collect()
}

/// Share of visible steps settled, 0 to 100.
pub fn progress_percent(views: &[StepView]) -> u16 {
    if views.is_empty() {
        return 100;
    }
    let settled = views.iter().filter(|v| v.status.is_settled()).count();
    (settled * 100 / views.len()) as u16
}
