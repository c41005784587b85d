//! Setting up a game and performing actions: `check` decides whether an action
//! is legal without touching the state, `perform` is the one place that
//! changes it, recording every change as an [`Event`].

use std::sync::Arc;

use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

use super::action::{Action, RuleError};
use super::event::{ConnectSource, Event, NeedCause, NeedGrowth, RevealCause};
use super::setup::{Setup, SetupError};
use super::state::{Game, Outcome, ResidentCard, ResidentPlace, ResidentState, Seat};
use crate::content::{
    Ability, ConnectionId, Content, DistrictId, DistrictPick, Effect, EventId, Need, Place,
    ResidentId,
};

impl Game {
    /// Sets up a game: shuffles the decks with the seed, places the first
    /// residents, deals hands, lays out the offer row and starts seat 0's turn.
    pub fn new(content: Arc<Content>, setup: Setup) -> Result<Game, SetupError> {
        if setup.seats.is_empty() || setup.seats.len() > 6 {
            return Err(SetupError::SeatCount(setup.seats.len()));
        }
        let params = content
            .difficulty(&setup.difficulty)
            .ok_or_else(|| SetupError::UnknownDifficulty(setup.difficulty.clone()))?
            .params;
        let mut seats: Vec<Seat> = Vec::new();
        for (i, s) in setup.seats.iter().enumerate() {
            let role = content
                .role_by_key(&s.role)
                .ok_or_else(|| SetupError::UnknownRole(s.role.clone()))?;
            if seats.iter().any(|x| x.role == role) {
                return Err(SetupError::DuplicateRole(s.role.clone()));
            }
            let home = match &s.home_district {
                Some(d) => Some(
                    content
                        .district_by_key(d)
                        .ok_or_else(|| SetupError::UnknownDistrict(d.clone()))?,
                ),
                None if content.role(role).needs_home_district() => {
                    return Err(SetupError::MissingHomeDistrict {
                        seat: i,
                        role: s.role.clone(),
                    });
                }
                None => None,
            };
            seats.push(Seat { role, home });
        }

        let mut rng = ChaCha8Rng::seed_from_u64(setup.seed);
        let mut resident_deck: Vec<ResidentCard> = (0..content.residents().len())
            .map(|i| ResidentCard::Resident(ResidentId::from_index(i)))
            .chain((0..content.events().len()).map(|i| ResidentCard::Event(EventId::from_index(i))))
            .collect();
        resident_deck.shuffle(&mut rng);
        let mut conn_deck = Vec::new();
        let mut reserve = Vec::new();
        for (i, c) in content.connections().iter().enumerate() {
            let id = ConnectionId::from_index(i);
            if c.in_deck {
                conn_deck.push(id);
            } else {
                reserve.push(id);
            }
        }
        conn_deck.shuffle(&mut rng);

        let n_districts = content.districts().len();
        let mut game = Game {
            residents: content
                .residents()
                .iter()
                .map(|r| ResidentState {
                    place: ResidentPlace::Deck,
                    revealed: false,
                    needs: r.needs.iter().copied().collect(),
                    printed: u8::try_from(r.needs.len()).unwrap_or(u8::MAX),
                    year_ends_waited: 0,
                    arrived: None,
                    visits: 0,
                    visited_turn: None,
                    refused: false,
                    ties: 0,
                    informal_ties: 0,
                    settled: 0,
                    escalations: 0,
                    drifted: 0,
                })
                .collect(),
            town: vec![Vec::new(); n_districts],
            hands: vec![Vec::new(); seats.len()],
            year: content.start_year(),
            content,
            setup,
            params,
            seats,
            rng,
            turn_seat: 0,
            actions_left: 0,
            free_listens_left: 0,
            over_limit: false,
            outcome: None,
            resident_deck,
            connected: Vec::new(),
            used_events: Vec::new(),
            conn_deck,
            discard: Vec::new(),
            offer: Vec::new(),
            reserve,
            removed: Vec::new(),
            coping: 0,
            last_undoable: false,
            actions_taken: 0,
            opening: Vec::new(),
            year_growth: Vec::new(),
            turn_no: 0,
            idea_progress: Vec::new(),
            founded: Vec::new(),
        };
        let mut ev = Vec::new();
        for d in 0..n_districts {
            for _ in 0..game.params.initial_residents_per_district {
                game.arrive_in(DistrictId::from_index(d), &mut ev);
            }
        }
        for seat in 0..game.seats.len() {
            for _ in 0..game.params.starting_hand {
                if let Some(card) = game.draw_connection(&mut ev) {
                    game.hands[seat].push(card);
                }
            }
        }
        game.refill_offer(&mut ev);
        game.start_turn(&mut ev);
        game.opening = ev;
        Ok(game)
    }

    /// Performs an action for a seat. A refused action leaves the game unchanged.
    pub fn act(&mut self, seat: usize, action: &Action) -> Result<Vec<Event>, RuleError> {
        self.check(seat, action)?;
        let mut ev = Vec::with_capacity(4);
        self.perform(seat, action, &mut ev);
        Ok(ev)
    }

    /// Whether `action` is legal for `seat` now, and if not, why.
    pub fn check(&self, seat: usize, action: &Action) -> Result<(), RuleError> {
        if self.outcome.is_some() {
            return Err(RuleError::GameOver);
        }
        if seat >= self.seats.len() {
            return Err(RuleError::NoSuchSeat(seat));
        }
        if seat != self.turn_seat {
            return Err(RuleError::NotYourTurn {
                expected: self.turn_seat,
                got: seat,
            });
        }
        match action {
            // The facilitator may always end the game, or the turn.
            Action::EndGame | Action::SkipTurn => return Ok(()),
            _ => {}
        }
        if self.over_limit {
            return match action {
                Action::Release { card } if self.hands[seat].contains(card) => Ok(()),
                Action::Release { .. } => Err(RuleError::CardNotInHand),
                _ => Err(RuleError::MustReleaseFirst),
            };
        }
        match action {
            Action::EndTurn | Action::SkipTurn | Action::EndGame => Ok(()),
            Action::Release { .. } => Err(RuleError::NothingToRelease),
            Action::Listen { resident } => {
                let r = self.town_resident(*resident)?;
                if r.revealed {
                    return Err(RuleError::AlreadyRevealed);
                }
                if self.actions_left == 0 && self.free_listens_left == 0 {
                    return Err(RuleError::NoActionsLeft);
                }
                Ok(())
            }
            Action::Connect { card } => {
                if self.actions_left == 0 {
                    return Err(RuleError::NoActionsLeft);
                }
                if self.offer.contains(card) || self.peeked_cards(seat).any(|c| c == *card) {
                    Ok(())
                } else {
                    Err(RuleError::CardNotOffered)
                }
            }
            Action::Visit { resident } => self.check_visit(*resident),
            Action::Pass { card, to } => self.check_pass(seat, *card, *to),
            Action::Conference { resident, cards } => self.check_conference(seat, *resident, cards),
            Action::Create { idea } => self.check_create(*idea),
            Action::Prescribe { resident, cards } => {
                if !self.town_resident(*resident)?.revealed {
                    return Err(RuleError::NotRevealed);
                }
                if self.actions_left == 0 {
                    return Err(RuleError::NoActionsLeft);
                }
                let left = self.trust_left(*resident);
                if left > 0 {
                    return Err(RuleError::NeedsTrust { left });
                }
                for (i, c) in cards.iter().enumerate() {
                    if !self.hands[seat].contains(c) {
                        return Err(RuleError::CardNotInHand);
                    }
                    if cards[..i].contains(c) {
                        return Err(RuleError::DuplicateCard);
                    }
                }
                if self.fits(seat, *resident, cards) {
                    Ok(())
                } else {
                    Err(RuleError::NeedsNotMet)
                }
            }
        }
    }

    pub(super) fn town_resident(&self, id: ResidentId) -> Result<&ResidentState, RuleError> {
        let r = self
            .residents
            .get(id.index())
            .ok_or(RuleError::UnknownResident)?;
        match r.place {
            ResidentPlace::Town(_) => Ok(r),
            _ => Err(RuleError::ResidentNotInTown),
        }
    }

    /// The one place actions change the state. `action` has passed `check`.
    fn perform(&mut self, seat: usize, action: &Action, ev: &mut Vec<Event>) {
        self.actions_taken = self.actions_taken.saturating_add(1);
        self.last_undoable = !action.reveals_or_draws();
        match action {
            Action::Listen { resident } => {
                let free = self.free_listens_left > 0;
                if free {
                    self.free_listens_left -= 1;
                } else {
                    self.actions_left -= 1;
                }
                ev.push(Event::Listened {
                    seat,
                    resident: *resident,
                    free,
                });
                self.reveal(*resident, RevealCause::Listen, ev);
                if self.extra_reveal()
                    && let ResidentPlace::Town(d) = self.residents[resident.index()].place
                    && let Some(&other) = self.town[d.index()]
                        .iter()
                        .find(|r| !self.residents[r.index()].revealed)
                {
                    self.reveal(other, RevealCause::ExtraReveal, ev);
                }
            }
            Action::Connect { card } => {
                self.actions_left -= 1;
                let source = if let Some(i) = self.offer.iter().position(|c| c == card) {
                    self.offer.remove(i);
                    ConnectSource::Offer
                } else {
                    let i = self
                        .conn_deck
                        .iter()
                        .rposition(|c| c == card)
                        .expect("checked: a peeked card is in the deck");
                    self.conn_deck.remove(i);
                    ConnectSource::DeckTop
                };
                self.hands[seat].push(*card);
                ev.push(Event::Connected {
                    seat,
                    card: *card,
                    source,
                });
                self.refill_offer(ev);
                let limit = self.hand_limit(seat);
                if self.hands[seat].len() > usize::from(limit) {
                    self.over_limit = true;
                    ev.push(Event::HandOverLimit { seat, limit });
                }
            }
            Action::Release { card } => {
                self.take_from_hand(seat, *card);
                self.discard.push(*card);
                ev.push(Event::Released { seat, card: *card });
                self.over_limit = self.hands[seat].len() > usize::from(self.hand_limit(seat));
            }
            Action::Prescribe { resident, cards } => {
                self.actions_left -= 1;
                if self.will_refuse(*resident) {
                    self.refuse(seat, *resident, ev);
                    return;
                }
                for c in cards {
                    self.take_from_hand(seat, *c);
                    self.spend(*c, ev);
                }
                self.connect_resident(seat, *resident, cards, ev);
            }
            Action::Visit { resident } => self.visit(seat, *resident, ev),
            Action::Pass { card, to } => self.pass(seat, *card, *to, ev),
            Action::Conference { resident, cards } => {
                self.conference(seat, *resident, cards, ev);
            }
            Action::Create { idea } => self.create(seat, *idea, ev),
            Action::EndTurn => self.end_turn(seat, ev),
            Action::SkipTurn => {
                // Newest cards go first: they are the ones taken this turn.
                while self.hands[seat].len() > usize::from(self.hand_limit(seat)) {
                    let Some(card) = self.hands[seat].pop() else {
                        break;
                    };
                    self.discard.push(card);
                    ev.push(Event::Released { seat, card });
                }
                self.over_limit = false;
                self.end_turn(seat, ev);
            }
            Action::EndGame => {
                let connected = self.connected.len();
                ev.push(Event::GameEndedEarly {
                    year: self.year,
                    connected,
                });
                self.outcome = Some(Outcome::EndedEarly {
                    year: self.year,
                    connected,
                });
            }
        }
    }

    fn end_turn(&mut self, seat: usize, ev: &mut Vec<Event>) {
        ev.push(Event::TurnEnded { seat });
        self.turn_seat += 1;
        if self.turn_seat == self.seats.len() {
            self.turn_seat = 0;
            self.year_end(ev);
            if self.outcome.is_some() {
                return;
            }
            self.year = self.year.saturating_add(1);
        }
        self.start_turn(ev);
    }

    pub(super) fn take_from_hand(&mut self, seat: usize, card: ConnectionId) {
        if let Some(i) = self.hands[seat].iter().position(|c| *c == card) {
            self.hands[seat].remove(i);
        }
    }

    fn start_turn(&mut self, ev: &mut Vec<Event>) {
        self.turn_no = self.turn_no.saturating_add(1);
        let (actions, free) = self.turn_allowance(self.turn_seat);
        self.actions_left = actions;
        self.free_listens_left = free;
        ev.push(Event::TurnStarted {
            year: self.year,
            seat: self.turn_seat,
            actions,
        });
        self.arrival(ev);
    }

    /// Draws resident cards until one resident arrives; events drawn on the
    /// way are resolved (up to the per-turn limit) or put at the bottom.
    fn arrival(&mut self, ev: &mut Vec<Event>) {
        let mut events_resolved = 0;
        let mut tries = self.resident_deck.len();
        while tries > 0 {
            tries -= 1;
            match self.resident_deck.pop() {
                None => break,
                Some(ResidentCard::Resident(r)) => {
                    self.place_resident(r, ev);
                    return;
                }
                Some(ResidentCard::Event(e)) => {
                    if events_resolved < self.params.max_events_per_turn {
                        events_resolved += 1;
                        self.resolve_event(e, ev);
                        if self.outcome.is_some() {
                            return;
                        }
                    } else {
                        self.resident_deck.insert(0, ResidentCard::Event(e));
                        ev.push(Event::EventDeferred { event: e });
                    }
                }
            }
        }
        ev.push(Event::ResidentDeckEmpty);
    }

    fn place_resident(&mut self, r: ResidentId, ev: &mut Vec<Event>) {
        let home = self.content.resident(r).district;
        let district = self.spill_target(home).unwrap_or(home);
        if district != home {
            ev.push(Event::SpilledOver {
                resident: r,
                from: home,
                to: district,
            });
        }
        let state = &mut self.residents[r.index()];
        state.place = ResidentPlace::Town(district);
        state.arrived = Some(self.year);
        self.town[district.index()].push(r);
        ev.push(Event::ResidentArrived {
            resident: r,
            district,
        });
        let home_reveal = self.seats.iter().enumerate().any(|(i, s)| {
            s.home == Some(district)
                && self
                    .role_abilities(i)
                    .any(|a| a == Ability::HomeDistrictReveal)
        });
        if self.content.resident(r).referred_by.is_some() {
            self.reveal(r, RevealCause::Referral, ev);
        } else if home_reveal {
            self.reveal(r, RevealCause::HomeDistrict, ev);
        }
    }

    /// Where spill-over sends a resident bound for `home`: the neighbour
    /// with the fewest waiting (first in the map's list on a tie), when
    /// `home` is within the deck's `spill_over` of its limit and that
    /// neighbour is calmer.
    pub(super) fn spill_target(&self, home: DistrictId) -> Option<DistrictId> {
        let margin = usize::from(self.params.spill_over?);
        let load = self.town[home.index()].len();
        if load.saturating_add(margin) < self.collapse_threshold() {
            return None;
        }
        self.content
            .district(home)
            .neighbours
            .iter()
            .copied()
            .filter(|n| self.town[n.index()].len() < load)
            .min_by_key(|n| self.town[n.index()].len())
    }

    /// The topmost resident card of `district` in the deck arrives, if any.
    fn arrive_in(&mut self, district: DistrictId, ev: &mut Vec<Event>) {
        let found = self.resident_deck.iter().rposition(|c| match c {
            ResidentCard::Resident(r) => self.content.resident(*r).district == district,
            ResidentCard::Event(_) => false,
        });
        if let Some(i) = found
            && let ResidentCard::Resident(r) = self.resident_deck.remove(i)
        {
            self.place_resident(r, ev);
        }
    }

    pub(super) fn reveal(&mut self, r: ResidentId, cause: RevealCause, ev: &mut Vec<Event>) {
        let state = &mut self.residents[r.index()];
        if !state.revealed {
            state.revealed = true;
            ev.push(Event::Revealed { resident: r, cause });
        }
    }

    pub(super) fn gain_need(&mut self, r: ResidentId, cause: NeedCause, ev: &mut Vec<Event>) {
        // Waiting adds the card's overlapping worries first, in order.
        let card = self.content.resident(r);
        let state = &mut self.residents[r.index()];
        let worry = match cause {
            NeedCause::Escalation => {
                let w = card.overlaps.get(usize::from(state.escalations));
                state.escalations = state.escalations.saturating_add(1);
                w.copied().unwrap_or(card.worry)
            }
            NeedCause::Event => card.worry,
        };
        let need = Need::Worry(worry);
        self.residents[r.index()].needs.push(need);
        self.year_growth.push(NeedGrowth {
            resident: r,
            need,
            cause,
        });
        ev.push(Event::NeedGained {
            resident: r,
            need,
            cause,
        });
    }

    fn pick_district(&mut self, pick: DistrictPick) -> DistrictId {
        match pick {
            DistrictPick::Named(d) => d,
            DistrictPick::Random => {
                DistrictId::from_index(self.rng.random_range(0..self.town.len()))
            }
            DistrictPick::MostLoaded => {
                let mut best = 0;
                for (i, t) in self.town.iter().enumerate() {
                    if t.len() > self.town[best].len() {
                        best = i;
                    }
                }
                DistrictId::from_index(best)
            }
        }
    }

    fn resolve_event(&mut self, e: EventId, ev: &mut Vec<Event>) {
        ev.push(Event::EventDrawn { event: e });
        self.used_events.push(e);
        let content = Arc::clone(&self.content);
        for effect in &content.event(e).effects {
            match *effect {
                Effect::Arrivals { place, count } => {
                    let districts: Vec<DistrictId> = match place {
                        Place::Everywhere => {
                            (0..self.town.len()).map(DistrictId::from_index).collect()
                        }
                        Place::District(p) => vec![self.pick_district(p)],
                    };
                    for d in districts {
                        for _ in 0..count {
                            self.arrive_in(d, ev);
                        }
                    }
                }
                Effect::HiddenGainNeed => {
                    let hidden: Vec<ResidentId> = self
                        .town
                        .iter()
                        .flatten()
                        .copied()
                        .filter(|r| !self.residents[r.index()].revealed)
                        .collect();
                    for r in hidden {
                        self.gain_need(r, NeedCause::Event, ev);
                    }
                }
                Effect::RevealDistrict(p) => {
                    let d = self.pick_district(p);
                    for r in self.town[d.index()].clone() {
                        self.reveal(r, RevealCause::Event, ev);
                    }
                }
                Effect::AddConnection(card) => {
                    if let Some(i) = self.reserve.iter().position(|c| *c == card) {
                        self.reserve.remove(i);
                        self.offer.push(card);
                        ev.push(Event::ConnectionAdded { card });
                    }
                }
                Effect::LoseConnection(n) => {
                    for _ in 0..n {
                        let total: usize = self.hands.iter().map(Vec::len).sum();
                        if total == 0 {
                            break;
                        }
                        let mut k = self.rng.random_range(0..total);
                        let seat = self
                            .hands
                            .iter()
                            .position(|h| {
                                if k < h.len() {
                                    true
                                } else {
                                    k -= h.len();
                                    false
                                }
                            })
                            .expect("k < total cards in hands");
                        let card = self.hands[seat].remove(k);
                        self.removed.push(card);
                        ev.push(Event::ConnectionLost { seat, card });
                    }
                }
            }
        }
    }

    /// Draws the top connection card, reshuffling the discard pile when the deck is empty.
    fn draw_connection(&mut self, ev: &mut Vec<Event>) -> Option<ConnectionId> {
        if self.conn_deck.is_empty() && !self.discard.is_empty() {
            self.conn_deck.append(&mut self.discard);
            self.conn_deck.shuffle(&mut self.rng);
            ev.push(Event::ConnectionDeckReshuffled {
                cards: self.conn_deck.len(),
            });
        }
        self.conn_deck.pop()
    }

    fn refill_offer(&mut self, ev: &mut Vec<Event>) {
        while self.offer.len() < usize::from(self.params.offer_size) {
            match self.draw_connection(ev) {
                Some(card) => {
                    self.offer.push(card);
                    ev.push(Event::OfferRefilled { card });
                }
                None => break,
            }
        }
    }

    fn year_end(&mut self, ev: &mut Vec<Event>) {
        let every = self.params.escalate_after_years;
        let waiting: Vec<ResidentId> = self.town.iter().flatten().copied().collect();
        for r in waiting {
            let state = &mut self.residents[r.index()];
            state.year_ends_waited = state.year_ends_waited.saturating_add(1);
            if state.year_ends_waited.is_multiple_of(every) {
                self.gain_need(r, NeedCause::Escalation, ev);
            }
        }
        self.drift_back(ev);
        ev.push(Event::YearEnded {
            year: self.year,
            loads: self.loads(),
            grew: std::mem::take(&mut self.year_growth),
        });
        let mut worst: Option<usize> = None;
        for (i, t) in self.town.iter().enumerate() {
            if self.collapses(t.len()) && worst.is_none_or(|w| t.len() > self.town[w].len()) {
                worst = Some(i);
            }
        }
        if let Some(w) = worst {
            let outcome = Outcome::Collapsed {
                year: self.year,
                district: DistrictId::from_index(w),
                residents: self.town[w].clone(),
            };
            ev.push(Event::TownCollapsed {
                year: self.year,
                district: DistrictId::from_index(w),
                residents: self.town[w].clone(),
            });
            self.outcome = Some(outcome);
        } else if self.year >= self.content.end_year() {
            ev.push(Event::TownSurvived {
                year: self.year,
                connected: self.connected.len(),
            });
            self.outcome = Some(Outcome::Survived {
                connected: self.connected.len(),
            });
        }
    }
}
