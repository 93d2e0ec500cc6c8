//! Finding a pupil from a few typed letters, and the closest pupils when a
//! name is unknown ("vouliez-vous dire …"). Class and campaign names use
//! [`crate::domain::closest`].

use super::pupils::Pupil;
use crate::domain::closest::edit_distance;
use crate::domain::text::fold;

/// How far a typed name may be from a known one to be suggested.
fn tolerance(query: &str) -> usize {
    (query.chars().count() / 3).max(2)
}

/// The words of a name key, split on spaces, hyphens and apostrophes.
fn words(key: &str) -> impl Iterator<Item = &str> {
    key.split([' ', '-', '\'', '’']).filter(|w| !w.is_empty())
}

fn split_query(query: &str) -> Vec<String> {
    fold(query)
        .split([' ', '-', '\''])
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// Score of a pupil for a typed query: every typed word must start a word of
/// the nom or prénom (or, failing that, appear inside the full name). `None`
/// when the pupil does not match.
fn score(pupil: &Pupil, query_words: &[String]) -> Option<u32> {
    let nom = fold(&pupil.nom);
    let prenom = fold(&pupil.prenom);
    let full = format!("{nom} {prenom}");
    let mut total = 0;
    for (index, word) in query_words.iter().enumerate() {
        let best = words(&nom)
            .chain(words(&prenom))
            .map(|w| {
                if w == word {
                    4
                } else if w.starts_with(word.as_str()) {
                    3
                } else {
                    0
                }
            })
            .max()
            .unwrap_or(0);
        let best = if best == 0 && full.contains(word.as_str()) {
            1
        } else {
            best
        };
        if best == 0 {
            return None;
        }
        total += best;
        if index == 0 && words(&nom).any(|w| w.starts_with(word.as_str())) {
            total += 1;
        }
    }
    Some(total)
}

/// The pupils matching a few typed letters ("dup", "lea d", "du le"), best
/// first; all of them, in name order, for an empty query. Made for the quick
/// entry screen: call it on each key press with the class's pupils.
pub fn search<'a>(pupils: &'a [Pupil], query: &str) -> Vec<&'a Pupil> {
    let query_words = split_query(query);
    let mut found: Vec<(u32, &Pupil)> = pupils
        .iter()
        .filter_map(|p| score(p, &query_words).map(|s| (s, p)))
        .collect();
    found.sort_by(|(sa, a), (sb, b)| sb.cmp(sa).then_with(|| a.sort_key().cmp(&b.sort_key())));
    found.into_iter().map(|(_, p)| p).collect()
}

/// The pupils whose full name, typed "NOM Prénom" or "Prénom NOM", is
/// exactly `query` (accents and case aside). More than one means ambiguous.
pub fn exact<'a>(pupils: &'a [Pupil], query: &str) -> Vec<&'a Pupil> {
    let wanted = fold(query);
    pupils
        .iter()
        .filter(|p| {
            let (nom, prenom) = (fold(&p.nom), fold(&p.prenom));
            wanted == format!("{nom} {prenom}") || wanted == format!("{prenom} {nom}")
        })
        .collect()
}

/// Up to `limit` pupils whose name is close to `query`, closest first.
pub fn closest_pupils<'a>(pupils: &'a [Pupil], query: &str, limit: usize) -> Vec<&'a Pupil> {
    let wanted = fold(query);
    let query_words = split_query(query);
    let mut scored: Vec<(usize, &Pupil)> = pupils
        .iter()
        .map(|p| {
            if score(p, &query_words).is_some() {
                return (0, p);
            }
            let (nom, prenom) = (fold(&p.nom), fold(&p.prenom));
            let distance = edit_distance(&wanted, &format!("{nom} {prenom}"))
                .min(edit_distance(&wanted, &format!("{prenom} {nom}")));
            (distance, p)
        })
        .filter(|(d, _)| *d <= tolerance(&wanted))
        .collect();
    scored.sort_by(|(da, a), (db, b)| da.cmp(db).then_with(|| a.sort_key().cmp(&b.sort_key())));
    scored.into_iter().take(limit).map(|(_, p)| p).collect()
}

/// "vouliez-vous dire A, B ?" or a hint when nothing is close.
pub fn did_you_mean(suggestions: &[String], otherwise: &str) -> String {
    if suggestions.is_empty() {
        otherwise.to_string()
    } else {
        format!("vouliez-vous dire {} ?", suggestions.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pupil(id: i64, nom: &str, prenom: &str, class: &str) -> Pupil {
        Pupil {
            id,
            class_id: 1,
            class_name: class.into(),
            family_id: id,
            nom: nom.into(),
            prenom: prenom.into(),
            anonymised: false,
        }
    }

    fn class_list() -> Vec<Pupil> {
        vec![
            pupil(1, "Dupond", "Léa", "CE1-B"),
            pupil(2, "Dupont", "Lea", "CP-A"),
            pupil(3, "Martin", "Hugo", "CE1-B"),
            pupil(4, "Le Goff", "Anaïs", "CE1-B"),
            pupil(5, "Lefèvre", "Théo", "CE1-B"),
        ]
    }

    fn names(found: Vec<&Pupil>) -> Vec<String> {
        found.into_iter().map(Pupil::display).collect()
    }

    #[test]
    fn a_few_letters_find_the_pupil() {
        let list = class_list();
        assert_eq!(names(search(&list, "mar")), ["MARTIN Hugo"]);
        assert_eq!(names(search(&list, "theo")), ["LEFÈVRE Théo"]);
        assert_eq!(names(search(&list, "goff")), ["LE GOFF Anaïs"]);
        assert_eq!(
            names(search(&list, "le")),
            ["LE GOFF Anaïs", "LEFÈVRE Théo", "DUPOND Léa", "DUPONT Lea"]
        );
        assert_eq!(
            names(search(&list, "dup lea")),
            ["DUPOND Léa", "DUPONT Lea"]
        );
        assert!(search(&list, "zz").is_empty());
        assert_eq!(search(&list, "").len(), 5);
    }

    #[test]
    fn exact_names_in_either_order() {
        let list = class_list();
        assert_eq!(names(exact(&list, "DUPOND Léa")), ["DUPOND Léa"]);
        assert_eq!(names(exact(&list, "hugo  martin")), ["MARTIN Hugo"]);
        assert!(exact(&list, "Dupon Léa").is_empty());
    }

    #[test]
    fn closest_names_for_a_typo() {
        let list = class_list();
        assert_eq!(
            names(closest_pupils(&list, "DUPONS Léa", 3)),
            ["DUPOND Léa", "DUPONT Lea"]
        );
        assert!(closest_pupils(&list, "Zidane Zinedine", 3).is_empty());
    }
}
