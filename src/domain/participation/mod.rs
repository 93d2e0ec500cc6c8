//! Participations des familles: classes and pupils, campaigns (appels à
//! participation), contributions by channel, cheques to give back, and the
//! régies d'avance of class coops. Pure rules, no database.
//!
//! Refusals are French and keyed by the field they concern
//! ([`crate::domain::FieldErrors`]): a form shows each under its field, the
//! CLI prints "Champ : message".

pub mod campaign;
pub mod contribution;
pub mod matching;
pub mod pupils;
pub mod regie;
pub mod view;

pub use campaign::{Campaign, CampaignRequest, CheckedCampaign};
pub use contribution::{
    Channel, CheckedEnvelope, CheckedLine, Contribution, ContributionLine, EnvelopeRequest,
};
pub use pupils::{NewPupil, Pupil, PupilInput, SchoolClass};
pub use regie::{RegieBalance, RegieKind, RegieMove, RegieRequest};
pub use view::{CampaignView, ChannelTotals, ClassView, NO_PARTICIPATION, PupilLine};

/// Checks a typed name (see [`crate::domain::text::check_text`]: no control
/// or invisible-only text, `max_chars` at most), trims it and collapses inner
/// spaces: "  de la  Tour " → "de la Tour". The error is the reason, without
/// the field's name.
pub fn clean_name(text: &str, max_chars: usize) -> Result<String, String> {
    let checked = crate::domain::text::check_text(text, max_chars)?;
    Ok(checked.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// [`clean_name`], the refusal keyed by `field`.
pub fn clean_field(
    field: crate::domain::Field,
    text: &str,
    max_chars: usize,
) -> Result<String, crate::domain::FieldError> {
    clean_name(text, max_chars).map_err(|reason| crate::domain::FieldError::new(field, reason))
}

/// The value of a field's check, or `None` with its refusal noted (a rule
/// checks every field, then refuses with all that is wrong).
pub(crate) fn keep<T>(
    errors: &mut Vec<crate::domain::FieldError>,
    checked: Result<T, crate::domain::FieldError>,
) -> Option<T> {
    checked.map_err(|e| errors.push(e)).ok()
}
