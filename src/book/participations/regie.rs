//! Régies d'avance of class coops: advance, class expenses, return, and the
//! balance of each class's régie (given − spent − returned).

use super::{field_refused, refused};
use crate::book::Book;
use crate::domain::participation::clean_field;
use crate::domain::participation::pupils::MAX_NAME;
use crate::domain::participation::regie::{
    REGIE_ACCOUNT, build_regie_entry, check_regie_dates, first_shortfall,
};
use crate::domain::participation::{RegieBalance, RegieKind, RegieMove, RegieRequest};
use crate::domain::{Field, FieldError, FieldErrors, Money, format_date};
use chrono::NaiveDate;

use crate::store::Result;
use crate::store::entries::next_piece;
use crate::store::participations::{pupils, regie};

impl Book {
    /// Records one move of a class's régie (advance from the Caisse, an
    /// expense of the class, or the return of what is left) as one balanced
    /// entry on account 467. Returns the entry's id. An advance goes to the
    /// class's teacher as the books know it.
    pub fn record_regie(&mut self, request: &RegieRequest) -> Result<i64> {
        self.record_regie_move(request, None)
    }

    /// Records an advance handed to `teacher` (required: the teacher who
    /// takes the cash and signs the receipt), kept as the class's teacher
    /// in the same transaction; other moves as [`Book::record_regie`].
    pub fn record_regie_to(&mut self, request: &RegieRequest, teacher: &str) -> Result<i64> {
        if request.kind != RegieKind::Avance {
            return self.record_regie_move(request, None);
        }
        let teacher = clean_field(Field::Enseignant, teacher, MAX_NAME);
        let teacher = match teacher {
            Ok(t) if t.is_empty() => Err(FieldError::new(
                Field::Enseignant,
                "vide : le nom de l'enseignant qui reçoit les espèces et signe le reçu est attendu",
            )),
            other => other,
        };
        self.record_regie_move(request, Some(teacher))
    }

    fn record_regie_move(
        &mut self,
        request: &RegieRequest,
        teacher: Option<std::result::Result<String, FieldError>>,
    ) -> Result<i64> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let class = pupils::classes(&self.conn, exercice)?
            .into_iter()
            .find(|c| c.id == request.class_id)
            .ok_or_else(|| {
                field_refused(
                    Field::Classe,
                    format!(
                        "n° {} inconnue dans l'exercice {exercice}",
                        request.class_id
                    ),
                )
            })?;
        let balance = self
            .regies()?
            .into_iter()
            .find(|r| r.class_id == class.id)
            .map(|r| r.balance())
            .unwrap_or_default();
        let mut request = request.clone();
        if request.piece.trim().is_empty() {
            request.piece = next_piece(&self.conn, exercice, request.kind.entry_kind())?;
        }
        let built = build_regie_entry(&request, &class.name, balance, &self.chart, exercice);
        let (entry, teacher) = match (built, teacher.transpose()) {
            (Ok(entry), Ok(teacher)) => (entry, teacher),
            (built, teacher) => {
                let mut errors = built.err().map(|e| e.0).unwrap_or_default();
                errors.extend(teacher.err());
                return Err(FieldErrors(errors).into());
            }
        };
        let new_teacher = teacher.filter(|t| *t != class.teacher);
        let mut moves = self.live_moves(class.id, None)?;
        let amount: Money = entry
            .lines()
            .iter()
            .filter(|l| l.account_code == REGIE_ACCOUNT)
            .map(|l| l.amount.abs())
            .sum();
        moves.push((entry.date, request.kind, amount));
        check_regie_dates(&class.name, &moves)?;
        self.write(exercice, |w| {
            let (id, audit) = crate::book::insert_checked(w, &entry, "regie")?;
            regie::insert(
                w.tx,
                class.id,
                request.kind,
                id,
                request.receipt_no.trim(),
                w.now,
            )?;
            if let Some(teacher) = &new_teacher {
                pupils::set_teacher(w.tx, class.id, teacher)?;
            }
            Ok((id, audit))
        })
    }

    /// Every move of the régies of the exercice being kept, by date.
    pub fn regie_moves(&self) -> Result<Vec<RegieMove>> {
        regie::moves(&self.conn, self.exercice())
    }

    /// The régie of each class that has one: given, spent, returned and the
    /// balance (cancelled moves left out), by class name.
    pub fn regies(&self) -> Result<Vec<RegieBalance>> {
        let moves = self.regie_moves()?;
        let mut out: Vec<RegieBalance> = Vec::new();
        for class in pupils::classes(&self.conn, self.exercice())? {
            let mine: Vec<&RegieMove> = moves
                .iter()
                .filter(|m| m.class_id == class.id && !m.cancelled)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let mut balance = RegieBalance {
                class_id: class.id,
                class_name: class.name.clone(),
                teacher: class.teacher.clone(),
                given: Default::default(),
                spent: Default::default(),
                returned: Default::default(),
            };
            for m in mine {
                balance.add(m.kind, m.amount);
            }
            out.push(balance);
        }
        Ok(out)
    }

    /// Régies not settled (balance not zero): flagged at year end.
    pub fn unsettled_regies(&self) -> Result<Vec<RegieBalance>> {
        Ok(self
            .regies()?
            .into_iter()
            .filter(RegieBalance::is_unsettled)
            .collect())
    }
}

impl Book {
    /// The moves of a class's régie not cancelled (date, kind, amount),
    /// leaving out the one of entry `without`.
    fn live_moves(
        &self,
        class_id: i64,
        without: Option<i64>,
    ) -> Result<Vec<(NaiveDate, RegieKind, Money)>> {
        Ok(self
            .regie_moves()?
            .into_iter()
            .filter(|m| m.class_id == class_id && !m.cancelled && Some(m.entry_id) != without)
            .map(|m| (m.date, m.kind, m.amount))
            .collect())
    }

    /// Cancelling a move must leave the régie at zero or more on every
    /// date (only an advance can lower it): refused, naming what to cancel
    /// first.
    pub(crate) fn refuse_emptying_a_regie(&self, entry_id: i64) -> Result<()> {
        if !regie::is_regie_entry(&self.conn, entry_id)? {
            return Ok(());
        }
        let moves = self.regie_moves()?;
        let Some(cancelled) = moves.iter().find(|m| m.entry_id == entry_id) else {
            return Ok(());
        };
        let Some(regie) = self
            .regies()?
            .into_iter()
            .find(|r| r.class_id == cancelled.class_id)
        else {
            return Ok(());
        };
        let left = self.live_moves(cancelled.class_id, Some(entry_id))?;
        let Some((date, balance)) = first_shortfall(&left) else {
            return Ok(());
        };
        if cancelled.kind == RegieKind::Avance && regie.balance() < cancelled.amount {
            return Err(refused(format!(
                "{} : la régie {} n'a plus que {} sur cette avance de {} ; annulez d'abord ses dépenses ou enregistrez le reliquat rendu",
                cancelled.piece,
                regie.class_name,
                regie.balance(),
                cancelled.amount
            )));
        }
        Err(refused(format!(
            "{} : sans ce mouvement, la régie {} serait à {balance} le {} ; annulez d'abord les dépenses de cette date ou datez-les après une autre avance",
            cancelled.piece,
            regie.class_name,
            format_date(date)
        )))
    }

    /// Cancels a move of a régie by a reversing entry (nothing deleted).
    pub fn cancel_regie_move(&mut self, entry_id: i64) -> Result<i64> {
        if !self.regie_moves()?.iter().any(|m| m.entry_id == entry_id) {
            return Err(refused(format!(
                "Régie : l'écriture n° {entry_id} n'est pas un mouvement de régie"
            )));
        }
        self.cancel_entry(entry_id)
    }
}
