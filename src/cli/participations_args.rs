//! Arguments of the participations commands (pupils, campaigns,
//! contributions, cheques to give back, régies d'avance).

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Debug, Subcommand)]
pub enum ImportWhat {
    /// Liste des élèves : colonnes nom, prénom, classe (dans n'importe quel ordre ; ; ou , ; UTF-8 ou Windows-1252)
    Pupils {
        /// Fichier CSV de l'école
        #[arg(value_name = "FICHIER")]
        file: PathBuf,
    },
    /// Relevé bancaire du Compte Pro ou de La Banque Postale (CSV)
    Bank(super::reconcile_args::BankImportArgs),
    /// Export des paiements AssoConnect (CSV)
    Assoconnect(super::reconcile_args::PaymentImportArgs),
    /// Défait un import (ses lignes, et les écritures et rapprochements qu'il a créés)
    Undo {
        /// N° de l'import (première colonne de « coopcompta imports »)
        #[arg(value_name = "IMPORT")]
        batch: i64,
    },
}

#[derive(Debug, Subcommand)]
pub enum CampaignAction {
    /// Crée un appel à participation
    Add(CampaignAddArgs),
    /// Liste les campagnes (nom<TAB>suggéré<TAB>collecté<TAB>participants/élèves)
    List,
    /// Détail d'une campagne par classe (classe<TAB>participants/élèves<TAB>collecté<TAB>par moyen ; la ligne total finit par objectif= et pourcent= quand la campagne a un montant suggéré)
    Show {
        /// Nom de la campagne
        #[arg(long, value_name = "NOM")]
        name: String,
        /// Affiche aussi chaque élève
        #[arg(long)]
        detail: bool,
    },
}

#[derive(Debug, Args)]
pub struct CampaignAddArgs {
    /// Nom de la campagne
    #[arg(long, allow_hyphen_values = true, value_name = "NOM")]
    pub name: String,
    /// Montant suggéré par élève (sinon montant libre)
    #[arg(long, value_name = "MONTANT")]
    pub amount: Option<String>,
    /// Code de la catégorie de produits (par défaut la participation volontaire des familles, 7562…)
    #[arg(long, value_name = "CODE")]
    pub category: Option<String>,
    /// Classes concernées, ex. CP-A,CE1-B (par défaut toutes)
    #[arg(long, value_delimiter = ',', value_name = "CLASSES")]
    pub classes: Vec<String>,
    /// Date de début (jj/mm/aaaa)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Date de fin (jj/mm/aaaa)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[derive(Debug, Args)]
pub struct ContributionArgs {
    /// Nom de la campagne
    #[arg(long, value_name = "CAMPAGNE")]
    pub campaign: String,
    /// Élève : "NOM Prénom"
    #[arg(long, value_name = "ÉLÈVE")]
    pub pupil: String,
    /// Classe de l'élève (si deux élèves portent le même nom)
    #[arg(long, value_name = "CLASSE")]
    pub class: Option<String>,
    /// Montant positif : 12,50 ou 1 234,50
    #[arg(long, allow_hyphen_values = true, value_name = "MONTANT")]
    pub amount: String,
    /// especes, en-ligne, virement ou cheque
    #[arg(long, value_name = "MOYEN")]
    pub channel: String,
    /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
    #[arg(long, value_name = "DATE")]
    pub date: String,
    /// Nom inscrit sur le chèque (par défaut le nom de l'élève)
    #[arg(long, value_name = "NOM")]
    pub payer: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum ChequeAction {
    /// Chèques reçus à rendre (n°<TAB>reçu le<TAB>montant<TAB>payeur<TAB>élève)
    List {
        /// Aussi les chèques rendus, avec une colonne « rendu le jj/mm/aaaa » (ou « à rendre »)
        #[arg(long)]
        all: bool,
    },
    /// Marque un chèque comme rendu
    Return {
        /// N° du chèque (voir « cheque list »)
        #[arg(value_name = "N°")]
        id: i64,
        /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
        #[arg(long, value_name = "DATE")]
        date: String,
        /// Rendu à ou par qui (texte libre, facultatif)
        #[arg(long, allow_hyphen_values = true, value_name = "NOM")]
        by: Option<String>,
    },
}

#[derive(Debug, Subcommand)]
pub enum RegieAction {
    /// Remet une avance en espèces de la caisse à l'enseignant (reçu signé)
    Advance {
        /// Classe, ex. CE1-B
        #[arg(long, value_name = "CLASSE")]
        class: String,
        /// Montant positif : 12,50 ou 1 234,50
        #[arg(long, value_name = "MONTANT")]
        amount: String,
        /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
        #[arg(long, value_name = "DATE")]
        date: String,
        /// N° du reçu signé par l'enseignant
        #[arg(long, value_name = "N°")]
        receipt: String,
    },
    /// Enregistre une dépense de la classe payée sur la régie
    Expense {
        /// Classe, ex. CE1-B
        #[arg(long, value_name = "CLASSE")]
        class: String,
        /// Montant positif : 12,50 ou 1 234,50
        #[arg(long, value_name = "MONTANT")]
        amount: String,
        /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
        #[arg(long, value_name = "DATE")]
        date: String,
        /// Code de la catégorie de charges (6…)
        #[arg(long, value_name = "CODE")]
        category: String,
        /// Libellé de la dépense
        #[arg(long, allow_hyphen_values = true, value_name = "LIBELLÉ")]
        label: String,
        /// N° de pièce (par défaut le suivant de la série D)
        #[arg(long, value_name = "PIÈCE")]
        piece: Option<String>,
    },
    /// Enregistre le reliquat rendu à la caisse
    Return {
        /// Classe, ex. CE1-B
        #[arg(long, value_name = "CLASSE")]
        class: String,
        /// Montant positif : 12,50 ou 1 234,50
        #[arg(long, value_name = "MONTANT")]
        amount: String,
        /// Date : jj/mm/aaaa, jj/mm ou aaaa-mm-jj
        #[arg(long, value_name = "DATE")]
        date: String,
    },
    /// Solde de chaque régie (classe<TAB>remis<TAB>dépensé<TAB>rendu<TAB>solde)
    List,
}

#[derive(Debug, Subcommand)]
pub enum PupilsAction {
    /// Liste les élèves (NOM Prénom<TAB>classe)
    List {
        /// Classe, ex. CE1-B
        #[arg(long, value_name = "CLASSE")]
        class: Option<String>,
    },
    /// Ajoute un élève à la main
    Add {
        /// Nom de famille
        #[arg(long, value_name = "NOM")]
        nom: String,
        /// Prénom
        #[arg(long, value_name = "PRÉNOM")]
        prenom: String,
        /// Classe, ex. CE1-B
        #[arg(long, value_name = "CLASSE")]
        class: String,
    },
    /// Remplace les noms des élèves d'un exercice clôturé par « Élève n° N »
    Anonymise {
        /// Exercice clôturé, ex. 2023-2024
        #[arg(long, value_name = "EXERCICE")]
        exercice: String,
    },
}
