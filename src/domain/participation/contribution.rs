//! Contributions: what a family gave for a campaign, and by which channel.
//!
//! - espèces: a class's envelope (bordereau de versement) becomes ONE caisse
//!   recette on the campaign's category; each pupil's part is a contribution
//!   linked to that entry (the entry's detail);
//! - en ligne: one recette per contribution on the Collectes en ligne
//!   account (mode carte), so each can be matched to one AssoConnect payment;
//! - virement: one recette per contribution on the Compte Pro;
//! - chèque: never cashed, never in a ledger: a "chèque reçu, à rendre" until
//!   it is marked given back.

use super::campaign::Campaign;
use super::clean_field;
use super::pupils::Pupil;
use crate::domain::entry_request::{EntryRequest, SplitInput};
use crate::domain::{
    EntryKind, Exercice, Field, FieldError, FieldErrors, MoneyKey, PaymentMode, format_date,
};
use crate::domain::{Money, text::fold};
use chrono::NaiveDate;
use std::collections::HashSet;
use std::fmt;

/// How a family paid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Channel {
    Especes,
    EnLigne,
    Virement,
    Cheque,
}

impl Channel {
    pub const ALL: [Channel; 4] = [
        Channel::Especes,
        Channel::EnLigne,
        Channel::Virement,
        Channel::Cheque,
    ];

    /// Key in the CLI, files and database.
    pub fn key(self) -> &'static str {
        match self {
            Channel::Especes => "especes",
            Channel::EnLigne => "en-ligne",
            Channel::Virement => "virement",
            Channel::Cheque => "cheque",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Channel::Especes => "espèces",
            Channel::EnLigne => "en ligne",
            Channel::Virement => "virement",
            Channel::Cheque => "chèque",
        }
    }

    pub fn from_key(key: &str) -> Option<Channel> {
        Channel::ALL.into_iter().find(|c| c.key() == key)
    }

    /// What a user types: the key, the label, or a usual synonym.
    pub fn parse(input: &str) -> Option<Channel> {
        let wanted = fold(input.trim());
        Channel::ALL
            .into_iter()
            .find(|c| c.key() == wanted || fold(c.label()) == wanted)
            .or(match wanted.as_str() {
                "enligne" | "en_ligne" | "carte" | "cb" | "assoconnect" => Some(Channel::EnLigne),
                "liquide" | "cash" => Some(Channel::Especes),
                "cheques" => Some(Channel::Cheque),
                _ => None,
            })
    }

    pub fn expected() -> &'static str {
        "especes, en-ligne, virement ou cheque"
    }

    /// The money account the channel pays into; `None` for a cheque.
    pub fn money_key(self) -> Option<MoneyKey> {
        match self {
            Channel::Especes => Some(MoneyKey::Caisse),
            Channel::EnLigne => Some(MoneyKey::EnLigne),
            Channel::Virement => Some(MoneyKey::Pro),
            Channel::Cheque => None,
        }
    }

    pub fn mode(self) -> PaymentMode {
        match self {
            Channel::Especes => PaymentMode::Especes,
            Channel::EnLigne => PaymentMode::Carte,
            Channel::Virement => PaymentMode::Virement,
            Channel::Cheque => PaymentMode::Cheque,
        }
    }
}

impl fmt::Display for Channel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A contribution as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Contribution {
    pub id: i64,
    pub campaign_id: i64,
    pub pupil_id: i64,
    pub date: NaiveDate,
    pub amount: Money,
    pub channel: Channel,
    /// The recette it is part of (`None` for a cheque).
    pub entry_id: Option<i64>,
    /// That recette's pièce.
    pub piece: Option<String>,
    /// Name on a cheque.
    pub payer: String,
    /// When a cheque was given back.
    pub returned_on: Option<NaiveDate>,
    /// To or by whom it was given back (free text, may be empty).
    pub returned_by: String,
    /// Cancelled (status, or its recette reversed).
    pub cancelled: bool,
}

impl Contribution {
    /// Money that reached an account (not a cheque, not cancelled).
    pub fn is_collected(&self) -> bool {
        !self.cancelled && self.channel != Channel::Cheque
    }

    pub fn is_cheque_to_return(&self) -> bool {
        !self.cancelled && self.channel == Channel::Cheque && self.returned_on.is_none()
    }

    /// "rendu le 12/10/2024 à Mme Martin" for a cheque given back (who
    /// took it as typed when it starts with "à" or "par").
    pub fn returned_text(&self) -> Option<String> {
        let on = format_date(self.returned_on?);
        let by = self.returned_by.trim();
        let folded = fold(by);
        Some(if by.is_empty() {
            format!("rendu le {on}")
        } else if ["a ", "par "].iter().any(|p| folded.starts_with(p)) {
            format!("rendu le {on} {by}")
        } else {
            format!("rendu le {on} à {by}")
        })
    }

    /// "15,00 € (espèces)", "20,00 € (chèque reçu, à rendre)", "… (chèque rendu le 12/10/2024)".
    pub fn describe(&self) -> String {
        let how = match (self.channel, self.returned_on) {
            (Channel::Cheque, None) => "chèque reçu, à rendre".to_string(),
            (Channel::Cheque, Some(d)) => format!("chèque rendu le {}", format_date(d)),
            (other, _) => other.label().to_string(),
        };
        let cancelled = if self.cancelled { ", annulée" } else { "" };
        format!("{} ({how}{cancelled})", self.amount)
    }
}

/// One line of an envelope as typed in the quick entry screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContributionLine {
    pub pupil_id: i64,
    pub amount: String,
    pub channel: Channel,
    /// Name on a cheque (empty = the pupil's nom).
    pub payer: String,
}

/// What the quick entry screen sends when the user validates: one campaign,
/// the class whose envelope it is, one date, a line per pupil.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnvelopeRequest {
    pub campaign_id: i64,
    pub class_id: i64,
    pub date: String,
    pub lines: Vec<ContributionLine>,
}

/// A checked line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedLine {
    pub pupil_id: i64,
    pub amount: Money,
    pub channel: Channel,
    pub payer: String,
}

/// A checked envelope.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CheckedEnvelope {
    pub date: NaiveDate,
    pub lines: Vec<CheckedLine>,
}

impl CheckedEnvelope {
    pub fn lines_of(&self, channel: Channel) -> impl Iterator<Item = &CheckedLine> {
        self.lines.iter().filter(move |l| l.channel == channel)
    }

    pub fn total_of(&self, channel: Channel) -> Money {
        self.lines_of(channel).map(|l| l.amount).sum()
    }
}

/// Checks a date typed for a contribution: in the exercice being kept.
pub fn check_date(text: &str, exercice: Exercice) -> Result<NaiveDate, FieldError> {
    crate::domain::entry_request::date_in_exercice(text, exercice)
}

/// Checks one line against its pupil and the campaign (for the quick entry
/// screen to check a line on Enter, before the envelope is validated). The
/// refusal names the pupil: "Montant : pour DUPONT Léa, « 0 » : …".
pub fn check_line(
    line: &ContributionLine,
    pupil: &Pupil,
    campaign: &Campaign,
) -> Result<CheckedLine, FieldError> {
    if !campaign.concerns(pupil.class_id) {
        return Err(FieldError::new(
            Field::Eleve,
            format!(
                "{} n'est pas dans une classe de la campagne « {} »",
                pupil.display_with_class(),
                campaign.name
            ),
        ));
    }
    let amount = Money::parse_positive(&line.amount)
        .map_err(|e| FieldError::new(Field::Montant, format!("pour {}, {e}", pupil.display())))?;
    let payer = clean_field(Field::Payeur, &line.payer, super::pupils::MAX_NAME).map_err(|e| {
        FieldError::new(e.field, format!("pour {}, {}", pupil.display(), e.message))
    })?;
    let payer = if line.channel == Channel::Cheque && payer.is_empty() {
        pupil.nom.to_uppercase()
    } else {
        payer
    };
    Ok(CheckedLine {
        pupil_id: pupil.id,
        amount,
        channel: line.channel,
        payer,
    })
}

/// Checks a whole envelope: the date, each line, no pupil twice. `pupils`
/// must hold every pupil the lines name. Every line is checked: the
/// refusal names each wrong one.
pub fn check_envelope(
    request: &EnvelopeRequest,
    campaign: &Campaign,
    pupils: &[Pupil],
    exercice: Exercice,
) -> Result<CheckedEnvelope, FieldErrors> {
    if request.lines.is_empty() {
        return Err(FieldError::new(Field::Bordereau, "aucune participation saisie").into());
    }
    let mut errors = Vec::new();
    let date = super::keep(&mut errors, check_date(&request.date, exercice));
    let mut seen = HashSet::with_capacity(request.lines.len());
    let mut lines = Vec::with_capacity(request.lines.len());
    for line in &request.lines {
        let Some(pupil) = pupils.iter().find(|p| p.id == line.pupil_id) else {
            errors.push(FieldError::new(
                Field::Eleve,
                format!("n° {} inconnu", line.pupil_id),
            ));
            continue;
        };
        if !seen.insert(pupil.id) {
            errors.push(FieldError::new(
                Field::Eleve,
                format!(
                    "{} figure deux fois dans le bordereau : additionnez les montants sur une ligne",
                    pupil.display()
                ),
            ));
            continue;
        }
        lines.extend(super::keep(&mut errors, check_line(line, pupil, campaign)));
    }
    match date {
        Some(date) if errors.is_empty() => Ok(CheckedEnvelope { date, lines }),
        _ => Err(FieldErrors(errors)),
    }
}

/// "s" for plurals.
fn plural(n: usize) -> &'static str {
    if n > 1 { "s" } else { "" }
}

/// The caisse recette of a class's cash envelope: one pièce, the whole total
/// on the campaign's category. Label: "Sortie zoo CE1-B – bordereau (12 élèves)".
pub fn envelope_entry(
    campaign: &Campaign,
    class_name: &str,
    envelope: &CheckedEnvelope,
    piece: &str,
) -> Option<EntryRequest> {
    let count = envelope.lines_of(Channel::Especes).count();
    if count == 0 {
        return None;
    }
    let label = format!(
        "{} {class_name} – bordereau ({count} élève{})",
        campaign.name,
        plural(count)
    );
    Some(recette(
        campaign,
        Channel::Especes,
        envelope.date,
        envelope.total_of(Channel::Especes),
        label,
        piece,
    ))
}

/// The recette of one online or virement contribution. The label names the
/// campaign and the class, never the pupil (names stay out of the accounts,
/// so that pupils can be anonymised while the accounts stay intact).
pub fn single_entry(
    campaign: &Campaign,
    class_name: &str,
    line: &CheckedLine,
    date: NaiveDate,
    piece: &str,
) -> Option<EntryRequest> {
    if matches!(line.channel, Channel::Especes | Channel::Cheque) {
        return None;
    }
    let label = format!("{} {class_name} – {}", campaign.name, line.channel.label());
    Some(recette(
        campaign,
        line.channel,
        date,
        line.amount,
        label,
        piece,
    ))
}

fn recette(
    campaign: &Campaign,
    channel: Channel,
    date: NaiveDate,
    amount: Money,
    label: String,
    piece: &str,
) -> EntryRequest {
    EntryRequest {
        date: date.to_string(),
        kind: EntryKind::Recette,
        account: channel.money_key().unwrap_or(MoneyKey::Caisse),
        amount: amount.fr_plain(),
        label,
        mode: Some(channel.mode()),
        splits: vec![SplitInput {
            code: campaign.category_code.clone(),
            amount: String::new(),
        }],
        piece: piece.to_string(),
        cheque_no: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn channels_parse_from_what_users_type() {
        for c in Channel::ALL {
            assert_eq!(Channel::parse(c.key()), Some(c));
            assert_eq!(Channel::parse(c.label()), Some(c));
            assert_eq!(Channel::from_key(c.key()), Some(c));
        }
        assert_eq!(Channel::parse("Espèces"), Some(Channel::Especes));
        assert_eq!(Channel::parse("CB"), Some(Channel::EnLigne));
        assert_eq!(Channel::parse("bitcoin"), None);
        assert_eq!(Channel::Cheque.money_key(), None);
    }
}
