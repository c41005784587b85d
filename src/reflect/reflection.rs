//! A whole session made ready for reflection: the traced game, resident
//! stories, the ending and its causes, connection use, and everything the
//! facilitator wrote down, each tied to the moment it was written.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::content::{Content, EventId, ResidentId};
use crate::rules::{Event, Outcome};
use crate::session::{
    InterventionKind, LoadedSession, OutcomeSummary, Proposal, Record, SessionError, SessionHeader,
};

use super::ending::{Ending, ending};
use super::link_work::{LinkWork, link_work};
use super::seats::SeatPlay;
use super::stories::{Story, stories};
use super::trace::Trace;
use super::usage::{Usage, usage};

/// What a facilitator wrote or did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RemarkKind {
    Note(String),
    Bookmark {
        label: Option<String>,
        resident: Option<ResidentId>,
    },
    Intervention {
        kind: InterventionKind,
        reason: String,
    },
}

/// A note, bookmark or intervention, and when it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remark {
    /// Actions in force when it was made: replaying this many shows the
    /// board as the table saw it.
    pub at: usize,
    pub year: i32,
    pub seat: usize,
    /// Session clock, when recorded.
    pub elapsed_secs: Option<u64>,
    pub kind: RemarkKind,
}

/// An event card drawn, and when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EventMark {
    pub year: i32,
    /// The step that drew it (`None` in the opening).
    pub step: Option<usize>,
    pub event: EventId,
}

/// Everything the debrief, the exports and the report read about a session.
#[derive(Debug, Clone)]
pub struct Reflection {
    pub header: SessionHeader,
    pub content: Arc<Content>,
    pub trace: Trace,
    pub stories: Vec<Story>,
    pub ending: Ending,
    pub usage: Usage,
    /// Ties, trust, refusals, resources founded and drifting back (empty,
    /// and not `active`, in a deck without link work).
    pub link_work: LinkWork,
    pub remarks: Vec<Remark>,
    pub events: Vec<EventMark>,
    /// Notes taken on the scenario's debrief questions, by question index.
    pub answers: BTreeMap<usize, String>,
    /// The session's closing record (it says when the facilitator ended early).
    pub finished: Option<OutcomeSummary>,
    /// The session clock's last recorded value.
    pub elapsed_secs: u64,
    /// Who played each seat, switches between a person and a bot included
    /// (seat order).
    pub seats: Vec<SeatPlay>,
    /// The debrief workshop's local connection card proposals, in the order made.
    pub proposals: Vec<Proposal>,
}

impl Reflection {
    /// Replays `session` with `content` (the deck it was played with),
    /// checking the recorded state hash.
    pub fn of_session(
        session: &LoadedSession,
        content: Arc<Content>,
    ) -> Result<Reflection, SessionError> {
        // every record checked against the rules once; what follows reads
        // the session as verified (damaged lines left out)
        let verified = session.verify(Arc::clone(&content))?;
        let session = &verified.session;
        let trace = Trace::of(Arc::clone(&content), &verified.journal)?;
        let stories = stories(&trace);
        let ending = ending(&trace, &stories);
        let usage = usage(&trace);
        let link_work = link_work(&trace);
        let events = event_marks(&trace);
        let (remarks, answers) = remarks(session, &content);
        let seats = seat_plays(session, &trace);
        let proposals = session
            .records
            .iter()
            .filter_map(|r| match r {
                Record::Proposal(p) => Some(p.clone()),
                _ => None,
            })
            .collect();
        Ok(Reflection {
            header: session.header.clone(),
            content,
            trace,
            stories,
            ending,
            usage,
            link_work,
            remarks,
            events,
            answers,
            finished: session.finished().cloned(),
            elapsed_secs: session.elapsed_secs(),
            seats,
            proposals,
        })
    }

    /// The collapse threshold the session was played with.
    pub fn threshold(&self) -> usize {
        self.trace.last.collapse_threshold()
    }

    /// The story of one resident.
    pub fn story(&self, r: ResidentId) -> Option<&Story> {
        self.stories.iter().find(|s| s.resident == r)
    }

    /// Whether the facilitator ended the game before the rules did.
    pub fn ended_early(&self) -> bool {
        matches!(self.trace.last.outcome(), Some(Outcome::EndedEarly { .. }))
    }
}

fn event_marks(trace: &Trace) -> Vec<EventMark> {
    trace
        .dated_events()
        .filter_map(|(step, year, e)| match e {
            Event::EventDrawn { event } => Some(EventMark {
                year,
                step,
                event: *event,
            }),
            _ => None,
        })
        .collect()
}

/// Each seat as set up, with every switch between a person and a bot, dated
/// by the actions in force and the year play was in then.
fn seat_plays(session: &LoadedSession, trace: &Trace) -> Vec<SeatPlay> {
    let mut seats: Vec<SeatPlay> = session
        .header
        .setup
        .seats
        .iter()
        .map(|s| SeatPlay {
            start: s.kind,
            switches: Vec::new(),
        })
        .collect();
    let mut at = 0usize;
    for r in &session.records {
        match r {
            Record::Act { .. } => at += 1,
            Record::Undo
            | Record::Intervention {
                kind: InterventionKind::UndoPastReveal,
                ..
            } => at = at.saturating_sub(1),
            Record::SeatKind { seat, kind } => {
                // the year of the next action, or of the end
                let year = trace
                    .steps
                    .get(at)
                    .map_or_else(|| trace.last.year(), |s| s.year);
                if let Some(play) = seats.get_mut(*seat) {
                    play.switch(at, year, *kind);
                }
            }
            _ => {}
        }
    }
    seats
}

fn remarks(session: &LoadedSession, content: &Content) -> (Vec<Remark>, BTreeMap<usize, String>) {
    let mut at = 0usize;
    let mut out = Vec::new();
    let mut answers = BTreeMap::new();
    for r in &session.records {
        let (year, seat, elapsed_secs, kind) = match r {
            Record::Act { .. } => {
                at += 1;
                continue;
            }
            Record::Undo => {
                at = at.saturating_sub(1);
                continue;
            }
            Record::Note {
                text,
                year,
                seat,
                elapsed_secs,
            } => (
                *year,
                *seat,
                Some(*elapsed_secs),
                RemarkKind::Note(text.clone()),
            ),
            Record::Bookmark {
                year,
                seat,
                elapsed_secs,
                label,
                resident,
            } => (
                *year,
                *seat,
                Some(*elapsed_secs),
                RemarkKind::Bookmark {
                    label: label.clone(),
                    resident: resident.as_deref().and_then(|k| content.resident_by_key(k)),
                },
            ),
            Record::Intervention {
                kind,
                reason,
                year,
                seat,
            } => {
                if *kind == InterventionKind::UndoPastReveal {
                    at = at.saturating_sub(1);
                }
                (
                    *year,
                    *seat,
                    None,
                    RemarkKind::Intervention {
                        kind: *kind,
                        reason: reason.clone(),
                    },
                )
            }
            Record::DebriefNote { question, text } => {
                if text.trim().is_empty() {
                    answers.remove(question);
                } else {
                    answers.insert(*question, text.clone());
                }
                continue;
            }
            Record::SeatKind { .. }
            | Record::Pause { .. }
            | Record::FacilitatorMode { .. }
            | Record::Finished { .. }
            | Record::Proposal(_) => continue,
        };
        out.push(Remark {
            at,
            year,
            seat,
            elapsed_secs,
            kind,
        });
    }
    (out, answers)
}
