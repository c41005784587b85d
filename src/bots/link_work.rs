//! The heuristic's link work, in a deck that has it: prefer an informal
//! tie where people drift back, call a case conference where no one hand
//! can help an endangered resident, visit those who need trust, pass a card
//! to the seat it completes, and found resources when the town is calm.
//! A lesson switched off is never played (see [`Lessons`]).

use super::heuristic::{Advice, Board, Known, Reason, first_max};
use super::lessons::{Lesson, Lessons};
use crate::content::{ConnectionId, ConnectionKind, ResidentId, partial_assign};
use crate::rules::{Action, Game, ResidentPlace};

fn informal(game: &Game, card: ConnectionId) -> bool {
    game.content().connection(card).kind == ConnectionKind::Informal
}

/// Whether the bot should look for an informal tie: the lesson is on and
/// the deck lets public-only residents drift back.
fn wants_informal(game: &Game, lessons: Lessons) -> bool {
    lessons.on(Lesson::Informal) && game.params().relapse_after_years.is_some()
}

/// A set of cards from `pool` meeting every need of `r` for `seat` (one
/// card per need), found by matching rather than by listing every set: the
/// bots decide millions of times. Earlier cards of `pool` are preferred.
fn matched_set(
    game: &Game,
    seat: usize,
    r: ResidentId,
    pool: &[ConnectionId],
) -> Option<Vec<ConnectionId>> {
    let (needs, _) = game.needs_for(seat, r);
    let content = game.content();
    let m = partial_assign(&needs, pool.iter().map(|c| content.connection(*c)));
    if !m.is_complete() {
        return None;
    }
    Some(
        (0..needs.len())
            .filter_map(|i| m.card_for(i))
            .map(|i| pool[i])
            .collect(),
    )
}

/// `cards` in the order the bot prefers them: informal ones first when it
/// wants informal ties, else as they are.
fn preferred(game: &Game, mut cards: Vec<ConnectionId>, lessons: Lessons) -> Vec<ConnectionId> {
    if wants_informal(game, lessons) {
        cards.sort_by_key(|c| !informal(game, *c));
    }
    cards
}

/// Whether a set holds cards of at least two seats (a conference's rule).
fn two_seats(game: &Game, set: &[ConnectionId]) -> bool {
    let first = set.first().and_then(|c| game.holder(*c));
    set.iter().any(|c| game.holder(*c) != first)
}

/// A set the current seat could hold a case conference with for `r`:
/// pooled cards, informal ones first where that matters, then the other
/// seats' cards first (so that two seats take part).
fn conference_set(
    game: &Game,
    seat: usize,
    r: ResidentId,
    lessons: Lessons,
) -> Option<Vec<ConnectionId>> {
    let pool = preferred(game, game.pooled_hands(), lessons);
    let mut others_first = pool.clone();
    others_first.sort_by_key(|c| game.holder(*c) == Some(seat));
    [pool, others_first]
        .iter()
        .filter_map(|p| matched_set(game, seat, r, p))
        .find(|set| two_seats(game, set))
}

/// Whether the bot waits for an informal tie rather than connecting `r`
/// with public services only: it wants informal ties, no informal set is at
/// hand (alone or, for one action, in a conference), and `r`'s district is
/// not within two residents of its limit.
pub(super) fn holds_out(
    game: &Game,
    seat: usize,
    r: ResidentId,
    board: &Board,
    lessons: Lessons,
) -> bool {
    if !wants_informal(game, lessons) {
        return false;
    }
    let ResidentPlace::Town(d) = game.resident_state(r).place() else {
        return false;
    };
    if board.load[d.index()].saturating_add(2) >= game.collapse_threshold() {
        return false;
    }
    let has_informal = |set: &Vec<ConnectionId>| set.iter().any(|c| informal(game, *c));
    let hand = preferred(game, game.hand(seat).to_vec(), lessons);
    if matched_set(game, seat, r, &hand).is_some_and(|s| has_informal(&s)) {
        return false;
    }
    let meet = lessons.on(Lesson::Conference)
        && game
            .conference_cost()
            .is_some_and(|c| c <= 1 && game.actions_left() >= c);
    !(meet && conference_set(game, seat, r, lessons).is_some_and(|s| has_informal(&s)))
}

/// `cards`, or a set of the hand that meets the same resident with an
/// informal tie among them, when the bot plays by that lesson.
pub(super) fn informal_first(
    game: &Game,
    seat: usize,
    r: ResidentId,
    cards: Vec<ConnectionId>,
    lessons: Lessons,
) -> Vec<ConnectionId> {
    if !wants_informal(game, lessons) || cards.iter().any(|c| informal(game, *c)) {
        return cards;
    }
    let hand = preferred(game, game.hand(seat).to_vec(), lessons);
    matched_set(game, seat, r, &hand)
        .filter(|set| set.iter().any(|c| informal(game, *c)))
        .unwrap_or(cards)
}

/// Prescribing `cards` to `r`, or, when they are all public and the bot
/// wants an informal tie, a case conference (no dearer than one action)
/// whose pooled set gives one.
pub(super) fn with_informal_tie(
    game: &Game,
    seat: usize,
    r: ResidentId,
    cards: Vec<ConnectionId>,
    lessons: Lessons,
) -> Action {
    let public_only = !cards.iter().any(|c| informal(game, *c));
    if public_only
        && wants_informal(game, lessons)
        && lessons.on(Lesson::Conference)
        && game
            .conference_cost()
            .is_some_and(|c| c <= 1 && game.actions_left() >= c)
        && let Some(set) =
            conference_set(game, seat, r, lessons).filter(|s| s.iter().any(|c| informal(game, *c)))
    {
        return Action::Conference {
            resident: r,
            cards: set,
        };
    }
    Action::Prescribe { resident: r, cards }
}

/// How much more a card is worth to the bot because it is informal: where
/// public-only ties drift back, an informal tie keeps a resident connected,
/// so the bot reaches for neighbours, shops and volunteers first.
pub(super) fn tie_bonus(game: &Game, card: ConnectionId, lessons: Lessons) -> usize {
    if wants_informal(game, lessons) && informal(game, card) {
        INFORMAL_BONUS
    } else {
        0
    }
}

/// The informal bonus: as much as meeting one more known resident's need.
const INFORMAL_BONUS: usize = 20;

/// A case conference or a pass, in that order, for the most endangered
/// resident it helps.
pub(super) fn together(
    game: &Game,
    seat: usize,
    known: &[Known],
    lessons: Lessons,
) -> Option<Advice> {
    let mut by_danger: Vec<&Known> = known.iter().collect();
    by_danger.sort_by_key(|k| std::cmp::Reverse(k.danger));
    let alone = |k: &Known| {
        k.matching.as_ref().is_some_and(|m| m.is_complete()) && game.trust_left(k.resident) == 0
    };
    if lessons.on(Lesson::Conference)
        && game
            .conference_cost()
            .is_some_and(|c| game.actions_left() >= c)
    {
        for k in by_danger.iter().filter(|k| !alone(k)).take(3) {
            if let Some(cards) = conference_set(game, seat, k.resident, lessons) {
                return Some(Advice {
                    action: Action::Conference {
                        resident: k.resident,
                        cards,
                    },
                    reason: Reason::ConferenceEndangered,
                });
            }
        }
    }
    if lessons.on(Lesson::Share) && game.pass_cost().is_some_and(|c| game.actions_left() >= c) {
        return pass(game, seat, &by_danger);
    }
    None
}

/// A visit to the most endangered resident who needs trust and whom this
/// hand could then help, when nothing more urgent is left this turn.
pub(super) fn visit(game: &Game, known: &[Known], seat: usize, lessons: Lessons) -> Option<Advice> {
    let mut by_danger: Vec<&Known> = known.iter().collect();
    by_danger.sort_by_key(|k| std::cmp::Reverse(k.danger));
    if lessons.on(Lesson::Trust)
        && let Some(k) = by_danger.iter().find(|k| {
            game.trust_left(k.resident) > 0
                && k.matching.as_ref().is_some_and(|m| m.is_complete())
                && game
                    .check(
                        seat,
                        &Action::Visit {
                            resident: k.resident,
                        },
                    )
                    .is_ok()
        })
    {
        return Some(Advice {
            action: Action::Visit {
                resident: k.resident,
            },
            reason: Reason::VisitForTrust,
        });
    }
    None
}

/// A card of this hand that completes another seat's hand for a trusted,
/// endangered resident that seat cannot help yet.
fn pass(game: &Game, seat: usize, by_danger: &[&Known]) -> Option<Advice> {
    let content = game.content();
    let hand = game.hand(seat);
    for k in by_danger
        .iter()
        .filter(|k| game.trust_left(k.resident) == 0)
    {
        if k.matching.as_ref().is_some_and(|m| m.is_complete()) {
            continue;
        }
        // only to the seat that plays next, so the help arrives soon
        let next = (seat + 1) % game.seats().len();
        for to in [next].into_iter().filter(|&t| t != seat) {
            if game.hand(to).len() >= usize::from(game.hand_limit(to)) {
                continue;
            }
            let (needs, _) = game.needs_for(to, k.resident);
            let theirs =
                partial_assign(&needs, game.hand(to).iter().map(|c| content.connection(*c)));
            if needs.len() - theirs.met() != 1 {
                continue;
            }
            let card = hand.iter().copied().find(|c| {
                let conn = content.connection(*c);
                theirs.unmet().any(|i| conn.meets(needs[i]))
            });
            if let Some(card) = card {
                return Some(Advice {
                    action: Action::Pass { card, to },
                    reason: Reason::PassToHelp,
                });
            }
        }
    }
    None
}

/// An action towards the resource idea nearest to founding, on the last
/// action of a turn while no district is one resident from its limit.
pub(super) fn create(game: &Game, board: &Board, lessons: Lessons) -> Option<Advice> {
    if !lessons.on(Lesson::Create) || game.actions_left() != 1 {
        return None;
    }
    let calm = board
        .load
        .iter()
        .all(|&l| l.saturating_add(1) < game.collapse_threshold());
    if !calm {
        return None;
    }
    let idea = first_max(game.open_ideas(), |c| usize::from(game.idea_progress(*c)))?;
    Some(Advice {
        action: Action::Create { idea },
        reason: Reason::CreateResource,
    })
}
