//! Headless commands: the same `Book` actions as the screens, for scripts and
//! tests. Errors are one French line on stderr and a non-zero exit.

pub mod args;
mod checklist;
mod participations;
pub mod participations_args;

use crate::book::{Book, Clock, SetupRequest, create_book};
use crate::domain::entry_request::{EntryRequest, SplitInput, TransferRequest, parse_split};
use crate::domain::{
    AccountKind, EntryKind, Exercice, Field, FieldError, Money, MoneyKey, PaymentMode, parse_date,
};
use crate::io::export::{CsvFormat, write_ledger};
use crate::store::{self, StoreError, lock};
use args::{AddArgs, CategoryArgs, Command, ExportWhat, InitArgs, TransferArgs};
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
}

impl From<FieldError> for CliError {
    fn from(e: FieldError) -> Self {
        CliError::Store(e.into())
    }
}

/// Prints on stderr what the books accepted but the user should know.
pub(crate) fn warn(warnings: &[crate::domain::warning::Warning]) {
    for warning in warnings {
        eprintln!("attention : {warning}");
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
    if !db.exists() {
        return Err(StoreError::NotInitialized.into());
    }
    let (guard, conn) = open_for_writing(db)?;
    Ok((guard, Book::load(conn, Clock::System)?))
}

/// Reading never needs the lock (SQLite readers do not block the writer).
pub(crate) fn open_book_for_reading(db: &Path) -> Result<Book, CliError> {
    if !db.exists() {
        return Err(StoreError::NotInitialized.into());
    }
    Ok(Book::load(store::open(db)?, Clock::System)?)
}

fn parse_account(field: Field, text: &str) -> Result<MoneyKey, CliError> {
    MoneyKey::parse(text).ok_or_else(|| {
        field_error(
            field,
            format!("« {text} » inconnu : {} attendu", MoneyKey::expected()),
        )
    })
}

fn parse_exercice(text: Option<&str>, default: Exercice) -> Result<Exercice, CliError> {
    match text {
        Some(t) => Exercice::parse(t).map_err(|e| field_error(Field::Exercice, e.to_string())),
        None => Ok(default),
    }
}

/// Runs one headless command; returns what to print on stdout.
pub fn run(db: &Path, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    let print = |out: &mut dyn Write, text: String| {
        writeln!(out, "{text}").map_err(|e| CliError::Input(e.to_string()))
    };
    match command {
        Command::Init(args) => print(out, init(db, args)?),
        Command::Add(args) => print(out, add(db, args)?),
        Command::Transfer(args) => print(out, transfer(db, args)?),
        Command::Balance { exercice, at } => {
            let book = open_book_for_reading(db)?;
            let exercice = parse_exercice(exercice.as_deref(), book.exercice())?;
            let at = match at {
                Some(text) => Some(
                    parse_date(&text, exercice)
                        .map_err(|e| field_error(Field::Date, e.to_string()))?,
                ),
                None => None,
            };
            for (key, amount) in book.balances(exercice, at)? {
                print(out, format!("{}\t{}", key.key(), amount.std()))?;
            }
            Ok(())
        }
        Command::Export {
            what:
                ExportWhat::Ledger {
                    exercice,
                    out: path,
                    format,
                },
        } => {
            let book = open_book_for_reading(db)?;
            let exercice = parse_exercice(exercice.as_deref(), book.exercice())?;
            let format = CsvFormat::parse(&format).ok_or_else(|| {
                CliError::Input(format!("format « {format} » inconnu : std ou fr attendu"))
            })?;
            let entries = book.entries(exercice)?;
            export_to(&path, |file| {
                write_ledger(file, &entries, book.chart(), format)
            })?;
            print(
                out,
                format!(
                    "{} écritures exportées dans {}",
                    entries.len(),
                    path.display()
                ),
            )
        }
        Command::Cancel { piece } => print(out, cancel(db, &piece)?),
        Command::Category(args) => print(out, category(db, args)?),
        Command::Check => print(out, check(db)?),
        Command::Checklist(args) => print(out, checklist::run(db, args)?),
        command @ (Command::Import { .. }
        | Command::Campaign { .. }
        | Command::Contribution(_)
        | Command::Cheque { .. }
        | Command::Regie { .. }
        | Command::Pupils { .. }
        | Command::Export {
            what: ExportWhat::Contributions { .. },
        }) => participations::run(db, command, out),
        Command::Demo { .. } => Err(CliError::Input(
            "la démonstration se lance depuis main".into(),
        )),
    }
}

/// Writes to a temporary file beside `path`, then renames it: a failed export
/// never leaves half a file.
fn export_to(
    path: &Path,
    write: impl FnOnce(&mut std::fs::File) -> csv::Result<()>,
) -> Result<(), CliError> {
    let fail = |reason: String| CliError::Output {
        path: path.display().to_string(),
        reason,
    };
    let mut tmp_name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    tmp_name.push(".partiel");
    let tmp = path.with_file_name(tmp_name);
    let io_fail = |e: std::io::Error| fail(store::french_io(&e));
    let mut file = std::fs::File::create(&tmp).map_err(io_fail)?;
    let written = write(&mut file)
        .map_err(|e| fail(crate::io::french_csv(&e)))
        .and_then(|()| file.sync_all().map_err(io_fail));
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    std::fs::rename(&tmp, path).map_err(io_fail)
}

fn init(db: &Path, args: InitArgs) -> Result<String, CliError> {
    let today = Clock::System.today();
    let exercice = parse_exercice(args.exercice.as_deref(), Exercice::of(today))?;
    let mut openings = Vec::new();
    for item in &args.opening {
        let (key, amount) = item.split_once('=').ok_or_else(|| {
            field_error(
                Field::Ouverture,
                format!("« {item} » : COMPTE=MONTANT attendu (ex. caisse=120,50)"),
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
        &crate::io::chart_csv::default_chart(),
        Clock::System,
    )?;
    Ok(format!(
        "{} créée, exercice {}, dans {}",
        book.coop().name,
        book.exercice(),
        db.display()
    ))
}

fn add(db: &Path, args: AddArgs) -> Result<String, CliError> {
    let account = parse_account(Field::Compte, &args.account)?;
    let mode = match args.mode.as_deref() {
        Some(m) => Some(PaymentMode::parse(m).ok_or_else(|| {
            field_error(
                Field::Mode,
                format!(
                    "« {m} » inconnu : especes, carte, virement, cheque ou prelevement attendu"
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
                    "« {piece} » : aucune écriture de l'exercice {} ne porte ce numéro",
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

fn category(db: &Path, args: CategoryArgs) -> Result<String, CliError> {
    let kind = match AccountKind::parse(&args.nature) {
        Some(k @ (AccountKind::Charge | AccountKind::Produit)) => k,
        _ => {
            return Err(CliError::Input(format!(
                "nature « {} » : charge ou produit attendu",
                args.nature
            )));
        }
    };
    let (_guard, mut book) = open_book_for_writing(db)?;
    book.save_category(&args.code, &args.label, kind, args.rubrique.as_deref())?;
    Ok(format!(
        "Catégorie {} « {} » enregistrée",
        args.code.trim(),
        args.label.trim()
    ))
}

fn check(db: &Path) -> Result<String, CliError> {
    let book = open_book_for_reading(db)?;
    let integrity: String = book
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(StoreError::from)?;
    if integrity != "ok" {
        return Err(StoreError::Corrupt(integrity).into());
    }
    let mut count = 0;
    for exercice in store::coop::exercices(book.conn())? {
        for entry in book.entries(exercice)? {
            let total: Money = entry.lines.iter().map(|l| l.amount).sum();
            if !total.is_zero() {
                return Err(StoreError::Corrupt(format!(
                    "l'écriture {} n'est pas équilibrée ({total})",
                    entry.piece
                ))
                .into());
            }
            count += 1;
        }
    }
    Ok(format!(
        "Base saine : {count} écritures, toutes équilibrées"
    ))
}
