//! The tabs of the main screen. Each is a [`Component`] in its own folder;
//! this registry lists them in the order of the tab bar. Adding a tab: its
//! folder, a line in [`Tab`] and one in [`Tabs::open`], its key table.

pub mod cloture;
pub mod ecritures;
pub mod migration;
pub mod participations;
pub mod rapprochement;
mod tab;

use super::component::Component;
use crate::book::Book;
use crate::store::Result;
use ecritures::Ecritures;
pub use tab::Tab;

/// Every tab's state; the Écritures tab also holds the balances of the
/// header, shown above every tab.
pub struct Tabs {
    pub active: Tab,
    pub ecritures: Ecritures,
    /// The other tabs, in [`Tab::ALL`] order after Écritures.
    others: Vec<Box<dyn Component>>,
}

impl Tabs {
    /// `import_folder`: where the Rapprochement tab's file picker opens;
    /// `export_folder`: where the Clôture and Écritures tabs write files.
    pub fn open(
        book: &Book,
        import_folder: std::path::PathBuf,
        export_folder: std::path::PathBuf,
    ) -> Result<Tabs> {
        let mut ecritures = Ecritures::load(book)?;
        ecritures.export_folder = export_folder.clone();
        Ok(Tabs {
            active: Tab::Ecritures,
            ecritures,
            others: vec![
                Box::new(participations::ParticipationsTab::default()),
                Box::new(rapprochement::RapprochementTab::new(import_folder)),
                Box::new(migration::MigrationTab::default()),
                Box::new(cloture::ClotureTab::new(export_folder)),
            ],
        })
    }

    fn index(tab: Tab) -> usize {
        Tab::ALL.iter().position(|t| *t == tab).unwrap_or(0)
    }

    pub fn get(&self, tab: Tab) -> &dyn Component {
        match Self::index(tab) {
            0 => &self.ecritures,
            i => self.others[i - 1].as_ref(),
        }
    }

    pub fn get_mut(&mut self, tab: Tab) -> &mut dyn Component {
        match Self::index(tab) {
            0 => &mut self.ecritures,
            i => self.others[i - 1].as_mut(),
        }
    }

    /// Puts `component` in place of a tab other than Écritures (a tab
    /// shown over data made by hand, in tests).
    pub fn replace(&mut self, tab: Tab, component: Box<dyn Component>) {
        if let Some(i) = Self::index(tab).checked_sub(1) {
            self.others[i] = component;
        }
    }

    pub fn current(&self) -> &dyn Component {
        self.get(self.active)
    }

    pub fn current_mut(&mut self) -> &mut dyn Component {
        self.get_mut(self.active)
    }

    /// Every tab, for what each must hear.
    pub fn all_mut(&mut self) -> impl Iterator<Item = &mut dyn Component> {
        std::iter::once(&mut self.ecritures as &mut dyn Component).chain(
            self.others
                .iter_mut()
                .map(|t| t.as_mut() as &mut dyn Component),
        )
    }

    /// After a change: the tabs on screen (the shown one, and Écritures for
    /// the header's balances) reload if stale; the others when shown.
    pub fn refresh(&mut self, book: &Book) -> Result<()> {
        self.ecritures.refresh(book)?;
        self.current_mut().refresh(book)
    }
}
