//! Payments and payouts as the screens and the CLI show them.

use super::payouts::net_of;
use crate::book::Book;
use crate::domain::online::{Payment, Payout, PayoutState};
use crate::store::Result;
use crate::store::online::{payments, payouts};
use crate::store::participations::{contributions, pupils};
use std::collections::HashMap;

impl Book {
    /// Every payment imported (current exercice), oldest first.
    pub fn payments(&self) -> Result<Vec<Payment>> {
        let exercice = self.exercice();
        let mut arrivals = HashMap::new();
        for payout in payouts::all(&self.conn)? {
            let received = payouts::arrival(&self.conn, &payout)?.map(|(on, _)| on);
            arrivals.insert(payout.reference.clone(), (payout.date, received));
        }
        let mut out = Vec::new();
        for p in payments::all(&self.conn)?
            .into_iter()
            .filter(|p| exercice.contains(p.date))
        {
            let piece = match p.entry_id {
                Some(id) => self.entry(id)?.map(|e| e.piece),
                None => None,
            };
            let pupil = match p.contribution_id {
                Some(id) => match contributions::one(&self.conn, id)? {
                    Some(c) => pupils::pupil(&self.conn, c.pupil_id)?
                        .map(|x| format!("{} ({})", x.display(), x.class_name)),
                    None => None,
                },
                None => None,
            };
            let (payout_date, received_on) = p
                .payout
                .as_ref()
                .and_then(|r| arrivals.get(r).copied())
                .unwrap_or((None, None));
            out.push(Payment {
                id: p.id,
                ext_id: p.ext_id,
                date: p.date,
                payer: p.payer,
                form: p.form,
                amount: p.amount,
                fee: p.fee,
                status: p.status,
                payout: p.payout,
                piece,
                linked: p.linked,
                pupil,
                to_assign: p.to_assign,
                payout_date,
                received_on,
            });
        }
        Ok(out)
    }

    /// Every payout with its payments, oldest first.
    pub fn payouts(&self) -> Result<Vec<Payout>> {
        let mut out = Vec::new();
        for payout in payouts::all(&self.conn)? {
            let (count, gross, fees) = net_of(&payments::of_payout(&self.conn, &payout.reference)?);
            let state = match payouts::arrival(&self.conn, &payout)? {
                Some((on, piece)) => PayoutState::Received { on, piece },
                None => PayoutState::Announced,
            };
            out.push(Payout {
                reference: payout.reference,
                date: payout.date,
                payments: count,
                gross,
                fees,
                net: gross - fees,
                state,
            });
        }
        Ok(out)
    }
}
