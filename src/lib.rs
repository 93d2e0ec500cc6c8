//! coopcompta: the books of an OCCE school coopérative, in the terminal.

pub mod book;
pub mod cli;
pub mod domain;
pub mod io;
pub mod store;
pub mod ui;
