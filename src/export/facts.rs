//! The facts of one engine event, flattened for the CSV rows and the JSON
//! log: its kind as a stable key, and the seat, residents, district, cards,
//! need, event card and number it mentions.

use crate::content::{ConnectionId, Content, DistrictId, EventId, Need, ResidentId, Worry};
use crate::rules::{ConnectSource, Event, NeedCause, RevealCause};

/// What an event mentions.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Facts {
    /// A stable, language-neutral key: `listened`, `prescribed`, `year_ended`…
    pub kind: &'static str,
    pub seat: Option<usize>,
    pub residents: Vec<ResidentId>,
    pub district: Option<DistrictId>,
    pub cards: Vec<ConnectionId>,
    pub need: Option<Need>,
    pub event: Option<EventId>,
    pub year: Option<i32>,
    /// A count the event carries (actions, cards reshuffled, hand limit,
    /// coping level, residents connected).
    pub count: Option<u64>,
    /// How it came about: a reveal's or a need's cause, where a card came
    /// from, whether a listen was free.
    pub detail: Option<&'static str>,
}

/// The facts of `event`; residents' districts come from `home` (where each
/// arrived), else from the deck.
pub(super) fn facts(event: &Event, content: &Content, home: &[Option<DistrictId>]) -> Facts {
    let district_of = |r: ResidentId| {
        home.get(r.index())
            .copied()
            .flatten()
            .or(Some(content.resident(r).district))
    };
    let resident = |r: ResidentId| (vec![r], district_of(r));
    match event {
        Event::TurnStarted {
            year,
            seat,
            actions,
        } => Facts {
            kind: "turn_started",
            seat: Some(*seat),
            year: Some(*year),
            count: Some(u64::from(*actions)),
            ..Facts::default()
        },
        Event::ResidentArrived { resident, district } => Facts {
            kind: "resident_arrived",
            residents: vec![*resident],
            district: Some(*district),
            ..Facts::default()
        },
        Event::EventDrawn { event } => Facts {
            kind: "event_drawn",
            event: Some(*event),
            ..Facts::default()
        },
        Event::EventDeferred { event } => Facts {
            kind: "event_deferred",
            event: Some(*event),
            ..Facts::default()
        },
        Event::ResidentDeckEmpty => Facts {
            kind: "resident_deck_empty",
            ..Facts::default()
        },
        Event::Listened {
            seat,
            resident: r,
            free,
        } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "listened",
                seat: Some(*seat),
                residents,
                district,
                detail: free.then_some("free"),
                ..Facts::default()
            }
        }
        Event::Revealed { resident: r, cause } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "revealed",
                residents,
                district,
                detail: Some(match cause {
                    RevealCause::Listen => "listen",
                    RevealCause::ExtraReveal => "extra_reveal",
                    RevealCause::Event => "event",
                    RevealCause::HomeDistrict => "home_district",
                    RevealCause::Referral => "referral",
                }),
                ..Facts::default()
            }
        }
        Event::Connected { seat, card, source } => Facts {
            kind: "connected",
            seat: Some(*seat),
            cards: vec![*card],
            detail: Some(match source {
                ConnectSource::Offer => "offer",
                ConnectSource::DeckTop => "deck_top",
            }),
            ..Facts::default()
        },
        Event::OfferRefilled { card } => Facts {
            kind: "offer_refilled",
            cards: vec![*card],
            ..Facts::default()
        },
        Event::ConnectionDeckReshuffled { cards } => Facts {
            kind: "connection_deck_reshuffled",
            count: Some(*cards as u64),
            ..Facts::default()
        },
        Event::HandOverLimit { seat, limit } => Facts {
            kind: "hand_over_limit",
            seat: Some(*seat),
            count: Some(u64::from(*limit)),
            ..Facts::default()
        },
        Event::Released { seat, card } => Facts {
            kind: "released",
            seat: Some(*seat),
            cards: vec![*card],
            ..Facts::default()
        },
        Event::Prescribed {
            seat,
            resident: r,
            cards,
            waived,
            ..
        } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "prescribed",
                seat: Some(*seat),
                residents,
                district,
                cards: cards.clone(),
                need: *waived,
                detail: waived.map(|_| "waived"),
                ..Facts::default()
            }
        }
        Event::CopingRaised { level } => Facts {
            kind: "coping_raised",
            count: Some(u64::from(*level)),
            ..Facts::default()
        },
        Event::BonusUnlocked { at } => Facts {
            kind: "bonus_unlocked",
            count: Some(u64::from(*at)),
            ..Facts::default()
        },
        Event::NeedGained {
            resident: r,
            need,
            cause,
        } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "need_gained",
                residents,
                district,
                need: Some(*need),
                detail: Some(match cause {
                    NeedCause::Escalation => "escalation",
                    NeedCause::Event => "event",
                }),
                ..Facts::default()
            }
        }
        Event::ConnectionAdded { card } => Facts {
            kind: "connection_added",
            cards: vec![*card],
            ..Facts::default()
        },
        Event::ConnectionLost { seat, card } => Facts {
            kind: "connection_lost",
            seat: Some(*seat),
            cards: vec![*card],
            ..Facts::default()
        },
        Event::TurnEnded { seat } => Facts {
            kind: "turn_ended",
            seat: Some(*seat),
            ..Facts::default()
        },
        Event::YearEnded { year, .. } => Facts {
            kind: "year_ended",
            year: Some(*year),
            ..Facts::default()
        },
        Event::GameEndedEarly { year, .. } => Facts {
            kind: "ended_early",
            year: Some(*year),
            ..Facts::default()
        },
        Event::TownCollapsed {
            year,
            district,
            residents,
        } => Facts {
            kind: "town_collapsed",
            year: Some(*year),
            district: Some(*district),
            residents: residents.clone(),
            ..Facts::default()
        },
        Event::TownSurvived { year, connected } => Facts {
            kind: "town_survived",
            year: Some(*year),
            count: Some(*connected as u64),
            ..Facts::default()
        },
        Event::Visited {
            seat,
            resident: r,
            visits,
            ..
        } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "visited",
                seat: Some(*seat),
                residents,
                district,
                count: Some(u64::from(*visits)),
                ..Facts::default()
            }
        }
        Event::Refused { seat, resident: r } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "refused",
                seat: Some(*seat),
                residents,
                district,
                ..Facts::default()
            }
        }
        Event::Passed { from, to, card } => Facts {
            kind: "passed",
            seat: Some(*from),
            cards: vec![*card],
            count: Some(*to as u64),
            ..Facts::default()
        },
        Event::ConferenceHeld {
            seat,
            resident: r,
            seats,
        } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "conference_held",
                seat: Some(*seat),
                residents,
                district,
                count: Some(seats.len() as u64),
                ..Facts::default()
            }
        }
        Event::Tied {
            resident: r,
            ties,
            informal,
        } => {
            let (residents, district) = resident(*r);
            Facts {
                kind: "tied",
                residents,
                district,
                count: Some(u64::from(*ties)),
                detail: Some(if *informal > 0 {
                    "informal"
                } else {
                    "public_only"
                }),
                ..Facts::default()
            }
        }
        Event::Invested {
            seat,
            idea,
            progress,
            ..
        } => Facts {
            kind: "invested",
            seat: Some(*seat),
            cards: vec![*idea],
            count: Some(u64::from(*progress)),
            ..Facts::default()
        },
        Event::ResourceFounded { idea } => Facts {
            kind: "resource_founded",
            cards: vec![*idea],
            ..Facts::default()
        },
        Event::DriftedBack {
            resident: r,
            district,
        } => Facts {
            kind: "drifted_back",
            residents: vec![*r],
            district: Some(*district),
            ..Facts::default()
        },
        Event::SpilledOver {
            resident: r,
            from,
            to,
        } => Facts {
            kind: "spilled_over",
            residents: vec![*r],
            district: Some(*to),
            detail: Some("from_neighbour"),
            count: Some(from.index() as u64),
            ..Facts::default()
        },
    }
}

/// A stable key for a worry: `money`, `health`, `living`, `relationships`.
pub(super) fn worry_key(w: Worry) -> &'static str {
    match w {
        Worry::Money => "money",
        Worry::Health => "health",
        Worry::Living => "living",
        Worry::Relationships => "relationships",
    }
}

/// A stable key for a need: `worry:money`, or `speciality:` and the deck's key.
pub(super) fn need_key(n: Need, content: &Content) -> String {
    match n {
        Need::Worry(w) => format!("worry:{}", worry_key(w)),
        Need::Speciality(s) => format!("speciality:{}", content.speciality(s).key),
    }
}
