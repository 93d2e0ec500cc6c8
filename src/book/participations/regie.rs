//! Régies d'avance of class coops: advance, class expenses, return, and the
//! balance of each class's régie (given − spent − returned).

use super::{field_refused, refused};
use crate::book::Book;
use crate::domain::participation::clean_field;
use crate::domain::participation::pupils::MAX_NAME;
use crate::domain::participation::regie::{
    REGIE_ACCOUNT, build_regie_entry, check_regie_dates, first_shortfall, live_balance,
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
        let class = pupils::class(&self.conn, request.class_id, exercice)?.ok_or_else(|| {
            field_refused(
                Field::Classe,
                format!(
                    "n° {} inconnue dans l'exercice {exercice}",
                    request.class_id
                ),
            )
        })?;
        // The class's moves, read once: its balance and its dates come from them.
        let mut moves = live_moves(&regie::class_moves(&self.conn, exercice, class.id)?, None);
        let balance = live_balance(&moves);
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
        regie_balances(&self.conn, self.exercice())
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

/// The régies of `exercice`'s classes that have moves, as [`Book::regies`]
/// shows them (the closing list reads them for any exercice).
pub(crate) fn regie_balances(
    conn: &rusqlite::Connection,
    exercice: crate::domain::Exercice,
) -> Result<Vec<RegieBalance>> {
    let moves = regie::moves(conn, exercice)?;
    let mut out: Vec<RegieBalance> = Vec::new();
    for class in pupils::classes(conn, exercice)? {
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

/// The moves not cancelled (date, kind, amount), leaving out the one of
/// entry `without`.
fn live_moves(moves: &[RegieMove], without: Option<i64>) -> Vec<(NaiveDate, RegieKind, Money)> {
    moves
        .iter()
        .filter(|m| !m.cancelled && Some(m.entry_id) != without)
        .map(|m| (m.date, m.kind, m.amount))
        .collect()
}

impl Book {
    /// Cancelling a move must leave the régie at zero or more on every
    /// date (only an advance can lower it): refused, naming what to cancel
    /// first.
    pub(crate) fn refuse_emptying_a_regie(&self, entry_id: i64) -> Result<()> {
        let exercice = self.exercice();
        let Some(class_id) = regie::move_class(&self.conn, exercice, entry_id)? else {
            return Ok(());
        };
        let moves = regie::class_moves(&self.conn, exercice, class_id)?;
        let Some(cancelled) = moves.iter().find(|m| m.entry_id == entry_id) else {
            return Ok(());
        };
        let live = live_moves(&moves, None);
        let Some(class) = pupils::class(&self.conn, class_id, exercice)? else {
            return Ok(());
        };
        if live.is_empty() {
            return Ok(());
        }
        let left = live_moves(&moves, Some(entry_id));
        let Some((date, balance)) = first_shortfall(&left) else {
            return Ok(());
        };
        let before = live_balance(&live);
        if cancelled.kind == RegieKind::Avance && before < cancelled.amount {
            return Err(refused(format!(
                "{} : la régie {} n'a plus que {before} sur cette avance de {} ; annulez d'abord ses dépenses ou enregistrez le reliquat rendu",
                cancelled.piece, class.name, cancelled.amount
            )));
        }
        Err(refused(format!(
            "{} : sans ce mouvement, la régie {} serait à {balance} le {} ; annulez d'abord les dépenses de cette date ou datez-les après une autre avance",
            cancelled.piece,
            class.name,
            format_date(date)
        )))
    }

    /// Cancels a move of a régie by a reversing entry (nothing deleted).
    pub fn cancel_regie_move(&mut self, entry_id: i64) -> Result<i64> {
        if regie::move_class(&self.conn, self.exercice(), entry_id)?.is_none() {
            return Err(refused(format!(
                "Régie : l'écriture n° {entry_id} n'est pas un mouvement de régie"
            )));
        }
        self.cancel_entry(entry_id)
    }
}
