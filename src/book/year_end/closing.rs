//! Closing an exercice (blockers, lock, fingerprint, next exercice's
//! opening) and reopening it. (Skeleton: to fill.)

use super::not_yet;
use crate::book::Book;
use crate::domain::Exercice;
use crate::domain::closing::{Blocker, CarryOver, CloseSummary, Override};
use crate::store::Result;

impl Book {
    /// What is missing before `exercice` can be closed (overridden ones
    /// included, with their reason, when `overrides` names them).
    pub fn closing_blockers(
        &self,
        exercice: Exercice,
        overrides: &[Override],
    ) -> Result<Vec<Blocker>> {
        let _ = (exercice, overrides);
        Ok(Vec::new())
    }

    /// Closes `exercice` when nothing blocks (or every blocker is
    /// overridden): locks it, records its fingerprint, opens the next one.
    pub fn close_exercice(
        &mut self,
        exercice: Exercice,
        overrides: &[Override],
        carry: &CarryOver,
    ) -> Result<CloseSummary> {
        let _ = (exercice, overrides, carry);
        Err(not_yet("la clôture"))
    }

    /// Undoes the lock of a closed exercice, the reason kept in the audit.
    pub fn reopen_exercice(&mut self, exercice: Exercice, reason: &str) -> Result<()> {
        let _ = (exercice, reason);
        Err(not_yet("la réouverture"))
    }
}
