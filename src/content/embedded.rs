//! The built-in scenarios, compiled into the binary so the game and the
//! command-line tool work with no path given: the default deck, and the
//! small deck of the guided first game (with its `guide.ron`).

use std::sync::Arc;

use super::model::Content;
use super::source::Sources;
use super::validate::load;

macro_rules! deck_file {
    ($dir:literal, $name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/scenarios/",
                $dir,
                "/",
                $name
            )),
        )
    };
}

macro_rules! deck_files {
    ($dir:literal $(, $extra:literal)*) => {
        Sources::in_memory(
            concat!("scenarios/", $dir),
            &[
                deck_file!($dir, "scenario.ron"),
                deck_file!($dir, "map.ron"),
                deck_file!($dir, "residents.ron"),
                deck_file!($dir, "connections.ron"),
                deck_file!($dir, "roles.ron"),
                deck_file!($dir, "events.ron"),
                $(deck_file!($dir, $extra),)*
            ],
        )
    };
}

/// The default scenario's files.
pub fn default_sources() -> Sources {
    deck_files!("default")
}

/// The default scenario, validated. Its validity is checked by the test suite,
/// so a failure here is a build defect, reported with every diagnostic.
pub fn default_content() -> Result<Arc<Content>, super::DeckErrors> {
    load(&default_sources()).map(|l| Arc::new(l.content))
}

/// The guided first game's files: its deck and `guide.ron`.
pub fn tutorial_sources() -> Sources {
    deck_files!("tutorial", "guide.ron")
}

/// The guided first game's deck, validated (checked by the test suite).
pub fn tutorial_content() -> Result<Arc<Content>, super::DeckErrors> {
    load(&tutorial_sources()).map(|l| Arc::new(l.content))
}
