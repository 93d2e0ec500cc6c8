//! Starting the full-screen application: lock, open, back up, then run.

use coopcompta::book::{Book, Clock};
use coopcompta::store::created::NewFiles;
use coopcompta::store::{self, backup, lock};
use coopcompta::ui::{self, RunInfo, Start};
use std::path::Path;

/// The application on the user's database (first launch guided).
pub fn app(db: &Path, demo: bool) -> Result<(), String> {
    // Before the lock and the backup: without a terminal nothing is touched.
    require_terminal()?;
    let created = NewFiles::note(db);
    let guard = lock::acquire(db).map_err(|e| e.to_string())?;
    let conn = store::open(db).map_err(|e| e.to_string())?;
    let set_up = store::coop::load(&conn)
        .map_err(|e| e.to_string())?
        .is_some();
    // An empty base is not worth a copy: the first one comes once the coop exists.
    let backup_note = set_up.then(
        || match backup::backup_now(&conn, db, Clock::System.now()) {
            Ok(path) => format!("Sauvegarde faite : {}", path.display()),
            Err(e) => format!("Attention, sauvegarde impossible : {e}"),
        },
    );
    let start = if set_up {
        Start::Ready(Book::load(conn, Clock::System).map_err(|e| e.to_string())?)
    } else {
        Start::NeedsSetup(conn)
    };
    let info = RunInfo {
        db_path: db.to_path_buf(),
        backup_dir: backup::backup_dir(db),
        backup_note,
        demo,
        import_dir: None,
        export_dir: None,
    };
    let result = ui::run(start, info).map_err(|e| match e.downcast_ref::<std::io::Error>() {
        Some(io) => format!("l'écran n'a pas pu s'ouvrir : {}", store::french_io(io)),
        None => format!("l'écran n'a pas pu s'ouvrir : {e}"),
    });
    // First launch left before the coop was created: nothing stays behind
    // but what was there before.
    if !set_up && !coop_exists(db) {
        drop(guard);
        created.undo();
    }
    result
}

/// Whether the base at `db` now holds a coop (read once the app has closed).
fn coop_exists(db: &Path) -> bool {
    rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_WRITE)
        .ok()
        .and_then(|conn| store::coop::load(&conn).ok())
        .is_some_and(|coop| coop.is_some())
}

/// The full screen needs a terminal on both sides: `coopcompta > fichier`
/// would write escape codes into the file.
fn require_terminal() -> Result<(), String> {
    use std::io::IsTerminal;
    if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
        return Ok(());
    }
    Err(
        "l'application plein écran a besoin d'un terminal (entrée ou sortie redirigée) : \
         rien n'a été ouvert ; dans un script, utilisez les commandes (coopcompta --help)"
            .into(),
    )
}

/// The application on a fresh copy of the demo year: at `db`, or in a
/// temporary folder removed when the application closes.
pub fn demo(db: Option<&Path>, no_tui: bool) -> Result<(), String> {
    // The full screen needs a terminal: ask before building anything.
    if !no_tui {
        require_terminal()?;
    }
    let (path, temporary) = match db {
        Some(path) => (path.to_path_buf(), None),
        None => {
            let dir = std::env::temp_dir().join(format!("coopcompta-demo-{}", std::process::id()));
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("dossier {} : {}", dir.display(), store::french_io(&e)))?;
            (dir.join("demo.db"), Some(dir))
        }
    };
    // A refusal touches nothing: the file is someone's, whatever it holds.
    if std::fs::symlink_metadata(&path).is_ok() {
        return Err(format!(
            "{} existe déjà : la démonstration se crée dans un fichier neuf (rien n'a été modifié)",
            path.display()
        ));
    }
    let created = NewFiles::note(&path);
    if let Err(e) = build_demo(&path) {
        // Only what this command created is removed.
        match &temporary {
            Some(dir) => drop(std::fs::remove_dir_all(dir)),
            None => created.undo(),
        }
        return Err(e);
    }
    if no_tui {
        // A closed pipe is not an error worth a panic.
        use std::io::Write;
        let _ = writeln!(std::io::stdout(), "{}", path.display());
        return Ok(());
    }
    let result = app(&path, true);
    if let Some(dir) = temporary {
        let _ = std::fs::remove_dir_all(dir);
    }
    result
}

/// Writes the demo year into a new file at `path`.
fn build_demo(path: &Path) -> Result<(), String> {
    let _guard = lock::acquire(path).map_err(|e| e.to_string())?;
    let conn = store::open(path).map_err(|e| e.to_string())?;
    coopcompta::book::demo::load_demo(conn, Clock::System).map_err(|e| e.to_string())?;
    Ok(())
}
