//! The facilitator's overrides are rules operations: skipping a turn, ending
//! the game early and taking back any action go through the rules, with
//! their own events and outcome, and after any end nothing is accepted.

mod common;

use std::sync::Arc;

use common::*;
use community_coping::rules::{Action, Event, Journal, Outcome, RuleError, Undo, replay, undo};

#[test]
fn overrides_are_never_listed_as_a_seats_own_play() {
    let c = mini();
    let g = game(&c, 3, &["plain", "listener"]);
    let legal = g.legal_actions(g.current_seat());
    assert!(legal.iter().all(|a| !a.is_override()));
    assert_eq!(g.legal_overrides(), vec![Action::SkipTurn, Action::EndGame]);
}

#[test]
fn ending_the_game_early_is_an_outcome_and_nothing_is_accepted_after_it() {
    let c = mini();
    let mut g = game(&c, 5, &["plain", "listener"]);
    end_turns(&mut g, 1);
    let year = g.year();
    let connected = g.connected_residents().len();
    let ev = act(&mut g, Action::EndGame);
    assert_eq!(ev, vec![Event::GameEndedEarly { year, connected }]);
    assert_eq!(g.outcome(), Some(&Outcome::EndedEarly { year, connected }));
    assert!(g.is_over());
    let seat = g.current_seat();
    for a in [Action::EndTurn, Action::SkipTurn, Action::EndGame] {
        assert_eq!(g.act(seat, &a).unwrap_err(), RuleError::GameOver);
    }
    assert!(g.legal_actions(seat).is_empty());
    assert!(g.legal_overrides().is_empty());
}

#[test]
fn skipping_a_turn_releases_the_newest_cards_over_the_limit_then_ends_it() {
    let c = mini();
    // the mini deck's hand limit is 3; connect until the seat must release
    let mut g = game(&c, 11, &["listener"]);
    let seat = g.current_seat();
    while !g.must_release() {
        let card = g.offer()[0];
        act(&mut g, Action::Connect { card });
        assert!(!g.is_over());
    }
    let hand = g.hand(seat).to_vec();
    assert_eq!(
        g.act(seat, &Action::EndTurn).unwrap_err(),
        RuleError::MustReleaseFirst
    );
    let ev = act(&mut g, Action::SkipTurn);
    let newest = *hand.last().unwrap();
    assert!(ev.contains(&Event::Released { seat, card: newest }));
    assert!(ev.contains(&Event::TurnEnded { seat }));
    assert!(g.hand(seat).len() <= usize::from(g.hand_limit(seat)));
    assert!(!g.must_release());
    assert_conserved(&g);
}

#[test]
fn the_facilitator_can_take_back_what_players_cannot_but_not_after_an_end() {
    let c = mini();
    let setup = setup(8, &["plain", "listener"]);
    let mut g = community_coping::rules::Game::new(Arc::clone(&c), setup.clone()).unwrap();
    let mut journal = Journal::new(&c, setup);
    let before = g.state_hash();
    let r = g.hidden_in_town().next().unwrap();
    let seat = g.current_seat();
    g.act(seat, &Action::Listen { resident: r }).unwrap();
    journal.record(seat, Action::Listen { resident: r });
    assert_eq!(
        undo(Arc::clone(&c), &mut journal.clone(), &g, Undo::Players).unwrap_err(),
        RuleError::CannotUndo
    );
    let back = undo(Arc::clone(&c), &mut journal, &g, Undo::Facilitator).unwrap();
    assert_eq!(back.state_hash(), before);
    assert!(journal.entries.is_empty());
    assert_eq!(
        undo(Arc::clone(&c), &mut journal, &back, Undo::Facilitator).unwrap_err(),
        RuleError::NothingToUndo
    );

    // after the end, not even the facilitator takes anything back
    let mut g = back;
    g.act(g.current_seat(), &Action::EndGame).unwrap();
    journal.record(0, Action::EndGame);
    assert_eq!(
        undo(Arc::clone(&c), &mut journal, &g, Undo::Facilitator).unwrap_err(),
        RuleError::GameOver
    );
    // and the journal replays to the same end
    assert_eq!(replay(c, &journal).unwrap().state_hash(), g.state_hash());
}

#[test]
fn the_year_end_event_carries_the_loads_and_the_needs_grown_that_year() {
    let c = mini();
    let mut g = game(&c, 2, &["plain"]);
    let mut all = g.opening_events().to_vec();
    for _ in 0..8 {
        if g.is_over() {
            break;
        }
        let ev = end_turns(&mut g, 1);
        let grown_before_end = all
            .iter()
            .rev()
            .take_while(|e| !matches!(e, Event::YearEnded { .. }))
            .chain(
                ev.iter()
                    .take_while(|e| !matches!(e, Event::YearEnded { .. })),
            )
            .filter(|e| matches!(e, Event::NeedGained { .. }))
            .count();
        all.extend(ev.iter().cloned());
        if let Some(Event::YearEnded { loads, grew, .. }) =
            ev.iter().find(|e| matches!(e, Event::YearEnded { .. }))
        {
            assert_eq!(grew.len(), grown_before_end);
            // the loads are the town before the next year's first arrival
            let arrived_after = ev
                .iter()
                .skip_while(|e| !matches!(e, Event::YearEnded { .. }))
                .filter(|e| matches!(e, Event::ResidentArrived { .. }))
                .count();
            assert_eq!(
                loads.iter().sum::<usize>() + arrived_after,
                g.loads().iter().sum::<usize>()
            );
        }
    }
}
