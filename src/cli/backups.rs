//! `backups` (the copies beside the base) and `restore` (put one back).

use super::CliError;
use crate::book::Clock;
use crate::store::{backup, lock, restore};
use std::path::Path;

/// A size for people: `160 Ko`, `1,2 Mo`.
pub fn human_size(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} Ko", bytes.div_ceil(1024))
    } else {
        let tenths = (bytes * 10 + MB / 2) / MB;
        format!("{},{} Mo", tenths / 10, tenths % 10)
    }
}

/// One line per copy, oldest first: date, size, entries, file name.
pub fn list(db: &Path) -> Result<Vec<String>, CliError> {
    let copies = restore::list(db)?;
    let dir = backup::backup_dir(db);
    if copies.is_empty() {
        return Ok(vec![format!("Aucune sauvegarde dans {}", dir.display())]);
    }
    let mut lines = Vec::with_capacity(copies.len() + 1);
    for copy in &copies {
        let entries = match &copy.entries {
            Ok(n) => format!("{n} écritures"),
            Err(why) => format!("illisible ({why})"),
        };
        let name = copy
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        lines.push(format!(
            "{}\t{}\t{entries}\t{name}",
            copy.name.taken_at.format("%d/%m/%Y %H:%M:%S"),
            human_size(copy.size),
        ));
    }
    lines.push(format!(
        "{} copies dans {} ; pour en remettre une : coopcompta restore NOM",
        copies.len(),
        dir.display()
    ));
    Ok(lines)
}

/// Puts a copy back; refused while the application (or another command)
/// has the base open.
pub fn restore(db: &Path, file: &Path) -> Result<String, CliError> {
    let file = restore::resolve(db, file);
    // Checked before anything is created or locked.
    refuse_unmerged_journal(&file)?;
    restore::inspect(&file)?;
    let _guard = lock::acquire(db)?;
    let done = restore::restore(db, &file, Clock::System.now())?;
    let kept = match &done.kept {
        Some(path) => format!(" ; la base d'avant est gardée dans {}", path.display()),
        None => String::new(),
    };
    Ok(format!(
        "{} remise en place : {}, {} écritures{kept}",
        file.display(),
        done.info.coop,
        done.info.entries
    ))
}

/// A base copied with its `-wal` (after a crash, or copied while open) has
/// its latest changes in that journal; the copy is read without it, so
/// restoring it would silently leave them out.
fn refuse_unmerged_journal(file: &Path) -> Result<(), CliError> {
    let mut wal = file.as_os_str().to_os_string();
    wal.push("-wal");
    if std::fs::metadata(&wal).is_ok_and(|m| m.len() > 0) {
        return Err(CliError::Input(format!(
            "{} a encore un journal {} à côté : ses derniers changements n'y sont pas encore \
             intégrés ; rien n'a été remis en place : lancez d'abord « coopcompta --db {} check » \
             (qui les intègre), puis recommencez",
            file.display(),
            Path::new(&wal).display(),
            file.display()
        )));
    }
    Ok(())
}
