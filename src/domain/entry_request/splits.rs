//! The ventilation of an entry as typed: each line's category and part
//! checked (so that a form shows each error under its line), what is left
//! to split, and `code=montant` as the CLI and the demo file write it.

use super::{EntryRequest, REPORT_A_NOUVEAU, SplitInput};
use crate::domain::accounts::{Account, AccountKind};
use crate::domain::entry::EntryKind;
use crate::domain::field::{Field, FieldError};
use crate::domain::money::Money;
use crate::domain::text;

/// What the ventilation check found, line by line (indexed like the
/// request's splits), so that a form shows each error under its line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitCheck {
    /// Each line's errors (empty lines have none).
    pub lines: Vec<LineCheck>,
    /// Errors of the whole ventilation: no category at all, parts that do
    /// not add up to the amount.
    pub whole: Vec<FieldError>,
    /// The category and part of each filled line that parsed.
    pub parts: Vec<(String, Money)>,
}

/// The errors of one ventilation line: its category, its part.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineCheck {
    pub code: Option<FieldError>,
    pub part: Option<FieldError>,
}

impl LineCheck {
    pub fn is_ok(&self) -> bool {
        self.code.is_none() && self.part.is_none()
    }

    pub fn errors(&self) -> impl Iterator<Item = &FieldError> {
        self.code.iter().chain(&self.part)
    }
}

impl SplitCheck {
    pub fn errors(&self) -> impl Iterator<Item = &FieldError> {
        self.lines
            .iter()
            .flat_map(LineCheck::errors)
            .chain(&self.whole)
    }
}

/// Why `code` cannot take part of an entry of `wanted` kind (a recette's
/// produit 7…, a dépense's charge 6…), if it cannot.
pub fn category_error(code: &str, chart: &[Account], wanted: AccountKind) -> Option<String> {
    match chart.iter().find(|a| a.code == code) {
        None => Some(format!(
            "« {} » n'existe pas dans le plan comptable",
            text::shown(code)
        )),
        // Balance-sheet accounts (an OCCE advance on 1680, a class's
        // régie on 467) may take part of a recette or a dépense: they are
        // outside the result, never the report à nouveau.
        Some(account)
            if account.kind != wanted
                && (account.kind != AccountKind::Bilan || account.code == REPORT_A_NOUVEAU) =>
        {
            Some(format!(
                "« {} » n'est pas un compte de {}",
                account.display(),
                kind_words(wanted)
            ))
        }
        Some(_) => None,
    }
}

/// Ventilation: each code must be a category of the right kind; parts must add
/// up to the amount. A single code with no part takes the whole amount.
pub fn check_splits(
    request: &EntryRequest,
    chart: &[Account],
    amount: Option<Money>,
) -> SplitCheck {
    let wanted = if request.kind == EntryKind::Recette {
        AccountKind::Produit
    } else {
        AccountKind::Charge
    };
    let is_filled = |s: &SplitInput| !s.code.trim().is_empty() || !s.amount.trim().is_empty();
    let mut check = SplitCheck {
        lines: vec![LineCheck::default(); request.splits.len()],
        ..SplitCheck::default()
    };
    let filled = request.splits.iter().filter(|s| is_filled(s)).count();
    if filled == 0 {
        check.whole.push(FieldError::new(
            Field::Categorie,
            format!(
                "aucune catégorie : choisissez un compte de {}",
                kind_words(wanted)
            ),
        ));
        return check;
    }
    let single = filled == 1;
    let field = if single {
        Field::Categorie
    } else {
        Field::Ventilation
    };
    for (index, split) in request.splits.iter().enumerate() {
        if !is_filled(split) {
            continue;
        }
        let line = &mut check.lines[index];
        let code = split.code.trim();
        line.code = category_error(code, chart, wanted).map(|m| FieldError::new(field, m));
        let part = if single && split.amount.trim().is_empty() {
            amount
        } else {
            match Money::parse_positive(&split.amount) {
                Ok(m) => Some(m),
                Err(e) => {
                    line.part = Some(FieldError::new(Field::Ventilation, format!("{code} : {e}")));
                    None
                }
            }
        };
        if let Some(part) = part {
            check.parts.push((code.to_string(), part));
        }
    }
    let ok = check.lines.iter().all(LineCheck::is_ok);
    if ok && let Some(amount) = amount {
        let total: Money = check.parts.iter().map(|(_, m)| *m).sum();
        if total != amount {
            check.whole.push(FieldError::new(
                Field::Ventilation,
                format!(
                    "la ventilation fait {} pour un montant de {} (reste à ventiler {})",
                    total,
                    amount,
                    amount - total
                ),
            ));
        }
    }
    check
}

fn kind_words(kind: AccountKind) -> &'static str {
    match kind {
        AccountKind::Charge => "charges (6…) pour une dépense",
        AccountKind::Produit => "produits (7…) pour une recette",
        _ => "catégorie",
    }
}

/// What is left to ventilate, for the live hint in the form (`None` when the
/// amount or a part does not parse yet).
pub fn remaining_to_split(amount: &str, parts: &[&str]) -> Option<Money> {
    let amount = Money::parse(amount).ok()?;
    let mut total = Money::ZERO;
    for part in parts.iter().filter(|p| !p.trim().is_empty()) {
        total += Money::parse(part).ok()?;
    }
    Some(amount - total)
}

/// Parses `code=montant` (CLI `--split`, demo file) into a split.
pub fn parse_split(text: &str) -> SplitInput {
    match text.split_once('=') {
        Some((code, amount)) => SplitInput {
            code: code.trim().into(),
            amount: amount.trim().into(),
        },
        None => SplitInput {
            code: text.trim().into(),
            amount: String::new(),
        },
    }
}
