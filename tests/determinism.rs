//! Replay determinism on the default deck: bot games replay to the same
//! state, journals survive serialisation, and a different deck is refused;
//! games on the link-work fixture deck replay exactly too.

mod common;

use std::sync::Arc;

use community_coping::content::default_content;
use community_coping::rules::{
    BotKind, Journal, ReplayError, SeatKind, Setup, replay, replay_prefix,
};
use community_coping::sim::{SimConfig, play_one, run, summarise};

#[test]
fn heuristic_games_replay_to_the_same_state_at_every_step() {
    let c = default_content().unwrap();
    let setup = Setup::standard(&c, 4, SeatKind::Bot(BotKind::Heuristic), "standard", 42);
    let result = play_one(&c, setup).unwrap();
    let j = result.journal.as_ref().unwrap();
    assert!(j.entries.len() > 50);
    let full = replay(Arc::clone(&c), j).unwrap();
    assert!(result.outcome().is_some(), "the bot game finished");
    assert_eq!(full.outcome(), result.outcome());
    // Step by step: each prefix replays to the live game after that many actions.
    let mut live = community_coping::rules::Game::new(Arc::clone(&c), j.setup.clone()).unwrap();
    for (i, e) in j.entries.iter().enumerate() {
        live.act(e.seat, &e.action).unwrap();
        if i % 17 == 0 {
            assert_eq!(
                replay_prefix(Arc::clone(&c), j, i + 1)
                    .unwrap()
                    .state_hash(),
                live.state_hash()
            );
        }
    }
    assert_eq!(live.state_hash(), full.state_hash());
}

#[test]
fn journals_round_trip_through_json_and_ron() {
    let c = default_content().unwrap();
    let setup = Setup::standard(&c, 3, SeatKind::Bot(BotKind::Random), "intro", 9);
    let result = play_one(&c, setup).unwrap();
    let hash = replay(Arc::clone(&c), result.journal.as_ref().unwrap())
        .unwrap()
        .state_hash();
    let json: Journal =
        serde_json::from_str(&serde_json::to_string(result.journal.as_ref().unwrap()).unwrap())
            .unwrap();
    let ron_text = ron::to_string(result.journal.as_ref().unwrap()).unwrap();
    let from_ron: Journal = ron::from_str(&ron_text).unwrap();
    assert_eq!(replay(Arc::clone(&c), &json).unwrap().state_hash(), hash);
    assert_eq!(replay(c, &from_ron).unwrap().state_hash(), hash);
}

#[test]
fn a_journal_from_another_deck_is_refused() {
    let c = default_content().unwrap();
    let setup = Setup::standard(&c, 2, SeatKind::Bot(BotKind::Heuristic), "standard", 1);
    let mut j = play_one(&c, setup).unwrap().journal.unwrap();
    j.deck.content_hash = "0000000000000000".into();
    assert!(matches!(
        replay(Arc::clone(&c), &j),
        Err(ReplayError::DeckMismatch { .. })
    ));
    j.format = 99;
    assert!(matches!(replay(c, &j), Err(ReplayError::Format(99))));
}

#[test]
fn the_same_simulation_gives_the_same_report_whatever_the_thread_count() {
    let c = default_content().unwrap();
    let config = SimConfig {
        games: 64,
        seats: 4,
        seed: 3,
        difficulty: "standard".into(),
        bot: BotKind::Heuristic,
        keep_journals: false,
    };
    let a = summarise(&c, &run(&c, &config).unwrap());
    let one_thread = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap();
    let b = one_thread.install(|| summarise(&c, &run(&c, &config).unwrap()));
    assert_eq!(a, b);
    assert_eq!(a.games, 64);
    assert_eq!(a.wins + a.collapse_years.values().sum::<usize>(), 64);
}

#[test]
fn different_seeds_give_different_games() {
    let c = default_content().unwrap();
    let hash = |seed| {
        let s = Setup::standard(&c, 4, SeatKind::Human, "standard", seed);
        community_coping::rules::Game::new(Arc::clone(&c), s)
            .unwrap()
            .state_hash()
    };
    assert_ne!(hash(1), hash(2));
    assert_eq!(hash(1), hash(1));
}

/// On the link-work deck (visits, passes, conferences, ideas, drifting back,
/// spill-over): the same deck, seed and actions give the same state hash,
/// and the journal replays to the live game at every step, also after a
/// round trip through JSON.
#[test]
fn link_work_games_replay_to_the_same_state_at_every_step() {
    use community_coping::rules::{Action, Event, Game};
    let c = common::linkwork();
    let mut kinds = std::collections::BTreeSet::new();
    for (seed, difficulty) in [(1, "standard"), (2, "calm"), (3, "dear"), (4, "calm")] {
        let setup = Setup::standard(&c, 3, SeatKind::Bot(BotKind::Heuristic), difficulty, seed);
        let result = play_one(&c, setup).unwrap();
        let j = result.journal.as_ref().unwrap();
        let json: Journal = serde_json::from_str(&serde_json::to_string(j).unwrap()).unwrap();
        let mut live = Game::new(Arc::clone(&c), j.setup.clone()).unwrap();
        let mut twin = Game::new(Arc::clone(&c), json.setup.clone()).unwrap();
        for (i, e) in j.entries.iter().enumerate() {
            let ev = live.act(e.seat, &e.action).unwrap();
            twin.act(json.entries[i].seat, &json.entries[i].action)
                .unwrap();
            assert_eq!(live.state_hash(), twin.state_hash(), "step {i}");
            kinds.insert(match &e.action {
                Action::Visit { .. } => "visit",
                Action::Pass { .. } => "pass",
                Action::Conference { .. } => "conference",
                Action::Create { .. } => "create",
                _ => "other",
            });
            if ev.iter().any(|e| matches!(e, Event::DriftedBack { .. })) {
                kinds.insert("drift");
            }
            if ev.iter().any(|e| matches!(e, Event::SpilledOver { .. })) {
                kinds.insert("spill");
            }
            if i % 7 == 0 {
                assert_eq!(
                    replay_prefix(Arc::clone(&c), j, i + 1)
                        .unwrap()
                        .state_hash(),
                    live.state_hash(),
                    "step {i}"
                );
            }
        }
        let full = replay(Arc::clone(&c), &json).unwrap();
        assert_eq!(full.state_hash(), live.state_hash());
        assert_eq!(full.outcome(), result.outcome());
    }
    eprintln!("link work taken by the bots: {kinds:?}");
    assert!(
        kinds.len() >= 4,
        "the bots' games used too little link work: {kinds:?}"
    );
}
