//! The sessions in a folder, newest first, for the title screen's resume and
//! open-finished-session choices.

use std::fs;
use std::path::{Path, PathBuf};

use super::load::load_session;
use super::paths::SESSION_EXTENSION;
use super::record::{OutcomeSummary, ScenarioSource};

/// What the title screen shows of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub path: PathBuf,
    pub session_id: String,
    /// RFC 3339, UTC.
    pub created: String,
    pub scenario: ScenarioSource,
    /// Deck id (e.g. `"default"`).
    pub deck_id: String,
    /// Seat display names, in seat order.
    pub seat_names: Vec<String>,
    pub year_reached: i32,
    pub outcome: Option<OutcomeSummary>,
    /// What was wrong with the file's tail, if anything (the rest is usable).
    pub damage: Option<String>,
}

impl SessionSummary {
    pub fn finished(&self) -> bool {
        self.outcome.is_some()
    }
    pub fn damaged(&self) -> bool {
        self.damage.is_some()
    }
}

/// The sessions of a folder, and the files that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionListing {
    /// Newest first.
    pub sessions: Vec<SessionSummary>,
    /// One note per session file skipped: which file and why.
    pub skipped: Vec<String>,
}

/// Reads every `*.ccsession` file in `dir`, newest first. A missing folder
/// is an empty listing; unreadable files are skipped with a note.
pub fn list_sessions(dir: &Path) -> SessionListing {
    let mut listing = SessionListing::default();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return listing,
        Err(e) => {
            listing.skipped.push(format!(
                "could not read the session folder {}: {e}",
                dir.display()
            ));
            return listing;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_none_or(|e| e != SESSION_EXTENSION) || !path.is_file() {
            continue;
        }
        match load_session(&path) {
            Ok(s) => listing.sessions.push(SessionSummary {
                year_reached: s.year_reached(),
                outcome: s.finished().cloned(),
                session_id: s.header.session_id,
                created: s.header.created,
                scenario: s.header.scenario,
                deck_id: s.header.deck.id,
                seat_names: s.header.setup.seats.into_iter().map(|x| x.name).collect(),
                damage: s.damage,
                path,
            }),
            Err(e) => listing.skipped.push(e.to_string()),
        }
    }
    listing
        .sessions
        .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.path.cmp(&a.path)));
    listing
}

/// The newest session that has not finished: the one to offer for resume.
pub fn latest_unfinished(dir: &Path) -> Option<SessionSummary> {
    list_sessions(dir)
        .sessions
        .into_iter()
        .find(|s| !s.finished())
}
