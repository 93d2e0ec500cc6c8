//! Starting the full-screen application: lock, open, back up, then run.

use coopcompta::book::{Book, Clock};
use coopcompta::store::{self, backup, lock};
use std::path::Path;

/// The application on the user's database (first launch guided).
pub fn app(db: &Path) -> Result<(), String> {
    let _guard = lock::acquire(db).map_err(|e| e.to_string())?;
    let conn = store::open(db).map_err(|e| e.to_string())?;
    let backup_note = match backup::backup_now(&conn, db, Clock::System.now()) {
        Ok(path) => format!("Sauvegarde faite : {}", path.display()),
        Err(e) => format!("Attention, sauvegarde impossible : {e}"),
    };
    let _ = backup_note;
    let book = match store::coop::load(&conn).map_err(|e| e.to_string())? {
        Some(_) => Some(Book::load(conn, Clock::System).map_err(|e| e.to_string())?),
        None => None,
    };
    let _ = book;
    Err("l'interface plein écran n'est pas encore branchée".into())
}

/// The application on a fresh copy of the demo year.
pub fn demo(db: Option<&Path>, no_tui: bool) -> Result<(), String> {
    let (_dir, path) = match db {
        Some(path) => (None, path.to_path_buf()),
        None => {
            let dir = std::env::temp_dir().join(format!("coopcompta-demo-{}", std::process::id()));
            std::fs::create_dir_all(&dir)
                .map_err(|e| format!("dossier {} : {e}", dir.display()))?;
            let path = dir.join("demo.db");
            (Some(dir), path)
        }
    };
    if path.exists() {
        return Err(format!(
            "{} existe déjà : la démonstration se crée dans un fichier neuf",
            path.display()
        ));
    }
    let guard = lock::acquire(&path).map_err(|e| e.to_string())?;
    let conn = store::open(&path).map_err(|e| e.to_string())?;
    let book = coopcompta::io::demo::load_demo(conn, Clock::System).map_err(|e| e.to_string())?;
    if no_tui {
        println!("{}", path.display());
        return Ok(());
    }
    drop(book);
    drop(guard);
    app(&path)
}
