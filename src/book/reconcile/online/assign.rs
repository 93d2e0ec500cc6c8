//! The user attributes a payment "à attribuer" to a pupil, or to none.

use crate::book::Book;
use crate::book::write::Audit;
use crate::domain::online::PaymentStatus;
use crate::domain::participation::contribution::{Channel, CheckedLine};
use crate::store::online::payments;
use crate::store::participations::{contributions, pupils};
use crate::store::{Result, StoreError};

impl Book {
    /// Attributes a payment "à attribuer" to a pupil (a contribution on its
    /// recette), or to none. Refused for a linked or refunded payment, or
    /// one already attributed.
    pub fn assign_payment(&mut self, payment: i64, pupil: Option<i64>) -> Result<()> {
        let refuse = |m: String| StoreError::Refused(m);
        let p = payments::one(&self.conn, payment)?
            .ok_or_else(|| refuse(format!("Paiement : n° {payment} inconnu")))?;
        if p.status == PaymentStatus::Refunded {
            return Err(refuse(format!(
                "Paiement : {} a été remboursé : il n'est attribué à personne",
                p.ext_id
            )));
        }
        if p.linked {
            return Err(refuse(format!(
                "Paiement : {} est lié à une participation saisie à la main",
                p.ext_id
            )));
        }
        if p.contribution_id.is_some() || p.assigned_none || !p.to_assign {
            return Err(refuse(format!("Paiement : {} est déjà attribué", p.ext_id)));
        }
        let (Some(entry_id), Some(campaign_id)) = (p.entry_id, p.campaign_id) else {
            return Err(refuse(format!(
                "Paiement : {} n'est pas enregistré dans les comptes",
                p.ext_id
            )));
        };
        let exercice = self.exercice();
        let chosen = match pupil {
            Some(id) => {
                let found = pupils::pupil(&self.conn, id)?
                    .filter(|x| !x.anonymised)
                    .ok_or_else(|| refuse(format!("Élève : n° {id} inconnu")))?;
                if pupils::class(&self.conn, found.class_id, exercice)?.is_none() {
                    return Err(refuse(format!(
                        "Élève : {} n'est pas de l'exercice {exercice}",
                        found.display()
                    )));
                }
                Some(found)
            }
            None => None,
        };
        self.write(exercice, |w| {
            let contribution = match &chosen {
                Some(found) => Some(contributions::insert(
                    w.tx,
                    campaign_id,
                    &CheckedLine {
                        pupil_id: found.id,
                        amount: p.amount,
                        channel: Channel::EnLigne,
                        payer: p.payer.clone(),
                    },
                    p.date,
                    Some(entry_id),
                    w.now,
                )?),
                None => None,
            };
            payments::set_assigned(w.tx, p.id, contribution)?;
            let after = match &chosen {
                Some(found) => format!("{} attribué à l'élève n° {}", p.ext_id, found.id),
                None => format!("{} attribué à aucun élève", p.ext_id),
            };
            Ok((
                (),
                Audit::new("attribution", "paiement")
                    .id(Some(p.id))
                    .after(after),
            ))
        })
    }
}
