//! Events: the record of everything that happened, in order.

use serde::{Deserialize, Serialize};

use crate::content::{ConnectionId, DistrictId, EventId, Need, ResidentId};

/// Why a resident's worry became known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum RevealCause {
    /// A seat listened.
    Listen,
    /// The coping track's extra reveal after a listen.
    ExtraReveal,
    /// An event card revealed the district.
    Event,
    /// The resident arrived in a role's home district.
    HomeDistrict,
    /// A clinic referred the resident: the worry is known from the doctor.
    Referral,
}

/// Where a connected card came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ConnectSource {
    Offer,
    DeckTop,
}

/// Why a resident gained a need.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NeedCause {
    /// Unresolved through too many year ends: isolation deepens.
    Escalation,
    /// An event card.
    Event,
}

/// A need a resident gained during a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct NeedGrowth {
    pub resident: ResidentId,
    pub need: Need,
    pub cause: NeedCause,
}

/// Something that happened in the game.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    TurnStarted {
        year: i32,
        seat: usize,
        actions: u8,
    },
    ResidentArrived {
        resident: ResidentId,
        district: DistrictId,
    },
    EventDrawn {
        event: EventId,
    },
    /// A second event in one turn goes to the bottom of the resident deck.
    EventDeferred {
        event: EventId,
    },
    ResidentDeckEmpty,
    Listened {
        seat: usize,
        resident: ResidentId,
        free: bool,
    },
    Revealed {
        resident: ResidentId,
        cause: RevealCause,
    },
    Connected {
        seat: usize,
        card: ConnectionId,
        source: ConnectSource,
    },
    OfferRefilled {
        card: ConnectionId,
    },
    ConnectionDeckReshuffled {
        cards: usize,
    },
    HandOverLimit {
        seat: usize,
        limit: u8,
    },
    Released {
        seat: usize,
        card: ConnectionId,
    },
    Prescribed {
        seat: usize,
        resident: ResidentId,
        cards: Vec<ConnectionId>,
        waived: Option<Need>,
        /// The need each card met, in card order: the resident's needs at
        /// that moment (they change again if the resident drifts back).
        #[serde(default)]
        met: Vec<Need>,
    },
    CopingRaised {
        level: u16,
    },
    BonusUnlocked {
        at: u16,
    },
    NeedGained {
        resident: ResidentId,
        need: Need,
        cause: NeedCause,
    },
    ConnectionAdded {
        card: ConnectionId,
    },
    ConnectionLost {
        seat: usize,
        card: ConnectionId,
    },
    TurnEnded {
        seat: usize,
    },
    /// 寄り添う: a seat visited a resident who needs trust.
    Visited {
        seat: usize,
        resident: ResidentId,
        /// Visits so far, and how many the card asks for.
        visits: u8,
        needed: u8,
    },
    /// The resident turned down this first offer of help; the cards stay in hand.
    Refused {
        seat: usize,
        resident: ResidentId,
    },
    Passed {
        from: usize,
        to: usize,
        card: ConnectionId,
    },
    /// A case conference pooled these seats' cards (seat order) for the
    /// resident; the `Prescribed` event that follows lists the cards.
    ConferenceHeld {
        seat: usize,
        resident: ResidentId,
        seats: Vec<usize>,
    },
    /// The ties a connected resident was given: every card, and how many of
    /// them are informal.
    Tied {
        resident: ResidentId,
        ties: u8,
        informal: u8,
    },
    /// A seat put an action towards founding a resource idea.
    Invested {
        seat: usize,
        idea: ConnectionId,
        progress: u8,
        cost: u8,
    },
    /// The resource idea is founded: it joins the offer row for the rest of the game.
    ResourceFounded {
        idea: ConnectionId,
    },
    /// A resident tied only to public services drifted back into isolation
    /// and waits in the district again.
    DriftedBack {
        resident: ResidentId,
        district: DistrictId,
    },
    /// A resident bound for a district near its limit arrived in a calmer
    /// neighbour instead (the `ResidentArrived` that follows names it).
    SpilledOver {
        resident: ResidentId,
        from: DistrictId,
        to: DistrictId,
    },
    /// A year ended. Carries what a year-end summary shows, as it stood at
    /// that moment: residents waiting per district (map order, after the
    /// escalations, before any collapse and the next year's first arrival)
    /// and every need gained during the year, in order.
    YearEnded {
        year: i32,
        loads: Vec<usize>,
        grew: Vec<NeedGrowth>,
    },
    TownCollapsed {
        year: i32,
        district: DistrictId,
        residents: Vec<ResidentId>,
    },
    TownSurvived {
        year: i32,
        connected: usize,
    },
    /// The facilitator ended the game before the rules did.
    GameEndedEarly {
        year: i32,
        connected: usize,
    },
}
