//! A line of a key table: the keys, how they are written, what they do.

use crate::ui::action::Action;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// One key (code and modifiers) a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

pub(super) const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

pub(super) const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

pub(super) const fn shift(code: KeyCode) -> Key {
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
    /// How useful the hint is when the bar is short of room: the bar drops
    /// the highest ranks first ([`ALWAYS`] stays, e.g. the help).
    pub rank: u8,
}

/// Ranks of hints: always shown, kept, usual, dropped first.
pub const ALWAYS: u8 = 0;
pub const KEEP: u8 = 1;
pub const USUAL: u8 = 2;
pub const SPARE: u8 = 3;

impl Binding {
    /// The same line with another rank in the hint bar.
    pub(super) const fn rank(mut self, rank: u8) -> Binding {
        self.rank = rank;
        self
    }
}

pub(super) const fn bind(
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
        rank: USUAL,
    }
}
