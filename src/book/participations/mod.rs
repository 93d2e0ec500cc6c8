//! Participations des familles as the user acts on them: classes and pupils
//! (by hand or imported), campaigns and their view. Contributions and cheques
//! are in `contributions`, the régies d'avance in `regie`. Each action is one
//! transaction; a refused one writes nothing.
//!
//! Privacy: pupils' names are never written in entries nor in the audit
//! trail (ids and counts only), so that they can be anonymised at year end
//! while the accounts stay intact.

mod contributions;
mod regie;
pub(crate) use regie::regie_balances;

pub use contributions::EnvelopeReceipt;

use super::Book;
use super::write::Audit;
use crate::domain::participation::campaign::check_campaign;
use crate::domain::participation::matching::{closest_pupils, did_you_mean, exact};
use crate::domain::participation::pupils::{MAX_NAME, check_import, check_pupil, class_key};
use crate::domain::participation::view::build_view;
use crate::domain::participation::{
    Campaign, CampaignRequest, CampaignView, Pupil, PupilInput, SchoolClass, clean_field,
};
use crate::domain::text::shown;
use crate::domain::{Exercice, Field, FieldError};
use crate::store::participations::{campaigns, pupils};
use crate::store::{self, Result, StoreError};
use std::collections::HashMap;

/// What an import did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub added: usize,
    /// Pupils already known (same nom, prénom and class): left as they were.
    pub already_present: usize,
    pub classes_created: Vec<String>,
}

/// A refusal that names no field of a form (a pupil or a campaign looked
/// up by name, an exercice not closed).
fn refused(message: impl Into<String>) -> StoreError {
    StoreError::Refused(message.into())
}

/// A refusal about one field.
fn field_refused(field: Field, message: impl Into<String>) -> StoreError {
    FieldError::new(field, message).into()
}

impl Book {
    /// The classes of the exercice being kept, by name, with their pupil counts.
    pub fn classes(&self) -> Result<Vec<SchoolClass>> {
        pupils::classes(&self.conn, self.exercice())
    }

    /// Every pupil of the exercice being kept, by nom and prénom.
    pub fn pupils(&self) -> Result<Vec<Pupil>> {
        pupils::pupils(&self.conn, self.exercice())
    }

    /// The pupils of one class (the quick entry screen loads them once, then
    /// filters with `participation::matching::search` on each key press).
    pub fn pupils_of_class(&self, class_id: i64) -> Result<Vec<Pupil>> {
        pupils::pupils_of_class(&self.conn, class_id)
    }

    pub fn pupil(&self, id: i64) -> Result<Option<Pupil>> {
        pupils::pupil(&self.conn, id)
    }

    /// Adds a class (or returns the existing one of that name).
    pub fn add_class(&mut self, name: &str, teacher: &str) -> Result<i64> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let name = clean_field(Field::Classe, name, MAX_NAME)?;
        let teacher = clean_field(Field::Enseignant, teacher, MAX_NAME)?;
        if class_key(&name).is_empty() {
            return Err(field_refused(
                Field::Classe,
                format!("« {} » : un nom est attendu (ex. CE1-B)", shown(&name)),
            ));
        }
        if let Some(class) = self
            .classes()?
            .into_iter()
            .find(|c| class_key(&c.name) == class_key(&name))
        {
            return Ok(class.id);
        }
        self.write(exercice, |w| {
            let id = pupils::insert_class(w.tx, exercice, &name, &teacher, w.now)?;
            Ok((id, Audit::new("ajout", "classe").id(Some(id)).after(&*name)))
        })
    }

    /// Sets the teacher of a class.
    pub fn set_class_teacher(&mut self, class_id: i64, teacher: &str) -> Result<()> {
        let teacher = clean_field(Field::Enseignant, teacher, MAX_NAME)?;
        let exercice = self.exercice();
        if pupils::class(&self.conn, class_id, exercice)?.is_none() {
            return Err(field_refused(
                Field::Classe,
                format!("n° {class_id} inconnue dans l'exercice {exercice}"),
            ));
        }
        self.write(exercice, |w| {
            pupils::set_teacher(w.tx, class_id, &teacher)?;
            let audit = Audit::new("modification", "classe")
                .id(Some(class_id))
                .after("enseignant");
            Ok(((), audit))
        })
    }

    /// Adds one pupil typed by hand (same rules as an import of one row).
    pub fn add_pupil(&mut self, input: &PupilInput) -> Result<ImportSummary> {
        let pupil = check_pupil(input)?;
        if self
            .pupils()?
            .iter()
            .any(|p| class_key(&p.class_name) == pupil.class_key && pupils_same(p, &pupil.key))
        {
            return Err(field_refused(
                Field::Eleve,
                format!(
                    "{} {} est déjà en {}",
                    pupil.nom.to_uppercase(),
                    pupil.prenom,
                    pupil.classe
                ),
            ));
        }
        self.import_pupils(std::slice::from_ref(input))
    }

    /// Imports a list of pupils in one transaction: every row is checked
    /// first, and one bad row imports nothing. Unknown classes are created;
    /// pupils already known are left as they are; siblings (same nom) share
    /// a family.
    pub fn import_pupils(&mut self, rows: &[PupilInput]) -> Result<ImportSummary> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let checked =
            check_import(rows).map_err(|e| refused(format!("aucun élève importé : {e}")))?;
        let mut classes: HashMap<String, i64> = pupils::classes(&self.conn, exercice)?
            .into_iter()
            .map(|c| (class_key(&c.name), c.id))
            .collect();
        let mut families = pupils::families(&self.conn, exercice)?;
        let mut known = pupils::keys(&self.conn, exercice)?;
        let mut summary = ImportSummary::default();
        self.write(exercice, |w| {
            let tx = w.tx;
            for pupil in &checked {
                let class_id = match classes.get(&pupil.class_key) {
                    Some(id) => *id,
                    None => {
                        let id = pupils::insert_class(tx, exercice, &pupil.classe, "", w.now)?;
                        classes.insert(pupil.class_key.clone(), id);
                        summary.classes_created.push(pupil.classe.clone());
                        id
                    }
                };
                if !known.insert((class_id, pupil.key.clone())) {
                    summary.already_present += 1;
                    continue;
                }
                let family = match families.get(&pupil.family_key) {
                    Some(id) => *id,
                    None => {
                        let id = pupils::family_id(tx, exercice, &pupil.family_key)?;
                        families.insert(pupil.family_key.clone(), id);
                        id
                    }
                };
                pupils::insert_pupil(tx, class_id, family, pupil, w.now)?;
                summary.added += 1;
            }
            let audit = Audit::new("import", "eleves").after(format!(
                "{} élèves ajoutés, {} déjà présents, {} classes créées",
                summary.added,
                summary.already_present,
                summary.classes_created.len()
            ));
            Ok((summary, audit))
        })
    }

    /// A pupil by the name typed ("NOM Prénom" or "Prénom NOM", accents and
    /// case aside), optionally in a class. Unknown: names the closest.
    pub fn find_pupil(&self, typed: &str, class: Option<&str>) -> Result<Pupil> {
        let mut all = self.pupils()?;
        if let Some(class) = class.filter(|c| !c.trim().is_empty()) {
            all.retain(|p| class_key(&p.class_name) == class_key(class));
        }
        let found = exact(&all, typed);
        match found.as_slice() {
            [one] => Ok((*one).clone()),
            [] => {
                let close: Vec<String> = closest_pupils(&all, typed, 3)
                    .into_iter()
                    .map(Pupil::display_with_class)
                    .collect();
                Err(refused(format!(
                    "élève « {} » inconnu : {}",
                    shown(typed.trim()),
                    did_you_mean(&close, "aucun élève au nom approchant")
                )))
            }
            many => Err(refused(format!(
                "élève « {} » : plusieurs élèves portent ce nom ({}) : précisez la classe",
                shown(typed.trim()),
                many.iter()
                    .map(|p| p.display_with_class())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))),
        }
    }

    /// Replaces the names of the pupils of a closed exercice by "Élève n° N"
    /// (privacy, at year end). Rows, contributions and accounts stay; cheques
    /// must have been given back first. Returns how many were anonymised.
    pub fn anonymise_pupils(&mut self, exercice: Exercice) -> Result<usize> {
        if !store::coop::is_closed(&self.conn, exercice)? {
            return Err(refused(format!(
                "l'exercice {exercice} n'est pas clôturé : les élèves ne s'anonymisent qu'après la clôture"
            )));
        }
        let pending = store::participations::contributions::pending_cheques(&self.conn)?;
        let ids: std::collections::HashSet<i64> = pupils::pupils(&self.conn, exercice)?
            .iter()
            .map(|p| p.id)
            .collect();
        let here = pending.iter().filter(|c| ids.contains(&c.pupil_id)).count();
        if here > 0 {
            return Err(refused(format!(
                "{} de l'exercice {exercice} : rendez-les avant d'anonymiser",
                crate::domain::text::counted(
                    here,
                    "chèque reste à rendre",
                    "chèques restent à rendre"
                )
            )));
        }
        // Old names are zeroed where SQLite frees them, then the file is
        // rebuilt and the WAL emptied: no name stays in the file's bytes.
        self.conn.pragma_update(None, "secure_delete", "ON")?;
        let result = self.anonymise_in_one_transaction(exercice);
        let scrubbed = result.is_ok().then(|| store::open::scrub(&self.conn));
        self.conn.pragma_update(None, "secure_delete", "OFF")?;
        let count = result?;
        scrubbed.transpose()?;
        Ok(count)
    }

    fn anonymise_in_one_transaction(&mut self, exercice: Exercice) -> Result<usize> {
        self.write_on_closed(exercice, |w| {
            let count = pupils::anonymise(w.tx, exercice, w.now)?;
            let audit = Audit::new("anonymisation", "eleves")
                .after(format!("{count} élèves de l'exercice {exercice}"));
            Ok((count, audit))
        })
    }

    /// The campaigns of the exercice being kept.
    pub fn campaigns(&self) -> Result<Vec<Campaign>> {
        campaigns::all(&self.conn, self.exercice())
    }

    pub fn campaign(&self, id: i64) -> Result<Option<Campaign>> {
        campaigns::one(&self.conn, id)
    }

    /// Creates a campaign in the exercice being kept.
    pub fn add_campaign(&mut self, request: &CampaignRequest) -> Result<i64> {
        let exercice = self.exercice();
        self.check_open(exercice)?;
        let existing = self.campaigns()?;
        let names: Vec<&str> = existing.iter().map(|c| c.name.as_str()).collect();
        let checked = check_campaign(request, &self.chart, &self.classes()?, &names, exercice)?;
        self.write(exercice, |w| {
            let id = campaigns::insert(w.tx, exercice, &checked, w.now)?;
            let audit = Audit::new("ajout", "campagne")
                .id(Some(id))
                .after(&*checked.name);
            Ok((id, audit))
        })
    }

    /// A campaign of the exercice by name; unknown: names the closest.
    pub fn find_campaign(&self, typed: &str) -> Result<Campaign> {
        let all = self.campaigns()?;
        let key = crate::domain::text::fold(typed);
        if let Some(c) = all
            .iter()
            .find(|c| crate::domain::text::fold(&c.name) == key)
        {
            return Ok(c.clone());
        }
        let otherwise = format!("aucune campagne dans l'exercice {}", self.exercice());
        let close: Vec<String> = if all.is_empty() {
            Vec::new()
        } else {
            crate::domain::closest::closest(typed, all.iter().map(|c| c.name.as_str()), 3)
                .into_iter()
                .map(str::to_string)
                .collect()
        };
        Err(refused(format!(
            "campagne « {} » inconnue : {}",
            shown(typed.trim()),
            did_you_mean(&close, &otherwise)
        )))
    }

    /// Per class, who has contributed, how much, by which channel; totals.
    pub fn campaign_view(&self, campaign_id: i64) -> Result<CampaignView> {
        let campaign = self
            .campaign(campaign_id)?
            .ok_or_else(|| field_refused(Field::Campagne, format!("n° {campaign_id} inconnue")))?;
        let classes = pupils::classes(&self.conn, campaign.exercice)?;
        let pupils = pupils::pupils(&self.conn, campaign.exercice)?;
        let contributions =
            store::participations::contributions::for_campaign(&self.conn, campaign_id)?;
        Ok(build_view(&campaign, &classes, &pupils, &contributions))
    }
}

fn pupils_same(pupil: &Pupil, key: &str) -> bool {
    crate::domain::text::fold(&format!("{} {}", pupil.nom, pupil.prenom)) == key
}
