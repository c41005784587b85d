//! Balance simulation: many bot games in parallel, summarised. The same
//! arguments always give the same report, whatever the thread count, and a
//! run's memory does not grow with its number of games.

use std::sync::Arc;

use rayon::prelude::*;
use thiserror::Error;

use crate::bots::{Bot, Lessons};
use crate::content::Content;
use crate::rules::{
    Action, BotKind, Game, Journal, Outcome, RuleError, SeatKind, Setup, SetupError,
};

mod lessons;
mod link;
mod seating;
mod sessions;
mod tally;

pub use lessons::{LESSON_SETS, LessonRow, lesson_table};
pub use link::LinkCounts;
use seating::Seating;
pub use seating::{SeatChoices, SeatingError};
pub use sessions::{SaveError, run_saving_sessions, session_id, simulate_saving};
use tally::Tally;
pub use tally::{RefusalReport, SimReport};

/// What to simulate.
#[derive(Debug, Clone)]
pub struct SimConfig {
    pub games: usize,
    pub seats: usize,
    pub seed: u64,
    pub difficulty: String,
    pub bot: BotKind,
    /// Keep every game's journal (for saving sessions); off for plain statistics.
    pub keep_journals: bool,
}

/// Choices beyond [`SimConfig`]: fixed roles and homes, and the action cap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOptions {
    pub seating: SeatChoices,
    /// Most actions one game may take before it is cut off.
    pub max_actions: u32,
    /// The lessons the heuristic bots play by (all unless switched off).
    pub lessons: Lessons,
}

impl Default for RunOptions {
    fn default() -> Self {
        Self {
            seating: SeatChoices::default(),
            max_actions: MAX_ACTIONS,
            lessons: Lessons::ALL,
        }
    }
}

/// Most actions one game may take before the simulator cuts it off, unless
/// [`RunOptions::max_actions`] says otherwise. Heuristic games take a few
/// hundred.
pub const MAX_ACTIONS: u32 = 100_000;

/// How a bot game ended.
#[derive(Debug, Clone, PartialEq)]
pub enum GameEnd {
    /// The game is over: the town survived or collapsed.
    Over(Outcome),
    /// The rules refused a bot's action (a bot bug); the game stopped there.
    Refused {
        seat: usize,
        action: Action,
        error: RuleError,
    },
    /// The game reached the action cap without ending.
    ActionCap,
}

/// One bot game, finished or stopped.
#[derive(Debug, Clone)]
pub struct GameResult {
    pub end: GameEnd,
    pub actions: u32,
    /// Residents connected by the end.
    pub connected: usize,
    /// Link-work events of the game.
    pub link: LinkCounts,
    /// The game's journal, when it was kept.
    pub journal: Option<Journal>,
}

impl GameResult {
    /// The game's outcome; `None` when it did not finish.
    pub fn outcome(&self) -> Option<&Outcome> {
        match &self.end {
            GameEnd::Over(o) => Some(o),
            GameEnd::Refused { .. } | GameEnd::ActionCap => None,
        }
    }
}

/// Why a run could not start.
#[derive(Debug, Error)]
pub enum SimError {
    #[error("{}: {}", .0.option(), .0)]
    Seating(#[from] SeatingError),
    #[error("cannot set up the games: {0}")]
    Setup(#[from] SetupError),
}

/// The seed of game `i` of a run: a SplitMix64 step, so neighbouring games differ fully.
pub fn game_seed(seed: u64, i: usize) -> u64 {
    let mut z = seed.wrapping_add((i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Plays one game with bots in every seat, recording its journal.
pub fn play_one(content: &Arc<Content>, setup: Setup) -> Result<GameResult, SetupError> {
    play(content, setup, true, MAX_ACTIONS, Lessons::ALL)
}

fn play(
    content: &Arc<Content>,
    setup: Setup,
    keep_journal: bool,
    max_actions: u32,
    lessons: Lessons,
) -> Result<GameResult, SetupError> {
    let mut journal = keep_journal.then(|| Journal::new(content, setup.clone()));
    let mut game = Game::new(Arc::clone(content), setup.clone())?;
    let mut link = LinkCounts::default();
    link.count(game.opening_events());
    let mut bots: Vec<Bot> = setup
        .seats
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kind = match s.kind {
                SeatKind::Bot(k) => k,
                SeatKind::Human => BotKind::Heuristic,
            };
            Bot::new(kind, setup.seed, i).with_lessons(lessons)
        })
        .collect();
    let end = loop {
        if let Some(outcome) = game.outcome() {
            break GameEnd::Over(outcome.clone());
        }
        if game.actions_taken() >= max_actions {
            break GameEnd::ActionCap;
        }
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        match game.act(seat, &action) {
            Ok(events) => {
                link.count(&events);
                if let Some(j) = &mut journal {
                    j.record(seat, action);
                }
            }
            Err(error) => {
                break GameEnd::Refused {
                    seat,
                    action,
                    error,
                };
            }
        }
    };
    Ok(GameResult {
        end,
        actions: game.actions_taken(),
        connected: game.connected_residents().len(),
        link,
        journal,
    })
}

/// Sets up game 0 of a run to check the setup every game shares.
fn check_setup(
    content: &Arc<Content>,
    config: &SimConfig,
    seating: &Seating,
) -> Result<(), SetupError> {
    Game::new(Arc::clone(content), game_setup(content, config, seating, 0)).map(|_| ())
}

/// The setup of game `index` of a run.
fn game_setup(content: &Content, config: &SimConfig, seating: &Seating, index: usize) -> Setup {
    seating.setup(
        content,
        SeatKind::Bot(config.bot),
        &config.difficulty,
        game_seed(config.seed, index),
    )
}

/// Plays `config.games` games on all cores; results come back in game order.
pub fn run(content: &Arc<Content>, config: &SimConfig) -> Result<Vec<GameResult>, SetupError> {
    let seating = Seating::free(config.seats);
    check_setup(content, config, &seating)?;
    (0..config.games)
        .into_par_iter()
        .map(|i| {
            let setup = game_setup(content, config, &seating, i);
            play(
                content,
                setup,
                config.keep_journals,
                MAX_ACTIONS,
                Lessons::ALL,
            )
        })
        .collect()
}

/// Plays the run on all cores, counting each game as it finishes: no
/// result is kept, so memory stays flat however many games are played.
pub fn simulate(
    content: &Arc<Content>,
    config: &SimConfig,
    options: &RunOptions,
) -> Result<SimReport, SimError> {
    let seating = Seating::new(content, config.seats, &options.seating)?;
    check_setup(content, config, &seating)?;
    let tally = fold_games(content, config.games, |i| {
        let setup = game_setup(content, config, &seating, i);
        play(content, setup, false, options.max_actions, options.lessons)
    })?;
    Ok(tally.report(content))
}

/// Plays games `0..games` with `one` and folds their results into a
/// [`Tally`]; sums merge the same whatever the split between threads.
fn fold_games<E: Send>(
    content: &Content,
    games: usize,
    one: impl Fn(usize) -> Result<GameResult, E> + Sync + Send,
) -> Result<Tally, E> {
    (0..games)
        .into_par_iter()
        .try_fold(
            || Tally::new(content),
            |mut t, i| {
                t.add(i, &one(i)?);
                Ok(t)
            },
        )
        .try_reduce(|| Tally::new(content), |a, b| Ok(a.merge(b)))
}

/// Summarises results (in game order).
pub fn summarise(content: &Content, results: &[GameResult]) -> SimReport {
    let mut tally = Tally::new(content);
    for (i, r) in results.iter().enumerate() {
        tally.add(i, r);
    }
    tally.report(content)
}

/// 95 % Wilson score interval for `k` successes in `n` trials.
pub fn wilson(k: usize, n: usize) -> (f64, f64) {
    if n == 0 {
        return (0.0, 0.0);
    }
    let z = 1.959_963_984_540_054_f64;
    let n = n as f64;
    let p = k as f64 / n;
    let denom = 1.0 + z * z / n;
    let centre = (p + z * z / (2.0 * n)) / denom;
    let half = z * ((p * (1.0 - p) / n) + z * z / (4.0 * n * n)).sqrt() / denom;
    ((centre - half).max(0.0), (centre + half).min(1.0))
}
