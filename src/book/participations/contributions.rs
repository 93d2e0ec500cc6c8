//! Recording contributions (a class's envelope in one action), cancelling
//! them, and the cheques to give back.

use super::{field_refused, refused};
use crate::book::Book;
use crate::book::write::Audit;
use crate::domain::entry_request::build_entry;
use crate::domain::participation::contribution::{check_envelope, envelope_entry, single_entry};
use crate::domain::participation::pupils::MAX_NAME;
use crate::domain::participation::{
    Channel, Contribution, ContributionLine, EnvelopeRequest, Pupil,
};
use crate::domain::piece::{piece_number, reversal_piece};
use crate::domain::{EntryKind, Exercice, Field, Money, NewEntry, format_date, parse_date};
use crate::store::entries::next_piece;
use crate::store::participations::{campaigns, contributions, pupils};
use crate::store::{self, Result, audit};
use rusqlite::Transaction;

/// What recording an envelope wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EnvelopeReceipt {
    /// The caisse recette of the cash part (one pièce for the envelope).
    pub cash_entry: Option<i64>,
    /// Its pièce (the bordereau's number), e.g. "R012".
    pub cash_piece: Option<String>,
    /// One recette per online or virement contribution.
    pub other_entries: Vec<i64>,
    /// Every contribution written, in the order of the lines.
    pub contributions: Vec<i64>,
    /// Money that reached an account (cheques aside).
    pub collected: Money,
    /// Cheques recorded as received, to give back.
    pub cheques: usize,
}

impl Book {
    /// Records a class's envelope in ONE transaction: the cash lines become
    /// one caisse recette (pièce = the bordereau) on the campaign's category,
    /// with one contribution per pupil linked to it; each online or virement
    /// line its own recette; each cheque a "chèque reçu, à rendre" with no
    /// entry. A refused envelope writes nothing.
    pub fn record_envelope(&mut self, request: &EnvelopeRequest) -> Result<EnvelopeReceipt> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let campaign = campaigns::one(&self.conn, request.campaign_id)?
            .filter(|c| c.exercice == exercice)
            .ok_or_else(|| {
                field_refused(
                    Field::Campagne,
                    format!(
                        "n° {} inconnue dans l'exercice {exercice}",
                        request.campaign_id
                    ),
                )
            })?;
        let class = pupils::class(&self.conn, request.class_id, exercice)?.ok_or_else(|| {
            field_refused(
                Field::Classe,
                format!(
                    "n° {} inconnue dans l'exercice {exercice}",
                    request.class_id
                ),
            )
        })?;
        let mut involved: Vec<Pupil> = Vec::with_capacity(request.lines.len());
        for line in &request.lines {
            if let Some(p) = pupils::pupil(&self.conn, line.pupil_id)?
                && !involved.iter().any(|known| known.id == p.id)
                && (p.class_id == class.id
                    || pupils::class(&self.conn, p.class_id, exercice)?.is_some())
            {
                involved.push(p);
            }
        }
        let envelope = check_envelope(request, &campaign, &involved, exercice)?;
        let first = next_piece(&self.conn, exercice, EntryKind::Recette)?;
        let mut number: u32 = first[1..].parse().unwrap_or(1);
        let mut entries = Vec::new();
        let mut receipt = EnvelopeReceipt::default();
        if let Some(request) = envelope_entry(
            &campaign,
            &class.name,
            &envelope,
            &piece_number(EntryKind::Recette, number),
        ) {
            receipt.cash_piece = Some(request.piece.clone());
            entries.push((None, build_entry(&request, &self.chart, exercice)?));
            number += 1;
        }
        for (index, line) in envelope.lines.iter().enumerate() {
            let class_name = involved
                .iter()
                .find(|p| p.id == line.pupil_id)
                .map_or("", |p| p.class_name.as_str());
            if let Some(request) = single_entry(
                &campaign,
                class_name,
                line,
                envelope.date,
                &piece_number(EntryKind::Recette, number),
            ) {
                entries.push((Some(index), build_entry(&request, &self.chart, exercice)?));
                number += 1;
            }
        }
        self.write(exercice, |w| {
        let (tx, now) = (w.tx, w.now);
        let mut line_entry: Vec<Option<i64>> = vec![None; envelope.lines.len()];
        for (line, entry) in &entries {
            let id = store::entries::insert(tx, exercice, entry, now)?;
            match line {
                None => {
                    receipt.cash_entry = Some(id);
                    for (i, l) in envelope.lines.iter().enumerate() {
                        if l.channel == Channel::Especes {
                            line_entry[i] = Some(id);
                        }
                    }
                }
                Some(i) => {
                    line_entry[*i] = Some(id);
                    receipt.other_entries.push(id);
                }
            }
        }
        for (line, entry_id) in envelope.lines.iter().zip(&line_entry) {
            let id = contributions::insert(tx, campaign.id, line, envelope.date, *entry_id, now)?;
            receipt.contributions.push(id);
            if line.channel == Channel::Cheque {
                receipt.cheques += 1;
            } else {
                receipt.collected += line.amount;
            }
        }
        let audit = Audit::new("ajout", "participations")
            .id(receipt.cash_entry)
            .after(format!(
                "campagne n° {}, classe n° {}, {} participations ({} espèces{}, {} autres écritures, {} chèques à rendre)",
                campaign.id,
                class.id,
                envelope.lines.len(),
                envelope.total_of(Channel::Especes).std(),
                receipt
                    .cash_piece
                    .as_deref()
                    .map(|p| format!(" en {p}"))
                    .unwrap_or_default(),
                receipt.other_entries.len(),
                receipt.cheques
            ));
        Ok((receipt, audit))
        })
    }

    /// Records one contribution (an envelope of one line, in the pupil's class).
    pub fn record_contribution(
        &mut self,
        campaign_id: i64,
        pupil_id: i64,
        line: ContributionLine,
        date: &str,
    ) -> Result<EnvelopeReceipt> {
        let pupil = pupils::pupil(&self.conn, pupil_id)?
            .ok_or_else(|| field_refused(Field::Eleve, format!("n° {pupil_id} inconnu")))?;
        self.record_envelope(&EnvelopeRequest {
            campaign_id,
            class_id: pupil.class_id,
            date: date.to_string(),
            lines: vec![ContributionLine { pupil_id, ..line }],
        })
    }

    /// Every contribution of a campaign (cancelled ones flagged).
    pub fn contributions(&self, campaign_id: i64) -> Result<Vec<Contribution>> {
        contributions::for_campaign(&self.conn, campaign_id)
    }

    /// The detail of a recette: the contributions it holds, with their
    /// pupils (a class's envelope lists each pupil).
    pub fn entry_contributions(&self, entry_id: i64) -> Result<Vec<(Contribution, Pupil)>> {
        let mut out = Vec::new();
        for c in contributions::for_entry(&self.conn, entry_id)? {
            if let Some(p) = pupils::pupil(&self.conn, c.pupil_id)? {
                out.push((c, p));
            }
        }
        Ok(out)
    }

    /// The cheques received and not yet given back, oldest first.
    pub fn pending_cheques(&self) -> Result<Vec<Contribution>> {
        contributions::pending_cheques(&self.conn)
    }

    /// Every cheque received, given back or not (cancelled ones left out),
    /// oldest first: a returned one keeps its date and who took it.
    pub fn all_cheques(&self) -> Result<Vec<Contribution>> {
        contributions::all_cheques(&self.conn)
    }

    /// Marks a cheque as given back ("rendu le jj/mm").
    pub fn return_cheque(&mut self, id: i64, date: &str) -> Result<()> {
        self.return_cheque_to(id, date, "")
    }

    /// Marks a cheque as given back on `date`, to or by `by` (free text,
    /// may be empty: "Mme Martin", "remis à l'enseignante").
    pub fn return_cheque_to(&mut self, id: i64, date: &str, by: &str) -> Result<()> {
        let cheque = contributions::one(&self.conn, id)?
            .filter(|c| c.channel == Channel::Cheque)
            .ok_or_else(|| refused(format!("Chèque : n° {id} inconnu")))?;
        if cheque.cancelled {
            return Err(refused(format!("Chèque : n° {id} a été annulé")));
        }
        if let Some(done) = cheque.returned_on {
            return Err(refused(format!(
                "Chèque : n° {id} a déjà été rendu le {}",
                format_date(done)
            )));
        }
        let date = parse_date(date, self.exercice())
            .map_err(|e| field_refused(Field::Date, e.to_string()))?;
        if date < cheque.date {
            return Err(field_refused(
                Field::Date,
                format!(
                    "« {} » est avant la réception du chèque ({})",
                    format_date(date),
                    format_date(cheque.date)
                ),
            ));
        }
        let by = crate::domain::participation::clean_field(Field::RenduA, by, MAX_NAME)?;
        self.write(Exercice::of(date), |w| {
            contributions::mark_returned(w.tx, id, date, &by)?;
            // Who took it is a name: kept on the row (anonymised at year
            // end), never in the trail.
            let audit = Audit::new("rendu", "cheque")
                .id(Some(id))
                .after(format!("rendu le {date}"));
            Ok(((), audit))
        })
    }

    /// Cancels one contribution: a cheque by its status; an online or
    /// virement one by reversing its recette; a cash one only if it is alone
    /// in its envelope (otherwise cancel the envelope with
    /// [`Book::cancel_envelope`] and record it again). Nothing is deleted.
    pub fn cancel_contribution(&mut self, id: i64) -> Result<()> {
        let contribution = contributions::one(&self.conn, id)?
            .ok_or_else(|| refused(format!("Participation : n° {id} inconnue")))?;
        if contribution.cancelled {
            return Err(refused(format!("Participation : n° {id} est déjà annulée")));
        }
        match contribution.entry_id {
            None => {
                if contribution.returned_on.is_some() {
                    return Err(refused(format!("Chèque : n° {id} a déjà été rendu")));
                }
                self.write(self.exercice(), |w| {
                    contributions::mark_cancelled(w.tx, id, w.now)?;
                    Ok(((), Audit::new("annulation", "participation").id(Some(id))))
                })
            }
            Some(entry_id) => {
                let held = contributions::for_entry(&self.conn, entry_id)?;
                if held.len() > 1 {
                    return Err(refused(format!(
                        "Participation : n° {id} fait partie du bordereau {} ({} élèves) : annulez le bordereau entier puis ressaisissez-le",
                        contribution.piece.unwrap_or_default(),
                        held.len()
                    )));
                }
                self.cancel_envelope(entry_id).map(|_| ())
            }
        }
    }

    /// Cancels a recette holding contributions (a class's envelope, or one
    /// online or virement contribution): a reversing entry, and every
    /// contribution it holds marked cancelled. Returns the reversal's id.
    pub fn cancel_envelope(&mut self, entry_id: i64) -> Result<i64> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let held = contributions::for_entry(&self.conn, entry_id)?;
        let original = self
            .entry(entry_id)?
            .filter(|_| !held.is_empty())
            .ok_or_else(|| {
                refused(format!(
                    "Écriture : n° {entry_id} ne contient pas de participations"
                ))
            })?;
        if original.exercice != exercice || original.is_cancelled() {
            return Err(refused(format!(
                "{} ne peut plus être annulée (déjà annulée, ou d'un autre exercice)",
                original.piece
            )));
        }
        let used = store::entries::pieces(&self.conn, exercice)?;
        let piece = reversal_piece(&original.piece, used.iter().map(String::as_str));
        let reversal =
            NewEntry::reversal_of(&original, self.default_date().max(original.date), piece);
        self.write(exercice, |w| {
            let rid = store::entries::insert(w.tx, exercice, &reversal, w.now)?;
            crate::book::refuse_negative_caisse(
                w.tx,
                exercice,
                w.chart,
                reversal.date,
                reversal.lines(),
                &[],
            )?;
            cancel_held(w.tx, &held, w.now)?;
            let audit = Audit::new("annulation", "participations")
                .id(Some(entry_id))
                .before(audit::describe(&original))
                .after(format!(
                    "annulée par {} ({} participations)",
                    reversal.piece,
                    held.len()
                ));
            Ok((rid, audit))
        })
    }
}

fn cancel_held(tx: &Transaction, held: &[Contribution], now: &str) -> Result<()> {
    for c in held {
        contributions::mark_cancelled(tx, c.id, now)?;
    }
    Ok(())
}
