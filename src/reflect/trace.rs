//! A journal replayed step by step, keeping every action's events and each
//! year end's district loads: the raw material of the debrief, the exports
//! and the cross-session report.

use std::sync::Arc;

use crate::content::{Content, DistrictId, ResidentId};
use crate::rules::{Action, Event, Game, Journal, ReplayError, replay_prefix};

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
        let mut game = replay_prefix(content, journal, 0)?;
        let opening = game.opening_events().to_vec();
        let mut tally = Tally::new(game.content());
        tally.feed(&opening, usize::MAX, &mut Vec::new());
        let mut steps = Vec::with_capacity(journal.entries.len());
        let mut year_ends = Vec::new();
        for (index, e) in journal.entries.iter().enumerate() {
            let year = game.year();
            let events = game
                .act(e.seat, &e.action)
                .map_err(|error| ReplayError::Refused { index, error })?;
            tally.feed(&events, index, &mut year_ends);
            steps.push(Step {
                seat: e.seat,
                action: e.action.clone(),
                year,
                events,
            });
        }
        Ok(Trace {
            opening,
            steps,
            year_ends,
            last: game,
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

/// Running district loads, fed event by event.
struct Tally {
    loads: Vec<usize>,
    home: Vec<Option<DistrictId>>,
    grew: Vec<ResidentId>,
}

impl Tally {
    fn new(content: &Content) -> Self {
        Self {
            loads: vec![0; content.districts().len()],
            home: vec![None; content.residents().len()],
            grew: Vec::new(),
        }
    }

    fn feed(&mut self, events: &[Event], step: usize, year_ends: &mut Vec<YearEnd>) {
        for e in events {
            match e {
                Event::ResidentArrived { resident, district } => {
                    self.loads[district.index()] += 1;
                    self.home[resident.index()] = Some(*district);
                }
                Event::Prescribed { resident, .. } => {
                    if let Some(d) = self.home[resident.index()] {
                        self.loads[d.index()] = self.loads[d.index()].saturating_sub(1);
                    }
                }
                Event::NeedGained {
                    resident,
                    cause: crate::rules::NeedCause::Escalation,
                    ..
                } if !self.grew.contains(resident) => self.grew.push(*resident),
                Event::YearEnded { year } => year_ends.push(YearEnd {
                    year: *year,
                    loads: self.loads.clone(),
                    step,
                    grew: std::mem::take(&mut self.grew),
                }),
                _ => {}
            }
        }
    }
}
