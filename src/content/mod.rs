//! Scenario content: RON decks parsed into raw shapes, then validated into
//! typed, always-consistent [`Content`]. Bevy-free.

mod diagnostic;
mod embedded;
mod ids;
mod matching;
mod model;
mod raw;
mod source;
mod text;
mod validate;

pub use diagnostic::{DeckErrors, Diagnostic, Severity};
pub use embedded::{default_content, default_sources};
pub use ids::{ConnectionId, DistrictId, EventId, ResidentId, RoleId, SpecialityId};
pub use matching::{CardIndex, MAX_CARDS, Matching, assign, can_meet_all, partial_assign};
pub use model::*;
pub use source::Sources;
pub use text::{PRIMARY_LANGUAGE, Text};
pub use validate::{Loaded, SCENARIO_FILE, load};

/// Loads and validates the scenario in a directory.
pub fn load_dir(dir: &std::path::Path) -> Result<Loaded, DeckErrors> {
    load(&Sources::read_dir(dir))
}
