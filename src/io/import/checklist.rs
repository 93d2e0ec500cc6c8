//! Reading a checklist template (`cle;titre;aide;prerequis;derive`).

use crate::domain::checklist::{Derive, StepTemplate};
use crate::domain::text::shown;
use std::collections::HashSet;

/// The OCCE 06 template shipped with the program.
pub const DEFAULT_CHECKLIST: &str = include_str!("../../../sample-data/migration-occe06.csv");

/// Parses a template; the first bad row stops everything, naming its line.
pub fn parse_checklist(text: &str) -> Result<Vec<StepTemplate>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut steps: Vec<StepTemplate> = Vec::new();
    let mut keys = HashSet::new();
    for (index, record) in reader.records().enumerate() {
        let line = index + 2;
        let bad = |what: String| format!("liste des étapes, ligne {line} : {what}");
        let record = record.map_err(|e| bad(super::french_csv(&e)))?;
        let field = |i: usize| record.get(i).unwrap_or("").trim().to_string();
        let key = field(0);
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(bad(format!(
                "clé « {} » : minuscules, chiffres et tirets attendus (ex. lien-swan)",
                shown(&key)
            )));
        }
        if !keys.insert(key.clone()) {
            return Err(bad(format!("clé « {} » en double", shown(&key))));
        }
        let title = field(1);
        if title.is_empty() {
            return Err(bad("titre vide".into()));
        }
        let prerequisites: Vec<String> = field(3)
            .split('|')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
        if let Some(unknown) = prerequisites
            .iter()
            .find(|p| !keys.contains(*p) || **p == key)
        {
            return Err(bad(format!(
                "prérequis « {} » : doit être la clé d'une étape placée avant",
                shown(unknown)
            )));
        }
        let derive = match field(4).as_str() {
            "" => None,
            other => Some(Derive::parse(other).ok_or_else(|| {
                bad(format!(
                    "calcul « {} » : solde-lbp, cheques, premier-virement, avance ou vide attendu",
                    shown(other)
                ))
            })?),
        };
        steps.push(StepTemplate {
            key,
            title,
            help: field(2),
            prerequisites,
            derive,
        });
    }
    Ok(steps)
}

/// The default template, parsed.
pub fn default_checklist() -> Vec<StepTemplate> {
    parse_checklist(DEFAULT_CHECKLIST).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_template_parses_with_its_derived_steps() {
        let steps = parse_checklist(DEFAULT_CHECKLIST).expect("default template parses");
        assert!(steps.len() >= 15);
        for derive in [
            Derive::SoldeLbp,
            Derive::Cheques,
            Derive::PremierVirement,
            Derive::Avance,
        ] {
            assert!(
                steps.iter().any(|s| s.derive == Some(derive)),
                "{derive:?} missing"
            );
        }
    }

    #[test]
    fn a_prerequisite_must_come_first() {
        let text = "cle;titre;aide;prerequis;derive\nb;B;;a;\na;A;;;\n";
        assert_eq!(
            parse_checklist(text),
            Err("liste des étapes, ligne 2 : prérequis « a » : doit être la clé d'une étape placée avant".into())
        );
    }
}
