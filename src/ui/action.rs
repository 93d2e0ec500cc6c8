//! What the user wants, independent of the key that asked for it. The keymap
//! turns keys into actions; `App::update` carries them out.

use tui_input::InputRequest;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    // Global.
    Quit,
    Help,
    /// Switch to the tab of this index (0 = Écritures).
    Tab(u8),

    // Ledger panes.
    FocusOther,
    FocusLeft,
    FocusRight,
    CycleAccount,
    Up,
    Down,
    PageUp,
    PageDown,
    Home,
    End,
    NewEntry,
    NewTransfer,
    Edit,
    CancelEntry,
    /// Record again a cancelled entry (rétablir), as a new entry.
    Restore,
    /// The settings: the coop's name and the opening balances.
    Settings,
    Filter,
    ClearFilter,
    /// Open the chart of accounts (Plan comptable).
    Chart,

    // Chart of accounts popup.
    AddCategory,
    /// Change the selected category's libellé or CRF heading.
    EditCategory,

    // Forms and the filter line.
    NextField,
    PrevField,
    /// Enter: save a form, keep the filter, pick in a picker.
    Submit,
    /// Esc: leave a form (asking first if something was typed), clear the filter.
    Close,
    ChoicePrev,
    ChoiceNext,
    AddSplit,
    RemoveSplit,
    /// Text typed into the focused input.
    Type(InputRequest),

    // Confirmation dialog.
    Yes,
    No,

    // Migration checklist.
    /// Open the selected step's help.
    StepHelp,
    /// Mark the step done today.
    MarkDone,
    /// Mark the step done on a date typed by the user.
    MarkDoneOn,
    MarkInProgress,
    MarkNotApplicable,
    /// Back to "à faire" (a derived step follows the books again).
    ResetStep,
    StepNote,
    HideStep,
    /// Show again every hidden step.
    ShowHiddenSteps,
    AddStep,
    MoveStepUp,
    MoveStepDown,

    // Participations tab.
    /// Next / previous view of the tab (Campagnes, Chèques, Régies, Élèves).
    NextView,
    PrevView,
    /// Open the quick entry of a class's envelope.
    OpenEnvelope,
    /// Show the selected campaign class by class.
    ShowCampaign,
    NewCampaign,
    AddPupil,
    AddClass,
    /// Mark the selected cheque as given back.
    ReturnCheque,
    /// Mark or unmark the selected row (several rows can be marked).
    ToggleMark,
    RegieAdvance,
    RegieExpense,
    RegieReturn,
    /// Payment channel of the line being typed: index in `Channel::ALL`
    /// (espèces, en ligne, virement, chèque).
    SetChannel(u8),
    /// Record the whole envelope (one transaction).
    SaveEnvelope,
    /// Remove the selected line of the envelope.
    RemoveLine,

    // Rapprochement tab.
    /// Match the current bank line to its suggested entry.
    AcceptSuggestion,
    /// Accept every unambiguous suggestion of the account.
    AcceptAll,
    /// Match the marked entries to the current bank line.
    MatchMarked,
    /// Record the entry a bank line shows, and match it.
    CreateFromLine,
    /// Take a bank line's matches away.
    Unmatch,
    /// Show every bank line, or only those to match.
    ToggleFilter,
    /// Import a file (statement or AssoConnect payments).
    Import,
    /// The list of imports (to undo one).
    Batches,
    /// Undo the selected import.
    UndoBatch,
    /// The AssoConnect payouts, with their payments.
    Payouts,
    /// The payments "à attribuer".
    Payments,
    /// Check a statement's closing balance.
    Statement,
    /// The file picker: the folder above.
    ParentDir,

    // Clôture tab.
    /// Open the arrêté de caisse form.
    CashCount,
    /// The list of what blocks the closing, then the closing.
    CloseExercice,
    /// The year-end files to write.
    Export,
    /// Choose the exercice shown (a past one is read only).
    SwitchExercice,
}
