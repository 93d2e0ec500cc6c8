//! Closing an exercice: what is missing before it can be closed (each
//! blocker with a key the user can override with a reason), and what a
//! closing did. (Skeleton: the shared types; the checks are to fill.)

use super::accounts::MoneyKey;
use super::dates::Exercice;

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
