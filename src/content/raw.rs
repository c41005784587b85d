//! Raw serde shapes of a scenario's RON files, exactly as a designer writes them.
//!
//! Nothing here is trusted: ids are plain strings and references are unchecked.
//! [`super::validate`] turns these into typed [`super::Content`] or a list of
//! diagnostics.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Text per language code, e.g. `{"ja": "…", "en": "…"}`.
pub(crate) type RawText = BTreeMap<String, String>;

/// `scenario.ron`: the scenario's identity, calendar, parameters and file list.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Scenario")]
pub(crate) struct RawScenario {
    pub id: String,
    #[serde(default = "one")]
    pub version: u32,
    pub title: RawText,
    #[serde(default)]
    pub description: RawText,
    pub languages: Vec<String>,
    pub start_year: i32,
    pub end_year: i32,
    pub params: RawParams,
    #[serde(default)]
    pub coping_track: Vec<RawUnlock>,
    pub difficulties: Vec<RawDifficulty>,
    pub default_difficulty: String,
    #[serde(default)]
    pub default_roles: Vec<String>,
    #[serde(default)]
    pub debrief_questions: Vec<RawText>,
    /// What the coping track counts: connected residents (the default) or ties.
    #[serde(default)]
    pub progress: RawProgress,
    pub files: RawFiles,
}

/// What raises the coping track.
#[derive(Debug, Deserialize, Clone, Copy, Default)]
pub(crate) enum RawProgress {
    /// One step per connected resident.
    #[default]
    Residents,
    /// One step per tie: each card of a prescription.
    Ties,
}

fn one() -> u32 {
    1
}

/// The game's numeric parameters.
#[derive(Debug, Deserialize, Clone)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Params")]
pub(crate) struct RawParams {
    pub actions_per_turn: i64,
    pub hand_limit: i64,
    pub starting_hand: i64,
    pub offer_size: i64,
    pub initial_residents_per_district: i64,
    pub escalate_after_years: i64,
    pub collapse_threshold: i64,
    #[serde(default = "one_i64")]
    pub max_events_per_turn: i64,
    /// Actions a seat spends to pass a hand card to another seat; absent:
    /// the deck has no passing.
    #[serde(default)]
    pub pass_cost: Option<i64>,
    /// Actions a seat spends on a case conference that pools several seats'
    /// hands for one resident; absent: the deck has no conferences.
    #[serde(default)]
    pub conference_cost: Option<i64>,
    /// Year ends after which a resident tied only to public services drifts
    /// back into the town; absent: no one drifts back.
    #[serde(default)]
    pub relapse_after_years: Option<i64>,
    /// A resident arriving in a district this close to its limit goes to its
    /// calmest neighbour instead; absent: no one moves.
    #[serde(default)]
    pub spill_over: Option<i64>,
}

fn one_i64() -> i64 {
    1
}

/// A coping-skill threshold and the team bonus it unlocks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Unlock")]
pub(crate) struct RawUnlock {
    pub at: i64,
    pub bonus: RawBonus,
    #[serde(default)]
    pub text: RawText,
}

/// Team bonuses the coping-skill track can unlock.
#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum RawBonus {
    HandLimit(i64),
    ActionsPerTurn(i64),
    FreeListens(i64),
    ListenExtraReveal,
}

/// A difficulty preset: parameter overrides by name.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Difficulty")]
pub(crate) struct RawDifficulty {
    pub id: String,
    pub name: RawText,
    #[serde(default)]
    pub description: RawText,
    #[serde(default)]
    pub overrides: BTreeMap<String, i64>,
}

/// File names of the other deck files, relative to `scenario.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Files")]
pub(crate) struct RawFiles {
    pub map: String,
    pub residents: String,
    pub connections: String,
    pub roles: String,
    pub events: String,
    /// Resource ideas the team can found (`ideas.ron`); empty: none.
    #[serde(default)]
    pub ideas: String,
}

/// `map.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Map")]
pub(crate) struct RawMap {
    pub districts: Vec<RawDistrict>,
}

/// One district of the town.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "District")]
pub(crate) struct RawDistrict {
    pub id: String,
    pub name: RawText,
    /// Centre of the district on a 0..1 × 0..1 board.
    pub position: (f32, f32),
    /// Polygon outline on the same board, clockwise; at least three points.
    pub outline: Vec<(f32, f32)>,
    /// `"#RRGGBB"`.
    pub colour: String,
    pub pattern: RawPattern,
    /// A short symbol drawn with the name so colour is never the only cue.
    pub symbol: String,
    #[serde(default)]
    pub neighbours: Vec<String>,
}

/// Fill patterns, so districts read in greyscale too.
#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum RawPattern {
    Plain,
    Dots,
    Stripes,
    Grid,
    Waves,
    Checks,
    Diagonal,
}

/// `residents.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Residents")]
pub(crate) struct RawResidents {
    pub residents: Vec<RawResident>,
}

/// One resident card: a visible front and a hidden back.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Resident")]
pub(crate) struct RawResident {
    pub id: String,
    pub district: String,
    // front
    pub name: RawText,
    pub age: RawAgeBand,
    pub household: RawHousehold,
    pub notice: RawText,
    // back
    pub worry: RawWorry,
    pub worry_text: RawText,
    pub needs: Vec<RawNeed>,
    /// Visits on different turns, after listening, before the resident
    /// accepts a prescription (a case conference needs none).
    #[serde(default)]
    pub trust: i64,
    /// The resident turns down the first offer of help.
    #[serde(default)]
    pub refuses_first: bool,
    /// Who referred the resident (a clinic kind); empty: not referred.
    /// A referred resident arrives with the worry known.
    #[serde(default)]
    pub referred_by: RawText,
    /// Worries that waiting adds, in order, before the resident's own worry.
    #[serde(default)]
    pub overlaps: Vec<RawWorry>,
}

#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum RawAgeBand {
    Twenties,
    Thirties,
    Forties,
    Fifties,
    Sixties,
    Seventies,
    Eighties,
    Nineties,
}

#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum RawHousehold {
    LivingAlone,
    Couple,
    ElderlyCouple,
    SingleParent,
    YoungCarer,
    Household8050,
    WithFamily,
    MultiGeneration,
    SharedHouse,
}

#[derive(Debug, Deserialize, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RawWorry {
    Money,
    Health,
    Living,
    Relationships,
}

/// A need: any connection helping a worry category, or one with a speciality tag.
#[derive(Debug, Deserialize, Clone)]
pub(crate) enum RawNeed {
    Worry(RawWorry),
    Tag(String),
}

/// `connections.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Connections")]
pub(crate) struct RawConnections {
    pub specialities: Vec<RawSpeciality>,
    pub connections: Vec<RawConnection>,
}

/// A speciality tag that connections offer and residents may need.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Speciality")]
pub(crate) struct RawSpeciality {
    pub id: String,
    pub name: RawText,
}

/// One connection card: a person or resource in the town.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Connection")]
pub(crate) struct RawConnection {
    pub id: String,
    pub name: RawText,
    pub kind: RawConnectionKind,
    #[serde(default)]
    pub specialities: Vec<String>,
    pub helps: Vec<RawWorry>,
    pub description: RawText,
    /// How many copies go into the deck (0: only an event brings it into play).
    #[serde(default = "one_i64")]
    pub copies: i64,
}

#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum RawConnectionKind {
    Public,
    Informal,
}

/// `roles.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Roles")]
pub(crate) struct RawRoles {
    pub roles: Vec<RawRole>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Role")]
pub(crate) struct RawRole {
    pub id: String,
    pub name: RawText,
    /// One sentence explaining the ability, shown at setup.
    pub ability_text: RawText,
    #[serde(default)]
    pub flavour: RawText,
    pub abilities: Vec<RawAbility>,
}

/// Ability kinds roles are composed from.
#[derive(Debug, Deserialize, Clone, Copy)]
pub(crate) enum RawAbility {
    /// This many listens per turn cost no action.
    FreeListens(i64),
    /// When prescribing, one need of this worry category is waived.
    WaiveNeed(RawWorry),
    /// Hand limit raised by this many.
    ExtraHandLimit(i64),
    /// Connect may also take one of the top N connection-deck cards.
    ConnectPeek(i64),
    /// Residents arriving in the seat's chosen home district arrive revealed.
    HomeDistrictReveal,
    /// This many extra actions every turn.
    ExtraActions(i64),
}

/// `events.ron`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Events")]
pub(crate) struct RawEvents {
    pub events: Vec<RawEvent>,
}

/// An event card, shuffled into the resident deck.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Event")]
pub(crate) struct RawEvent {
    pub id: String,
    pub name: RawText,
    pub text: RawText,
    #[serde(default = "one_i64")]
    pub copies: i64,
    pub effects: Vec<RawEffect>,
}

/// Which district an effect targets.
#[derive(Debug, Deserialize, Clone)]
pub(crate) enum RawDistrictPick {
    Named(String),
    Random,
    MostLoaded,
}

/// Where extra arrivals go.
#[derive(Debug, Deserialize, Clone)]
pub(crate) enum RawPlace {
    Everywhere,
    District(RawDistrictPick),
}

/// Composable event effects.
#[derive(Debug, Deserialize, Clone)]
pub(crate) enum RawEffect {
    /// `count` extra residents arrive in each chosen district.
    Arrivals { place: RawPlace, count: i64 },
    /// Every hidden resident gains one more need of its own worry.
    HiddenGainNeed,
    /// All residents of the district are revealed.
    RevealDistrict(RawDistrictPick),
    /// A connection kept out of the deck (`copies: 0`) joins the offer row.
    AddConnection(String),
    /// `n` random connection cards held in hands leave the game.
    LoseConnection(i64),
}

/// `ideas.ron`: local resources the team can found during the game.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Ideas")]
pub(crate) struct RawIdeas {
    pub ideas: Vec<RawIdea>,
}

/// A resource idea: once founded, it is a connection card for the rest of the game.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[serde(rename = "Idea")]
pub(crate) struct RawIdea {
    pub id: String,
    pub name: RawText,
    #[serde(default = "informal")]
    pub kind: RawConnectionKind,
    #[serde(default)]
    pub specialities: Vec<String>,
    pub helps: Vec<RawWorry>,
    pub description: RawText,
    /// Actions, from any seats over any turns, that found it.
    pub cost: i64,
}

fn informal() -> RawConnectionKind {
    RawConnectionKind::Informal
}
