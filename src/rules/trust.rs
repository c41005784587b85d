//! 寄り添う: some residents accept help only after visits on different
//! turns (the card's `trust`), and some turn the first offer down.

use super::action::RuleError;
use super::event::Event;
use super::state::Game;
use crate::content::ResidentId;

impl Game {
    /// Whether the current seat may visit `r` now.
    pub(super) fn check_visit(&self, r: ResidentId) -> Result<(), RuleError> {
        let state = self.town_resident(r)?;
        if !state.revealed {
            return Err(RuleError::NotRevealed);
        }
        if self.trust_left(r) == 0 {
            return Err(RuleError::NoTrustNeeded);
        }
        if state.visited_turn == Some(self.turn_no) {
            return Err(RuleError::VisitedThisTurn);
        }
        if self.actions_left == 0 {
            return Err(RuleError::NoActionsLeft);
        }
        Ok(())
    }

    pub(super) fn visit(&mut self, seat: usize, r: ResidentId, ev: &mut Vec<Event>) {
        self.actions_left -= 1;
        let needed = self.content.resident(r).trust;
        let state = &mut self.residents[r.index()];
        state.visits = state.visits.saturating_add(1);
        state.visited_turn = Some(self.turn_no);
        ev.push(Event::Visited {
            seat,
            resident: r,
            visits: state.visits,
            needed,
        });
    }

    /// The resident turns this offer down: the cards stay where they are.
    pub(super) fn refuse(&mut self, seat: usize, r: ResidentId, ev: &mut Vec<Event>) {
        self.residents[r.index()].refused = true;
        ev.push(Event::Refused { seat, resident: r });
    }

    /// Residents the current seat may visit now.
    pub(super) fn visitable(&self) -> impl Iterator<Item = ResidentId> + '_ {
        self.revealed_in_town()
            .filter(|r| self.check_visit(*r).is_ok())
    }
}
