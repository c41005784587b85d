//! A journal replayed step by step, keeping every action's events and each
//! year end's district loads: the raw material of the debrief, the exports
//! and the cross-session report.

use std::sync::Arc;

use crate::content::{Content, DistrictId, ResidentId};
use crate::rules::{Action, Event, Game, Journal, NeedCause, Replay, ReplayError};

/// One accepted action and what it caused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub seat: usize,
    pub action: Action,
    /// The year the action was taken in.
    pub year: i32,
    pub events: Vec<Event>,
}

/// The town at one year end, after needs grew and before the next arrival.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearEnd {
    pub year: i32,
    /// Unresolved residents per district (map order).
    pub loads: Vec<usize>,
    /// The step whose events hold this year end.
    pub step: usize,
    /// Residents whose needs grew at this year end.
    pub grew: Vec<ResidentId>,
}

/// A whole game, event by event.
#[derive(Debug, Clone)]
pub struct Trace {
    /// Events of the setup and the first arrival.
    pub opening: Vec<Event>,
    pub steps: Vec<Step>,
    pub year_ends: Vec<YearEnd>,
    /// The game after the last step.
    pub last: Game,
}

impl Trace {
    /// Replays `journal` with `content`, recording every step.
    pub fn of(content: Arc<Content>, journal: &Journal) -> Result<Trace, ReplayError> {
        let mut replay = Replay::start(content, journal)?;
        let opening = replay.game().opening_events().to_vec();
        let mut steps = Vec::with_capacity(journal.entries.len());
        let mut year_ends = Vec::new();
        loop {
            let year = replay.game().year();
            let index = replay.done();
            let Some(step) = replay.step() else { break };
            let (entry, events) = step?;
            year_ends.extend(events.iter().filter_map(|e| YearEnd::of(e, index)));
            steps.push(Step {
                seat: entry.seat,
                action: entry.action.clone(),
                year,
                events,
            });
        }
        Ok(Trace {
            opening,
            steps,
            year_ends,
            last: replay.into_game(),
        })
    }

    /// Every event with the step it belongs to (`None` for the opening).
    pub fn events(&self) -> impl Iterator<Item = (Option<usize>, &Event)> {
        self.opening.iter().map(|e| (None, e)).chain(
            self.steps
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.events.iter().map(move |e| (Some(i), e))),
        )
    }

    /// Every event with its step and the year it happened in: a step's
    /// events are dated with the step's year until a `TurnStarted` moves
    /// play into the next year (the action that ends a year also starts the
    /// next one).
    pub fn dated_events(&self) -> impl Iterator<Item = (Option<usize>, i32, &Event)> {
        let mut year = self.last.content().start_year();
        let mut current = None;
        self.events().map(move |(step, e)| {
            if step != current
                && let Some(s) = step
            {
                current = step;
                year = self.steps[s].year;
            }
            if let Event::TurnStarted { year: y, .. } = e {
                year = *y;
            }
            (step, year, e)
        })
    }

    /// The district each resident arrived in (residents that never arrived: `None`).
    pub fn arrival_districts(&self) -> Vec<Option<DistrictId>> {
        let mut out = vec![None; self.last.content().residents().len()];
        for (_, e) in self.events() {
            if let Event::ResidentArrived { resident, district } = e {
                out[resident.index()] = Some(*district);
            }
        }
        out
    }
}

impl YearEnd {
    /// The year end a `YearEnded` event of step `step` records, as the
    /// rules reported it.
    fn of(e: &Event, step: usize) -> Option<YearEnd> {
        let Event::YearEnded { year, loads, grew } = e else {
            return None;
        };
        let mut escalated: Vec<ResidentId> = Vec::new();
        for g in grew {
            if g.cause == NeedCause::Escalation && !escalated.contains(&g.resident) {
                escalated.push(g.resident);
            }
        }
        Some(YearEnd {
            year: *year,
            loads: loads.clone(),
            step,
            grew: escalated,
        })
    }
}
