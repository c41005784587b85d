//! The guided first game compiled into the binary: the tutorial deck and its
//! guide, checked by the test suite.

use std::sync::Arc;

use super::script::{Script, load, one_line};
use crate::content::{self, Content};

/// The built-in guided game: its deck and checked script.
#[derive(Debug, Clone)]
pub struct Tutorial {
    pub content: Arc<Content>,
    pub script: Script,
}

/// Loads the built-in guided game. A failure is a build defect, given as
/// one line naming the first problem.
pub fn tutorial() -> Result<Tutorial, String> {
    let first = |e: content::DeckErrors| e.0.first().map_or_else(|| e.to_string(), one_line);
    let content = content::tutorial_content().map_err(first)?;
    let script = load(&content::tutorial_sources(), &content).map_err(first)?;
    Ok(Tutorial { content, script })
}
