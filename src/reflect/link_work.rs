//! The link work of a game, read from the rules' events: the ties each
//! connection gave (informal among them), who needed trust and how long it
//! took, who turned help down and what happened next, the resources the
//! team founded, who drifted back, referrals, case conferences and passed
//! cards. Nothing here decides a rule: every fact is an event the rules
//! reported, dated by the trace.

use crate::content::{ConnectionId, DistrictId, ResidentId};
use crate::rules::{Event, RevealCause};

use super::trace::Trace;

/// The ties one connection gave a resident.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tie {
    pub resident: ResidentId,
    pub year: i32,
    pub seat: usize,
    pub ties: u8,
    pub informal: u8,
    /// Made at a case conference.
    pub conference: bool,
}

/// How a resident who needed trust came to accept help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trusted {
    /// The visit that completed trust: when, and how long after the worry
    /// first became known (turns started and years in between).
    Visits {
        year: i32,
        seat: usize,
        turns: u32,
        years: i32,
    },
    /// A case conference met them before visits completed trust.
    Conference { year: i32 },
}

/// One resident who needed visits before accepting help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TrustStory {
    pub resident: ResidentId,
    /// Visits the card asks for.
    pub needed: u8,
    /// Visits made.
    pub visits: u8,
    /// When the worry first became known.
    pub heard: Option<i32>,
    pub trusted: Option<Trusted>,
}

/// A first offer of help turned down, and what happened next.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Refusal {
    pub resident: ResidentId,
    pub seat: usize,
    pub year: i32,
    /// The connection made afterwards (year, seat), if any.
    pub then: Option<(i32, usize)>,
}

/// A resource idea the team put actions towards.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creation {
    pub idea: ConnectionId,
    /// Seats that put actions in, in the order they first did.
    pub seats: Vec<usize>,
    pub progress: u8,
    pub cost: u8,
    /// The year it was founded.
    pub founded: Option<i32>,
}

/// A resident tied only to public services who drifted back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Drift {
    pub resident: ResidentId,
    pub district: DistrictId,
    /// The year at whose end they drifted back.
    pub year: i32,
    /// The year they had been connected.
    pub connected: i32,
    /// Year ends they stayed connected, this one included.
    pub year_ends: u32,
}

/// A resident a clinic referred: the worry was known on arrival.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Referral {
    pub resident: ResidentId,
    pub year: i32,
}

/// A case conference held.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conference {
    pub year: i32,
    /// The seat that called it.
    pub seat: usize,
    pub resident: ResidentId,
    /// Seats whose cards were pooled (seat order).
    pub seats: Vec<usize>,
}

/// A hand card passed from one seat to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pass {
    pub year: i32,
    pub from: usize,
    pub to: usize,
    pub card: ConnectionId,
}

/// Everything the team did of link work, in the order it happened.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkWork {
    /// The deck uses link work: the debrief and the exports show it.
    pub active: bool,
    /// One entry per connection made (a resident connected again after
    /// drifting back counts again).
    pub ties: Vec<Tie>,
    pub trust: Vec<TrustStory>,
    pub refusals: Vec<Refusal>,
    /// In the order first invested in.
    pub created: Vec<Creation>,
    pub drifts: Vec<Drift>,
    pub referrals: Vec<Referral>,
    pub conferences: Vec<Conference>,
    pub passes: Vec<Pass>,
}

impl LinkWork {
    /// Connections made.
    pub fn connections(&self) -> usize {
        self.ties.len()
    }

    /// Ties over every connection made.
    pub fn ties_total(&self) -> u32 {
        self.ties.iter().map(|t| u32::from(t.ties)).sum()
    }

    /// Informal ties over every connection made.
    pub fn informal_total(&self) -> u32 {
        self.ties.iter().map(|t| u32::from(t.informal)).sum()
    }

    /// Mean ties per connected resident (per connection made); `None`
    /// before anyone was connected.
    pub fn mean_ties(&self) -> Option<f64> {
        (!self.ties.is_empty()).then(|| f64::from(self.ties_total()) / self.ties.len() as f64)
    }

    /// The share of ties that are informal, 0 to 1; `None` without ties.
    pub fn informal_share(&self) -> Option<f64> {
        let total = self.ties_total();
        (total > 0).then(|| f64::from(self.informal_total()) / f64::from(total))
    }

    /// Resources founded, in order.
    pub fn founded(&self) -> impl Iterator<Item = &Creation> {
        self.created.iter().filter(|c| c.founded.is_some())
    }
}

/// Reads the link work of a traced game from its events.
pub fn link_work(trace: &Trace) -> LinkWork {
    let content = trace.last.content();
    let mut out = LinkWork {
        active: content.link_work(),
        ..LinkWork::default()
    };
    let n = content.residents().len();
    // per resident: the turn and year the worry became known, the year of
    // the current connection and the year ends passed at it
    let mut heard: Vec<Option<(u32, i32)>> = vec![None; n];
    let mut connected: Vec<Option<(i32, u32)>> = vec![None; n];
    let mut trust: Vec<Option<usize>> = vec![None; n];
    let mut turn = 0u32;
    let mut year_ends = 0u32;
    let mut conference = false;
    for (_, year, e) in trace.dated_events() {
        match e {
            Event::TurnStarted { .. } => turn += 1,
            Event::YearEnded { .. } => year_ends += 1,
            Event::Revealed { resident, cause } => {
                let r = resident.index();
                heard[r].get_or_insert((turn, year));
                if content.resident(*resident).trust > 0 && trust[r].is_none() {
                    trust[r] = Some(out.trust.len());
                    out.trust.push(TrustStory {
                        resident: *resident,
                        needed: content.resident(*resident).trust,
                        visits: 0,
                        heard: Some(year),
                        trusted: None,
                    });
                }
                if *cause == RevealCause::Referral {
                    out.referrals.push(Referral {
                        resident: *resident,
                        year,
                    });
                }
            }
            Event::Visited {
                seat,
                resident,
                visits,
                needed,
            } => {
                if let Some(i) = trust[resident.index()] {
                    let t = &mut out.trust[i];
                    t.visits = *visits;
                    if visits >= needed && t.trusted.is_none() {
                        let (t0, y0) = heard[resident.index()].unwrap_or((turn, year));
                        t.trusted = Some(Trusted::Visits {
                            year,
                            seat: *seat,
                            turns: turn.saturating_sub(t0),
                            years: year - y0,
                        });
                    }
                }
            }
            Event::Refused { seat, resident } => out.refusals.push(Refusal {
                resident: *resident,
                seat: *seat,
                year,
                then: None,
            }),
            Event::ConferenceHeld {
                seat,
                resident,
                seats,
            } => {
                conference = true;
                out.conferences.push(Conference {
                    year,
                    seat: *seat,
                    resident: *resident,
                    seats: seats.clone(),
                });
                if let Some(i) = trust[resident.index()] {
                    out.trust[i]
                        .trusted
                        .get_or_insert(Trusted::Conference { year });
                }
            }
            Event::Prescribed { seat, resident, .. } => {
                connected[resident.index()] = Some((year, year_ends));
                for f in out
                    .refusals
                    .iter_mut()
                    .filter(|f| f.resident == *resident && f.then.is_none())
                {
                    f.then = Some((year, *seat));
                }
                out.ties.push(Tie {
                    resident: *resident,
                    year,
                    seat: *seat,
                    ties: 0,
                    informal: 0,
                    conference: std::mem::take(&mut conference),
                });
            }
            Event::Tied {
                resident,
                ties,
                informal,
            } => {
                if let Some(t) = out.ties.iter_mut().rev().find(|t| t.resident == *resident) {
                    t.ties = *ties;
                    t.informal = *informal;
                }
            }
            Event::Invested {
                seat,
                idea,
                progress,
                cost,
            } => {
                let i = match out.created.iter().position(|c| c.idea == *idea) {
                    Some(i) => i,
                    None => {
                        out.created.push(Creation {
                            idea: *idea,
                            seats: Vec::new(),
                            progress: 0,
                            cost: *cost,
                            founded: None,
                        });
                        out.created.len() - 1
                    }
                };
                let c = &mut out.created[i];
                c.progress = *progress;
                if !c.seats.contains(seat) {
                    c.seats.push(*seat);
                }
            }
            Event::ResourceFounded { idea } => {
                if let Some(c) = out.created.iter_mut().find(|c| c.idea == *idea) {
                    c.founded = Some(year);
                }
            }
            Event::DriftedBack { resident, district } => {
                let (since, at) = connected[resident.index()]
                    .take()
                    .unwrap_or((year, year_ends));
                out.drifts.push(Drift {
                    resident: *resident,
                    district: *district,
                    year,
                    connected: since,
                    // this year end's YearEnded follows the drift
                    year_ends: year_ends - at + 1,
                });
            }
            Event::Passed { from, to, card } => out.passes.push(Pass {
                year,
                from: *from,
                to: *to,
                card: *card,
            }),
            _ => {}
        }
    }
    out
}
