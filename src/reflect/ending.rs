//! Why the game ended the way it did, computed from the journal: for a
//! collapse, what kept each resident of the fallen district waiting; for a
//! survival, the closest call.

use crate::content::{DistrictId, Need, ResidentId};
use crate::rules::{Game, Outcome};

use super::reach::{Reach, reach};
use super::stories::Story;
use super::trace::Trace;

/// A heard resident no hand could have resolved, and the needs left unmet
/// by the hand that came closest (one seat's hand, or every hand pooled
/// where the deck's case conferences could have pooled them).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unfitting {
    pub resident: ResidentId,
    pub missing: Vec<Need>,
}

/// A heard resident a hand could have met, who still needed visits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Untrusted {
    pub resident: ResidentId,
    /// Visits still needed before they would accept help.
    pub visits_left: u8,
}

/// What kept the residents of a collapsed district waiting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CauseChain {
    pub year: i32,
    pub district: DistrictId,
    pub threshold: usize,
    pub residents: Vec<ResidentId>,
    /// Nobody listened to them.
    pub never_heard: Vec<ResidentId>,
    /// Heard, but no seat's hand could meet all their needs.
    pub unfitting: Vec<Unfitting>,
    /// The deck's case conferences could pool the hands: `unfitting` names
    /// what even every hand together lacked.
    pub pooled: bool,
    /// Heard, and some seat's hand could have resolved them: time ran out.
    pub fitting_unused: Vec<ResidentId>,
    /// Heard, and only a case conference pooling several seats' hands
    /// could have resolved them (always empty in a deck without conferences).
    pub by_conference: Vec<ResidentId>,
    /// Heard, and a seat's hand fitted, but they did not trust the team yet
    /// and no conference could have met them.
    pub needs_trust: Vec<Untrusted>,
    /// Arrived in the collapse year itself.
    pub arrived_that_year: Vec<ResidentId>,
    /// Gained needs while waiting.
    pub escalated: Vec<ResidentId>,
}

/// The highest load any district reached at a year end, against the threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClosestCall {
    pub year: i32,
    pub district: DistrictId,
    pub load: usize,
    pub threshold: usize,
}

/// How the game ended, or where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    Collapsed(CauseChain),
    Survived {
        year: i32,
        connected: usize,
        closest: Option<ClosestCall>,
    },
    /// The journal ends before the rules ended the game (a session in
    /// progress, or one the facilitator ended early).
    Open {
        year: i32,
        connected: usize,
        closest: Option<ClosestCall>,
    },
}

/// The ending of a traced game; `stories` are the trace's stories.
pub fn ending(trace: &Trace, stories: &[Story]) -> Ending {
    let game = &trace.last;
    let threshold = game.collapse_threshold();
    let closest = closest_call(trace, threshold);
    match game.outcome() {
        Some(Outcome::Collapsed {
            year,
            district,
            residents,
        }) => Ending::Collapsed(cause_chain(
            game, stories, *year, *district, residents, threshold,
        )),
        Some(Outcome::Survived { connected }) => Ending::Survived {
            year: game.year(),
            connected: *connected,
            closest,
        },
        // Ended by the facilitator, or not finished: the closest call so far.
        Some(Outcome::EndedEarly { .. }) | None => Ending::Open {
            year: game.year(),
            connected: game.connected_residents().len(),
            closest,
        },
    }
}

/// The year end and district with the highest load; the earliest on ties.
pub fn closest_call(trace: &Trace, threshold: usize) -> Option<ClosestCall> {
    let mut best: Option<ClosestCall> = None;
    for ye in &trace.year_ends {
        for (d, &load) in ye.loads.iter().enumerate() {
            if best.is_none_or(|b| load > b.load) {
                best = Some(ClosestCall {
                    year: ye.year,
                    district: DistrictId::from_index(d),
                    load,
                    threshold,
                });
            }
        }
    }
    best
}

fn cause_chain(
    game: &Game,
    stories: &[Story],
    year: i32,
    district: DistrictId,
    residents: &[ResidentId],
    threshold: usize,
) -> CauseChain {
    let story = |r: ResidentId| stories.iter().find(|s| s.resident == r);
    let mut chain = CauseChain {
        year,
        district,
        threshold,
        residents: residents.to_vec(),
        never_heard: Vec::new(),
        unfitting: Vec::new(),
        pooled: game.conference_cost().is_some() && game.seats().len() >= 2,
        fitting_unused: Vec::new(),
        by_conference: Vec::new(),
        needs_trust: Vec::new(),
        arrived_that_year: Vec::new(),
        escalated: Vec::new(),
    };
    for &r in residents {
        let s = story(r);
        if s.is_some_and(|s| s.arrived == year) {
            chain.arrived_that_year.push(r);
        }
        if s.is_some_and(|s| !s.growth.is_empty()) {
            chain.escalated.push(r);
        }
        if !game.resident_state(r).revealed() {
            chain.never_heard.push(r);
            continue;
        }
        match reach(game, r) {
            Reach::Hand => chain.fitting_unused.push(r),
            Reach::Conference => chain.by_conference.push(r),
            Reach::NeedsTrust { left } => chain.needs_trust.push(Untrusted {
                resident: r,
                visits_left: left,
            }),
            Reach::Short(missing) => chain.unfitting.push(Unfitting {
                resident: r,
                missing,
            }),
        }
    }
    chain
}
