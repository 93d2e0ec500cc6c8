//! Keys of the Rapprochement tab and of its popups (file picker, kind of
//! file, imports, payments to attribute, pupil picker).

use super::binding::{ALWAYS, Binding, KEEP, SPARE, bind, ch, key, shift};
use super::tab_keys::LIST_MOVES;
use crate::ui::action::Action;
use ratatui::crossterm::event::KeyCode;

/// The bank lines pane has the focus: what is done to the current line.
#[rustfmt::skip]
pub(super) const RECONCILE_LINE: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "accepter la suggestion (≈ : l'écriture, ou un versement AssoConnect)", Action::AcceptSuggestion, "accepter").rank(KEEP),
    bind(&[ch('n')], "n", "créer l'écriture de la ligne (frais, achat par carte) et la rapprocher", Action::CreateFromLine, "créer").rank(KEEP),
    bind(&[ch('x'), key(KeyCode::Delete)], "x", "défaire le rapprochement de la ligne (les écritures restent)", Action::Unmatch, "défaire"),
];

/// Every key of the tab, whichever pane has the focus.
#[rustfmt::skip]
pub(super) const RECONCILE: &[Binding] = &[
    bind(&[ch(' ')], "Espace", "marquer ou démarquer une écriture (plusieurs pour une ligne du relevé)", Action::ToggleMark, "marquer"),
    bind(&[ch('m')], "m", "rapprocher les écritures marquées de la ligne (écart 0,00 € exigé)", Action::MatchMarked, "lier").rank(KEEP),
    bind(&[ch('A')], "A", "accepter toutes les suggestions sûres du compte (demande confirmation)", Action::AcceptAll, "tout"),
    bind(&[ch('i')], "i", "importer un relevé (Compte Pro, LBP) ou les paiements AssoConnect", Action::Import, "importer").rank(KEEP),
    bind(&[ch('s')], "s", "pointer le relevé : solde à une date, écart et écritures absentes du relevé", Action::Statement, "relevé"),
    bind(&[ch('l')], "l", "liste des imports (et annuler un import)", Action::Batches, "imports").rank(SPARE),
    bind(&[ch('v')], "v", "versements AssoConnect : paiements, frais, net, réception sur le Compte Pro", Action::Payouts, "versements").rank(SPARE),
    bind(&[ch('a')], "a", "paiements en ligne à attribuer à un élève", Action::Payments, "à attribuer").rank(SPARE),
    bind(&[ch('c')], "c", "changer de compte (Compte Pro, Ancien compte LBP)", Action::CycleAccount, "compte"),
    bind(&[ch('f')], "f", "filtre : toutes les lignes ou seulement celles à rapprocher", Action::ToggleFilter, "filtre").rank(SPARE),
    bind(&[key(KeyCode::Tab), shift(KeyCode::BackTab)], "Tab", "passer à l'autre volet (relevé, écritures)", Action::FocusOther, "volet").rank(SPARE),
    bind(&[key(KeyCode::Left)], "←", "volet du relevé", Action::FocusLeft, ""),
    bind(&[key(KeyCode::Right)], "→", "volet des écritures", Action::FocusRight, ""),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

/// Moving in a list whose letters are typed text (no j/k/g/G).
#[rustfmt::skip]
const TYPED_MOVES: [Binding; 6] = [
    bind(&[key(KeyCode::Up)], "↑", "ligne précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "ligne suivante", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home)], "Début", "première ligne", Action::Home, ""),
    bind(&[key(KeyCode::End)], "Fin", "dernière ligne", Action::End, ""),
];

/// The file picker: what is typed filters the names, so its keys are not
/// letters.
#[rustfmt::skip]
pub(super) const FILE_PICKER: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "ouvrir le dossier, ou choisir le fichier", Action::Submit, "choisir"),
    bind(&[key(KeyCode::Left)], "←", "dossier parent (Retour arrière aussi, quand le filtre est vide)", Action::ParentDir, "parent"),
    bind(&[key(KeyCode::Esc)], "Échap", "fermer sans importer", Action::Close, "fermer").rank(KEEP),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
    bind(&[], "", "tapez une partie du nom pour filtrer la liste", Action::Submit, ""),
    TYPED_MOVES[0], TYPED_MOVES[1], TYPED_MOVES[2], TYPED_MOVES[3], TYPED_MOVES[4], TYPED_MOVES[5],
];

/// After a file is picked: what it is.
#[rustfmt::skip]
pub(super) const IMPORT_KIND: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "importer le fichier comme ce type", Action::Submit, "importer"),
    bind(&[key(KeyCode::Up), key(KeyCode::Left)], "↑", "type précédent", Action::ChoicePrev, ""),
    bind(&[key(KeyCode::Down), key(KeyCode::Right), ch(' ')], "↓", "type suivant", Action::ChoiceNext, "type"),
    bind(&[key(KeyCode::Esc)], "Échap", "revenir à la liste des fichiers", Action::Close, "retour").rank(KEEP),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
];

#[rustfmt::skip]
pub(super) const BATCHES: &[Binding] = &[
    bind(&[ch('x'), key(KeyCode::Delete)], "x", "annuler l'import (ses lignes, écritures et rapprochements partent)", Action::UndoBatch, "annuler l'import"),
    bind(&[key(KeyCode::Esc), ch('q')], "Échap", "fermer la liste", Action::Close, "fermer").rank(KEEP),
    bind(&[ch('?'), key(KeyCode::F(1))], "?", "aide", Action::Help, "aide").rank(ALWAYS),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
pub(super) const PAYMENTS: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "attribuer le paiement à un élève (ou à aucun)", Action::Submit, "attribuer"),
    bind(&[key(KeyCode::Esc), ch('q')], "Échap", "fermer la liste", Action::Close, "fermer").rank(KEEP),
    bind(&[ch('?'), key(KeyCode::F(1))], "?", "aide", Action::Help, "aide").rank(ALWAYS),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

/// The pupil picker: what is typed filters the names.
#[rustfmt::skip]
pub(super) const PUPIL_PICK: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "attribuer à l'élève en surbrillance (ou à aucun élève)", Action::Submit, "choisir"),
    bind(&[key(KeyCode::Esc)], "Échap", "revenir sans attribuer", Action::Close, "retour").rank(KEEP),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
    bind(&[], "", "tapez une partie du nom pour filtrer la liste", Action::Submit, ""),
    TYPED_MOVES[0], TYPED_MOVES[1], TYPED_MOVES[2], TYPED_MOVES[3], TYPED_MOVES[4], TYPED_MOVES[5],
];
