//! Forking: a new practice session that starts from a moment of a saved one
//! ("what if we had listened in district D in 2026?"). The new file holds
//! the first actions of the original, each with its state hash, and its
//! header names the session and moment it came from and marks it as
//! practice; the original is not touched.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::SessionError;
use super::load::LoadedSession;
use super::record::{SessionHeader, SessionOrigin, act_records};
use super::writer::SessionWriter;
use crate::content::Content;

/// Writes a new session into `dir` that starts with the first `at` actions
/// (in force) of `original`, played with `content`; returns its path.
pub fn fork_session(
    original: &LoadedSession,
    content: &Arc<Content>,
    at: usize,
    dir: &Path,
) -> Result<PathBuf, SessionError> {
    let old = &original.header;
    let journal = original.journal();
    let mut header = SessionHeader::new(content, old.scenario.clone(), old.setup.clone());
    header.facilitator_mode = old.facilitator_mode;
    header.target_minutes = old.target_minutes;
    header.district_relabels = old.district_relabels.clone();
    header.practice = true;
    let (records, game) = act_records(Arc::clone(content), &journal, at)?;
    header.origin = Some(SessionOrigin {
        session_id: old.session_id.clone(),
        actions: records.len(),
        year: game.year(),
    });
    SessionWriter::write_complete(dir, &header, &records)
}
