//! The heuristic bot: prescribe where it saves the most endangered district,
//! listen where hidden residents pile up, connect for needs seen on the board.
//! It also explains itself, so the facilitator's coaching hint can show why.

use crate::content::{ConnectionId, Need, ResidentId, partial_assign};
use crate::rules::{Action, Game, ResidentPlace};

/// Why the heuristic chose an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// The hand is over its limit; this card helps least with the board.
    ReleaseLeastUseful,
    /// These cards resolve a resident in the most loaded district.
    PrescribeEndangered,
    /// A free listen is available.
    FreeListen,
    /// This card completes a known resident's needs.
    ConnectForNeed,
    /// Hidden residents pile up in this district.
    ListenWherePiling,
    /// This card helps with the most worries on the board.
    ConnectBroad,
    /// Nothing useful is left this turn.
    NothingLeft,
}

/// A suggested action with its reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Advice {
    pub action: Action,
    pub reason: Reason,
}

fn danger(game: &Game, r: ResidentId) -> usize {
    match game.resident_state(r).place() {
        ResidentPlace::Town(d) => {
            let load = game.district_residents(d).len();
            // Close to collapse weighs much more; older waits a little more.
            load * load * 10 + usize::from(game.resident_state(r).year_ends_waited())
        }
        _ => 0,
    }
}

/// The heuristic's choice for `seat` (the current seat).
pub fn advise(game: &Game, seat: usize) -> Advice {
    let content = game.content();
    let hand = game.hand(seat);
    if game.must_release() {
        let card = *hand
            .iter()
            .min_by_key(|c| usefulness(game, **c))
            .expect("a seat over its hand limit holds cards");
        return Advice {
            action: Action::Release { card },
            reason: Reason::ReleaseLeastUseful,
        };
    }
    let end = Advice {
        action: Action::EndTurn,
        reason: Reason::NothingLeft,
    };
    if game.is_over() || game.current_seat() != seat {
        return end;
    }
    let hand_cards: Vec<_> = hand.iter().map(|c| content.connection(*c)).collect();

    // Known residents, most endangered first.
    let mut revealed: Vec<ResidentId> = game.revealed_in_town().collect();
    revealed.sort_by_key(|r| std::cmp::Reverse(danger(game, *r)));

    if game.actions_left() > 0 {
        for &r in &revealed {
            let (needs, _) = game.needs_for(seat, r);
            let got = partial_assign(&needs, &hand_cards);
            if got.iter().all(Option::is_some) {
                let cards = got.iter().flatten().map(|i| hand[*i]).collect();
                return Advice {
                    action: Action::Prescribe { resident: r, cards },
                    reason: Reason::PrescribeEndangered,
                };
            }
        }
    }
    let listen_target = || {
        game.hidden_in_town().max_by_key(|r| {
            let ResidentPlace::Town(d) = game.resident_state(*r).place() else {
                return 0;
            };
            let hidden = game
                .district_residents(d)
                .iter()
                .filter(|x| !game.resident_state(**x).revealed())
                .count();
            // most loaded district first, then most hidden; earliest arrival on ties
            (game.district_residents(d).len() * 16 + hidden) * 64
                + (63 - usize::from(game.resident_state(*r).year_ends_waited()).min(63))
        })
    };
    if game.free_listens_left() > 0
        && let Some(r) = listen_target()
    {
        return Advice {
            action: Action::Listen { resident: r },
            reason: Reason::FreeListen,
        };
    }
    if game.actions_left() == 0 {
        return end;
    }
    let choices: Vec<ConnectionId> = game
        .offer()
        .iter()
        .copied()
        .chain(game.peeked_cards(seat))
        .collect();
    let room = hand.len() < usize::from(game.hand_limit(seat));
    // Connect a card that fills a missing need of a known, endangered resident.
    for &r in &revealed {
        let (needs, _) = game.needs_for(seat, r);
        let got = partial_assign(&needs, &hand_cards);
        let missing: Vec<Need> = needs
            .iter()
            .zip(&got)
            .filter(|(_, g)| g.is_none())
            .map(|(n, _)| *n)
            .collect();
        if missing.len() > usize::from(game.actions_left()).max(2) {
            continue;
        }
        if let Some(card) = choices
            .iter()
            .copied()
            .filter(|c| missing.iter().any(|n| content.connection(*c).meets(*n)))
            .max_by_key(|c| usefulness(game, *c))
        {
            return Advice {
                action: Action::Connect { card },
                reason: Reason::ConnectForNeed,
            };
        }
    }
    if let Some(r) = listen_target() {
        return Advice {
            action: Action::Listen { resident: r },
            reason: Reason::ListenWherePiling,
        };
    }
    if room && let Some(card) = choices.iter().copied().max_by_key(|c| usefulness(game, *c)) {
        return Advice {
            action: Action::Connect { card },
            reason: Reason::ConnectBroad,
        };
    }
    end
}

/// How much a card helps with what is on the board (known needs count most).
fn usefulness(game: &Game, card: ConnectionId) -> usize {
    let c = game.content().connection(card);
    let mut score = c.helps.len() + 2 * c.specialities.len();
    for r in game.revealed_in_town() {
        if game.needs(r).any(|n| c.meets(n)) {
            score += 4 + danger(game, r).min(200) / 10;
        }
    }
    score
}
