//! Correcting the setup while the exercice is open: the coop's name and the
//! opening balances (the report à nouveau) of the exercice being kept.

use super::Book;
use super::write::Audit;
use crate::domain::opening::carried_opening;
use crate::domain::opening::{build_opening, check_opening};
use crate::domain::{Entry, EntryKind, Field, FieldError, Money, MoneyKey};
use crate::store::{self, Result};

/// What the settings popup (or `coopcompta settings`) asks to change;
/// `None` and keys left out stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SettingsRequest {
    pub coop_name: Option<String>,
    pub openings: Vec<(MoneyKey, Money)>,
}

impl Book {
    /// The opening balance of each money account in the exercice being kept.
    pub fn openings(&self) -> Result<Vec<(MoneyKey, Money)>> {
        let opening = self.opening_entry()?;
        Ok(self.opening_amounts(opening.as_ref()))
    }

    fn opening_entry(&self) -> Result<Option<Entry>> {
        Ok(self
            .entries(self.exercice())?
            .into_iter()
            .find(|e| e.kind == EntryKind::Ouverture && !e.is_cancelled()))
    }

    fn opening_amounts(&self, opening: Option<&Entry>) -> Vec<(MoneyKey, Money)> {
        MoneyKey::ALL
            .into_iter()
            .filter_map(|key| {
                let account = self.account(key)?;
                let amount = opening.map_or(Money::ZERO, |e| e.amount_on(&account.code));
                Some((key, amount))
            })
            .collect()
    }

    /// Changes the coop's name and opening balances in one audited
    /// transaction, with the rules of the first launch (a caisse and the
    /// collectes en ligne never below zero, the caisse on no day after).
    /// Returns what changed, one French line each (empty: nothing to do).
    pub fn update_settings(&mut self, request: &SettingsRequest) -> Result<Vec<String>> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let mut changes = Vec::new();
        let old_name = self.coop.name.clone();
        let name = match &request.coop_name {
            Some(typed) => super::check_coop_name(typed)?,
            None => old_name.clone(),
        };
        if name != old_name {
            changes.push(format!("Nom : « {old_name} » → « {name} »"));
        }
        let opening = self.opening_entry()?;
        let before = self.opening_amounts(opening.as_ref());
        let mut after = before.clone();
        for (i, (key, amount)) in request.openings.iter().enumerate() {
            if request.openings[..i].iter().any(|(k, _)| k == key) {
                return Err(FieldError::new(
                    Field::Ouverture,
                    format!("« {} » donné deux fois", key.key()),
                )
                .into());
            }
            check_opening(*key, *amount)?;
            match after.iter_mut().find(|(k, _)| k == key) {
                Some(slot) => slot.1 = *amount,
                None => {
                    return Err(FieldError::new(
                        Field::Ouverture,
                        format!("le compte « {} » manque au plan comptable", key.key()),
                    )
                    .into());
                }
            }
        }
        for ((key, old), (_, new)) in before.iter().zip(&after) {
            if old != new {
                changes.push(format!("Solde d'ouverture {} : {old} → {new}", key.label()));
            }
        }
        if changes.is_empty() {
            return Ok(changes);
        }
        // Balance-sheet lines a closing carried (régies 467, OCCE advance
        // 1680) stay in the rebuilt opening.
        let carried: Vec<(String, Money)> = opening
            .iter()
            .flat_map(|e| e.lines.iter())
            .filter(|l| {
                l.account_code != crate::domain::entry_request::REPORT_A_NOUVEAU
                    && !self
                        .chart
                        .iter()
                        .any(|a| a.code == l.account_code && a.money_key.is_some())
            })
            .map(|l| (l.account_code.clone(), l.amount))
            .collect();
        let new_opening = if carried.is_empty() {
            build_opening(exercice, &after, &self.chart)?
        } else {
            carried_opening(exercice, &after, &carried, &self.chart)?
        };
        if opening.is_some() && new_opening.is_none() {
            return Err(FieldError::new(
                Field::Ouverture,
                "tous les soldes d'ouverture seraient à zéro : le report à nouveau garde au moins un solde (saisissez par exemple caisse=0,01 puis une dépense, ou gardez les soldes actuels)",
            )
            .into());
        }
        let describe = |name: &str, amounts: &[(MoneyKey, Money)]| {
            let amounts: Vec<String> = amounts
                .iter()
                .map(|(k, m)| format!("{} {}", k.key(), m.std()))
                .collect();
            format!("nom {name} | ouverture {}", amounts.join(", "))
        };
        let audit = Audit::new("reglages", "coop")
            .before(describe(&old_name, &before))
            .after(describe(&name, &after));
        self.write(exercice, |w| {
            if name != old_name {
                store::coop::rename(w.tx, &name)?;
            }
            if let Some(new) = &new_opening {
                let removed = match &opening {
                    Some(old) => {
                        store::entries::replace(w.tx, old.id, new)?;
                        old.lines.as_slice()
                    }
                    None => {
                        store::entries::insert(w.tx, exercice, new, w.now)?;
                        &[]
                    }
                };
                super::refuse_negative_caisse(
                    w.tx,
                    exercice,
                    w.chart,
                    exercice.first_day(),
                    new.lines(),
                    removed,
                )?;
            }
            Ok(((), audit))
        })?;
        self.coop = store::coop::require(&self.conn)?;
        Ok(changes)
    }
}
