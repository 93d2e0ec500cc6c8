//! Small drawing pieces the screens share.

pub mod category_picker;
pub mod cells;
pub mod field;
pub mod form;
pub mod form_frame;
pub mod hint_bar;
pub mod list_cursor;
pub mod popup_place;
pub mod scroll;
pub mod theme;
