//! Headless commands of the bank reconciliation: statement imports,
//! batches, bank lines, matching, statement check. Machine output as
//! key<TAB>value lines, amounts as `-12.50`.

use super::args::{BankAction, Command};
use super::participations_args::ImportWhat;
use super::reconcile_args::{
    BankImportArgs, PresetArg, ReconcileAction, ReconcileArgs, StatementArgs,
};
use super::{
    CliError, date_in, field_error, open_book_for_reading, open_book_for_writing, stdout_error,
};
use crate::book::Book;
use crate::domain::bank::{BatchKind, LineState};
use crate::domain::text::{printable, shown};
use crate::domain::{Field, Money, MoneyKey};
use crate::io::import::bank::{BankColumns, BankOptions, BankPreset, read_bank};
use crate::store::StoreError;
use std::io::Write;
use std::path::Path;

/// Runs one reconciliation command, printing its result lines.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    let lines = match command {
        Command::Import {
            what: ImportWhat::Bank(args),
        } => import(db, args)?,
        Command::Import {
            what: ImportWhat::Undo { batch },
        } => undo(db, batch)?,
        Command::Imports => imports(db)?,
        Command::Bank {
            action: BankAction::Lines { account, unmatched },
        } => bank_lines(db, account.key(), unmatched)?,
        Command::Reconcile(args) => reconcile(db, args)?,
        Command::Statement(args) => statement(db, args)?,
        _ => return Err(CliError::Input("commande hors du rapprochement".into())),
    };
    for line in lines {
        writeln!(out, "{line}").map_err(stdout_error)?;
    }
    Ok(())
}

fn options(args: &BankImportArgs) -> BankOptions {
    BankOptions {
        preset: match args.preset {
            PresetArg::Auto => BankPreset::Auto,
            PresetArg::Swan => BankPreset::Swan,
            PresetArg::Lbp => BankPreset::Lbp,
        },
        columns: BankColumns {
            date: args.date_col,
            amount: args.amount_col,
            debit: args.debit_col,
            credit: args.credit_col,
            label: args.label_col,
            reference: args.ref_col,
            id: args.id_col,
            status: args.status_col,
            counterparty: args.counterparty_col,
        },
        date_format: args.date_format.clone(),
    }
}

fn import(db: &Path, args: BankImportArgs) -> Result<Vec<String>, CliError> {
    let name = printable(&args.file.display().to_string());
    let bytes = std::fs::read(&args.file).map_err(|e| {
        CliError::Input(format!("fichier {name} : {}", crate::store::french_io(&e)))
    })?;
    let file =
        read_bank(&bytes, &options(&args)).map_err(|e| CliError::Input(format!("{name} : {e}")))?;
    let (_guard, mut book) = open_book_for_writing(db)?;
    let summary = book.import_bank(
        args.account.key(),
        &args.file.display().to_string(),
        &bytes,
        &file,
    )?;
    let mut lines = vec![
        format!(
            "batch\t{}",
            summary.batch.map_or("-".to_string(), |b| b.to_string())
        ),
        format!("imported\t{}", summary.imported),
        format!("duplicates\t{}", summary.duplicates),
        format!("skipped\t{}", summary.skipped),
    ];
    if summary.outside_exercice > 0 {
        lines.push(format!("outside_exercice\t{}", summary.outside_exercice));
    }
    if summary.batch.is_some() {
        lines.push(format!("matched\t{}", summary.matched));
    }
    if let Some(stated) = summary.statement {
        lines.push(format!("statement_date\t{}", stated.date));
        lines.push(format!("statement_balance\t{}", stated.balance.std()));
    }
    if let Some(m) = summary.implied_opening {
        lines.push(format!("implied_opening\t{}", m.std()));
    }
    if let Some(m) = summary.books_opening {
        lines.push(format!("books_opening\t{}", m.std()));
    }
    if let Some(note) = summary.note {
        lines.push(format!("note\t{note}"));
    }
    Ok(lines)
}

fn undo(db: &Path, batch: i64) -> Result<Vec<String>, CliError> {
    let (_guard, mut book) = open_book_for_writing(db)?;
    let summary = book.undo_batch(batch)?;
    Ok(vec![
        format!("undone\t{batch}"),
        format!("lines\t{}", summary.lines),
        format!("payments\t{}", summary.payments),
        format!("entries\t{}", summary.entries),
        format!("matches\t{}", summary.matches),
    ])
}

fn imports(db: &Path) -> Result<Vec<String>, CliError> {
    let book = open_book_for_reading(db)?;
    Ok(book
        .batches()?
        .into_iter()
        .map(|b| {
            let kind = match b.kind {
                BatchKind::Bank(key) => format!("banque-{}", key.key()),
                BatchKind::AssoConnect => "assoconnect".to_string(),
            };
            let mut line = format!(
                "{}\t{}\t{kind}\t{}\t{}",
                b.id,
                b.imported_at,
                printable(&b.file_name),
                b.imported
            );
            if let Some(at) = b.undone_at {
                line.push_str(&format!("\tdéfait le {at}"));
            }
            line
        })
        .collect())
}

fn bank_lines(db: &Path, account: MoneyKey, unmatched: bool) -> Result<Vec<String>, CliError> {
    let book = open_book_for_reading(db)?;
    Ok(book
        .bank_lines(account)?
        .into_iter()
        .filter(|l| !(unmatched && l.is_matched()))
        .map(|l| {
            let state = match &l.state {
                LineState::Matched(pieces) => format!("rapproché {}", pieces.join(" ")),
                LineState::ToMatch => "à rapprocher".to_string(),
            };
            format!(
                "{}\t{}\t{}\t{}\t{state}",
                l.id,
                l.date,
                l.amount.std(),
                one_cell(&l.label)
            )
        })
        .collect())
}

/// A text in one machine-output cell: no tab, no line break.
fn one_cell(text: &str) -> String {
    printable(&text.replace(['\t', '\n', '\r'], " "))
}

/// The id of the entry numbered `piece` in the current exercice.
fn entry_of_piece(book: &Book, piece: &str) -> Result<i64, CliError> {
    let exercice = book.exercice();
    book.entries(exercice)?
        .into_iter()
        .find(|e| e.piece.eq_ignore_ascii_case(piece.trim()))
        .map(|e| e.id)
        .ok_or_else(|| {
            field_error(
                Field::Piece,
                format!(
                    "« {} » : aucune écriture de ce numéro dans l'exercice {exercice}",
                    shown(piece)
                ),
            )
        })
}

fn reconcile(db: &Path, args: ReconcileArgs) -> Result<Vec<String>, CliError> {
    let (_guard, mut book) = open_book_for_writing(db)?;
    match args.action {
        None => {
            let (Some(account), true) = (args.account, args.auto) else {
                return Err(CliError::Input(
                    "précisez « --account pro|lbp --auto », ou une action : match, unmatch, create, payout"
                        .into(),
                ));
            };
            let summary = book.reconcile_auto(account.key())?;
            Ok(vec![
                format!("matched\t{}", summary.matched),
                format!("created\t{}", summary.created),
                format!("unmatched_lines\t{}", summary.unmatched_lines),
                format!("unmatched_entries\t{}", summary.unmatched_entries),
            ])
        }
        Some(ReconcileAction::Match { line, pieces }) => {
            let ids = pieces
                .iter()
                .map(|p| entry_of_piece(&book, p))
                .collect::<Result<Vec<_>, _>>()?;
            book.match_line(line, &ids)?;
            Ok(vec![
                format!("line\t{line}"),
                format!("matched\t{}", pieces.join(" ")),
            ])
        }
        Some(ReconcileAction::Payout { line, accept }) => payout(&mut book, line, accept),
        Some(ReconcileAction::Unmatch { line }) => {
            book.unmatch_line(line)?;
            Ok(vec![format!("line\t{line}"), "unmatched\tok".to_string()])
        }
        Some(ReconcileAction::Create {
            line,
            category,
            label,
        }) => {
            let id = book.create_from_line(line, &category, label.as_deref())?;
            let piece = book
                .entry(id)?
                .map(|e| e.piece)
                .ok_or_else(|| StoreError::Corrupt("écriture introuvable".into()))?;
            Ok(vec![format!("line\t{line}"), format!("piece\t{piece}")])
        }
    }
}

/// The payments proposed for an unexplained AssoConnect credit, one line
/// each (`payment<TAB>id<TAB>date<TAB>amount<TAB>fee<TAB>payer`), then, with
/// `accept`, the transfer recorded and matched.
fn payout(book: &mut Book, line: i64, accept: bool) -> Result<Vec<String>, CliError> {
    let Some(ids) = book.payout_proposal(line)? else {
        return Err(StoreError::Refused(format!(
            "ligne de relevé n° {line} : aucun ensemble de paiements AssoConnect pas encore versés ne fait ce montant (brut − frais)"
        ))
        .into());
    };
    let payments = book.payments()?;
    let mut out = vec![format!("line\t{line}")];
    for id in &ids {
        if let Some(p) = payments.iter().find(|p| p.id == *id) {
            out.push(format!(
                "payment\t{}\t{}\t{}\t{}\t{}",
                p.id,
                p.date,
                p.amount.std(),
                p.fee.std(),
                one_cell(&p.payer)
            ));
        }
    }
    if accept {
        let transfer = book.accept_payout(line, &ids)?;
        let piece = book
            .entry(transfer)?
            .map(|e| e.piece)
            .ok_or_else(|| StoreError::Corrupt("écriture introuvable".into()))?;
        out.push(format!("piece\t{piece}"));
    }
    Ok(out)
}

fn statement(db: &Path, args: StatementArgs) -> Result<Vec<String>, CliError> {
    let (_guard, mut book) = open_book_for_writing(db)?;
    let date = date_in(&args.date, book.exercice())?;
    let balance =
        Money::parse(&args.balance).map_err(|e| field_error(Field::Montant, e.to_string()))?;
    let check = book.check_statement(args.account.key(), date, balance)?;
    let mut lines = vec![
        format!("books\t{}", check.books.std()),
        format!("reconciled\t{}", check.reconciled.std()),
        format!("statement\t{}", check.statement.std()),
        format!("difference\t{}", check.difference.std()),
    ];
    for b in check.not_on_statement {
        lines.push(format!(
            "not_on_statement\t{}\t{}\t{}\t{}",
            b.piece,
            b.date,
            b.amount.std(),
            one_cell(&b.label)
        ));
    }
    Ok(lines)
}
