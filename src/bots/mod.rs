//! Bots that fill seats: deterministic given the game seed and the seat.

mod heuristic;
mod lessons;
mod link_work;

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::rules::{Action, BotKind, Game};

pub use heuristic::{Advice, Reason, advise, advise_with};
pub use lessons::{Lesson, Lessons};

/// A bot for one seat. Its own RNG never touches the game's.
#[derive(Debug, Clone)]
pub struct Bot {
    kind: BotKind,
    rng: ChaCha8Rng,
    lessons: Lessons,
}

impl Bot {
    /// A bot for `seat` of a game seeded with `game_seed`.
    pub fn new(kind: BotKind, game_seed: u64, seat: usize) -> Self {
        let mut rng = ChaCha8Rng::seed_from_u64(game_seed ^ 0x0b07_5eed_0000_0000);
        rng.set_stream(seat as u64 + 1);
        Self {
            kind,
            rng,
            lessons: Lessons::ALL,
        }
    }

    /// The same bot, playing only by `lessons` (the heuristic bot; a random
    /// bot plays any legal action).
    pub fn with_lessons(mut self, lessons: Lessons) -> Self {
        self.lessons = lessons;
        self
    }

    pub fn kind(&self) -> BotKind {
        self.kind
    }

    /// The bot's next action for its seat (which must be the current seat).
    pub fn choose(&mut self, game: &Game, seat: usize) -> Action {
        match self.kind {
            BotKind::Random => {
                let legal = game.legal_actions(seat);
                if legal.is_empty() {
                    return Action::EndTurn;
                }
                let i = self.rng.random_range(0..legal.len());
                legal[i].clone()
            }
            BotKind::Heuristic => advise_with(game, seat, self.lessons).action,
        }
    }
}
