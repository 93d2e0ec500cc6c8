//! A new paid payment: linked to the online contribution recorded by hand,
//! or recorded as a recette on Collectes en ligne (with the pupil's
//! contribution when the payer and the form name one pupil). A refund
//! cancels what was recorded.

use super::{clip, insert_entry, money_account, next_piece};
use crate::book::write::Writing;
use crate::domain::online::{PaymentRow, PaymentStatus};
use crate::domain::participation::campaign::check_campaign;
use crate::domain::participation::contribution::{Channel, CheckedLine};
use crate::domain::participation::{Campaign, CampaignRequest, Pupil};
use crate::domain::piece::reversal_piece;
use crate::domain::text::fold;
use crate::domain::{EntryKind, Line, MoneyKey, NewEntry, PaymentMode};
use crate::store::online::changes;
use crate::store::online::payments::{self, Booked, StoredPayment};
use crate::store::participations::{campaigns, contributions, pupils};
use crate::store::{self, Result, StoreError};
use chrono::{Duration, NaiveDate};

/// How far a hand-recorded contribution may be from the payment's date.
pub const LINK_DAYS: i64 = 7;

/// What the import knows while it runs: the campaigns (it may add some) and
/// the pupils of the exercice.
pub(super) struct Context {
    batch: i64,
    campaigns: Vec<Campaign>,
    pupils: Vec<Pupil>,
    online: String,
    pub campaigns_created: usize,
}

impl Context {
    pub fn load(w: &Writing<'_>, batch: i64) -> Result<Context> {
        Ok(Context {
            batch,
            campaigns: campaigns::all(w.tx, w.exercice)?,
            pupils: pupils::pupils(w.tx, w.exercice)?,
            online: money_account(w, MoneyKey::EnLigne)?.0,
            campaigns_created: 0,
        })
    }

    /// The campaign of a form: same folded name, or one name holding the
    /// other (the closest in length first); created when none fits.
    fn campaign(&mut self, w: &Writing<'_>, form: &str) -> Result<Campaign> {
        let wanted = fold(form);
        let found = self
            .campaigns
            .iter()
            .filter(|c| {
                let name = fold(&c.name);
                !name.is_empty()
                    && (name == wanted || name.contains(&wanted) || wanted.contains(&name))
            })
            .min_by_key(|c| (fold(&c.name).len().abs_diff(wanted.len()), c.id));
        if let Some(c) = found {
            return Ok(c.clone());
        }
        let classes = pupils::classes(w.tx, w.exercice)?;
        let names: Vec<&str> = self.campaigns.iter().map(|c| c.name.as_str()).collect();
        let request = CampaignRequest {
            name: form.to_string(),
            ..CampaignRequest::default()
        };
        let checked = check_campaign(&request, w.chart, &classes, &names, w.exercice)?;
        let id = campaigns::insert(w.tx, w.exercice, &checked, w.now)?;
        changes::campaign_created(w.tx, self.batch, id)?;
        self.campaigns_created += 1;
        let campaign = campaigns::one(w.tx, id)?
            .ok_or_else(|| StoreError::Corrupt("campagne introuvable".into()))?;
        self.campaigns.push(campaign.clone());
        Ok(campaign)
    }

    /// The one pupil of the campaign whose family name is among the payer's
    /// words; `None` when none or several are.
    fn pupil(&self, campaign: &Campaign, payer: &str) -> Option<&Pupil> {
        let mut found = self
            .pupils
            .iter()
            .filter(|p| !p.anonymised && campaign.concerns(p.class_id))
            .filter(|p| names_family(payer, &p.nom));
        let first = found.next()?;
        found.next().is_none().then_some(first)
    }
}

/// Whether the family name `nom` (folded, every word) is among the payer's
/// folded words.
pub(super) fn names_family(payer: &str, nom: &str) -> bool {
    let payer = fold(payer);
    let words: Vec<&str> = payer.split(|c: char| !c.is_alphanumeric()).collect();
    let nom = fold(nom);
    let mut family = nom
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .peekable();
    family.peek().is_some() && family.all(|w| words.contains(&w))
}

/// What became of a new payment.
pub(super) enum Outcome {
    Recorded { to_assign: bool },
    Linked,
    Refunded,
}

/// A payment the books have not seen.
pub(super) fn new_payment(
    w: &Writing<'_>,
    context: &mut Context,
    row: &PaymentRow,
) -> Result<Outcome> {
    let batch = context.batch;
    if row.status == PaymentStatus::Refunded {
        payments::insert(w.tx, batch, row, &Booked::default(), w.now)?;
        return Ok(Outcome::Refunded);
    }
    let from = row.date - Duration::days(LINK_DAYS);
    let to = row.date + Duration::days(LINK_DAYS);
    let candidate = payments::link_candidates(w.tx, row.amount, from, to)?
        .into_iter()
        .filter(|c| names_family(&row.payer, &c.pupil_nom))
        .min_by_key(|c| ((c.date - row.date).num_days().abs(), c.contribution_id));
    if let Some(c) = candidate {
        let booked = Booked {
            campaign_id: Some(c.campaign_id),
            entry_id: Some(c.entry_id),
            linked: true,
            contribution_id: Some(c.contribution_id),
            to_assign: false,
        };
        payments::insert(w.tx, batch, row, &booked, w.now)?;
        return Ok(Outcome::Linked);
    }
    let campaign = context.campaign(w, &row.form).map_err(|e| match e {
        StoreError::Field(errors) => StoreError::Refused(format!(
            "ligne {} : aucune campagne pour le formulaire « {} », et elle ne peut pas être créée : {errors}",
            row.line_no,
            crate::domain::text::shown(&row.form)
        )),
        other => other,
    })?;
    let entry = NewEntry::new(
        row.date,
        next_piece(w, EntryKind::Recette)?,
        EntryKind::Recette,
        // The payer's name stays out of the accounts (pupils are anonymised
        // at year end; the payment row keeps it).
        clip(format!(
            "Paiement en ligne AssoConnect {} – {}",
            row.ext_id, row.form
        )),
        Some(PaymentMode::Carte),
        vec![
            Line {
                account_code: context.online.clone(),
                amount: row.amount,
            },
            Line {
                account_code: campaign.category_code.clone(),
                amount: -row.amount,
            },
        ],
    )
    .map_err(|e| StoreError::Refused(format!("ligne {} : {e}", row.line_no)))?;
    let entry_id = insert_entry(w, Some(batch), &entry)?;
    let pupil = context.pupil(&campaign, &row.payer).map(|p| p.id);
    let contribution_id = match pupil {
        Some(pupil_id) => Some(contributions::insert(
            w.tx,
            campaign.id,
            &CheckedLine {
                pupil_id,
                amount: row.amount,
                channel: Channel::EnLigne,
                payer: row.payer.clone(),
            },
            row.date,
            Some(entry_id),
            w.now,
        )?),
        None => None,
    };
    let booked = Booked {
        campaign_id: Some(campaign.id),
        entry_id: Some(entry_id),
        linked: false,
        contribution_id,
        to_assign: contribution_id.is_none(),
    };
    payments::insert(w.tx, batch, row, &booked, w.now)?;
    Ok(Outcome::Recorded {
        to_assign: contribution_id.is_none(),
    })
}

/// When a refund is booked.
pub(super) struct Refund {
    pub date: NaiveDate,
}

/// A known paid payment now refunded: its recette cancelled by reversal,
/// its contribution cancelled, its fee given back to Collectes en ligne;
/// the previous state kept for the undo.
pub(super) fn refund(
    w: &Writing<'_>,
    batch: i64,
    known: &StoredPayment,
    when: Refund,
) -> Result<()> {
    let mut refund_entry = None;
    let mut cancelled = None;
    if let Some(entry_id) = known.entry_id
        && let Some(original) = store::entries::load_one(w.tx, entry_id)?
        && !original.is_cancelled()
        && original.reverses.is_none()
    {
        let held = contributions::for_entry(w.tx, entry_id)?;
        let used = store::entries::pieces(w.tx, w.exercice)?;
        let piece = reversal_piece(&original.piece, used.iter().map(String::as_str));
        let date = when.date.max(original.date);
        let reversal = NewEntry::reversal_of(&original, date, piece);
        refund_entry = Some(insert_entry(w, Some(batch), &reversal)?);
        // The recette holds this payment's contribution only.
        for c in held.into_iter().filter(|c| !c.cancelled) {
            contributions::mark_cancelled(w.tx, c.id, w.now)?;
            cancelled = cancelled.or(Some(c.id));
        }
    }
    let mut fee_refund = None;
    if known.fee_entry_id.is_some() && known.fee.is_positive() {
        let online = money_account(w, MoneyKey::EnLigne)?.0;
        let date = when.date.max(known.date);
        let entry = NewEntry::new(
            date,
            next_piece(w, EntryKind::Depense)?,
            EntryKind::Depense,
            clip(format!(
                "Frais AssoConnect du paiement remboursé {}",
                known.ext_id
            )),
            Some(PaymentMode::Prelevement),
            vec![
                Line {
                    account_code: super::fees::FEE_CATEGORY.into(),
                    amount: -known.fee,
                },
                Line {
                    account_code: online,
                    amount: known.fee,
                },
            ],
        )
        .map_err(|e| StoreError::Refused(e.to_string()))?;
        fee_refund = Some(insert_entry(w, Some(batch), &entry)?);
    }
    changes::record(w.tx, batch, known, cancelled)?;
    payments::set_refunded(w.tx, known.id, refund_entry, fee_refund)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::names_family;

    #[test]
    fn the_family_name_is_among_the_payers_words_folded() {
        assert!(names_family("LEFEVRE Sophie", "Lefèvre"));
        assert!(names_family("Le Goff Marc", "LE GOFF"));
        assert!(names_family("Œuvray-Dupont Anne", "oeuvray"));
        assert!(!names_family("Dupontel Anne", "Dupont"), "whole words only");
        assert!(
            !names_family("Goff Marc", "Le Goff"),
            "every word of the name"
        );
        assert!(!names_family("Marc", ""));
    }
}
