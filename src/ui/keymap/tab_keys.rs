//! Keys of the Migration, Participations and plan comptable screens.

use super::binding::{Binding, bind, ch, ctrl, key, shift};
use crate::ui::action::Action;
use ratatui::crossterm::event::KeyCode;

/// What can be done to the selected step, from the list or its help.
#[rustfmt::skip]
const STEP_KEYS: [Binding; 7] = [
    bind(&[ch('f')], "f", "marquer fait aujourd'hui (demande pour les étapes qu'elle attend)", Action::MarkDone, "fait"),
    bind(&[ch('F')], "F", "marquer fait à une date (jj/mm/aaaa)", Action::MarkDoneOn, ""),
    bind(&[ch('c')], "c", "marquer en cours", Action::MarkInProgress, "en cours"),
    bind(&[ch('s')], "s", "marquer sans objet", Action::MarkNotApplicable, "sans objet"),
    bind(&[ch('r')], "r", "remettre à faire (étape d'après les comptes : les suivre de nouveau)", Action::ResetStep, "à faire"),
    bind(&[ch('m')], "m", "note de l'étape", Action::StepNote, "note"),
    bind(&[ch('h')], "h", "masquer l'étape (elle ne concerne pas la coopérative)", Action::HideStep, "masquer"),
];

/// The help of a step: its keys work there too (the help closes first).
#[rustfmt::skip]
pub(super) const STEP_HELP: &[Binding] = &[
    STEP_KEYS[0], STEP_KEYS[1], STEP_KEYS[2], STEP_KEYS[3], STEP_KEYS[4], STEP_KEYS[5], STEP_KEYS[6],
];

#[rustfmt::skip]
pub(super) const MIGRATION: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "aide de l'étape (où cliquer, ce qu'il faut, ce qu'elle débloque)", Action::StepHelp, "détail"),
    STEP_KEYS[0], STEP_KEYS[1], STEP_KEYS[2], STEP_KEYS[3], STEP_KEYS[4], STEP_KEYS[5], STEP_KEYS[6],
    bind(&[ch('H')], "H", "réafficher les étapes masquées", Action::ShowHiddenSteps, ""),
    bind(&[ch('a')], "a", "ajouter une étape en fin de liste", Action::AddStep, "ajouter"),
    bind(&[ch('+')], "+", "monter l'étape dans la liste", Action::MoveStepUp, ""),
    bind(&[ch('-')], "-", "descendre l'étape dans la liste", Action::MoveStepDown, ""),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "étape précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "étape suivante", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "première étape", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "dernière étape", Action::End, ""),
];

#[rustfmt::skip]
pub(super) const LINE: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "enregistrer", Action::Submit, "enregistrer"),
    bind(&[key(KeyCode::Esc)], "Échap", "annuler", Action::Close, "annuler"),
];

#[rustfmt::skip]
pub(super) const PARTICIPATIONS: &[Binding] = &[
    bind(&[ch('s')], "s", "saisir l'enveloppe d'une classe, élève après élève", Action::OpenEnvelope, "saisir"),
    bind(&[key(KeyCode::Tab)], "Tab", "vue suivante (Campagnes, Chèques, Régies, Élèves)", Action::NextView, "vue"),
    bind(&[shift(KeyCode::BackTab)], "Maj+Tab", "vue précédente", Action::PrevView, ""),
];

/// Moving in a list (campaigns, cheques, régies, pupils).
#[rustfmt::skip]
pub(super) const LIST_MOVES: [Binding; 6] = [
    bind(&[key(KeyCode::Up), ch('k')], "↑", "ligne précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "ligne suivante", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "première ligne", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "dernière ligne", Action::End, ""),
];

#[rustfmt::skip]
pub(super) const CAMPAIGNS: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "détail de la campagne, classe par classe", Action::ShowCampaign, "détail"),
    bind(&[ch('n')], "n", "nouvelle campagne (participation, sortie, photos…)", Action::NewCampaign, "nouvelle"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
pub(super) const CAMPAIGN_DETAIL: &[Binding] = &[
    bind(&[key(KeyCode::Esc), key(KeyCode::Backspace)], "Échap", "retour à la liste des campagnes", Action::Close, "retour"),
    bind(&[key(KeyCode::Left)], "←", "campagne précédente", Action::ChoicePrev, ""),
    bind(&[key(KeyCode::Right)], "→", "campagne suivante", Action::ChoiceNext, "campagne"),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "remonter", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "descendre", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "début", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "fin", Action::End, ""),
];

#[rustfmt::skip]
pub(super) const CHEQUES: &[Binding] = &[
    bind(&[ch('r'), key(KeyCode::Enter)], "r", "marquer le chèque rendu à la famille (date demandée)", Action::ReturnCheque, "rendu"),
    bind(&[ch(' ')], "Espace", "marquer ou démarquer le chèque (le total des chèques marqués s'affiche)", Action::ToggleMark, ""),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
pub(super) const REGIES: &[Binding] = &[
    bind(&[ch('a')], "a", "avance en espèces à l'enseignant (n° du reçu signé)", Action::RegieAdvance, "avance"),
    bind(&[ch('d')], "d", "dépense de la classe (pièce, catégorie, montant)", Action::RegieExpense, "dépense"),
    bind(&[ch('r')], "r", "reliquat rendu à la Caisse", Action::RegieReturn, "reliquat"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
pub(super) const PUPILS: &[Binding] = &[
    bind(&[ch('a')], "a", "ajouter un élève (nom, prénom, classe)", Action::AddPupil, "ajouter"),
    // No key: what the help says about importing the school's list.
    bind(&[], "", "liste de l'école : coopcompta import pupils FICHIER.csv", Action::AddPupil, ""),
    bind(&[ch('c')], "c", "nouvelle classe (nom, enseignant)", Action::AddClass, "classe"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
pub(super) const ENVELOPE: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "choisir l'élève, puis ajouter la ligne à l'enveloppe", Action::Submit, "valider"),
    bind(&[key(KeyCode::F(10)), ctrl('s')], "F10", "enregistrer l'enveloppe (espèces : une seule écriture)", Action::SaveEnvelope, "enregistrer"),
    bind(&[key(KeyCode::Esc), ctrl('c')], "Échap", "quitter la saisie (demande si des lignes sont tapées)", Action::Close, "fermer"),
    bind(&[key(KeyCode::Tab)], "Tab", "champ suivant (après le montant : les lignes)", Action::NextField, "champ"),
    bind(&[shift(KeyCode::BackTab)], "Maj+Tab", "champ précédent", Action::PrevField, ""),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide"),
];

#[rustfmt::skip]
pub(super) const ENVELOPE_NAME: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "élève précédent dans la liste", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "élève suivant dans la liste", Action::Down, ""),
];

#[rustfmt::skip]
pub(super) const ENVELOPE_AMOUNT: &[Binding] = &[
    bind(&[key(KeyCode::Tab)], "Tab", "aller au mode de paiement (puis e/l/v/c)", Action::NextField, "mode"),
];

#[rustfmt::skip]
pub(super) const ENVELOPE_CHANNEL: &[Binding] = &[
    bind(&[ch('e'), ch('l'), ch('v'), ch('c')], "e/l/v/c", "mode : e espèces, l en ligne, v virement, c chèque", Action::SetChannel(0), "mode"),
    bind(&[key(KeyCode::Left)], "←", "mode précédent", Action::ChoicePrev, ""),
    bind(&[key(KeyCode::Right), ch(' ')], "→", "mode suivant", Action::ChoiceNext, ""),
    // Not in the bar: room for the mode keys.
    bind(&[key(KeyCode::Tab)], "Tab", "champ suivant (chèque : le payeur)", Action::NextField, ""),
];

#[rustfmt::skip]
pub(super) const ENVELOPE_LINES: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], "↑", "ligne précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "ligne suivante", Action::Down, ""),
    bind(&[key(KeyCode::Delete), ch('x'), key(KeyCode::Backspace)], "Suppr", "retirer la ligne de l'enveloppe", Action::RemoveLine, "retirer"),
    bind(&[key(KeyCode::Enter), ch('e')], "Entrée", "reprendre la ligne pour la corriger", Action::Edit, "reprendre"),
];

/// The chart of accounts: its search line takes every printable key, so
/// its commands are on keys that cannot be typing (F-keys, Ctrl, Entrée).
/// `/` (the ledgers' filter key) is harmless here: the search is always on.
#[rustfmt::skip]
pub(super) const CHART: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "modifier la catégorie sélectionnée (libellé, rubrique du CR financier)", Action::EditCategory, "modifier"),
    bind(&[key(KeyCode::F(2)), ctrl('n')], "F2", "ajouter une catégorie (charge 6… ou produit 7…)", Action::AddCategory, "ajouter"),
    bind(&[ch('/')], "/", "chercher : tapez directement un code ou un mot du libellé", Action::Filter, ""),
    bind(&[key(KeyCode::Esc)], "Échap", "effacer la recherche, puis fermer le plan comptable", Action::Close, "fermer"),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide"),
];

/// The CRF heading field of the chart form: the known headings under it.
#[rustfmt::skip]
pub(super) const HEADING_LIST: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "rubrique précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "rubrique suivante", Action::Down, "rubrique"),
];

/// A known heading is highlighted and not yet taken: Entrée takes it.
#[rustfmt::skip]
pub(super) const HEADING_PICK: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "prendre la rubrique en surbrillance (puis Entrée pour enregistrer)", Action::Submit, "prendre"),
];

#[rustfmt::skip]
pub(super) const CHART_LIST: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "compte précédent", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "compte suivant", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home)], "Début", "premier compte", Action::Home, ""),
    bind(&[key(KeyCode::End)], "Fin", "dernier compte", Action::End, ""),
];
