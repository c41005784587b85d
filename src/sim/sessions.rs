//! Simulated games saved as real session files (`simulate --journals DIR`),
//! so exports, reports and replays can be tried on bot sessions. Every file
//! is the same whatever the thread count, apart from the header's creation
//! time; the summary is the same as a plain run's.

use std::path::Path;
use std::sync::Arc;

use rayon::prelude::*;
use thiserror::Error;

use super::seating::Seating;
use super::{
    GameResult, RunOptions, SeatingError, SimConfig, SimError, SimReport, check_setup, fold_games,
    game_setup, play,
};
use crate::bots::Lessons;
use crate::content::Content;
use crate::rules::{BotKind, Journal, ReplayError, SetupError};
use crate::session::{
    Record, ScenarioSource, SessionError, SessionHeader, SessionWriter, act_records,
};

/// Why a run could not be saved as sessions.
#[derive(Debug, Error)]
pub enum SaveError {
    #[error("{}: {}", .0.option(), .0)]
    Seating(#[from] SeatingError),
    #[error("cannot set up the games: {0}")]
    Setup(#[from] SetupError),
    #[error("{0}")]
    Session(#[from] SessionError),
    #[error(
        "game {game} could not be replayed for its session file ({error}): this is a bug in the simulator; please report it"
    )]
    Replay { game: usize, error: ReplayError },
}

impl From<SimError> for SaveError {
    fn from(e: SimError) -> Self {
        match e {
            SimError::Seating(e) => Self::Seating(e),
            SimError::Setup(e) => Self::Setup(e),
        }
    }
}

/// The session id of game `index` of a run: the run's seed and the game's
/// index, then a short digest of the deck and settings, so runs with other
/// settings never share a name.
pub fn session_id(content: &Content, config: &SimConfig, index: usize) -> String {
    id_with(
        content,
        config,
        &Seating::free(config.seats),
        Lessons::ALL,
        index,
    )
}

fn id_with(
    content: &Content,
    config: &SimConfig,
    seating: &Seating,
    lessons: Lessons,
    index: usize,
) -> String {
    let mut h = blake3::Hasher::new();
    h.update(content.content_hash().as_bytes());
    h.update(config.difficulty.as_bytes());
    h.update(&(config.seats as u64).to_le_bytes());
    h.update(&[match config.bot {
        BotKind::Heuristic => 0,
        BotKind::Random => 1,
    }]);
    h.update(&config.seed.to_le_bytes());
    seating.digest(&mut h);
    // lessons switched off change the games; a full set keeps the old ids
    for lesson in lessons.off() {
        h.update(lesson.key().as_bytes());
    }
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
    let saver = Saver::new(content, config, &RunOptions::default(), scenario, dir)?;
    (0..config.games)
        .into_par_iter()
        .map(|i| saver.save(i, config.keep_journals))
        .collect()
}

/// Plays the run like [`super::simulate`] (same report) and saves each game
/// in `dir` as [`run_saving_sessions`] does, keeping no result in memory.
pub fn simulate_saving(
    content: &Arc<Content>,
    config: &SimConfig,
    options: &RunOptions,
    scenario: ScenarioSource,
    dir: &Path,
) -> Result<SimReport, SaveError> {
    let saver = Saver::new(content, config, options, scenario, dir)?;
    let tally = fold_games(content, config.games, |i| saver.save(i, false))?;
    Ok(tally.report(content))
}

/// What every saved game of a run shares.
struct Saver<'a> {
    content: &'a Arc<Content>,
    config: &'a SimConfig,
    seating: Seating,
    max_actions: u32,
    lessons: Lessons,
    base: SessionHeader,
    dir: &'a Path,
}

impl<'a> Saver<'a> {
    fn new(
        content: &'a Arc<Content>,
        config: &'a SimConfig,
        options: &RunOptions,
        scenario: ScenarioSource,
        dir: &'a Path,
    ) -> Result<Self, SaveError> {
        let seating = Seating::new(content, config.seats, &options.seating)?;
        check_setup(content, config, &seating)?;
        let base = SessionHeader::new(content, scenario, game_setup(content, config, &seating, 0));
        Ok(Self {
            content,
            config,
            seating,
            max_actions: options.max_actions,
            lessons: options.lessons,
            base,
            dir,
        })
    }

    /// Plays game `i`, saves it, and returns its result (with its journal
    /// when `keep_journal`).
    fn save(&self, i: usize, keep_journal: bool) -> Result<GameResult, SaveError> {
        let content = self.content;
        let mut setup = game_setup(content, self.config, &self.seating, i);
        for (n, seat) in setup.seats.iter_mut().enumerate() {
            seat.name = format!("Bot {}", n + 1);
        }
        let mut result = play(content, setup.clone(), true, self.max_actions, self.lessons)?;
        let journal = result
            .journal
            .take()
            .unwrap_or_else(|| Journal::new(content, setup.clone()));
        let mut header = self.base.clone();
        header.session_id = id_with(content, self.config, &self.seating, self.lessons, i);
        header.setup = setup;
        let records = records(content, &journal, i)?;
        SessionWriter::write_complete(self.dir, &header, &records)?;
        if keep_journal {
            result.journal = Some(journal);
        }
        Ok(result)
    }
}

/// The records of a journal as the game would have written them: each
/// action with the state hash after it, then the closing record.
fn records(
    content: &Arc<Content>,
    journal: &Journal,
    index: usize,
) -> Result<Vec<Record>, SaveError> {
    let (mut out, game) = act_records(Arc::clone(content), journal, journal.entries.len())
        .map_err(|error| SaveError::Replay { game: index, error })?;
    out.push(Record::finished(&game));
    Ok(out)
}
