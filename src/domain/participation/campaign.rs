//! Campaigns (appels à participation): the yearly participation, a trip,
//! the school photos… with a suggested amount per pupil (or free), the
//! category the money goes to, the classes concerned and dates.

use super::matching::did_you_mean;
use super::pupils::{SchoolClass, class_key};
use super::{clean_field, keep};
use crate::domain::closest::closest;
use crate::domain::text::fold;
use crate::domain::text::shown;
use crate::domain::{
    Account, AccountKind, Exercice, Field, FieldError, FieldErrors, Money, format_date, parse_date,
};
use chrono::NaiveDate;

/// Code prefix of "participation volontaire des familles" (7562…), the
/// category a campaign goes to when none is given.
pub const DEFAULT_CATEGORY_PREFIX: &str = "7562";

/// Longest campaign name.
pub const MAX_CAMPAIGN_NAME: usize = 80;

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Campaign {
    pub id: i64,
    pub exercice: Exercice,
    pub name: String,
    /// Suggested amount per pupil; `None` = free amount.
    pub suggested: Option<Money>,
    pub category_code: String,
    /// Classes concerned; empty = every class of the exercice.
    pub class_ids: Vec<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

impl Campaign {
    pub fn concerns(&self, class_id: i64) -> bool {
        self.class_ids.is_empty() || self.class_ids.contains(&class_id)
    }
}

/// A campaign as typed: texts, checked by [`check_campaign`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CampaignRequest {
    pub name: String,
    /// Empty = free amount.
    pub suggested: String,
    /// Empty = the voluntary-participation category (7562…).
    pub category: String,
    /// Class names; empty = every class.
    pub classes: Vec<String>,
    /// Empty = none.
    pub starts_on: String,
    pub ends_on: String,
}

/// A checked campaign, ready to be written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedCampaign {
    pub name: String,
    pub key: String,
    pub suggested: Option<Money>,
    pub category_code: String,
    pub class_ids: Vec<i64>,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

fn optional_date(
    text: &str,
    field: Field,
    exercice: Exercice,
) -> Result<Option<NaiveDate>, FieldError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_date(text, exercice)
        .map(Some)
        .map_err(|e| FieldError::new(field, e.to_string()))
}

/// The category for a campaign: the typed code (a produit, 7…), or the
/// voluntary-participation account of the chart when empty.
pub fn check_category(typed: &str, chart: &[Account]) -> Result<String, FieldError> {
    let refuse = |message: String| FieldError::new(Field::Categorie, message);
    let code = typed.trim();
    if code.is_empty() {
        return chart
            .iter()
            .find(|a| a.kind == AccountKind::Produit && a.code.starts_with(DEFAULT_CATEGORY_PREFIX))
            .map(|a| a.code.clone())
            .ok_or_else(|| {
                refuse("aucune catégorie « participation volontaire des familles » (7562…) au plan comptable : indiquez un compte de produits (7…)".to_string())
            });
    }
    match chart.iter().find(|a| a.code == code) {
        Some(a) if a.kind == AccountKind::Produit => Ok(a.code.clone()),
        Some(a) => Err(refuse(format!(
            "« {} » n'est pas un compte de produits (7…) : une participation est une recette",
            a.display()
        ))),
        None => Err(refuse(format!(
            "« {} » n'existe pas dans le plan comptable (compte de produits 7… attendu, ex. 75620008)",
            shown(code)
        ))),
    }
}

/// Finds classes by name; an unknown one names the closest.
pub fn find_classes(names: &[String], classes: &[SchoolClass]) -> Result<Vec<i64>, FieldError> {
    let mut ids = Vec::new();
    for typed in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        let key = class_key(typed);
        match classes.iter().find(|c| class_key(&c.name) == key) {
            Some(class) if !ids.contains(&class.id) => ids.push(class.id),
            Some(_) => {}
            None => {
                let known: Vec<&str> = classes.iter().map(|c| c.name.as_str()).collect();
                let close: Vec<String> = closest(typed, known.iter().copied(), 3)
                    .into_iter()
                    .map(str::to_string)
                    .collect();
                let otherwise = if known.is_empty() {
                    "aucune classe n'existe encore : importez la liste des élèves".to_string()
                } else {
                    format!("classes connues : {}", known.join(", "))
                };
                return Err(FieldError::new(
                    Field::Classe,
                    format!(
                        "« {} » inconnue : {}",
                        shown(typed),
                        did_you_mean(&close, &otherwise)
                    ),
                ));
            }
        }
    }
    Ok(ids)
}

/// Checks a campaign; `existing` are the names already used this exercice.
/// Every field is checked: the refusal names each wrong one.
pub fn check_campaign(
    request: &CampaignRequest,
    chart: &[Account],
    classes: &[SchoolClass],
    existing: &[&str],
    exercice: Exercice,
) -> Result<CheckedCampaign, FieldErrors> {
    let mut errors = Vec::new();
    let name = keep(&mut errors, check_name(&request.name, existing, exercice));
    let suggested = keep(
        &mut errors,
        if request.suggested.trim().is_empty() {
            Ok(None)
        } else {
            Money::parse_positive(&request.suggested)
                .map(Some)
                .map_err(|e| {
                    FieldError::new(
                        Field::MontantSuggere,
                        format!("{e} (ou laissez vide pour un montant libre)"),
                    )
                })
        },
    );
    let category_code = keep(&mut errors, check_category(&request.category, chart));
    let class_ids = keep(&mut errors, find_classes(&request.classes, classes));
    let starts_on = keep(
        &mut errors,
        optional_date(&request.starts_on, Field::Debut, exercice),
    );
    let ends_on = keep(
        &mut errors,
        optional_date(&request.ends_on, Field::Fin, exercice),
    );
    if let (Some(Some(start)), Some(Some(end))) = (starts_on, ends_on)
        && end < start
    {
        errors.push(FieldError::new(
            Field::Fin,
            format!(
                "« {} » est avant le début ({})",
                format_date(end),
                format_date(start)
            ),
        ));
    }
    match (
        name,
        suggested,
        category_code,
        class_ids,
        starts_on,
        ends_on,
    ) {
        (
            Some(name),
            Some(suggested),
            Some(category_code),
            Some(class_ids),
            Some(starts_on),
            Some(ends_on),
        ) if errors.is_empty() => Ok(CheckedCampaign {
            key: fold(&name),
            name,
            suggested,
            category_code,
            class_ids,
            starts_on,
            ends_on,
        }),
        _ => Err(FieldErrors(errors)),
    }
}

/// A campaign's name: not empty, not one already used this exercice.
fn check_name(typed: &str, existing: &[&str], exercice: Exercice) -> Result<String, FieldError> {
    let name = clean_field(Field::NomCampagne, typed, MAX_CAMPAIGN_NAME)?;
    if name.is_empty() {
        return Err(FieldError::new(
            Field::NomCampagne,
            "vide (ex. « Participation 2024-2025 », « Sortie zoo »)",
        ));
    }
    let key = fold(&name);
    if existing.iter().any(|e| fold(e) == key) {
        return Err(FieldError::new(
            Field::NomCampagne,
            format!(
                "« {} » existe déjà dans l'exercice {exercice} : choisissez un autre nom",
                shown(&name)
            ),
        ));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::import::chart::default_chart;

    fn chart() -> Vec<Account> {
        default_chart()
            .into_iter()
            .enumerate()
            .map(|(i, r)| Account {
                id: i as i64 + 1,
                code: r.code,
                label: r.label,
                kind: r.kind,
                money_key: r.money_key,
                crf_heading: r.crf_heading,
            })
            .collect()
    }

    fn classes() -> Vec<SchoolClass> {
        ["CP-A", "CE1-B"]
            .iter()
            .enumerate()
            .map(|(i, n)| SchoolClass {
                id: i as i64 + 1,
                exercice: Exercice::new(2024),
                name: (*n).into(),
                teacher: String::new(),
                pupils: 0,
            })
            .collect()
    }

    fn one(field: Field, message: &str) -> FieldErrors {
        FieldError::new(field, message).into()
    }

    fn request(name: &str) -> CampaignRequest {
        CampaignRequest {
            name: name.into(),
            ..CampaignRequest::default()
        }
    }

    #[test]
    fn defaults_to_the_voluntary_participation() {
        let checked = check_campaign(
            &request(" Participation  2024 "),
            &chart(),
            &classes(),
            &[],
            Exercice::new(2024),
        )
        .unwrap();
        assert_eq!(checked.name, "Participation 2024");
        assert_eq!(checked.category_code, "75620008");
        assert_eq!(checked.suggested, None);
        assert!(checked.class_ids.is_empty());
    }

    #[test]
    fn refusals_name_the_field_and_value() {
        let ex = Exercice::new(2024);
        let mut r = request("Sortie zoo");
        r.category = "606".into();
        assert_eq!(
            check_campaign(&r, &chart(), &classes(), &[], ex),
            Err(one(
                Field::Categorie,
                "« 606 Fournitures et petit matériel » n'est pas un compte de produits (7…) : une participation est une recette"
            ))
        );
        let mut r = request("Sortie zoo");
        r.classes = vec!["CE1-C".into()];
        assert_eq!(
            check_campaign(&r, &chart(), &classes(), &[], ex),
            Err(one(
                Field::Classe,
                "« CE1-C » inconnue : vouliez-vous dire CE1-B ?"
            ))
        );
        assert_eq!(
            check_campaign(
                &request("sortie ZOO"),
                &chart(),
                &classes(),
                &["Sortie zoo"],
                ex
            ),
            Err(one(
                Field::NomCampagne,
                "« sortie ZOO » existe déjà dans l'exercice 2024-2025 : choisissez un autre nom"
            ))
        );
        let mut r = request("Photos");
        r.suggested = "0".into();
        assert_eq!(
            check_campaign(&r, &chart(), &classes(), &[], ex),
            Err(one(
                Field::MontantSuggere,
                "« 0 » : le montant doit être supérieur à zéro (ou laissez vide pour un montant libre)"
            ))
        );
        let mut r = request("");
        r.category = "606".into();
        r.ends_on = "32/13".into();
        let errors = check_campaign(&r, &chart(), &classes(), &[], ex).unwrap_err();
        let fields: Vec<Field> = errors.0.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [Field::NomCampagne, Field::Categorie, Field::Fin],
            "every wrong field is named"
        );
    }

    #[test]
    fn classes_match_loosely() {
        assert_eq!(
            find_classes(&["ce1 b".into(), "CP-A".into(), "CE1B".into()], &classes()),
            Ok(vec![2, 1])
        );
    }
}
