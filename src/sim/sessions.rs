//! Simulated games saved as real session files (`simulate --journals DIR`),
//! so exports, reports and replays can be tried on bot sessions. Every file
//! is the same whatever the thread count, apart from the header's creation
//! time; the summary is the same as a plain run's.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use thiserror::Error;

use super::{GameResult, SimConfig, game_seed, play, run_setup};
use crate::content::Content;
use crate::rules::{BotKind, Game, Journal, RuleError, Setup, SetupError};
use crate::session::{Record, ScenarioSource, SessionError, SessionHeader, SessionWriter};

/// Why a run could not be saved as sessions.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("cannot set up the games: {0}")]
    Setup(#[from] SetupError),
    #[error("{0}")]
    Session(#[from] SessionError),
    #[error(
        "game {game} could not be replayed for its session file ({error}): this is a bug in the simulator; please report it"
    )]
    Replay { game: usize, error: RuleError },
}

/// The session id of game `index` of a run: the run's seed and the game's
/// index, then a short digest of the deck and settings, so runs with other
/// settings never share a name.
pub fn session_id(content: &Content, config: &SimConfig, index: usize) -> String {
    let mut h = blake3::Hasher::new();
    h.update(content.content_hash().as_bytes());
    h.update(config.difficulty.as_bytes());
    h.update(&(config.seats as u64).to_le_bytes());
    h.update(&[match config.bot {
        BotKind::Heuristic => 0,
        BotKind::Random => 1,
    }]);
    h.update(&config.seed.to_le_bytes());
    let tag = h.finalize().to_hex();
    format!("sim-{}-{index:05}-{}", config.seed, &tag[..8])
}

/// Plays the run like [`super::run`] (same games, same results, in game
/// order) and saves each game in `dir` as a finished session whose seats
/// are bots named "Bot 1", "Bot 2", …. Journals are kept in the results
/// only when `config.keep_journals` asks for them.
pub fn run_saving_sessions(
    content: &Arc<Content>,
    config: &SimConfig,
    scenario: ScenarioSource,
    dir: &Path,
) -> Result<Vec<GameResult>, SaveError> {
    let mut setup0 = run_setup(content, config)?;
    for (i, seat) in setup0.seats.iter_mut().enumerate() {
        seat.name = format!("Bot {}", i + 1);
    }
    let base = SessionHeader::new(content, scenario, setup0.clone());
    (0..config.games)
        .into_par_iter()
        .map(|i| {
            let mut setup = setup0.clone();
            setup.seed = game_seed(config.seed, i);
            let mut result = play(content, setup.clone(), true)?;
            let journal = result
                .journal
                .take()
                .unwrap_or_else(|| Journal::new(content, setup.clone()));
            let mut header = base.clone();
            header.session_id = session_id(content, config, i);
            header.setup = setup;
            let records = records(content, &header.setup, &journal, i)?;
            SessionWriter::write_complete(dir, &header, &records)?;
            if config.keep_journals {
                result.journal = Some(journal);
            }
            Ok(result)
        })
        .collect()
}

/// The records of a journal as the game would have written them: each
/// action with the state hash after it, then the closing record.
fn records(
    content: &Arc<Content>,
    setup: &Setup,
    journal: &Journal,
    index: usize,
) -> Result<Vec<Record>, SaveError> {
    let mut game = Game::new(Arc::clone(content), setup.clone())?;
    let mut out = Vec::with_capacity(journal.entries.len() + 1);
    for e in &journal.entries {
        game.act(e.seat, &e.action)
            .map_err(|error| SaveError::Replay { game: index, error })?;
        out.push(Record::act(e.seat, e.action.clone(), &game));
    }
    out.push(Record::finished(&game));
    Ok(out)
}
