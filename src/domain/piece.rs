//! Numbering of pièces justificatives: R001…, D001…, V001… per exercice.

use super::entry::EntryKind;

/// `R007`: the pièce of number `n` in `kind`'s series.
pub fn piece_number(kind: EntryKind, n: u32) -> String {
    format!("{}{n:03}", kind.piece_prefix())
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
    fn numbers_have_three_digits_at_least() {
        assert_eq!(piece_number(EntryKind::Recette, 1), "R001");
        assert_eq!(piece_number(EntryKind::Virement, 1000), "V1000");
    }

    #[test]
    fn reversal_pieces_never_collide() {
        assert_eq!(reversal_piece("D004", ["D004"]), "D004-A");
        assert_eq!(reversal_piece("D004", ["D004", "D004-A"]), "D004-A2");
    }
}
