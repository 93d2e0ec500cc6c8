//! Arguments of the rapprochement commands: statement and AssoConnect
//! imports, batches, bank lines, matching, payouts, statement check.

use clap::{Args, Subcommand, ValueEnum};
use std::path::PathBuf;

/// The bank accounts a statement can be imported on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BankAccountArg {
    /// Le Compte Pro (Swan)
    Pro,
    /// L'ancien compte La Banque Postale
    Lbp,
}

impl BankAccountArg {
    pub fn key(self) -> crate::domain::MoneyKey {
        match self {
            BankAccountArg::Pro => crate::domain::MoneyKey::Pro,
            BankAccountArg::Lbp => crate::domain::MoneyKey::Lbp,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PresetArg {
    /// Reconnaît les colonnes d'après l'en-tête
    Auto,
    /// Relevé CSV du Compte Pro (Swan)
    Swan,
    /// Relevé CSV de La Banque Postale (lignes d'en-tête avant le tableau)
    Lbp,
}

#[derive(Debug, Args)]
pub struct BankImportArgs {
    /// Relevé CSV téléchargé depuis la banque
    #[arg(value_name = "FICHIER")]
    pub file: PathBuf,
    /// Compte du relevé
    #[arg(long, value_enum, value_name = "COMPTE")]
    pub account: BankAccountArg,
    /// Banque qui a écrit le fichier
    #[arg(long, value_enum, default_value_t = PresetArg::Auto, value_name = "MODÈLE")]
    pub preset: PresetArg,
    /// N° de la colonne date (à partir de 1)
    #[arg(long, value_name = "N")]
    pub date_col: Option<usize>,
    /// N° de la colonne montant signé
    #[arg(long, value_name = "N", conflicts_with_all = ["debit_col", "credit_col"])]
    pub amount_col: Option<usize>,
    /// N° de la colonne débit
    #[arg(long, value_name = "N", requires = "credit_col")]
    pub debit_col: Option<usize>,
    /// N° de la colonne crédit
    #[arg(long, value_name = "N", requires = "debit_col")]
    pub credit_col: Option<usize>,
    /// N° de la colonne libellé
    #[arg(long, value_name = "N")]
    pub label_col: Option<usize>,
    /// N° de la colonne référence
    #[arg(long, value_name = "N")]
    pub ref_col: Option<usize>,
    /// N° de la colonne identifiant de l'opération
    #[arg(long, value_name = "N")]
    pub id_col: Option<usize>,
    /// N° de la colonne statut
    #[arg(long, value_name = "N")]
    pub status_col: Option<usize>,
    /// N° de la colonne contrepartie
    #[arg(long, value_name = "N")]
    pub counterparty_col: Option<usize>,
    /// Format des dates : jj/mm/aaaa, aaaa-mm-jj ou jj/mm/aa (sinon reconnu)
    #[arg(long, value_name = "FORMAT")]
    pub date_format: Option<String>,
}

#[derive(Debug, Args)]
pub struct PaymentImportArgs {
    /// Export CSV des paiements téléchargé depuis AssoConnect
    #[arg(value_name = "FICHIER")]
    pub file: PathBuf,
    /// N° de la colonne date (à partir de 1)
    #[arg(long, value_name = "N")]
    pub date_col: Option<usize>,
    /// N° de la colonne montant
    #[arg(long, value_name = "N")]
    pub amount_col: Option<usize>,
    /// N° de la colonne payeur
    #[arg(long, value_name = "N")]
    pub payer_col: Option<usize>,
    /// N° de la colonne formulaire (la campagne)
    #[arg(long, value_name = "N")]
    pub form_col: Option<usize>,
    /// N° de la colonne identifiant du paiement
    #[arg(long, value_name = "N")]
    pub id_col: Option<usize>,
    /// N° de la colonne frais
    #[arg(long, value_name = "N")]
    pub fee_col: Option<usize>,
    /// N° de la colonne statut
    #[arg(long, value_name = "N")]
    pub status_col: Option<usize>,
    /// N° de la colonne référence du versement
    #[arg(long, value_name = "N")]
    pub payout_col: Option<usize>,
}

#[derive(Debug, Subcommand)]
pub enum BankAction {
    /// Lignes du relevé (id<TAB>date<TAB>montant<TAB>libellé<TAB>état)
    Lines {
        /// Compte du relevé
        #[arg(long, value_enum, value_name = "COMPTE")]
        account: BankAccountArg,
        /// Seulement les lignes à rapprocher
        #[arg(long)]
        unmatched: bool,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct ReconcileArgs {
    #[command(subcommand)]
    pub action: Option<ReconcileAction>,
    /// Compte à rapprocher
    #[arg(long, value_enum, value_name = "COMPTE")]
    pub account: Option<BankAccountArg>,
    /// Accepte toutes les suggestions sans ambiguïté
    #[arg(long)]
    pub auto: bool,
}

#[derive(Debug, Subcommand)]
pub enum ReconcileAction {
    /// Rapproche une ligne du relevé d'une ou plusieurs écritures
    Match {
        /// Id de la ligne (première colonne de « coopcompta bank lines »)
        #[arg(long, value_name = "ID")]
        line: i64,
        /// N° de pièce d'une écriture (répétable)
        #[arg(long = "piece", value_name = "PIÈCE", required = true)]
        pieces: Vec<String>,
    },
    /// Défait le rapprochement d'une ligne du relevé
    Unmatch {
        /// Id de la ligne
        #[arg(long, value_name = "ID")]
        line: i64,
    },
    /// Propose les paiements AssoConnect qui font un crédit du Compte Pro (brut − frais), et avec --accept en fait le versement
    Payout {
        /// Id de la ligne (un crédit du Compte Pro)
        #[arg(long, value_name = "ID")]
        line: i64,
        /// Enregistre le versement proposé et le rapproche de la ligne
        #[arg(long)]
        accept: bool,
    },
    /// Crée l'écriture d'une ligne du relevé (achat par carte, frais bancaires) et la rapproche
    Create {
        /// Id de la ligne
        #[arg(long, value_name = "ID")]
        line: i64,
        /// Code de la catégorie, ex. 627
        #[arg(long, value_name = "CODE")]
        category: String,
        /// Libellé (par défaut celui de la banque)
        #[arg(long, allow_hyphen_values = true, value_name = "TEXTE")]
        label: Option<String>,
    },
}

#[derive(Debug, Args)]
#[command(args_conflicts_with_subcommands = true)]
pub struct PaymentsArgs {
    #[command(subcommand)]
    pub action: Option<PaymentsAction>,
    /// Seulement les paiements à attribuer à un élève
    #[arg(long)]
    pub to_assign: bool,
}

#[derive(Debug, Subcommand)]
pub enum PaymentsAction {
    /// Attribue un paiement à un élève (ou à aucun)
    Assign {
        /// Id du paiement (première colonne de « coopcompta payments »)
        #[arg(long, value_name = "ID")]
        id: i64,
        /// Élève : « NOM Prénom »
        #[arg(
            long,
            value_name = "ÉLÈVE",
            conflicts_with = "none",
            required_unless_present = "none"
        )]
        pupil: Option<String>,
        /// Classe de l'élève, en cas d'homonymes
        #[arg(long, value_name = "CLASSE")]
        class: Option<String>,
        /// Aucun élève : la recette reste sans participation nominative
        #[arg(long)]
        none: bool,
    },
}

#[derive(Debug, Args)]
pub struct StatementArgs {
    /// Compte du relevé
    #[arg(long, value_enum, value_name = "COMPTE")]
    pub account: BankAccountArg,
    /// Date du solde du relevé (jj/mm/aaaa)
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Solde indiqué par le relevé à cette date
    #[arg(long, allow_hyphen_values = true, value_name = "MONTANT")]
    pub balance: String,
}
