//! `coopcompta close` and `coopcompta reopen`: closing an exercice (its
//! blockers first, one `KEY<TAB>what is missing` line each) and undoing it.

use super::{CliError, known_exercice, open_book_for_writing, stdout_error};
use crate::domain::closing::{BlockerKey, CarryOver, Override};
use crate::domain::text::shown;
use std::io::Write;
use std::path::Path;

#[derive(Debug, clap::Args)]
pub struct CloseArgs {
    /// Exercice à clôturer, ex. 2024-2025
    #[arg(long, value_name = "EXERCICE")]
    pub exercice: String,
    /// Passe outre un point bloquant (caisse, releve-pro, releve-lbp, pieces, cheques, regies, en-ligne) ; chaque --override est suivi de son --reason
    #[arg(long = "override", value_name = "CLÉ")]
    pub overrides: Vec<String>,
    /// La raison du --override qui précède, gardée au journal
    #[arg(long = "reason", value_name = "TEXTE")]
    pub reasons: Vec<String>,
    /// Reporte les classes et les élèves dans l'exercice suivant
    #[arg(long)]
    pub carry_pupils: bool,
    /// Renomme une classe au passage, ex. --rename CP=CE1 (avec --carry-pupils)
    #[arg(long = "rename", value_name = "ANCIEN=NOUVEAU")]
    pub renames: Vec<String>,
    /// Classe qui quitte l'école, non reportée, ex. --leaving CM2 (avec --carry-pupils)
    #[arg(long = "leaving", value_name = "CLASSE")]
    pub leaving: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ReopenArgs {
    /// Exercice à rouvrir (le dernier clôturé), ex. 2024-2025
    #[arg(long, value_name = "EXERCICE")]
    pub exercice: String,
    /// Pourquoi il est rouvert, gardé au journal
    #[arg(long, value_name = "TEXTE")]
    pub reason: String,
}

fn overrides(args: &CloseArgs) -> Result<Vec<Override>, CliError> {
    let mut out = Vec::new();
    for (i, typed) in args.overrides.iter().enumerate() {
        let key = BlockerKey::parse(typed).ok_or_else(|| {
            let keys: Vec<&str> = BlockerKey::ALL.iter().map(|k| k.key()).collect();
            CliError::Input(format!(
                "--override « {} » : clé inconnue ; clés possibles : {}",
                shown(typed.trim()),
                keys.join(", ")
            ))
        })?;
        let Some(reason) = args.reasons.get(i) else {
            return Err(CliError::Input(format!(
                "--override {} sans --reason : chaque point passé outre a sa raison (--override CLÉ --reason TEXTE)",
                key.key()
            )));
        };
        out.push(Override {
            key,
            reason: reason.clone(),
        });
    }
    if args.reasons.len() > args.overrides.len() {
        return Err(CliError::Input(
            "--reason sans --override : la raison suit la clé du point passé outre (--override CLÉ --reason TEXTE)"
                .into(),
        ));
    }
    Ok(out)
}

fn carry(args: &CloseArgs) -> Result<CarryOver, CliError> {
    let mut renames = Vec::new();
    for typed in &args.renames {
        let Some((old, new)) = typed.split_once('=') else {
            return Err(CliError::Input(format!(
                "--rename « {} » : ANCIEN=NOUVEAU attendu (ex. CP=CE1)",
                shown(typed.trim())
            )));
        };
        renames.push((old.trim().to_string(), new.trim().to_string()));
    }
    Ok(CarryOver {
        pupils: args.carry_pupils,
        renames,
        leaving: args.leaving.clone(),
    })
}

/// Closes the exercice, or prints what blocks and fails.
pub fn close(db: &Path, args: CloseArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let overrides = overrides(&args)?;
    let carry = carry(&args)?;
    let (_lock, mut book) = open_book_for_writing(db)?;
    let exercice = known_exercice(&book, Some(&args.exercice))?;
    let blockers = book.closing_blockers(exercice, &overrides)?;
    let open: Vec<_> = blockers.iter().filter(|b| b.overridden.is_none()).collect();
    if !open.is_empty() {
        for b in &open {
            writeln!(out, "{}\t{}", b.key.key(), b.what).map_err(stdout_error)?;
        }
        let keys: Vec<&str> = open.iter().map(|b| b.key.key()).collect();
        return Err(CliError::Input(format!(
            "clôture de l'exercice {exercice} impossible : {} ({}) ; réglez-les, ou passez outre avec --override CLÉ --reason TEXTE",
            crate::domain::text::counted(open.len(), "point bloque", "points bloquent"),
            keys.join(", ")
        )));
    }
    let summary = book.close_exercice(exercice, &overrides, &carry)?;
    let mut lines = vec![
        format!("closed\t{}", summary.exercice),
        format!("next\t{}", summary.next),
        format!("fingerprint\t{}", summary.fingerprint),
        format!("entries\t{}", summary.entries),
    ];
    if carry.pupils {
        lines.push(format!("pupils\t{}", summary.pupils_carried));
    }
    for line in lines {
        writeln!(out, "{line}").map_err(stdout_error)?;
    }
    Ok(())
}

/// Reopens the last closed exercice.
pub fn reopen(db: &Path, args: ReopenArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let (_lock, mut book) = open_book_for_writing(db)?;
    let exercice = known_exercice(&book, Some(&args.exercice))?;
    book.reopen_exercice(exercice, &args.reason)?;
    writeln!(out, "reopened\t{exercice}").map_err(stdout_error)
}
