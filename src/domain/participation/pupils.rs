//! Classes and pupils, and the checks on a list of pupils before it is
//! written (typed by hand or read from a school's CSV file).
//!
//! Family rule: pupils of the same exercice whose nom is the same (case,
//! accents and extra spaces aside) are one family (siblings). It is a
//! heuristic: two unrelated pupils with the same nom are linked too.

use super::clean_field;
use crate::domain::text::fold;
use crate::domain::text::shown;
use crate::domain::{Exercice, Field, FieldError};
use std::collections::HashMap;
use std::fmt;

/// Longest nom, prénom or class name accepted.
pub const MAX_NAME: usize = 100;

/// A class of the school for one exercice ("CE1-B").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchoolClass {
    pub id: i64,
    pub exercice: Exercice,
    pub name: String,
    pub teacher: String,
    /// Number of pupils in the class.
    pub pupils: usize,
}

/// A pupil as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pupil {
    pub id: i64,
    pub class_id: i64,
    pub class_name: String,
    /// Pupils with the same family id are siblings.
    pub family_id: i64,
    pub nom: String,
    pub prenom: String,
    /// Names replaced by "Élève n° N" at year end (privacy).
    pub anonymised: bool,
}

impl Pupil {
    /// `DUPONT Léa`.
    pub fn display(&self) -> String {
        if self.prenom.is_empty() {
            self.nom.clone()
        } else {
            format!("{} {}", self.nom.to_uppercase(), self.prenom)
        }
    }

    /// `DUPONT Léa (CE1-B)`.
    pub fn display_with_class(&self) -> String {
        format!("{} ({})", self.display(), self.class_name)
    }

    /// Order of lists: nom, then prénom, accents and case aside.
    pub fn sort_key(&self) -> (String, String, i64) {
        (fold(&self.nom), fold(&self.prenom), self.id)
    }
}

/// Key two class names are the same class on: letters and digits only, no
/// accents, lower case ("CE1-B", "ce1 b" and "CE1B" are one class).
pub fn class_key(name: &str) -> String {
    fold(name).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// A pupil as typed or read from a file; `line` is the file's line (0 when typed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PupilInput {
    pub line: usize,
    pub nom: String,
    pub prenom: String,
    pub classe: String,
}

/// A checked pupil, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPupil {
    pub nom: String,
    pub prenom: String,
    pub classe: String,
    /// `fold("nom prénom")`, unique within a class.
    pub key: String,
    pub class_key: String,
    pub family_key: String,
}

fn check_name(value: &str, field: Field, expected: &str) -> Result<String, FieldError> {
    let cleaned = clean_field(field, value, MAX_NAME)?;
    if cleaned.is_empty() {
        return Err(FieldError::new(
            field,
            format!("vide (attendu : {expected})"),
        ));
    }
    Ok(cleaned)
}

/// Checks one pupil; the error names the field, without the line number.
pub fn check_pupil(input: &PupilInput) -> Result<NewPupil, FieldError> {
    let nom = check_name(&input.nom, Field::Nom, "le nom de famille de l'élève")?;
    let prenom = check_name(&input.prenom, Field::Prenom, "le prénom de l'élève")?;
    let classe = check_name(
        &input.classe,
        Field::Classe,
        "le nom de la classe, ex. CE1-B",
    )?;
    let class_key = class_key(&classe);
    if class_key.is_empty() {
        return Err(FieldError::new(
            Field::Classe,
            format!(
                "« {} » : lettres ou chiffres attendus (ex. CE1-B)",
                shown(&classe)
            ),
        ));
    }
    Ok(NewPupil {
        key: fold(&format!("{nom} {prenom}")),
        family_key: fold(&nom),
        class_key,
        nom,
        prenom,
        classe,
    })
}

/// How many bad rows an import error lists before "… et N autres".
const SHOWN_ERRORS: usize = 5;

/// The bad rows of an import: each line's number and what is wrong, keyed
/// by field. Shown "ligne 4 : Classe : vide (…) ; …", five at most.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowErrors(pub Vec<(usize, FieldError)>);

impl fmt::Display for RowErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown: Vec<String> = self
            .0
            .iter()
            .take(SHOWN_ERRORS)
            .map(|(line, error)| format!("ligne {line} : {error}"))
            .collect();
        f.write_str(&shown.join(" ; "))?;
        if self.0.len() > SHOWN_ERRORS {
            write!(f, " ; … et {} autres lignes", self.0.len() - SHOWN_ERRORS)?;
        }
        Ok(())
    }
}

/// Checks every row of an import before anything is written: empty or too
/// long fields, and a pupil listed twice in the same class. The error names
/// each bad line, its field and the reason.
pub fn check_import(rows: &[PupilInput]) -> Result<Vec<NewPupil>, RowErrors> {
    let mut errors = Vec::new();
    let mut checked = Vec::with_capacity(rows.len());
    let mut seen: HashMap<(String, String), usize> = HashMap::with_capacity(rows.len());
    for row in rows {
        match check_pupil(row) {
            Ok(pupil) => {
                let at = (pupil.class_key.clone(), pupil.key.clone());
                if let Some(first) = seen.get(&at) {
                    let twice = format!(
                        "{} {} ({}) figure déjà ligne {first}",
                        pupil.nom.to_uppercase(),
                        pupil.prenom,
                        pupil.classe
                    );
                    errors.push((row.line, FieldError::new(Field::Eleve, twice)));
                } else {
                    seen.insert(at, row.line);
                    checked.push(pupil);
                }
            }
            Err(error) => errors.push((row.line, error)),
        }
    }
    if errors.is_empty() {
        return Ok(checked);
    }
    Err(RowErrors(errors))
}

/// The name an anonymised pupil keeps.
pub fn anonymous_name(number: usize) -> String {
    format!("Élève n° {number}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(line: usize, nom: &str, prenom: &str, classe: &str) -> PupilInput {
        PupilInput {
            line,
            nom: nom.into(),
            prenom: prenom.into(),
            classe: classe.into(),
        }
    }

    #[test]
    fn names_are_cleaned_and_keyed() {
        let p = check_pupil(&input(2, "  de la  Tour ", "Zoé", " CE1-B ")).unwrap();
        assert_eq!(p.nom, "de la Tour");
        assert_eq!(p.key, "de la tour zoe");
        assert_eq!(p.family_key, "de la tour");
        assert_eq!(p.class_key, "ce1b");
        assert_eq!(class_key("ce1 b"), class_key("CE1-B"));
    }

    #[test]
    fn bad_rows_are_named_with_their_reason() {
        let rows = [
            input(2, "Dupont", "Léa", "CE1-B"),
            input(3, "Martin", "", "CP"),
            input(4, "Durand", "Paul", ""),
            input(5, "DUPONT", "Lea", "ce1 b"),
        ];
        assert_eq!(
            check_import(&rows).unwrap_err().to_string(),
            "ligne 3 : Prénom : vide (attendu : le prénom de l'élève) ; \
             ligne 4 : Classe : vide (attendu : le nom de la classe, ex. CE1-B) ; \
             ligne 5 : Élève : DUPONT Lea (ce1 b) figure déjà ligne 2"
        );
        let fields: Vec<(usize, Field)> = check_import(&rows)
            .unwrap_err()
            .0
            .iter()
            .map(|(line, e)| (*line, e.field))
            .collect();
        assert_eq!(
            fields,
            [(3, Field::Prenom), (4, Field::Classe), (5, Field::Eleve)]
        );
        assert_eq!(check_import(&rows[..1]).unwrap().len(), 1);
    }

    #[test]
    fn many_bad_rows_are_summed_up() {
        let rows: Vec<PupilInput> = (2..12).map(|l| input(l, "", "x", "CP")).collect();
        let message = check_import(&rows).unwrap_err().to_string();
        assert!(
            message.ends_with(
                "ligne 6 : Nom : vide (attendu : le nom de famille de l'élève) ; … et 5 autres lignes"
            ),
            "{message}"
        );
    }
}
