//! The import file picker: it opens on the user's Downloads folder and
//! lists the folders, then the CSV files newest first with their date and
//! size; ← goes up, Entrée goes into a folder or picks a file, typing
//! filters the names. Once a file is picked, the user says what it is
//! (`import_file`), and the import runs from there.

mod import;

use crate::book::Book;
use crate::domain::text::fold;
use crate::ui::action::Action;
use crate::ui::component::{Component, Effect};
use crate::ui::keymap::{self, Context};
use crate::ui::widgets::cells::{cell, right_cell, truncate, truncate_left};
use crate::ui::widgets::form_frame::popup_area;
use crate::ui::widgets::list_cursor::ListCursor;
use crate::ui::widgets::popup_place::clear_popup;
use crate::ui::widgets::theme;
use import::ImportKind;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use tui_input::{Input, InputRequest};

/// A folder or a CSV file of the folder shown.
#[derive(Debug, Clone)]
pub struct Item {
    pub name: String,
    pub path: PathBuf,
    pub is_dir: bool,
    pub modified: Option<SystemTime>,
    pub size: u64,
}

/// The folders (by name), then the `.csv` files (any case), newest first.
pub fn list_folder(folder: &Path) -> std::io::Result<Vec<Item>> {
    let mut dirs = Vec::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder)? {
        let Ok(entry) = entry else { continue };
        let name = entry.file_name().to_string_lossy().to_string();
        if name.starts_with('.') {
            continue;
        }
        let Ok(meta) = entry.metadata() else { continue };
        let item = Item {
            name,
            path: entry.path(),
            is_dir: meta.is_dir(),
            modified: meta.modified().ok(),
            size: meta.len(),
        };
        if item.is_dir {
            dirs.push(item);
        } else if item.name.to_lowercase().ends_with(".csv") {
            files.push(item);
        }
    }
    dirs.sort_by_key(|d| fold(&d.name));
    files.sort_by(|a, b| b.modified.cmp(&a.modified).then(a.name.cmp(&b.name)));
    dirs.extend(files);
    Ok(dirs)
}

/// "834 o", "12,4 Ko", "2,1 Mo".
pub fn size_text(size: u64) -> String {
    let tenths = |unit: u64| {
        let t = (size * 10 + unit / 2) / unit;
        format!("{},{}", t / 10, t % 10)
    };
    if size < 1024 {
        format!("{size} o")
    } else if size < 1024 * 1024 {
        format!("{} Ko", tenths(1024))
    } else {
        format!("{} Mo", tenths(1024 * 1024))
    }
}

fn date_text(time: Option<SystemTime>) -> String {
    time.map(|t| {
        chrono::DateTime::<chrono::Local>::from(t)
            .format("%d/%m/%Y")
            .to_string()
    })
    .unwrap_or_default()
}

pub struct FilePicker {
    pub folder: PathBuf,
    items: Vec<Item>,
    /// Why the folder could not be read.
    problem: Option<String>,
    pub filter: Input,
    cursor: ListCursor,
}

impl FilePicker {
    pub fn open(folder: PathBuf) -> Self {
        let mut picker = FilePicker {
            folder,
            items: Vec::new(),
            problem: None,
            filter: Input::default(),
            cursor: ListCursor::with_page(10),
        };
        picker.load();
        picker
    }

    fn load(&mut self) {
        match list_folder(&self.folder) {
            Ok(items) => {
                self.items = items;
                self.problem = None;
            }
            Err(e) => {
                self.items = Vec::new();
                self.problem = Some(format!(
                    "Dossier illisible : {}",
                    crate::store::french_io(&e)
                ));
            }
        }
        self.cursor.select(0);
    }

    /// The items whose name holds what is typed (accents and case aside).
    pub fn shown(&self) -> Vec<&Item> {
        let wanted = fold(self.filter.value().trim());
        self.items
            .iter()
            .filter(|i| wanted.is_empty() || fold(&i.name).contains(&wanted))
            .collect()
    }

    fn go(&mut self, folder: PathBuf) {
        self.folder = folder;
        self.filter = Input::default();
        self.load();
    }

    fn parent(&mut self) -> Effect {
        if let Some(parent) = self.folder.parent() {
            let parent = parent.to_path_buf();
            self.go(parent);
        }
        Effect::Done
    }

    fn submit(&mut self) -> Effect {
        let Some(item) = self
            .shown()
            .get(self.cursor.selected())
            .map(|i| (*i).clone())
        else {
            return Effect::Done;
        };
        if item.is_dir {
            self.go(item.path);
            return Effect::Done;
        }
        Effect::open(ImportKind::new(item.path, &item.name))
    }

    fn rows(&self, width: usize) -> Vec<Line<'static>> {
        let shown = self.shown();
        if shown.is_empty() {
            let text = if self.items.is_empty() {
                format!(
                    "Aucun fichier CSV dans ce dossier : {} pour le dossier parent, ou téléchargez le relevé (CSV) depuis AssoConnect.",
                    keymap::key_of(Context::FilePicker, Action::ParentDir)
                )
            } else {
                "Aucun nom ne contient ce qui est tapé.".to_string()
            };
            return crate::ui::widgets::cells::wrap(&text, width)
                .into_iter()
                .map(|l| Line::styled(l, theme::note()))
                .collect();
        }
        let name_width = width.saturating_sub(2 + 1 + 10 + 1 + 9);
        shown
            .iter()
            .enumerate()
            .map(|(i, item)| {
                let marker = if i == self.cursor.selected() {
                    "▸ "
                } else {
                    "  "
                };
                let text = if item.is_dir {
                    format!("{marker}{}", cell(&format!("{}/", item.name), name_width))
                } else {
                    format!(
                        "{marker}{} {} {}",
                        cell(&item.name, name_width),
                        right_cell(&date_text(item.modified), 10),
                        right_cell(&size_text(item.size), 9)
                    )
                };
                let line = Line::raw(text);
                if i == self.cursor.selected() {
                    line.style(theme::selected())
                } else {
                    line
                }
            })
            .collect()
    }
}

impl Component for FilePicker {
    fn contexts(&self) -> Vec<Context> {
        vec![Context::FilePicker]
    }

    fn help_contexts(&self) -> Vec<Context> {
        vec![Context::FilePicker, Context::ImportKind]
    }

    fn accepts_text(&self) -> bool {
        true
    }

    fn update(&mut self, action: Action, _book: &mut Book) -> Effect {
        let len = self.shown().len();
        if self.cursor.navigate(action, len) {
            return Effect::Done;
        }
        match action {
            Action::Close => Effect::Close,
            Action::Help => Effect::Help,
            Action::ParentDir => self.parent(),
            Action::Submit => self.submit(),
            Action::Type(InputRequest::DeletePrevChar) if self.filter.value().is_empty() => {
                self.parent()
            }
            Action::Type(request) => {
                if crate::ui::widgets::form_frame::type_into(&mut self.filter, request) {
                    self.cursor.select(0);
                }
                Effect::Done
            }
            _ => Effect::Done,
        }
    }

    fn draw(&self, frame: &mut Frame, area: Rect, _book: &Book) {
        let popup = popup_area(area);
        clear_popup(frame.buffer_mut(), popup, area);
        let key = |action| keymap::key_of(Context::FilePicker, action);
        let block = Block::bordered()
            .title(Line::styled(" Importer un fichier ", theme::title()))
            .title_bottom(
                Line::from(format!(
                    " {} choisir · {} dossier parent · {} fermer ",
                    key(Action::Submit),
                    key(Action::ParentDir),
                    key(Action::Close)
                ))
                .right_aligned(),
            )
            .border_style(theme::border_focused());
        let inner = block.inner(popup);
        frame.render_widget(block, popup);
        let [folder, filter, list] = inner.layout(&Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(2),
            Constraint::Fill(1),
        ]));
        let width = inner.width as usize;
        frame.render_widget(
            Line::styled(
                format!(
                    "Dossier : {}",
                    truncate_left(&self.folder.display().to_string(), width.saturating_sub(10))
                ),
                theme::label(),
            ),
            folder,
        );
        let typed = self.filter.value();
        let filter_text = if typed.is_empty() {
            Line::styled("Filtre : tapez une partie du nom", theme::note())
        } else {
            Line::raw(truncate(&format!("Filtre : {typed}"), width))
        };
        frame.render_widget(filter_text, filter);
        if let Some(problem) = &self.problem {
            frame.render_widget(
                Paragraph::new(Line::styled(format!("✗ {problem}"), theme::error())),
                list,
            );
            return;
        }
        let rows = self.rows(width);
        let first = self
            .cursor
            .first_row(self.cursor.selected(), list.height as usize);
        let shown: Vec<Line> = rows.into_iter().skip(first).collect();
        frame.render_widget(Paragraph::new(shown), list);
    }
}
