//! 一人で解決できる問題はない: seats pass cards to one another, and a case
//! conference pools several seats' hands to meet one resident's needs.
//! Each costs the actions the deck's parameters set; a deck that sets no
//! cost has neither.

use super::action::{Mechanic, RuleError};
use super::event::Event;
use super::state::Game;
use crate::content::{ConnectionId, ResidentId};

impl Game {
    /// Actions a pass costs, when the deck allows passing.
    pub fn pass_cost(&self) -> Option<u8> {
        self.params.pass_cost
    }

    /// Actions a case conference costs, when the deck holds them.
    pub fn conference_cost(&self) -> Option<u8> {
        self.params.conference_cost
    }

    fn afford(&self, cost: Option<u8>, mechanic: Mechanic) -> Result<u8, RuleError> {
        let cost = cost.ok_or(RuleError::NotInThisDeck(mechanic))?;
        if self.actions_left < cost {
            return Err(if self.actions_left == 0 {
                RuleError::NoActionsLeft
            } else {
                RuleError::NotEnoughActions {
                    cost,
                    left: self.actions_left,
                }
            });
        }
        Ok(cost)
    }

    pub(super) fn check_pass(
        &self,
        seat: usize,
        card: ConnectionId,
        to: usize,
    ) -> Result<(), RuleError> {
        self.afford(self.params.pass_cost, Mechanic::Passing)?;
        if to >= self.seats.len() {
            return Err(RuleError::NoSuchSeat(to));
        }
        if to == seat {
            return Err(RuleError::PassToSelf);
        }
        if !self.hands[seat].contains(&card) {
            return Err(RuleError::CardNotInHand);
        }
        if self.hands[to].len() >= usize::from(self.hand_limit(to)) {
            return Err(RuleError::RecipientHandFull(to));
        }
        Ok(())
    }

    pub(super) fn pass(&mut self, seat: usize, card: ConnectionId, to: usize, ev: &mut Vec<Event>) {
        self.actions_left -= self.params.pass_cost.unwrap_or(0);
        self.take_from_hand(seat, card);
        self.hands[to].push(card);
        ev.push(Event::Passed {
            from: seat,
            to,
            card,
        });
    }

    /// The seat holding `card`, if any.
    pub fn holder(&self, card: ConnectionId) -> Option<usize> {
        self.hands.iter().position(|h| h.contains(&card))
    }

    pub(super) fn check_conference(
        &self,
        seat: usize,
        r: ResidentId,
        cards: &[ConnectionId],
    ) -> Result<(), RuleError> {
        if self.params.conference_cost.is_none() {
            return Err(RuleError::NotInThisDeck(Mechanic::Conferences));
        }
        if !self.town_resident(r)?.revealed {
            return Err(RuleError::NotRevealed);
        }
        self.afford(self.params.conference_cost, Mechanic::Conferences)?;
        let mut holders = Vec::new();
        for (i, c) in cards.iter().enumerate() {
            let holder = self.holder(*c).ok_or(RuleError::CardNotHeld)?;
            if cards[..i].contains(c) {
                return Err(RuleError::DuplicateCard);
            }
            if !holders.contains(&holder) {
                holders.push(holder);
            }
        }
        if holders.len() < 2 {
            return Err(RuleError::ConferenceNeedsTwoSeats);
        }
        if self.fits(seat, r, cards) {
            Ok(())
        } else {
            Err(RuleError::NeedsNotMet)
        }
    }

    pub(super) fn conference(
        &mut self,
        seat: usize,
        r: ResidentId,
        cards: &[ConnectionId],
        ev: &mut Vec<Event>,
    ) {
        self.actions_left -= self.params.conference_cost.unwrap_or(0);
        if self.will_refuse(r) {
            self.refuse(seat, r, ev);
            return;
        }
        let mut seats: Vec<usize> = cards.iter().filter_map(|c| self.holder(*c)).collect();
        seats.sort_unstable();
        seats.dedup();
        ev.push(Event::ConferenceHeld {
            seat,
            resident: r,
            seats,
        });
        for c in cards {
            if let Some(h) = self.holder(*c) {
                self.take_from_hand(h, *c);
                self.spend(*c, ev);
            }
        }
        self.connect_resident(seat, r, cards, ev);
    }

    /// Every card of every hand, seat by seat in hand order: what a case
    /// conference pools.
    pub fn pooled_hands(&self) -> Vec<ConnectionId> {
        self.hands.iter().flatten().copied().collect()
    }

    /// Whether some set [`Game::conferences`] lists for `seat` and `r`
    /// holds every card of `chosen`; with `chosen` empty, whether any does.
    /// Found by matching, not by listing: a crowded late game can have
    /// hundreds of thousands of sets, and the board asks this every frame.
    pub fn conference_extends(&self, seat: usize, r: ResidentId, chosen: &[ConnectionId]) -> bool {
        if self.params.conference_cost.is_none() || self.seats.len() < 2 {
            return false;
        }
        let (needs, _) = self.needs_for(seat, r);
        let content = &self.content;
        let pool: Vec<ConnectionId> = self
            .pooled_hands()
            .into_iter()
            .filter(|c| needs.iter().any(|n| content.connection(*c).meets(*n)))
            .collect();
        let distinct = chosen
            .iter()
            .enumerate()
            .all(|(i, c)| !chosen[..i].contains(c));
        if chosen.len() > needs.len() || !distinct || chosen.iter().any(|c| !pool.contains(c)) {
            return false;
        }
        let fits = |forced: &[ConnectionId]| completes(self, &needs, &pool, forced);
        let mut holders: Vec<usize> = chosen.iter().filter_map(|c| self.holder(*c)).collect();
        holders.sort_unstable();
        holders.dedup();
        match holders.as_slice() {
            [] => pool.iter().any(|a| {
                pool.iter()
                    .any(|b| self.holder(*b) != self.holder(*a) && fits(&[*a, *b]))
            }),
            [h] => pool.iter().any(|c| {
                self.holder(*c) != Some(*h) && {
                    let mut with = chosen.to_vec();
                    with.push(*c);
                    fits(&with)
                }
            }),
            _ => fits(chosen),
        }
    }

    /// Every set of pooled cards, from at least two seats, that a case
    /// conference called by `seat` could meet resident `r`'s needs with
    /// (each in pooled order); empty when the deck has no conferences.
    pub fn conferences(&self, seat: usize, r: ResidentId) -> Vec<Vec<ConnectionId>> {
        if self.params.conference_cost.is_none() || self.seats.len() < 2 {
            return Vec::new();
        }
        let pool = self.pooled_hands();
        self.fitting_sets(seat, r, &pool, |cards| {
            let first = self.holder(cards[0]);
            cards.iter().any(|c| self.holder(*c) != first)
        })
    }
}

/// Whether `needs` can all be met, one card each, by cards of `pool`, with
/// every card of `forced` among them.
fn completes(
    game: &Game,
    needs: &[crate::content::Need],
    pool: &[ConnectionId],
    forced: &[ConnectionId],
) -> bool {
    /// Gives each forced card a need of its own, then matches the rest.
    fn place(
        game: &Game,
        needs: &[crate::content::Need],
        others: &[ConnectionId],
        forced: &[ConnectionId],
        used: &mut Vec<bool>,
    ) -> bool {
        let content = game.content();
        let Some((&card, rest)) = forced.split_first() else {
            let left: Vec<crate::content::Need> = needs
                .iter()
                .zip(used.iter())
                .filter(|(_, u)| !**u)
                .map(|(n, _)| *n)
                .collect();
            let cards = others.iter().map(|c| content.connection(*c));
            return crate::content::partial_assign(&left, cards).is_complete();
        };
        for i in 0..needs.len() {
            if !used[i] && content.connection(card).meets(needs[i]) {
                used[i] = true;
                if place(game, needs, others, rest, used) {
                    return true;
                }
                used[i] = false;
            }
        }
        false
    }
    let others: Vec<ConnectionId> = pool
        .iter()
        .copied()
        .filter(|c| !forced.contains(c))
        .collect();
    place(game, needs, &others, forced, &mut vec![false; needs.len()])
}
