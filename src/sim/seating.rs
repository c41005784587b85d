//! Who sits where in a simulated game: each seat's role and home district.
//!
//! Roles follow the scenario's `default_roles` line-up (seat 1 the first
//! role, and so on) unless fixed. Home districts are drawn afresh for every
//! game: the districts are shuffled with a ChaCha8 stream seeded from the
//! game's seed (kept apart from the game's and the bots' streams), and seat
//! `i` takes the `i`-th district of the shuffle (wrapping round when there
//! are more seats than districts). So every seat's home is each district
//! equally often, and a district's place in `map.ron` gives it no edge.
//! A designer can fix both, one entry per seat.

use rand::SeedableRng;
use rand::seq::SliceRandom;
use rand_chacha::ChaCha8Rng;
use smallvec::SmallVec;
use thiserror::Error;

use crate::content::Content;
use crate::rules::{SeatKind, Setup};

/// Roles and homes a designer fixes for every game of a run; `None` keeps
/// the rule described in the module header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SeatChoices {
    /// Role ids, one per seat in seat order.
    pub roles: Option<Vec<String>>,
    /// District ids, one per seat in seat order.
    pub homes: Option<Vec<String>>,
}

/// Why fixed roles or homes cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum SeatingError {
    #[error("{given} role(s) given for {seats} seat(s): list one role per seat, in seat order")]
    RoleCount { given: usize, seats: usize },
    #[error("unknown role \"{key}\": use one of {known}")]
    UnknownRole { key: String, known: String },
    #[error("role \"{0}\" is given to two seats: every seat needs its own role")]
    DuplicateRole(String),
    #[error(
        "{given} home district(s) given for {seats} seat(s): list one district per seat, in seat order"
    )]
    HomeCount { given: usize, seats: usize },
    #[error("unknown district \"{key}\": use one of {known}")]
    UnknownDistrict { key: String, known: String },
}

impl SeatingError {
    /// The command-line option the error is about.
    pub fn option(&self) -> &'static str {
        match self {
            Self::RoleCount { .. } | Self::UnknownRole { .. } | Self::DuplicateRole(_) => "--roles",
            Self::HomeCount { .. } | Self::UnknownDistrict { .. } => "--homes",
        }
    }
}

/// The checked seating of a run.
#[derive(Debug, Clone)]
pub(crate) struct Seating {
    seats: usize,
    roles: Option<Vec<String>>,
    homes: Option<Vec<String>>,
}

/// Keeps the home draw apart from the game's own stream and the bots'.
const HOME_STREAM_KEY: u64 = 0x4803_e000_d157_0000;

impl Seating {
    /// Default roles and drawn homes.
    pub(crate) fn free(seats: usize) -> Self {
        Self {
            seats,
            roles: None,
            homes: None,
        }
    }

    /// Checks `choices` against the scenario for `seats` seats.
    pub(crate) fn new(
        content: &Content,
        seats: usize,
        choices: &SeatChoices,
    ) -> Result<Self, SeatingError> {
        if let Some(roles) = &choices.roles {
            if roles.len() != seats {
                return Err(SeatingError::RoleCount {
                    given: roles.len(),
                    seats,
                });
            }
            for (i, key) in roles.iter().enumerate() {
                if content.role_by_key(key).is_none() {
                    return Err(SeatingError::UnknownRole {
                        key: key.clone(),
                        known: list(content.roles().iter().map(|r| r.key.as_str())),
                    });
                }
                if roles[..i].contains(key) {
                    return Err(SeatingError::DuplicateRole(key.clone()));
                }
            }
        }
        if let Some(homes) = &choices.homes {
            if homes.len() != seats {
                return Err(SeatingError::HomeCount {
                    given: homes.len(),
                    seats,
                });
            }
            if let Some(key) = homes.iter().find(|k| content.district_by_key(k).is_none()) {
                return Err(SeatingError::UnknownDistrict {
                    key: key.clone(),
                    known: list(content.districts().iter().map(|d| d.key.as_str())),
                });
            }
        }
        Ok(Self {
            seats,
            roles: choices.roles.clone(),
            homes: choices.homes.clone(),
        })
    }

    /// The setup of the game seeded with `seed`.
    pub(crate) fn setup(
        &self,
        content: &Content,
        kind: SeatKind,
        difficulty: &str,
        seed: u64,
    ) -> Setup {
        let mut setup = Setup::standard(content, self.seats, kind, difficulty, seed);
        if let Some(roles) = &self.roles {
            for (seat, role) in setup.seats.iter_mut().zip(roles) {
                seat.role.clone_from(role);
            }
        }
        match &self.homes {
            Some(homes) => {
                for (seat, home) in setup.seats.iter_mut().zip(homes) {
                    seat.home_district = Some(home.clone());
                }
            }
            None => {
                let districts = content.districts();
                let mut order: SmallVec<[usize; 8]> = (0..districts.len()).collect();
                let mut rng = ChaCha8Rng::seed_from_u64(seed ^ HOME_STREAM_KEY);
                order.shuffle(&mut rng);
                for (i, seat) in setup.seats.iter_mut().enumerate() {
                    seat.home_district =
                        (!order.is_empty()).then(|| districts[order[i % order.len()]].key.clone());
                }
            }
        }
        setup
    }

    /// Feeds the fixed choices into a digest (nothing when none are fixed).
    pub(crate) fn digest(&self, h: &mut blake3::Hasher) {
        for (tag, list) in [(b"roles", &self.roles), (b"homes", &self.homes)] {
            if let Some(keys) = list {
                h.update(tag);
                for k in keys {
                    h.update(&(k.len() as u64).to_le_bytes());
                    h.update(k.as_bytes());
                }
            }
        }
    }
}

fn list<'a>(keys: impl Iterator<Item = &'a str>) -> String {
    keys.collect::<Vec<_>>().join(", ")
}
