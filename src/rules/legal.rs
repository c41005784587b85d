//! Every legal action of a seat, for bots, tests and highlighting in the UI.

use super::action::Action;
use super::state::{Game, ResidentPlace};
use crate::content::{ConnectionId, Matching, ResidentId, assign, partial_assign};

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
                if self.trust_left(r) == 0 {
                    for cards in self.prescriptions(seat, r) {
                        out.push(Action::Prescribe { resident: r, cards });
                    }
                }
            }
            for r in self.visitable() {
                out.push(Action::Visit { resident: r });
            }
            if self
                .params
                .conference_cost
                .is_some_and(|c| self.actions_left >= c)
            {
                for r in self.revealed_in_town() {
                    for cards in self.conferences(seat, r) {
                        out.push(Action::Conference { resident: r, cards });
                    }
                }
            }
            if self
                .params
                .pass_cost
                .is_some_and(|c| self.actions_left >= c)
            {
                for to in (0..self.seats.len()).filter(|&to| {
                    to != seat && self.hands[to].len() < usize::from(self.hand_limit(to))
                }) {
                    for &card in &self.hands[seat] {
                        out.push(Action::Pass { card, to });
                    }
                }
            }
            for idea in self.open_ideas() {
                out.push(Action::Create { idea });
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

    /// The facilitator's overrides available now (none once the game is over).
    /// They are never a seat's own play, so [`Game::legal_actions`] leaves them out.
    pub fn legal_overrides(&self) -> Vec<Action> {
        if self.outcome.is_some() {
            return Vec::new();
        }
        vec![Action::SkipTurn, Action::EndGame]
    }

    /// The one rule of prescribing: whether `cards` (distinct cards of the
    /// seat's hand, in any order) meet every need of resident `r` the seat
    /// must meet, one card per need. `check`, the listing below, the board's
    /// highlighting and the bots' matching all come down to this matcher.
    pub fn fits(&self, seat: usize, r: ResidentId, cards: &[ConnectionId]) -> bool {
        let (needs, _) = self.needs_for(seat, r);
        needs.len() == cards.len()
            && cards
                .iter()
                .all(|c| c.index() < self.content.connections().len())
            && assign(&needs, cards.iter().map(|c| self.content.connection(*c))).is_some()
    }

    /// The largest matching of resident `r`'s needs (after the seat's waiver)
    /// to the cards in the seat's hand: complete when the hand can prescribe.
    pub fn hand_fit(&self, seat: usize, r: ResidentId) -> Matching {
        let (needs, _) = self.needs_for(seat, r);
        partial_assign(
            &needs,
            self.hands[seat].iter().map(|c| self.content.connection(*c)),
        )
    }

    /// Every set of the seat's hand cards that exactly resolves resident `r`,
    /// each in hand order: one entry per set, whatever the size of the hand.
    pub fn prescriptions(&self, seat: usize, r: ResidentId) -> Vec<Vec<ConnectionId>> {
        if !matches!(
            self.residents.get(r.index()).map(|s| s.place),
            Some(ResidentPlace::Town(_))
        ) {
            return Vec::new();
        }
        self.fitting_sets(seat, r, &self.hands[seat], |_| true)
    }

    /// Every set of cards from `pool` that exactly resolves resident `r`
    /// for `seat` and passes `keep`, each in pool order.
    pub(super) fn fitting_sets(
        &self,
        seat: usize,
        r: ResidentId,
        pool: &[ConnectionId],
        keep: impl Fn(&[ConnectionId]) -> bool,
    ) -> Vec<Vec<ConnectionId>> {
        let mut out = Vec::new();
        let (needs, _) = self.needs_for(seat, r);
        // Only cards meeting some need can take part.
        let useful: Vec<ConnectionId> = pool
            .iter()
            .copied()
            .filter(|c| {
                let card = self.content.connection(*c);
                needs.iter().any(|n| card.meets(*n))
            })
            .collect();
        let k = needs.len();
        if k == 0 || k > useful.len() {
            return out;
        }
        // Every k-subset of the useful cards, in pool order, kept when it fits.
        let mut pick: Vec<usize> = (0..k).collect();
        loop {
            let cards: Vec<ConnectionId> = pick.iter().map(|&i| useful[i]).collect();
            if keep(&cards) && self.fits(seat, r, &cards) {
                out.push(cards);
            }
            // next combination
            let Some(i) = (0..k).rev().find(|&i| pick[i] < useful.len() - k + i) else {
                break;
            };
            pick[i] += 1;
            for j in i + 1..k {
                pick[j] = pick[j - 1] + 1;
            }
        }
        out
    }
}
