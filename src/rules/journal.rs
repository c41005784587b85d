//! The session journal: deck identity, setup and the ordered actions.
//! Replaying it reproduces the game exactly; undo is replay minus the last action.

use std::sync::Arc;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::action::{Action, RuleError};
use super::event::Event;
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

/// A journal being replayed one action at a time: the one replay loop that
/// the resume check, the debrief's trace, the table's log, forks and the
/// simulator's session files all walk. A refused action stops it with the
/// action's index; nothing is ever skipped.
#[derive(Debug, Clone)]
pub struct Replay<'a> {
    game: Game,
    entries: &'a [Entry],
    next: usize,
}

impl<'a> Replay<'a> {
    /// Checks the journal's format and deck, and sets the game up.
    pub fn start(content: Arc<Content>, journal: &'a Journal) -> Result<Self, ReplayError> {
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
        Ok(Self {
            game: Game::new(content, journal.setup.clone())?,
            entries: &journal.entries,
            next: 0,
        })
    }

    /// The game after the actions replayed so far.
    pub fn game(&self) -> &Game {
        &self.game
    }

    /// How many actions have been replayed.
    pub fn done(&self) -> usize {
        self.next
    }

    /// Replays the next action: its entry and events, `None` at the end of
    /// the journal, an error (and no further steps) when the rules refuse it.
    pub fn step(&mut self) -> Option<Result<(&'a Entry, Vec<Event>), ReplayError>> {
        let entry = self.entries.get(self.next)?;
        let index = self.next;
        match self.game.act(entry.seat, &entry.action) {
            Ok(events) => {
                self.next += 1;
                Some(Ok((entry, events)))
            }
            Err(error) => {
                self.next = self.entries.len();
                Some(Err(ReplayError::Refused { index, error }))
            }
        }
    }

    /// Replays up to `n` actions in all and returns the game.
    pub fn run_to(mut self, n: usize) -> Result<Game, ReplayError> {
        while self.next < n.min(self.entries.len()) {
            if let Some(Err(e)) = self.step() {
                return Err(e);
            }
        }
        Ok(self.game)
    }

    /// The game, as far as it has been replayed.
    pub fn into_game(self) -> Game {
        self.game
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
    Replay::start(content, journal)?.run_to(n)
}

/// Who takes an action back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undo {
    /// The players, only for an action that revealed and drew nothing.
    Players,
    /// The facilitator's override, for any action, recorded with a reason.
    Facilitator,
}

/// Takes back the last action of a running game: drops it from the journal
/// and returns the replayed game. Refused (journal unchanged) when the game
/// is over, there is nothing to take back, or players ask for an action
/// that revealed or drew something.
pub fn undo(
    content: Arc<Content>,
    journal: &mut Journal,
    game: &Game,
    who: Undo,
) -> Result<Game, RuleError> {
    if game.is_over() {
        return Err(RuleError::GameOver);
    }
    if journal.entries.is_empty() {
        return Err(RuleError::NothingToUndo);
    }
    if who == Undo::Players && !game.can_undo() {
        return Err(RuleError::CannotUndo);
    }
    let n = journal.entries.len() - 1;
    let g = replay_prefix(content, journal, n).map_err(|_| RuleError::NothingToUndo)?;
    journal.entries.truncate(n);
    Ok(g)
}
