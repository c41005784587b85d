//! The game state and read-only queries on it. Only [`super::play`] changes it.

use std::sync::Arc;

use rand_chacha::ChaCha8Rng;

use super::setup::Setup;
use crate::content::{
    Ability, Bonus, ConnectionId, Content, DistrictId, EventId, Need, Params, ResidentId, RoleId,
};

/// A resident's needs, kept on the stack in the common case.
pub type Needs = smallvec::SmallVec<[Need; 8]>;

/// A card of the resident deck: a resident, or an event mixed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ResidentCard {
    Resident(ResidentId),
    Event(EventId),
}

/// Where a resident card is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ResidentPlace {
    Deck,
    Town(DistrictId),
    Connected,
}

/// A resident's state beyond its printed card.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ResidentState {
    pub(crate) place: ResidentPlace,
    pub(crate) revealed: bool,
    /// Every current need: the printed ones, then those gained in play.
    pub(crate) needs: Needs,
    /// How many of `needs` are printed on the card.
    pub(crate) printed: u8,
    pub(crate) year_ends_waited: u8,
    pub(crate) arrived: Option<i32>,
    /// Link work (all zero in a deck without it): visits made towards the
    /// card's trust, the turn of the last visit, whether the resident has
    /// already turned help down once, the ties of the current connection
    /// (informal among them), year ends since it was made, needs waiting
    /// added so far, and how often the resident drifted back.
    pub(crate) visits: u8,
    pub(crate) visited_turn: Option<u32>,
    pub(crate) refused: bool,
    pub(crate) ties: u8,
    pub(crate) informal_ties: u8,
    pub(crate) settled: u8,
    pub(crate) escalations: u8,
    pub(crate) drifted: u8,
}

impl ResidentState {
    pub fn place(&self) -> ResidentPlace {
        self.place
    }
    pub fn revealed(&self) -> bool {
        self.revealed
    }
    /// Needs gained in play (escalation, events), after the printed ones.
    pub fn extra_needs(&self) -> &[Need] {
        &self.needs[usize::from(self.printed)..]
    }
    /// Year ends this resident has waited unresolved.
    pub fn year_ends_waited(&self) -> u8 {
        self.year_ends_waited
    }
    /// The year the resident arrived in the town.
    pub fn arrived(&self) -> Option<i32> {
        self.arrived
    }
    /// Visits made towards the card's trust.
    pub fn visits(&self) -> u8 {
        self.visits
    }
    /// Whether the resident has turned help down once already.
    pub fn refused(&self) -> bool {
        self.refused
    }
    /// Ties of the current connection (0 while waiting).
    pub fn ties(&self) -> u8 {
        self.ties
    }
    /// Informal ties among [`Self::ties`].
    pub fn informal_ties(&self) -> u8 {
        self.informal_ties
    }
    /// Times the resident drifted back into isolation.
    pub fn drifted(&self) -> u8 {
        self.drifted
    }
}

/// A seat as the rules see it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Seat {
    pub(crate) role: RoleId,
    pub(crate) home: Option<DistrictId>,
}

impl Seat {
    pub fn role(&self) -> RoleId {
        self.role
    }
    pub fn home(&self) -> Option<DistrictId> {
        self.home
    }
}

/// How the game ended.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Outcome {
    Collapsed {
        year: i32,
        district: DistrictId,
        residents: Vec<ResidentId>,
    },
    Survived {
        connected: usize,
    },
    /// The facilitator ended the game in `year`, before the rules did.
    EndedEarly {
        year: i32,
        connected: usize,
    },
}

/// A game in progress (or finished). Cloneable and cheap to query.
#[derive(Debug, Clone)]
pub struct Game {
    pub(crate) content: Arc<Content>,
    pub(crate) setup: Setup,
    pub(crate) params: Params,
    pub(crate) seats: Vec<Seat>,
    pub(crate) rng: ChaCha8Rng,
    pub(crate) year: i32,
    pub(crate) turn_seat: usize,
    pub(crate) actions_left: u8,
    pub(crate) free_listens_left: u8,
    pub(crate) over_limit: bool,
    pub(crate) outcome: Option<Outcome>,
    /// Resident deck; the top card is the last element.
    pub(crate) resident_deck: Vec<ResidentCard>,
    pub(crate) residents: Vec<ResidentState>,
    /// Unresolved residents per district, in arrival order.
    pub(crate) town: Vec<Vec<ResidentId>>,
    pub(crate) connected: Vec<ResidentId>,
    pub(crate) used_events: Vec<EventId>,
    /// Connection deck; the top card is the last element.
    pub(crate) conn_deck: Vec<ConnectionId>,
    pub(crate) discard: Vec<ConnectionId>,
    pub(crate) offer: Vec<ConnectionId>,
    pub(crate) hands: Vec<Vec<ConnectionId>>,
    pub(crate) reserve: Vec<ConnectionId>,
    pub(crate) removed: Vec<ConnectionId>,
    pub(crate) coping: u16,
    pub(crate) last_undoable: bool,
    pub(crate) actions_taken: u32,
    pub(crate) opening: Vec<super::Event>,
    /// Needs gained since the last year end, for the next `YearEnded` event.
    pub(crate) year_growth: Vec<super::event::NeedGrowth>,
    /// Turns started so far (a visit counts once per turn).
    pub(crate) turn_no: u32,
    /// Actions put towards each resource idea not yet founded, by card.
    pub(crate) idea_progress: Vec<(ConnectionId, u8)>,
    /// Resource ideas founded, in order.
    pub(crate) founded: Vec<ConnectionId>,
}

impl Game {
    pub fn content(&self) -> &Arc<Content> {
        &self.content
    }
    pub fn setup(&self) -> &Setup {
        &self.setup
    }
    /// Parameters after the difficulty preset.
    pub fn params(&self) -> &Params {
        &self.params
    }
    pub fn seats(&self) -> &[Seat] {
        &self.seats
    }
    pub fn year(&self) -> i32 {
        self.year
    }
    /// Whose turn it is.
    pub fn current_seat(&self) -> usize {
        self.turn_seat
    }
    pub fn actions_left(&self) -> u8 {
        self.actions_left
    }
    pub fn free_listens_left(&self) -> u8 {
        self.free_listens_left
    }
    /// True while the current seat must release a card.
    pub fn must_release(&self) -> bool {
        self.over_limit
    }
    pub fn outcome(&self) -> Option<&Outcome> {
        self.outcome.as_ref()
    }
    pub fn is_over(&self) -> bool {
        self.outcome.is_some()
    }
    pub fn resident_state(&self, id: ResidentId) -> &ResidentState {
        &self.residents[id.index()]
    }
    /// Unresolved residents in a district, in arrival order.
    pub fn district_residents(&self, d: DistrictId) -> &[ResidentId] {
        &self.town[d.index()]
    }
    pub fn connected_residents(&self) -> &[ResidentId] {
        &self.connected
    }
    pub fn resident_deck_len(&self) -> usize {
        self.resident_deck.len()
    }
    /// The resident deck, top card last. Hidden information: for audits and tests.
    pub fn resident_deck(&self) -> &[ResidentCard] {
        &self.resident_deck
    }
    /// The connection deck, top card last. Hidden information: for audits and tests.
    pub fn connection_deck(&self) -> &[ConnectionId] {
        &self.conn_deck
    }
    /// Event cards already resolved.
    pub fn used_events(&self) -> &[EventId] {
        &self.used_events
    }
    pub fn connection_deck_len(&self) -> usize {
        self.conn_deck.len()
    }
    pub fn discard(&self) -> &[ConnectionId] {
        &self.discard
    }
    pub fn offer(&self) -> &[ConnectionId] {
        &self.offer
    }
    pub fn hand(&self, seat: usize) -> &[ConnectionId] {
        &self.hands[seat]
    }
    pub fn removed_connections(&self) -> &[ConnectionId] {
        &self.removed
    }
    pub fn reserve_connections(&self) -> &[ConnectionId] {
        &self.reserve
    }
    pub fn coping(&self) -> u16 {
        self.coping
    }
    /// Number of accepted actions so far.
    pub fn actions_taken(&self) -> u32 {
        self.actions_taken
    }
    /// Events of the setup and the first arrival.
    pub fn opening_events(&self) -> &[super::Event] {
        &self.opening
    }

    /// All needs of a resident: printed, then gained.
    pub fn needs(&self, id: ResidentId) -> impl Iterator<Item = Need> + '_ {
        self.residents[id.index()].needs.iter().copied()
    }

    /// Needs left once the seat's role waives what it can. A waiver never
    /// removes a resident's last need: at least one card is always played.
    pub fn needs_for(&self, seat: usize, id: ResidentId) -> (Needs, Option<Need>) {
        self.needs_waiving(id, self.waiver(seat))
    }

    /// The worry category a seat's role waives one need of, if any.
    pub fn waiver(&self, seat: usize) -> Option<crate::content::Worry> {
        self.role_abilities(seat).find_map(|a| match a {
            Ability::WaiveNeed(w) => Some(w),
            _ => None,
        })
    }

    /// A resident's needs with one need of `waiver`'s category removed
    /// (never the last need), and the need waived.
    pub fn needs_waiving(
        &self,
        id: ResidentId,
        waiver: Option<crate::content::Worry>,
    ) -> (Needs, Option<Need>) {
        let mut needs = self.residents[id.index()].needs.clone();
        if let Some(w) = waiver
            && needs.len() >= 2
            && let Some(i) = needs.iter().position(|n| *n == Need::Worry(w))
        {
            let waived = needs.remove(i);
            return (needs, Some(waived));
        }
        (needs, None)
    }

    pub(crate) fn role_abilities(&self, seat: usize) -> impl Iterator<Item = Ability> + '_ {
        self.content
            .role(self.seats[seat].role)
            .abilities
            .iter()
            .copied()
    }

    fn unlocked(&self) -> impl Iterator<Item = Bonus> + '_ {
        self.content
            .coping_track()
            .iter()
            .take_while(|u| u.at <= self.coping)
            .map(|u| u.bonus)
    }

    /// The next coping-track unlock, if any.
    pub fn next_unlock(&self) -> Option<&crate::content::Unlock> {
        self.content
            .coping_track()
            .iter()
            .find(|u| u.at > self.coping)
    }

    /// Current hand limit of a seat. Validation bounds the sum; the
    /// arithmetic saturates anyway, so no deck can make it overflow.
    pub fn hand_limit(&self, seat: usize) -> u8 {
        let role = self.role_abilities(seat).map(|a| match a {
            Ability::ExtraHandLimit(n) => n,
            _ => 0,
        });
        let team = self.unlocked().map(|b| match b {
            Bonus::HandLimit(n) => n,
            _ => 0,
        });
        role.chain(team)
            .fold(self.params.hand_limit, u8::saturating_add)
    }

    /// Actions and free listens of a seat's turn (saturating, as above).
    pub(crate) fn turn_allowance(&self, seat: usize) -> (u8, u8) {
        let mut actions = self.params.actions_per_turn;
        let mut free: u8 = 0;
        for a in self.role_abilities(seat) {
            match a {
                Ability::ExtraActions(n) => actions = actions.saturating_add(n),
                Ability::FreeListens(n) => free = free.saturating_add(n),
                _ => {}
            }
        }
        for b in self.unlocked() {
            match b {
                Bonus::ActionsPerTurn(n) => actions = actions.saturating_add(n),
                Bonus::FreeListens(n) => free = free.saturating_add(n),
                _ => {}
            }
        }
        (actions, free)
    }

    pub(crate) fn extra_reveal(&self) -> bool {
        self.unlocked().any(|b| b == Bonus::ListenExtraReveal)
    }

    /// How many top deck cards a seat may take with Connect, besides the offer row.
    pub fn peek(&self, seat: usize) -> usize {
        self.role_abilities(seat)
            .map(|a| match a {
                Ability::ConnectPeek(n) => usize::from(n),
                _ => 0,
            })
            .sum::<usize>()
            .min(self.conn_deck.len())
    }

    /// The deck cards a seat may take with Connect besides the offer row (top first).
    pub fn peeked_cards(&self, seat: usize) -> impl Iterator<Item = ConnectionId> + '_ {
        self.conn_deck.iter().rev().take(self.peek(seat)).copied()
    }

    /// Whether players may undo the last action: it revealed nothing and drew nothing.
    pub fn can_undo(&self) -> bool {
        self.last_undoable
    }

    /// Unresolved residents per district.
    pub fn loads(&self) -> Vec<usize> {
        self.town.iter().map(Vec::len).collect()
    }

    /// A district with this many residents waiting at a year end makes the
    /// town collapse (see [`super::pressure`]).
    pub fn collapse_threshold(&self) -> usize {
        usize::from(self.params.collapse_threshold)
    }

    /// Whether `load` residents waiting in one district at a year end make
    /// the town collapse.
    pub fn collapses(&self, load: usize) -> bool {
        super::pressure::collapses(load, self.collapse_threshold())
    }

    /// Visits a resident still needs before accepting a prescription.
    pub fn trust_left(&self, id: ResidentId) -> u8 {
        self.content
            .resident(id)
            .trust
            .saturating_sub(self.residents[id.index()].visits)
    }

    /// Whether the resident will turn the next offer of help down.
    pub fn will_refuse(&self, id: ResidentId) -> bool {
        self.content.resident(id).refuses_first && !self.residents[id.index()].refused
    }

    /// Actions put towards founding a resource idea (0 once founded or never begun).
    pub fn idea_progress(&self, idea: ConnectionId) -> u8 {
        self.idea_progress
            .iter()
            .find(|(c, _)| *c == idea)
            .map_or(0, |(_, n)| *n)
    }

    /// Resource ideas the team founded, in order.
    pub fn founded(&self) -> &[ConnectionId] {
        &self.founded
    }

    /// Resource ideas still to be founded, in deck order.
    pub fn open_ideas(&self) -> impl Iterator<Item = ConnectionId> + '_ {
        self.content.ideas().filter(|c| self.reserve.contains(c))
    }

    /// Ties of every resident connected now.
    pub fn ties_total(&self) -> u32 {
        self.connected
            .iter()
            .map(|r| u32::from(self.residents[r.index()].ties))
            .sum()
    }

    /// Turns started so far.
    pub fn turn_number(&self) -> u32 {
        self.turn_no
    }

    /// A stable digest of the whole state, for tests and resume checks.
    pub fn state_hash(&self) -> String {
        super::hash::state_hash(self, super::hash::HashVersion::V2)
    }

    /// The digest session files of format 1 recorded (it leaves out the
    /// difficulty's parameters): for verifying those files only.
    pub fn state_hash_v1(&self) -> String {
        super::hash::state_hash(self, super::hash::HashVersion::V1)
    }
}
