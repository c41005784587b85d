//! Shared helpers for the rule tests: fixture decks from RON, with edits.
#![allow(dead_code)]

use std::sync::Arc;

use community_coping::content::{Content, Sources, load};
use community_coping::rules::{Action, Event, Game, SeatKind, SeatSetup, Setup};

/// The six files of a deck, scenario and map first.
pub const DECK_FILES: [&str; 6] = [
    "scenario.ron",
    "map.ron",
    "residents.ron",
    "connections.ron",
    "roles.ron",
    "events.ron",
];

/// The mini fixture deck with textual edits `(file, from, to)` applied.
pub fn mini_with(edits: &[(&str, &str, &str)]) -> Arc<Content> {
    fixture_with("mini", &DECK_FILES, edits)
}

/// The link-work fixture deck's files: the mini deck's and `ideas.ron`.
pub const LINKWORK_FILES: [&str; 7] = [
    "scenario.ron",
    "map.ron",
    "residents.ron",
    "connections.ron",
    "roles.ron",
    "events.ron",
    "ideas.ron",
];

/// The link-work fixture deck (every rule of link work on) with edits.
pub fn linkwork_with(edits: &[(&str, &str, &str)]) -> Arc<Content> {
    fixture_with("linkwork", &LINKWORK_FILES, edits)
}

pub fn linkwork() -> Arc<Content> {
    linkwork_with(&[])
}

/// The fixture deck `tests/fixtures/<name>` with textual edits applied.
pub fn fixture_with(name: &str, names: &[&str], edits: &[(&str, &str, &str)]) -> Arc<Content> {
    let dir = format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, String)> = names
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(format!("{dir}/{f}")).expect("fixture file");
            ((*f).to_owned(), text)
        })
        .collect();
    for (file, from, to) in edits {
        let entry = files
            .iter_mut()
            .find(|(n, _)| n == file)
            .expect("edit names a fixture file");
        assert!(
            entry.1.contains(from),
            "edit target {from:?} not found in {file}"
        );
        entry.1 = entry.1.replace(from, to);
    }
    let refs: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, t)| (n.as_str(), t.as_str()))
        .collect();
    match load(&Sources::in_memory(name, &refs)) {
        Ok(l) => Arc::new(l.content),
        Err(e) => panic!(
            "fixture does not validate:\n{}",
            e.0.iter().map(|d| d.render()).collect::<String>()
        ),
    }
}

pub fn mini() -> Arc<Content> {
    mini_with(&[])
}

/// Replaces the events file with one event of these effects, in `copies` copies.
pub fn with_event(effects: &str, copies: u32) -> (&'static str, &'static str, &'static str) {
    let to: &'static str =
        Box::leak(format!("copies: {copies}, effects: [{effects}]").into_boxed_str());
    (
        "events.ron",
        "effects: [Arrivals(place: Everywhere, count: 1)]",
        to,
    )
}

pub fn seat(role: &str) -> SeatSetup {
    SeatSetup {
        name: role.to_owned(),
        role: role.to_owned(),
        home_district: None,
        kind: SeatKind::Human,
    }
}

pub fn setup(seed: u64, roles: &[&str]) -> Setup {
    Setup {
        seed,
        difficulty: "standard".to_owned(),
        seats: roles.iter().map(|r| seat(r)).collect(),
    }
}

pub fn game(content: &Arc<Content>, seed: u64, roles: &[&str]) -> Game {
    Game::new(Arc::clone(content), setup(seed, roles)).expect("valid setup")
}

/// Acts and panics with the refusal if the rules refuse.
pub fn act(g: &mut Game, action: Action) -> Vec<Event> {
    let seat = g.current_seat();
    g.act(seat, &action)
        .unwrap_or_else(|e| panic!("{action:?} refused: {e}"))
}

/// Ends turns until the game is over or `n` turns have passed.
pub fn end_turns(g: &mut Game, n: usize) -> Vec<Event> {
    let mut all = Vec::new();
    for _ in 0..n {
        if g.is_over() {
            break;
        }
        if g.must_release() {
            let card = g.hand(g.current_seat())[0];
            all.extend(act(g, Action::Release { card }));
        }
        all.extend(act(g, Action::EndTurn));
    }
    all
}

/// Checks every card is in exactly one place.
pub fn assert_conserved(g: &Game) {
    let c = g.content();
    let mut seen = vec![0u8; c.connections().len()];
    let mut mark = |ids: &[community_coping::content::ConnectionId]| {
        for id in ids {
            seen[id.index()] += 1;
        }
    };
    mark(g.connection_deck());
    mark(g.discard());
    mark(g.offer());
    mark(g.reserve_connections());
    mark(g.removed_connections());
    for s in 0..g.seats().len() {
        mark(g.hand(s));
    }
    assert!(
        seen.iter().all(|n| *n == 1),
        "connection cards not conserved: {seen:?}"
    );

    use community_coping::rules::{ResidentCard, ResidentPlace};
    let mut res = vec![0u8; c.residents().len()];
    let mut events = vec![0u8; c.events().len()];
    for card in g.resident_deck() {
        match card {
            ResidentCard::Resident(r) => {
                assert_eq!(g.resident_state(*r).place(), ResidentPlace::Deck);
                res[r.index()] += 1;
            }
            ResidentCard::Event(e) => events[e.index()] += 1,
        }
    }
    for e in g.used_events() {
        events[e.index()] += 1;
    }
    for d in 0..c.districts().len() {
        let id = community_coping::content::DistrictId::from_index(d);
        for r in g.district_residents(id) {
            assert_eq!(g.resident_state(*r).place(), ResidentPlace::Town(id));
            res[r.index()] += 1;
        }
    }
    for r in g.connected_residents() {
        assert_eq!(g.resident_state(*r).place(), ResidentPlace::Connected);
        res[r.index()] += 1;
    }
    assert!(
        res.iter().all(|n| *n == 1),
        "residents not conserved: {res:?}"
    );
    assert!(
        events.iter().all(|n| *n == 1),
        "event cards not conserved: {events:?}"
    );
}

/// The guided game's script as bundled.
pub const TUTORIAL_GUIDE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/tutorial/guide.ron"
));

/// The tutorial deck's files with `guide` as its guide.ron.
pub fn tutorial_with_guide(guide: &str) -> Sources {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tutorial");
    let files: Vec<(&str, String)> = DECK_FILES
        .iter()
        .chain(&["ideas.ron"])
        .map(|f| {
            let text = std::fs::read_to_string(format!("{dir}/{f}")).expect("tutorial deck file");
            (*f, text)
        })
        .collect();
    let mut named: Vec<(&str, &str)> = files.iter().map(|(f, t)| (*f, t.as_str())).collect();
    named.push(("guide.ron", guide));
    Sources::in_memory("scenarios/tutorial", &named)
}

/// The tutorial deck's content, loaded with its bundled guide.
pub fn tutorial_content() -> Arc<Content> {
    Arc::new(
        load(&tutorial_with_guide(TUTORIAL_GUIDE))
            .expect("the tutorial deck loads")
            .content,
    )
}

/// The person's action for a step that waits for `kind`: the one the guide's
/// text asks for (the resident it points at, the card that meets the need).
pub fn trainee_action(
    game: &Game,
    kind: community_coping::guide::ActionKind,
    resident: community_coping::content::ResidentId,
) -> Action {
    let seat = community_coping::guide::TRAINEE_SEAT;
    let legal = game.legal_actions(seat);
    let pick = |f: &dyn Fn(&Action) -> bool| {
        legal
            .iter()
            .find(|a| f(a))
            .cloned()
            .unwrap_or_else(|| panic!("no legal {kind:?} now: {legal:?}"))
    };
    let meets = |c: community_coping::content::ConnectionId| {
        game.needs(resident)
            .any(|n| game.content().connection(c).meets(n))
    };
    match kind {
        community_coping::guide::ActionKind::Listen => Action::Listen { resident },
        community_coping::guide::ActionKind::Connect => {
            pick(&|a| matches!(a, Action::Connect { card } if meets(*card)))
        }
        community_coping::guide::ActionKind::Release => {
            pick(&|a| matches!(a, Action::Release { card } if !meets(*card)))
        }
        community_coping::guide::ActionKind::Prescribe => {
            pick(&|a| matches!(a, Action::Prescribe { resident: r, .. } if *r == resident))
        }
        community_coping::guide::ActionKind::EndTurn => Action::EndTurn,
        community_coping::guide::ActionKind::Visit => Action::Visit { resident },
        community_coping::guide::ActionKind::Conference => {
            pick(&|a| matches!(a, Action::Conference { resident: r, .. } if *r == resident))
        }
        community_coping::guide::ActionKind::Pass => pick(&|a| matches!(a, Action::Pass { .. })),
        community_coping::guide::ActionKind::Create => {
            pick(&|a| matches!(a, Action::Create { .. }))
        }
    }
}
