//! Property tests: random legal play never panics, conserves every card,
//! replays exactly, and refused actions change nothing.

mod common;

use std::sync::Arc;

use common::*;
use community_coping::content::{ConnectionId, ResidentId, default_content};
use community_coping::rules::{Action, Game, Journal, SeatKind, Setup, replay};
use proptest::prelude::*;

const ROLES: [&str; 6] = ["plain", "listener", "planner", "keeper", "soba", "aunt"];

fn mini_setup(seed: u64, seats: usize, tight: bool) -> Setup {
    let mut s = setup(seed, &ROLES[..seats]);
    for seat in &mut s.seats {
        seat.home_district = Some("a".into());
    }
    if tight {
        s.difficulty = "tight".into();
    }
    s
}

/// Plays `choices` as indices into the legal actions, checking invariants after each step.
fn play(g: &mut Game, journal: &mut Journal, choices: &[usize]) {
    for &k in choices {
        if g.is_over() {
            break;
        }
        let seat = g.current_seat();
        let legal = g.legal_actions(seat);
        prop_assert_ne_fallible(!legal.is_empty());
        let action = legal[k % legal.len()].clone();
        g.act(seat, &action).expect("a legal action is accepted");
        journal.record(seat, action);
        assert_conserved(g);
        for s in 0..g.seats().len() {
            assert!(
                g.hand(s).len() <= usize::from(g.hand_limit(s))
                    || (g.must_release() && s == g.current_seat())
            );
        }
        assert!(
            g.offer().len() <= usize::from(g.params().offer_size) + g.content().connections().len()
        );
        assert!(g.year() <= g.content().end_year());
    }
}

/// Like [`play`], but an even choice takes an action of link work (visit,
/// pass, conference, founding) whenever one is listed.
fn play_link_work(g: &mut Game, journal: &mut Journal, choices: &[usize]) {
    let mut founded = 0;
    for &k in choices {
        if g.is_over() {
            break;
        }
        let seat = g.current_seat();
        let legal = g.legal_actions(seat);
        let lw: Vec<&Action> = legal
            .iter()
            .filter(|a| {
                matches!(
                    a,
                    Action::Visit { .. }
                        | Action::Pass { .. }
                        | Action::Conference { .. }
                        | Action::Create { .. }
                )
            })
            .collect();
        let action = if k % 2 == 0 && !lw.is_empty() {
            lw[(k / 2) % lw.len()].clone()
        } else {
            legal[k % legal.len()].clone()
        };
        g.act(seat, &action).expect("a legal action is accepted");
        journal.record(seat, action);
        // every card in one place, founded ideas included
        assert_conserved(g);
        assert!(g.founded().len() >= founded, "a founded idea stays founded");
        founded = g.founded().len();
        for idea in g.founded() {
            assert!(!g.reserve_connections().contains(idea));
        }
        for idea in g.open_ideas() {
            assert!(g.reserve_connections().contains(&idea));
        }
        for s in 0..g.seats().len() {
            assert!(
                g.hand(s).len() <= usize::from(g.hand_limit(s))
                    || (g.must_release() && s == g.current_seat())
            );
        }
    }
}

fn prop_assert_ne_fallible(ok: bool) {
    assert!(ok, "a running game always offers at least one legal action");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn random_legal_play_conserves_cards_and_replays_exactly(
        seed in any::<u64>(),
        seats in 1usize..=6,
        tight in any::<bool>(),
        choices in prop::collection::vec(any::<usize>(), 0..400),
    ) {
        let c = mini();
        let setup = mini_setup(seed, seats, tight);
        let mut g = Game::new(Arc::clone(&c), setup.clone()).unwrap();
        let mut journal = Journal::new(&c, setup);
        play(&mut g, &mut journal, &choices);
        let replayed = replay(Arc::clone(&c), &journal).unwrap();
        prop_assert_eq!(replayed.state_hash(), g.state_hash());
        // through serialisation too
        let json = serde_json::to_string(&journal).unwrap();
        let back: Journal = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(replay(c, &back).unwrap().state_hash(), g.state_hash());
    }

    #[test]
    fn link_work_play_conserves_cards_and_replays_exactly(
        seed in any::<u64>(),
        seats in 1usize..=6,
        difficulty in 0usize..4,
        choices in prop::collection::vec(any::<usize>(), 0..400),
    ) {
        let c = linkwork();
        let mut setup = mini_setup(seed, seats, false);
        setup.difficulty = ["standard", "tight", "calm", "dear"][difficulty].into();
        let mut g = Game::new(Arc::clone(&c), setup.clone()).unwrap();
        let mut journal = Journal::new(&c, setup);
        // Even choices take an action of link work when one is listed.
        let lw: Vec<usize> = choices.iter().map(|k| k.wrapping_mul(2)).collect();
        play_link_work(&mut g, &mut journal, &lw);
        play(&mut g, &mut journal, &choices);
        let replayed = replay(Arc::clone(&c), &journal).unwrap();
        prop_assert_eq!(replayed.state_hash(), g.state_hash());
        let json = serde_json::to_string(&journal).unwrap();
        let back: Journal = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(replay(c, &back).unwrap().state_hash(), g.state_hash());
    }

    #[test]
    fn the_default_deck_plays_out_under_random_legal_play(
        seed in any::<u64>(),
        seats in 1usize..=6,
        choices in prop::collection::vec(any::<usize>(), 0..600),
    ) {
        let c = default_content().unwrap();
        let setup = Setup::standard(&c, seats, SeatKind::Human, "standard", seed);
        let mut g = Game::new(Arc::clone(&c), setup.clone()).unwrap();
        let mut journal = Journal::new(&c, setup);
        play(&mut g, &mut journal, &choices);
        prop_assert_eq!(replay(c, &journal).unwrap().state_hash(), g.state_hash());
    }

    #[test]
    fn the_same_seed_gives_the_same_game(seed in any::<u64>(), choices in prop::collection::vec(any::<usize>(), 0..100)) {
        let c = mini();
        let mut a = Game::new(Arc::clone(&c), mini_setup(seed, 3, false)).unwrap();
        let mut b = Game::new(Arc::clone(&c), mini_setup(seed, 3, false)).unwrap();
        prop_assert_eq!(a.state_hash(), b.state_hash());
        let mut ja = Journal::new(&c, a.setup().clone());
        let mut jb = Journal::new(&c, b.setup().clone());
        play(&mut a, &mut ja, &choices);
        play(&mut b, &mut jb, &choices);
        prop_assert_eq!(a.state_hash(), b.state_hash());
        prop_assert_eq!(ja, jb);
    }

    #[test]
    fn refused_actions_change_nothing(
        seed in any::<u64>(),
        choices in prop::collection::vec(any::<usize>(), 0..60),
        probes in prop::collection::vec((0usize..8, 0usize..7, 0u16..20, prop::collection::vec(0u16..12, 0..4)), 1..30),
    ) {
        let c = mini();
        let setup = mini_setup(seed, 2, false);
        let mut g = Game::new(Arc::clone(&c), setup.clone()).unwrap();
        let mut journal = Journal::new(&c, setup);
        play(&mut g, &mut journal, &choices);
        for (kind, seat, id, cards) in probes {
            let action = match kind {
                0 => Action::Listen { resident: ResidentId::from_index(usize::from(id)) },
                1 => Action::Connect { card: ConnectionId::from_index(usize::from(id) % 9) },
                2 => Action::Release { card: ConnectionId::from_index(usize::from(id) % 9) },
                3 => Action::EndTurn,
                _ => Action::Prescribe {
                    resident: ResidentId::from_index(usize::from(id) % 12),
                    cards: cards.iter().map(|c| ConnectionId::from_index(usize::from(*c) % 9)).collect(),
                },
            };
            let before = g.state_hash();
            // Prescriptions are listed in hand order; any order of the same cards is the same play.
            let sorted = |a: &Action| match a {
                Action::Prescribe { resident, cards } => {
                    let mut cards = cards.clone();
                    cards.sort();
                    Action::Prescribe { resident: *resident, cards }
                }
                other => other.clone(),
            };
            let legal = g.legal_actions(seat).iter().any(|a| sorted(a) == sorted(&action));
            let mut probe = g.clone();
            match probe.act(seat, &action) {
                Err(_) => {
                    prop_assert_eq!(probe.state_hash(), before);
                    prop_assert!(!legal, "legal_actions listed a refused action {:?}", action);
                }
                Ok(_) => prop_assert!(legal, "accepted but not listed: {:?}", action),
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn refused_link_work_actions_change_nothing(
        seed in any::<u64>(),
        choices in prop::collection::vec(any::<usize>(), 0..80),
        probes in prop::collection::vec((0usize..5, 0usize..4, 0u16..24, prop::collection::vec(0u16..14, 0..4)), 1..30),
    ) {
        let c = linkwork();
        let setup = mini_setup(seed, 3, false);
        let mut g = Game::new(Arc::clone(&c), setup.clone()).unwrap();
        let mut journal = Journal::new(&c, setup);
        play_link_work(&mut g, &mut journal, &choices);
        let n = c.connections().len() as u16 + 1;
        for (kind, seat, id, cards) in probes {
            let card = ConnectionId::from_index(usize::from(id % n));
            let resident = ResidentId::from_index(usize::from(id) % 17);
            let action = match kind {
                0 => Action::Visit { resident },
                1 => Action::Pass { card, to: usize::from(id) % 4 },
                2 => Action::Create { idea: card },
                _ => Action::Conference {
                    resident,
                    cards: cards.iter().map(|c| ConnectionId::from_index(usize::from(*c % n))).collect(),
                },
            };
            let sorted = |a: &Action| match a {
                Action::Conference { resident, cards } => {
                    let mut cards = cards.clone();
                    cards.sort();
                    Action::Conference { resident: *resident, cards }
                }
                other => other.clone(),
            };
            let before = g.state_hash();
            let legal = g.legal_actions(seat).iter().any(|a| sorted(a) == sorted(&action));
            let mut probe = g.clone();
            match probe.act(seat, &action) {
                Err(_) => {
                    prop_assert_eq!(probe.state_hash(), before);
                    prop_assert!(!legal, "legal_actions listed a refused action {:?}", action);
                }
                Ok(_) => {
                    prop_assert!(legal, "accepted but not listed: {:?}", action);
                    assert_conserved(&probe);
                }
            }
        }
    }
}

/// The most needs distinct cards can meet, by trying every assignment.
fn brute_force(
    needs: &[community_coping::content::Need],
    cards: &[&community_coping::content::Connection],
    used: u32,
) -> usize {
    let Some((first, rest)) = needs.split_first() else {
        return 0;
    };
    let mut best = brute_force(rest, cards, used);
    for (i, c) in cards.iter().enumerate() {
        if used & (1 << i) == 0 && c.meets(*first) {
            best = best.max(1 + brute_force(rest, cards, used | (1 << i)));
        }
    }
    best
}

proptest! {
    #[test]
    fn matching_meets_as_many_needs_as_any_assignment(
        need_kinds in prop::collection::vec(0usize..5, 0..6),
        card_ids in prop::collection::vec(0usize..9, 0..7),
    ) {
        use community_coping::content::{Need, SpecialityId, Worry, partial_assign};
        let c = mini();
        let needs: Vec<Need> = need_kinds
            .iter()
            .map(|k| if *k == 4 { Need::Speciality(SpecialityId::from_index(0)) } else { Need::Worry(Worry::ALL[*k]) })
            .collect();
        let cards: Vec<_> = card_ids.iter().map(|i| c.connection(ConnectionId::from_index(*i))).collect();
        let m = partial_assign(&needs, cards.iter().copied());
        prop_assert_eq!(m.met(), brute_force(&needs, &cards, 0));
        let mut used = Vec::new();
        for (i, need) in needs.iter().enumerate() {
            if let Some(card) = m.card_for(i) {
                prop_assert!(cards[card].meets(*need));
                prop_assert!(!used.contains(&card), "a card meets at most one need");
                used.push(card);
            }
        }
    }
}
