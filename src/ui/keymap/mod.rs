//! The one table of keys per context: what each key does, in French. The key
//! resolver, the hint bar and the help popup all read these tables, so the
//! hints never lie.

mod binding;
mod cloture_keys;
mod core_keys;
mod reconcile_keys;
mod tab_keys;

use super::action::Action;
pub use binding::{ALWAYS, Binding, Key};
use cloture_keys::*;
use core_keys::*;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use reconcile_keys::*;
use tab_keys::*;

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
    /// A question asked on saving: Entrée says yes.
    ConfirmEnter,
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
    /// The channel of the line (espèces, en ligne…): its own field, so that
    /// a letter typed in the amount stays text.
    EnvelopeChannel,
    EnvelopeLines,
    /// The chart of accounts popup, and moving in its list.
    Chart,
    ChartList,
    /// The CRF heading field of the chart form: moving in the known
    /// headings, and taking the highlighted one.
    HeadingList,
    HeadingPick,
    /// The help popup of a migration step: the step's keys.
    StepHelp,
    /// Rapprochement: the keys of the tab, and those of the bank lines pane.
    Reconcile,
    ReconcileLine,
    FilePicker,
    ImportKind,
    Batches,
    Payments,
    PupilPick,
    /// The Clôture tab.
    Cloture,
    Closing,
    Reason,
    ExportFiles,
    Exercices,
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
            Context::ConfirmEnter => "Question avant d'enregistrer",
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
            Context::EnvelopeChannel => "Saisie : mode de paiement",
            Context::EnvelopeLines => "Saisie : lignes de l'enveloppe",
            Context::Chart => "Plan comptable",
            Context::ChartList => "Plan comptable : la liste",
            Context::HeadingList => "Rubrique du CR financier : les rubriques connues",
            Context::HeadingPick => "Rubrique du CR financier : choisir",
            Context::StepHelp => "Aide d'une étape : les touches de l'étape",
            Context::Reconcile => "Rapprochement",
            Context::ReconcileLine => "Rapprochement : la ligne du relevé",
            Context::FilePicker => "Choix du fichier à importer",
            Context::ImportKind => "Type du fichier à importer",
            Context::Batches => "Liste des imports",
            Context::Payments => "Paiements à attribuer",
            Context::PupilPick => "Choix de l'élève",
            Context::Cloture => "Clôture",
            Context::Closing => "Clôture de l'exercice : ce qui manque",
            Context::Reason => "Motif pour passer outre",
            Context::ExportFiles => "Fichiers à écrire",
            Context::Exercices => "Choix de l'exercice",
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
            Context::ConfirmEnter => CONFIRM_ENTER,
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
            Context::EnvelopeChannel => ENVELOPE_CHANNEL,
            Context::EnvelopeLines => ENVELOPE_LINES,
            Context::Chart => CHART,
            Context::ChartList => CHART_LIST,
            Context::HeadingList => HEADING_LIST,
            Context::HeadingPick => HEADING_PICK,
            Context::StepHelp => STEP_HELP,
            Context::Reconcile => RECONCILE,
            Context::ReconcileLine => RECONCILE_LINE,
            Context::FilePicker => FILE_PICKER,
            Context::ImportKind => IMPORT_KIND,
            Context::Batches => BATCHES,
            Context::Payments => PAYMENTS,
            Context::PupilPick => PUPIL_PICK,
            Context::Cloture => CLOTURE,
            Context::Closing => CLOSING,
            Context::Reason => REASON,
            Context::ExportFiles => EXPORT_FILES,
            Context::Exercices => EXERCICES,
        }
    }
}

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

/// How a key is written for the user.
pub fn key_name(key: &Key) -> String {
    match key.code {
        KeyCode::Char(' ') => "Espace".to_string(),
        KeyCode::Char(c) if key.mods.contains(KeyModifiers::CONTROL) => {
            format!("Ctrl+{}", c.to_ascii_uppercase())
        }
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "Entrée".into(),
        KeyCode::Esc => "Échap".into(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Maj+Tab".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::PageUp => "PgPréc".into(),
        KeyCode::PageDown => "PgSuiv".into(),
        KeyCode::Home => "Début".into(),
        KeyCode::End => "Fin".into(),
        KeyCode::Delete => "Suppr".into(),
        KeyCode::Backspace => "Retour arrière".into(),
        KeyCode::F(n) => format!("F{n}"),
        other => format!("{other:?}"),
    }
}

/// Every key of `action` in `context`, as [`key_name`] writes them.
pub fn key_names(context: Context, action: Action) -> Vec<String> {
    context
        .bindings()
        .iter()
        .find(|b| b.action == action)
        .map(|b| b.keys.iter().map(key_name).collect())
        .unwrap_or_default()
}

/// How the key of `action` in `context` is written ("Entrée", "F10", "r"):
/// texts on screen that name a key take it from here, so they never lie.
/// Empty if the context has no key for the action.
pub fn key_of(context: Context, action: Action) -> &'static str {
    context
        .bindings()
        .iter()
        .find(|b| b.action == action && !b.keys.is_empty())
        .map_or("", |b| b.shown)
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
            Context::ConfirmEnter,
            Context::Help,
            Context::Setup,
            Context::Line,
            Context::Envelope,
            Context::CampaignDetail,
            Context::Chart,
            Context::FilePicker,
            Context::ImportKind,
            Context::Batches,
            Context::Payments,
            Context::PupilPick,
            Context::Closing,
            Context::Reason,
            Context::ExportFiles,
            Context::Exercices,
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
