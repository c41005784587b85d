//! The built-in scenarios, compiled into the binary so the game and the
//! command-line tool work with no path given: the default deck, and the
//! small deck of the guided first game (with its `guide.ron`). Earlier
//! releases' default decks are kept too, so that sessions played with them
//! still open, replay and export.

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
    deck_files!("default", "ideas.ron")
}

/// The default scenario, validated. Its validity is checked by the test suite,
/// so a failure here is a build defect, reported with every diagnostic.
pub fn default_content() -> Result<Arc<Content>, super::DeckErrors> {
    load(&default_sources()).map(|l| Arc::new(l.content))
}

macro_rules! archived_files {
    ($dir:literal, $as:literal) => {
        Sources::in_memory(
            concat!("scenarios/", $as),
            &[
                archived_file!($dir, "scenario.ron"),
                archived_file!($dir, "map.ron"),
                archived_file!($dir, "residents.ron"),
                archived_file!($dir, "connections.ron"),
                archived_file!($dir, "roles.ron"),
                archived_file!($dir, "events.ron"),
            ],
        )
    };
}

macro_rules! archived_file {
    ($dir:literal, $name:literal) => {
        (
            $name,
            include_str!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/src/content/archive/",
                $dir,
                "/",
                $name
            )),
        )
    };
}

/// The default deck as releases before link work shipped it (version 1).
fn default_v1_sources() -> Sources {
    archived_files!("default-1", "default")
}

/// The guided first game's deck as releases before link work shipped it.
fn tutorial_v1_sources() -> Sources {
    archived_files!("tutorial-1", "tutorial")
}

/// The built-in deck `id` whose content digest is `content_hash`: the
/// current one or an earlier release's. `None` when there is no such deck.
/// The decks are validated once per process.
pub fn built_in(id: &str, content_hash: &str) -> Option<Arc<Content>> {
    static ALL: std::sync::OnceLock<Vec<Arc<Content>>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        let candidates: [fn() -> Sources; 4] = [
            default_sources,
            default_v1_sources,
            tutorial_sources,
            tutorial_v1_sources,
        ];
        candidates
            .iter()
            .filter_map(|sources| load(&sources()).ok().map(|l| Arc::new(l.content)))
            .collect()
    })
    .iter()
    .find(|c| c.id() == id && c.content_hash() == content_hash)
    .cloned()
}

/// The guided first game's files: its deck and `guide.ron`.
pub fn tutorial_sources() -> Sources {
    deck_files!("tutorial", "ideas.ron", "guide.ron")
}

/// The guided first game's deck, validated (checked by the test suite).
pub fn tutorial_content() -> Result<Arc<Content>, super::DeckErrors> {
    load(&tutorial_sources()).map(|l| Arc::new(l.content))
}
