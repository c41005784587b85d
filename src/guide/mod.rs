//! The guided first game: a deck plus `guide.ron`, an ordered script of
//! steps (a sentence in each language, a thing on the board to point at, and
//! what moves the guide on). [`load`] reads and checks the script against its
//! deck; [`Guide`] follows a game's events through it. Bevy-free: the app
//! draws the callouts.

mod bundled;
mod machine;
mod raw;
mod script;

pub use bundled::{Tutorial, tutorial};
pub use machine::Guide;
pub use script::{
    ActionKind, Advance, GUIDE_FILE, GuideSeat, MAX_STEPS, MAX_TEXT_CHARS, Pointer, Script, Step,
    TRAINEE_SEAT, load, one_line,
};
