//! Typed, validated scenario content. Values here are always consistent:
//! every reference points at an existing item and every number is in range.

use serde::{Deserialize, Serialize};

use super::ids::{ConnectionId, DistrictId, EventId, ResidentId, RoleId, SpecialityId};
use super::text::Text;

/// A resident's hidden worry category.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Worry {
    Money,
    Health,
    Living,
    Relationships,
}

impl Worry {
    /// All categories, in display order.
    pub const ALL: [Worry; 4] = [
        Worry::Money,
        Worry::Health,
        Worry::Living,
        Worry::Relationships,
    ];

    /// Short label in the given language.
    pub fn label(self, lang: &str) -> &'static str {
        let ja = lang == "ja";
        match self {
            Worry::Money if ja => "お金",
            Worry::Money => "money",
            Worry::Health if ja => "健康",
            Worry::Health => "health",
            Worry::Living if ja => "住まい・生活",
            Worry::Living => "housing & daily life",
            Worry::Relationships if ja => "人間関係",
            Worry::Relationships => "relationships",
        }
    }

    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// What a resident needs before it can be resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Need {
    /// Any connection that helps this worry category.
    Worry(Worry),
    /// A connection with this speciality.
    Speciality(SpecialityId),
}

/// A set of needs folded into bit masks, to test "does this card meet any of
/// them?" in one step.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct NeedSignature {
    worries: u8,
    specialities: u64,
    /// Some speciality id is 64 or above: fall back to testing each need.
    wide: bool,
}

impl NeedSignature {
    pub fn of(needs: &[Need]) -> Self {
        let mut sig = Self::default();
        for n in needs {
            match n {
                Need::Worry(w) => sig.worries |= w.bit(),
                Need::Speciality(s) if s.index() < 64 => sig.specialities |= 1 << s.index(),
                Need::Speciality(_) => sig.wide = true,
            }
        }
        sig
    }
}

/// Age band printed on a resident's front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum AgeBand {
    Twenties,
    Thirties,
    Forties,
    Fifties,
    Sixties,
    Seventies,
    Eighties,
    Nineties,
}

impl AgeBand {
    /// Decade of life, e.g. 40 for the forties.
    pub fn decade(self) -> u8 {
        20 + 10 * self as u8
    }
}

/// Household type printed on a resident's front.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Household {
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

/// Fill pattern of a district, so the map reads without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pattern {
    Plain,
    Dots,
    Stripes,
    Grid,
    Waves,
    Checks,
    Diagonal,
}

/// Parameters of a game, after the difficulty preset is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Params {
    pub actions_per_turn: u8,
    pub hand_limit: u8,
    pub starting_hand: u8,
    pub offer_size: u8,
    pub initial_residents_per_district: u8,
    pub escalate_after_years: u8,
    pub collapse_threshold: u8,
    pub max_events_per_turn: u8,
    /// Actions to pass a hand card to another seat (`None`: no passing).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass_cost: Option<u8>,
    /// Actions for a case conference (`None`: no conferences).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conference_cost: Option<u8>,
    /// Year ends until a resident tied only to public services drifts back
    /// (`None`: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relapse_after_years: Option<u8>,
    /// How close to its limit a district sends new arrivals to its calmest
    /// neighbour (`None`: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub spill_over: Option<u8>,
}

impl Params {
    /// Whether any link-work rule (passing, conferences, drifting back,
    /// spill-over) is on.
    pub fn link_work(&self) -> bool {
        self.pass_cost.is_some()
            || self.conference_cost.is_some()
            || self.relapse_after_years.is_some()
            || self.spill_over.is_some()
    }
}

/// What raises the coping track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Progress {
    /// One step per connected resident.
    #[default]
    Residents,
    /// One step per tie (each card of a prescription), as the report counts.
    Ties,
}

/// A team bonus unlocked on the coping-skill track.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Bonus {
    HandLimit(u8),
    ActionsPerTurn(u8),
    FreeListens(u8),
    ListenExtraReveal,
}

/// A coping-skill threshold.
#[derive(Debug, Clone, PartialEq)]
pub struct Unlock {
    pub at: u16,
    pub bonus: Bonus,
    pub text: Text,
}

/// A difficulty preset.
#[derive(Debug, Clone, PartialEq)]
pub struct Difficulty {
    pub id: String,
    pub name: Text,
    pub description: Text,
    pub params: Params,
}

/// A district of the town.
#[derive(Debug, Clone, PartialEq)]
pub struct District {
    pub key: String,
    pub name: Text,
    pub position: (f32, f32),
    pub outline: Vec<(f32, f32)>,
    pub colour: [u8; 3],
    pub pattern: Pattern,
    pub symbol: String,
    pub neighbours: Vec<DistrictId>,
}

/// A resident card.
#[derive(Debug, Clone, PartialEq)]
pub struct Resident {
    pub key: String,
    pub district: DistrictId,
    pub name: Text,
    pub age: AgeBand,
    pub household: Household,
    pub notice: Text,
    pub worry: Worry,
    pub worry_text: Text,
    pub needs: Vec<Need>,
    /// Visits on different turns, after listening, before the resident
    /// accepts a prescription (a case conference needs none).
    pub trust: u8,
    /// Turns down the first offer of help.
    pub refuses_first: bool,
    /// Who referred the resident (a clinic kind): arrives with the worry known.
    pub referred_by: Option<Text>,
    /// Worries waiting adds, in order, before the resident's own worry.
    pub overlaps: Vec<Worry>,
}

impl Resident {
    /// Whether the card uses any link-work field.
    pub fn link_work(&self) -> bool {
        self.trust > 0
            || self.refuses_first
            || self.referred_by.is_some()
            || !self.overlaps.is_empty()
    }
}

/// A speciality tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Speciality {
    pub key: String,
    pub name: Text,
}

/// Public service or informal support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConnectionKind {
    Public,
    Informal,
}

/// One physical connection card.
#[derive(Debug, Clone, PartialEq)]
pub struct Connection {
    /// The design's id (copies share it).
    pub key: String,
    pub name: Text,
    pub kind: ConnectionKind,
    pub specialities: Vec<SpecialityId>,
    pub helps: Vec<Worry>,
    pub description: Text,
    /// False for cards that only an event brings into play.
    pub in_deck: bool,
    /// A resource idea: the actions that found it. Ideas wait in the reserve
    /// until founded, then join the offer row.
    pub idea_cost: Option<u8>,
    pub(crate) helps_bits: u8,
    /// Bit `i` set when the card has speciality `i` (for ids below 64).
    pub(crate) speciality_bits: u64,
}

impl Connection {
    /// Whether this card can meet any of `needs`, whose signature is `sig`.
    pub fn meets_any(&self, sig: &NeedSignature, needs: &[Need]) -> bool {
        if sig.wide {
            return needs.iter().any(|n| self.meets(*n));
        }
        self.helps_bits & sig.worries != 0 || self.speciality_bits & sig.specialities != 0
    }

    /// Whether this card can meet `need`.
    pub fn meets(&self, need: Need) -> bool {
        match need {
            Need::Worry(w) => self.helps_bits & w.bit() != 0,
            Need::Speciality(s) if s.index() < 64 => self.speciality_bits & (1 << s.index()) != 0,
            Need::Speciality(s) => self.specialities.contains(&s),
        }
    }
}

/// Ability kinds a role is composed from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Ability {
    FreeListens(u8),
    WaiveNeed(Worry),
    ExtraHandLimit(u8),
    ConnectPeek(u8),
    HomeDistrictReveal,
    ExtraActions(u8),
}

/// A role a seat plays.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub key: String,
    pub name: Text,
    pub ability_text: Text,
    pub flavour: Text,
    pub abilities: Vec<Ability>,
}

impl Role {
    /// Whether the role needs a home district chosen at setup.
    pub fn needs_home_district(&self) -> bool {
        self.abilities.contains(&Ability::HomeDistrictReveal)
    }
}

/// Which district an event targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DistrictPick {
    Named(DistrictId),
    Random,
    MostLoaded,
}

/// Where event arrivals go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Place {
    Everywhere,
    District(DistrictPick),
}

/// One effect of an event card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Effect {
    Arrivals { place: Place, count: u8 },
    HiddenGainNeed,
    RevealDistrict(DistrictPick),
    AddConnection(ConnectionId),
    LoseConnection(u8),
}

/// One physical event card.
#[derive(Debug, Clone, PartialEq)]
pub struct EventCard {
    pub key: String,
    pub name: Text,
    pub text: Text,
    pub effects: Vec<Effect>,
}

/// A whole validated scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Content {
    pub(crate) id: String,
    pub(crate) version: u32,
    pub(crate) title: Text,
    pub(crate) description: Text,
    pub(crate) languages: Vec<String>,
    pub(crate) start_year: i32,
    pub(crate) end_year: i32,
    pub(crate) coping_track: Vec<Unlock>,
    pub(crate) difficulties: Vec<Difficulty>,
    pub(crate) default_difficulty: usize,
    pub(crate) default_roles: Vec<RoleId>,
    pub(crate) debrief_questions: Vec<Text>,
    pub(crate) districts: Vec<District>,
    pub(crate) residents: Vec<Resident>,
    pub(crate) specialities: Vec<Speciality>,
    pub(crate) connections: Vec<Connection>,
    pub(crate) roles: Vec<Role>,
    pub(crate) events: Vec<EventCard>,
    pub(crate) progress: Progress,
    /// Whether the deck uses any rule of link work, worked out once when
    /// the deck is validated (the rules ask it on every digest).
    pub(crate) link_work: bool,
    pub(crate) hash: String,
}

impl Content {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn version(&self) -> u32 {
        self.version
    }
    pub fn title(&self) -> &Text {
        &self.title
    }
    pub fn description(&self) -> &Text {
        &self.description
    }
    pub fn languages(&self) -> &[String] {
        &self.languages
    }
    pub fn start_year(&self) -> i32 {
        self.start_year
    }
    pub fn end_year(&self) -> i32 {
        self.end_year
    }
    pub fn coping_track(&self) -> &[Unlock] {
        &self.coping_track
    }
    pub fn difficulties(&self) -> &[Difficulty] {
        &self.difficulties
    }
    /// The preset used when none is named.
    pub fn default_difficulty(&self) -> &Difficulty {
        &self.difficulties[self.default_difficulty]
    }
    /// The preset with this id.
    pub fn difficulty(&self, id: &str) -> Option<&Difficulty> {
        self.difficulties.iter().find(|d| d.id == id)
    }
    /// Suggested role for each seat, in seat order.
    pub fn default_roles(&self) -> &[RoleId] {
        &self.default_roles
    }
    pub fn debrief_questions(&self) -> &[Text] {
        &self.debrief_questions
    }
    pub fn districts(&self) -> &[District] {
        &self.districts
    }
    pub fn district(&self, id: DistrictId) -> &District {
        &self.districts[id.index()]
    }
    pub fn district_by_key(&self, key: &str) -> Option<DistrictId> {
        position(self.districts.iter().map(|d| d.key.as_str()), key).map(DistrictId::from_index)
    }
    pub fn residents(&self) -> &[Resident] {
        &self.residents
    }
    pub fn resident(&self, id: ResidentId) -> &Resident {
        &self.residents[id.index()]
    }
    pub fn resident_by_key(&self, key: &str) -> Option<ResidentId> {
        position(self.residents.iter().map(|r| r.key.as_str()), key).map(ResidentId::from_index)
    }
    pub fn specialities(&self) -> &[Speciality] {
        &self.specialities
    }
    pub fn speciality(&self, id: SpecialityId) -> &Speciality {
        &self.specialities[id.index()]
    }
    pub fn connections(&self) -> &[Connection] {
        &self.connections
    }
    pub fn connection(&self, id: ConnectionId) -> &Connection {
        &self.connections[id.index()]
    }
    pub fn roles(&self) -> &[Role] {
        &self.roles
    }
    pub fn role(&self, id: RoleId) -> &Role {
        &self.roles[id.index()]
    }
    pub fn role_by_key(&self, key: &str) -> Option<RoleId> {
        position(self.roles.iter().map(|r| r.key.as_str()), key).map(RoleId::from_index)
    }
    pub fn events(&self) -> &[EventCard] {
        &self.events
    }
    pub fn event(&self, id: EventId) -> &EventCard {
        &self.events[id.index()]
    }
    /// What raises the coping track.
    pub fn progress(&self) -> Progress {
        self.progress
    }
    /// The resource ideas: reserve cards the team can found.
    pub fn ideas(&self) -> impl Iterator<Item = ConnectionId> + '_ {
        self.connections
            .iter()
            .enumerate()
            .filter(|(_, c)| c.idea_cost.is_some())
            .map(|(i, _)| ConnectionId::from_index(i))
    }
    /// Whether the deck uses any rule of link work beyond the first
    /// edition's: a deck that does not plays exactly as it always did.
    pub fn link_work(&self) -> bool {
        self.link_work
    }

    /// Works out [`Content::link_work`] from the deck's data.
    pub(crate) fn uses_link_work(&self) -> bool {
        self.progress != Progress::Residents
            || self.difficulties.iter().any(|d| d.params.link_work())
            || self.residents.iter().any(Resident::link_work)
            || self.connections.iter().any(|c| c.idea_cost.is_some())
    }
    /// Hex digest of the scenario's files; journals record it.
    pub fn content_hash(&self) -> &str {
        &self.hash
    }
}

fn position<'a>(mut keys: impl Iterator<Item = &'a str>, key: &str) -> Option<usize> {
    keys.position(|k| k == key)
}
