//! Small drawing pieces the screens share.

pub mod category_picker;
pub mod confirm;
pub mod field;
pub mod hint_bar;
pub mod theme;
