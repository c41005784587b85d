//! Legality has one source: on random decks (large hands, many and growing
//! needs), every action the rules accept is one they list, and every listed
//! action is accepted. Prescriptions are compared as sets of cards, checked
//! against every subset of the hand of the right size. On the link-work
//! deck, visits, passes, founding and case conferences (every subset of the
//! pooled hands) are compared the same way.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::sync::Arc;

use common::*;
use community_coping::content::{ConnectionId, Content, ResidentId};
use community_coping::rules::{Action, Game, Setup};
use proptest::prelude::*;

const WORRIES: [&str; 4] = ["Money", "Health", "Living", "Relationships"];

/// A random deck: the mini deck's map and roles, with generated residents
/// (1–4 printed needs, some specialities) and connections (many copies, so
/// hands grow large), a "big" difficulty with a hand limit of 20 and needs
/// that escalate every year.
#[derive(Debug, Clone)]
struct DeckSpec {
    residents: Vec<(usize, bool, Vec<usize>, bool)>,
    connections: Vec<(Vec<usize>, bool, u32)>,
}

fn deck_spec() -> impl Strategy<Value = DeckSpec> {
    let resident = (
        0usize..4,
        any::<bool>(),
        prop::collection::vec(0usize..4, 0..3),
        any::<bool>(),
    );
    let connection = (
        prop::collection::vec(0usize..4, 1..3),
        any::<bool>(),
        1u32..6,
    );
    (
        prop::collection::vec(resident, 6..14),
        prop::collection::vec(connection, 3..8),
    )
        .prop_map(|(residents, connections)| DeckSpec {
            residents,
            connections,
        })
}

fn build(spec: &DeckSpec) -> Arc<Content> {
    let mut residents = String::from("Residents(residents: [\n");
    for (i, (worry, district_b, extra, nurse)) in spec.residents.iter().enumerate() {
        let mut needs = vec![format!("Worry({})", WORRIES[*worry])];
        needs.extend(extra.iter().map(|w| format!("Worry({})", WORRIES[*w])));
        if *nurse {
            needs.push("Tag(\"nurse\")".to_owned());
        }
        let _ = writeln!(
            residents,
            "Resident(id: \"g-{i}\", district: \"{}\", name: {{\"ja\": \"住民{i}\", \"en\": \"R {i}\"}}, age: Forties, household: LivingAlone, notice: {{\"ja\": \"見\", \"en\": \"Seen\"}}, worry: {}, worry_text: {{\"ja\": \"悩\", \"en\": \"W\"}}, needs: [{}]),",
            if *district_b { "b" } else { "a" },
            WORRIES[*worry],
            needs.join(", ")
        );
    }
    residents.push_str("])\n");
    let mut connections = String::from(
        "Connections(specialities: [Speciality(id: \"nurse\", name: {\"ja\": \"保健師\", \"en\": \"Nurse\"})], connections: [\n",
    );
    // Enough all-round cards that every generated resident can be resolved.
    connections.push_str("Connection(id: \"c-any\", name: {\"ja\": \"民生委員\", \"en\": \"Commissioner\"}, kind: Public, specialities: [\"nurse\"], helps: [Money, Health, Living, Relationships], description: {\"ja\": \"何でも\", \"en\": \"Anything\"}, copies: 5),\n");
    connections.push_str("Connection(id: \"c-new\", name: {\"ja\": \"新しい場\", \"en\": \"New place\"}, kind: Informal, helps: [Relationships], description: {\"ja\": \"新\", \"en\": \"New\"}, copies: 0),\n");
    for (i, (helps, nurse, copies)) in spec.connections.iter().enumerate() {
        let helps: BTreeSet<&str> = helps.iter().map(|w| WORRIES[*w]).collect();
        let _ = writeln!(
            connections,
            "Connection(id: \"c-{i}\", name: {{\"ja\": \"つながり{i}\", \"en\": \"C {i}\"}}, kind: Informal, specialities: [{}], helps: [{}], description: {{\"ja\": \"説\", \"en\": \"D\"}}, copies: {copies}),",
            if *nurse { "\"nurse\"" } else { "" },
            helps.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    connections.push_str("])\n");
    let big = r#"Difficulty(id: "big", name: {"ja": "大", "en": "Big"}, overrides: {"hand_limit": 20, "starting_hand": 9, "actions_per_turn": 6, "escalate_after_years": 1, "collapse_threshold": 9}),"#;
    let residents: &'static str = Box::leak(residents.into_boxed_str());
    let connections: &'static str = Box::leak(connections.into_boxed_str());
    let files = read_mini();
    let old_res: &'static str = Box::leak(files.0.into_boxed_str());
    let old_conn: &'static str = Box::leak(files.1.into_boxed_str());
    mini_with(&[
        ("residents.ron", old_res, residents),
        ("connections.ron", old_conn, connections),
        ("scenario.ron", "end_year: 2023", "end_year: 2027"),
        (
            "scenario.ron",
            r#"Difficulty(id: "standard", name: {"ja": "標準", "en": "Standard"}),"#,
            Box::leak(
                format!(
                    "{big}\n        Difficulty(id: \"standard\", name: {{\"ja\": \"標準\", \"en\": \"Standard\"}}),"
                )
                .into_boxed_str(),
            ),
        ),
    ])
}

fn read_mini() -> (String, String) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
    (
        std::fs::read_to_string(format!("{dir}/residents.ron")).unwrap(),
        std::fs::read_to_string(format!("{dir}/connections.ron")).unwrap(),
    )
}

/// An action with its cards in a canonical order, so sets compare equal.
fn canonical(a: &Action) -> Action {
    match a {
        Action::Prescribe { resident, cards } => {
            let mut cards = cards.clone();
            cards.sort();
            Action::Prescribe {
                resident: *resident,
                cards,
            }
        }
        other => other.clone(),
    }
}

/// Every k-subset of `items` (k small; callers bound the count).
fn subsets(items: &[ConnectionId], k: usize) -> Vec<Vec<ConnectionId>> {
    fn go(
        items: &[ConnectionId],
        k: usize,
        from: usize,
        cur: &mut Vec<ConnectionId>,
        out: &mut Vec<Vec<ConnectionId>>,
    ) {
        if cur.len() == k {
            out.push(cur.clone());
            return;
        }
        for i in from..items.len() {
            cur.push(items[i]);
            go(items, k, i + 1, cur, out);
            cur.pop();
        }
    }
    let mut out = Vec::new();
    go(items, k, 0, &mut Vec::new(), &mut out);
    out
}

fn binomial(n: usize, k: usize) -> u128 {
    (0..k).fold(1u128, |acc, i| acc * (n - i) as u128 / (i + 1) as u128)
}

/// Every candidate action a seat could ask for now, legal or not.
fn candidates(g: &Game, seat: usize) -> Vec<Action> {
    let c = g.content();
    let mut out = vec![Action::EndTurn];
    for r in 0..c.residents().len() {
        out.push(Action::Listen {
            resident: ResidentId::from_index(r),
        });
    }
    for k in 0..c.connections().len() {
        let card = ConnectionId::from_index(k);
        out.push(Action::Connect { card });
        out.push(Action::Release { card });
    }
    let hand = g.hand(seat);
    for r in g.revealed_in_town().collect::<Vec<_>>() {
        let k = g.needs_for(seat, r).0.len();
        if k <= hand.len() && binomial(hand.len(), k) <= 20_000 {
            for cards in subsets(hand, k) {
                out.push(Action::Prescribe { resident: r, cards });
            }
        }
        // wrong sizes and a card twice are refused, never listed
        if let Some(&first) = hand.first() {
            out.push(Action::Prescribe {
                resident: r,
                cards: vec![first; k.max(2)],
            });
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn accepted_equals_listed_on_random_decks(
        spec in deck_spec(),
        seed in any::<u64>(),
        seats in 1usize..=3,
        choices in prop::collection::vec(any::<usize>(), 1..160),
    ) {
        let c = build(&spec);
        let roles = ["plain", "listener", "planner"];
        let mut s: Setup = setup(seed, &roles[..seats]);
        s.difficulty = "big".into();
        for seat in &mut s.seats {
            seat.home_district = Some("a".into());
        }
        let mut g = Game::new(Arc::clone(&c), s).unwrap();
        let mut largest_hand = 0;
        for (step, &k) in choices.iter().enumerate() {
            if g.is_over() {
                break;
            }
            let seat = g.current_seat();
            largest_hand = largest_hand.max(g.hand(seat).len());
            let legal = g.legal_actions(seat);
            let listed: BTreeSet<Action> = legal.iter().map(canonical).collect();
            prop_assert_eq!(listed.len(), legal.len(), "an action is listed twice");
            // the exhaustive comparison every few steps (it is the slow part)
            if step % 4 == 0 {
                let mut accepted = BTreeSet::new();
                for a in candidates(&g, seat) {
                    if g.check(seat, &a).is_ok() {
                        accepted.insert(canonical(&a));
                    }
                }
                for a in &listed {
                    prop_assert!(g.check(seat, a).is_ok(), "listed but refused: {:?}", a);
                }
                // every accepted candidate is listed (as a set of cards)
                for a in &accepted {
                    prop_assert!(listed.contains(a), "accepted but not listed: {:?}", a);
                }
                // and, where every subset was tried, every listed one was found
                for a in &listed {
                    if let Action::Prescribe { resident, cards } = a {
                        let n = g.hand(seat).len();
                        if binomial(n, cards.len()) <= 20_000 {
                            prop_assert!(accepted.contains(a), "listed {:?} {:?} not among subsets", resident, cards);
                        }
                    }
                }
                // a seat that is not on turn may do nothing
                let other = (seat + 1) % g.seats().len();
                if other != seat {
                    prop_assert!(g.legal_actions(other).is_empty());
                }
            }
            // Prefer connecting, so hands grow past the old 16-card cap.
            let pick = legal
                .iter()
                .find(|a| matches!(a, Action::Connect { .. }) && k % 3 != 0)
                .cloned()
                .unwrap_or_else(|| legal[k % legal.len()].clone());
            g.act(seat, &pick).expect("a listed action is accepted");
        }
        if std::env::var_os("LEGALITY_STATS").is_some() {
            eprintln!("largest hand {largest_hand}, year {}", g.year());
        }
    }
}

/// A hand of more than 16 cards still lists its prescriptions (the listing
/// used to give up there while `check` accepted them).
#[test]
fn large_hands_list_their_prescriptions() {
    let spec = DeckSpec {
        residents: (0..8).map(|i| (i % 4, i % 2 == 0, vec![], false)).collect(),
        connections: vec![
            (vec![0], false, 5),
            (vec![1], false, 5),
            (vec![2], false, 5),
            (vec![3], false, 5),
        ],
    };
    let c = build(&spec);
    let mut s = setup(7, &["plain"]);
    s.difficulty = "big".into();
    let mut g = Game::new(Arc::clone(&c), s).unwrap();
    // connect until the hand holds 17 cards, listening on the way
    let mut found = false;
    for _ in 0..400 {
        if g.is_over() {
            break;
        }
        let seat = g.current_seat();
        if g.hand(seat).len() > 16 {
            for r in g.revealed_in_town().collect::<Vec<_>>() {
                let by_check = g
                    .hand(seat)
                    .iter()
                    .any(|card| g.fits(seat, r, std::slice::from_ref(card)));
                if by_check {
                    assert!(
                        !g.prescriptions(seat, r).is_empty(),
                        "a 17+ card hand that fits lists nothing"
                    );
                    found = true;
                }
            }
            if found {
                break;
            }
        }
        let legal = g.legal_actions(seat);
        let listen = |a: &&Action| matches!(a, Action::Listen { .. });
        let connect = |a: &&Action| matches!(a, Action::Connect { .. });
        let pick = if g.hand(seat).len() > 16 {
            legal
                .iter()
                .find(listen)
                .or_else(|| legal.iter().find(connect))
        } else {
            legal
                .iter()
                .find(connect)
                .or_else(|| legal.iter().find(listen))
        }
        .unwrap_or(&legal[0])
        .clone();
        g.act(seat, &pick).unwrap();
    }
    assert!(
        found,
        "the game never reached a 17-card hand with a fitting resident (hand {}, year {}, over: {:?})",
        g.hand(0).len(),
        g.year(),
        g.outcome()
    );
}

/// Every candidate of link work a seat could ask for now: visits, passes of
/// any card to any seat, founding any card, and conferences of every subset
/// of the pooled hands of the right size (plus wrong sizes and repeats).
fn link_work_candidates(g: &Game, seat: usize) -> Vec<Action> {
    let c = g.content();
    let mut out = candidates(g, seat);
    for r in 0..c.residents().len() {
        out.push(Action::Visit {
            resident: ResidentId::from_index(r),
        });
    }
    for k in 0..c.connections().len() + 1 {
        let card = ConnectionId::from_index(k);
        out.push(Action::Create { idea: card });
        for to in 0..g.seats().len() + 1 {
            out.push(Action::Pass { card, to });
        }
    }
    let pool = g.pooled_hands();
    for r in g.revealed_in_town().collect::<Vec<_>>() {
        let k = g.needs_for(seat, r).0.len();
        for size in [k.saturating_sub(1), k, k + 1] {
            if size > 0 && size <= pool.len() && binomial(pool.len(), size) <= 20_000 {
                for cards in subsets(&pool, size) {
                    out.push(Action::Conference { resident: r, cards });
                }
            }
        }
        if let Some(&first) = pool.first() {
            out.push(Action::Conference {
                resident: r,
                cards: vec![first; k.max(2)],
            });
        }
    }
    out
}

/// Conferences compare as sets of cards too.
fn canonical_lw(a: &Action) -> Action {
    match a {
        Action::Conference { resident, cards } => {
            let mut cards = cards.clone();
            cards.sort();
            Action::Conference {
                resident: *resident,
                cards,
            }
        }
        other => canonical(other),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// On the link-work deck (visits, passes, conferences, ideas): every
    /// listed action is accepted, every accepted candidate is listed, and
    /// every conference of the right size that is not listed is refused.
    #[test]
    fn accepted_equals_listed_with_link_work(
        seed in any::<u64>(),
        seats in 1usize..=3,
        calm in any::<bool>(),
        choices in prop::collection::vec(any::<usize>(), 1..200),
    ) {
        let c = linkwork();
        let roles = ["plain", "listener", "planner"];
        let mut s: Setup = setup(seed, &roles[..seats]);
        if calm {
            s.difficulty = "calm".into();
        }
        let mut g = Game::new(Arc::clone(&c), s).unwrap();
        for (step, &k) in choices.iter().enumerate() {
            if g.is_over() {
                break;
            }
            let seat = g.current_seat();
            let legal = g.legal_actions(seat);
            let listed: BTreeSet<Action> = legal.iter().map(canonical_lw).collect();
            prop_assert_eq!(listed.len(), legal.len(), "an action is listed twice");
            if step % 2 == 0 {
                for a in &listed {
                    prop_assert!(g.check(seat, a).is_ok(), "listed but refused: {:?}", a);
                }
                for a in link_work_candidates(&g, seat) {
                    let accepted = g.check(seat, &a).is_ok();
                    prop_assert_eq!(
                        accepted,
                        listed.contains(&canonical_lw(&a)),
                        "accepted {} but listed {}: {:?}",
                        accepted,
                        !accepted,
                        a
                    );
                }
            }
            // Prefer the actions of link work, so they are taken often.
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
            let pick = if !lw.is_empty() && k % 2 == 0 {
                lw[k / 2 % lw.len()].clone()
            } else {
                legal[k % legal.len()].clone()
            };
            g.act(seat, &pick).expect("a listed action is accepted");
        }
    }
}
