//! Numbering of pièces justificatives: R001…, D001…, V001… per exercice.

use super::entry::EntryKind;

/// The next free number in `kind`'s series, given the pièces already used in
/// the exercice.
pub fn next_piece<'a>(kind: EntryKind, used: impl IntoIterator<Item = &'a str>) -> String {
    let prefix = kind.piece_prefix();
    let highest = used
        .into_iter()
        .filter_map(|p| p.strip_prefix(prefix))
        .filter_map(|rest| rest.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", highest + 1)
}

/// Pièce of the reversal of `piece`: `D004-A`, then `D004-A2`… if taken.
pub fn reversal_piece<'a>(piece: &str, used: impl IntoIterator<Item = &'a str> + Clone) -> String {
    let first = format!("{piece}-A");
    if !used.clone().into_iter().any(|p| p == first) {
        return first;
    }
    (2..)
        .map(|n| format!("{piece}-A{n}"))
        .find(|candidate| !used.clone().into_iter().any(|p| p == candidate))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_highest_in_the_series() {
        assert_eq!(next_piece(EntryKind::Recette, []), "R001");
        assert_eq!(
            next_piece(EntryKind::Recette, ["R001", "R009", "D012", "R003-A"]),
            "R010"
        );
        assert_eq!(next_piece(EntryKind::Depense, ["R001", "D012"]), "D013");
        assert_eq!(next_piece(EntryKind::Virement, ["V999"]), "V1000");
    }

    #[test]
    fn reversal_pieces_never_collide() {
        assert_eq!(reversal_piece("D004", ["D004"]), "D004-A");
        assert_eq!(reversal_piece("D004", ["D004", "D004-A"]), "D004-A2");
    }
}
