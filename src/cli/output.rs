//! Where an export goes: a new file written whole (temporary file, sync,
//! rename), or standard output for `--out -`. Never over the database, its
//! companions or its backups, never over something that is not a file.

use super::CliError;
use crate::store::{self, backup, lock};
use std::io::Write;
use std::path::{Path, PathBuf};

/// `--out -`: standard output.
pub fn is_stdout(path: &Path) -> bool {
    path.as_os_str() == "-"
}

fn refuse(path: &Path, reason: &str) -> CliError {
    CliError::Output {
        path: path.display().to_string(),
        reason: reason.to_string(),
    }
}

/// `path` with its folder resolved (`./coop.db`, `../x/coop.db` and links
/// to the folder become one spelling); a link is followed, to be compared.
fn resolved(path: &Path) -> Option<PathBuf> {
    if std::fs::symlink_metadata(path).is_ok() {
        return std::fs::canonicalize(path).ok();
    }
    let name = path.file_name()?;
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    Some(std::fs::canonicalize(parent).ok()?.join(name))
}

/// The real file an export of `path` will replace, after the checks.
fn target(db: &Path, path: &Path) -> Result<PathBuf, CliError> {
    if path.file_name().is_none() {
        return Err(refuse(path, "un nom de fichier est attendu"));
    }
    let not_a_file = || {
        refuse(
            path,
            "ce n'est pas un fichier ordinaire : donnez un fichier, ou « - » pour la sortie standard",
        )
    };
    let link = std::fs::symlink_metadata(path).ok();
    let target = match resolved(path) {
        Some(target) => target,
        None if link.is_some() => return Err(not_a_file()),
        None => return Err(refuse(path, "dossier introuvable (vérifiez le chemin)")),
    };
    let db_files = [
        db.to_path_buf(),
        with_suffix(db, "-wal"),
        with_suffix(db, "-shm"),
        with_suffix(db, "-journal"),
        lock::lock_path(db),
    ];
    if db_files
        .iter()
        .filter_map(|f| resolved(f))
        .any(|f| f == target)
    {
        return Err(refuse(
            path,
            "c'est la base de la coopérative ou un de ses fichiers : choisissez un autre nom",
        ));
    }
    if resolved(&backup::backup_dir(db)).is_some_and(|dir| target.starts_with(dir)) {
        return Err(refuse(
            path,
            "c'est dans le dossier des sauvegardes : choisissez un autre dossier",
        ));
    }
    // Renaming over a link, a device or a folder would replace it: only an
    // ordinary file (or a new name) is written.
    if link.is_some_and(|m| !m.file_type().is_file()) {
        return Err(not_a_file());
    }
    Ok(target)
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// Refuses a bad `--out` before anything is read or written.
pub fn check(db: &Path, path: &Path) -> Result<(), CliError> {
    if is_stdout(path) {
        Ok(())
    } else {
        target(db, path).map(drop)
    }
}

/// Writes the export to standard output (`out`) for `-`, else to a
/// temporary file beside the target, synced then renamed: a failed export
/// never leaves half a file.
pub fn export_to(
    db: &Path,
    path: &Path,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> csv::Result<()>,
) -> Result<(), CliError> {
    if is_stdout(path) {
        return write(out).map_err(|e| match e.kind() {
            // `coopcompta export ledger --out - | head`: the reader has what
            // it wanted.
            csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe => {
                CliError::OutputClosed
            }
            _ => refuse(Path::new("-"), &crate::io::import::french_csv(&e)),
        });
    }
    let target = target(db, path)?;
    let fail = |reason: String| refuse(path, &reason);
    let io_fail = |e: std::io::Error| fail(store::french_io(&e));
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = target.with_file_name(format!(".{name}.{}.partiel", std::process::id()));
    // Owner only, as the files written from the app.
    let mut file = crate::io::export::new_file::create_private(&tmp).map_err(io_fail)?;
    let written = write(&mut file)
        .map_err(|e| fail(crate::io::import::french_csv(&e)))
        .and_then(|()| file.sync_all().map_err(io_fail))
        .and_then(|()| std::fs::rename(&tmp, &target).map_err(io_fail));
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// [`export_to`] for a writer of the books (a year-end file of
/// [`crate::book::Book::export`]): its errors stay the store's, a closed
/// output ends quietly; returns what the writer returned.
pub fn export_book(
    db: &Path,
    path: &Path,
    out: &mut dyn Write,
    write: impl FnOnce(&mut dyn Write) -> store::Result<usize>,
) -> Result<usize, CliError> {
    let mut failure = None;
    let mut count = 0;
    let written = export_to(db, path, out, |file| match write(file) {
        Ok(n) => {
            count = n;
            Ok(())
        }
        Err(store::StoreError::Io { source, .. }) => Err(source.into()),
        Err(other) => {
            let text = other.to_string();
            failure = Some(other);
            Err(std::io::Error::other(text).into())
        }
    });
    match failure {
        Some(error) => Err(CliError::Store(error)),
        None => written.map(|()| count),
    }
}
