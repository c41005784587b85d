//! The report of a whole folder of session files: read in parallel, each
//! deck loaded once, each session replayed and checked; a file that cannot
//! be used is listed with its reason and the rest carries on.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

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
                let deck = &decks[&DeckKey::of(&s.header, scenario)];
                let content = deck_for(&s.header, deck).map_err(skip)?;
                let r = Reflection::of_session(s, content)
                    .map_err(|e| skip((SkipReason::Unreplayable, e.to_string())))?;
                Ok(facts(&r))
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

/// The session files of `dir`, sorted by path, or why the folder could not be read.
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
    let mut paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == SESSION_EXTENSION) && p.is_file())
        .collect();
    paths.sort();
    (paths, Vec::new())
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
