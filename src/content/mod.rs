//! Scenario content: RON decks parsed into raw shapes, then validated into
//! typed, always-consistent [`Content`]. Bevy-free.

mod balance;
mod bounds;
mod diagnostic;
mod embedded;
mod ideas;
mod ids;
mod lexical;
mod map_cues;
mod map_shape;
mod matching;
mod model;
mod raw;
mod source;
mod text;
mod validate;

pub use bounds::{MAX_ACTIONS, MAX_FREE_LISTENS, MAX_HAND_LIMIT, MAX_PEEK};
pub use diagnostic::{DeckErrors, Diagnostic, Severity};
pub use embedded::{
    built_in, default_content, default_sources, tutorial_content, tutorial_sources,
};
pub use ideas::MAX_IDEA_COST;
pub use ids::{ConnectionId, DistrictId, EventId, ResidentId, RoleId, SpecialityId};
pub use matching::{CardIndex, MAX_CARDS, Matching, assign, can_meet_all, partial_assign};
pub use model::*;
pub use source::{MAX_FILE_BYTES, Sources};
pub use text::{PRIMARY_LANGUAGE, Text};
pub use validate::{Loaded, SCENARIO_FILE, load};

// For other files read beside a deck (a guide script) that report problems the same way.
pub(crate) use lexical::explain as explain_syntax;
pub(crate) use source::{LineIndex, Locator};

/// Loads and validates the scenario in a directory.
pub fn load_dir(dir: &std::path::Path) -> Result<Loaded, DeckErrors> {
    load(&Sources::read_dir(dir))
}
