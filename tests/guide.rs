//! The guided first game: its deck and guide load, a scripted first year
//! walks every step to the end, and a bad guide file is one clear line.

use std::sync::Arc;

use community_coping::bots::Bot;
use community_coping::content::{Sources, load};
use community_coping::guide::{
    ActionKind, Advance, Guide, Pointer, Script, TRAINEE_SEAT, load as load_guide, one_line,
    tutorial,
};
use community_coping::rules::{BotKind, Event, Game, ResidentPlace};

mod common;
use common::{
    TUTORIAL_GUIDE as GUIDE, trainee_action, tutorial_content as deck_content,
    tutorial_with_guide as with_guide,
};

#[test]
fn the_bundled_deck_and_guide_load_without_a_warning() {
    let t = tutorial().expect("the built-in guided game loads");
    let warnings = load(&with_guide(GUIDE)).unwrap().warnings;
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(t.script.steps.len() >= 10);
    for (i, s) in t.script.steps.iter().enumerate() {
        assert!(s.text.has("ja") && s.text.has("en"), "step {}", i + 1);
    }
    // every action a seat can take is taught, and the guide ends on a Click
    for kind in [
        ActionKind::Listen,
        ActionKind::Connect,
        ActionKind::Release,
        ActionKind::Prescribe,
        ActionKind::EndTurn,
        ActionKind::Visit,
        ActionKind::Conference,
        ActionKind::Pass,
        ActionKind::Create,
    ] {
        let taught = t
            .script
            .steps
            .iter()
            .any(|s| s.advance == Advance::Action(kind));
        assert!(taught, "{kind:?} is not taught");
    }
    assert!(
        t.script
            .steps
            .iter()
            .any(|s| s.advance == Advance::YearEnded)
    );
    let setup = t.script.setup("en");
    assert_eq!(setup.seats[0].name, "You");
    assert!(
        setup.seats[1..]
            .iter()
            .all(|s| s.kind == community_coping::rules::SeatKind::Bot(BotKind::Heuristic))
    );
}

#[test]
fn a_scripted_first_year_walks_every_step_to_the_end() {
    let t = tutorial().unwrap();
    let mut game = Game::new(Arc::clone(&t.content), t.script.setup("ja")).unwrap();
    let mut guide = Guide::new(t.script.steps.clone());
    guide.observe(game.opening_events());
    let mut bots: Vec<Bot> = (0..game.seats().len())
        .map(|i| Bot::new(BotKind::Heuristic, t.script.seed, i))
        .collect();
    let mut resident = None;
    let mut walked = 0;
    while let Some(step) = guide.step().cloned() {
        walked += 1;
        assert!(
            walked <= t.script.steps.len(),
            "the guide went round in a loop"
        );
        if let Pointer::Resident(r) = step.target {
            // the resident pointed at is in the town, where the board draws it
            assert!(matches!(
                game.resident_state(r).place(),
                ResidentPlace::Town(_)
            ));
            resident = Some(r);
        }
        let before = guide.position();
        match step.advance {
            Advance::Click => {
                // bots never act while the person reads: a Click step only
                // shows on the person's own turn (or the year-end summary
                // before it)
                assert_eq!(game.current_seat(), TRAINEE_SEAT, "step {}", before.0);
                assert!(guide.next());
            }
            Advance::Action(kind) => {
                let r = resident.expect("a step pointed at the resident first");
                let action = trainee_action(&game, kind, r);
                let events = game.act(TRAINEE_SEAT, &action).unwrap();
                guide.observe(&events);
            }
            Advance::YearEnded => {
                while guide.position() == before {
                    let seat = game.current_seat();
                    assert_ne!(seat, TRAINEE_SEAT, "the year came back to the person");
                    let action = bots[seat].choose(&game, seat);
                    let events = game.act(seat, &action).unwrap();
                    guide.observe(&events);
                }
            }
        }
        let moved = guide.is_done() || guide.position().0 == before.0 + 1;
        assert!(moved, "step {} did not lead to the next", before.0);
    }
    assert!(guide.is_done());
    assert!(!game.is_over());
    assert_eq!(game.year(), t.content.start_year() + 1);
    assert!(game.connected_residents().contains(&resident.unwrap()));
}

fn steps(script: &Script) -> Vec<Advance> {
    script.steps.iter().map(|s| s.advance).collect()
}

#[test]
fn bots_never_move_the_guide_and_acting_ahead_skips_what_was_done() {
    let t = tutorial().unwrap();
    let advances = steps(&t.script);
    let end_turn = advances
        .iter()
        .position(|a| *a == Advance::Action(ActionKind::EndTurn))
        .unwrap();
    let mut guide = Guide::new(t.script.steps.clone());
    // a bot's end of turn is not the person's
    guide.observe(&[Event::TurnEnded { seat: 1 }]);
    assert_eq!(guide.position().0, 1);
    // a step waiting for the game ignores Next
    let mut at_listen = Guide::new(t.script.steps.clone());
    while at_listen
        .step()
        .is_some_and(|s| s.advance == Advance::Click)
    {
        at_listen.next();
    }
    assert!(!at_listen.next());
    // the person ends the turn while the welcome still shows: the guide
    // goes on from the step after the End turn step
    guide.observe(&[Event::TurnEnded { seat: TRAINEE_SEAT }]);
    assert_eq!(guide.position().0, end_turn + 2);
}

fn error_line(guide: &str) -> String {
    let content = deck_content();
    let err = load_guide(&with_guide(guide), &content).expect_err("a bad guide is refused");
    let first = err.0.first().expect("at least one diagnostic");
    one_line(first)
}

#[test]
fn a_bad_guide_file_gives_one_clear_line() {
    // an unknown resident: the line names the file, line, column and id
    let bad = GUIDE.replacen("Resident(\"r-07\")", "Resident(\"r-99\")", 1);
    let line_no = bad.lines().position(|l| l.contains("r-99")).unwrap() + 1;
    let line = error_line(&bad);
    assert!(
        line.starts_with(&format!("scenarios/tutorial/guide.ron:{line_no}:")),
        "{line}"
    );
    assert!(
        line.contains("\"r-99\"") && line.contains("residents.ron"),
        "{line}"
    );
    assert!(!line.contains('\n'), "{line}");

    // a missing language
    let bad = GUIDE.replacen(
        "\"en\": \"You have used your three actions. Press End turn to pass to the next player.\",",
        "",
        1,
    );
    let line = error_line(&bad);
    assert!(
        line.contains("no text for the deck's language \"en\""),
        "{line}"
    );

    // broken syntax: a missing comma is pointed at
    let bad = GUIDE.replacen("target: Listen,", "target: Listen", 1);
    let line = error_line(&bad);
    assert!(line.starts_with("scenarios/tutorial/guide.ron:"), "{line}");
    assert!(line.contains("cannot read the guide"), "{line}");

    // a role the deck does not have
    let bad = GUIDE.replacen("role: \"postman\"", "role: \"pilot\"", 1);
    assert!(error_line(&bad).contains("seat 3: unknown role \"pilot\""));

    // too long a text
    let long = "あ".repeat(201);
    let bad = GUIDE.replacen("ひだまり町へようこそ。", &long, 1);
    assert!(error_line(&bad).contains("at most 200"));

    // no guide at all
    let scenario = include_str!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/tutorial/scenario.ron"
    ));
    let sources = Sources::in_memory("scenarios/tutorial", &[("scenario.ron", scenario)]);
    let err = load_guide(&sources, &deck_content()).unwrap_err();
    assert!(one_line(&err.0[0]).contains("`guide.ron` is missing"));
}

/// A guide saved as Shift_JIS is reported as the deck's files are: not
/// UTF-8, at the first bad byte, with how to re-save it (not "missing").
#[test]
fn a_guide_that_is_not_utf8_says_where_and_how_to_re_save_it() {
    let content = deck_content();
    let mut guide = GUIDE.as_bytes().to_vec();
    guide.extend_from_slice(b"\n\x82\xa0");
    let at_line = guide.iter().filter(|&&b| b == b'\n').count() + 1;
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/scenarios/tutorial");
    let files: Vec<(&str, Vec<u8>)> = common::DECK_FILES
        .iter()
        .map(|f| (*f, std::fs::read(format!("{dir}/{f}")).expect("deck file")))
        .chain([("guide.ron", guide)])
        .collect();
    let bytes: Vec<(&str, &[u8])> = files.iter().map(|(f, b)| (*f, b.as_slice())).collect();
    let err = load_guide(&Sources::from_bytes("scenarios/tutorial", &bytes), &content)
        .expect_err("not UTF-8");
    let line = one_line(&err.0[0]);
    assert!(
        line.starts_with(&format!("scenarios/tutorial/guide.ron:{at_line}:")),
        "{line}"
    );
    assert!(
        line.contains("not UTF-8") && line.contains("0x82"),
        "{line}"
    );
    assert!(!line.contains("missing"), "{line}");
}
