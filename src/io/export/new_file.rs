//! A new file in a folder, never over another: `crf-2024-2025.html`, else
//! `crf-2024-2025 (2).html`, `crf-2024-2025 (3).html`… Each name is taken
//! with `create_new`, so a file that appears meanwhile is left alone too.
//! If writing fails, the file this created (and only it) is removed.
//! Files are created readable by their owner only (they name pupils).

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// How many numbered names are tried before giving up.
const MAX_TRIES: u32 = 999;

/// Why a new file could not be written.
#[derive(Debug)]
pub enum Failed<E> {
    /// The folder or the file (`path`): creating, writing, flushing.
    Io { path: PathBuf, source: io::Error },
    /// What was written refused (the export's own error).
    Write(E),
}

/// `name`, or `stem (n).ext` for n ≥ 2.
pub fn numbered(name: &str, n: u32) -> String {
    if n < 2 {
        return name.to_string();
    }
    // A leading dot is part of the stem (".journal" has no extension).
    match name.rfind('.').filter(|&i| i > 0) {
        Some(dot) => format!("{} ({n}){}", &name[..dot], &name[dot..]),
        None => format!("{name} ({n})"),
    }
}

/// Creates the file at `path`, which must not exist yet, readable by its
/// owner only: the year-end files and the exports name pupils and payers,
/// as the base does.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// Creates `folder` if needed, then the first free name of `name`,
/// `name (2)`, …: the path and the file, created empty.
pub fn create(folder: &Path, name: &str) -> io::Result<(PathBuf, File)> {
    std::fs::create_dir_all(folder)?;
    for n in 1..=MAX_TRIES {
        let path = folder.join(numbered(name, n));
        match create_private(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        format!("{MAX_TRIES} fichiers de ce nom existent déjà"),
    ))
}

/// Writes a new file through `write` (see [`create`]); returns its path
/// and what `write` returned. On any failure the new file is removed
/// (nothing else is ever touched).
pub fn write_new<T, E>(
    folder: &Path,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> Result<T, E>,
) -> Result<(PathBuf, T), Failed<E>> {
    let (path, file) = create(folder, name).map_err(|source| Failed::Io {
        path: folder.join(name),
        source,
    })?;
    let on_path = |source: io::Error| Failed::Io {
        path: path.clone(),
        source,
    };
    let mut out = BufWriter::new(file);
    let written = match write(&mut out) {
        Ok(value) => out
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| file.sync_all())
            .map(|()| value)
            .map_err(on_path),
        Err(e) => Err(Failed::Write(e)),
    };
    if written.is_err() {
        // Only the file created above, still ours: no other is touched.
        let _ = std::fs::remove_file(&path);
    }
    written.map(|value| (path.clone(), value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbered_names_keep_the_extension() {
        assert_eq!(numbered("crf-2024-2025.html", 1), "crf-2024-2025.html");
        assert_eq!(numbered("crf-2024-2025.html", 2), "crf-2024-2025 (2).html");
        assert_eq!(numbered("journal", 3), "journal (3)");
        assert_eq!(numbered(".journal", 2), ".journal (2)");
        assert_eq!(
            numbered("coopcompta-2024-2025.journal", 10),
            "coopcompta-2024-2025 (10).journal"
        );
    }

    #[test]
    fn a_second_file_never_overwrites_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("Documents");
        let (first, n) =
            write_new::<_, io::Error>(&folder, "crf.csv", |w| w.write_all(b"un").map(|()| 1))
                .unwrap();
        let (second, _) =
            write_new::<_, io::Error>(&folder, "crf.csv", |w| w.write_all(b"deux")).unwrap();
        assert_eq!(n, 1);
        assert_eq!(first, folder.join("crf.csv"));
        assert_eq!(second, folder.join("crf (2).csv"));
        assert_eq!(std::fs::read_to_string(&first).unwrap(), "un");
        assert_eq!(std::fs::read_to_string(&second).unwrap(), "deux");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&first).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "owner only: {mode:o}");
        }
    }

    #[test]
    fn a_failed_write_removes_only_its_own_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("crf.csv"), "à garder").unwrap();
        let result = write_new(dir.path(), "crf.csv", |w| {
            w.write_all(b"moitie").unwrap();
            Err::<(), _>("refusé")
        });
        assert!(matches!(result, Err(Failed::Write("refusé"))));
        assert_eq!(
            std::fs::read_to_string(dir.path().join("crf.csv")).unwrap(),
            "à garder"
        );
        assert!(!dir.path().join("crf (2).csv").exists());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_folder_that_cannot_be_made_is_an_error_on_its_path() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("fichier");
        std::fs::write(&file, "x").unwrap();
        let result = write_new::<_, io::Error>(&file.join("sous"), "a.csv", |_| Ok(()));
        match result {
            Err(Failed::Io { path, .. }) => assert_eq!(path, file.join("sous").join("a.csv")),
            other => panic!("{other:?}"),
        }
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "x");
    }
}
