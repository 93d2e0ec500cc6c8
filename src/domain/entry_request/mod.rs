//! What the user typed for a recette, a dépense, a virement or the opening
//! balances, checked field by field and turned into a balanced [`NewEntry`].
//! The TUI forms and the CLI both go through here.

use super::accounts::{Account, MoneyKey};
use super::dates::{Exercice, format_date, parse_date};
use super::entry::{EntryKind, Line, NewEntry, PaymentMode};
use super::field::{Field, FieldError, FieldErrors};
use super::money::Money;
use super::text;

mod splits;
pub use splits::{
    LineCheck, SplitCheck, category_error, check_splits, parse_split, remaining_to_split,
};

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
