//! "Did you mean…": the candidates closest to what the user typed, for error
//! messages on unknown keys and names.

use super::text::fold;

/// Edit distance between two strings (Levenshtein, on characters).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut current = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        previous = current;
    }
    previous[b.len()]
}

/// Up to `limit` candidates near `query` (accents and case ignored; a
/// candidate containing the query counts as very close), best first. Too
/// distant candidates are left out; if none is near, the first `limit` are
/// given so the user still sees what exists.
pub fn closest<'a>(
    query: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    limit: usize,
) -> Vec<&'a str> {
    let wanted = fold(query.trim());
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .map(|c| {
            let folded = fold(c);
            let score = if !wanted.is_empty() && folded.contains(&wanted) {
                0
            } else {
                edit_distance(&wanted, &folded)
            };
            (score, c)
        })
        .collect();
    let near_enough = (wanted.chars().count() / 2).max(2);
    let all: Vec<&str> = scored.iter().map(|(_, c)| *c).take(limit).collect();
    scored.retain(|(score, _)| *score <= near_enough);
    scored.sort_by_key(|(score, c)| (*score, c.len()));
    if scored.is_empty() {
        return all;
    }
    scored.into_iter().take(limit).map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        assert_eq!(edit_distance("lien-swan", "lien-swan"), 0);
        assert_eq!(edit_distance("lien-swn", "lien-swan"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
    }

    #[test]
    fn nearest_first() {
        let keys = ["affiliation", "lien-swan", "lien-assoconnect", "code-pin"];
        assert_eq!(closest("lien-swn", keys, 3), ["lien-swan"]);
        assert_eq!(
            closest("zzzzzzzzzzzz", keys, 2),
            ["affiliation", "lien-swan"]
        );
        assert_eq!(closest("PIN", keys, 1), ["code-pin"]);
    }
}
