//! Balance simulation: many bot games in parallel, summarised. The same
//! arguments always give the same report, whatever the thread count.

use std::collections::BTreeMap;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

use crate::bots::Bot;
use crate::content::Content;
use crate::rules::{BotKind, Game, Journal, Outcome, SeatKind, Setup, SetupError};

mod sessions;

pub use sessions::{SaveError, run_saving_sessions, session_id};

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

/// One finished bot game.
#[derive(Debug, Clone)]
pub struct GameResult {
    pub outcome: Outcome,
    pub actions: u32,
    /// Residents connected by the end.
    pub connected: usize,
    /// The game's journal, when it was kept.
    pub journal: Option<Journal>,
}

/// The summary the CLI prints.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct SimReport {
    pub games: usize,
    pub wins: usize,
    pub win_rate: f64,
    /// 95 % Wilson score interval of the win rate.
    pub win_rate_ci95: (f64, f64),
    /// Collapses per year.
    pub collapse_years: BTreeMap<i32, usize>,
    /// Collapses per district id.
    pub collapse_districts: BTreeMap<String, usize>,
    /// Mean residents connected per game.
    pub mean_resolved: f64,
}

/// Most actions one game may take before the simulator gives up on it.
const MAX_ACTIONS: u32 = 100_000;

/// The seed of game `i` of a run: a SplitMix64 step, so neighbouring games differ fully.
pub fn game_seed(seed: u64, i: usize) -> u64 {
    let mut z = seed.wrapping_add((i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Plays one game with bots in every seat, recording its journal.
pub fn play_one(content: &Arc<Content>, setup: Setup) -> Result<GameResult, SetupError> {
    play(content, setup, true)
}

fn play(
    content: &Arc<Content>,
    setup: Setup,
    keep_journal: bool,
) -> Result<GameResult, SetupError> {
    let mut journal = keep_journal.then(|| Journal::new(content, setup.clone()));
    let mut game = Game::new(Arc::clone(content), setup.clone())?;
    let mut bots: Vec<Bot> = setup
        .seats
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let kind = match s.kind {
                SeatKind::Bot(k) => k,
                SeatKind::Human => BotKind::Heuristic,
            };
            Bot::new(kind, setup.seed, i)
        })
        .collect();
    while !game.is_over() && game.actions_taken() < MAX_ACTIONS {
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        match game.act(seat, &action) {
            Ok(_) => {
                if let Some(j) = &mut journal {
                    j.record(seat, action);
                }
            }
            // A bot proposing an illegal action is a bug; end the turn instead of looping.
            Err(_) => {
                if game.act(seat, &crate::rules::Action::EndTurn).is_ok() {
                    if let Some(j) = &mut journal {
                        j.record(seat, crate::rules::Action::EndTurn);
                    }
                } else {
                    break;
                }
            }
        }
    }
    let outcome = game.outcome().cloned().unwrap_or(Outcome::Survived {
        connected: game.connected_residents().len(),
    });
    Ok(GameResult {
        outcome,
        actions: game.actions_taken(),
        connected: game.connected_residents().len(),
        journal,
    })
}

/// The setup every game of a run shares (each game gets its own seed),
/// checked by setting up one game.
fn run_setup(content: &Arc<Content>, config: &SimConfig) -> Result<Setup, SetupError> {
    let setup0 = Setup::standard(
        content,
        config.seats,
        SeatKind::Bot(config.bot),
        &config.difficulty,
        config.seed,
    );
    Game::new(Arc::clone(content), setup0.clone())?;
    Ok(setup0)
}

/// Plays `config.games` games on all cores; results come back in game order.
pub fn run(content: &Arc<Content>, config: &SimConfig) -> Result<Vec<GameResult>, SetupError> {
    let setup0 = run_setup(content, config)?;
    (0..config.games)
        .into_par_iter()
        .map(|i| {
            let mut setup = setup0.clone();
            setup.seed = game_seed(config.seed, i);
            play(content, setup, config.keep_journals)
        })
        .collect()
}

/// Summarises results.
pub fn summarise(content: &Content, results: &[GameResult]) -> SimReport {
    let games = results.len();
    let mut wins = 0;
    let mut collapse_years = BTreeMap::new();
    let mut collapse_districts = BTreeMap::new();
    let mut resolved = 0usize;
    for r in results {
        match &r.outcome {
            Outcome::Survived { .. } => {
                wins += 1;
                resolved += r.connected;
            }
            // Bots never end a game early; counted as neither win nor collapse.
            Outcome::EndedEarly { .. } => resolved += r.connected,
            Outcome::Collapsed { year, district, .. } => {
                *collapse_years.entry(*year).or_insert(0) += 1;
                *collapse_districts
                    .entry(content.district(*district).key.clone())
                    .or_insert(0) += 1;
                resolved += r.connected;
            }
        }
    }
    let win_rate = if games == 0 {
        0.0
    } else {
        wins as f64 / games as f64
    };
    SimReport {
        games,
        wins,
        win_rate,
        win_rate_ci95: wilson(wins, games),
        collapse_years,
        collapse_districts,
        mean_resolved: if games == 0 {
            0.0
        } else {
            resolved as f64 / games as f64
        },
    }
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
