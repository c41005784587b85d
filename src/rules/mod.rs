//! The rules of Community Coping: a pure, deterministic engine with no Bevy
//! inside. `Game` state, `Action` in, `Result<Vec<Event>, RuleError>` out;
//! all randomness from the seeded RNG kept in the state.

mod action;
mod create;
mod event;
mod hash;
mod journal;
mod legal;
mod play;
mod pressure;
mod setup;
mod state;
mod ties;
mod together;
mod trust;

pub use action::{Action, Mechanic, RuleError};
pub use event::{ConnectSource, Event, NeedCause, NeedGrowth, RevealCause};
pub use journal::{
    DeckIdentity, Entry, JOURNAL_FORMAT, Journal, Replay, ReplayError, Undo, replay, replay_prefix,
    undo,
};
pub use pressure::{Pressure, collapses};
pub use setup::{BotKind, SeatKind, SeatSetup, Setup, SetupError};
pub use state::{Game, Needs, Outcome, ResidentCard, ResidentPlace, ResidentState, Seat};
