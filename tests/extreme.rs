//! Numbers from a deck can never overflow: a deck at every bound validation
//! allows (hand limit 30 with role and coping bonuses, 12 actions, 10 free
//! listens, a peek of 10, a 50-year calendar at the end of the allowed years,
//! needs escalating every year) plays out under random legal play in a build
//! with overflow checks, and a deck past the bounds is refused.

mod common;

use std::sync::Arc;

use common::*;
use community_coping::content::{Sources, load};
use community_coping::rules::{Game, Journal, replay};
use proptest::prelude::*;

const AT_THE_BOUNDS: [(&str, &str, &str); 8] = [
    ("scenario.ron", "start_year: 2021", "start_year: 2151"),
    ("scenario.ron", "end_year: 2023", "end_year: 2200"),
    (
        "scenario.ron",
        "escalate_after_years: 2",
        "escalate_after_years: 1",
    ),
    (
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 30",
    ),
    // 3 + 26 from the role + 1 from the coping track = 30
    (
        "roles.ron",
        "abilities: [ExtraHandLimit(2)]",
        "abilities: [ExtraHandLimit(10), ExtraHandLimit(10), ExtraHandLimit(6)]",
    ),
    // 3 + 8 from the role + 1 from the coping track = 12
    (
        "roles.ron",
        "abilities: [ExtraActions(1)]",
        "abilities: [ExtraActions(5), ExtraActions(3)]",
    ),
    (
        "roles.ron",
        "abilities: [FreeListens(1)]",
        "abilities: [FreeListens(5), FreeListens(5)]",
    ),
    (
        "roles.ron",
        "abilities: [ConnectPeek(2)]",
        "abilities: [ConnectPeek(5), ConnectPeek(5)]",
    ),
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    #[cfg_attr(not(debug_assertions), ignore = "needs overflow checks: run in the default test profile")]
    fn a_deck_at_every_bound_plays_out_without_overflow(
        seed in any::<u64>(),
        seats in 1usize..=6,
        choices in prop::collection::vec(any::<usize>(), 0..1500),
    ) {
        let c = mini_with(&AT_THE_BOUNDS);
        let roles = ["plain", "listener", "planner", "keeper", "soba", "aunt"];
        let mut s = setup(seed, &roles[..seats]);
        for seat in &mut s.seats {
            seat.home_district = Some("a".into());
        }
        let mut g = Game::new(Arc::clone(&c), s.clone()).unwrap();
        let mut journal = Journal::new(&c, s);
        for k in choices {
            if g.is_over() {
                break;
            }
            let seat = g.current_seat();
            let legal = g.legal_actions(seat);
            let action = legal[k % legal.len()].clone();
            g.act(seat, &action).unwrap();
            journal.record(seat, action);
            prop_assert!(g.hand_limit(seat) <= 30);
            prop_assert!(g.actions_left() <= 12);
        }
        prop_assert_eq!(replay(c, &journal).unwrap().state_hash(), g.state_hash());
    }
}

/// The deck from the report: 25 × ExtraHandLimit(10) on one role with a
/// hand limit of 20 used to validate and then overflow in the rules.
#[test]
fn a_deck_past_the_bounds_is_refused_not_played() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
    let mut files: Vec<(String, String)> = DECK_FILES
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(format!("{dir}/{f}")).unwrap();
            ((*f).to_owned(), text)
        })
        .collect();
    let stacked = vec!["ExtraHandLimit(10)"; 25].join(", ");
    for (name, text) in &mut files {
        if name == "roles.ron" {
            *text = text.replace(
                "abilities: [ExtraHandLimit(2)]",
                &format!("abilities: [{stacked}]"),
            );
        }
        if name == "scenario.ron" {
            *text = text.replace("hand_limit: 3", "hand_limit: 20");
        }
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    let errors = match load(&Sources::in_memory("mini", &refs)) {
        Ok(_) => panic!("a hand limit of 270 validated"),
        Err(e) => e.0,
    };
    assert!(
        errors
            .iter()
            .any(|d| d.render().contains("hand limit") && d.render().contains("roles.ron")),
        "{}",
        errors.iter().map(|d| d.render()).collect::<String>()
    );
}
