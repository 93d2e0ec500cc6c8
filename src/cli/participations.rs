//! Headless commands of the participations des familles: the same `Book`
//! actions as the quick entry screen.

mod school;

use super::args::{CampaignAction, ChequeAction, Command, ContributionArgs, ExportWhat};
use super::output;
use super::participations_args::{CampaignAddArgs, ImportWhat};
use super::{CliError, open_book_for_reading, open_book_for_writing};
use crate::domain::participation::{CampaignRequest, Channel, ContributionLine};
use crate::domain::{Money, format_date};
use crate::io::export::CsvFormat;
use crate::io::export::contributions::write_contributions;
use crate::store::StoreError;
use school::{import_pupils, pupils, regie};
use std::io::Write;
use std::path::Path;

/// Runs one participations command, printing its result lines.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    let lines = match command {
        Command::Import {
            what: ImportWhat::Pupils { file },
        } => vec![import_pupils(db, &file)?],
        Command::Campaign { action } => campaign(db, action)?,
        Command::Contribution(args) => vec![contribution(db, args)?],
        Command::Cheque { action } => cheque(db, action)?,
        Command::Regie { action } => regie(db, action)?,
        Command::Pupils { action } => pupils(db, action)?,
        Command::Export { what } => export(db, what, out)?,
        _ => return Err(CliError::Input("commande hors des participations".into())),
    };
    for line in lines {
        writeln!(out, "{line}").map_err(super::stdout_error)?;
    }
    Ok(())
}

pub(super) fn refused(message: String) -> CliError {
    StoreError::Refused(message).into()
}

fn campaign(db: &Path, action: CampaignAction) -> Result<Vec<String>, CliError> {
    match action {
        CampaignAction::Add(args) => Ok(vec![campaign_add(db, args)?]),
        CampaignAction::List => {
            let book = open_book_for_reading(db)?;
            let mut lines = Vec::new();
            for c in book.campaigns()? {
                let view = book.campaign_view(c.id)?;
                lines.push(format!(
                    "{}\t{}\t{}\t{}/{}",
                    c.name,
                    c.suggested.map_or("libre".to_string(), Money::std),
                    view.totals.collected().std(),
                    view.contributors,
                    view.pupils
                ));
            }
            Ok(lines)
        }
        CampaignAction::Show { name, detail } => {
            let book = open_book_for_reading(db)?;
            let campaign = book.find_campaign(&name)?;
            let view = book.campaign_view(campaign.id)?;
            let mut lines = Vec::new();
            let totals = |t: &crate::domain::participation::ChannelTotals| {
                format!(
                    "especes={}\ten-ligne={}\tvirement={}\tcheques-a-rendre={}",
                    t.especes.std(),
                    t.en_ligne.std(),
                    t.virement.std(),
                    t.cheques_to_return_count
                )
            };
            for class in &view.classes {
                lines.push(format!(
                    "{}\t{}/{}\t{}\t{}",
                    class.class.name,
                    class.contributors,
                    class.pupils.len(),
                    class.totals.collected().std(),
                    totals(&class.totals)
                ));
                if detail {
                    for p in &class.pupils {
                        lines.push(format!("  {}\t{}", p.pupil.display(), p.status()));
                    }
                }
            }
            // Machine output: the target and the share collected (in %, one
            // decimal, cut not rounded, above 100 when the target is passed).
            let gauge = match view.target.filter(|t| t.cents() > 0) {
                Some(target) => {
                    let collected = i128::from(view.totals.collected().cents().max(0));
                    let permille = collected * 1000 / i128::from(target.cents());
                    format!(
                        "\tobjectif={}\tpourcent={}.{}",
                        target.std(),
                        permille / 10,
                        permille % 10
                    )
                }
                None => String::new(),
            };
            lines.push(format!(
                "total\t{}/{}\t{}\t{}{gauge}",
                view.contributors,
                view.pupils,
                view.totals.collected().std(),
                totals(&view.totals)
            ));
            Ok(lines)
        }
    }
}

fn campaign_add(db: &Path, args: CampaignAddArgs) -> Result<String, CliError> {
    let (_guard, mut book) = open_book_for_writing(db)?;
    let request = CampaignRequest {
        name: args.name,
        suggested: args.amount.unwrap_or_default(),
        category: args.category.unwrap_or_default(),
        classes: args.classes,
        starts_on: args.from.unwrap_or_default(),
        ends_on: args.to.unwrap_or_default(),
    };
    let id = book.add_campaign(&request)?;
    let c = book
        .campaign(id)?
        .ok_or_else(|| CliError::Input("campagne introuvable après ajout".into()))?;
    let classes = book.classes()?;
    let concerned: Vec<&str> = classes
        .iter()
        .filter(|k| c.class_ids.contains(&k.id))
        .map(|k| k.name.as_str())
        .collect();
    Ok(format!(
        "Campagne « {} » créée : {}, catégorie {}, {}",
        c.name,
        c.suggested.map_or("montant libre".to_string(), |m| format!(
            "{m} suggérés par élève"
        )),
        c.category_code,
        if concerned.is_empty() {
            "toutes les classes".to_string()
        } else {
            format!("classes {}", concerned.join(", "))
        }
    ))
}

fn contribution(db: &Path, args: ContributionArgs) -> Result<String, CliError> {
    let channel = Channel::parse(&args.channel).ok_or_else(|| {
        refused(format!(
            "Moyen de paiement : « {} » inconnu : {} attendu",
            crate::domain::text::shown(&args.channel),
            Channel::expected()
        ))
    })?;
    let (_guard, mut book) = open_book_for_writing(db)?;
    let campaign = book.find_campaign(&args.campaign)?;
    let pupil = book.find_pupil(&args.pupil, args.class.as_deref())?;
    let amount = Money::parse(&args.amount).unwrap_or_default();
    let line = ContributionLine {
        pupil_id: pupil.id,
        amount: args.amount,
        channel,
        payer: args.payer.unwrap_or_default(),
    };
    let warnings = book.contribution_warnings(campaign.id, pupil.id, &args.date)?;
    let receipt = book.record_contribution(campaign.id, pupil.id, line, &args.date)?;
    super::warn(&warnings);
    if channel == Channel::Cheque {
        return Ok(format!(
            "Chèque de {} pour {} noté « reçu, à rendre » (n° {}) : il n'entre dans aucun compte",
            amount,
            pupil.display_with_class(),
            receipt.contributions.first().copied().unwrap_or_default()
        ));
    }
    let entry = receipt
        .cash_entry
        .or(receipt.other_entries.first().copied());
    let piece = match entry {
        Some(id) => book.entry(id)?.map(|e| e.piece).unwrap_or_default(),
        None => String::new(),
    };
    Ok(format!(
        "Participation enregistrée : {}, {} ({}), pièce {piece}",
        pupil.display_with_class(),
        receipt.collected,
        channel.label()
    ))
}

fn cheque(db: &Path, action: ChequeAction) -> Result<Vec<String>, CliError> {
    match action {
        ChequeAction::List { all } => {
            let book = open_book_for_reading(db)?;
            let mut lines = Vec::new();
            let cheques = if all {
                book.all_cheques()?
            } else {
                book.pending_cheques()?
            };
            for c in cheques {
                let pupil = book
                    .pupil(c.pupil_id)?
                    .map(|p| p.display_with_class())
                    .unwrap_or_default();
                let mut line = format!(
                    "{}\t{}\t{}\t{}\t{pupil}",
                    c.id,
                    format_date(c.date),
                    c.amount.std(),
                    c.payer
                );
                if all {
                    line.push('\t');
                    line.push_str(&match c.returned_on {
                        Some(on) if c.returned_by.is_empty() => {
                            format!("rendu le {}", format_date(on))
                        }
                        Some(on) => format!("rendu le {} ({})", format_date(on), c.returned_by),
                        None => "à rendre".into(),
                    });
                }
                lines.push(line);
            }
            Ok(lines)
        }
        ChequeAction::Return { id, date, by } => {
            let (_guard, mut book) = open_book_for_writing(db)?;
            book.return_cheque_to(id, &date, by.as_deref().unwrap_or(""))?;
            Ok(vec![format!(
                "Chèque n° {id} rendu ; {}",
                match book.cheques_to_return()? {
                    0 => "plus aucun chèque à rendre".to_string(),
                    n => crate::domain::text::counted(
                        n,
                        "chèque reste à rendre",
                        "chèques restent à rendre"
                    ),
                }
            )])
        }
    }
}

fn export(db: &Path, what: ExportWhat, out: &mut dyn Write) -> Result<Vec<String>, CliError> {
    let ExportWhat::Contributions {
        campaign,
        out: path,
        format,
    } = what
    else {
        return Err(CliError::Input("export hors des participations".into()));
    };
    let format = CsvFormat::from(format);
    output::check(db, &path)?;
    let book = open_book_for_reading(db)?;
    let campaign = book.find_campaign(&campaign)?;
    let mut rows = Vec::new();
    for c in book.contributions(campaign.id)? {
        if let Some(p) = book.pupil(c.pupil_id)? {
            rows.push((c, p));
        }
    }
    rows.sort_by(|(a, pa), (b, pb)| {
        (pa.class_name.as_str(), pa.sort_key(), a.id).cmp(&(
            pb.class_name.as_str(),
            pb.sort_key(),
            b.id,
        ))
    });
    // The file holds pupils' names: owner only.
    output::export_to(db, &path, out, |file| {
        write_contributions(file, &rows, format)
    })?;
    if output::is_stdout(&path) {
        return Ok(Vec::new());
    }
    Ok(vec![format!(
        "{} participations exportées dans {}",
        rows.len(),
        path.display()
    )])
}
