//! Errors tied to one input field, so the UI can show them next to the field
//! and the CLI can print them on one line: field, value, what is expected.

use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Date,
    Nature,
    Compte,
    Destination,
    Montant,
    Libelle,
    Mode,
    Categorie,
    Ventilation,
    Piece,
    Exercice,
    Coop,
    Ouverture,
    Etape,
    Cheque,
    Note,
    /// Participations: the campaign of an envelope or a contribution.
    Campagne,
    NomCampagne,
    MontantSuggere,
    /// A class (of a campaign, a pupil, a régie).
    Classe,
    Debut,
    Fin,
    /// The pupil of a contribution or of a line of an envelope.
    Eleve,
    Nom,
    Prenom,
    /// Name on a cheque.
    Payeur,
    /// A class's envelope as a whole.
    Bordereau,
    /// N° of the receipt a teacher signs for a régie's advance.
    Recu,
    Enseignant,
    /// To or by whom a cheque was given back.
    RenduA,
    /// Arrêté de caisse: the notes and coins counted.
    Comptage,
    /// Arrêté de caisse: who counted.
    ComptePar,
    /// Why a difference is booked (an adjustment).
    Motif,
}

impl Field {
    /// The field's name as the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            Field::Date => "Date",
            Field::Nature => "Nature",
            Field::Compte => "Compte",
            Field::Destination => "Vers le compte",
            Field::Montant => "Montant",
            Field::Libelle => "Libellé",
            Field::Mode => "Mode de paiement",
            Field::Categorie => "Catégorie",
            Field::Ventilation => "Ventilation",
            Field::Piece => "N° de pièce",
            Field::Exercice => "Exercice",
            Field::Coop => "Nom de la coopérative",
            Field::Ouverture => "Solde d'ouverture",
            Field::Etape => "Étape",
            Field::Cheque => "N° de chèque",
            Field::Note => "Note",
            Field::Campagne => "Campagne",
            Field::NomCampagne => "Nom de la campagne",
            Field::MontantSuggere => "Montant suggéré",
            Field::Classe => "Classe",
            Field::Debut => "Début",
            Field::Fin => "Fin",
            Field::Eleve => "Élève",
            Field::Nom => "Nom",
            Field::Prenom => "Prénom",
            Field::Payeur => "Payeur",
            Field::Bordereau => "Bordereau",
            Field::Recu => "N° de reçu",
            Field::Enseignant => "Enseignant",
            Field::RenduA => "Rendu à",
            Field::Comptage => "Comptage",
            Field::ComptePar => "Compté par",
            Field::Motif => "Motif",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: String,
}

impl FieldError {
    pub fn new(field: Field, message: impl Into<String>) -> Self {
        FieldError {
            field,
            message: message.into(),
        }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} : {}", self.field.label(), self.message)
    }
}

impl std::error::Error for FieldError {}

/// Several field errors at once (a form may have more than one wrong field).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldErrors(pub Vec<FieldError>);

impl FieldErrors {
    pub fn for_field(&self, field: Field) -> Option<&FieldError> {
        self.0.iter().find(|e| e.field == field)
    }
}

impl fmt::Display for FieldErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = self.0.iter().map(ToString::to_string).collect();
        f.write_str(&parts.join(" ; "))
    }
}

impl std::error::Error for FieldErrors {}

impl From<FieldError> for FieldErrors {
    fn from(error: FieldError) -> Self {
        FieldErrors(vec![error])
    }
}
