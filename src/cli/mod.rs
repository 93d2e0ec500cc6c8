//! Headless commands: the same `Book` actions as the screens, for scripts and
//! tests. Errors are one French line on stderr and a non-zero exit.

pub mod args;
mod backups;
mod bank;
pub mod cash_count;
mod checklist;
pub mod closing;
mod corrections;
pub mod crf;
mod exports;
mod help;
mod online;
mod output;
mod participations;
pub mod participations_args;
pub mod reconcile_args;
mod usage;

use crate::book::{Book, Clock, SetupRequest, create_book};
use crate::domain::entry_request::{EntryRequest, SplitInput, TransferRequest, parse_split};
use crate::domain::text::shown;
use crate::domain::{
    EntryKind, Exercice, Field, FieldError, Money, MoneyKey, PaymentMode, format_date, parse_date,
};
use crate::store::{self, StoreError, lock};
use args::{AddArgs, Command, ExportWhat, ImportWhat, InitArgs, TransferArgs};
use std::io::Write;
use std::path::Path;

/// What went wrong, as the user reads it.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error("{0}")]
    Store(#[from] StoreError),
    #[error("{0}")]
    Input(String),
    #[error("écriture du fichier {path} impossible : {reason}")]
    Output { path: String, reason: String },
    #[error("écriture de la sortie impossible : {0}")]
    Stdout(String),
    /// The reader of the output went away (`| head`): end quietly.
    #[error("sortie fermée")]
    OutputClosed,
}

impl From<FieldError> for CliError {
    fn from(e: FieldError) -> Self {
        CliError::Store(e.into())
    }
}

/// Prints on stderr what the books accepted but the user should know.
pub(crate) fn warn(warnings: &[crate::domain::warning::Warning]) {
    for warning in warnings {
        eprintln!(
            "attention : {}",
            crate::domain::text::printable(&warning.to_string())
        );
    }
}

fn field_error(field: Field, message: String) -> CliError {
    FieldError::new(field, message).into()
}

/// Opens the database for a change: takes the lock first.
pub(crate) fn open_for_writing(
    db: &Path,
) -> Result<(lock::DbLock, rusqlite::Connection), CliError> {
    let guard = lock::acquire(db)?;
    let conn = store::open(db)?;
    Ok((guard, conn))
}

/// Opens an existing coop for a change; a missing file is refused before
/// anything is created.
pub(crate) fn open_book_for_writing(db: &Path) -> Result<(lock::DbLock, Book), CliError> {
    if store::is_blank(db) {
        return Err(StoreError::NotInitialized.into());
    }
    let (guard, conn) = open_for_writing(db)?;
    Ok((guard, Book::load(conn, Clock::System)?))
}

/// Reading never needs the lock (SQLite readers do not block the writer).
pub(crate) fn open_book_for_reading(db: &Path) -> Result<Book, CliError> {
    if store::is_blank(db) {
        return Err(StoreError::NotInitialized.into());
    }
    Ok(Book::load(store::open(db)?, Clock::System)?)
}

fn parse_account(field: Field, text: &str) -> Result<MoneyKey, CliError> {
    MoneyKey::parse(text).ok_or_else(|| {
        field_error(
            field,
            format!(
                "« {} » inconnu : {} attendu",
                shown(text),
                MoneyKey::expected()
            ),
        )
    })
}

fn parse_exercice(text: Option<&str>, default: Exercice) -> Result<Exercice, CliError> {
    match text {
        Some(t) => Exercice::parse(t).map_err(|e| field_error(Field::Exercice, e.to_string())),
        None => Ok(default),
    }
}

/// `--exercice` of a command that reads or changes the books: it must be one
/// the base holds (an unknown one would show zeros as if they were true).
pub(crate) fn known_exercice(book: &Book, text: Option<&str>) -> Result<Exercice, CliError> {
    let exercice = parse_exercice(text, book.exercice())?;
    let known = store::coop::exercices(book.conn())?;
    if known.contains(&exercice) {
        return Ok(exercice);
    }
    let mut names: Vec<String> = known.iter().map(ToString::to_string).collect();
    names.sort();
    Err(field_error(
        Field::Exercice,
        format!(
            "« {exercice} » n'est pas dans la base : {} {}",
            if names.len() > 1 {
                "exercices présents :"
            } else {
                "exercice présent :"
            },
            names.join(", ")
        ),
    ))
}

/// `--at`: a date inside the exercice asked for.
fn date_in(text: &str, exercice: Exercice) -> Result<chrono::NaiveDate, CliError> {
    let date = parse_date(text, exercice).map_err(|e| field_error(Field::Date, e.to_string()))?;
    if !exercice.contains(date) {
        return Err(field_error(
            Field::Date,
            format!(
                "« {} » est hors de l'exercice {exercice} (du {} au {})",
                text.trim(),
                format_date(exercice.first_day()),
                format_date(exercice.last_day())
            ),
        ));
    }
    Ok(date)
}

/// A failed write on the standard output, in French; a closed pipe
/// (`coopcompta pupils list | head -2`) is not an error to report.
pub fn stdout_error(error: std::io::Error) -> CliError {
    if error.kind() == std::io::ErrorKind::BrokenPipe {
        CliError::OutputClosed
    } else {
        CliError::Stdout(store::french_io(&error))
    }
}

/// Runs one headless command; returns what to print on stdout.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    let print = |out: &mut dyn Write, text: String| writeln!(out, "{text}").map_err(stdout_error);
    match command {
        Command::Init(args) => print(out, init(db, args)?),
        Command::Add(args) => print(out, add(db, args)?),
        Command::Transfer(args) => print(out, transfer(db, args)?),
        Command::Balance { exercice, at } => {
            let book = open_book_for_reading(db)?;
            let exercice = known_exercice(&book, exercice.as_deref())?;
            let at = match at {
                Some(text) => Some(date_in(&text, exercice)?),
                None => None,
            };
            for (key, amount) in book.balances(exercice, at)? {
                print(out, format!("{}\t{}", key.key(), amount.std()))?;
            }
            Ok(())
        }
        Command::Export {
            what:
                what @ (ExportWhat::Ledger { .. }
                | ExportWhat::Cahier { .. }
                | ExportWhat::Hledger { .. }),
        } => exports::run(db, what, out),
        command @ (Command::Crf { .. }
        | Command::Export {
            what: ExportWhat::Crf(_),
        }) => crf::run(db, command, out),
        Command::Cancel { piece } => print(out, cancel(db, &piece)?),
        Command::Category(args) => print(out, corrections::category(db, args)?),
        Command::Headings => {
            for heading in open_book_for_reading(db)?.crf_headings() {
                print(out, heading)?;
            }
            Ok(())
        }
        Command::Settings(args) => print(out, corrections::settings(db, args)?),
        Command::RestoreEntry { piece } => print(out, corrections::restore(db, &piece)?),
        Command::Check => {
            let summary = check(db, out)?;
            print(out, summary)
        }
        Command::Checklist(args) => print(out, checklist::run(db, args)?),
        Command::Backups => {
            for line in backups::list(db)? {
                print(out, line)?;
            }
            Ok(())
        }
        Command::Restore { file } => print(out, backups::restore(db, &file)?),
        Command::CashCount(args) => {
            for line in cash_count::record(db, args)? {
                print(out, line)?;
            }
            Ok(())
        }
        Command::CashCounts { exercice } => {
            for line in cash_count::list(db, exercice.as_deref())? {
                print(out, line)?;
            }
            Ok(())
        }
        command @ (Command::Imports
        | Command::Bank { .. }
        | Command::Reconcile(_)
        | Command::Statement(_)
        | Command::Import {
            what: ImportWhat::Bank(_) | ImportWhat::Undo { .. },
        }) => bank::run(db, command, out),
        command @ (Command::Payouts
        | Command::Payments(_)
        | Command::Import {
            what: ImportWhat::Assoconnect(_),
        }) => online::run(db, command, out),
        command @ (Command::Import { .. }
        | Command::Campaign { .. }
        | Command::Contribution(_)
        | Command::Cheque { .. }
        | Command::Regie { .. }
        | Command::Pupils { .. }
        | Command::Export {
            what: ExportWhat::Contributions { .. },
        }) => participations::run(db, command, out),
        Command::Completions { shell } => {
            // Whole in memory first: the generator cannot report a closed pipe.
            let mut script = Vec::new();
            clap_complete::generate(
                shell,
                &mut args::french_command(),
                "coopcompta",
                &mut script,
            );
            out.write_all(&script).map_err(stdout_error)
        }
        Command::Close(args) => closing::close(db, args, out),
        Command::Reopen(args) => closing::reopen(db, args, out),
        Command::Demo { .. } => Err(CliError::Input(
            "la démonstration se lance depuis main".into(),
        )),
    }
}

/// A refused `init` leaves the file system as it found it: what it created
/// (folder, file, WAL, lock) is removed, an empty file is emptied again.
fn init(db: &Path, args: InitArgs) -> Result<String, CliError> {
    let created = store::created::NewFiles::note(db);
    let result = init_new(db, args);
    if result.is_err() {
        created.undo();
    }
    result
}

fn init_new(db: &Path, args: InitArgs) -> Result<String, CliError> {
    let today = Clock::System.today();
    let exercice = parse_exercice(args.exercice.as_deref(), Exercice::of(today))?;
    let openings = parse_openings(&args.opening)?;
    crate::book::check_coop_name(&args.coop).map_err(StoreError::from)?;
    crate::book::check_exercice_start(exercice, today).map_err(StoreError::from)?;
    let (_guard, conn) = open_for_writing(db)?;
    if store::coop::load(&conn)?.is_some() {
        return Err(StoreError::Refused(format!(
            "{} contient déjà une coopérative : rien n'a été modifié",
            db.display()
        ))
        .into());
    }
    let request = SetupRequest {
        coop_name: args.coop,
        exercice,
        openings,
    };
    let book = create_book(
        conn,
        &request,
        &crate::io::import::chart::default_chart(),
        Clock::System,
    )?;
    Ok(format!(
        "{} créée, exercice {}, dans {}",
        book.coop().name,
        book.exercice(),
        db.display()
    ))
}

/// `--opening COMPTE=MONTANT` (repeatable), checked as at the first launch.
pub(crate) fn parse_openings(items: &[String]) -> Result<Vec<(MoneyKey, Money)>, CliError> {
    let mut openings = Vec::new();
    for item in items {
        let (key, amount) = item.split_once('=').ok_or_else(|| {
            field_error(
                Field::Ouverture,
                format!(
                    "« {} » : COMPTE=MONTANT attendu (ex. caisse=120,50)",
                    shown(item)
                ),
            )
        })?;
        let key = parse_account(Field::Ouverture, key)?;
        let amount = Money::parse(amount)
            .map_err(|e| field_error(Field::Ouverture, format!("{} : {e}", key.key())))?;
        crate::domain::opening::check_opening(key, amount)?;
        if openings.iter().any(|(k, _)| *k == key) {
            return Err(field_error(
                Field::Ouverture,
                format!("« {} » donné deux fois", key.key()),
            ));
        }
        openings.push((key, amount));
    }
    Ok(openings)
}

fn add(db: &Path, args: AddArgs) -> Result<String, CliError> {
    let account = parse_account(Field::Compte, &args.account)?;
    let mode = match args.mode.as_deref() {
        Some(m) => Some(PaymentMode::parse(m).ok_or_else(|| {
            field_error(
                Field::Mode,
                format!(
                    "« {} » inconnu : especes, carte, virement, cheque ou prelevement attendu",
                    shown(m)
                ),
            )
        })?),
        None => Some(PaymentMode::default_for(account)),
    };
    let kind = if args.recette {
        EntryKind::Recette
    } else {
        EntryKind::Depense
    };
    let splits: Vec<SplitInput> = match args.category {
        Some(code) => vec![SplitInput {
            code,
            amount: String::new(),
        }],
        None => args.split.iter().map(|s| parse_split(s)).collect(),
    };
    let (_guard, mut book) = open_book_for_writing(db)?;
    let request = EntryRequest {
        date: args.date,
        kind,
        account,
        amount: args.amount,
        label: args.label,
        mode,
        splits,
        piece: args.piece.unwrap_or_default(),
        cheque_no: String::new(),
    };
    let warnings = book.entry_warnings(&request);
    let id = book.add_entry(&request)?;
    warn(&warnings);
    let entry = book
        .entry(id)?
        .ok_or_else(|| CliError::Input("écriture introuvable après ajout".into()))?;
    Ok(format!(
        "{} {} enregistrée : {} sur {}",
        kind.label(),
        entry.piece,
        Money::parse(&request.amount).unwrap_or_default(),
        account.label()
    ))
}

fn transfer(db: &Path, args: TransferArgs) -> Result<String, CliError> {
    let from = parse_account(Field::Compte, &args.from)?;
    let to = parse_account(Field::Destination, &args.to)?;
    let (_guard, mut book) = open_book_for_writing(db)?;
    let request = TransferRequest {
        date: args.date,
        from,
        to,
        amount: args.amount,
        label: args.label,
        piece: args.piece.unwrap_or_default(),
    };
    let warnings = book.transfer_warnings(&request);
    let id = book.add_transfer(&request)?;
    warn(&warnings);
    let entry = book
        .entry(id)?
        .ok_or_else(|| CliError::Input("écriture introuvable après ajout".into()))?;
    Ok(format!(
        "Virement {} enregistré : {} → {}",
        entry.piece,
        from.label(),
        to.label()
    ))
}

fn cancel(db: &Path, piece: &str) -> Result<String, CliError> {
    let (_guard, mut book) = open_book_for_writing(db)?;
    let entries = book.entries(book.exercice())?;
    let entry = entries
        .iter()
        .find(|e| e.piece == piece.trim())
        .ok_or_else(|| {
            field_error(
                Field::Piece,
                format!(
                    "« {} » : aucune écriture de l'exercice {} ne porte ce numéro",
                    shown(piece),
                    book.exercice()
                ),
            )
        })?;
    let reversal = book.cancel_entry(entry.id)?;
    let reversal = book
        .entry(reversal)?
        .ok_or_else(|| CliError::Input("annulation introuvable".into()))?;
    Ok(format!("{} annulée par {}", entry.piece, reversal.piece))
}

/// Every check of `store::integrity` on the file as it is: one line per
/// finding on stdout, then the summary as the error (exit 1).
fn check(db: &Path, out: &mut dyn Write) -> Result<String, CliError> {
    let report = store::integrity::check_file(db)?;
    if report.findings.is_empty() {
        return Ok(format!(
            "Base saine : {} écritures, toutes équilibrées",
            report.entries
        ));
    }
    for finding in &report.findings {
        writeln!(out, "{finding}").map_err(|e| CliError::Input(e.to_string()))?;
    }
    let n = report.findings.len();
    Err(CliError::Input(format!(
        "{n} anomalie{s} trouvée{s} ({} écritures vérifiées) : rien n'a été modifié ; \
         corrigez-{them} ou reprenez une copie du dossier sauvegardes",
        report.entries,
        s = if n > 1 { "s" } else { "" },
        them = if n > 1 { "les" } else { "la" }
    )))
}
