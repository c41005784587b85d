//! The table and its session file: every accepted action is on disk before
//! the screen shows it, a crash loses nothing completed, a damaged tail is
//! recovered, and a Bevy app with bots advances the game and its journal.
#![cfg(feature = "app")]

use std::path::PathBuf;
use std::sync::Arc;

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use community_coping::app::{AppSettings, AppTexts, Screen, Table, headless};
use community_coping::bots::advise;
use community_coping::content::default_content;
use community_coping::i18n::Texts;
use community_coping::rules::{Action, BotKind, RuleError, SeatKind, Setup};
use community_coping::session::{
    Record, ScenarioSource, SessionHeader, Settings, list_sessions, load_session,
};

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("cc-table-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn header(seats: usize, kind: SeatKind, seed: u64) -> SessionHeader {
    let c = default_content().unwrap();
    let setup = Setup::standard(&c, seats, kind, "standard", seed);
    SessionHeader::new(&c, ScenarioSource::BuiltIn("default".into()), setup)
}

/// A Bevy app with the game's logic (no window), bots at no delay, about
/// to enter the playing screen with `table`.
fn playing_app(table: Table) -> App {
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    headless(&mut app);
    let settings = Settings {
        bot_pace_ms: 0,
        ..Settings::default()
    };
    app.insert_resource(AppSettings(settings))
        .insert_resource(AppTexts(Texts::load("ja")))
        .insert_resource(table);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Playing);
    app
}

fn play(table: &mut Table, n: usize, texts: &Texts) {
    for _ in 0..n {
        if table.game.is_over() {
            break;
        }
        let action = advise(&table.game, table.game.current_seat()).action;
        table.apply(action, texts).unwrap();
    }
}

#[test]
fn every_action_is_on_disk_and_a_resume_reaches_the_same_state() {
    let dir = temp_dir("resume");
    let texts = Texts::load("ja");
    let c = default_content().unwrap();
    let mut table =
        Table::start(Arc::clone(&c), header(4, SeatKind::Human, 5), Some(&dir)).unwrap();
    play(&mut table, 40, &texts);
    // "kill" the app: drop the table without any shutdown step
    let hash = table.game.state_hash();
    let actions = table.journal.entries.clone();
    drop(table);
    let sessions = list_sessions(&dir).sessions;
    assert_eq!(sessions.len(), 1);
    let loaded = load_session(&sessions[0].path).unwrap();
    assert!(loaded.damage.is_none());
    let resumed = Table::resume(Arc::clone(&c), &loaded).unwrap();
    assert_eq!(resumed.game.state_hash(), hash);
    assert_eq!(resumed.journal.entries, actions);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_torn_last_line_is_reported_and_the_valid_prefix_recovered() {
    let dir = temp_dir("torn");
    let texts = Texts::load("ja");
    let c = default_content().unwrap();
    let mut table =
        Table::start(Arc::clone(&c), header(3, SeatKind::Human, 8), Some(&dir)).unwrap();
    play(&mut table, 12, &texts);
    let entries = table.journal.entries.clone();
    drop(table);
    let path = list_sessions(&dir).sessions[0].path.clone();
    // a power cut in the middle of writing a line
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"{\"Act\":{\"seat\":0,\"act");
    std::fs::write(&path, &bytes).unwrap();
    let loaded = load_session(&path).unwrap();
    assert!(loaded.damage.is_some(), "the torn line is reported");
    let resumed = Table::resume(Arc::clone(&c), &loaded).unwrap();
    assert_eq!(
        resumed.journal.entries, entries,
        "every completed action survives"
    );
    assert!(resumed.notice.is_some(), "the damage is shown to the table");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_refused_action_changes_nothing_and_says_why_in_japanese() {
    let texts = Texts::load("ja");
    let c = default_content().unwrap();
    let mut table = Table::start(Arc::clone(&c), header(2, SeatKind::Human, 1), None).unwrap();
    let before = table.game.state_hash();
    let card = table.game.hand(0)[0];
    let err = table.apply(Action::Release { card }, &texts).unwrap_err();
    assert_eq!(table.game.state_hash(), before);
    assert!(table.journal.entries.is_empty());
    assert!(
        err.chars()
            .any(|ch| ('\u{3040}'..='\u{30ff}').contains(&ch)),
        "Japanese message: {err}"
    );
    assert_eq!(
        table.game.check(0, &Action::Release { card }),
        Err(RuleError::NothingToRelease)
    );
}

/// The action that ends a year also brings the next year's first resident;
/// the table keeps the year end's own figures for the summary.
#[test]
fn the_year_end_summary_holds_the_town_as_it_stood_at_the_year_end() {
    let texts = Texts::load("ja");
    let c = default_content().unwrap();
    let mut table = Table::start(Arc::clone(&c), header(4, SeatKind::Human, 10), None).unwrap();
    let mut before = table.game.loads();
    while table.year_end.is_none() {
        before = table.game.loads();
        table.apply(Action::EndTurn, &texts).unwrap();
    }
    let summary = table.year_end.take().unwrap();
    assert_eq!(summary.year, c.start_year());
    assert_eq!(summary.loads, before, "loads at the year end");
    assert_ne!(
        summary.loads,
        table.game.loads(),
        "the next year's first resident is not counted"
    );
}

#[test]
fn undo_is_recorded_and_survives_a_resume() {
    let dir = temp_dir("undo");
    let texts = Texts::load("en");
    let c = default_content().unwrap();
    let mut table =
        Table::start(Arc::clone(&c), header(4, SeatKind::Human, 3), Some(&dir)).unwrap();
    // play until a prescription (undoable) happens
    let mut undone = false;
    for _ in 0..200 {
        let action = advise(&table.game, table.game.current_seat()).action;
        // a case conference is a prescription from pooled hands
        let prescribe = matches!(action, Action::Prescribe { .. } | Action::Conference { .. });
        let reveals = action.reveals_or_draws();
        let before = table.game.state_hash();
        table.apply(action, &texts).unwrap();
        if prescribe {
            assert!(table.game.can_undo());
            table.undo(&texts).unwrap();
            assert_eq!(table.game.state_hash(), before);
            undone = true;
            break;
        }
        if reveals {
            assert!(
                table.undo(&texts).is_err(),
                "a reveal or draw is never undone"
            );
        }
    }
    assert!(undone, "a prescription happened within 200 actions");
    let hash = table.game.state_hash();
    drop(table);
    let loaded = load_session(&list_sessions(&dir).sessions[0].path).unwrap();
    assert!(loaded.records.iter().any(|r| matches!(r, Record::Undo)));
    assert_eq!(Table::resume(c, &loaded).unwrap().game.state_hash(), hash);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bevy_app_with_bot_seats_plays_and_journals_the_game() {
    let dir = temp_dir("app");
    let c = default_content().unwrap();
    let table = Table::start(
        Arc::clone(&c),
        header(4, SeatKind::Bot(BotKind::Heuristic), 11),
        Some(&dir),
    )
    .unwrap();
    let mut app = playing_app(table);
    let mut summaries = 0;
    for _ in 0..3000 {
        app.update();
        // the year-end summary waits for a person to close it
        let mut t = app.world_mut().resource_mut::<Table>();
        if t.year_end.take().is_some() {
            summaries += 1;
        }
        if app.world().resource::<Table>().game.is_over() {
            break;
        }
    }
    let table = app.world().resource::<Table>();
    assert!(table.game.is_over(), "bots finish the game");
    assert!(summaries >= 1, "each year end stops for its summary");
    let hash = table.game.state_hash();
    let loaded = load_session(&list_sessions(&dir).sessions[0].path).unwrap();
    assert!(loaded.finished().is_some(), "the end is recorded");
    assert_eq!(Table::resume(c, &loaded).unwrap().game.state_hash(), hash);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The facilitator panel's overrides, through the same `Table::intervene`
/// the panel calls: each is a rules operation, recorded with its reason, and
/// a resumed session reaches the same game.
mod interventions {
    use super::*;
    use community_coping::export::{Format, render};
    use community_coping::reflect::{Ending, Reflection};
    use community_coping::report::{Report, SessionOutcome};
    use community_coping::rules::Outcome;
    use community_coping::session::{InterventionKind, OutcomeSummary, latest_unfinished};

    fn resumed(dir: &std::path::Path) -> Table {
        let c = default_content().unwrap();
        let path = list_sessions(dir).sessions[0].path.clone();
        let loaded = load_session(&path).unwrap();
        assert!(loaded.damage.is_none(), "{:?}", loaded.damage);
        Table::resume(c, &loaded).unwrap()
    }

    #[test]
    fn ending_the_game_stops_play_and_every_view_agrees_on_the_end() {
        let dir = temp_dir("end-game");
        let texts = Texts::load("ja");
        let c = default_content().unwrap();
        let mut table =
            Table::start(Arc::clone(&c), header(3, SeatKind::Human, 4), Some(&dir)).unwrap();
        play(&mut table, 20, &texts);
        let year = table.game.year();
        table
            .intervene(InterventionKind::EndGame, "時間切れ", &texts)
            .unwrap();
        assert!(matches!(
            table.game.outcome(),
            Some(Outcome::EndedEarly { year: y, .. }) if *y == year
        ));
        // nothing is accepted after the end: not a seat's play, not a bot's, not an override
        let path = list_sessions(&dir).sessions[0].path.clone();
        let size = std::fs::metadata(&path).unwrap().len();
        assert!(table.apply(Action::EndTurn, &texts).is_err());
        assert!(table.bot_action().is_none());
        for kind in [
            InterventionKind::EndGame,
            InterventionKind::SkipTurn,
            InterventionKind::UndoPastReveal,
        ] {
            assert!(table.intervene(kind, "もう一度", &texts).is_err());
        }
        assert_eq!(
            std::fs::metadata(&path).unwrap().len(),
            size,
            "nothing written"
        );
        // the file says how and when it ended, and is no longer offered for resume
        let loaded = load_session(&path).unwrap();
        assert!(matches!(
            loaded.finished(),
            Some(OutcomeSummary::EndedEarly { year: y, .. }) if *y == year
        ));
        assert!(latest_unfinished(&dir).is_none());
        let again = resumed(&dir);
        assert_eq!(again.game.state_hash(), table.game.state_hash());
        assert!(again.game.is_over());
        // the listing, the debrief's reflection and replay, the exports and
        // the report all say the facilitator ended it, in that year
        let summary = &list_sessions(&dir).sessions[0];
        assert_eq!(summary.year_reached, year);
        assert!(matches!(
            summary.outcome,
            Some(OutcomeSummary::EndedEarly { .. })
        ));
        let r = Reflection::of_session(&loaded, Arc::clone(&c)).unwrap();
        assert!(r.ended_early());
        assert!(matches!(r.ending, Ending::Open { year: y, .. } if y == year));
        assert_eq!(r.trace.last.year(), year);
        assert!(
            r.trace
                .steps
                .last()
                .is_some_and(|s| s.action == Action::EndGame)
        );
        let json = render(&r, Format::Json, &texts);
        assert!(json.contains("\"kind\": \"ended_early\""), "{json}");
        let report = Report::over_dir(&dir, None);
        assert_eq!(report.sessions.len(), 1);
        assert_eq!(report.sessions[0].outcome, SessionOutcome::EndedEarly);
        assert_eq!(report.sessions[0].year, year);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn skipping_a_turn_moves_play_to_the_next_seat_and_resumes_the_same() {
        let dir = temp_dir("skip-turn");
        let texts = Texts::load("ja");
        let c = default_content().unwrap();
        let mut table =
            Table::start(Arc::clone(&c), header(3, SeatKind::Human, 6), Some(&dir)).unwrap();
        let seat = table.game.current_seat();
        table
            .intervene(InterventionKind::SkipTurn, "休憩", &texts)
            .unwrap();
        assert_eq!(table.game.current_seat(), (seat + 1) % 3);
        assert_eq!(
            table.journal.entries.last().map(|e| &e.action),
            Some(&Action::SkipTurn)
        );
        let hash = table.game.state_hash();
        drop(table);
        assert_eq!(resumed(&dir).game.state_hash(), hash);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn taking_back_a_listen_restores_the_game_and_resumes_the_same() {
        let dir = temp_dir("undo-past");
        let texts = Texts::load("ja");
        let c = default_content().unwrap();
        let mut table =
            Table::start(Arc::clone(&c), header(2, SeatKind::Human, 9), Some(&dir)).unwrap();
        let before = table.game.state_hash();
        let r = table.game.hidden_in_town().next().unwrap();
        table.apply(Action::Listen { resident: r }, &texts).unwrap();
        // players cannot take back a reveal; the table says why
        let why = table.undo(&texts).unwrap_err();
        assert!(!why.is_empty());
        table
            .intervene(InterventionKind::UndoPastReveal, "押し間違い", &texts)
            .unwrap();
        assert_eq!(table.game.state_hash(), before);
        assert!(table.journal.entries.is_empty());
        drop(table);
        assert_eq!(resumed(&dir).game.state_hash(), before);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

/// The playing screen's logic without a window: the menu's choices and the
/// bots' stop at each year end, applied by the same systems as in the app.
mod playing {
    use super::*;
    use community_coping::app::{Facilitator, PlayState, Stage};
    use community_coping::rules::Outcome;
    use community_coping::ui::MenuIntent;

    fn app_with(table: Table) -> App {
        let mut app = playing_app(table);
        app.update();
        app
    }

    fn choose(app: &mut App, intent: MenuIntent) {
        app.world_mut().resource_mut::<PlayState>().request(intent);
        app.update();
    }

    #[test]
    fn facilitator_mode_can_be_switched_on_mid_game_and_a_resume_keeps_it() {
        let dir = temp_dir("menu-facilitator");
        let c = default_content().unwrap();
        let texts = Texts::load("ja");
        let mut table =
            Table::start(Arc::clone(&c), header(3, SeatKind::Human, 2), Some(&dir)).unwrap();
        play(&mut table, 10, &texts);
        assert!(!table.header.facilitator_mode);
        let mut app = app_with(table);
        assert!(!app.world().resource::<Facilitator>().enabled);
        choose(&mut app, MenuIntent::Facilitator(true));
        assert!(app.world().resource::<Facilitator>().enabled);
        // a crash now: the resumed session opens with the tools on
        let loaded = load_session(&list_sessions(&dir).sessions[0].path).unwrap();
        assert!(loaded.facilitator_mode());
        assert!(
            Table::resume(Arc::clone(&c), &loaded)
                .unwrap()
                .header
                .facilitator_mode
        );
        choose(&mut app, MenuIntent::Facilitator(false));
        assert!(!app.world().resource::<Facilitator>().enabled);
        let loaded = load_session(&list_sessions(&dir).sessions[0].path).unwrap();
        assert!(!loaded.facilitator_mode());
    }

    #[test]
    fn the_menu_ends_the_game_through_the_rules_with_the_reason() {
        let dir = temp_dir("menu-end");
        let c = default_content().unwrap();
        let table = Table::start(c, header(2, SeatKind::Human, 3), Some(&dir)).unwrap();
        let mut app = app_with(table);
        choose(&mut app, MenuIntent::EndGame("時間切れ".into()));
        let table = app.world().resource::<Table>();
        assert!(matches!(
            table.game.outcome(),
            Some(Outcome::EndedEarly { .. })
        ));
        assert_eq!(table.stage(), Stage::Over);
        let loaded = load_session(&list_sessions(&dir).sessions[0].path).unwrap();
        assert!(loaded.records.iter().any(|r| matches!(
            r,
            Record::Intervention { reason, .. } if reason == "時間切れ"
        )));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn back_to_the_title_leaves_the_session_resumable() {
        let dir = temp_dir("menu-title");
        let c = default_content().unwrap();
        let texts = Texts::load("ja");
        let mut table = Table::start(c, header(2, SeatKind::Human, 5), Some(&dir)).unwrap();
        play(&mut table, 6, &texts);
        let hash = table.game.state_hash();
        let mut app = app_with(table);
        choose(&mut app, MenuIntent::Title);
        app.update();
        assert_eq!(
            *app.world().resource::<State<Screen>>().get(),
            Screen::Title
        );
        assert!(app.world().get_resource::<Table>().is_none());
        let summary = community_coping::session::latest_unfinished(&dir).unwrap();
        let loaded = load_session(&summary.path).unwrap();
        let resumed = Table::resume(default_content().unwrap(), &loaded).unwrap();
        assert_eq!(resumed.game.state_hash(), hash);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// With every seat a bot, play stops at a year end until someone
    /// continues, unless the menu lets the bots run on.
    #[test]
    fn bots_stop_at_each_year_end_until_the_facilitator_continues() {
        let c = default_content().unwrap();
        let table = Table::start(c, header(3, SeatKind::Bot(BotKind::Heuristic), 7), None).unwrap();
        let mut app = app_with(table);
        for _ in 0..3000 {
            if app.world().resource::<Table>().year_end.is_some() {
                break;
            }
            app.update();
        }
        let (year, actions) = {
            let t = app.world().resource::<Table>();
            assert_eq!(t.stage(), Stage::YearEnd, "a year ended");
            (t.game.year(), t.game.actions_taken())
        };
        for _ in 0..50 {
            app.update();
        }
        let t = app.world().resource::<Table>();
        assert_eq!(t.stage(), Stage::YearEnd, "the summary waits");
        assert_eq!((t.game.year(), t.game.actions_taken()), (year, actions));
        // let the bots run on: the summary closes itself and play goes on
        choose(&mut app, MenuIntent::StopAtYearEnd(false));
        for _ in 0..20 {
            app.update();
        }
        let t = app.world().resource::<Table>();
        assert!(t.game.actions_taken() > actions, "the bots play on");
        assert!(t.year_end.is_none() || t.game.year() > year);
    }
}
