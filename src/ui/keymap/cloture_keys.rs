//! Keys of the Clôture tab and of its popups (closing, files to export,
//! choice of the exercice shown).

use super::binding::{ALWAYS, Binding, KEEP, SPARE, bind, ch, key, shift};
use crate::ui::action::Action;
use ratatui::crossterm::event::KeyCode;

/// The tab: its views, scrolling, the year-end actions.
#[rustfmt::skip]
pub(super) const CLOTURE: &[Binding] = &[
    bind(&[key(KeyCode::Tab), key(KeyCode::Right)], "Tab", "vue suivante (fonctionnement, bilan, rapprochement, annexes, graphique)", Action::NextView, "vue").rank(KEEP),
    bind(&[shift(KeyCode::BackTab), key(KeyCode::Left)], "Maj+Tab", "vue précédente", Action::PrevView, ""),
    bind(&[ch('a')], "a", "arrêté de caisse : compter les billets et les pièces", Action::CashCount, "caisse").rank(KEEP),
    bind(&[ch('c')], "c", "clôturer l'exercice : ce qui manque, puis la clôture (demande confirmation)", Action::CloseExercice, "clôturer").rank(KEEP),
    bind(&[ch('f')], "f", "fichiers : écrire le CR financier, le cahier, le journal… dans le dossier des documents", Action::Export, "fichiers").rank(KEEP),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "remonter", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "descendre", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "début", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "fin", Action::End, ""),
];

/// The closing popup: the list of what is missing.
#[rustfmt::skip]
pub(super) const CLOSING: &[Binding] = &[
    bind(&[key(KeyCode::Enter), ch('o')], "Entrée", "passer outre ce point, avec un motif (gardé dans le journal)", Action::Edit, "passer outre").rank(KEEP),
    bind(&[ch('x'), key(KeyCode::Delete)], "x", "retirer le motif : le point bloque de nouveau", Action::RemoveLine, "retirer"),
    bind(&[ch('e')], "e", "reporter ou non les élèves et les classes dans l'exercice suivant", Action::ToggleMark, "élèves").rank(SPARE),
    bind(&[key(KeyCode::F(10)), ch('c')], "F10", "clôturer l'exercice (demande confirmation)", Action::Submit, "clôturer").rank(KEEP),
    bind(&[key(KeyCode::Esc), ch('q')], "Échap", "fermer sans clôturer", Action::Close, "fermer").rank(KEEP),
    bind(&[key(KeyCode::F(1)), ch('?')], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "point précédent", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "point suivant", Action::Down, ""),
];

/// The reason of an override, typed in the closing popup.
#[rustfmt::skip]
pub(super) const REASON: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "garder le motif", Action::Submit, "garder"),
    bind(&[key(KeyCode::Esc)], "Échap", "annuler le motif", Action::Close, "annuler"),
];

/// The files to write.
#[rustfmt::skip]
pub(super) const EXPORT_FILES: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "écrire le fichier (un nouveau fichier, jamais par-dessus un autre)", Action::Submit, "écrire").rank(KEEP),
    bind(&[key(KeyCode::Esc), ch('q')], "Échap", "fermer", Action::Close, "fermer").rank(KEEP),
    bind(&[key(KeyCode::F(1)), ch('?')], "F1", "aide", Action::Help, "aide").rank(ALWAYS),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "fichier précédent", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "fichier suivant", Action::Down, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "premier fichier", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "dernier fichier", Action::End, ""),
];

/// The choice of the exercice shown.
#[rustfmt::skip]
pub(super) const EXERCICES: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "afficher cet exercice (un exercice clôturé : en lecture seule)", Action::Submit, "afficher").rank(KEEP),
    bind(&[key(KeyCode::Esc), ch('q')], "Échap", "fermer", Action::Close, "fermer").rank(KEEP),
    bind(&[key(KeyCode::Up), ch('k')], "↑", "exercice précédent", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "exercice suivant", Action::Down, ""),
];
