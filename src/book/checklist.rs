//! The migration checklist as the user acts on it.

use super::Book;
use super::write::Audit;
use crate::domain::checklist::{BookFacts, Step, StepStatus, StepTemplate, StepView, evaluate};
use crate::domain::closest::closest;
use crate::domain::{Field, FieldError, Money, MoneyKey, parse_date, text, text::shown};
use crate::store::{self, Result, StoreError};

/// Code of the OCCE emergency advance (a debt) in the chart.
pub const OCCE_ADVANCE: &str = "1680";

impl Book {
    /// What the books say for the derived steps.
    pub fn checklist_facts(&self) -> Result<BookFacts> {
        let id = |key: MoneyKey| self.account(key).map(|a| a.id);
        let transfer = |from: MoneyKey, to: MoneyKey| match (id(from), id(to)) {
            (Some(f), Some(t)) => store::checklist::first_transfer(&self.conn, f, t),
            _ => Ok(None),
        };
        let balances = self.balances(self.exercice(), None)?;
        let lbp_balance = balances
            .iter()
            .find(|(k, _)| *k == MoneyKey::Lbp)
            .map(|(_, m)| *m)
            .unwrap_or_default();
        let (credited, debited, last_debit) =
            match store::accounts::id_of(&self.conn, OCCE_ADVANCE)? {
                Some(account) => store::checklist::account_movements(&self.conn, account)?,
                None => (0, 0, None),
            };
        let outstanding = Money::from_cents(credited - debited);
        Ok(BookFacts {
            lbp_transfer_on: transfer(MoneyKey::Lbp, MoneyKey::Pro)?,
            lbp_balance,
            lbp_transfer_matched: match (id(MoneyKey::Lbp), id(MoneyKey::Pro)) {
                (Some(f), Some(t)) => {
                    store::checklist::transfer_matched_both_sides(&self.conn, f, t)?
                }
                _ => None,
            },
            cheques_to_return: self.cheques_to_return()?,
            cheques_received: store::participations::contributions::cheques_received(&self.conn)?,
            first_payout_on: transfer(MoneyKey::EnLigne, MoneyKey::Pro)?,
            advance_received: Money::from_cents(credited),
            advance_outstanding: outstanding,
            advance_repaid_on: if outstanding.is_positive() {
                None
            } else {
                last_debit
            },
        })
    }

    /// The stored steps, hidden ones included (the default list is written
    /// when the database is created or upgraded).
    pub fn checklist_steps(&self) -> Result<Vec<Step>> {
        store::checklist::load(&self.conn)
    }

    /// The visible steps as shown: effective status, urgent first.
    pub fn checklist(&self) -> Result<Vec<StepView>> {
        let steps = self.checklist_steps()?;
        Ok(evaluate(&steps, &self.checklist_facts()?))
    }

    /// The step with this key, or an error naming the closest keys.
    fn find_step(&self, key: &str) -> Result<Step> {
        let steps = self.checklist_steps()?;
        let wanted = key.trim();
        if let Some(step) = steps.iter().find(|s| s.key == wanted) {
            return Ok(step.clone());
        }
        let near = closest(wanted, steps.iter().map(|s| s.key.as_str()), 3);
        Err(FieldError::new(
            Field::Etape,
            format!(
                "« {} » inconnue : vouliez-vous dire {} ?",
                shown(wanted),
                near.join(", ")
            ),
        )
        .into())
    }

    fn checklist_action(
        &mut self,
        key: &str,
        what: &'static str,
        act: impl FnOnce(&rusqlite::Transaction) -> Result<()>,
    ) -> Result<()> {
        self.write(self.exercice(), |w| {
            act(w.tx)?;
            Ok(((), Audit::new(what, "etape").after(key)))
        })
    }

    /// Sets a step's status by hand (a derived step then keeps it: the
    /// books no longer decide until it is reset).
    pub fn checklist_set(
        &mut self,
        key: &str,
        status: StepStatus,
        date: Option<&str>,
        note: Option<&str>,
    ) -> Result<()> {
        let step = self.find_step(key)?;
        let done_on = match (status, date) {
            (StepStatus::Fait, Some(text)) => Some(
                parse_date(text, self.exercice())
                    .map_err(|e| FieldError::new(Field::Date, e.to_string()))?,
            ),
            (StepStatus::Fait, None) => Some(self.clock.today()),
            _ => None,
        };
        self.checklist_action(&step.key, status.key(), |tx| {
            store::checklist::set_status(tx, &step.key, status, done_on, note)
        })
    }

    /// Marks a step done with the prerequisites the user agreed to mark
    /// too ("Marquer aussi comme faites : …"), on the same date, in one
    /// transaction.
    pub fn checklist_done_with(
        &mut self,
        key: &str,
        also: &[String],
        date: Option<&str>,
    ) -> Result<()> {
        let step = self.find_step(key)?;
        let others = also
            .iter()
            .map(|k| self.find_step(k).map(|s| s.key))
            .collect::<Result<Vec<String>>>()?;
        let done_on = match date {
            Some(text) => parse_date(text, self.exercice())
                .map_err(|e| FieldError::new(Field::Date, e.to_string()))?,
            None => self.clock.today(),
        };
        let mut keys = vec![step.key];
        keys.extend(others);
        let after = keys.join(", ");
        self.write(self.exercice(), |w| {
            for key in &keys {
                store::checklist::set_status(w.tx, key, StepStatus::Fait, Some(done_on), None)?;
            }
            Ok(((), Audit::new(StepStatus::Fait.key(), "etape").after(after)))
        })
    }

    /// Back to "à faire"; a derived step follows the books again.
    pub fn checklist_reset(&mut self, key: &str) -> Result<()> {
        let step = self.find_step(key)?;
        self.checklist_action(&step.key, "remise a faire", |tx| {
            store::checklist::reset(tx, &step.key)
        })
    }

    pub fn checklist_note(&mut self, key: &str, note: &str) -> Result<()> {
        let step = self.find_step(key)?;
        let note = text::clean_text(Field::Note, note, text::MAX_NOTE)?;
        self.checklist_action(&step.key, "note", |tx| {
            store::checklist::set_note(tx, &step.key, &note)
        })
    }

    /// Hides a step that does not apply (or shows it again).
    pub fn checklist_hide(&mut self, key: &str, hidden: bool) -> Result<()> {
        let step = self.find_step(key)?;
        self.checklist_action(
            &step.key,
            if hidden { "masquage" } else { "affichage" },
            |tx| store::checklist::set_hidden(tx, &step.key, hidden),
        )
    }

    /// Moves a step one place up or down in the list as shown, in one
    /// transaction. Returns false when it is already first or last.
    pub fn checklist_move(&mut self, key: &str, up: bool) -> Result<bool> {
        let step = self.find_step(key)?;
        let mut order: Vec<String> = self.checklist()?.into_iter().map(|v| v.key).collect();
        let Some(at) = order.iter().position(|k| *k == step.key) else {
            return Ok(false);
        };
        let other = if up {
            at.checked_sub(1)
        } else {
            Some(at + 1).filter(|i| *i < order.len())
        };
        let Some(other) = other else {
            return Ok(false);
        };
        order.swap(at, other);
        let hidden: Vec<String> = self
            .checklist_steps()?
            .into_iter()
            .filter(|s| s.hidden)
            .map(|s| s.key)
            .collect();
        self.checklist_action(&step.key, "deplacement", |tx| {
            for (i, key) in order.iter().chain(&hidden).enumerate() {
                store::checklist::set_position(tx, key, (i as i64 + 1) * 10)?;
            }
            Ok(())
        })?;
        Ok(true)
    }

    /// Shows every hidden step again, in one transaction; returns how many.
    pub fn checklist_show_hidden(&mut self) -> Result<usize> {
        let hidden: Vec<String> = self
            .checklist_steps()?
            .into_iter()
            .filter(|s| s.hidden)
            .map(|s| s.key)
            .collect();
        if !hidden.is_empty() {
            self.checklist_action(&hidden.join(", "), "affichage", |tx| {
                hidden
                    .iter()
                    .try_for_each(|key| store::checklist::set_hidden(tx, key, false))
            })?;
        }
        Ok(hidden.len())
    }

    /// Adds a step of the user's own at the end; returns its key.
    pub fn checklist_add(&mut self, title: &str, help: &str) -> Result<String> {
        let title = &text::required_text(
            Field::Libelle,
            title,
            text::MAX_LABEL,
            "vide : donnez un titre à l'étape",
        )?;
        let help = &text::clean_text(Field::Note, help, text::MAX_NOTE)?;
        let steps = self.checklist_steps()?;
        let base: String = crate::domain::text::fold(title)
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect::<String>()
            .split('-')
            .filter(|p| !p.is_empty())
            .take(4)
            .collect::<Vec<_>>()
            .join("-");
        let base = if base.is_empty() {
            "etape".to_string()
        } else {
            base
        };
        let key = (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|k| !steps.iter().any(|s| &s.key == k))
            .unwrap_or(base);
        let position = store::checklist::max_position(&self.conn)? + 10;
        let template = StepTemplate {
            key: key.clone(),
            title: title.into(),
            help: help.clone(),
            prerequisites: vec![],
            derive: None,
        };
        self.checklist_action(&key, "ajout", |tx| {
            store::checklist::upsert_template_step(tx, &template, position, true)
        })?;
        Ok(key)
    }

    /// Loads a template: steps the user has not touched are replaced (or
    /// hidden if the template drops them); statuses already set are kept.
    pub fn load_checklist_template(&mut self, template: &[StepTemplate]) -> Result<()> {
        if template.is_empty() {
            return Err(StoreError::Refused(
                "la liste des étapes est vide : rien n'a été changé".into(),
            ));
        }
        let existing = store::checklist::load(&self.conn)?;
        self.write(self.exercice(), |w| {
            let tx = w.tx;
            for (i, step) in template.iter().enumerate() {
                let position = (i as i64 + 1) * 10;
                match existing.iter().find(|s| s.key == step.key) {
                    Some(kept) if !kept.is_untouched() => {
                        store::checklist::set_position(tx, &kept.key, position)?
                    }
                    _ => store::checklist::upsert_template_step(tx, step, position, false)?,
                }
            }
            let mut next = (template.len() as i64 + 1) * 10;
            for step in existing
                .iter()
                .filter(|s| !template.iter().any(|t| t.key == s.key))
            {
                if step.is_untouched() {
                    store::checklist::set_hidden(tx, &step.key, true)?;
                } else {
                    store::checklist::set_position(tx, &step.key, next)?;
                    next += 10;
                }
            }
            let audit = Audit::new("modele", "etapes").after(format!("{} étapes", template.len()));
            Ok(((), audit))
        })
    }
}
