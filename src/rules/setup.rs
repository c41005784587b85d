//! How a game is set up: seed, difficulty and seats, and why a setup can fail.

use serde::{Deserialize, Serialize};
use thiserror::Error;

/// Who plays a seat. The rules treat every seat alike; the shell and the
/// simulator use this to decide who chooses the actions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SeatKind {
    Human,
    Bot(BotKind),
}

/// The bots that can fill a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BotKind {
    /// A uniformly random legal action.
    Random,
    /// Sensible play: prescribe where it matters, listen where worries pile up.
    Heuristic,
}

/// One seat at the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatSetup {
    pub name: String,
    /// Role id from the scenario.
    pub role: String,
    /// District id; required by roles whose ability uses a home district.
    #[serde(default)]
    pub home_district: Option<String>,
    pub kind: SeatKind,
}

/// Everything that, with the content, fixes a game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Setup {
    pub seed: u64,
    /// Difficulty preset id.
    pub difficulty: String,
    pub seats: Vec<SeatSetup>,
}

impl Setup {
    /// `n` seats of `kind` with the scenario's default roles (home district:
    /// the seat's own district in map order), named プレイヤー1…
    pub fn standard(
        content: &crate::content::Content,
        n: usize,
        kind: SeatKind,
        difficulty: &str,
        seed: u64,
    ) -> Setup {
        let seats = (0..n)
            .map(|i| {
                let role = content
                    .default_roles()
                    .get(i)
                    .map(|r| content.role(*r))
                    .or_else(|| content.roles().get(i))
                    .map(|r| r.key.clone())
                    .unwrap_or_default();
                let districts = content.districts();
                SeatSetup {
                    name: format!("プレイヤー{}", i + 1),
                    role,
                    home_district: (!districts.is_empty())
                        .then(|| districts[i % districts.len()].key.clone()),
                    kind,
                }
            })
            .collect();
        Setup {
            seed,
            difficulty: difficulty.to_owned(),
            seats,
        }
    }
}

/// Why a game could not be set up.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SetupError {
    #[error("a game needs 1 to 6 seats, not {0}")]
    SeatCount(usize),
    // Names come from files: `{:?}` keeps a line break in one a visible `\n`.
    #[error("unknown role {0:?}: choose a role from the scenario")]
    UnknownRole(String),
    #[error("role {0:?} is taken by two seats: every seat needs its own role")]
    DuplicateRole(String),
    #[error("unknown difficulty {0:?}: choose a preset from the scenario")]
    UnknownDifficulty(String),
    #[error("seat {seat} plays {role:?}, which needs a home district: choose one")]
    MissingHomeDistrict { seat: usize, role: String },
    #[error("unknown district {0:?}: choose a district of the map")]
    UnknownDistrict(String),
}
