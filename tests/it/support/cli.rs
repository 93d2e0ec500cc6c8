//! Running the built binary on a temporary database, for the CLI tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// An empty folder; the database is `coop.db` inside it.
    pub fn empty() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The "Coopérative des Lilas", exercice 2024-2025, with `caisse` in the
    /// caisse at the opening and nothing else.
    pub fn lilas(caisse: &str) -> Self {
        let s = Sandbox::empty();
        s.ok(&[
            "init",
            "--coop",
            "Coopérative des Lilas",
            "--exercice",
            "2024-2025",
            "--opening",
            &format!("caisse={caisse}"),
        ]);
        s
    }

    pub fn db(&self) -> PathBuf {
        self.path("coop.db")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_coopcompta"))
            .arg("--db")
            .arg(self.db())
            .args(args)
            .env_remove("COOPCOMPTA_DB")
            .output()
            .expect("binary runs")
    }

    /// Runs in the sandbox folder with `--db db` (none if `None`) and extra
    /// environment variables.
    pub fn run_with(&self, db: Option<&Path>, args: &[&str], env: &[(&str, &Path)]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_coopcompta"));
        if let Some(db) = db {
            command.arg("--db").arg(db);
        }
        command
            .args(args)
            .current_dir(self.dir.path())
            .env_remove("COOPCOMPTA_DB");
        for (key, value) in env {
            command.env(key, value);
        }
        command.output().expect("binary runs")
    }

    /// Runs a command that must succeed; returns its stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "{args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("utf-8")
    }

    /// Runs a command that must fail with nothing on stdout; returns its stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(!out.status.success(), "{args:?} should have failed");
        assert!(out.stdout.is_empty(), "nothing on stdout when refused");
        String::from_utf8(out.stderr).expect("utf-8")
    }
}
