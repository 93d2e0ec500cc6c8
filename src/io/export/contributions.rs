//! Exporting a campaign's contributions as CSV (`std` for programs, `fr` for
//! French spreadsheets). Pupils without a contribution are not listed:
//! participation is voluntary, and no list of non-payers is produced.
//!
//! "Montant" is the money the coop collected on the row, so that the column
//! sums to what the campaign collected: a cheque (always given back) or a
//! cancelled contribution counts 0, its amount stays in "Montant remis".

use super::format::CsvFormat;
use crate::domain::participation::{Channel, Contribution, Pupil};
use crate::domain::{Money, format_date};
use std::io::Write;

fn amount(money: Money, format: CsvFormat) -> String {
    match format {
        CsvFormat::Std => money.std(),
        CsvFormat::Fr => money.std().replace('.', ","),
    }
}

/// What became of a contribution: (`std` key, `fr` label).
fn status(c: &Contribution) -> (&'static str, &'static str) {
    match (c.cancelled, c.channel, c.returned_on) {
        (true, _, _) => ("annule", "annulé"),
        (false, Channel::Cheque, None) => ("cheque-a-rendre", "chèque à rendre"),
        (false, Channel::Cheque, Some(_)) => ("cheque-rendu", "chèque rendu"),
        _ => ("encaisse", "encaissé"),
    }
}

/// Money that reached an account on this row (0 for a cheque or a cancelled one).
pub fn collected(c: &Contribution) -> Money {
    if c.is_collected() {
        c.amount
    } else {
        Money::ZERO
    }
}

/// Writes the contributions, each with its pupil, in the order given.
pub fn write_contributions<W: Write>(
    out: W,
    rows: &[(Contribution, Pupil)],
    format: CsvFormat,
) -> csv::Result<()> {
    let mut writer = format.writer(out)?;
    match format {
        CsvFormat::Std => writer.write_record([
            "date",
            "classe",
            "nom",
            "prenom",
            "montant",
            "montant_remis",
            "canal",
            "piece",
            "statut",
            "rendu_le",
            "id",
        ])?,
        CsvFormat::Fr => writer.write_record([
            "Date",
            "Classe",
            "Nom",
            "Prénom",
            "Montant",
            "Montant remis",
            "Moyen de paiement",
            "Pièce",
            "Statut",
            "Rendu le",
            "N°",
        ])?,
    }
    for (c, pupil) in rows {
        let (key, label) = status(c);
        let (date, channel, status, returned) = match format {
            CsvFormat::Std => (
                c.date.to_string(),
                c.channel.key(),
                key,
                c.returned_on.map(|d| d.to_string()),
            ),
            CsvFormat::Fr => (
                format_date(c.date),
                c.channel.label(),
                label,
                c.returned_on.map(format_date),
            ),
        };
        writer.write_record([
            date.as_str(),
            &format.text(&pupil.class_name),
            &format.text(&pupil.nom),
            &format.text(&pupil.prenom),
            &amount(collected(c), format),
            &amount(c.amount, format),
            channel,
            &format.text(c.piece.as_deref().unwrap_or("")),
            status,
            returned.as_deref().unwrap_or(""),
            &c.id.to_string(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}
