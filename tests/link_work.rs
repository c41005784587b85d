//! The rules of link work, each driven through `Game::act` on the link-work
//! fixture deck (`tests/fixtures/linkwork`): trust built by visits, first
//! refusals, referrals, overlapping worries, passing, case conferences,
//! founding resource ideas, drifting back, spill-over and a coping track
//! that counts ties. Every refusal is checked to change nothing.

mod common;

use std::collections::BTreeMap;
use std::sync::Arc;

use common::*;
use community_coping::content::{ConnectionId, Content, DistrictId, Need, ResidentId, Worry};
use community_coping::rules::{
    Action, Event, Game, Mechanic, NeedCause, ResidentPlace, RevealCause, RuleError,
};

const ROLES: [&str; 2] = ["plain", "listener"];

/// The first game (seed 0 upwards) on `difficulty` whose opening `pred` accepts.
fn find(c: &Arc<Content>, difficulty: &str, pred: impl Fn(&Game) -> bool) -> Game {
    for seed in 0..50_000 {
        let mut s = setup(seed, &ROLES);
        s.difficulty = difficulty.to_owned();
        let g = Game::new(Arc::clone(c), s).expect("valid setup");
        if pred(&g) {
            return g;
        }
    }
    panic!("no seed gives the opening this test needs");
}

fn rid(c: &Content, key: &str) -> ResidentId {
    c.resident_by_key(key).expect("resident in the fixture")
}

/// Every copy of the connection card `key`.
fn cards(c: &Content, key: &str) -> Vec<ConnectionId> {
    c.connections()
        .iter()
        .enumerate()
        .filter(|(_, x)| x.key == key)
        .map(|(i, _)| ConnectionId::from_index(i))
        .collect()
}

fn in_town(g: &Game, r: ResidentId) -> bool {
    matches!(g.resident_state(r).place(), ResidentPlace::Town(_))
}

/// The current seat asks for `action`; it must be refused, change nothing,
/// not be listed, and say so in one line. Returns the reason.
fn refused(g: &mut Game, action: Action) -> RuleError {
    let seat = g.current_seat();
    let before = g.state_hash();
    let listed = g.legal_actions(seat).contains(&action);
    let err = g
        .act(seat, &action)
        .expect_err(&format!("{action:?} should be refused"));
    assert_eq!(
        g.state_hash(),
        before,
        "a refused {action:?} changed the game"
    );
    assert!(!listed, "{action:?} is listed but refused: {err}");
    let text = err.to_string();
    assert!(!text.contains('\n') && !text.is_empty(), "{text:?}");
    err
}

/// Listens to `r` when its worry is still hidden.
fn reveal(g: &mut Game, r: ResidentId) {
    if !g.resident_state(r).revealed() {
        act(g, Action::Listen { resident: r });
    }
}

#[test]
fn the_fixture_uses_every_rule_of_link_work() {
    let c = linkwork();
    assert!(c.link_work());
    let p = &c.difficulty("standard").expect("standard").params;
    assert_eq!(
        (
            p.pass_cost,
            p.conference_cost,
            p.relapse_after_years,
            p.spill_over
        ),
        (Some(1), Some(2), Some(2), Some(1))
    );
    let dear = &c.difficulty("dear").expect("dear").params;
    assert_eq!((dear.pass_cost, dear.conference_cost), (Some(3), Some(4)));
    assert_eq!(
        c.difficulty("calm").expect("calm").params.spill_over,
        Some(2)
    );
    assert_eq!(c.resident(rid(&c, "r-03")).trust, 2);
    assert!(c.resident(rid(&c, "r-06")).refuses_first);
    assert!(c.resident(rid(&c, "r-09")).referred_by.is_some());
    assert_eq!(
        c.resident(rid(&c, "r-04")).overlaps,
        vec![Worry::Health, Worry::Living]
    );
    let ideas: Vec<_> = c.ideas().map(|i| c.connection(i).key.clone()).collect();
    assert_eq!(ideas, ["idea-salon", "idea-pantry"]);
    // ideas come after every printed card
    let first_idea = c.ideas().next().expect("an idea").index();
    assert!(
        c.connections()[..first_idea]
            .iter()
            .all(|x| x.idea_cost.is_none())
    );
}

#[test]
fn visits_build_trust_once_a_turn_and_prescribing_waits_for_it() {
    let c = linkwork();
    let r = rid(&c, "r-03");
    // seat 1 holds cards that meet r-03's needs
    let mut g = find(&c, "standard", |g| {
        in_town(g, r) && !g.prescriptions(1, r).is_empty()
    });
    assert_eq!(g.trust_left(r), 2);
    assert_eq!(
        refused(&mut g, Action::Visit { resident: r }),
        RuleError::NotRevealed,
        "a resident is visited after listening"
    );
    reveal(&mut g, r);
    let left = g.actions_left();
    let ev = act(&mut g, Action::Visit { resident: r });
    assert_eq!(
        ev,
        vec![Event::Visited {
            seat: 0,
            resident: r,
            visits: 1,
            needed: 2
        }]
    );
    assert_eq!(g.actions_left(), left - 1, "a visit costs one action");
    assert_eq!(g.trust_left(r), 1);
    assert_eq!(
        refused(&mut g, Action::Visit { resident: r }),
        RuleError::VisitedThisTurn
    );
    act(&mut g, Action::EndTurn);

    // seat 1, a later turn: prescribing is refused until the second visit
    let fitting = g.prescriptions(1, r)[0].clone();
    let prescribe = Action::Prescribe {
        resident: r,
        cards: fitting.clone(),
    };
    assert_eq!(
        refused(&mut g, prescribe.clone()),
        RuleError::NeedsTrust { left: 1 }
    );
    let ev = act(&mut g, Action::Visit { resident: r });
    assert!(ev.contains(&Event::Visited {
        seat: 1,
        resident: r,
        visits: 2,
        needed: 2
    }));
    assert_eq!(g.trust_left(r), 0);
    assert_eq!(g.resident_state(r).visits(), 2);
    assert_eq!(
        refused(&mut g, Action::Visit { resident: r }),
        RuleError::NoTrustNeeded
    );
    assert!(g.legal_actions(1).contains(&prescribe));
    let ev = act(&mut g, prescribe);
    assert!(
        ev.iter()
            .any(|e| matches!(e, Event::Prescribed { resident, .. } if *resident == r))
    );
    assert_eq!(g.resident_state(r).place(), ResidentPlace::Connected);
    assert_conserved(&g);
}

#[test]
fn a_conference_needs_no_trust_and_pools_two_seats_cards() {
    let c = linkwork();
    let r = rid(&c, "r-03");
    let mut g = find(&c, "standard", |g| {
        in_town(g, r) && !g.conferences(0, r).is_empty()
    });
    let pooled = g.conferences(0, r)[0].clone();
    assert_eq!(
        refused(
            &mut g,
            Action::Conference {
                resident: r,
                cards: pooled.clone()
            }
        ),
        RuleError::NotRevealed
    );
    reveal(&mut g, r);
    assert_eq!(g.trust_left(r), 2, "no visit yet");
    // every listed conference pools at least two seats' cards
    for a in g.legal_actions(0) {
        if let Action::Conference { cards, .. } = a {
            let mut seats: Vec<_> = cards.iter().filter_map(|x| g.holder(*x)).collect();
            seats.dedup();
            assert!(seats.len() >= 2, "{cards:?}");
        }
    }
    // one seat's cards are no conference; a card no one holds is none either
    let own = g.hand(0).to_vec();
    assert_eq!(
        refused(
            &mut g,
            Action::Conference {
                resident: r,
                cards: own
            }
        ),
        RuleError::ConferenceNeedsTwoSeats
    );
    let offered = g.offer()[0];
    assert_eq!(
        refused(
            &mut g,
            Action::Conference {
                resident: r,
                cards: vec![pooled[0], offered]
            }
        ),
        RuleError::CardNotHeld
    );
    assert_eq!(
        refused(
            &mut g,
            Action::Conference {
                resident: r,
                cards: vec![pooled[0], pooled[0]]
            }
        ),
        RuleError::DuplicateCard
    );
    let holders: Vec<usize> = pooled.iter().filter_map(|x| g.holder(*x)).collect();
    let left = g.actions_left();
    let coping = g.coping();
    let ev = act(
        &mut g,
        Action::Conference {
            resident: r,
            cards: pooled.clone(),
        },
    );
    let mut seats = holders.clone();
    seats.sort_unstable();
    seats.dedup();
    assert_eq!(
        ev[0],
        Event::ConferenceHeld {
            seat: 0,
            resident: r,
            seats
        }
    );
    assert!(
        matches!(&ev[1], Event::Prescribed { resident, cards, .. } if *resident == r && *cards == pooled)
    );
    assert_eq!(g.actions_left(), left - 2, "conference_cost is 2");
    assert_eq!(g.resident_state(r).place(), ResidentPlace::Connected);
    for card in &pooled {
        assert_eq!(g.holder(*card), None);
        assert!(g.discard().contains(card));
    }
    // progress: Ties — the track rises by the two cards
    assert_eq!(g.coping(), coping + 2);
    assert_eq!(g.ties_total(), 2);
    assert!(ev.contains(&Event::CopingRaised { level: coping + 2 }));
    assert_conserved(&g);
}

#[test]
fn a_first_offer_is_turned_down_and_the_cards_stay() {
    let c = linkwork();
    let r = rid(&c, "r-06");
    let mut g = find(&c, "standard", |g| {
        in_town(g, r) && !g.prescriptions(0, r).is_empty()
    });
    reveal(&mut g, r);
    assert!(g.will_refuse(r));
    let cards = g.prescriptions(0, r)[0].clone();
    let hand = g.hand(0).to_vec();
    let left = g.actions_left();
    let action = Action::Prescribe {
        resident: r,
        cards: cards.clone(),
    };
    assert_eq!(
        act(&mut g, action.clone()),
        vec![Event::Refused {
            seat: 0,
            resident: r
        }]
    );
    assert_eq!(g.hand(0), hand.as_slice(), "the cards stay in hand");
    assert_eq!(g.actions_left(), left - 1, "the offer took its action");
    assert!(in_town(&g, r) && g.resident_state(r).refused() && !g.will_refuse(r));
    let ev = act(&mut g, action);
    assert!(
        ev.iter()
            .any(|e| matches!(e, Event::Prescribed { resident, .. } if *resident == r))
    );
    assert_conserved(&g);

    // a conference is an offer too: turned down first, every seat keeps its cards
    let mut g = find(&c, "standard", |g| {
        in_town(g, r) && !g.conferences(0, r).is_empty()
    });
    reveal(&mut g, r);
    let pooled = g.conferences(0, r)[0].clone();
    let hands = [g.hand(0).to_vec(), g.hand(1).to_vec()];
    let left = g.actions_left();
    let ev = act(
        &mut g,
        Action::Conference {
            resident: r,
            cards: pooled.clone(),
        },
    );
    assert_eq!(
        ev,
        vec![Event::Refused {
            seat: 0,
            resident: r
        }]
    );
    assert_eq!([g.hand(0).to_vec(), g.hand(1).to_vec()], hands);
    assert_eq!(g.actions_left(), left - 2);
    assert!(in_town(&g, r));
    // one action is left: the next seat calls the conference again
    act(&mut g, Action::EndTurn);
    let ev = act(
        &mut g,
        Action::Conference {
            resident: r,
            cards: pooled,
        },
    );
    assert!(matches!(ev[0], Event::ConferenceHeld { seat: 1, .. }));
}

/// Ends turns (releasing when a hand is over its limit) and returns each
/// action's events, until `stop` says so or the game ends.
fn end_turns_until(g: &mut Game, max: usize, stop: impl Fn(&[Event]) -> bool) -> Vec<Event> {
    let mut all = Vec::new();
    for _ in 0..max {
        if g.is_over() {
            break;
        }
        let ev = end_turns(g, 1);
        let done = stop(&ev);
        all.extend(ev);
        if done {
            break;
        }
    }
    all
}

#[test]
fn a_referred_resident_arrives_with_the_worry_known() {
    let c = linkwork();
    let r = rid(&c, "r-09");
    let mut seen = 0;
    for seed in 0..40 {
        let mut s = setup(seed, &ROLES);
        s.difficulty = "calm".into();
        let mut g = Game::new(Arc::clone(&c), s).expect("setup");
        let mut ev = g.opening_events().to_vec();
        ev.extend(end_turns_until(&mut g, 60, |ev| {
            ev.iter()
                .any(|e| matches!(e, Event::ResidentArrived { resident, .. } if *resident == r))
        }));
        let Some(i) = ev
            .iter()
            .position(|e| matches!(e, Event::ResidentArrived { resident, .. } if *resident == r))
        else {
            continue;
        };
        seen += 1;
        assert_eq!(
            ev.get(i + 1),
            Some(&Event::Revealed {
                resident: r,
                cause: RevealCause::Referral
            })
        );
        if in_town(&g, r) && !g.is_over() {
            assert!(g.resident_state(r).revealed());
            assert_eq!(
                refused(&mut g, Action::Listen { resident: r }),
                RuleError::AlreadyRevealed
            );
        }
    }
    assert!(seen > 10, "r-09 arrived in {seen} games");
}

#[test]
fn waiting_adds_the_overlapping_worries_in_order_then_the_own_worry() {
    let c = linkwork();
    let r = rid(&c, "r-04");
    // calm: needs escalate at every year end
    let mut g = find(&c, "calm", |g| in_town(g, r));
    let ev = end_turns(&mut g, 2 * 4);
    let gained: Vec<Need> = ev
        .iter()
        .filter_map(|e| match e {
            Event::NeedGained {
                resident,
                need,
                cause: NeedCause::Escalation,
            } if *resident == r => Some(*need),
            _ => None,
        })
        .collect();
    assert_eq!(
        gained,
        [Worry::Health, Worry::Living, Worry::Money, Worry::Money].map(Need::Worry),
        "{ev:?}"
    );
    assert_eq!(g.resident_state(r).extra_needs(), gained.as_slice());
    // a resident without overlaps gains its own worry from the first year end
    let plain = rid(&c, "r-02");
    let mut g = find(&c, "calm", |g| in_town(g, plain));
    let ev = end_turns(&mut g, 2);
    assert!(ev.contains(&Event::NeedGained {
        resident: plain,
        need: Need::Worry(Worry::Living),
        cause: NeedCause::Escalation
    }));
}

#[test]
fn passing_moves_a_card_for_its_cost_and_never_to_a_full_hand_or_oneself() {
    let c = linkwork();
    let mut g = find(&c, "standard", |_| true);
    let card = g.hand(0)[0];
    let left = g.actions_left();
    assert!(g.legal_actions(0).contains(&Action::Pass { card, to: 1 }));
    let ev = act(&mut g, Action::Pass { card, to: 1 });
    assert_eq!(
        ev,
        vec![Event::Passed {
            from: 0,
            to: 1,
            card
        }]
    );
    assert_eq!(g.actions_left(), left - 1);
    assert_eq!(g.holder(card), Some(1));
    assert!(!g.hand(0).contains(&card));
    assert_conserved(&g);
    let other = g.hand(0)[0];
    assert_eq!(
        refused(&mut g, Action::Pass { card: other, to: 0 }),
        RuleError::PassToSelf
    );
    assert_eq!(
        refused(&mut g, Action::Pass { card: other, to: 7 }),
        RuleError::NoSuchSeat(7)
    );
    assert_eq!(
        refused(&mut g, Action::Pass { card, to: 1 }),
        RuleError::CardNotInHand,
        "the card is seat 1's now"
    );
    // seat 1 now holds three cards: its limit
    assert_eq!(g.hand(1).len(), usize::from(g.hand_limit(1)));
    assert_eq!(
        refused(&mut g, Action::Pass { card: other, to: 1 }),
        RuleError::RecipientHandFull(1)
    );

    // a dearer pass needs the actions
    let mut g = find(&c, "dear", |_| true);
    act(&mut g, Action::EndTurn);
    let card = g.hand(1)[0];
    assert_eq!(g.actions_left(), 3, "the listener's three actions");
    let offered = g.offer()[0];
    act(&mut g, Action::Connect { card: offered });
    assert_eq!(
        refused(&mut g, Action::Pass { card, to: 0 }),
        RuleError::NotEnoughActions { cost: 3, left: 2 }
    );
}

#[test]
fn a_dear_conference_needs_its_actions() {
    let c = linkwork();
    let r = rid(&c, "r-03");
    let mut g = find(&c, "dear", |g| {
        in_town(g, r) && !g.conferences(1, r).is_empty()
    });
    act(&mut g, Action::EndTurn);
    reveal(&mut g, r);
    let pooled = g.conferences(1, r);
    // the listener listens free; three actions are left, four are needed
    if let Some(cards) = pooled.first() {
        assert_eq!(
            refused(
                &mut g,
                Action::Conference {
                    resident: r,
                    cards: cards.clone()
                }
            ),
            RuleError::NotEnoughActions { cost: 4, left: 3 }
        );
    }
    assert!(
        !g.legal_actions(1)
            .iter()
            .any(|a| matches!(a, Action::Conference { .. }))
    );
}

#[test]
fn founding_an_idea_counts_actions_from_every_seat_and_puts_it_on_offer() {
    let c = linkwork();
    let salon = cards(&c, "idea-salon")[0];
    let mut g = find(&c, "standard", |_| true);
    assert!(g.reserve_connections().contains(&salon));
    assert_eq!(g.open_ideas().count(), 2);
    let left = g.actions_left();
    let ev = act(&mut g, Action::Create { idea: salon });
    assert_eq!(
        ev,
        vec![Event::Invested {
            seat: 0,
            idea: salon,
            progress: 1,
            cost: 2
        }]
    );
    assert_eq!(g.actions_left(), left - 1);
    assert_eq!(g.idea_progress(salon), 1);
    assert!(!g.offer().contains(&salon));
    act(&mut g, Action::EndTurn);
    let ev = act(&mut g, Action::Create { idea: salon });
    assert_eq!(
        ev,
        vec![
            Event::Invested {
                seat: 1,
                idea: salon,
                progress: 2,
                cost: 2
            },
            Event::ResourceFounded { idea: salon }
        ]
    );
    assert!(g.offer().contains(&salon));
    assert!(!g.reserve_connections().contains(&salon));
    assert_eq!(g.founded(), [salon]);
    assert_eq!(g.idea_progress(salon), 0);
    assert_eq!(g.open_ideas().count(), 1);
    assert_conserved(&g);
    assert_eq!(
        refused(&mut g, Action::Create { idea: salon }),
        RuleError::AlreadyFounded
    );
    // a printed card, an event-only reserve card and no card at all are no ideas
    for key in ["c-money", "c-new"] {
        assert_eq!(
            refused(
                &mut g,
                Action::Create {
                    idea: cards(&c, key)[0]
                }
            ),
            RuleError::NotAnIdea,
            "{key}"
        );
    }
    assert_eq!(
        refused(
            &mut g,
            Action::Create {
                idea: ConnectionId::from_index(999)
            }
        ),
        RuleError::NotAnIdea
    );
    // the founded card is a connection like any other
    let ev = act(&mut g, Action::Connect { card: salon });
    assert!(ev.contains(&Event::Connected {
        seat: 1,
        card: salon,
        source: community_coping::rules::ConnectSource::Offer
    }));
    assert_eq!(g.holder(salon), Some(1));
    while g.actions_left() > 0 {
        let pantry = cards(&c, "idea-pantry")[0];
        act(&mut g, Action::Create { idea: pantry });
    }
    let pantry = cards(&c, "idea-pantry")[0];
    assert_eq!(g.idea_progress(pantry), 1);
    assert_eq!(
        refused(&mut g, Action::Create { idea: pantry }),
        RuleError::NoActionsLeft
    );
    assert_conserved(&g);
}

/// Plays whole turns for both seats: listen to every hidden resident the
/// actions allow, make every listed prescription, connect while the hand
/// has room, end the turn. Returns every event.
fn plain_play(g: &mut Game, turns: usize) -> Vec<Event> {
    let mut all = Vec::new();
    for _ in 0..turns {
        if g.is_over() {
            break;
        }
        loop {
            let seat = g.current_seat();
            let legal = g.legal_actions(seat);
            let pick = legal
                .iter()
                .find(|a| matches!(a, Action::Release { .. }))
                .or_else(|| legal.iter().find(|a| matches!(a, Action::Prescribe { .. })))
                .or_else(|| legal.iter().find(|a| matches!(a, Action::Listen { .. })))
                .or_else(|| {
                    (g.hand(seat).len() < usize::from(g.hand_limit(seat)))
                        .then(|| legal.iter().find(|a| matches!(a, Action::Connect { .. })))
                        .flatten()
                })
                .cloned()
                .unwrap_or(Action::EndTurn);
            let end = pick == Action::EndTurn;
            all.extend(act(g, pick));
            if end || g.is_over() {
                break;
            }
        }
    }
    all
}

#[test]
fn residents_tied_only_to_public_services_drift_back_and_informal_ties_hold() {
    let c = linkwork();
    let (mut drifts, mut held) = (0, 0);
    for seed in 0..30 {
        let mut s = setup(seed, &ROLES);
        s.difficulty = "calm".into();
        let mut g = Game::new(Arc::clone(&c), s).expect("setup");
        let ev = plain_play(&mut g, 40);
        // resident → (year tied, informal ties)
        let mut tied: BTreeMap<ResidentId, (i32, u8)> = BTreeMap::new();
        let mut year = c.start_year();
        let mut drifted_now: Vec<ResidentId> = Vec::new();
        for e in &ev {
            match e {
                Event::TurnStarted { year: y, .. } => year = *y,
                Event::Tied {
                    resident,
                    ties,
                    informal,
                } => {
                    assert!(*ties >= 1 && informal <= ties);
                    tied.insert(*resident, (year, *informal));
                }
                Event::DriftedBack { resident, district } => {
                    assert_eq!(*district, c.resident(*resident).district);
                    drifted_now.push(*resident);
                }
                Event::YearEnded { year: y, .. } => {
                    for (r, (when, informal)) in tied.clone() {
                        let due = informal == 0 && when + 1 == *y;
                        assert_eq!(
                            drifted_now.contains(&r),
                            due,
                            "seed {seed}: {r:?} tied in {when} with {informal} informal, year end {y}"
                        );
                        if due {
                            tied.remove(&r);
                            drifts += 1;
                        } else if informal > 0 && when + 1 < *y {
                            held += 1;
                        }
                    }
                    drifted_now.clear();
                }
                _ => {}
            }
        }
        assert_conserved(&g);
        for r in 0..c.residents().len() {
            let r = ResidentId::from_index(r);
            let st = g.resident_state(r);
            if st.drifted() > 0 && in_town(&g, r) {
                assert_eq!(st.ties(), 0);
            }
        }
    }
    assert!(
        drifts > 5 && held > 5,
        "{drifts} drifts, {held} informal ties held"
    );
}

#[test]
fn a_drifted_resident_waits_at_home_with_the_printed_needs_and_one_more() {
    let c = linkwork();
    for seed in 0..30 {
        let mut s = setup(seed, &ROLES);
        s.difficulty = "calm".into();
        let mut g = Game::new(Arc::clone(&c), s).expect("setup");
        for _ in 0..40 {
            let ev = plain_play(&mut g, 1);
            let back: Vec<ResidentId> = ev
                .iter()
                .filter_map(|e| match e {
                    Event::DriftedBack { resident, .. } => Some(*resident),
                    _ => None,
                })
                .collect();
            if let Some(&r) = back.first() {
                // the year end has run: check before anyone acts again
                let home = c.resident(r).district;
                if g.resident_state(r).place() == ResidentPlace::Town(home) {
                    let st = g.resident_state(r);
                    assert!(st.drifted() >= 1 && st.ties() == 0);
                    // isolation comes back deeper: the printed needs and one
                    // more, the first overlapping worry or else its own
                    let card = c.resident(r);
                    let deeper = Need::Worry(card.overlaps.first().copied().unwrap_or(card.worry));
                    assert_eq!(
                        st.extra_needs(),
                        &[deeper],
                        "{r:?} came back with {:?}",
                        st.extra_needs()
                    );
                    let regained = ev.iter().any(|e| {
                        matches!(e, Event::NeedGained { resident, need, .. } if *resident == r && *need == deeper)
                    });
                    assert!(regained, "the need is announced");
                    assert!(g.district_residents(home).contains(&r));
                    return;
                }
            }
            if g.is_over() {
                break;
            }
        }
    }
    panic!("no resident drifted back");
}

/// The district a resident bound for `home` arrives in, by the rule, given
/// the loads before it arrives.
fn expected_district(
    c: &Content,
    spill: usize,
    threshold: usize,
    loads: &[usize],
    home: DistrictId,
) -> DistrictId {
    let load = loads[home.index()];
    if load + spill < threshold {
        return home;
    }
    c.district(home)
        .neighbours
        .iter()
        .copied()
        .filter(|n| loads[n.index()] < load)
        .min_by_key(|n| loads[n.index()])
        .unwrap_or(home)
}

#[test]
fn spill_over_sends_an_arrival_to_the_calmest_neighbour() {
    let c = linkwork();
    let (mut spilled, mut chose_between_two, mut stayed_near_limit) = (0, 0, 0);
    for seed in 0..200 {
        let mut g = Game::new(Arc::clone(&c), setup(seed, &ROLES)).expect("setup");
        let threshold = g.collapse_threshold();
        let spill = usize::from(g.params().spill_over.expect("spill_over"));
        while !g.is_over() {
            let mut loads = g.loads();
            let ev = end_turns(&mut g, 1);
            for (i, e) in ev.iter().enumerate() {
                match e {
                    Event::ResidentArrived { resident, district } => {
                        let home = c.resident(*resident).district;
                        let want = expected_district(&c, spill, threshold, &loads, home);
                        assert_eq!(*district, want, "seed {seed}: loads {loads:?}");
                        if want == home {
                            if loads[home.index()] + spill >= threshold {
                                stayed_near_limit += 1;
                            }
                        } else {
                            spilled += 1;
                            assert_eq!(
                                ev[i - 1],
                                Event::SpilledOver {
                                    resident: *resident,
                                    from: home,
                                    to: want
                                }
                            );
                            let calmer = c
                                .district(home)
                                .neighbours
                                .iter()
                                .filter(|n| loads[n.index()] < loads[home.index()])
                                .count();
                            if calmer == 2 {
                                chose_between_two += 1;
                            }
                        }
                        loads[district.index()] += 1;
                    }
                    Event::DriftedBack { district, .. } => loads[district.index()] += 1,
                    _ => {}
                }
            }
        }
    }
    assert!(
        spilled > 20 && chose_between_two > 0 && stayed_near_limit > 0,
        "{spilled} spilled, {chose_between_two} chose between two neighbours, {stayed_near_limit} stayed"
    );
}

#[test]
fn the_coping_track_counts_ties_when_the_deck_says_so() {
    // the same deck with the default progress: one step per resident
    let by_residents = linkwork_with(&[("scenario.ron", "    progress: Ties,\n", "")]);
    for (c, per_two_cards) in [(linkwork(), 2), (by_residents, 1)] {
        let r = rid(&c, "r-06");
        let mut g = find(&c, "standard", |g| {
            in_town(g, r) && !g.prescriptions(0, r).is_empty()
        });
        reveal(&mut g, r);
        let cards = g.prescriptions(0, r)[0].clone();
        assert_eq!(cards.len(), 2);
        let action = Action::Prescribe { resident: r, cards };
        act(&mut g, action.clone()); // turned down first
        let before = g.coping();
        let ev = act(&mut g, action);
        assert_eq!(g.coping(), before + per_two_cards);
        let informal = ev
            .iter()
            .find_map(|e| match e {
                Event::Tied {
                    resident,
                    ties: 2,
                    informal,
                } if *resident == r => Some(*informal),
                _ => None,
            })
            .expect("a Tied event after the prescription");
        assert_eq!(g.resident_state(r).ties(), 2);
        assert_eq!(g.resident_state(r).informal_ties(), informal);
        assert_eq!(g.ties_total(), 2);
    }
}

#[test]
fn decks_without_the_mechanics_refuse_them_by_name() {
    let c = mini_with(&[("scenario.ron", "starting_hand: 1", "starting_hand: 2")]);
    assert!(!c.link_work());
    let mut g = game(&c, 1, &ROLES);
    let card = g.hand(0)[0];
    assert_eq!(
        refused(&mut g, Action::Pass { card, to: 1 }),
        RuleError::NotInThisDeck(Mechanic::Passing)
    );
    let r = g.hidden_in_town().next().expect("a waiting resident");
    let theirs = g.hand(1)[0];
    assert_eq!(
        refused(
            &mut g,
            Action::Conference {
                resident: r,
                cards: vec![card, theirs]
            }
        ),
        RuleError::NotInThisDeck(Mechanic::Conferences)
    );
    reveal(&mut g, r);
    assert_eq!(
        refused(&mut g, Action::Visit { resident: r }),
        RuleError::NoTrustNeeded
    );
    assert_eq!(
        refused(&mut g, Action::Create { idea: card }),
        RuleError::NotAnIdea
    );
    // the messages say how to go on
    assert!(
        RuleError::NotInThisDeck(Mechanic::Passing)
            .to_string()
            .contains("passing")
    );
    assert!(
        RuleError::NeedsTrust { left: 2 }
            .to_string()
            .contains("case conference")
    );
}

/// The board's quick question — can a case conference include these cards?
/// — answers exactly as the full list of legal conference sets does, in
/// every state of bot games on the link-work deck (with empty, single and
/// paired picks).
#[test]
fn the_quick_conference_check_agrees_with_the_listed_sets() {
    use community_coping::bots::Bot;
    use community_coping::rules::BotKind;
    let c = linkwork();
    let mut compared = 0;
    for seed in 0..6 {
        let s = setup(seed, &ROLES);
        let mut g = Game::new(Arc::clone(&c), s).expect("setup");
        let mut bots: Vec<Bot> = (0..g.seats().len())
            .map(|i| Bot::new(BotKind::Heuristic, seed, i))
            .collect();
        for _ in 0..300 {
            if g.is_over() {
                break;
            }
            let seat = g.current_seat();
            let pool = g.pooled_hands();
            for r in g.revealed_in_town().collect::<Vec<_>>() {
                let sets = g.conferences(seat, r);
                assert_eq!(g.conference_extends(seat, r, &[]), !sets.is_empty());
                for (i, a) in pool.iter().enumerate() {
                    let with_a = sets.iter().any(|s| s.contains(a));
                    assert_eq!(g.conference_extends(seat, r, &[*a]), with_a, "{a:?}");
                    for b in &pool[i + 1..] {
                        let both = sets.iter().any(|s| s.contains(a) && s.contains(b));
                        assert_eq!(g.conference_extends(seat, r, &[*a, *b]), both);
                        compared += 1;
                    }
                }
            }
            let action = bots[seat].choose(&g, seat);
            g.act(seat, &action).expect("a bot's action is legal");
        }
    }
    assert!(compared > 1000, "only {compared} pairs compared");
}
