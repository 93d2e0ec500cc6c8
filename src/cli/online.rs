//! Headless commands of the AssoConnect payments: import, payouts, payments
//! and their attribution to pupils.

use super::args::Command;
use super::participations_args::ImportWhat;
use super::reconcile_args::{PaymentImportArgs, PaymentsAction, PaymentsArgs};
use super::{CliError, open_book_for_reading, open_book_for_writing};
use crate::domain::online::{PaymentStatus, PayoutState};
use crate::io::import::assoconnect::{PaymentColumns, read_payments};
use crate::store::StoreError;
use std::io::Write;
use std::path::Path;

/// Runs one AssoConnect command, printing its result lines.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    let lines = match command {
        Command::Import {
            what: ImportWhat::Assoconnect(args),
        } => import(db, args)?,
        Command::Payouts => payouts(db)?,
        Command::Payments(args) => payments(db, args)?,
        _ => {
            return Err(CliError::Input(
                "commande hors des paiements AssoConnect".into(),
            ));
        }
    };
    for line in lines {
        writeln!(out, "{line}").map_err(super::stdout_error)?;
    }
    Ok(())
}

fn refused(message: String) -> CliError {
    StoreError::Refused(message).into()
}

fn import(db: &Path, args: PaymentImportArgs) -> Result<Vec<String>, CliError> {
    let name = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|e| {
        CliError::from(StoreError::Io {
            path: name.clone(),
            source: e,
        })
    })?;
    let columns = PaymentColumns {
        date: args.date_col,
        amount: args.amount_col,
        payer: args.payer_col,
        form: args.form_col,
        id: args.id_col,
        fee: args.fee_col,
        status: args.status_col,
        payout: args.payout_col,
    };
    let file = read_payments(&bytes, &columns).map_err(|e| refused(format!("{name} : {e}")))?;
    let (_guard, mut book) = open_book_for_writing(db)?;
    let file_name = args
        .file
        .file_name()
        .map_or(name.clone(), |n| n.to_string_lossy().into_owned());
    let summary = book
        .import_payments(&file_name, &bytes, &file)
        .map_err(|e| refused(format!("{name} : {e}")))?;
    let Some(batch) = summary.batch else {
        return Ok(vec![if summary.duplicates == 1 {
            "rien de nouveau : le paiement est déjà importé".to_string()
        } else {
            format!(
                "rien de nouveau : les {} paiements sont déjà importés",
                summary.duplicates
            )
        }]);
    };
    let mut lines = vec![
        format!("batch\t{batch}"),
        format!("payments\t{}", summary.payments),
        format!("recorded\t{}", summary.recorded),
        format!("linked\t{}", summary.linked),
        format!("refunded\t{}", summary.refunded),
        format!("to_assign\t{}", summary.to_assign),
        format!("payouts\t{}", summary.payouts),
        format!("fees\t{}", summary.fees.std()),
        format!("duplicates\t{}", summary.duplicates),
    ];
    if summary.campaigns_created > 0 {
        lines.push(format!("campaigns_created\t{}", summary.campaigns_created));
    }
    for (status, count) in &summary.not_counted {
        lines.push(format!(
            "not_counted\t{}\t{count}",
            crate::domain::text::printable(status)
        ));
    }
    Ok(lines)
}

fn payouts(db: &Path) -> Result<Vec<String>, CliError> {
    let book = open_book_for_reading(db)?;
    Ok(book
        .payouts()?
        .into_iter()
        .map(|p| {
            let state = match &p.state {
                PayoutState::Announced => "annoncé".to_string(),
                PayoutState::Received { on, piece } => format!("reçu {on} {piece}"),
            };
            format!(
                "{}\t{}\t{}\t{}\t{}\t{state}",
                p.reference,
                p.payments,
                p.gross.std(),
                p.fees.std(),
                p.net.std()
            )
        })
        .collect())
}

fn payments(db: &Path, args: PaymentsArgs) -> Result<Vec<String>, CliError> {
    if let Some(PaymentsAction::Assign {
        id,
        pupil,
        class,
        none,
    }) = args.action
    {
        let (_guard, mut book) = open_book_for_writing(db)?;
        let chosen = match (pupil, none) {
            (Some(typed), false) => Some(book.find_pupil(&typed, class.as_deref())?),
            _ => None,
        };
        book.assign_payment(id, chosen.as_ref().map(|p| p.id))?;
        return Ok(vec![match chosen {
            Some(p) => format!(
                "paiement n° {id} attribué à {} ({})",
                p.display(),
                p.class_name
            ),
            None => format!("paiement n° {id} attribué à aucun élève"),
        }]);
    }
    let book = open_book_for_reading(db)?;
    Ok(book
        .payments()?
        .into_iter()
        .filter(|p| !args.to_assign || p.to_assign)
        .map(|p| {
            let state = if p.status == PaymentStatus::Refunded {
                "remboursé".to_string()
            } else if p.to_assign {
                "à attribuer".to_string()
            } else if p.linked {
                format!("lié {}", p.piece.clone().unwrap_or_default())
            } else {
                format!("enregistré {}", p.piece.clone().unwrap_or_default())
            };
            format!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{state}\t{}",
                p.id,
                p.date,
                p.amount.std(),
                p.fee.std(),
                crate::domain::text::printable(&p.payer),
                crate::domain::text::printable(&p.form),
                p.path()
            )
        })
        .collect())
}
