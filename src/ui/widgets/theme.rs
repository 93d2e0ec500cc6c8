//! Styles, readable with the 16 basic colours. Meaning never rests on colour
//! alone: cancelled rows also say "annulée", amounts carry their sign.

use ratatui::style::{Color, Modifier, Style};

pub fn title() -> Style {
    Style::new().add_modifier(Modifier::BOLD)
}

pub fn border() -> Style {
    Style::new().fg(Color::DarkGray)
}

pub fn border_focused() -> Style {
    Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
}

pub fn selected() -> Style {
    Style::new().add_modifier(Modifier::REVERSED)
}

pub fn selected_unfocused() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn cancelled() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::CROSSED_OUT)
}

pub fn reversal() -> Style {
    Style::new()
        .fg(Color::DarkGray)
        .add_modifier(Modifier::ITALIC)
}

pub fn money_in() -> Style {
    Style::new().fg(Color::Green)
}

pub fn money_out() -> Style {
    Style::new().fg(Color::Red)
}

pub fn header_cell() -> Style {
    Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
}

pub fn label() -> Style {
    Style::new().fg(Color::Gray)
}

pub fn label_focused() -> Style {
    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
}

pub fn input() -> Style {
    Style::new().add_modifier(Modifier::UNDERLINED)
}

pub fn error() -> Style {
    Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD)
}

pub fn note() -> Style {
    Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC)
}

pub fn status() -> Style {
    Style::new().fg(Color::LightGreen)
}

pub fn key() -> Style {
    Style::new().fg(Color::Black).bg(Color::Gray)
}

pub fn tab_active() -> Style {
    Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD)
}

pub fn tab() -> Style {
    Style::new().fg(Color::Gray)
}
