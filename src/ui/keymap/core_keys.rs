//! Keys of the Écritures tab, its forms and pickers, and of every screen.

use super::binding::{ALWAYS, Binding, KEEP, Key, SPARE, bind, ch, ctrl, key, shift};
use crate::ui::action::Action;
use ratatui::crossterm::event::KeyCode;

pub(super) const TABS: &[Key] = &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5')];

#[rustfmt::skip]
pub(super) const GLOBAL: &[Binding] = &[
    bind(TABS, "1…5", "onglets : Écritures, Participations, Rapprochement, Migration, Clôture", Action::Tab(0), ""),
    bind(&[ch('?'), key(KeyCode::F(1))], "?", "aide (toutes les touches)", Action::Help, "aide").rank(ALWAYS),
    bind(&[ch('q'), ctrl('c')], "q", "quitter", Action::Quit, "quitter").rank(KEEP),
    bind(&[ch('E')], "E", "changer d'exercice : afficher un exercice passé (clôturé : en lecture seule)", Action::SwitchExercice, ""),
];

#[rustfmt::skip]
pub(super) const LEDGERS: &[Binding] = &[
    bind(&[ch('n')], "n", "nouvelle recette ou dépense", Action::NewEntry, "nouvelle").rank(KEEP),
    bind(&[ch('v')], "v", "virement interne", Action::NewTransfer, "virement").rank(KEEP),
    bind(&[ch('e'), key(KeyCode::Enter)], "e", "modifier l'écriture", Action::Edit, "modifier").rank(SPARE),
    bind(&[ch('x'), key(KeyCode::Delete)], "x", "annuler l'écriture (par une écriture inverse)", Action::CancelEntry, "annuler"),
    bind(&[ch('r')], "r", "rétablir l'écriture annulée (une nouvelle écriture, nouvelle pièce)", Action::Restore, ""),
    bind(&[ch('s')], "s", "réglages : nom de la coopérative, soldes d'ouverture (report à nouveau)", Action::Settings, ""),
    bind(&[ch('/')], "/", "filtrer ce volet", Action::Filter, "filtrer").rank(KEEP),
    bind(&[ch('c')], "c", "changer le compte de ce volet", Action::CycleAccount, "compte").rank(KEEP),
    bind(&[ch('f')], "f", "fichiers : écrire le journal (CSV, hledger) dans le dossier des documents", Action::Export, ""),
    bind(&[ch('p')], "p", "plan comptable : voir, ajouter, renommer les catégories", Action::Chart, "plan").rank(KEEP),
    bind(&[key(KeyCode::Tab), shift(KeyCode::BackTab)], "Tab", "passer à l'autre volet", Action::FocusOther, "volet").rank(SPARE),
    bind(&[key(KeyCode::Left)], "←", "volet de gauche", Action::FocusLeft, ""),
    bind(&[key(KeyCode::Right)], "→", "volet de droite", Action::FocusRight, ""),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "ligne précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "ligne suivante", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "première ligne", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "dernière ligne", Action::End, ""),
    bind(&[key(KeyCode::Esc)], "Échap", "effacer le filtre", Action::ClearFilter, ""),
];

#[rustfmt::skip]
pub(super) const FILTER: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "garder le filtre", Action::Submit, "garder"),
    bind(&[key(KeyCode::Esc)], "Échap", "effacer le filtre", Action::Close, "effacer"),
];

#[rustfmt::skip]
pub(super) const FORM: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "enregistrer", Action::Submit, "enregistrer"),
    bind(&[key(KeyCode::Esc), ctrl('c')], "Échap", "abandonner (demande si du texte a été tapé)", Action::Close, "abandonner"),
    bind(&[key(KeyCode::Tab), key(KeyCode::Down)], "Tab", "champ suivant", Action::NextField, "champ"),
    bind(&[shift(KeyCode::BackTab), key(KeyCode::Up)], "Maj+Tab", "champ précédent", Action::PrevField, ""),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
];

#[rustfmt::skip]
pub(super) const CHOICE: &[Binding] = &[
    bind(&[key(KeyCode::Left)], "←", "valeur précédente", Action::ChoicePrev, ""),
    bind(&[key(KeyCode::Right), ch(' ')], "→/Espace", "valeur suivante", Action::ChoiceNext, "changer"),
];

#[rustfmt::skip]
pub(super) const SPLIT: &[Binding] = &[
    bind(&[key(KeyCode::F(2)), ctrl('t')], "F2", "+ ventiler (ajouter une catégorie)", Action::AddSplit, "+ ventiler"),
    bind(&[key(KeyCode::F(3)), ctrl('r')], "F3", "retirer la ligne de ventilation", Action::RemoveSplit, ""),
];

#[rustfmt::skip]
pub(super) const PICKER: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "catégorie précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "catégorie suivante", Action::Down, ""),
    bind(&[key(KeyCode::Enter)], "Entrée", "prendre la catégorie", Action::Submit, "choisir"),
    bind(&[key(KeyCode::Esc)], "Échap", "fermer la liste (le formulaire reste ouvert)", Action::Close, "fermer la liste"),
];

#[rustfmt::skip]
pub(super) const CONFIRM: &[Binding] = &[
    bind(&[key(KeyCode::Enter), ch('o'), ch('y')], "Entrée/o", "oui", Action::Yes, "oui"),
    bind(&[key(KeyCode::Esc), ch('n')], "Échap/n", "non", Action::No, "non"),
];

/// A question asked on saving (save anyway): the same keys as every
/// question.
#[rustfmt::skip]
pub(super) const CONFIRM_ENTER: &[Binding] = &[
    bind(&[key(KeyCode::Enter), ch('o'), ch('y')], "Entrée/o", "oui", Action::Yes, "oui"),
    bind(&[key(KeyCode::Esc), ch('n')], "Échap/n", "non : revenir à la saisie", Action::No, "non"),
];

#[rustfmt::skip]
pub(super) const HELP: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], "↑", "remonter", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "descendre", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown), ch(' ')], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "début de l'aide", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "fin de l'aide", Action::End, ""),
    bind(&[key(KeyCode::Esc), ch('?'), ch('q'), key(KeyCode::F(1))], "Échap", "fermer l'aide", Action::Close, "fermer").rank(KEEP),
];

#[rustfmt::skip]
pub(super) const SETUP: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "créer la coopérative", Action::Submit, "créer"),
    bind(&[key(KeyCode::Tab), key(KeyCode::Down)], "Tab", "champ suivant", Action::NextField, "champ"),
    bind(&[shift(KeyCode::BackTab), key(KeyCode::Up)], "Maj+Tab", "champ précédent", Action::PrevField, ""),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
    bind(&[key(KeyCode::Esc), ctrl('c')], "Échap", "quitter", Action::Close, "quitter"),
];
