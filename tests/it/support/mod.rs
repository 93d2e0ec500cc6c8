//! Helpers shared by the integration tests.
//!
//! - [`cli`]: the built binary run on a temporary database (`Sandbox`).
//! - [`check`]: bases for the `check` command, and damaging them by raw SQL.
//! - [`participations`]: a coop with classes, pupils and a campaign, in memory.
//! - [`ui`]: an `App` on a small coop, keys and actions fed to it, screens
//!   rendered to a `TestBackend`.

pub mod check;
pub mod cli;
pub mod participations;
pub mod ui;
