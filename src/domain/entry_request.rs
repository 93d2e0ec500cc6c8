//! What the user typed for a recette, a dépense, a virement or the opening
//! balances, checked field by field and turned into a balanced [`NewEntry`].
//! The TUI forms and the CLI both go through here.

use super::accounts::{Account, AccountKind, MoneyKey};
use super::dates::{Exercice, format_date, parse_date};
use super::entry::{EntryKind, Line, NewEntry, PaymentMode};
use super::field::{Field, FieldError, FieldErrors};
use super::money::Money;
use super::text;

/// Code of the "report à nouveau" account, the other side of opening balances.
pub const REPORT_A_NOUVEAU: &str = "110";

/// One part of a ventilation as typed: a category code and, when the entry is
/// split, the part of the amount that goes to it (empty = the whole amount).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SplitInput {
    pub code: String,
    pub amount: String,
}

/// A recette or a dépense as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRequest {
    pub date: String,
    pub kind: EntryKind,
    pub account: MoneyKey,
    pub amount: String,
    pub label: String,
    pub mode: Option<PaymentMode>,
    pub splits: Vec<SplitInput>,
    pub piece: String,
    pub cheque_no: String,
}

/// A virement interne as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TransferRequest {
    pub date: String,
    pub from: MoneyKey,
    pub to: MoneyKey,
    pub amount: String,
    pub label: String,
    pub piece: String,
}

/// The chart code of a money account.
pub fn money_code(chart: &[Account], key: MoneyKey) -> Option<&str> {
    chart
        .iter()
        .find(|a| a.money_key == Some(key))
        .map(|a| a.code.as_str())
}

/// A typed date that must fall in `exercice`.
pub fn date_in_exercice(input: &str, exercice: Exercice) -> Result<chrono::NaiveDate, FieldError> {
    match parse_date(input, exercice) {
        Ok(date) if exercice.contains(date) => Ok(date),
        Ok(date) => Err(outside_exercice(date, exercice)),
        Err(e) => Err(FieldError::new(Field::Date, e.to_string())),
    }
}

/// The refusal of a date outside `exercice`, with its bounds.
pub fn outside_exercice(date: chrono::NaiveDate, exercice: Exercice) -> FieldError {
    FieldError::new(
        Field::Date,
        format!(
            "« {} » est hors de l'exercice {exercice} (du {} au {})",
            format_date(date),
            format_date(exercice.first_day()),
            format_date(exercice.last_day())
        ),
    )
}

fn check_date(
    input: &str,
    exercice: Exercice,
    errors: &mut Vec<FieldError>,
) -> Option<chrono::NaiveDate> {
    date_in_exercice(input, exercice)
        .map_err(|e| errors.push(e))
        .ok()
}

fn check_amount(field: Field, input: &str, errors: &mut Vec<FieldError>) -> Option<Money> {
    Money::parse_positive(input)
        .map_err(|e| errors.push(FieldError::new(field, e.to_string())))
        .ok()
}

fn check_label(input: &str, errors: &mut Vec<FieldError>) -> String {
    text::required_text(
        Field::Libelle,
        input,
        text::MAX_LABEL,
        "vide : décrivez l'opération (ex. « Sortie cinéma CP »)",
    )
    .unwrap_or_else(|e| {
        errors.push(e);
        String::new()
    })
}

/// Longest pièce number.
const MAX_PIECE: usize = 20;

/// A typed pièce number: 1 to 20 characters, no control character.
pub fn valid_piece(input: &str) -> Result<String, FieldError> {
    let piece = text::required_text(
        Field::Piece,
        input,
        MAX_PIECE,
        "vide : un numéro de pièce est attendu (ex. R001)",
    )?;
    Ok(piece)
}

fn check_piece(input: &str, errors: &mut Vec<FieldError>) -> String {
    valid_piece(input).unwrap_or_else(|e| {
        errors.push(e);
        input.trim().to_string()
    })
}

/// Checks a recette or dépense and builds its balanced lines.
pub fn build_entry(
    request: &EntryRequest,
    chart: &[Account],
    exercice: Exercice,
) -> Result<NewEntry, FieldErrors> {
    let mut errors = Vec::new();
    match request.kind {
        EntryKind::Recette | EntryKind::Depense => {}
        other => {
            return Err(FieldError::new(
                Field::Nature,
                format!("« {} » : recette ou dépense attendue", other.label()),
            )
            .into());
        }
    }
    let date = check_date(&request.date, exercice, &mut errors);
    let amount = check_amount(Field::Montant, &request.amount, &mut errors);
    let label = check_label(&request.label, &mut errors);
    let piece = check_piece(&request.piece, &mut errors);
    let money_code = money_code(chart, request.account);
    if money_code.is_none() {
        errors.push(FieldError::new(
            Field::Compte,
            format!(
                "le compte « {} » manque au plan comptable",
                request.account.key()
            ),
        ));
    }
    if request.mode == Some(PaymentMode::Cheque) && cheques_refused(request.kind, request.account) {
        errors.push(FieldError::new(
            Field::Mode,
            "les chèques ne sont plus acceptés : rendez le chèque et proposez le paiement en ligne ou en espèces",
        ));
    }
    if !errors.iter().any(|e| e.field == Field::Mode) {
        errors.extend(mode_fits_account(
            request.account,
            request.kind,
            request.mode,
        ));
    }
    let splits = check_splits(request, chart, amount);
    errors.extend(splits.errors().cloned());
    let splits = splits.parts;
    let cheque_no = text::clean_text(Field::Cheque, &request.cheque_no, text::MAX_NUMBER)
        .unwrap_or_else(|e| {
            errors.push(e);
            String::new()
        });
    let (Some(date), Some(amount), Some(money_code), true) =
        (date, amount, money_code, errors.is_empty())
    else {
        return Err(FieldErrors(errors));
    };
    let receipt = request.kind == EntryKind::Recette;
    let signed = |m: Money| if receipt { m } else { -m };
    let mut lines = vec![Line {
        account_code: money_code.to_string(),
        amount: signed(amount),
    }];
    lines.extend(splits.into_iter().map(|(code, part)| Line {
        account_code: code,
        amount: -signed(part),
    }));
    let mut entry = NewEntry::new(date, piece, request.kind, label, request.mode, lines)
        .map_err(|e| FieldErrors::from(FieldError::new(Field::Ventilation, e.to_string())))?;
    entry.cheque_no = (!cheque_no.is_empty()).then_some(cheque_no);
    Ok(entry)
}

/// Families' cheques are no longer taken: a recette by chèque is refused
/// but on the old La Banque Postale account (its history).
fn cheques_refused(kind: EntryKind, account: MoneyKey) -> bool {
    kind == EntryKind::Recette && account != MoneyKey::Lbp
}

/// The modes a form offers for a recette or a dépense on `account`: those
/// the account takes, without the chèque where a recette by chèque is
/// refused.
pub fn modes_offered(account: MoneyKey, kind: EntryKind) -> Vec<PaymentMode> {
    let cheque_refused = cheques_refused(kind, account);
    PaymentMode::allowed_on(account)
        .iter()
        .copied()
        .filter(|m| !(cheque_refused && *m == PaymentMode::Cheque))
        .collect()
}

/// The mode must be one the account knows: espèces only on the Caisse and
/// the Caisse only in espèces; carte or prélèvement on the Collectes en
/// ligne (see [`PaymentMode::allowed_on`]). The modes offered in the
/// refusal leave out the chèque for a recette (no longer accepted, see
/// [`build_entry`]) but on the old La Banque Postale account.
pub fn mode_fits_account(
    account: MoneyKey,
    kind: EntryKind,
    mode: Option<PaymentMode>,
) -> Option<FieldError> {
    let mode = mode?;
    let allowed = PaymentMode::allowed_on(account);
    if allowed.contains(&mode) {
        return None;
    }
    let allowed = modes_offered(account, kind);
    if account == MoneyKey::Caisse {
        return Some(FieldError::new(
            Field::Mode,
            format!(
                "« {} » : une caisse ne reçoit et ne paie qu'en espèces",
                mode.label()
            ),
        ));
    }
    let labels: Vec<&str> = allowed.iter().map(|m| m.label()).collect();
    let expected = match labels.as_slice() {
        [init @ .., last] if !init.is_empty() => format!("{} ou {last}", init.join(", ")),
        _ => labels.join(""),
    };
    let why = match (account, mode) {
        (_, PaymentMode::Especes) => {
            " ; les espèces passent par la Caisse (un dépôt d'espèces se saisit comme un virement interne depuis la Caisse)"
        }
        (MoneyKey::EnLigne, _) => {
            " ; un paiement en ligne est « carte », les frais de la plateforme « prélèvement », le versement vers le Compte Pro un virement interne"
        }
        _ => "",
    };
    Some(FieldError::new(
        Field::Mode,
        format!(
            "« {} » sur {} : {expected} attendu{why}",
            mode.label(),
            account.label()
        ),
    ))
}

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

/// Checks a virement interne and builds its two lines.
pub fn build_transfer(
    request: &TransferRequest,
    chart: &[Account],
    exercice: Exercice,
) -> Result<NewEntry, FieldErrors> {
    let mut errors = Vec::new();
    let date = check_date(&request.date, exercice, &mut errors);
    let amount = check_amount(Field::Montant, &request.amount, &mut errors);
    let label = check_label(&request.label, &mut errors);
    let piece = check_piece(&request.piece, &mut errors);
    if request.from == request.to {
        errors.push(FieldError::new(
            Field::Destination,
            format!(
                "« {} » : choisissez un autre compte que celui de départ",
                request.to.label()
            ),
        ));
    }
    let from = money_code(chart, request.from);
    let to = money_code(chart, request.to);
    if from.is_none() || to.is_none() {
        errors.push(FieldError::new(
            Field::Compte,
            "compte de trésorerie absent du plan comptable",
        ));
    }
    let (Some(date), Some(amount), Some(from), Some(to), true) =
        (date, amount, from, to, errors.is_empty())
    else {
        return Err(FieldErrors(errors));
    };
    let mode = if request.from == MoneyKey::Caisse {
        PaymentMode::Especes
    } else {
        PaymentMode::Virement
    };
    NewEntry::new(
        date,
        piece,
        EntryKind::Virement,
        label,
        Some(mode),
        vec![
            Line {
                account_code: from.to_string(),
                amount: -amount,
            },
            Line {
                account_code: to.to_string(),
                amount,
            },
        ],
    )
    .map_err(|e| FieldError::new(Field::Montant, e.to_string()).into())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_recette_is_never_offered_the_cheque_but_on_lbp() {
        use PaymentMode::*;
        assert_eq!(
            modes_offered(MoneyKey::Pro, EntryKind::Recette),
            vec![Virement, Carte, Prelevement]
        );
        assert!(modes_offered(MoneyKey::Pro, EntryKind::Depense).contains(&Cheque));
        assert!(modes_offered(MoneyKey::Lbp, EntryKind::Recette).contains(&Cheque));
        assert_eq!(
            modes_offered(MoneyKey::Caisse, EntryKind::Recette),
            vec![Especes]
        );
    }
}
