//! The session journal: deck identity, setup and the ordered actions.
//! Replaying it reproduces the game exactly; undo is replay minus the last action.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::action::{Action, RuleError};
use super::setup::{Setup, SetupError};
use super::state::Game;
use crate::content::Content;

/// Version of the journal's serialised shape.
pub const JOURNAL_FORMAT: u32 = 1;

/// Which deck a journal was played with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckIdentity {
    pub id: String,
    pub version: u32,
    pub content_hash: String,
}

impl DeckIdentity {
    pub fn of(content: &Content) -> Self {
        Self {
            id: content.id().to_owned(),
            version: content.version(),
            content_hash: content.content_hash().to_owned(),
        }
    }
}

/// One accepted action.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub seat: usize,
    pub action: Action,
}

/// A whole game as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Journal {
    pub format: u32,
    pub deck: DeckIdentity,
    pub setup: Setup,
    pub entries: Vec<Entry>,
}

/// Why a journal could not be replayed.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum ReplayError {
    #[error("journal format {0} is not supported (this version reads format {JOURNAL_FORMAT})")]
    Format(u32),
    #[error(
        "the journal was played with deck \"{journal}\" but the loaded deck is \"{loaded}\": load the same scenario files"
    )]
    DeckMismatch { journal: String, loaded: String },
    #[error("the journal's setup is invalid: {0}")]
    Setup(#[from] SetupError),
    #[error("action {index} of the journal was refused: {error}")]
    Refused { index: usize, error: RuleError },
}

impl Journal {
    /// A journal for a new game.
    pub fn new(content: &Content, setup: Setup) -> Self {
        Self {
            format: JOURNAL_FORMAT,
            deck: DeckIdentity::of(content),
            setup,
            // a 4-seat, ten-year game takes a few hundred actions
            entries: Vec::with_capacity(512),
        }
    }

    pub fn record(&mut self, seat: usize, action: Action) {
        self.entries.push(Entry { seat, action });
    }
}

/// Rebuilds the game a journal describes.
pub fn replay(content: Arc<Content>, journal: &Journal) -> Result<Game, ReplayError> {
    replay_prefix(content, journal, journal.entries.len())
}

/// Rebuilds the game after the first `n` actions of a journal.
pub fn replay_prefix(
    content: Arc<Content>,
    journal: &Journal,
    n: usize,
) -> Result<Game, ReplayError> {
    if journal.format != JOURNAL_FORMAT {
        return Err(ReplayError::Format(journal.format));
    }
    let loaded = DeckIdentity::of(&content);
    if loaded.content_hash != journal.deck.content_hash || loaded.id != journal.deck.id {
        return Err(ReplayError::DeckMismatch {
            journal: format!("{} ({})", journal.deck.id, journal.deck.content_hash),
            loaded: format!("{} ({})", loaded.id, loaded.content_hash),
        });
    }
    let mut game = Game::new(content, journal.setup.clone())?;
    for (index, e) in journal.entries.iter().take(n).enumerate() {
        game.act(e.seat, &e.action)
            .map_err(|error| ReplayError::Refused { index, error })?;
    }
    Ok(game)
}

/// Undoes the last action when the rules allow it: drops it from the journal
/// and returns the replayed game. `None` when the last action cannot be undone.
pub fn undo(content: Arc<Content>, journal: &mut Journal, game: &Game) -> Option<Game> {
    if !game.can_undo() || journal.entries.is_empty() {
        return None;
    }
    let last = journal.entries.pop()?;
    match replay(content, journal) {
        Ok(g) => Some(g),
        Err(_) => {
            journal.entries.push(last);
            None
        }
    }
}
