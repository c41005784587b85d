//! Resident stories: for every resident who came to the town, when and where
//! they arrived, who heard them, which connections reached them, or how long
//! they are still waiting and how their needs grew.

use std::cmp::Reverse;

use crate::content::{ConnectionId, Content, DistrictId, Need, ResidentId};
use crate::rules::{Event, NeedCause, ResidentPlace, RevealCause};

use super::trace::Trace;

/// How a resident's worry became known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Heard {
    pub year: i32,
    /// The seat that listened (or whose listen revealed a second resident).
    pub seat: Option<usize>,
    pub cause: RevealCause,
}

/// How a resident was connected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reached {
    pub year: i32,
    pub seat: usize,
    pub cards: Vec<ConnectionId>,
    /// The need the seat's role let them skip.
    pub waived: Option<Need>,
}

/// A connection that did not hold: tied only to public services, the
/// resident drifted back into isolation at the end of `drifted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Earlier {
    pub reached: Reached,
    pub drifted: i32,
}

/// A need gained in play.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Growth {
    pub year: i32,
    pub need: Need,
    pub cause: NeedCause,
}

/// One resident's way through the game.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Story {
    pub resident: ResidentId,
    pub district: DistrictId,
    pub arrived: i32,
    pub heard: Option<Heard>,
    /// The connection that holds (or held when the journal ends).
    pub reached: Option<Reached>,
    /// Connections that did not hold, in order (link work decks only).
    pub earlier: Vec<Earlier>,
    /// Year ends spent waiting unresolved.
    pub waited: u8,
    pub growth: Vec<Growth>,
    /// Among the residents of the district that collapsed.
    pub in_collapse: bool,
}

impl Story {
    /// Still waiting when the journal ends.
    pub fn waiting(&self) -> bool {
        self.reached.is_none()
    }
}

/// Orders for the stories list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StoryOrder {
    /// Still waiting first, longest wait first; then connected, latest first.
    #[default]
    LongestWaiting,
    /// By district (map order), then arrival.
    District,
    /// By worry category, then longest waiting.
    Worry,
}

/// The stories of every resident who arrived, in arrival order.
pub fn stories(trace: &Trace) -> Vec<Story> {
    let mut stories: Vec<Story> = Vec::new();
    let mut index: Vec<Option<usize>> = vec![None; trace.last.content().residents().len()];
    for (step, year, e) in trace.dated_events() {
        let seat = step.map(|s| trace.steps[s].seat);
        match e {
            Event::ResidentArrived { resident, district } => {
                index[resident.index()] = Some(stories.len());
                stories.push(Story {
                    resident: *resident,
                    district: *district,
                    arrived: year,
                    heard: None,
                    reached: None,
                    earlier: Vec::new(),
                    waited: 0,
                    growth: Vec::new(),
                    in_collapse: false,
                });
            }
            Event::Revealed { resident, cause } => {
                if let Some(s) = index[resident.index()] {
                    let by = matches!(cause, RevealCause::Listen | RevealCause::ExtraReveal);
                    stories[s].heard.get_or_insert(Heard {
                        year,
                        seat: if by { seat } else { None },
                        cause: *cause,
                    });
                }
            }
            Event::Prescribed {
                seat,
                resident,
                cards,
                waived,
                ..
            } => {
                if let Some(s) = index[resident.index()] {
                    stories[s].reached = Some(Reached {
                        year,
                        seat: *seat,
                        cards: cards.clone(),
                        waived: *waived,
                    });
                }
            }
            Event::NeedGained {
                resident,
                need,
                cause,
            } => {
                if let Some(s) = index[resident.index()] {
                    stories[s].growth.push(Growth {
                        year,
                        need: *need,
                        cause: *cause,
                    });
                }
            }
            // back in the town: the story waits again, and keeps the
            // connection that did not hold
            Event::DriftedBack { resident, .. } => {
                if let Some(s) = index[resident.index()]
                    && let Some(reached) = stories[s].reached.take()
                {
                    stories[s].earlier.push(Earlier {
                        reached,
                        drifted: year,
                    });
                }
            }
            Event::TownCollapsed { residents, .. } => {
                for r in residents {
                    if let Some(s) = index[r.index()] {
                        stories[s].in_collapse = true;
                    }
                }
            }
            _ => {}
        }
    }
    for s in &mut stories {
        let state = trace.last.resident_state(s.resident);
        s.waited = state.year_ends_waited();
        debug_assert!(s.reached.is_some() == (state.place() == ResidentPlace::Connected));
    }
    stories
}

/// Sorts stories in place; ties keep arrival order.
pub fn sort_stories(stories: &mut [Story], content: &Content, order: StoryOrder) {
    match order {
        StoryOrder::LongestWaiting => stories.sort_by_key(|s| {
            (
                s.reached.is_some(),
                Reverse(s.waited),
                Reverse(s.reached.as_ref().map(|r| r.year)),
            )
        }),
        StoryOrder::District => stories.sort_by_key(|s| (s.district, s.arrived)),
        StoryOrder::Worry => stories.sort_by_key(|s| {
            (
                content.resident(s.resident).worry,
                s.reached.is_some(),
                Reverse(s.waited),
            )
        }),
    }
}
