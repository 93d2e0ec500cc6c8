//! What the book accepts but the user should see first: a date after
//! today, a pupil already recorded for a campaign. The app asks before
//! saving; the CLI prints "attention : …" on stderr and goes on.

use super::Book;
use crate::domain::entry_request::{EntryRequest, TransferRequest};
use crate::domain::participation::{Contribution, RegieRequest};
use crate::domain::warning::{Warning, already_text, future_date};
use crate::store::{self, Result};

impl Book {
    /// A warning if the typed date is after today (by the book's clock).
    pub fn date_warnings(&self, date: &str) -> Vec<Warning> {
        future_date(date, self.exercice(), self.clock.today())
            .into_iter()
            .collect()
    }

    pub fn entry_warnings(&self, request: &EntryRequest) -> Vec<Warning> {
        self.date_warnings(&request.date)
    }

    pub fn transfer_warnings(&self, request: &TransferRequest) -> Vec<Warning> {
        self.date_warnings(&request.date)
    }

    /// A dry run of saving a recette or dépense (new, or the edit of
    /// `editing`): every rule the save applies, the caisse's included, in a
    /// transaction rolled back. Its warnings if the save would be accepted,
    /// else the refusal the save would give; nothing is written.
    pub fn check_entry(
        &mut self,
        request: &EntryRequest,
        editing: Option<i64>,
    ) -> Result<Vec<Warning>> {
        match editing {
            None => {
                let entry = self.new_entry(request)?;
                self.dry_run(self.exercice(), |w| {
                    super::insert_checked(w, &entry, "ecriture")
                })?;
            }
            Some(id) => {
                let (before, after) = self.edited_entry(id, request)?;
                self.dry_run(before.exercice, |w| {
                    super::entries::replace_in(w, &before, &after)
                })?;
            }
        }
        Ok(self.entry_warnings(request))
    }

    /// The same dry run for a virement interne.
    pub fn check_transfer(
        &mut self,
        request: &TransferRequest,
        editing: Option<i64>,
    ) -> Result<Vec<Warning>> {
        match editing {
            None => {
                let entry = self.new_transfer(request)?;
                self.dry_run(self.exercice(), |w| {
                    super::insert_checked(w, &entry, "ecriture")
                })?;
            }
            Some(id) => {
                let (before, after) = self.edited_transfer(id, request)?;
                self.dry_run(before.exercice, |w| {
                    super::entries::replace_in(w, &before, &after)
                })?;
            }
        }
        Ok(self.transfer_warnings(request))
    }

    pub fn regie_warnings(&self, request: &RegieRequest) -> Vec<Warning> {
        self.date_warnings(&request.date)
    }

    /// A pupil's contributions to a campaign that are not cancelled, by
    /// date: money collected, and cheques still to give back (a cheque
    /// given back is no payment: the family is to pay again).
    pub fn pupil_contributions(
        &self,
        campaign_id: i64,
        pupil_id: i64,
    ) -> Result<Vec<Contribution>> {
        let mut mine: Vec<Contribution> =
            store::participations::contributions::for_campaign(&self.conn, campaign_id)?
                .into_iter()
                .filter(|c| c.pupil_id == pupil_id && (c.is_collected() || c.is_cheque_to_return()))
                .collect();
        mine.sort_by_key(|c| (c.date, c.id));
        Ok(mine)
    }

    /// What a pupil already gave for a campaign, as a warning (its
    /// [`Warning::already_line`] is the envelope's "déjà : 8,00 € le 12/10,
    /// espèces"); `None` if nothing yet.
    pub fn already_recorded(&self, campaign_id: i64, pupil_id: i64) -> Result<Option<Warning>> {
        let already: Vec<String> = self
            .pupil_contributions(campaign_id, pupil_id)?
            .iter()
            .map(already_text)
            .collect();
        if already.is_empty() {
            return Ok(None);
        }
        let pupil = store::participations::pupils::pupil(&self.conn, pupil_id)?
            .map(|p| p.display_with_class())
            .unwrap_or_default();
        Ok(Some(Warning::AlreadyRecorded { pupil, already }))
    }

    /// Warnings before recording one contribution: the pupil already has
    /// one for the campaign, or the date is after today.
    pub fn contribution_warnings(
        &self,
        campaign_id: i64,
        pupil_id: i64,
        date: &str,
    ) -> Result<Vec<Warning>> {
        let mut warnings: Vec<Warning> = self
            .already_recorded(campaign_id, pupil_id)?
            .into_iter()
            .collect();
        warnings.extend(self.date_warnings(date));
        Ok(warnings)
    }
}
