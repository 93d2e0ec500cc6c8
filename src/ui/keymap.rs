//! The one table of keys per context: what each key does, in French. The key
//! resolver, the hint bar and the help popup all read these tables, so the
//! hints never lie.

use super::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key (code and modifiers) a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn shift(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::SHIFT,
    }
}

impl Key {
    /// Whether a key event is this key. Shift is ignored on characters (a
    /// terminal reports `?` with or without it) and Ctrl+letter ignores case.
    pub fn matches(&self, event: &KeyEvent) -> bool {
        let ctrl_alt = KeyModifiers::CONTROL | KeyModifiers::ALT;
        match (self.code, event.code) {
            (KeyCode::Char(want), KeyCode::Char(got)) => {
                let same_char = if self.mods.contains(KeyModifiers::CONTROL) {
                    want.eq_ignore_ascii_case(&got)
                } else {
                    want == got
                };
                same_char && (self.mods & ctrl_alt) == (event.modifiers & ctrl_alt)
            }
            (KeyCode::BackTab, KeyCode::BackTab) => true,
            (want, got) => want == got && self.mods == event.modifiers,
        }
    }
}

/// A line of the table: keys, how they are written on screen, what they do.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub shown: &'static str,
    pub desc: &'static str,
    pub action: Action,
    /// Short text for the hint bar, empty if the line is only in the help
    /// popup (which shows every line).
    pub hint: &'static str,
}

const fn bind(
    keys: &'static [Key],
    shown: &'static str,
    desc: &'static str,
    action: Action,
    hint: &'static str,
) -> Binding {
    Binding {
        keys,
        shown,
        desc,
        action,
        hint,
    }
}

/// Where the keyboard is: each context has its own table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    Ledgers,
    Filter,
    Form,
    Choice,
    Split,
    Picker,
    Confirm,
    Help,
    Setup,
    Migration,
    /// A one-line input over the Migration tab (note, date, new step).
    Line,
    /// Participations: the keys of every view but the quick entry.
    Participations,
    Campaigns,
    CampaignDetail,
    Cheques,
    Regies,
    Pupils,
    /// The quick entry of a class's envelope, and where its cursor is.
    Envelope,
    EnvelopeName,
    EnvelopeAmount,
    EnvelopeLines,
    /// The chart of accounts popup, and moving in its list.
    Chart,
    ChartList,
}

impl Context {
    /// Heading of the context's section in the help popup.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Partout",
            Context::Ledgers => "Écritures",
            Context::Filter => "Filtre",
            Context::Form => "Formulaire",
            Context::Choice => "Champ à choix (Nature, Compte, Mode…)",
            Context::Split => "Ventilation",
            Context::Picker => "Liste des catégories",
            Context::Confirm => "Question",
            Context::Help => "Aide",
            Context::Setup => "Création de la coopérative",
            Context::Migration => "Migration",
            Context::Line => "Saisie d'une ligne",
            Context::Participations => "Participations",
            Context::Campaigns => "Campagnes",
            Context::CampaignDetail => "Détail d'une campagne",
            Context::Cheques => "Chèques à rendre",
            Context::Regies => "Régies de classe",
            Context::Pupils => "Élèves",
            Context::Envelope => "Saisie d'enveloppe",
            Context::EnvelopeName => "Saisie : nom de l'élève",
            Context::EnvelopeAmount => "Saisie : montant",
            Context::EnvelopeLines => "Saisie : lignes de l'enveloppe",
            Context::Chart => "Plan comptable",
            Context::ChartList => "Plan comptable : la liste",
        }
    }

    pub fn bindings(self) -> &'static [Binding] {
        match self {
            Context::Global => GLOBAL,
            Context::Ledgers => LEDGERS,
            Context::Filter => FILTER,
            Context::Form => FORM,
            Context::Choice => CHOICE,
            Context::Split => SPLIT,
            Context::Picker => PICKER,
            Context::Confirm => CONFIRM,
            Context::Help => HELP,
            Context::Setup => SETUP,
            Context::Migration => MIGRATION,
            Context::Line => LINE,
            Context::Participations => PARTICIPATIONS,
            Context::Campaigns => CAMPAIGNS,
            Context::CampaignDetail => CAMPAIGN_DETAIL,
            Context::Cheques => CHEQUES,
            Context::Regies => REGIES,
            Context::Pupils => PUPILS,
            Context::Envelope => ENVELOPE,
            Context::EnvelopeName => ENVELOPE_NAME,
            Context::EnvelopeAmount => ENVELOPE_AMOUNT,
            Context::EnvelopeLines => ENVELOPE_LINES,
            Context::Chart => CHART,
            Context::ChartList => CHART_LIST,
        }
    }
}

const TABS: &[Key] = &[ch('1'), ch('2'), ch('3'), ch('4'), ch('5')];

#[rustfmt::skip]
const GLOBAL: &[Binding] = &[
    bind(TABS, "1…5", "onglets : Écritures, Participations, Rapprochement, Migration, Clôture", Action::Tab(0), ""),
    bind(&[ch('?'), key(KeyCode::F(1))], "?", "aide (toutes les touches)", Action::Help, "aide"),
    bind(&[ch('q'), ctrl('c')], "q", "quitter", Action::Quit, "quitter"),
];

#[rustfmt::skip]
const LEDGERS: &[Binding] = &[
    bind(&[ch('n')], "n", "nouvelle recette ou dépense", Action::NewEntry, "nouvelle"),
    bind(&[ch('v')], "v", "virement interne", Action::NewTransfer, "virement"),
    bind(&[ch('e'), key(KeyCode::Enter)], "e", "modifier l'écriture", Action::Edit, "modifier"),
    bind(&[ch('x'), key(KeyCode::Delete)], "x", "annuler l'écriture (contre-passation)", Action::CancelEntry, "annuler"),
    bind(&[ch('/')], "/", "filtrer ce volet", Action::Filter, "filtrer"),
    bind(&[ch('c')], "c", "changer le compte de ce volet", Action::CycleAccount, "compte"),
    bind(&[ch('p')], "p", "plan comptable : voir, ajouter, renommer les catégories", Action::Chart, "plan"),
    bind(&[key(KeyCode::Tab), shift(KeyCode::BackTab)], "Tab", "passer à l'autre volet", Action::FocusOther, "volet"),
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
const FILTER: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "garder le filtre", Action::Submit, "garder"),
    bind(&[key(KeyCode::Esc)], "Échap", "effacer le filtre", Action::Close, "effacer"),
];

#[rustfmt::skip]
const FORM: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "enregistrer", Action::Submit, "enregistrer"),
    bind(&[key(KeyCode::Esc), ctrl('c')], "Échap", "abandonner (demande si du texte a été tapé)", Action::Close, "abandonner"),
    bind(&[key(KeyCode::Tab), key(KeyCode::Down)], "Tab", "champ suivant", Action::NextField, "champ"),
    bind(&[shift(KeyCode::BackTab), key(KeyCode::Up)], "Maj+Tab", "champ précédent", Action::PrevField, ""),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide"),
];

#[rustfmt::skip]
const CHOICE: &[Binding] = &[
    bind(&[key(KeyCode::Left)], "←", "valeur précédente", Action::ChoicePrev, ""),
    bind(&[key(KeyCode::Right), ch(' ')], "→/Espace", "valeur suivante", Action::ChoiceNext, "changer"),
];

#[rustfmt::skip]
const SPLIT: &[Binding] = &[
    bind(&[key(KeyCode::F(2)), ctrl('t')], "F2", "+ ventiler (ajouter une catégorie)", Action::AddSplit, "+ ventiler"),
    bind(&[key(KeyCode::F(3)), ctrl('r')], "F3", "retirer la ligne de ventilation", Action::RemoveSplit, ""),
];

#[rustfmt::skip]
const PICKER: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "catégorie précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "catégorie suivante", Action::Down, ""),
    bind(&[key(KeyCode::Enter)], "Entrée", "prendre la catégorie", Action::Submit, "choisir"),
];

#[rustfmt::skip]
const CONFIRM: &[Binding] = &[
    bind(&[ch('o'), ch('y')], "o", "oui", Action::Yes, "oui"),
    bind(&[ch('n'), key(KeyCode::Esc)], "n", "non", Action::No, "non"),
];

#[rustfmt::skip]
const HELP: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], "↑", "remonter", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "descendre", Action::Down, ""),
    bind(&[key(KeyCode::Esc), ch('?'), ch('q'), key(KeyCode::F(1))], "Échap", "fermer l'aide", Action::Close, "fermer"),
];

#[rustfmt::skip]
const SETUP: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "créer la coopérative", Action::Submit, "créer"),
    bind(&[key(KeyCode::Tab), key(KeyCode::Down)], "Tab", "champ suivant", Action::NextField, "champ"),
    bind(&[shift(KeyCode::BackTab), key(KeyCode::Up)], "Maj+Tab", "champ précédent", Action::PrevField, ""),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide"),
    bind(&[key(KeyCode::Esc), ctrl('c')], "Échap", "quitter", Action::Close, "quitter"),
];

#[rustfmt::skip]
const MIGRATION: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "aide de l'étape (où cliquer, ce qu'il faut, ce qu'elle débloque)", Action::StepHelp, "détail"),
    bind(&[ch('f')], "f", "marquer fait aujourd'hui", Action::MarkDone, "fait"),
    bind(&[ch('F')], "F", "marquer fait à une date (jj/mm/aaaa)", Action::MarkDoneOn, ""),
    bind(&[ch('c')], "c", "marquer en cours", Action::MarkInProgress, "en cours"),
    bind(&[ch('s')], "s", "marquer sans objet", Action::MarkNotApplicable, "sans objet"),
    bind(&[ch('r')], "r", "remettre à faire (étape d'après les comptes : les suivre de nouveau)", Action::ResetStep, "à faire"),
    bind(&[ch('m')], "m", "note de l'étape", Action::StepNote, "note"),
    bind(&[ch('h')], "h", "masquer l'étape (elle ne concerne pas la coopérative)", Action::HideStep, "masquer"),
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
const LINE: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "enregistrer", Action::Submit, "enregistrer"),
    bind(&[key(KeyCode::Esc)], "Échap", "annuler", Action::Close, "annuler"),
];

#[rustfmt::skip]
const PARTICIPATIONS: &[Binding] = &[
    bind(&[ch('s')], "s", "saisir l'enveloppe d'une classe, élève après élève", Action::OpenEnvelope, "saisir"),
    bind(&[key(KeyCode::Tab)], "Tab", "vue suivante (Campagnes, Chèques, Régies, Élèves)", Action::NextView, "vue"),
    bind(&[shift(KeyCode::BackTab)], "Maj+Tab", "vue précédente", Action::PrevView, ""),
];

/// Moving in a list (campaigns, cheques, régies, pupils).
#[rustfmt::skip]
const LIST_MOVES: [Binding; 6] = [
    bind(&[key(KeyCode::Up), ch('k')], "↑", "ligne précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "ligne suivante", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home), ch('g')], "Début", "première ligne", Action::Home, ""),
    bind(&[key(KeyCode::End), ch('G')], "Fin", "dernière ligne", Action::End, ""),
];

#[rustfmt::skip]
const CAMPAIGNS: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "détail de la campagne, classe par classe", Action::ShowCampaign, "détail"),
    bind(&[ch('n')], "n", "nouvelle campagne (participation, sortie, photos…)", Action::NewCampaign, "nouvelle"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
const CAMPAIGN_DETAIL: &[Binding] = &[
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
const CHEQUES: &[Binding] = &[
    bind(&[ch('r'), key(KeyCode::Enter)], "r", "marquer le chèque rendu à la famille (date demandée)", Action::ReturnCheque, "rendu"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
const REGIES: &[Binding] = &[
    bind(&[ch('a')], "a", "avance en espèces à l'enseignant (n° du reçu signé)", Action::RegieAdvance, "avance"),
    bind(&[ch('d')], "d", "dépense de la classe (pièce, catégorie, montant)", Action::RegieExpense, "dépense"),
    bind(&[ch('r')], "r", "reliquat rendu à la Caisse", Action::RegieReturn, "reliquat"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
const PUPILS: &[Binding] = &[
    bind(&[ch('a')], "a", "ajouter un élève (nom, prénom, classe)", Action::AddPupil, "ajouter"),
    // No key: what the help says about importing the school's list.
    bind(&[], "", "liste de l'école : coopcompta import pupils FICHIER.csv", Action::AddPupil, ""),
    bind(&[ch('c')], "c", "nouvelle classe (nom, enseignant)", Action::AddClass, "classe"),
    LIST_MOVES[0], LIST_MOVES[1], LIST_MOVES[2], LIST_MOVES[3], LIST_MOVES[4], LIST_MOVES[5],
];

#[rustfmt::skip]
const ENVELOPE: &[Binding] = &[
    bind(&[key(KeyCode::Enter)], "Entrée", "choisir l'élève, puis ajouter la ligne à l'enveloppe", Action::Submit, "valider"),
    bind(&[key(KeyCode::F(10)), ctrl('s')], "F10", "enregistrer l'enveloppe (espèces : une seule écriture)", Action::SaveEnvelope, "enregistrer"),
    bind(&[key(KeyCode::Esc), ctrl('c')], "Échap", "quitter la saisie (demande si des lignes sont tapées)", Action::Close, "quitter"),
    bind(&[key(KeyCode::Tab)], "Tab", "champ suivant (après le montant : les lignes)", Action::NextField, "champ"),
    bind(&[shift(KeyCode::BackTab)], "Maj+Tab", "champ précédent", Action::PrevField, ""),
    bind(&[key(KeyCode::F(1))], "F1", "aide", Action::Help, "aide"),
];

#[rustfmt::skip]
const ENVELOPE_NAME: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "élève précédent dans la liste", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "élève suivant dans la liste", Action::Down, ""),
];

#[rustfmt::skip]
const ENVELOPE_AMOUNT: &[Binding] = &[
    bind(&[ch('e'), ch('l'), ch('v'), ch('c')], "e/l/v/c", "mode : e espèces, l en ligne, v virement, c chèque", Action::SetChannel(0), "mode"),
];

#[rustfmt::skip]
const ENVELOPE_LINES: &[Binding] = &[
    bind(&[key(KeyCode::Up), ch('k')], "↑", "ligne précédente", Action::Up, ""),
    bind(&[key(KeyCode::Down), ch('j')], "↓", "ligne suivante", Action::Down, ""),
    bind(&[key(KeyCode::Delete), ch('x'), key(KeyCode::Backspace)], "Suppr", "retirer la ligne de l'enveloppe", Action::RemoveLine, "retirer"),
    bind(&[key(KeyCode::Enter), ch('e')], "Entrée", "reprendre la ligne pour la corriger", Action::Edit, "reprendre"),
];

#[rustfmt::skip]
const CHART: &[Binding] = &[
    bind(&[ch('a')], "a", "ajouter une catégorie (charge 6… ou produit 7…)", Action::AddCategory, "ajouter"),
    bind(&[ch('r')], "r", "renommer la catégorie sélectionnée", Action::RenameCategory, "renommer"),
    bind(&[ch('/')], "/", "filtrer (ou taper directement les lettres cherchées)", Action::Filter, "filtrer"),
    bind(&[key(KeyCode::Esc)], "Échap", "fermer le plan comptable", Action::Close, "fermer"),
    bind(&[key(KeyCode::F(1)), ch('?')], "F1", "aide", Action::Help, "aide"),
];

#[rustfmt::skip]
const CHART_LIST: &[Binding] = &[
    bind(&[key(KeyCode::Up)], "↑", "compte précédent", Action::Up, ""),
    bind(&[key(KeyCode::Down)], "↓", "compte suivant", Action::Down, ""),
    bind(&[key(KeyCode::PageUp)], "PgPréc", "page précédente", Action::PageUp, ""),
    bind(&[key(KeyCode::PageDown)], "PgSuiv", "page suivante", Action::PageDown, ""),
    bind(&[key(KeyCode::Home)], "Début", "premier compte", Action::Home, ""),
    bind(&[key(KeyCode::End)], "Fin", "dernier compte", Action::End, ""),
];

/// The action of the first binding, in the first context, that answers to
/// the key. Tab keys carry the tab's index.
pub fn resolve(contexts: &[Context], event: &KeyEvent) -> Option<Action> {
    contexts.iter().flat_map(|c| c.bindings()).find_map(|b| {
        let index = b.keys.iter().position(|k| k.matches(event))?;
        Some(match b.action {
            Action::Tab(_) => Action::Tab(index as u8),
            Action::SetChannel(_) => Action::SetChannel(index as u8),
            other => other,
        })
    })
}

/// The bindings the hint bar shows for these contexts, with the context
/// each comes from; a key that an earlier context takes is not shown again
/// under a later one (the bar never shows what a key does not do).
pub fn hints(contexts: &[Context]) -> Vec<(Context, &'static Binding)> {
    let mut shown: Vec<(Context, &'static Binding)> = Vec::new();
    for (index, context) in contexts.iter().enumerate() {
        for binding in context.bindings().iter().filter(|b| !b.hint.is_empty()) {
            let shadowed = contexts[..index]
                .iter()
                .flat_map(|c| c.bindings())
                .any(|earlier| earlier.keys.first() == binding.keys.first());
            if !shadowed {
                shown.push((*context, binding));
            }
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, mods)
    }

    #[test]
    fn keys_resolve_in_context_order() {
        let esc = press(KeyCode::Esc, KeyModifiers::NONE);
        assert_eq!(
            resolve(&[Context::Filter, Context::Ledgers], &esc),
            Some(Action::Close)
        );
        assert_eq!(
            resolve(&[Context::Ledgers], &esc),
            Some(Action::ClearFilter)
        );
        let three = press(KeyCode::Char('3'), KeyModifiers::NONE);
        assert_eq!(
            resolve(&[Context::Ledgers, Context::Global], &three),
            Some(Action::Tab(2))
        );
        let question = press(KeyCode::Char('?'), KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Context::Global], &question), Some(Action::Help));
        let backtab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(resolve(&[Context::Form], &backtab), Some(Action::PrevField));
        let ctrl_t = press(KeyCode::Char('t'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&[Context::Split], &ctrl_t), Some(Action::AddSplit));
        let plain_t = press(KeyCode::Char('t'), KeyModifiers::NONE);
        assert_eq!(resolve(&[Context::Split, Context::Form], &plain_t), None);
    }

    #[test]
    fn every_context_has_a_way_out_or_is_global() {
        for context in [
            Context::Filter,
            Context::Form,
            Context::Confirm,
            Context::Help,
            Context::Setup,
            Context::Line,
            Context::Envelope,
            Context::CampaignDetail,
            Context::Chart,
        ] {
            assert!(
                context
                    .bindings()
                    .iter()
                    .any(|b| matches!(b.action, Action::Close | Action::No)),
                "{context:?}"
            );
        }
    }
}
