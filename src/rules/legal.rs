//! Every legal action of a seat, for bots, tests and highlighting in the UI.

use super::action::Action;
use super::state::{Game, ResidentPlace};
use crate::content::{ConnectionId, ResidentId, assign};

impl Game {
    /// All actions `seat` may take now (empty when it is not the seat's turn).
    pub fn legal_actions(&self, seat: usize) -> Vec<Action> {
        let mut out = Vec::new();
        if self.outcome.is_some() || seat != self.turn_seat {
            return out;
        }
        if self.over_limit {
            out.extend(
                self.hands[seat]
                    .iter()
                    .map(|&card| Action::Release { card }),
            );
            return out;
        }
        if self.actions_left > 0 || self.free_listens_left > 0 {
            for r in self.hidden_in_town() {
                out.push(Action::Listen { resident: r });
            }
        }
        if self.actions_left > 0 {
            for &card in self
                .offer
                .iter()
                .chain(self.peeked_cards(seat).collect::<Vec<_>>().iter())
            {
                out.push(Action::Connect { card });
            }
            for r in self.revealed_in_town() {
                for cards in self.prescriptions(seat, r) {
                    out.push(Action::Prescribe { resident: r, cards });
                }
            }
        }
        out.push(Action::EndTurn);
        out
    }

    /// Residents in the town whose worry is still hidden, district by district.
    pub fn hidden_in_town(&self) -> impl Iterator<Item = ResidentId> + '_ {
        self.town
            .iter()
            .flatten()
            .copied()
            .filter(|r| !self.residents[r.index()].revealed)
    }

    /// Residents in the town whose worry is known.
    pub fn revealed_in_town(&self) -> impl Iterator<Item = ResidentId> + '_ {
        self.town
            .iter()
            .flatten()
            .copied()
            .filter(|r| self.residents[r.index()].revealed)
    }

    /// Every set of the seat's hand cards that exactly resolves resident `r`.
    pub fn prescriptions(&self, seat: usize, r: ResidentId) -> Vec<Vec<ConnectionId>> {
        let mut out = Vec::new();
        if !matches!(self.residents[r.index()].place, ResidentPlace::Town(_)) {
            return out;
        }
        let (needs, _) = self.needs_for(seat, r);
        let hand = &self.hands[seat];
        let k = needs.len();
        if k > hand.len() || hand.len() > 16 {
            return out;
        }
        for mask in 0u32..(1 << hand.len()) {
            if mask.count_ones() as usize != k {
                continue;
            }
            let cards: Vec<ConnectionId> = (0..hand.len())
                .filter(|i| mask & (1 << i) != 0)
                .map(|i| hand[i])
                .collect();
            let played = cards.iter().map(|c| self.content.connection(*c));
            if assign(&needs, played).is_some() {
                out.push(cards);
            }
        }
        out
    }
}
