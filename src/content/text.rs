//! Localised text: one string per language code, with a fallback order.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The primary language: every text must have it.
pub const PRIMARY_LANGUAGE: &str = "ja";

/// A card or UI text in several languages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text(BTreeMap<String, String>);

impl Text {
    pub(crate) fn new(map: BTreeMap<String, String>) -> Self {
        Self(map)
    }

    /// The text in `lang`, falling back to Japanese, then to any language.
    pub fn get(&self, lang: &str) -> &str {
        self.0
            .get(lang)
            .or_else(|| self.0.get(PRIMARY_LANGUAGE))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    /// Whether the text has an entry for `lang`.
    pub fn has(&self, lang: &str) -> bool {
        self.0.get(lang).is_some_and(|s| !s.trim().is_empty())
    }
}
