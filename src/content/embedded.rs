//! The built-in default scenario, compiled into the binary so the game and
//! the command-line tool work with no path given.

use std::sync::Arc;

use super::model::Content;
use super::source::Sources;
use super::validate::load;

macro_rules! deck_file {
    ($name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/scenarios/default/",
                $name
            )),
        )
    };
}

/// The default scenario's files.
pub fn default_sources() -> Sources {
    Sources::in_memory(
        "scenarios/default",
        &[
            deck_file!("scenario.ron"),
            deck_file!("map.ron"),
            deck_file!("residents.ron"),
            deck_file!("connections.ron"),
            deck_file!("roles.ron"),
            deck_file!("events.ron"),
        ],
    )
}

/// The default scenario, validated. Its validity is checked by the test suite,
/// so a failure here is a build defect, reported with every diagnostic.
pub fn default_content() -> Result<Arc<Content>, super::DeckErrors> {
    load(&default_sources()).map(|l| Arc::new(l.content))
}
