//! Raw serde shapes of `guide.ron`, exactly as a designer writes them:
//! ids are plain strings, nothing is checked yet.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Text per language code, e.g. `{"ja": "…", "en": "…"}`.
pub(super) type RawText = BTreeMap<String, String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Guide")]
pub(super) struct RawGuide {
    pub seed: u64,
    /// A difficulty preset id; empty for the deck's default.
    #[serde(default)]
    pub difficulty: String,
    pub seats: Vec<RawSeat>,
    pub steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Seat")]
pub(super) struct RawSeat {
    pub role: String,
    pub name: RawText,
    /// A district id, for roles that need a home district; empty for none.
    #[serde(default)]
    pub home: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename = "Step")]
pub(super) struct RawStep {
    pub text: RawText,
    #[serde(default)]
    pub target: RawTarget,
    #[serde(default)]
    pub advance: RawAdvance,
}

#[derive(Debug, Default, Deserialize)]
pub(super) enum RawTarget {
    #[default]
    Centre,
    Banner,
    District(String),
    Resident(String),
    Listen,
    Prescribe,
    EndTurn,
    Undo,
    Hand,
    HandCard(usize),
    Offer,
    OfferCard(usize),
    Coping,
    Map,
    Log,
    YearEndContinue,
    Handoff,
    Visit,
    Conference,
    Pass,
    Ideas,
}

#[derive(Debug, Default, Deserialize)]
pub(super) enum RawAdvance {
    #[default]
    Click,
    Action(RawActionKind),
    YearEnded,
}

#[derive(Debug, Clone, Copy, Deserialize)]
pub(super) enum RawActionKind {
    Listen,
    Connect,
    Prescribe,
    Release,
    EndTurn,
    Visit,
    Pass,
    Conference,
    Create,
}
