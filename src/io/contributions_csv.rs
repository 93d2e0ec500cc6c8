//! Exporting a campaign's contributions as CSV (`std` for tools, `fr` for
//! French spreadsheets). Pupils without a contribution are not listed:
//! participation is voluntary, and no list of non-payers is produced.

use super::export::{CsvFormat, neutralise};
use crate::domain::format_date;
use crate::domain::participation::{Channel, Contribution, Pupil};
use std::io::Write;

fn amount(c: &Contribution, format: CsvFormat) -> String {
    match format {
        CsvFormat::Std => c.amount.std(),
        CsvFormat::Fr => c.amount.std().replace('.', ","),
    }
}

fn state(c: &Contribution) -> String {
    match (c.cancelled, c.channel, c.returned_on) {
        (true, _, _) => "annulée".into(),
        (false, Channel::Cheque, None) => "chèque reçu, à rendre".into(),
        (false, Channel::Cheque, Some(d)) => format!("chèque rendu le {}", format_date(d)),
        _ => String::new(),
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
            "date", "classe", "nom", "prenom", "montant", "canal", "piece", "etat", "id",
        ])?,
        CsvFormat::Fr => writer.write_record([
            "Date",
            "Classe",
            "Nom",
            "Prénom",
            "Montant",
            "Moyen de paiement",
            "Pièce",
            "État",
            "N°",
        ])?,
    }
    for (c, pupil) in rows {
        let (date, channel) = match format {
            CsvFormat::Std => (c.date.to_string(), c.channel.key()),
            CsvFormat::Fr => (format_date(c.date), c.channel.label()),
        };
        writer.write_record([
            date.as_str(),
            &neutralise(&pupil.class_name),
            &neutralise(&pupil.nom),
            &neutralise(&pupil.prenom),
            &amount(c, format),
            channel,
            &neutralise(c.piece.as_deref().unwrap_or("")),
            &state(c),
            &c.id.to_string(),
        ])?;
    }
    writer.flush()?;
    Ok(())
}
