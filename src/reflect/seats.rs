//! Who played each seat over the game: the kind set up, then every switch
//! between a person and a bot the facilitator made, with when it happened.
//! The exports show a seat as it was played and the report counts it by one
//! rule: a seat a bot played for the whole game is a bot; any other seat is
//! a person (one who switched to a bot for part of the game had a bot helper).

use crate::rules::SeatKind;

/// A switch of one seat between a person and a bot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SeatSwitch {
    /// Actions in force when it was made.
    pub at: usize,
    /// The year play was in.
    pub year: i32,
    /// Who plays the seat from then on.
    pub kind: SeatKind,
}

/// How one seat was played.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeatPlay {
    /// As set up in the session's header.
    pub start: SeatKind,
    /// Each change of who plays it, in order (a switch to the kind already
    /// playing is left out).
    pub switches: Vec<SeatSwitch>,
}

impl SeatPlay {
    /// Every kind the seat was played by, in order.
    fn kinds(&self) -> impl Iterator<Item = SeatKind> + '_ {
        std::iter::once(self.start).chain(self.switches.iter().map(|s| s.kind))
    }

    /// A bot played it for the whole game.
    pub fn bot_throughout(&self) -> bool {
        self.kinds().all(|k| k != SeatKind::Human)
    }

    /// A person played it for part of the game and a bot for another part.
    pub fn switched(&self) -> bool {
        self.kinds().any(|k| k == SeatKind::Human) && self.kinds().any(|k| k != SeatKind::Human)
    }

    /// Counted as a person: a person played it at some point.
    pub fn person(&self) -> bool {
        !self.bot_throughout()
    }

    /// Who played it at the end.
    pub fn last(&self) -> SeatKind {
        self.switches.last().map_or(self.start, |s| s.kind)
    }

    /// Record a switch; one to the kind already playing is no change, and
    /// one made before anybody acted since the last replaces it (a switch
    /// before the first action changes who played the seat from the start).
    pub(super) fn switch(&mut self, at: usize, year: i32, kind: SeatKind) {
        match self.switches.last() {
            Some(last) if last.at == at => {
                self.switches.pop();
            }
            None if at == 0 => {
                self.start = kind;
                return;
            }
            _ => {}
        }
        if self.last() != kind {
            self.switches.push(SeatSwitch { at, year, kind });
        }
    }
}
