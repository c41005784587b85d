//! Reflection on sessions: year-end loads, resident stories, the cause chain
//! of hand-made games with known causes, the closest call of a win, replay at
//! every step, and remarks tied to the moment they were made.

mod common;

use std::sync::Arc;

use common::*;
use community_coping::content::{Content, Need, Worry, default_content};
use community_coping::reflect::{Ending, Reflection, StoryOrder, Trace, sort_stories};
use community_coping::rules::{Action, Event, Game, Journal, SeatKind, Setup, replay_prefix};
use community_coping::session::{
    Record, ScenarioSource, SessionHeader, SessionWriter, load_session,
};
use community_coping::sim::play_one;

/// Plays `roles` on `content` with `choose` picking each action, journaling it.
fn play(
    content: &Arc<Content>,
    setup: Setup,
    mut choose: impl FnMut(&Game) -> Action,
) -> (Game, Journal) {
    let mut game = Game::new(Arc::clone(content), setup.clone()).unwrap();
    let mut journal = Journal::new(content, setup);
    while !game.is_over() {
        let seat = game.current_seat();
        let action = if game.must_release() {
            Action::Release {
                card: game.hand(seat)[0],
            }
        } else {
            choose(&game)
        };
        game.act(seat, &action)
            .unwrap_or_else(|e| panic!("{action:?} refused: {e}"));
        journal.record(seat, action);
    }
    (game, journal)
}

/// Listens to hidden residents while actions last, then ends the turn.
fn listen_only(g: &Game) -> Action {
    match g.hidden_in_town().next() {
        Some(resident) if g.actions_left() > 0 || g.free_listens_left() > 0 => {
            Action::Listen { resident }
        }
        _ => Action::EndTurn,
    }
}

fn bot_journal(seed: u64) -> (Arc<Content>, Journal) {
    let content = default_content().unwrap();
    let setup = Setup::standard(&content, 4, SeatKind::Human, "standard", seed);
    let result = play_one(&content, setup).unwrap();
    (Arc::clone(&content), result.journal.unwrap())
}

/// Writes `journal` as a session file in a fresh `dir`, calling `after(i,
/// game, writer)` after action `i` is recorded, and closes it with the
/// `Finished` record.
fn write_session(
    dir: &std::path::Path,
    content: &Arc<Content>,
    journal: &Journal,
    mut after: impl FnMut(usize, &Game, &mut SessionWriter),
) -> SessionWriter {
    let _ = std::fs::remove_dir_all(dir);
    let header = SessionHeader::new(
        content,
        ScenarioSource::BuiltIn("default".into()),
        journal.setup.clone(),
    );
    let mut w = SessionWriter::create(dir, &header).unwrap();
    let mut game = Game::new(Arc::clone(content), journal.setup.clone()).unwrap();
    for (i, e) in journal.entries.iter().enumerate() {
        game.act(e.seat, &e.action).unwrap();
        w.append(&Record::act(e.seat, e.action.clone(), &game))
            .unwrap();
        after(i, &game, &mut w);
    }
    w.append(&Record::finished(&game)).unwrap();
    w
}

#[test]
fn year_end_loads_are_taken_before_the_next_arrival() {
    for seed in 1..4 {
        let (content, journal) = bot_journal(seed);
        let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
        assert!(!trace.year_ends.is_empty());
        for ye in &trace.year_ends {
            // the state after the step, minus what arrived after the year end
            let after = replay_prefix(Arc::clone(&content), &journal, ye.step + 1).unwrap();
            let mut loads = after.loads();
            let events = &trace.steps[ye.step].events;
            let end = events
                .iter()
                .position(|e| matches!(e, Event::YearEnded { .. }))
                .unwrap();
            for e in &events[end..] {
                if let Event::ResidentArrived { district, .. } = e {
                    loads[district.index()] -= 1;
                }
            }
            assert_eq!(ye.loads, loads, "seed {seed}, year {}", ye.year);
        }
        assert_eq!(trace.last.state_hash(), {
            let g = replay_prefix(content, &journal, journal.entries.len()).unwrap();
            g.state_hash()
        });
    }
}

#[test]
fn replaying_to_every_step_equals_the_live_game() {
    let content = default_content().unwrap();
    let setup = Setup::standard(&content, 3, SeatKind::Human, "standard", 11);
    let mut live = Game::new(Arc::clone(&content), setup.clone()).unwrap();
    let mut journal = Journal::new(&content, setup);
    let mut bots: Vec<_> = (0..3)
        .map(|s| {
            community_coping::bots::Bot::new(community_coping::rules::BotKind::Heuristic, 11, s)
        })
        .collect();
    while !live.is_over() {
        let seat = live.current_seat();
        let action = bots[seat].choose(&live, seat);
        live.act(seat, &action).unwrap();
        journal.record(seat, action);
        let replayed =
            replay_prefix(Arc::clone(&content), &journal, journal.entries.len()).unwrap();
        assert_eq!(
            replayed.state_hash(),
            live.state_hash(),
            "after {} actions",
            journal.entries.len()
        );
    }
}

#[test]
fn every_arrival_has_a_story_that_matches_the_final_state() {
    let (content, journal) = bot_journal(5);
    let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
    let stories = community_coping::reflect::stories(&trace);
    let arrived = trace
        .events()
        .filter(|(_, e)| matches!(e, Event::ResidentArrived { .. }))
        .count();
    assert_eq!(stories.len(), arrived);
    let reached = stories.iter().filter(|s| s.reached.is_some()).count();
    assert_eq!(reached, trace.last.connected_residents().len());
    let waiting = stories.iter().filter(|s| s.waiting()).count();
    assert_eq!(waiting, trace.last.loads().iter().sum::<usize>());
    for s in &stories {
        if let Some(r) = &s.reached {
            assert!(
                s.heard.is_some(),
                "a resident is heard before being connected"
            );
            assert!(r.year >= s.arrived);
            assert!(!r.cards.is_empty());
        }
        let extra = trace.last.resident_state(s.resident).extra_needs().len();
        if s.earlier.is_empty() {
            assert_eq!(s.growth.len(), extra);
        } else {
            // a drift back resets the needs to the printed ones: the story
            // keeps what was gained before
            assert!(s.growth.len() >= extra);
        }
    }
    let mut sorted = stories.clone();
    sort_stories(&mut sorted, &content, StoryOrder::LongestWaiting);
    let first_connected = sorted.iter().position(|s| s.reached.is_some());
    if let Some(i) = first_connected {
        assert!(sorted[i..].iter().all(|s| s.reached.is_some()));
        assert!(sorted[..i].windows(2).all(|w| w[0].waited >= w[1].waited));
    }
    sort_stories(&mut sorted, &content, StoryOrder::District);
    assert!(sorted.windows(2).all(|w| w[0].district <= w[1].district));
}

#[test]
fn a_table_that_never_listens_collapses_with_everyone_unheard() {
    let content = mini();
    let mut setup = setup(3, &["plain"]);
    setup.difficulty = "tight".into();
    let (game, journal) = play(&content, setup, |_| Action::EndTurn);
    let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
    let stories = community_coping::reflect::stories(&trace);
    let Ending::Collapsed(chain) = community_coping::reflect::ending(&trace, &stories) else {
        panic!("expected a collapse, got {:?}", game.outcome());
    };
    assert_eq!(chain.never_heard, chain.residents);
    assert!(chain.unfitting.is_empty() && chain.fitting_unused.is_empty());
    assert_eq!(chain.threshold, 2);
    assert!(chain.residents.len() >= chain.threshold);
    for r in &chain.residents {
        let s = stories.iter().find(|s| s.resident == *r).unwrap();
        assert!(s.in_collapse);
        assert_eq!(chain.arrived_that_year.contains(r), s.arrived == chain.year);
    }
}

#[test]
fn heard_residents_whose_worry_no_card_helps_are_unfitting_with_that_need_missing() {
    // Only the one neighbour card helps relationships.
    let content = mini_with(&[(
        "connections.ron",
        "helps: [Money, Health, Living, Relationships]",
        "helps: [Money, Health, Living]",
    )]);
    let rel = Need::Worry(Worry::Relationships);
    let mut found = false;
    for seed in 0..40 {
        let mut s = setup(seed, &["plain"]);
        s.difficulty = "tight".into();
        let (_, journal) = play(&content, s, listen_only);
        let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
        let stories = community_coping::reflect::stories(&trace);
        let Ending::Collapsed(chain) = community_coping::reflect::ending(&trace, &stories) else {
            continue;
        };
        for r in &chain.residents {
            let needs: Vec<Need> = trace.last.needs(*r).collect();
            if !trace.last.resident_state(*r).revealed() {
                assert!(chain.never_heard.contains(r));
            } else if needs.contains(&rel)
                && !trace
                    .last
                    .hand(0)
                    .iter()
                    .any(|c| content.connection(*c).meets(rel))
            {
                let u = chain
                    .unfitting
                    .iter()
                    .find(|u| u.resident == *r)
                    .expect("a relationships need makes the resident unfitting");
                assert!(u.missing.contains(&rel));
                found = true;
            }
        }
    }
    assert!(
        found,
        "some seed collapses with a heard relationships resident"
    );
}

#[test]
fn a_won_game_names_its_closest_call() {
    let content = mini_with(&[(
        "scenario.ron",
        "collapse_threshold: 4",
        "collapse_threshold: 30",
    )]);
    let (game, journal) = play(&content, setup(2, &["plain", "listener"]), |_| {
        Action::EndTurn
    });
    assert!(matches!(
        game.outcome(),
        Some(community_coping::rules::Outcome::Survived { .. })
    ));
    let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
    let stories = community_coping::reflect::stories(&trace);
    let Ending::Survived { closest, .. } = community_coping::reflect::ending(&trace, &stories)
    else {
        panic!("expected survival");
    };
    let closest = closest.unwrap();
    let max = trace
        .year_ends
        .iter()
        .flat_map(|y| y.loads.iter().copied())
        .max()
        .unwrap();
    assert_eq!(closest.load, max);
    assert_eq!(closest.threshold, 30);
    // the last year end holds every resident that ever arrived (nobody was helped)
    assert_eq!(trace.year_ends.len(), 3);
}

#[test]
fn remarks_carry_the_moment_they_were_made_and_answers_keep_the_last_word() {
    let (content, journal) = bot_journal(9);
    let dir = std::env::temp_dir().join(format!("cc-reflect-{}", std::process::id()));
    let mut w = write_session(&dir, &content, &journal, |i, game, w| {
        let seat = journal.entries[i].seat;
        if i == 5 {
            w.append(&Record::Bookmark {
                year: game.year(),
                seat,
                elapsed_secs: 60,
                label: Some("後で話す".into()),
                resident: Some(content.residents()[0].key.clone()),
            })
            .unwrap();
        }
        if i == 9 {
            w.append(&Record::Note {
                text: "メモ".into(),
                year: game.year(),
                seat,
                elapsed_secs: 90,
            })
            .unwrap();
        }
    });
    w.append(&Record::DebriefNote {
        question: 0,
        text: "first".into(),
    })
    .unwrap();
    w.append(&Record::DebriefNote {
        question: 0,
        text: "second".into(),
    })
    .unwrap();
    w.append(&Record::DebriefNote {
        question: 1,
        text: "x".into(),
    })
    .unwrap();
    w.append(&Record::DebriefNote {
        question: 1,
        text: " ".into(),
    })
    .unwrap();
    let loaded = load_session(w.path()).unwrap();
    let r = Reflection::of_session(&loaded, Arc::clone(&content)).unwrap();
    assert_eq!(r.remarks.len(), 2);
    assert_eq!(r.remarks[0].at, 6);
    assert_eq!(r.remarks[1].at, 10);
    assert!(matches!(
        &r.remarks[0].kind,
        community_coping::reflect::RemarkKind::Bookmark { resident: Some(x), .. } if x.index() == 0
    ));
    assert_eq!(r.answers.get(&0).map(String::as_str), Some("second"));
    assert!(!r.answers.contains_key(&1));
    assert_eq!(r.trace.steps.len(), journal.entries.len());
    assert!(r.finished.is_some());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_fork_is_a_valid_new_session_that_starts_at_the_chosen_moment() {
    let (content, journal) = bot_journal(13);
    let dir = std::env::temp_dir().join(format!("cc-fork-{}", std::process::id()));
    let w = write_session(&dir, &content, &journal, |_, _, _| {});
    let original_bytes = std::fs::read(w.path()).unwrap();
    let original = load_session(w.path()).unwrap();
    let at = journal.entries.len() / 2;
    let path = community_coping::session::fork_session(&original, &content, at, &dir).unwrap();
    assert_ne!(path, original.path);
    assert_eq!(
        std::fs::read(&original.path).unwrap(),
        original_bytes,
        "original untouched"
    );
    let fork = load_session(&path).unwrap();
    assert!(fork.damage.is_none());
    assert!(fork.finished().is_none(), "a fork is a game to play on");
    let origin = fork.header.origin.clone().unwrap();
    assert_eq!(origin.session_id, original.header.session_id);
    assert_eq!(origin.actions, at);
    assert_ne!(fork.header.session_id, original.header.session_id);
    assert!(fork.header.practice, "a fork is marked as practice");
    assert!(
        !original.header.practice,
        "a played session is not practice"
    );
    let listed = community_coping::session::list_sessions(&dir);
    let practice: Vec<bool> = listed
        .sessions
        .iter()
        .map(|s| s.path == path && s.practice)
        .collect();
    assert_eq!(listed.sessions.len(), 2);
    assert_eq!(
        practice.iter().filter(|p| **p).count(),
        1,
        "the listing marks the fork, and only the fork, as practice"
    );
    let (mut resumed, _) = fork.resume(Arc::clone(&content)).unwrap();
    let expected = replay_prefix(Arc::clone(&content), &journal, at).unwrap();
    assert_eq!(resumed.state_hash(), expected.state_hash());
    assert_eq!(origin.year, expected.year());
    // Play goes on from there.
    let seat = resumed.current_seat();
    let next = community_coping::bots::advise(&resumed, seat).action;
    resumed.act(seat, &next).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
}

/// The cause chain uses the rules' model: one seat's hand at a time, never
/// the hands pooled. An unfitting resident fits no single hand and names
/// what the closest hand lacked; a fitting one fits some seat's hand.
#[test]
fn the_cause_chain_matches_each_hand_alone_never_the_hands_pooled() {
    // a deck without case conferences: the version-1 default deck
    let content = community_coping::content::built_in("default", "67799fc9860822e1").unwrap();
    let mut unfitting = 0;
    for seed in 0..30 {
        let s = Setup::standard(&content, 3, SeatKind::Human, "challenge", seed);
        let (_, journal) = play(&content, s, listen_only);
        let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
        let stories = community_coping::reflect::stories(&trace);
        let Ending::Collapsed(chain) = community_coping::reflect::ending(&trace, &stories) else {
            continue;
        };
        let g = &trace.last;
        let seats = 0..g.seats().len();
        for u in &chain.unfitting {
            unfitting += 1;
            assert!(
                !u.missing.is_empty(),
                "a single hand always lacks something"
            );
            assert!(
                seats
                    .clone()
                    .all(|s| !g.hand_fit(s, u.resident).is_complete())
            );
            let best = seats
                .clone()
                .map(|s| g.hand_fit(s, u.resident).met())
                .max()
                .unwrap();
            let needs = g.needs(u.resident).count();
            assert!(u.missing.len() + best >= needs.saturating_sub(1));
        }
        for r in &chain.fitting_unused {
            assert!(seats.clone().any(|s| !g.prescriptions(s, *r).is_empty()));
        }
    }
    assert!(unfitting > 0, "no seed had an unfitting resident to check");
}

#[test]
fn each_used_connection_lists_the_needs_its_cards_met_each_need_once() {
    use community_coping::reflect::usage;
    for seed in [3, 11, 29] {
        let (content, journal) = bot_journal(seed);
        let trace = Trace::of(Arc::clone(&content), &journal).unwrap();
        let u = usage(&trace);
        assert!(!u.used.is_empty(), "seed {seed}: the bots connect someone");
        for c in &u.used {
            let card = content.connection(c.card);
            let met: usize = c.met.iter().map(|(_, k)| k).sum();
            assert_eq!(met, c.uses, "seed {seed}: every card played met one need");
            for (i, (need, _)) in c.met.iter().enumerate() {
                assert!(card.meets(*need), "{need:?} is not one {} meets", card.key);
                assert!(
                    !c.met[..i].iter().any(|(n, _)| n == need),
                    "{need:?} counted under one entry"
                );
            }
        }
    }
}
