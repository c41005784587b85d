//! 創る: the team founds a new local resource from the deck's ideas. Each
//! action put towards an idea counts, from any seat on any turn; at its cost
//! the idea leaves the reserve and joins the offer row as a connection card.
//! A founded resource stays in the town: played for a resident, it returns
//! to the offer row instead of the discard pile.

use super::action::RuleError;
use super::event::Event;
use super::state::Game;
use crate::content::ConnectionId;

impl Game {
    pub(super) fn check_create(&self, idea: ConnectionId) -> Result<(), RuleError> {
        let card = self
            .content
            .connections()
            .get(idea.index())
            .ok_or(RuleError::NotAnIdea)?;
        if card.idea_cost.is_none() {
            return Err(RuleError::NotAnIdea);
        }
        if !self.reserve.contains(&idea) {
            return Err(RuleError::AlreadyFounded);
        }
        if self.actions_left == 0 {
            return Err(RuleError::NoActionsLeft);
        }
        Ok(())
    }

    /// Where a card played for a resident goes: a resource the team founded
    /// back to the offer row (announced like any card laid there), any other
    /// card to the discard pile.
    pub(super) fn spend(&mut self, card: ConnectionId, ev: &mut Vec<Event>) {
        if self.founded.contains(&card) {
            self.offer.push(card);
            ev.push(Event::OfferRefilled { card });
        } else {
            self.discard.push(card);
        }
    }

    pub(super) fn create(&mut self, seat: usize, idea: ConnectionId, ev: &mut Vec<Event>) {
        self.actions_left -= 1;
        let cost = self.content.connection(idea).idea_cost.unwrap_or(1);
        let i = match self.idea_progress.iter().position(|(c, _)| *c == idea) {
            Some(i) => i,
            None => {
                self.idea_progress.push((idea, 0));
                self.idea_progress.len() - 1
            }
        };
        let progress = self.idea_progress[i].1.saturating_add(1);
        self.idea_progress[i].1 = progress;
        ev.push(Event::Invested {
            seat,
            idea,
            progress,
            cost,
        });
        if progress >= cost {
            self.idea_progress.remove(i);
            self.reserve.retain(|c| *c != idea);
            self.offer.push(idea);
            self.founded.push(idea);
            ev.push(Event::ResourceFounded { idea });
        }
    }
}
