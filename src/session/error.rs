//! Why a session or settings file could not be written, read or resumed,
//! each with what to do about it.

use std::io;
use std::path::PathBuf;

use thiserror::Error;

use super::limits::{MAX_LINE_BYTES, MAX_SESSION_BYTES};
use super::paths::DATA_DIR_ENV;
use super::record::SESSION_FORMAT;
use crate::rules::ReplayError;

#[derive(Debug, Error)]
pub enum SessionError {
    #[error(
        "this computer reports no folder for saved data: set the environment variable {DATA_DIR_ENV} to a writable folder"
    )]
    NoDataDir,
    #[error(
        "could not create the folder {}: {source}. Check that the location is writable, or set {DATA_DIR_ENV} to another folder",
        path.display()
    )]
    CreateDir { path: PathBuf, source: io::Error },
    #[error(
        "could not write {}: {source}. Check that the disk is not full and the folder is writable",
        path.display()
    )]
    Write { path: PathBuf, source: io::Error },
    #[error("could not read {}: {source}. Check that the file exists and is readable", path.display())]
    Read { path: PathBuf, source: io::Error },
    #[error("{} already exists: start the session again to get a fresh name", path.display())]
    AlreadyExists { path: PathBuf },
    #[error(
        "{} is not a readable session: {problem}. The file is damaged or is not a session file; choose another session",
        path.display()
    )]
    Header { path: PathBuf, problem: String },
    #[error(
        "{} is session format {found}, but this version reads formats 1 to {SESSION_FORMAT}: open it with the version of the game that wrote it",
        path.display()
    )]
    Format { path: PathBuf, found: u32 },
    #[error(
        "{} is not a regular file (a device, pipe or folder): choose a session file",
        path.display()
    )]
    NotAFile { path: PathBuf },
    #[error(
        "{} is larger than the {} MB a session file may hold: it is not a session file, or it is damaged; choose another session",
        path.display(), MAX_SESSION_BYTES / (1024 * 1024)
    )]
    TooLarge { path: PathBuf },
    #[error(
        "{} has a first line longer than {} KB, so it is not a session header: choose another session",
        path.display(), MAX_LINE_BYTES / 1024
    )]
    HeaderTooLong { path: PathBuf },
    #[error(
        "line {line} of {} contradicts the records before it: {problem}. The file was edited or damaged; open a copy made before the change, or the version of the game that wrote it",
        path.display()
    )]
    Contradiction {
        path: PathBuf,
        line: usize,
        problem: String,
    },
    #[error("could not encode {what}: {problem}. This is a bug in the game; please report it")]
    Encode { what: &'static str, problem: String },
    #[error("the session could not be replayed: {0}")]
    Replay(#[from] ReplayError),
    #[error(
        "replaying the session's first {actions} actions gave a different game (state {replayed}) from the one recorded on line {line} (state {recorded}): the file was edited, or the rules or the deck changed since it was played; open it with the version of the game that recorded it"
    )]
    StateMismatch {
        /// The file's line whose hash disagrees.
        line: usize,
        actions: usize,
        replayed: String,
        recorded: String,
    },
}
