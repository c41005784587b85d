//! Rule tests on the mini fixture deck: each test reads like a line of the rulebook.

mod common;

use std::sync::Arc;

use common::*;
use community_coping::content::{Content, DistrictId, Need, ResidentId, Worry};
use community_coping::rules::{
    Action, ConnectSource, Event, Game, NeedCause, Outcome, RevealCause, RuleError, SetupError,
    Undo, undo,
};

const ALL_HELP: [(&str, &str, &str); 4] = [
    (
        "connections.ron",
        "helps: [Money]",
        "helps: [Money, Health, Living, Relationships]",
    ),
    (
        "connections.ron",
        "helps: [Health]",
        "helps: [Money, Health, Living, Relationships]",
    ),
    (
        "connections.ron",
        "helps: [Living]",
        "helps: [Money, Health, Living, Relationships]",
    ),
    (
        "connections.ron",
        "helps: [Relationships]",
        "helps: [Money, Health, Living, Relationships]",
    ),
];

fn edits<'a>(
    base: &[(&'a str, &'a str, &'a str)],
    more: &[(&'a str, &'a str, &'a str)],
) -> Vec<(&'a str, &'a str, &'a str)> {
    base.iter().chain(more).copied().collect()
}

/// The first seed (from 0) whose fresh game satisfies `pred`.
fn game_where(content: &Arc<Content>, roles: &[&str], pred: impl Fn(&Game) -> bool) -> Game {
    (0..500)
        .map(|seed| game(content, seed, roles))
        .find(|g| pred(g))
        .expect("some seed in 0..500 gives the wanted opening")
}

fn hidden(g: &Game) -> ResidentId {
    g.hidden_in_town()
        .next()
        .expect("a hidden resident in town")
}

fn single_need_hidden(g: &Game) -> Option<ResidentId> {
    g.hidden_in_town().find(|r| g.needs(*r).count() == 1)
}

#[test]
fn listen_reveals_worry_and_needs_and_costs_an_action() {
    let c = mini();
    let mut g = game(&c, 1, &["plain"]);
    let r = hidden(&g);
    let before = g.actions_left();
    let ev = act(&mut g, Action::Listen { resident: r });
    assert!(g.resident_state(r).revealed());
    assert_eq!(g.actions_left(), before - 1);
    assert!(ev.contains(&Event::Revealed {
        resident: r,
        cause: RevealCause::Listen
    }));
}

#[test]
fn refused_action_says_why_and_changes_nothing() {
    let c = mini();
    let mut g = game(&c, 1, &["plain", "listener"]);
    let r = hidden(&g);
    act(&mut g, Action::Listen { resident: r });
    let hash = g.state_hash();
    assert_eq!(
        g.act(0, &Action::Listen { resident: r }),
        Err(RuleError::AlreadyRevealed)
    );
    assert_eq!(
        g.act(1, &Action::EndTurn),
        Err(RuleError::NotYourTurn {
            expected: 0,
            got: 1
        })
    );
    assert_eq!(g.act(5, &Action::EndTurn), Err(RuleError::NoSuchSeat(5)));
    assert_eq!(
        g.act(0, &Action::Release { card: g.hand(0)[0] }),
        Err(RuleError::NothingToRelease)
    );
    let not_offered = g.hand(0)[0];
    assert_eq!(
        g.act(0, &Action::Connect { card: not_offered }),
        Err(RuleError::CardNotOffered)
    );
    assert_eq!(
        g.act(
            0,
            &Action::Prescribe {
                resident: r,
                cards: vec![g.offer()[0]]
            }
        ),
        Err(RuleError::CardNotInHand)
    );
    assert_eq!(g.state_hash(), hash);
}

#[test]
fn prescribing_needs_a_revealed_resident() {
    let c = mini_with(&edits(&ALL_HELP, &[]));
    let mut g = game(&c, 2, &["plain"]);
    let r = hidden(&g);
    let card = g.hand(0)[0];
    assert_eq!(
        g.act(
            0,
            &Action::Prescribe {
                resident: r,
                cards: vec![card]
            }
        ),
        Err(RuleError::NotRevealed)
    );
}

#[test]
fn connect_takes_from_the_offer_row_and_refills_it() {
    let c = mini();
    let mut g = game(&c, 3, &["plain"]);
    let card = g.offer()[0];
    let deck = g.connection_deck_len();
    let ev = act(&mut g, Action::Connect { card });
    assert!(g.hand(0).contains(&card));
    assert_eq!(g.offer().len(), usize::from(g.params().offer_size));
    assert!(!g.offer().contains(&card));
    assert_eq!(g.connection_deck_len(), deck - 1);
    assert!(ev.contains(&Event::Connected {
        seat: 0,
        card,
        source: ConnectSource::Offer
    }));
    assert!(ev.iter().any(|e| matches!(e, Event::OfferRefilled { .. })));
}

#[test]
fn a_hand_over_its_limit_must_release_before_the_turn_goes_on() {
    // hand_limit 3, starting hand 1: the third connect goes over.
    let c = mini();
    let mut g = game(&c, 4, &["plain"]);
    for _ in 0..2 {
        let a = Action::Connect { card: g.offer()[0] };
        act(&mut g, a);
    }
    assert!(!g.must_release());
    let a = Action::Connect { card: g.offer()[0] };
    let ev = act(&mut g, a);
    assert!(ev.contains(&Event::HandOverLimit { seat: 0, limit: 3 }));
    assert!(g.must_release());
    assert_eq!(g.act(0, &Action::EndTurn), Err(RuleError::MustReleaseFirst));
    assert_eq!(g.legal_actions(0).len(), 4, "only releases are legal");
    let card = g.hand(0)[1];
    act(&mut g, Action::Release { card });
    assert!(!g.must_release());
    assert_eq!(g.hand(0).len(), 3);
    assert_eq!(g.discard(), &[card]);
    act(&mut g, Action::EndTurn);
}

#[test]
fn prescribe_resolves_the_resident_discards_cards_and_raises_coping_skill() {
    let c = mini_with(&edits(
        &ALL_HELP,
        &[("scenario.ron", "starting_hand: 1", "starting_hand: 3")],
    ));
    let mut g = game_where(&c, &["plain"], |g| single_need_hidden(g).is_some());
    let r = single_need_hidden(&g).unwrap();
    let district = match g.resident_state(r).place() {
        community_coping::rules::ResidentPlace::Town(d) => d,
        _ => unreachable!(),
    };
    act(&mut g, Action::Listen { resident: r });
    let card = g.hand(0)[0];
    let ev = act(
        &mut g,
        Action::Prescribe {
            resident: r,
            cards: vec![card],
        },
    );
    assert!(g.connected_residents().contains(&r));
    assert!(!g.district_residents(district).contains(&r));
    assert_eq!(g.discard(), &[card]);
    assert_eq!(g.coping(), 1);
    assert!(ev.contains(&Event::CopingRaised { level: 1 }));
    // The mini track unlocks +1 hand limit at coping 1.
    assert!(ev.contains(&Event::BonusUnlocked { at: 1 }));
    assert_eq!(g.hand_limit(0), 4);
}

#[test]
fn each_card_meets_at_most_one_need() {
    let double = (
        "residents.ron",
        "worry_text: {\"ja\": \"悩み1\", \"en\": \"Worry 1\"}, needs: [Worry(Health)]",
        "worry_text: {\"ja\": \"悩み1\", \"en\": \"Worry 1\"}, needs: [Worry(Health), Worry(Health)]",
    );
    let c = mini_with(&edits(
        &ALL_HELP,
        &[
            double,
            ("scenario.ron", "starting_hand: 1", "starting_hand: 3"),
        ],
    ));
    let r1 = c.resident_by_key("r-01").unwrap();
    let mut g = game_where(&c, &["plain"], |g| {
        g.hidden_in_town()
            .any(|r| r == c.resident_by_key("r-01").unwrap())
    });
    act(&mut g, Action::Listen { resident: r1 });
    let hand = g.hand(0).to_vec();
    assert_eq!(
        g.act(
            0,
            &Action::Prescribe {
                resident: r1,
                cards: vec![hand[0]]
            }
        ),
        Err(RuleError::NeedsNotMet)
    );
    assert_eq!(
        g.act(
            0,
            &Action::Prescribe {
                resident: r1,
                cards: hand.clone()
            }
        ),
        Err(RuleError::NeedsNotMet),
        "an extra card that meets no need is refused too"
    );
    assert_eq!(
        g.act(
            0,
            &Action::Prescribe {
                resident: r1,
                cards: vec![hand[0], hand[0]]
            }
        ),
        Err(RuleError::DuplicateCard)
    );
    act(
        &mut g,
        Action::Prescribe {
            resident: r1,
            cards: vec![hand[0], hand[1]],
        },
    );
    assert!(g.connected_residents().contains(&r1));
}

#[test]
fn a_speciality_need_takes_a_card_with_that_speciality() {
    // r-03 needs [Worry(Relationships), Tag("nurse")]; give everyone a big hand.
    let c = mini_with(&edits(
        &ALL_HELP,
        &[
            ("scenario.ron", "starting_hand: 1", "starting_hand: 3"),
            ("scenario.ron", "hand_limit: 3", "hand_limit: 9"),
        ],
    ));
    let r3 = c.resident_by_key("r-03").unwrap();
    let nurse = |g: &Game, id| g.content().connection(id).key == "c-nurse";
    let mut g = game_where(&c, &["plain"], |g| {
        g.hidden_in_town().any(|r| r == r3)
            && g.hand(0).iter().filter(|c| !nurse(g, **c)).count() >= 2
    });
    act(&mut g, Action::Listen { resident: r3 });
    let plain: Vec<_> = g
        .hand(0)
        .iter()
        .copied()
        .filter(|c| !nurse(&g, *c))
        .take(2)
        .collect();
    assert_eq!(
        g.act(
            0,
            &Action::Prescribe {
                resident: r3,
                cards: plain
            }
        ),
        Err(RuleError::NeedsNotMet)
    );
    let legal = g.legal_actions(0);
    for a in &legal {
        if let Action::Prescribe { resident, cards } = a
            && *resident == r3
        {
            assert!(
                cards.iter().any(|c| nurse(&g, *c)),
                "every legal prescription includes the nurse"
            );
        }
    }
}

#[test]
fn unresolved_residents_gain_a_need_every_escalation_period() {
    let c = mini_with(&[(
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 30",
    )]);
    let mut g = game(&c, 5, &["plain"]);
    let first: Vec<ResidentId> = (0..2)
        .flat_map(|d| g.district_residents(DistrictId::from_index(d)).to_vec())
        .collect();
    let needs_before: Vec<usize> = first.iter().map(|r| g.needs(*r).count()).collect();
    let ev1 = end_turns(&mut g, 1);
    assert!(!ev1.iter().any(|e| matches!(
        e,
        Event::NeedGained {
            cause: NeedCause::Escalation,
            ..
        }
    )));
    let ev2 = end_turns(&mut g, 1);
    for (r, n) in first.iter().zip(&needs_before) {
        assert_eq!(g.needs(*r).count(), n + 1, "two year ends add one need");
        let worry = c.resident(*r).worry;
        assert!(ev2.contains(&Event::NeedGained {
            resident: *r,
            need: Need::Worry(worry),
            cause: NeedCause::Escalation
        }));
        assert_eq!(g.resident_state(*r).year_ends_waited(), 2);
    }
}

#[test]
fn the_town_collapses_at_year_end_not_mid_year() {
    let c = mini_with(&[(
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 2",
    )]);
    let mut g = game(&c, 6, &["plain", "listener"]);
    // Each district starts with one; seat 1's arrival makes two somewhere.
    act(&mut g, Action::EndTurn);
    assert!(g.loads().iter().any(|n| *n >= 2));
    assert!(!g.is_over(), "no collapse in the middle of a year");
    let ev = act(&mut g, Action::EndTurn);
    let Some(Outcome::Collapsed {
        year,
        district,
        residents,
    }) = g.outcome().cloned()
    else {
        panic!("expected a collapse, got {:?}", g.outcome());
    };
    assert_eq!(year, 2021);
    assert!(residents.len() >= 2);
    assert_eq!(residents, g.district_residents(district));
    assert!(ev.contains(&Event::TownCollapsed {
        year,
        district,
        residents
    }));
    assert_eq!(g.act(0, &Action::EndTurn), Err(RuleError::GameOver));
    assert!(g.legal_actions(0).is_empty());
}

#[test]
fn surviving_the_last_year_end_wins() {
    let c = mini_with(&[(
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 30",
    )]);
    let mut g = game(&c, 7, &["plain"]);
    let ev = end_turns(&mut g, 3);
    assert_eq!(g.outcome(), Some(&Outcome::Survived { connected: 0 }));
    assert!(ev.contains(&Event::TownSurvived {
        year: 2023,
        connected: 0
    }));
    assert_eq!(g.year(), 2023);
}

#[test]
fn an_empty_resident_deck_means_no_arrival() {
    let c = mini_with(&[(
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 30",
    )]);
    let mut s = setup(
        8,
        &["plain", "listener", "planner", "keeper", "soba", "aunt"],
    );
    s.seats[5].home_district = Some("b".into());
    let mut g = Game::new(Arc::clone(&c), s).unwrap();
    let mut empty = false;
    while !g.is_over() {
        let ev = end_turns(&mut g, 1);
        empty |= ev.contains(&Event::ResidentDeckEmpty);
    }
    assert!(empty);
    assert_eq!(g.resident_deck_len(), 0);
    assert_conserved(&g);
}

fn game_with_first_event(c: &Arc<Content>, roles: &[&str]) -> Game {
    game_where(c, roles, |g| {
        g.opening_events()
            .iter()
            .any(|e| matches!(e, Event::EventDrawn { .. }))
    })
}

fn after_event(g: &Game) -> &[Event] {
    let i = g
        .opening_events()
        .iter()
        .position(|e| matches!(e, Event::EventDrawn { .. }))
        .unwrap();
    &g.opening_events()[i + 1..]
}

#[test]
fn event_arrivals_everywhere_add_a_resident_to_every_district() {
    let c = mini_with(&[with_event("Arrivals(place: Everywhere, count: 1)", 3)]);
    let g = game_with_first_event(&c, &["plain"]);
    let arrived: Vec<DistrictId> = after_event(&g)
        .iter()
        .filter_map(|e| match e {
            Event::ResidentArrived { district, .. } => Some(*district),
            _ => None,
        })
        .collect();
    // one per district from the event, then the turn's own arrival
    assert_eq!(arrived.len(), 3);
    assert_eq!(
        &arrived[..2],
        &[DistrictId::from_index(0), DistrictId::from_index(1)]
    );
    assert_conserved(&g);
}

#[test]
fn event_arrivals_in_a_named_district() {
    let c = mini_with(&[with_event(
        "Arrivals(place: District(Named(\"b\")), count: 2)",
        3,
    )]);
    let g = game_with_first_event(&c, &["plain"]);
    let arrived: Vec<DistrictId> = after_event(&g)
        .iter()
        .filter_map(|e| match e {
            Event::ResidentArrived { district, .. } => Some(*district),
            _ => None,
        })
        .collect();
    assert_eq!(&arrived[..2], &[DistrictId::from_index(1); 2]);
}

#[test]
fn event_rapid_ageing_gives_every_hidden_resident_a_need() {
    let c = mini_with(&[with_event("HiddenGainNeed", 3)]);
    let g = game_with_first_event(&c, &["plain"]);
    let gained = after_event(&g)
        .iter()
        .filter(|e| {
            matches!(
                e,
                Event::NeedGained {
                    cause: NeedCause::Event,
                    ..
                }
            )
        })
        .count();
    assert_eq!(gained, 2, "the two starting residents were hidden");
}

#[test]
fn event_coordination_meeting_reveals_a_district() {
    let c = mini_with(&[
        with_event("RevealDistrict(Named(\"a\"))", 3),
        (
            "scenario.ron",
            "initial_residents_per_district: 1",
            "initial_residents_per_district: 2",
        ),
    ]);
    let g = game_with_first_event(&c, &["plain"]);
    for r in g.district_residents(DistrictId::from_index(0)) {
        if g.opening_events().contains(&Event::Revealed {
            resident: *r,
            cause: RevealCause::Event,
        }) {
            continue;
        }
        // only a resident arriving after the event may still be hidden
        assert!(
            after_event(&g)
                .iter()
                .any(|e| matches!(e, Event::ResidentArrived { resident, .. } if resident == r))
        );
    }
    let revealed = after_event(&g)
        .iter()
        .filter(|e| {
            matches!(
                e,
                Event::Revealed {
                    cause: RevealCause::Event,
                    ..
                }
            )
        })
        .count();
    assert_eq!(revealed, 2);
}

#[test]
fn event_new_local_resource_joins_the_offer_row() {
    let c = mini_with(&[with_event("AddConnection(\"c-new\")", 2)]);
    let g = game_with_first_event(&c, &["plain"]);
    let new = g
        .offer()
        .iter()
        .copied()
        .find(|id| c.connection(*id).key == "c-new");
    assert!(new.is_some());
    assert!(g.reserve_connections().is_empty());
    assert_eq!(g.offer().len(), usize::from(g.params().offer_size) + 1);
    assert_conserved(&g);
}

#[test]
fn event_key_person_moves_away_loses_a_hand_card() {
    let c = mini_with(&[with_event("LoseConnection(1)", 3)]);
    let g = game_with_first_event(&c, &["plain", "listener"]);
    let lost: Vec<_> = after_event(&g)
        .iter()
        .filter(|e| matches!(e, Event::ConnectionLost { .. }))
        .collect();
    assert_eq!(lost.len(), 1);
    assert_eq!(g.removed_connections().len(), 1);
    assert_eq!(g.hand(0).len() + g.hand(1).len(), 1, "two dealt, one lost");
    assert_conserved(&g);
}

#[test]
fn at_most_one_event_per_turn_and_the_rest_go_to_the_bottom() {
    let c = mini_with(&[
        with_event("HiddenGainNeed", 10),
        (
            "scenario.ron",
            "collapse_threshold: 4",
            "collapse_threshold: 30",
        ),
        ("scenario.ron", "end_year: 2023", "end_year: 2040"),
    ]);
    let mut g = game(&c, 9, &["plain"]);
    let mut deferred = false;
    let mut turn_events = g.opening_events().to_vec();
    loop {
        let drawn = turn_events
            .iter()
            .filter(|e| matches!(e, Event::EventDrawn { .. }))
            .count();
        assert!(drawn <= 1);
        deferred |= turn_events
            .iter()
            .any(|e| matches!(e, Event::EventDeferred { .. }));
        if g.is_over() {
            break;
        }
        turn_events = act(&mut g, Action::EndTurn);
    }
    assert!(
        deferred,
        "with 10 events among 12 residents a second event is deferred"
    );
    assert_conserved(&g);
}

#[test]
fn role_free_listen_costs_no_action_once_per_turn() {
    let c = mini_with(&[(
        "scenario.ron",
        "initial_residents_per_district: 1",
        "initial_residents_per_district: 2",
    )]);
    let mut g = game(&c, 10, &["listener"]);
    assert_eq!(g.free_listens_left(), 1);
    let a = Action::Listen {
        resident: hidden(&g),
    };
    let ev = act(&mut g, a);
    assert!(
        ev.iter()
            .any(|e| matches!(e, Event::Listened { free: true, .. }))
    );
    assert_eq!(g.actions_left(), 3);
    let a = Action::Listen {
        resident: hidden(&g),
    };
    act(&mut g, a);
    assert_eq!(g.actions_left(), 2);
}

#[test]
fn role_waives_one_need_of_its_category_but_a_card_is_still_played() {
    // r-02 (Living, 1 need) → make it [Worry(Money), Worry(Living)].
    let two = (
        "residents.ron",
        "worry_text: {\"ja\": \"悩み2\", \"en\": \"Worry 2\"}, needs: [Worry(Living)]",
        "worry_text: {\"ja\": \"悩み2\", \"en\": \"Worry 2\"}, needs: [Worry(Money), Worry(Living)]",
    );
    let c = mini_with(&edits(
        &ALL_HELP,
        &[
            two,
            ("scenario.ron", "starting_hand: 1", "starting_hand: 2"),
        ],
    ));
    let r2 = c.resident_by_key("r-02").unwrap();
    let mut g = game_where(&c, &["planner"], |g| g.hidden_in_town().any(|r| r == r2));
    act(&mut g, Action::Listen { resident: r2 });
    let (needs, waived) = g.needs_for(0, r2);
    assert_eq!(waived, Some(Need::Worry(Worry::Money)));
    assert_eq!(needs.as_slice(), &[Need::Worry(Worry::Living)]);
    let card = g.hand(0)[0];
    let ev = act(
        &mut g,
        Action::Prescribe {
            resident: r2,
            cards: vec![card],
        },
    );
    assert!(ev.iter().any(|e| matches!(
        e,
        Event::Prescribed {
            waived: Some(Need::Worry(Worry::Money)),
            ..
        }
    )));
    // A single Money need is never waived away: one card is always played.
    let single = c
        .residents()
        .iter()
        .position(|r| r.needs == vec![Need::Worry(Worry::Money)])
        .unwrap();
    let (needs, waived) = g.needs_for(0, ResidentId::from_index(single));
    assert_eq!((needs.len(), waived), (1, None));
}

#[test]
fn role_extra_hand_limit() {
    let c = mini();
    let g = game(&c, 11, &["keeper", "plain"]);
    assert_eq!(g.hand_limit(0), 5);
    assert_eq!(g.hand_limit(1), 3);
}

#[test]
fn role_connect_peek_offers_the_top_deck_cards() {
    let c = mini();
    let mut g = game(&c, 12, &["soba"]);
    let top: Vec<_> = g.peeked_cards(0).collect();
    assert_eq!(top.len(), 2);
    let legal = g.legal_actions(0);
    for card in &top {
        assert!(legal.contains(&Action::Connect { card: *card }));
    }
    let offer = g.offer().to_vec();
    let ev = act(&mut g, Action::Connect { card: top[1] });
    assert!(ev.contains(&Event::Connected {
        seat: 0,
        card: top[1],
        source: ConnectSource::DeckTop
    }));
    assert_eq!(g.offer(), offer.as_slice(), "the offer row is untouched");
    assert_conserved(&g);
    // Other roles cannot take deck cards.
    let mut plain = game(&c, 12, &["plain"]);
    let top = plain.connection_deck()[plain.connection_deck_len() - 1];
    assert_eq!(
        plain.act(0, &Action::Connect { card: top }),
        Err(RuleError::CardNotOffered)
    );
}

#[test]
fn role_home_district_residents_arrive_revealed() {
    let c = mini_with(&[(
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 30",
    )]);
    let mut s = setup(13, &["aunt"]);
    s.seats[0].home_district = Some("a".into());
    let mut g = Game::new(Arc::clone(&c), s).unwrap();
    end_turns(&mut g, 2);
    let a = DistrictId::from_index(0);
    let b = DistrictId::from_index(1);
    assert!(
        g.district_residents(a)
            .iter()
            .all(|r| g.resident_state(*r).revealed())
    );
    assert!(
        g.district_residents(b)
            .iter()
            .all(|r| !g.resident_state(*r).revealed())
    );
    assert!(g.opening_events().iter().any(|e| matches!(
        e,
        Event::Revealed {
            cause: RevealCause::HomeDistrict,
            ..
        }
    )));
}

#[test]
fn role_extra_actions() {
    let c = mini();
    let g = game(&c, 14, &["plain"]);
    assert_eq!(g.actions_left(), 4);
}

#[test]
fn coping_track_adds_actions_and_extra_reveals() {
    let c = mini_with(&edits(
        &ALL_HELP,
        &[
            ("scenario.ron", "starting_hand: 1", "starting_hand: 3"),
            (
                "scenario.ron",
                "initial_residents_per_district: 1",
                "initial_residents_per_district: 4",
            ),
            (
                "scenario.ron",
                "collapse_threshold: 4",
                "collapse_threshold: 30",
            ),
        ],
    ));
    let mut g = game_where(&c, &["listener"], |g| {
        g.hidden_in_town()
            .filter(|r| g.needs(*r).count() == 1)
            .count()
            >= 2
    });
    for _ in 0..2 {
        let r = single_need_hidden(&g).unwrap();
        act(&mut g, Action::Listen { resident: r });
        let a = Action::Prescribe {
            resident: r,
            cards: vec![g.hand(0)[0]],
        };
        act(&mut g, a);
    }
    assert_eq!(g.coping(), 2);
    act(&mut g, Action::EndTurn);
    assert_eq!(
        g.actions_left(),
        4,
        "coping 2 unlocks +1 action per turn in the mini deck"
    );
    // Third prescription unlocks the extra reveal.
    let r = single_need_hidden(&g).unwrap();
    act(&mut g, Action::Listen { resident: r });
    if g.hand(0).is_empty() {
        let a = Action::Connect { card: g.offer()[0] };
        act(&mut g, a);
    }
    let a = Action::Prescribe {
        resident: r,
        cards: vec![g.hand(0)[0]],
    };
    act(&mut g, a);
    assert_eq!(g.coping(), 3);
    let target = g.hidden_in_town().find(|x| {
        let community_coping::rules::ResidentPlace::Town(d) = g.resident_state(*x).place() else {
            return false;
        };
        g.district_residents(d)
            .iter()
            .filter(|y| !g.resident_state(**y).revealed())
            .count()
            >= 2
    });
    let target = target.expect("a district with two hidden residents");
    let ev = act(&mut g, Action::Listen { resident: target });
    assert!(ev.iter().any(|e| matches!(
        e,
        Event::Revealed {
            cause: RevealCause::ExtraReveal,
            ..
        }
    )));
}

#[test]
fn an_empty_connection_deck_reshuffles_the_discard_pile() {
    let c = mini_with(&[
        (
            "scenario.ron",
            "collapse_threshold: 4",
            "collapse_threshold: 30",
        ),
        ("scenario.ron", "end_year: 2023", "end_year: 2040"),
    ]);
    let mut g = game(&c, 15, &["plain"]);
    let mut reshuffled = false;
    for _ in 0..200 {
        if g.is_over() || reshuffled {
            break;
        }
        let ev = if g.must_release() {
            let card = g.hand(0)[0];
            act(&mut g, Action::Release { card })
        } else if g.actions_left() > 0 && !g.offer().is_empty() {
            let card = g.offer()[0];
            act(&mut g, Action::Connect { card })
        } else {
            act(&mut g, Action::EndTurn)
        };
        reshuffled |= ev
            .iter()
            .any(|e| matches!(e, Event::ConnectionDeckReshuffled { .. }));
        assert_conserved(&g);
    }
    assert!(reshuffled);
}

#[test]
fn only_actions_that_reveal_and_draw_nothing_can_be_undone() {
    let c = mini_with(&edits(
        &ALL_HELP,
        &[
            ("scenario.ron", "starting_hand: 1", "starting_hand: 3"),
            ("scenario.ron", "hand_limit: 3", "hand_limit: 6"),
        ],
    ));
    let mut g = game_where(&c, &["plain"], |g| single_need_hidden(g).is_some());
    let mut journal = community_coping::rules::Journal::new(&c, g.setup().clone());
    let step = |g: &mut Game, j: &mut community_coping::rules::Journal, a: Action| {
        act(g, a.clone());
        j.record(0, a);
    };
    assert!(!g.can_undo(), "nothing to undo at the start");
    let r = single_need_hidden(&g).unwrap();
    step(&mut g, &mut journal, Action::Listen { resident: r });
    assert!(!g.can_undo(), "a listen revealed a worry");
    let before = g.state_hash();
    let card = g.hand(0)[0];
    step(
        &mut g,
        &mut journal,
        Action::Prescribe {
            resident: r,
            cards: vec![card],
        },
    );
    assert!(g.can_undo());
    let back =
        undo(Arc::clone(&c), &mut journal, &g, Undo::Players).expect("prescribe can be undone");
    assert_eq!(back.state_hash(), before);
    assert_eq!(journal.entries.len(), 1);
    let mut g = back;
    let card = g.offer()[0];
    step(&mut g, &mut journal, Action::Connect { card });
    assert!(
        !g.can_undo(),
        "connect refilled the offer row from the deck"
    );
    assert_eq!(
        undo(Arc::clone(&c), &mut journal, &g, Undo::Players).unwrap_err(),
        RuleError::CannotUndo
    );
    step(&mut g, &mut journal, Action::EndTurn);
    assert!(!g.can_undo(), "ending a turn draws the next resident");
}

#[test]
fn setup_errors_say_what_is_wrong() {
    let c = mini();
    let new = |s| Game::new(Arc::clone(&c), s).map(|_| ()).unwrap_err();
    assert_eq!(new(setup(1, &[])), SetupError::SeatCount(0));
    assert_eq!(new(setup(1, &["plain"; 7])), SetupError::SeatCount(7));
    assert_eq!(
        new(setup(1, &["plain", "plain"])),
        SetupError::DuplicateRole("plain".into())
    );
    assert_eq!(
        new(setup(1, &["wizard"])),
        SetupError::UnknownRole("wizard".into())
    );
    assert!(matches!(
        new(setup(1, &["aunt"])),
        SetupError::MissingHomeDistrict { seat: 0, .. }
    ));
    let mut s = setup(1, &["plain"]);
    s.difficulty = "nightmare".into();
    assert_eq!(new(s), SetupError::UnknownDifficulty("nightmare".into()));
    let mut s = setup(1, &["aunt"]);
    s.seats[0].home_district = Some("moon".into());
    assert_eq!(new(s), SetupError::UnknownDistrict("moon".into()));
}

#[test]
fn a_difficulty_preset_overrides_parameters() {
    let c = mini();
    let mut s = setup(1, &["listener"]);
    s.difficulty = "tight".into();
    let g = Game::new(Arc::clone(&c), s).unwrap();
    assert_eq!(g.params().collapse_threshold, 2);
    assert_eq!(g.params().actions_per_turn, 1);
    assert_eq!(g.actions_left(), 1);
}

#[test]
fn setup_places_residents_deals_hands_and_lays_out_the_offer() {
    let c = mini();
    let g = game(&c, 16, &["plain", "listener"]);
    assert_eq!(g.year(), 2021);
    assert_eq!(g.current_seat(), 0);
    assert_eq!(g.hand(0).len(), 1);
    assert_eq!(g.hand(1).len(), 1);
    assert_eq!(g.offer().len(), 2);
    let total: usize = g.loads().iter().sum();
    assert!(total >= 3, "one per district plus the first arrival");
    assert_conserved(&g);
}
