//! Closing an exercice: what is missing before it can be closed (each
//! blocker with a key the user can override with a reason), and what a
//! closing did; the pure rules: pièce gaps, overrides. (The next
//! exercice's opening entry is `opening::carried_opening`.)

use super::accounts::MoneyKey;
use super::dates::Exercice;
use super::entry::EntryKind;

/// What blocks a closing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum BlockerKey {
    /// No arrêté de caisse near 31 August.
    CashCount,
    /// A bank account not reconciled to a statement balance at 31 August.
    Statement(MoneyKey),
    /// Pièce numbers with gaps.
    PieceGaps,
    /// Parents' cheques still to give back.
    Cheques,
    /// Régies d'avance not settled.
    Regies,
    /// Online payments not yet paid out.
    OnlinePayments,
}

impl BlockerKey {
    pub const ALL: [BlockerKey; 7] = [
        BlockerKey::CashCount,
        BlockerKey::Statement(MoneyKey::Pro),
        BlockerKey::Statement(MoneyKey::Lbp),
        BlockerKey::PieceGaps,
        BlockerKey::Cheques,
        BlockerKey::Regies,
        BlockerKey::OnlinePayments,
    ];

    /// The key typed after `--override`.
    pub fn key(self) -> &'static str {
        match self {
            BlockerKey::CashCount => "caisse",
            BlockerKey::Statement(MoneyKey::Lbp) => "releve-lbp",
            BlockerKey::Statement(_) => "releve-pro",
            BlockerKey::PieceGaps => "pieces",
            BlockerKey::Cheques => "cheques",
            BlockerKey::Regies => "regies",
            BlockerKey::OnlinePayments => "en-ligne",
        }
    }

    pub fn parse(input: &str) -> Option<BlockerKey> {
        let input = input.trim().to_lowercase();
        BlockerKey::ALL.into_iter().find(|k| k.key() == input)
    }
}

/// One thing missing, in French (`what`), and the reason it was overridden
/// with, if it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Blocker {
    pub key: BlockerKey,
    pub what: String,
    pub overridden: Option<String>,
}

/// A blocker the user overrides, with the reason kept in the audit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    pub key: BlockerKey,
    pub reason: String,
}

/// What to carry into the next exercice besides the balances.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CarryOver {
    /// Carry the pupils and their classes over.
    pub pupils: bool,
    /// Classes renamed on the way: (old name, new name), e.g. CP → CE1.
    pub renames: Vec<(String, String)>,
    /// Classes whose pupils leave the school (CM2): not carried.
    pub leaving: Vec<String>,
}

/// What a closing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseSummary {
    pub exercice: Exercice,
    pub next: Exercice,
    /// The SHA-256 chain's last link, hex.
    pub fingerprint: String,
    pub entries: usize,
    pub pupils_carried: usize,
}

/// Gaps in the automatic pièce numbers of an exercice (R001…, D001…,
/// V001…): `total` numbers are missing, `first` lists the first ones.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PieceGaps {
    pub total: usize,
    pub first: Vec<String>,
}

/// How many missing numbers are named in a blocker's text.
const GAPS_SHOWN: usize = 20;
/// Automatic numbers stay below this (higher ones are typed by hand).
const MAX_AUTO_PIECE: u32 = 999_999;

/// The numbers missing in each series between 1 and the highest used.
/// Reversals (`D004-A`), the opening (`AN`) and hand-typed pièces outside
/// the series are not numbered: they leave no gap.
pub fn piece_gaps<'a>(pieces: impl IntoIterator<Item = &'a str>) -> PieceGaps {
    let series = [EntryKind::Recette, EntryKind::Depense, EntryKind::Virement];
    let mut numbers: Vec<Vec<u32>> = vec![Vec::new(); series.len()];
    for piece in pieces {
        for (kind, used) in series.iter().zip(numbers.iter_mut()) {
            let Some(digits) = piece.strip_prefix(kind.piece_prefix()) else {
                continue;
            };
            if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
                match digits.parse::<u32>() {
                    Ok(n) if (1..=MAX_AUTO_PIECE).contains(&n) => used.push(n),
                    _ => {}
                }
            }
        }
    }
    let mut gaps = PieceGaps::default();
    for (kind, mut used) in series.into_iter().zip(numbers) {
        used.sort_unstable();
        used.dedup();
        let mut expected = 1;
        for n in used {
            gaps.total += (n - expected) as usize;
            while expected < n && gaps.first.len() < GAPS_SHOWN {
                gaps.first.push(super::piece::piece_number(kind, expected));
                expected += 1;
            }
            expected = n + 1;
        }
    }
    gaps
}

/// The `pieces` blocker's text, or `None` without gaps.
pub fn gaps_what(gaps: &PieceGaps, undone_imports: bool) -> Option<String> {
    if gaps.total == 0 {
        return None;
    }
    let mut list = gaps.first.join(", ");
    if gaps.total > gaps.first.len() {
        list.push_str(&format!(" et {} autres", gaps.total - gaps.first.len()));
    }
    let why = if undone_imports {
        " (un import annulé retire ses écritures et laisse leurs numéros libres)"
    } else {
        ""
    };
    Some(format!(
        "{} : {list}{why} : notez la raison du trou sur le cahier, ou passez outre avec sa raison",
        super::text::counted(
            gaps.total,
            "numéro de pièce manque",
            "numéros de pièce manquent"
        )
    ))
}

/// Marks the blockers the user overrides (their reason kept). A reason
/// must say something.
pub fn apply_overrides(
    mut blockers: Vec<Blocker>,
    overrides: &[Override],
) -> Result<Vec<Blocker>, String> {
    for o in overrides {
        if o.reason.trim().is_empty() {
            return Err(format!(
                "passer outre « {} » demande une raison (--reason TEXTE), gardée au journal",
                o.key.key()
            ));
        }
        if let Some(b) = blockers.iter_mut().find(|b| b.key == o.key) {
            b.overridden = Some(o.reason.trim().to_string());
        }
    }
    Ok(blockers)
}

/// The refusal of a closing while some blockers are not overridden, in
/// words for the app (the command line says which options to give).
pub fn refusal(exercice: Exercice, blockers: &[Blocker]) -> Option<String> {
    let open: Vec<&Blocker> = blockers.iter().filter(|b| b.overridden.is_none()).collect();
    if open.is_empty() {
        return None;
    }
    let list: Vec<String> = open
        .iter()
        .map(|b| format!("{} ({})", b.key.key(), b.what))
        .collect();
    Some(format!(
        "clôture de l'exercice {exercice} impossible : {} ; réglez-les, ou passez outre avec un motif",
        list.join(" ; ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_are_listed_per_series() {
        let gaps = piece_gaps(["R001", "R004", "D002", "D002-A", "AN", "V001", "R2024001"]);
        assert_eq!(gaps.total, 3);
        assert_eq!(gaps.first, vec!["R002", "R003", "D001"]);
        assert_eq!(
            gaps_what(&gaps, false).unwrap(),
            "3 numéros de pièce manquent : R002, R003, D001 : notez la raison du trou sur le cahier, ou passez outre avec sa raison"
        );
        assert_eq!(gaps_what(&piece_gaps(["R001", "R002"]), true), None);
    }

    #[test]
    fn a_long_gap_is_counted_not_listed() {
        let gaps = piece_gaps(["R001", "R100"]);
        assert_eq!(gaps.total, 98);
        assert_eq!(gaps.first.len(), 20);
        assert!(
            gaps_what(&gaps, true)
                .unwrap()
                .contains("R021 et 78 autres (un import annulé")
        );
    }

    #[test]
    fn an_override_needs_a_reason() {
        let blockers = vec![Blocker {
            key: BlockerKey::CashCount,
            what: "x".into(),
            overridden: None,
        }];
        let e = apply_overrides(
            blockers.clone(),
            &[Override {
                key: BlockerKey::CashCount,
                reason: " ".into(),
            }],
        )
        .unwrap_err();
        assert_eq!(
            e,
            "passer outre « caisse » demande une raison (--reason TEXTE), gardée au journal"
        );
        let done = apply_overrides(
            blockers,
            &[Override {
                key: BlockerKey::CashCount,
                reason: "caisse vide".into(),
            }],
        )
        .unwrap();
        assert_eq!(refusal(Exercice::new(2024), &done), None);
    }
}
