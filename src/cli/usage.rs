//! Clap's usage errors (in English) said again in French, on one line that
//! ends by pointing to the help of the command the error is about.

use clap::error::{ContextKind, ContextValue, ErrorKind};
use std::ffi::OsString;

/// The French line for a usage error; `args` are the program's arguments
/// (its name first), which tell the command to send the user to the help of.
pub fn french_usage_error(error: &clap::Error, args: &[OsString]) -> String {
    let (path, command) = command_path(args);
    let help = match path.is_empty() {
        true => "coopcompta --help".to_string(),
        false => format!("coopcompta {} --help", path.join(" ")),
    };
    format!("{} (voir {help})", message(error, &path, &command))
}

/// "a, b ou c".
fn either(items: &[String]) -> String {
    match items.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, first)) => format!("{} ou {last}", first.join(", ")),
        None => String::new(),
    }
}

/// `--date <DATE>` → `--date` (the value name adds nothing to "given twice").
fn flag_only(arg: &str) -> &str {
    arg.split_whitespace().next().unwrap_or(arg)
}

/// Clap names a group of which one argument is required `<--recette|--depense>`.
fn unrolled(arg: &str) -> String {
    match arg.strip_prefix('<').and_then(|a| a.strip_suffix('>')) {
        Some(inner) if inner.contains('|') => {
            let members: Vec<String> = inner.split('|').map(str::to_string).collect();
            either(&members)
        }
        _ => arg.to_string(),
    }
}

/// The message for `error`, met in `command` (`path` from the top).
fn message(error: &clap::Error, path: &[String], command: &clap::Command) -> String {
    let list = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    };
    let context = |kind: ContextKind| list(kind).join(", ");
    // Clap lists its suggestions from the least to the most likely.
    let suggestion = |kind: ContextKind| {
        let mut suggested = list(kind);
        suggested.reverse();
        match suggested.is_empty() {
            true => String::new(),
            false => format!(" (vouliez-vous dire {} ?)", suggested.join(" ou ")),
        }
    };
    let arg = context(ContextKind::InvalidArg);
    let raw_value = context(ContextKind::InvalidValue);
    let value = crate::domain::text::shown(&raw_value);
    match error.kind() {
        ErrorKind::MissingRequiredArgument => {
            let missing: Vec<String> = list(ContextKind::InvalidArg)
                .iter()
                .map(|a| unrolled(a))
                .collect();
            // "--recette ou --depense ; --category <CODE> ou --split …"
            let separator = match missing.iter().any(|m| m.contains(" ou ")) {
                true => " ; ",
                false => ", ",
            };
            match missing.len() {
                1 => format!("argument obligatoire manquant : {}", missing[0]),
                _ => format!(
                    "arguments obligatoires manquants : {}",
                    missing.join(separator)
                ),
            }
        }
        ErrorKind::UnknownArgument => format!(
            "argument inconnu : {arg}{}",
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue : {}{}",
            context(ContextKind::InvalidSubcommand),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg);
            if flag_only(&prior) == flag_only(&arg) {
                format!("{} est donné deux fois", flag_only(&arg))
            } else {
                format!("{arg} ne peut pas aller avec {prior}")
            }
        }
        ErrorKind::InvalidValue => {
            let valid = list(ContextKind::ValidValue);
            let expected = match valid.is_empty() {
                true => String::new(),
                false => format!(" : {} attendu", either(&valid)),
            };
            match raw_value.is_empty() {
                true => format!("valeur manquante pour {arg}{expected}"),
                false => format!("valeur « {value} » refusée pour {arg}{expected}"),
            }
        }
        ErrorKind::NoEquals | ErrorKind::ValueValidation => format!("valeur refusée pour {arg}"),
        ErrorKind::TooManyValues => format!("trop de valeurs pour {arg}"),
        ErrorKind::InvalidUtf8 => "un argument n'est pas du texte UTF-8".to_string(),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let valid: Vec<String> = command
                .get_subcommands()
                .filter(|sub| !sub.is_hide_set())
                .map(|sub| sub.get_name().to_string())
                .collect();
            match (path.is_empty(), valid.is_empty()) {
                (false, false) => format!(
                    "commande manquante après {} : {}",
                    path.join(" "),
                    either(&valid)
                ),
                _ => "commande manquante".to_string(),
            }
        }
        _ => "arguments incorrects".to_string(),
    }
}

/// The commands named in `args` (`["export", "ledger"]`), read the way clap
/// reads them: options and their values are skipped; `help export` is the
/// help of `export`. Also the (built) command they lead to.
fn command_path(args: &[OsString]) -> (Vec<String>, clap::Command) {
    let mut command = super::args::french_command();
    command.build();
    let mut path = Vec::new();
    let mut help_asked = false;
    let mut words = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned());
    while let Some(word) = words.next() {
        if word == "--" {
            break;
        }
        if let Some(long) = word.strip_prefix("--") {
            let takes_value = command
                .get_arguments()
                .find(|a| a.get_long() == Some(long))
                .is_some_and(|a| a.get_action().takes_values());
            if takes_value {
                words.next();
            }
            continue;
        }
        if word.starts_with('-') {
            continue;
        }
        if path.is_empty() && !help_asked && word == "help" {
            help_asked = true;
            continue;
        }
        if let Some(sub) = command.find_subcommand(&word).cloned() {
            path.push(sub.get_name().to_string());
            command = sub;
        }
    }
    (path, command)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(args: &[&str]) -> String {
        let args: Vec<OsString> = args.iter().map(OsString::from).collect();
        let error =
            crate::cli::args::Cli::try_parse_french_from(args.clone()).expect_err("refused");
        french_usage_error(&error, &args)
    }

    #[test]
    fn suggestions_come_best_first() {
        assert_eq!(
            error_of(&["coopcompta", "balnce"]),
            "commande inconnue : balnce (vouliez-vous dire balance ou cancel ou bank ?) (voir coopcompta --help)"
        );
    }

    #[test]
    fn the_help_pointed_to_is_the_command_s() {
        let path = |args: &[&str]| {
            let args: Vec<OsString> = args.iter().map(OsString::from).collect();
            command_path(&args).0
        };
        assert_eq!(
            path(&[
                "coopcompta",
                "--db",
                "export",
                "export",
                "ledger",
                "--out",
                "pupils"
            ]),
            ["export", "ledger"]
        );
        assert_eq!(path(&["coopcompta", "help", "regie"]), ["regie"]);
        assert_eq!(path(&["coopcompta", "add", "--label=x", "cancel"]), ["add"]);
        assert_eq!(path(&["coopcompta", "demo"]), ["demo"]);
        assert!(path(&["coopcompta", "--db", "add"]).is_empty());
        assert_eq!(
            error_of(&["coopcompta", "export", "ledgr"]),
            "commande inconnue : ledgr (vouliez-vous dire ledger ou hledger ?) (voir coopcompta export --help)"
        );
    }
}
