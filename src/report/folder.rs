//! The report of a whole folder of session files: read in parallel, each
//! deck loaded once, each session replayed and checked; a file that cannot
//! be used is listed with its reason and the rest carries on.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::export::Pseudonyms;
use crate::reflect::Reflection;
use crate::session::{LoadedSession, SESSION_EXTENSION, load_session};

use super::aggregate::aggregate;
use super::decks::{DeckKey, deck_for, load_decks};
use super::facts::{Facts, facts};
use super::model::Report;
use super::skipped::{SkipReason, Skipped};

impl Report {
    /// The report of every `*.ccsession` file in `dir` (not its subfolders).
    /// Each session is opened with the deck it names, or with the scenario
    /// folder `scenario` when given. Never fails: an unreadable folder or
    /// file, a damaged file, an unknown deck or another deck version is
    /// listed in [`Report::skipped`].
    pub fn over_dir(dir: &Path, scenario: Option<&Path>) -> Report {
        Self::scan(dir, scenario, None)
    }

    /// [`Report::over_dir`] with the seat names, and the parts of them
    /// typed into notes and local district names, replaced by 参加者A, …
    /// (Participant A, …) in `lang`, as `export --pseudonymise` does. The
    /// counts of people are still taken from the real names.
    pub fn over_dir_pseudonymised(dir: &Path, scenario: Option<&Path>, lang: &str) -> Report {
        Self::scan(dir, scenario, Some(lang))
    }

    fn scan(dir: &Path, scenario: Option<&Path>, pseudonymise: Option<&str>) -> Report {
        let (paths, mut skipped) = session_files(dir);
        let loaded: Vec<Result<LoadedSession, Skipped>> =
            paths.par_iter().map(|p| open(p)).collect();
        let mut sessions = Vec::with_capacity(loaded.len());
        for l in loaded {
            match l {
                Ok(s) => sessions.push(s),
                Err(s) => skipped.push(s),
            }
        }
        let keys: BTreeSet<DeckKey> = sessions
            .iter()
            .map(|s| DeckKey::of(&s.header, scenario))
            .collect();
        let decks = load_decks(keys);
        let reflected: Vec<Result<Facts, Skipped>> = sessions
            .par_iter()
            .map(|s| {
                let skip = |(reason, message): (SkipReason, String)| Skipped {
                    path: s.path.clone(),
                    reason,
                    message: format!("{}: {message}", s.path.display()),
                };
                let key = DeckKey::of(&s.header, scenario);
                let content = deck_for(&s.header, &key, &decks[&key]).map_err(skip)?;
                let r = Reflection::of_session(s, content)
                    .map_err(|e| skip((SkipReason::Unreplayable, e.to_string())))?;
                let mut f = facts(&r);
                if let Some(lang) = pseudonymise {
                    pseudonymise_facts(&mut f, &r, lang);
                }
                Ok(f)
            })
            .collect();
        drop(sessions);
        let mut all = Vec::with_capacity(reflected.len());
        for r in reflected {
            match r {
                Ok(f) => all.push(f),
                Err(s) => skipped.push(s),
            }
        }
        aggregate(all, skipped)
    }
}

/// The session files of `dir`, sorted by path, and the entries named like
/// session files that are not files one can read: symbolic-link loops,
/// links to nothing, folders, FIFOs, sockets and devices (a FIFO is never
/// opened, so the report cannot hang on one), or the folder itself when it
/// cannot be read.
fn session_files(dir: &Path) -> (Vec<PathBuf>, Vec<Skipped>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            let skipped = Skipped {
                path: dir.to_path_buf(),
                reason: SkipReason::Unreadable,
                message: format!(
                    "could not read the session folder {}: {e}. Check the path and that it is readable",
                    dir.display()
                ),
            };
            return (Vec::new(), vec![skipped]);
        }
    };
    let mut paths = Vec::new();
    let mut skipped = Vec::new();
    for entry in entries {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                skipped.push(Skipped {
                    path: dir.to_path_buf(),
                    reason: SkipReason::Unreadable,
                    message: format!(
                        "an entry of {} could not be read: {e}. Check the folder's permissions",
                        dir.display()
                    ),
                });
                continue;
            }
        };
        let path = entry.path();
        if path.extension().is_none_or(|e| e != SESSION_EXTENSION) {
            continue;
        }
        match not_a_file(&path) {
            None => paths.push(path),
            Some(why) => skipped.push(Skipped {
                message: format!("{}: {why}", path.display()),
                path,
                reason: SkipReason::NotAFile,
            }),
        }
    }
    paths.sort();
    (paths, skipped)
}

/// Why `path` (named like a session file) is not a file to read, if it is not.
fn not_a_file(path: &Path) -> Option<String> {
    let target = match fs::metadata(path) {
        Ok(m) => m,
        Err(e) => {
            let link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
            return Some(if !link {
                format!("{e}. Check that it is readable")
            } else if e.kind() == std::io::ErrorKind::NotFound {
                let to = fs::read_link(path)
                    .map_or_else(|_| "?".to_owned(), |p| p.display().to_string());
                format!(
                    "a symbolic link to {to}, which does not exist. Remove the link or restore the file"
                )
            } else if e.raw_os_error() == Some(LOOP_ERROR) {
                "a symbolic link that leads back to itself (a loop). Remove the link or point it at a session file".to_owned()
            } else {
                format!(
                    "a symbolic link that cannot be followed: {e}. Remove the link or point it at a session file"
                )
            });
        }
    };
    let kind = target.file_type();
    if kind.is_file() {
        return None;
    }
    let what = if kind.is_dir() {
        "a folder"
    } else {
        odd_kind(&kind)
    };
    Some(format!(
        "{what}, not a session file. Move it out of the sessions folder or rename it"
    ))
}

/// ELOOP, "too many levels of symbolic links" (40 on Linux, 62 on the BSDs
/// and macOS); Rust has no error kind for it yet.
#[cfg(target_os = "linux")]
const LOOP_ERROR: i32 = 40;
#[cfg(not(target_os = "linux"))]
const LOOP_ERROR: i32 = 62;

#[cfg(unix)]
fn odd_kind(kind: &fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt as _;
    if kind.is_fifo() {
        "a FIFO (named pipe)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_block_device() || kind.is_char_device() {
        "a device"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn odd_kind(_: &fs::FileType) -> &'static str {
    "not a regular file"
}

/// Replaces the seat names, and their parts, in what the report shows of a
/// session's typed text: its notes and its local district name.
fn pseudonymise_facts(f: &mut Facts, r: &Reflection, lang: &str) {
    let names: Vec<&str> = r
        .header
        .setup
        .seats
        .iter()
        .map(|s| s.name.as_str())
        .collect();
    let names = Pseudonyms::new(&names, lang);
    for (_, text) in &mut f.notes {
        *text = names.apply(text);
    }
    if let Some(local) = &mut f.row.district_local {
        *local = names.apply(local);
    }
}

/// Reads one session file; a damaged tail leaves it out of the report.
fn open(path: &Path) -> Result<LoadedSession, Skipped> {
    let skip = |reason, message| Skipped {
        path: path.to_path_buf(),
        reason,
        message,
    };
    let s = load_session(path).map_err(|e| skip(SkipReason::Unreadable, e.to_string()))?;
    if let Some(damage) = &s.damage {
        return Err(skip(
            SkipReason::Damaged,
            format!(
                "{}: {damage}. Open it in the game to recover the good part, then report again",
                path.display()
            ),
        ));
    }
    Ok(s)
}
