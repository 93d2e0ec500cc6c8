//! Command-line arguments (clap). Help texts are in French.

use crate::io::export::CsvFormat;
use clap::{ArgGroup, Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

pub use super::cash_count::CashCountArgs;
pub use super::participations_args::{
    CampaignAction, ChequeAction, ContributionArgs, ImportWhat, PupilsAction, RegieAction,
};
pub use super::reconcile_args::{
    BankAction, PaymentsAction, PaymentsArgs, ReconcileAction, ReconcileArgs, StatementArgs,
};
pub use super::usage::french_usage_error;

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
        #[arg(long, value_name = "PIÈCE")]
        piece: String,
    },
    /// Rétablit une écriture annulée par erreur : une nouvelle écriture identique (nouveau n° de pièce)
    RestoreEntry {
        /// N° de pièce de l'écriture annulée, ex. D004
        #[arg(long, value_name = "PIÈCE")]
        piece: String,
    },
    /// Corrige le nom de la coopérative et les soldes d'ouverture de l'exercice en cours
    Settings(SettingsArgs),
    /// Affiche le solde de chaque compte de trésorerie (clé<TAB>montant)
    Balance {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long, value_name = "EXERCICE")]
        exercice: Option<String>,
        /// Solde à cette date (jj/mm/aaaa) incluse, dans l'exercice
        #[arg(long, value_name = "DATE")]
        at: Option<String>,
    },
    /// Compte rendu financier : charges, produits, résultat, ouverture et clôture de chaque compte (clé<TAB>montant)
    Crf {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long, value_name = "EXERCICE")]
        exercice: Option<String>,
    },
    /// Exporte des données : CSV, classeur xlsx, page HTML, journal hledger
    Export {
        #[command(subcommand)]
        what: ExportWhat,
    },
    /// Ajoute ou renomme une catégorie du plan comptable, ou change sa rubrique du CRF
    Category(CategoryArgs),
    /// Liste les rubriques du compte rendu financier en usage
    Headings,
    /// Vérifie la base : intégrité, équilibre des écritures, dates, annulations, caisse jamais sous zéro, version du schéma (une ligne par anomalie)
    Check,
    /// Étapes de la migration vers AssoConnect et le Compte Pro (clé<TAB>état<TAB>titre)
    Checklist(ChecklistArgs),
    /// Importe des données (élèves, relevé bancaire, paiements AssoConnect) ou défait un import
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
    /// Liste les imports (import<TAB>date<TAB>type<TAB>fichier<TAB>lignes)
    Imports,
    /// Lignes des relevés bancaires importés
    Bank {
        #[command(subcommand)]
        action: BankAction,
    },
    /// Rapproche les lignes du relevé des écritures
    Reconcile(ReconcileArgs),
    /// Versements AssoConnect (réf<TAB>paiements<TAB>brut<TAB>frais<TAB>net<TAB>état)
    Payouts,
    /// Paiements AssoConnect importés, et leur attribution aux élèves
    Payments(PaymentsArgs),
    /// Pointe le solde d'un relevé à une date (livres, rapproché, relevé, écart)
    Statement(StatementArgs),
    /// Arrêté de caisse : compare les billets et pièces comptés au solde de la Caisse dans les livres (clé<TAB>montant)
    CashCount(CashCountArgs),
    /// Liste les arrêtés de caisse (date<TAB>compté<TAB>livres<TAB>écart<TAB>pièce d'ajustement<TAB>compté par)
    CashCounts {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long, value_name = "EXERCICE")]
        exercice: Option<String>,
    },
    /// Liste les copies du dossier sauvegardes (date, taille, écritures)
    Backups,
    /// Remet une copie à la place de la base (la base actuelle est d'abord copiée)
    Restore {
        /// Copie à remettre : son nom dans sauvegardes/ ou son chemin
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Écrit le script de complétion des commandes pour un shell (bash, zsh, fish…)
    #[command(
        after_help = "Exemple : coopcompta completions bash > ~/.local/share/bash-completion/completions/coopcompta"
    )]
    Completions {
        /// Le shell qui lira le script
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Clôture un exercice : ce qui manque d'abord (clé<TAB>ce qui manque), puis verrou, empreinte et ouverture de l'exercice suivant
    Close(super::closing::CloseArgs),
    /// Rouvre le dernier exercice clôturé (la raison est gardée au journal)
    Reopen(super::closing::ReopenArgs),
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
        /// Clé de l'étape (première colonne de « coopcompta checklist »)
        #[arg(value_name = "CLÉ")]
        key: String,
        /// Date (par défaut aujourd'hui)
        #[arg(long, value_name = "DATE")]
        date: Option<String>,
        /// Note libre
        #[arg(long, allow_hyphen_values = true, value_name = "NOTE")]
        note: Option<String>,
    },
    /// Remet une étape « à faire » (et rend la main aux comptes pour une étape calculée)
    Reset {
        /// Clé de l'étape (première colonne de « coopcompta checklist »)
        #[arg(value_name = "CLÉ")]
        key: String,
    },
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Nom de la coopérative
    #[arg(long, value_name = "NOM")]
    pub coop: String,
    /// Exercice, ex. 2024-2025 (par défaut celui de la date du jour)
    #[arg(long, value_name = "EXERCICE")]
    pub exercice: Option<String>,
    /// Solde d'ouverture, ex. caisse=120,50 (répétable)
    #[arg(long, value_name = "COMPTE=MONTANT")]
    pub opening: Vec<String>,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("nature").required(true).args(["recette", "depense"])))]
#[command(group(ArgGroup::new("categorie").required(true).args(["category", "split"])))]
pub struct AddArgs {
    /// Compte : caisse, pro (ou swan), en-ligne (ou assoconnect) ou lbp (ou banque-postale)
    #[arg(long, value_name = "COMPTE")]
    pub account: String,
    /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Montant positif : 12,50 ou 1 234,50
    #[arg(long, allow_hyphen_values = true, value_name = "MONTANT")]
    pub amount: String,
    /// Une recette (argent qui entre)
    #[arg(long)]
    pub recette: bool,
    /// Une dépense (argent qui sort)
    #[arg(long)]
    pub depense: bool,
    /// Code de la catégorie (tout le montant)
    #[arg(long, value_name = "CODE")]
    pub category: Option<String>,
    /// Ventilation CODE=MONTANT (répétable ; la somme doit faire le montant)
    #[arg(long, value_name = "CODE=MONTANT")]
    pub split: Vec<String>,
    /// Libellé de l'opération
    #[arg(long, allow_hyphen_values = true, value_name = "LIBELLÉ")]
    pub label: String,
    /// N° de pièce (par défaut le suivant : R001, D001…)
    #[arg(long, value_name = "PIÈCE")]
    pub piece: Option<String>,
    /// Mode de paiement : especes, carte, virement, cheque ou prelevement
    #[arg(long, value_name = "MODE")]
    pub mode: Option<String>,
}

#[derive(Debug, Args)]
pub struct TransferArgs {
    /// Compte de départ : caisse, pro, en-ligne ou lbp
    #[arg(long, value_name = "COMPTE")]
    pub from: String,
    /// Compte d'arrivée : caisse, pro, en-ligne ou lbp
    #[arg(long, value_name = "COMPTE")]
    pub to: String,
    /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Montant positif : 12,50 ou 1 234,50
    #[arg(long, allow_hyphen_values = true, value_name = "MONTANT")]
    pub amount: String,
    /// Libellé du virement
    #[arg(long, allow_hyphen_values = true, value_name = "LIBELLÉ")]
    pub label: String,
    /// N° de pièce (par défaut le suivant : V001…)
    #[arg(long, value_name = "PIÈCE")]
    pub piece: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ExportWhat {
    /// Le journal : une ligne par ligne de ventilation
    Ledger {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long, value_name = "EXERCICE")]
        exercice: Option<String>,
        /// Fichier CSV à écrire (« - » : la sortie standard)
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// std pour les programmes (virgule, point décimal, textes tels quels) ou fr pour Excel/LibreOffice en français
        #[arg(long, value_enum, default_value_t = FormatArg::Std, value_name = "FORMAT")]
        format: FormatArg,
    },
    /// Le cahier de comptabilité OCCE : une ligne par écriture, recettes et dépenses par compte, ventilation par catégorie, report à nouveau et totaux
    Cahier {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long, value_name = "EXERCICE")]
        exercice: Option<String>,
        /// Fichier à écrire (« - » : la sortie standard)
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// std ou fr (CSV, comme pour le journal) ou xlsx (classeur Excel/LibreOffice : montants en nombres, totaux en formules)
        #[arg(long, value_enum, default_value_t = SheetFormatArg::Std, value_name = "FORMAT")]
        format: SheetFormatArg,
    },
    /// Un journal hledger : une transaction par écriture, comptes déclarés et typés
    Hledger {
        /// Exercice, ex. 2024-2025 (par défaut l'exercice en cours)
        #[arg(long, value_name = "EXERCICE")]
        exercice: Option<String>,
        /// Fichier à écrire (« - » : la sortie standard)
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
    },
    /// Le compte rendu financier : CSV, page HTML à imprimer (avec les signatures) ou classeur Excel
    Crf(super::crf::ExportCrfArgs),
    /// Les participations d'une campagne : une ligne par participation
    Contributions {
        /// Nom de la campagne
        #[arg(long, value_name = "CAMPAGNE")]
        campaign: String,
        /// Fichier CSV à écrire (« - » : la sortie standard)
        #[arg(long, value_name = "FICHIER")]
        out: PathBuf,
        /// std pour les programmes (virgule, point décimal, textes tels quels) ou fr pour Excel/LibreOffice en français
        #[arg(long, value_enum, default_value_t = FormatArg::Std, value_name = "FORMAT")]
        format: FormatArg,
    },
}

/// `--format` of the exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Pour les programmes : virgule, point décimal, dates aaaa-mm-jj, textes tels quels
    Std,
    /// Pour Excel ou LibreOffice en français : point-virgule, virgule décimale, jj/mm/aaaa
    Fr,
}

/// `--format` of the exports that also come as a workbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormatArg {
    /// Pour les programmes : virgule, point décimal, dates aaaa-mm-jj, textes tels quels
    Std,
    /// Pour Excel ou LibreOffice en français : point-virgule, virgule décimale, jj/mm/aaaa
    Fr,
    /// Classeur .xlsx (Excel, LibreOffice) : montants en nombres, dates en dates, totaux en formules
    Xlsx,
}

impl From<FormatArg> for CsvFormat {
    fn from(format: FormatArg) -> Self {
        match format {
            FormatArg::Std => CsvFormat::Std,
            FormatArg::Fr => CsvFormat::Fr,
        }
    }
}

#[derive(Debug, Args)]
pub struct CategoryArgs {
    /// Code, ex. 6185
    #[arg(long, value_name = "CODE")]
    pub code: String,
    /// Libellé de la catégorie (pour l'ajouter ou la renommer)
    #[arg(long, value_name = "LIBELLÉ")]
    pub label: Option<String>,
    /// Nature : charge ou produit (pour l'ajouter)
    #[arg(long, value_name = "NATURE")]
    pub nature: Option<String>,
    /// Rubrique du compte rendu financier (une rubrique connue garde son orthographe ; vide : aucune)
    #[arg(long, value_name = "RUBRIQUE")]
    pub rubrique: Option<String>,
}

#[derive(Debug, Args)]
pub struct SettingsArgs {
    /// Nouveau nom de la coopérative
    #[arg(long, value_name = "NOM")]
    pub coop: Option<String>,
    /// Solde d'ouverture corrigé, ex. caisse=120,50 (répétable ; les autres comptes gardent le leur)
    #[arg(long, allow_hyphen_values = true, value_name = "COMPTE=MONTANT")]
    pub opening: Vec<String>,
}

impl Cli {
    /// Parses `args` (the program's name first) with the French help;
    /// `coopcompta help export ledger` is `coopcompta export ledger --help`.
    pub fn try_parse_french_from<I, T>(args: I) -> Result<Cli, clap::Error>
    where
        I: IntoIterator<Item = T>,
        T: Into<std::ffi::OsString> + Clone,
    {
        let matches = french_command().try_get_matches_from(args)?;
        if let Some(("help", asked)) = matches.subcommand() {
            return Err(super::help::help_of(asked));
        }
        Cli::from_arg_matches(&matches)
    }
}

/// The whole command line, with its French help (also what the completion
/// scripts are made from).
pub fn french_command() -> clap::Command {
    super::help::french(Cli::command())
}
