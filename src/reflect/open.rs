//! Finding the deck a saved session was played with, and checking that it
//! is the same deck, so a debrief or export never mixes a session with
//! other cards.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use thiserror::Error;

use crate::content::{self, Content};
use crate::rules::DeckIdentity;
use crate::session::{ScenarioSource, SessionError, SessionHeader};

/// Why a session could not be opened for reflection.
#[derive(Debug, Error)]
pub enum OpenError {
    #[error("{0}")]
    Session(#[from] SessionError),
    #[error(
        "the session was played with the built-in scenario \"{0}\", which this version does not have: pass the scenario folder with --scenario DIR"
    )]
    UnknownBuiltIn(String),
    #[error(
        "the session was played with the scenario folder {}, which is not there any more: pass its folder with --scenario DIR",
        .0.display()
    )]
    MissingScenario(PathBuf),
    #[error(
        "the scenario at {} has errors ({count}); run `community-coping validate {}` and fix them first",
        dir.display(), dir.display()
    )]
    InvalidScenario { dir: PathBuf, count: usize },
    #[error(
        "the session was played with deck \"{}\" version {} (content {}), but the deck at hand is \"{}\" version {} (content {}): open it with the deck version it was played with (--scenario DIR)",
        played.id, played.version, short(&played.content_hash),
        loaded.id, loaded.version, short(&loaded.content_hash)
    )]
    DeckMismatch {
        played: DeckIdentity,
        loaded: DeckIdentity,
    },
    #[error(
        "{}: {damage}. Open it in the game to recover the good part, or export with --allow-damaged to use the recovered records",
        path.display()
    )]
    Damaged { path: PathBuf, damage: String },
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// Loads the deck `header` was played with (or the one in `scenario`, when
/// given) and checks it is the same deck.
pub fn content_for(
    header: &SessionHeader,
    scenario: Option<&Path>,
) -> Result<Arc<Content>, OpenError> {
    if scenario.is_none()
        && matches!(&header.scenario, ScenarioSource::BuiltIn(name) if *name == header.deck.id)
        && let Some(kept) = content::built_in(&header.deck.id, &header.deck.content_hash)
    {
        // A built-in deck, this release's or an earlier one's kept for its sessions.
        return Ok(kept);
    }
    let dir = match (scenario, &header.scenario) {
        (Some(d), _) => Some(d.to_path_buf()),
        (None, ScenarioSource::Directory(d)) => Some(d.clone()),
        (None, ScenarioSource::BuiltIn(name)) if name == "default" => None,
        (None, ScenarioSource::BuiltIn(name)) => {
            return Err(OpenError::UnknownBuiltIn(name.clone()));
        }
    };
    let invalid = |dir: PathBuf, e: content::DeckErrors| OpenError::InvalidScenario {
        count: e.0.iter().filter(|x| x.is_error()).count(),
        dir,
    };
    let content = match dir {
        None => content::default_content()
            .map_err(|e| invalid(PathBuf::from("scenarios/default"), e))?,
        Some(d) if !d.is_dir() => return Err(OpenError::MissingScenario(d)),
        Some(d) => Arc::new(
            content::load_dir(&d)
                .map_err(|e| invalid(d.clone(), e))?
                .content,
        ),
    };
    let loaded = DeckIdentity::of(&content);
    if loaded.content_hash != header.deck.content_hash || loaded.id != header.deck.id {
        return Err(OpenError::DeckMismatch {
            played: header.deck.clone(),
            loaded,
        });
    }
    Ok(content)
}
