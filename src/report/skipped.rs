//! Session files the report could not include, and why: a bad file is
//! listed, never a reason to stop the report.

use std::path::PathBuf;

/// Why a session file was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum SkipReason {
    /// Not a session file, an unknown format, or unreadable.
    Unreadable,
    /// Its tail is damaged (a crash while writing); the game can recover it.
    Damaged,
    /// Its deck is not at hand (an unknown built-in scenario, a missing or
    /// invalid scenario folder).
    UnknownDeck,
    /// The deck at hand is another version than the one it was played with.
    DeckMismatch,
    /// Its actions do not replay to the recorded game.
    Unreplayable,
    /// Named like a session file but not one to read: a symbolic-link loop,
    /// a link to nothing, a folder, a FIFO, a socket or a device.
    NotAFile,
}

impl SkipReason {
    /// The UI string key of its label (`report.skip.damaged`).
    pub fn label_key(self) -> &'static str {
        match self {
            Self::Unreadable => "report.skip.unreadable",
            Self::Damaged => "report.skip.damaged",
            Self::UnknownDeck => "report.skip.unknown_deck",
            Self::DeckMismatch => "report.skip.deck_mismatch",
            Self::Unreplayable => "report.skip.unreplayable",
            Self::NotAFile => "report.skip.not_a_file",
        }
    }
}

/// One file left out of the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: SkipReason,
    /// One line: what is wrong and what to do (in English, like the CLI).
    pub message: String,
}
