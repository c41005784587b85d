//! Old files keep working after link work: every recorded session of the
//! earlier formats opens, replays to its recorded state hashes and exports;
//! the default deck of earlier releases is still built in; and a deck
//! written before link work loads unchanged, offers no new action and plays
//! exactly as it did (state hashes recorded from the release before).

mod common;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use common::*;
use community_coping::content::built_in;
use community_coping::export::{ExportOptions, Format, export_session};
use community_coping::reflect::content_for;
use community_coping::rules::{Action, BotKind, Event, Game, SeatKind, Setup, replay};
use community_coping::session::{OutcomeSummary, load_session};
use community_coping::sim::play_one;

/// The digest of the default deck as releases before link work shipped it.
const DEFAULT_V1: &str = "67799fc9860822e1";

fn sessions(format: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions")
        .join(format);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ccsession"))
        .collect();
    files.sort();
    files
}

#[test]
fn the_default_deck_of_earlier_releases_is_built_in() {
    let v1 = built_in("default", DEFAULT_V1).expect("the version-1 default deck");
    assert_eq!(v1.id(), "default");
    assert_eq!(v1.version(), 1);
    assert_eq!(v1.content_hash(), DEFAULT_V1);
    assert!(!v1.link_work(), "the archived deck has no link work");
    assert!(built_in("default", "0000000000000000").is_none());
    assert!(built_in("no-such-deck", DEFAULT_V1).is_none());
}

#[test]
fn every_recorded_session_opens_replays_to_its_hashes_and_exports() {
    let mut count = 0;
    for (format, files) in [
        ("format1", sessions("format1")),
        ("format2", sessions("format2")),
    ] {
        assert!(!files.is_empty(), "{format} fixtures");
        for path in files {
            let name = path.display().to_string();
            let loaded = load_session(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(loaded.damage, None, "{name}");
            assert_eq!(loaded.header.deck.content_hash, DEFAULT_V1, "{name}");
            // the deck is found by its digest, whatever the default deck is today
            let content =
                content_for(&loaded.header, None).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(content.content_hash(), DEFAULT_V1, "{name}");
            // verifying checks every recorded hash, line by line
            let v = loaded
                .verify(Arc::clone(&content))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            if let Some(outcome) = loaded.finished() {
                assert_eq!(&OutcomeSummary::of(&v.game), outcome, "{name}");
            }
            // and independently: each act of a format-2 file replays to its hash
            if format == "format2" {
                let text = std::fs::read_to_string(&path).expect("read");
                let mut game =
                    Game::new(Arc::clone(&content), loaded.header.setup.clone()).expect("setup");
                let mut acts = 0;
                for line in text.lines().skip(1) {
                    let record: serde_json::Value = serde_json::from_str(line).expect("json");
                    let Some(act) = record.get("Act") else {
                        continue;
                    };
                    let seat = act["seat"].as_u64().expect("seat") as usize;
                    let action: Action =
                        serde_json::from_value(act["action"].clone()).expect("action");
                    game.act(seat, &action)
                        .unwrap_or_else(|e| panic!("{name} act {acts}: {e}"));
                    assert_eq!(
                        Some(game.state_hash().as_str()),
                        act["hash"].as_str(),
                        "{name} act {acts}"
                    );
                    acts += 1;
                }
                assert_eq!(acts, v.journal.entries.len(), "{name}");
                assert_eq!(game.state_hash(), v.game.state_hash(), "{name}");
            }
            let json = export_session(&path, &ExportOptions::new(Format::Json))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(json.len() > 1000, "{name}");
            count += 1;
        }
    }
    assert_eq!(count, 6);
}

/// State hashes of games on the mini deck, recorded with the release before
/// link work (and unchanged since): the opening, a heuristic bot game, and a
/// fixed sequence of choices among the legal actions.
struct Recorded {
    difficulty: &'static str,
    seats: usize,
    opening: &'static str,
    bot_actions: usize,
    bot_final: &'static str,
    fixed_actions: usize,
    fixed_final: &'static str,
}

const RECORDED: [Recorded; 2] = [
    Recorded {
        difficulty: "standard",
        seats: 2,
        opening: "ab29cc9a60f2046b4917d40eba50a1aa8e7dd311ed2c84b720da86637cd423d6",
        bot_actions: 34,
        bot_final: "37d3b28114729117db1512fe6ca60b78d609cabb180409a047630a13b70d846d",
        fixed_actions: 18,
        fixed_final: "7b790f8eed935b0307f2a08a242b3e84f75b5694d75ee9f285b23c4573717723",
    },
    Recorded {
        difficulty: "tight",
        seats: 3,
        opening: "f19351adb230425380c540c2fb5cb7efcf8f9bb4770ffa75f44dbeaaaa51f9fd",
        bot_actions: 20,
        bot_final: "d2e35bbe47a6fc36c90e423f85088414246bd146f579fe4a602a3f2937a3b82a",
        fixed_actions: 7,
        fixed_final: "4f5e3e4ab400f9dc934677dddf103ed51c17dc6336ea31f19afdb34ad2a1a74d",
    },
];

/// No action of link work: what a deck without it must never list.
fn is_link_work(a: &Action) -> bool {
    matches!(
        a,
        Action::Visit { .. }
            | Action::Pass { .. }
            | Action::Conference { .. }
            | Action::Create { .. }
    )
}

#[test]
fn a_deck_from_before_link_work_loads_unchanged_and_plays_as_it_did() {
    let c = mini();
    assert_eq!(
        c.content_hash(),
        "6effcb81fb15e5f4",
        "the digest of the unchanged files"
    );
    assert!(!c.link_work());
    assert_eq!(c.ideas().count(), 0);
    for r in RECORDED {
        let setup = Setup::standard(
            &c,
            r.seats,
            SeatKind::Bot(BotKind::Heuristic),
            r.difficulty,
            3,
        );
        let p = &c.difficulty(r.difficulty).expect("difficulty").params;
        assert_eq!(
            (
                p.pass_cost,
                p.conference_cost,
                p.relapse_after_years,
                p.spill_over
            ),
            (None, None, None, None)
        );
        // a heuristic bot game
        let result = play_one(&c, setup.clone()).expect("bot game");
        let journal = result.journal.as_ref().expect("journal");
        assert_eq!(journal.entries.len(), r.bot_actions, "{}", r.difficulty);
        let g = replay(Arc::clone(&c), journal).expect("replay");
        assert_eq!(g.state_hash(), r.bot_final, "{}", r.difficulty);
        // a fixed sequence of choices (a small LCG), never ending the turn early
        let mut g = Game::new(Arc::clone(&c), setup).expect("setup");
        assert_eq!(g.state_hash(), r.opening, "{}", r.difficulty);
        let mut x: u64 = 3;
        let mut n = 0;
        while !g.is_over() && n < 300 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let seat = g.current_seat();
            let legal = g.legal_actions(seat);
            assert!(!legal.iter().any(is_link_work), "{legal:?}");
            let play: Vec<_> = legal
                .iter()
                .filter(|a| !matches!(a, Action::EndTurn))
                .cloned()
                .collect();
            let a = if play.is_empty() || (x >> 60).is_multiple_of(4) {
                legal[legal.len() - 1].clone()
            } else {
                play[((x >> 33) as usize) % play.len()].clone()
            };
            g.act(seat, &a).expect("listed");
            n += 1;
        }
        assert_eq!(
            (n, g.state_hash().as_str()),
            (r.fixed_actions, r.fixed_final),
            "{}",
            r.difficulty
        );
    }
}

#[test]
fn random_play_on_an_old_deck_never_lists_a_link_work_action() {
    let c = mini();
    for seed in 0..40 {
        let setup = Setup::standard(&c, 3, SeatKind::Human, "standard", seed);
        let mut g = Game::new(Arc::clone(&c), setup).expect("setup");
        let mut k = seed as usize;
        while !g.is_over() {
            let seat = g.current_seat();
            let legal = g.legal_actions(seat);
            assert!(!legal.iter().any(is_link_work), "{legal:?}");
            k = k.wrapping_mul(31).wrapping_add(7);
            let ev = g.act(seat, &legal[k % legal.len()]).expect("listed");
            assert!(
                !ev.iter().any(|e| matches!(
                    e,
                    Event::Tied { .. }
                        | Event::DriftedBack { .. }
                        | Event::SpilledOver { .. }
                        | Event::Visited { .. }
                        | Event::Refused { .. }
                )),
                "{ev:?}"
            );
        }
    }
}
