//! Command-line arguments (clap). Help texts are in French.

use clap::{Arg, ArgAction, Args, CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::PathBuf;

pub use super::participations_args::{
    CampaignAction, ChequeAction, ContributionArgs, ImportWhat, PupilsAction, RegieAction,
};

#[derive(Debug, Parser)]
#[command(
    name = "coopcompta",
    version,
    about = "Comptabilité de la coopérative scolaire OCCE : caisse, Compte Pro, collectes en ligne",
    long_about = "Sans commande : ouvre l'application plein écran sur la base de la coopérative."
)]
pub struct Cli {
    /// Fichier de la base (sinon $COOPCOMPTA_DB, sinon coopcompta/coop.db dans ~/.local/share sous Linux, %APPDATA% sous Windows, ~/Library/Application Support sous macOS)
    #[arg(long, global = true, value_name = "FICHIER")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Ouvre l'application sur une copie neuve de l'année de démonstration
    Demo {
        /// Crée seulement la base de démonstration et affiche son chemin
        #[arg(long)]
        no_tui: bool,
    },
    /// Crée la coopérative dans une base vide
    Init(InitArgs),
    /// Enregistre une recette ou une dépense
    Add(AddArgs),
    /// Enregistre un virement interne entre deux comptes de trésorerie
    Transfer(TransferArgs),
    /// Annule une écriture par une écriture d'annulation (rien n'est effacé)
    Cancel {
        /// N° de pièce de l'écriture à annuler, ex. D004
        #[arg(long)]
        piece: String,
    },
    /// Affiche le solde de chaque compte de trésorerie (clé<TAB>montant)
    Balance {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long)]
        exercice: Option<String>,
        /// Solde à cette date (jj/mm/aaaa) incluse
        #[arg(long)]
        at: Option<String>,
    },
    /// Exporte des données en CSV
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Ajoute ou renomme une catégorie du plan comptable
    Category(CategoryArgs),
    /// Vérifie l'intégrité de la base et l'équilibre de chaque écriture
    Check,
    /// Étapes de la migration vers AssoConnect et le Compte Pro (clé<TAB>état<TAB>titre)
    Checklist(ChecklistArgs),
    /// Importe des données (liste des élèves)
    Import {
        #[command(subcommand)]
        what: ImportWhat,
    },
    /// Appels à participation des familles (campagnes)
    Campaign {
        #[command(subcommand)]
        action: CampaignAction,
    },
    /// Enregistre la participation d'une famille à une campagne
    Contribution(ContributionArgs),
    /// Chèques reçus des familles, à rendre
    Cheque {
        #[command(subcommand)]
        action: ChequeAction,
    },
    /// Régies d'avance des coopératives de classe
    Regie {
        #[command(subcommand)]
        action: RegieAction,
    },
    /// Classes et élèves
    Pupils {
        #[command(subcommand)]
        action: PupilsAction,
    },
    /// Liste les copies du dossier sauvegardes (date, taille, écritures)
    Backups,
    /// Remet une copie à la place de la base (la base actuelle est d'abord copiée)
    Restore {
        /// Copie à remettre : son nom dans sauvegardes/ ou son chemin
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ChecklistArgs {
    #[command(subcommand)]
    pub action: Option<ChecklistAction>,
    /// Remplace les étapes non commencées par celles de ce fichier (clé;titre;aide;prerequis;derive)
    #[arg(long, value_name = "FICHIER")]
    pub template: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum ChecklistAction {
    /// Marque une étape comme faite
    Done {
        key: String,
        /// Date (par défaut aujourd'hui)
        #[arg(long)]
        date: Option<String>,
        /// Note libre
        #[arg(long, allow_hyphen_values = true)]
        note: Option<String>,
    },
    /// Remet une étape « à faire » (et rend la main aux comptes pour une étape calculée)
    Reset { key: String },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Nom de la coopérative
    #[arg(long)]
    pub coop: String,
    /// Exercice, ex. 2024-2025 (par défaut celui de la date du jour)
    #[arg(long)]
    pub exercice: Option<String>,
    /// Solde d'ouverture, ex. caisse=120,50 (répétable)
    #[arg(long, value_name = "COMPTE=MONTANT")]
    pub opening: Vec<String>,
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// caisse, pro, en-ligne ou lbp
    #[arg(long)]
    pub account: String,
    /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
    #[arg(long)]
    pub date: String,
    /// Montant positif : 12,50 ou 1 234,50
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// Une recette (argent qui entre)
    #[arg(long, conflicts_with = "depense", required_unless_present = "depense")]
    pub recette: bool,
    /// Une dépense (argent qui sort)
    #[arg(long)]
    pub depense: bool,
    /// Code de la catégorie (tout le montant)
    #[arg(long, conflicts_with = "split", required_unless_present = "split")]
    pub category: Option<String>,
    /// Ventilation CODE=MONTANT (répétable ; la somme doit faire le montant)
    #[arg(long, value_name = "CODE=MONTANT")]
    pub split: Vec<String>,
    /// Libellé de l'opération
    #[arg(long, allow_hyphen_values = true)]
    pub label: String,
    /// N° de pièce (par défaut le suivant : R001, D001…)
    #[arg(long)]
    pub piece: Option<String>,
    /// especes, carte, virement, cheque ou prelevement
    #[arg(long)]
    pub mode: Option<String>,
}

#[derive(Debug, Args)]
pub struct TransferArgs {
    /// Compte de départ : caisse, pro, en-ligne ou lbp
    #[arg(long)]
    pub from: String,
    /// Compte d'arrivée : caisse, pro, en-ligne ou lbp
    #[arg(long)]
    pub to: String,
    /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
    #[arg(long)]
    pub date: String,
    /// Montant positif : 12,50 ou 1 234,50
    #[arg(long, allow_hyphen_values = true)]
    pub amount: String,
    /// Libellé du virement
    #[arg(long, allow_hyphen_values = true)]
    pub label: String,
    /// N° de pièce (par défaut le suivant : V001…)
    #[arg(long)]
    pub piece: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Le journal : une ligne par ligne de ventilation
    Ledger {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long)]
        exercice: Option<String>,
        /// Fichier CSV à écrire (« - » : la sortie standard)
        #[arg(long)]
        out: PathBuf,
        /// std (virgule, point décimal) ou fr (Excel/LibreOffice français)
        #[arg(long, default_value = "std")]
        format: String,
    },
    /// Les participations d'une campagne : une ligne par participation
    Contributions {
        /// Nom de la campagne
        #[arg(long)]
        campaign: String,
        /// Fichier CSV à écrire (« - » : la sortie standard)
        #[arg(long)]
        out: PathBuf,
        /// std (virgule, point décimal) ou fr (Excel/LibreOffice français)
        #[arg(long, default_value = "std")]
        format: String,
    },
}

#[derive(Debug, Args)]
pub struct CategoryArgs {
    /// Code, ex. 6185
    #[arg(long)]
    pub code: String,
    /// Libellé de la catégorie
    #[arg(long)]
    pub label: String,
    /// charge ou produit
    #[arg(long)]
    pub nature: String,
    /// Rubrique du compte rendu financier
    #[arg(long)]
    pub rubrique: Option<String>,
}

/// Help layout with French words (clap writes "Usage", "Commands", "Print
/// help" otherwise).
const HELP_TEMPLATE: &str = "{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// The command line with French help, on every subcommand.
fn french(command: clap::Command) -> clap::Command {
    let command = command
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Commandes")
        .subcommand_value_name("COMMANDE")
        .disable_help_subcommand(true)
        .disable_help_flag(true)
        .arg(
            Arg::new("aide")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Affiche cette aide"),
        )
        .mut_subcommands(french);
    if command.get_version().is_some() {
        command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Affiche la version"),
        )
    } else {
        command
    }
}

impl Cli {
    /// Parses the process's arguments with the French help.
    pub fn try_parse_french() -> Result<Cli, clap::Error> {
        let matches = french(Cli::command()).try_get_matches()?;
        Cli::from_arg_matches(&matches)
    }
}

/// Clap's own errors are in English: say the same in French, on one line.
pub fn french_usage_error(error: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let context = |kind: ContextKind| match error.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(list)) => list.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    let arg = context(ContextKind::InvalidArg);
    let value = context(ContextKind::InvalidValue);
    let message = match error.kind() {
        ErrorKind::MissingRequiredArgument => format!("argument obligatoire manquant : {arg}"),
        ErrorKind::UnknownArgument => format!("argument inconnu : {arg}"),
        ErrorKind::InvalidSubcommand => {
            let suggested = context(ContextKind::SuggestedSubcommand);
            let typed = context(ContextKind::InvalidSubcommand);
            if suggested.is_empty() {
                format!("commande inconnue : {typed}")
            } else {
                format!("commande inconnue : {typed} (vouliez-vous dire {suggested} ?)")
            }
        }
        ErrorKind::ArgumentConflict => {
            format!(
                "{arg} ne peut pas aller avec {}",
                context(ContextKind::PriorArg)
            )
        }
        ErrorKind::InvalidValue => format!(
            "valeur « {} » refusée pour {arg}",
            crate::domain::text::shown(&value)
        ),
        ErrorKind::NoEquals | ErrorKind::ValueValidation => format!("valeur refusée pour {arg}"),
        ErrorKind::TooManyValues => format!("trop de valeurs pour {arg}"),
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "commande manquante".to_string()
        }
        _ => "arguments incorrects".to_string(),
    };
    format!("{message} (voir coopcompta --help)")
}
