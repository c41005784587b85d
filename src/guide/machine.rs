//! The guide's state: which step is showing, moved on by the person's Next
//! or by the game's events, never by the clock.

use super::script::{ActionKind, Advance, Step, TRAINEE_SEAT};
use crate::rules::Event;

/// Follows a game through a guide's steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Guide {
    steps: Vec<Step>,
    at: usize,
}

impl Guide {
    /// A guide at its first step.
    pub fn new(steps: Vec<Step>) -> Guide {
        Guide { steps, at: 0 }
    }

    /// The step showing now; `None` once the guide is done.
    pub fn step(&self) -> Option<&Step> {
        self.steps.get(self.at)
    }

    /// The showing step's number from 1, and how many steps there are.
    pub fn position(&self) -> (usize, usize) {
        ((self.at + 1).min(self.steps.len()), self.steps.len())
    }

    /// Whether every step is behind.
    pub fn is_done(&self) -> bool {
        self.at >= self.steps.len()
    }

    /// The person pressed Next: a [`Advance::Click`] step moves on. Other
    /// steps wait for the game; returns whether the guide moved.
    #[allow(clippy::should_implement_trait)] // Next, the button: not an iterator
    pub fn next(&mut self) -> bool {
        if self.step().is_some_and(|s| s.advance == Advance::Click) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    /// Reads events as the rules report them. An event that meets the
    /// showing step's condition moves the guide on; one that meets a later
    /// step's (the person acted ahead of the guide) moves it past that step,
    /// so the guide never waits for something that already happened.
    pub fn observe(&mut self, events: &[Event]) {
        for e in events {
            let met = self.steps[self.at.min(self.steps.len())..]
                .iter()
                .position(|s| meets(s.advance, e));
            if let Some(i) = met {
                self.at += i + 1;
            }
        }
    }
}

/// Whether `event` is what `advance` waits for. Only the person's own seat's
/// actions count: bots playing their turns never move the guide.
fn meets(advance: Advance, event: &Event) -> bool {
    let kind = match *event {
        Event::Listened { seat, .. } => (seat == TRAINEE_SEAT).then_some(ActionKind::Listen),
        Event::Connected { seat, .. } => (seat == TRAINEE_SEAT).then_some(ActionKind::Connect),
        Event::Prescribed { seat, .. } => (seat == TRAINEE_SEAT).then_some(ActionKind::Prescribe),
        Event::Released { seat, .. } => (seat == TRAINEE_SEAT).then_some(ActionKind::Release),
        Event::TurnEnded { seat } => (seat == TRAINEE_SEAT).then_some(ActionKind::EndTurn),
        Event::Visited { seat, .. } => (seat == TRAINEE_SEAT).then_some(ActionKind::Visit),
        Event::Passed { from, .. } => (from == TRAINEE_SEAT).then_some(ActionKind::Pass),
        Event::ConferenceHeld { seat, .. } => {
            (seat == TRAINEE_SEAT).then_some(ActionKind::Conference)
        }
        Event::Invested { seat, .. } => (seat == TRAINEE_SEAT).then_some(ActionKind::Create),
        Event::YearEnded { .. } => return advance == Advance::YearEnded,
        _ => None,
    };
    kind.is_some_and(|k| advance == Advance::Action(k))
}
