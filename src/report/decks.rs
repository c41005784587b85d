//! The decks a folder of sessions was played with, each loaded and
//! validated once however many sessions share it, and the check that a
//! session's deck is the very one at hand.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::content::{self, Content};
use crate::reflect::OpenError;
use crate::rules::DeckIdentity;
use crate::session::{ScenarioSource, SessionHeader};

use super::skipped::SkipReason;

/// Where a session's deck comes from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum DeckKey {
    /// The built-in default scenario.
    BuiltIn,
    /// A scenario folder.
    Folder(PathBuf),
    /// A built-in scenario this version does not have.
    UnknownBuiltIn(String),
}

impl DeckKey {
    /// The deck for `header`; `scenario` (the `--scenario` folder) wins.
    pub fn of(header: &SessionHeader, scenario: Option<&Path>) -> DeckKey {
        match (scenario, &header.scenario) {
            (Some(d), _) => DeckKey::Folder(d.to_path_buf()),
            (None, ScenarioSource::Directory(d)) => DeckKey::Folder(d.clone()),
            (None, ScenarioSource::BuiltIn(name)) if name == "default" => DeckKey::BuiltIn,
            (None, ScenarioSource::BuiltIn(name)) => DeckKey::UnknownBuiltIn(name.clone()),
        }
    }
}

/// A loaded deck and its identity, or why it cannot be had.
pub(super) type Deck = Result<(Arc<Content>, DeckIdentity), (SkipReason, String)>;

/// Loads every deck in `keys` once, in parallel.
pub(super) fn load_decks(keys: BTreeSet<DeckKey>) -> BTreeMap<DeckKey, Deck> {
    let keys: Vec<DeckKey> = keys.into_iter().collect();
    let decks: Vec<Deck> = keys.par_iter().map(load).collect();
    keys.into_iter().zip(decks).collect()
}

fn load(key: &DeckKey) -> Deck {
    let unknown = |e: OpenError| (SkipReason::UnknownDeck, e.to_string());
    let invalid = |dir: &Path, e: content::DeckErrors| {
        unknown(OpenError::InvalidScenario {
            dir: dir.to_path_buf(),
            count: e.0.iter().filter(|x| x.is_error()).count(),
        })
    };
    let content = match key {
        DeckKey::BuiltIn => {
            content::default_content().map_err(|e| invalid(Path::new("scenarios/default"), e))?
        }
        DeckKey::Folder(d) if !d.is_dir() => {
            return Err(unknown(OpenError::MissingScenario(d.clone())));
        }
        DeckKey::Folder(d) => Arc::new(content::load_dir(d).map_err(|e| invalid(d, e))?.content),
        DeckKey::UnknownBuiltIn(name) => {
            return Err(unknown(OpenError::UnknownBuiltIn(name.clone())));
        }
    };
    let identity = DeckIdentity::of(&content);
    Ok((content, identity))
}

/// The deck of `header` (looked up by `key`), when it is the one the
/// session was played with.
pub(super) fn deck_for(
    header: &SessionHeader,
    key: &DeckKey,
    deck: &Deck,
) -> Result<Arc<Content>, (SkipReason, String)> {
    // never when `--scenario` named a folder: that deck wins
    if !matches!(key, DeckKey::Folder(_))
        && matches!(&header.scenario, ScenarioSource::BuiltIn(name) if *name == header.deck.id)
        && let Some(kept) = content::built_in(&header.deck.id, &header.deck.content_hash)
    {
        // A built-in deck, this release's or an earlier one's kept for its sessions.
        return Ok(kept);
    }
    let (content, loaded) = deck.as_ref().map_err(Clone::clone)?;
    if loaded.content_hash != header.deck.content_hash || loaded.id != header.deck.id {
        let e = OpenError::DeckMismatch {
            played: header.deck.clone(),
            loaded: loaded.clone(),
        };
        return Err((SkipReason::DeckMismatch, e.to_string()));
    }
    Ok(Arc::clone(content))
}
