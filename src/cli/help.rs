//! The French face of clap: help headings, defaults and values, the `help`
//! command (clap's usage errors are said again in French in `usage`).

use clap::{Arg, ArgAction, ArgMatches};

/// The help layout of one command, with French headings ("Arguments :"),
/// each section only where the command has something to show in it.
fn template(command: &clap::Command) -> String {
    let mut template = String::from("{about-with-newline}\nUtilisation : {usage}\n");
    if command.has_subcommands() {
        template.push_str("\nCommandes :\n{subcommands}\n");
    }
    if command.get_positionals().next().is_some() {
        template.push_str("\nArguments :\n{positionals}\n");
    }
    template.push_str("\nOptions :\n{options}");
    if command.get_after_help().is_some() {
        template.push_str("{after-help}\n");
    }
    template
}

/// Says the default and the accepted values in French (clap writes
/// "[default: std]" and "[possible values: …]").
fn french_arg(arg: Arg) -> Arg {
    if !arg.get_action().takes_values() {
        return arg;
    }
    let mut notes = Vec::new();
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    let mut arg = arg;
    if !defaults.is_empty() && !arg.is_hide_default_value_set() {
        notes.push(format!("[défaut : {}]", defaults.join(" ")));
        arg = arg.hide_default_value(true);
    }
    let values: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|v| !v.is_hide_set())
        .map(|v| v.get_name().to_string())
        .collect();
    if !values.is_empty() && !arg.is_hide_possible_values_set() {
        notes.insert(0, format!("[valeurs : {}]", values.join(", ")));
        arg = arg.hide_possible_values(true);
    }
    if notes.is_empty() {
        return arg;
    }
    let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
    arg.help(format!("{help} {}", notes.join(" ")).trim().to_string())
}

/// The `help` command (clap's own is in English).
fn help_command() -> clap::Command {
    clap::Command::new("help")
        .about("Affiche l'aide d'une commande, ex. coopcompta help export ledger")
        .arg(
            Arg::new("commande")
                .value_name("COMMANDE")
                .num_args(0..)
                .action(ArgAction::Append)
                .help("La commande (et sa sous-commande) dont afficher l'aide"),
        )
}

/// The command line with French help, on every subcommand.
pub(super) fn french(command: clap::Command) -> clap::Command {
    french_tree(command.subcommand(help_command()))
}

fn french_tree(command: clap::Command) -> clap::Command {
    let command = command
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .subcommand_value_name("COMMANDE")
        .mut_args(french_arg)
        .arg(
            Arg::new("aide")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche cette aide"),
        )
        .mut_subcommands(french_tree);
    let command = if command.get_version().is_some() {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version"),
        )
    } else {
        command
    };
    let template = template(&command);
    command.help_template(template)
}

/// `coopcompta help export ledger`: the help of `export ledger`, as
/// `coopcompta export ledger --help` shows it (or the error for an unknown
/// command).
pub(super) fn help_of(asked: &ArgMatches) -> clap::Error {
    let mut args = vec!["coopcompta".to_string()];
    args.extend(
        asked
            .get_many::<String>("commande")
            .into_iter()
            .flatten()
            .cloned(),
    );
    args.push("--help".to_string());
    match super::args::french_command().try_get_matches_from(args) {
        Err(error) => error,
        Ok(_) => clap::Error::new(clap::error::ErrorKind::DisplayHelp),
    }
}

#[cfg(test)]
mod tests {
    /// Value names people may read in the help (a new argument picks one, or
    /// adds a French one here).
    const FRENCH_VALUE_NAMES: &[&str] = &[
        "CAMPAGNE",
        "CLASSE",
        "CLASSES",
        "CLÉ",
        "CODE",
        "CODE=MONTANT",
        "COMMANDE",
        "COMPTE",
        "COMPTE=MONTANT",
        "DATE",
        "EXERCICE",
        "FICHIER",
        "FORMAT",
        "LIBELLÉ",
        "MODE",
        "MONTANT",
        "MOYEN",
        "N°",
        "NATURE",
        "NOM",
        "NOTE",
        "PIÈCE",
        "PRÉNOM",
        "RUBRIQUE",
        "SHELL",
        "ÉLÈVE",
        "N",
        "MODÈLE",
        "IMPORT",
        "ID",
        "TEXTE",
        "VALEURxNOMBRE",
        "ANCIEN=NOUVEAU",
    ];

    fn walk(command: &clap::Command, path: &str, problems: &mut Vec<String>) {
        if command.get_about().is_none() && !path.is_empty() {
            problems.push(format!("{path}: no description"));
        }
        for arg in command.get_arguments() {
            let name = format!("{path} {}", arg.get_id());
            if arg.get_help().is_none() {
                problems.push(format!("{name}: no description"));
            }
            if arg.get_action().takes_values() {
                for value in arg.get_value_names().unwrap_or_default() {
                    if !FRENCH_VALUE_NAMES.contains(&value.as_str()) {
                        problems.push(format!("{name}: value name <{value}>"));
                    }
                }
            }
        }
        for sub in command.get_subcommands() {
            walk(sub, &format!("{path} {}", sub.get_name()), problems);
        }
    }

    #[test]
    fn every_argument_is_described_with_a_french_value_name() {
        let command = crate::cli::args::french_command();
        command.clone().debug_assert();
        let mut problems = Vec::new();
        walk(&command, "", &mut problems);
        assert_eq!(problems, Vec::<String>::new());
    }
}
