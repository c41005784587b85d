//! The guided first game in the app's logic (no window): it starts as an
//! ordinary game of the tutorial deck, the guide follows the table and waits
//! while the person reads, and the callout's Skip and End do what they say.
#![cfg(feature = "app")]

use bevy::prelude::*;
use bevy::state::app::StatesPlugin;
use community_coping::app::{
    AppSettings, AppTexts, GuideIntent, GuideOverlay, Screen, Table, headless, start_guided,
};
use community_coping::guide::Advance;
use community_coping::i18n::Texts;
use community_coping::rules::{Action, SeatKind};
use community_coping::session::Settings;

/// A headless app in the playing screen with the guided game, bots at no delay.
fn guided_app(lang: &str) -> App {
    let texts = Texts::load(lang);
    let (table, guide) = start_guided(&texts).expect("the guided game starts");
    let mut app = App::new();
    app.add_plugins((MinimalPlugins, StatesPlugin));
    headless(&mut app);
    let settings = Settings {
        bot_pace_ms: 0,
        ..Settings::default()
    };
    app.insert_resource(AppSettings(settings))
        .insert_resource(AppTexts(texts))
        .insert_resource(table)
        .insert_resource(guide);
    app.world_mut()
        .resource_mut::<NextState<Screen>>()
        .set(Screen::Playing);
    app.update();
    app
}

fn step(app: &App) -> usize {
    app.world().resource::<GuideOverlay>().guide.position().0
}

fn press(app: &mut App, intent: GuideIntent) {
    app.world_mut()
        .resource_mut::<GuideOverlay>()
        .request(intent);
    app.update();
}

#[test]
fn the_guided_game_waits_for_the_person_and_follows_what_they_do() {
    let mut app = guided_app("en");
    {
        let table = app.world().resource::<Table>();
        assert_eq!(table.seat_names()[0], "You");
        assert_eq!(table.seat_kinds[0], SeatKind::Human);
        assert!(
            table.seat_kinds[1..]
                .iter()
                .all(|k| matches!(k, SeatKind::Bot(_)))
        );
        assert!(
            table.session_path().is_none(),
            "the guided game writes no session"
        );
        assert!(!table.handoff_pending);
    }
    // nothing moves while the first step is read
    for _ in 0..5 {
        app.update();
    }
    assert_eq!(step(&app), 1);
    let table = app.world().resource::<Table>();
    assert_eq!(table.events.len(), table.game.opening_events().len());
    // Next through the reading steps, up to the first one that waits for the board
    while app
        .world()
        .resource::<GuideOverlay>()
        .guide
        .step()
        .map(|s| s.advance)
        == Some(Advance::Click)
    {
        let before = step(&app);
        press(&mut app, GuideIntent::Next);
        assert_eq!(step(&app), before + 1);
    }
    let waiting = step(&app);
    // Next does nothing on a step that waits for Listen; listening moves on
    press(&mut app, GuideIntent::Next);
    assert_eq!(step(&app), waiting);
    let resident = {
        let t = app.world().resource::<Table>();
        t.game
            .legal_actions(0)
            .into_iter()
            .find(|a| matches!(a, Action::Listen { .. }))
            .unwrap()
    };
    let texts = Texts::load("en");
    app.world_mut()
        .resource_mut::<Table>()
        .apply(resident, &texts)
        .unwrap();
    app.update();
    assert_eq!(step(&app), waiting + 1);

    // Skip guide: the game goes on without the callouts
    press(&mut app, GuideIntent::Skip);
    assert!(app.world().get_resource::<GuideOverlay>().is_none());
    assert!(app.world().get_resource::<Table>().is_some());
}

#[test]
fn end_leaves_the_guided_game_for_the_title() {
    let mut app = guided_app("ja");
    press(&mut app, GuideIntent::End);
    app.update();
    assert_eq!(
        *app.world().resource::<State<Screen>>().get(),
        Screen::Title
    );
    assert!(app.world().get_resource::<Table>().is_none());
    assert!(app.world().get_resource::<GuideOverlay>().is_none());
}

/// While a step waits for Next, the bots wait too, even on their own turn;
/// skipping the guide lets them play.
#[test]
fn bots_wait_while_a_step_is_read_even_on_their_turn() {
    let mut app = guided_app("en");
    let texts = Texts::load("en");
    app.world_mut()
        .resource_mut::<Table>()
        .apply(Action::EndTurn, &texts)
        .unwrap();
    app.update();
    assert!(!app.world().resource::<Table>().current_is_human());
    // a designer's script that asks to read something now, on a bot's turn
    let reading = {
        let guide = &app.world().resource::<GuideOverlay>().guide;
        let mut step = guide.step().expect("a step").clone();
        step.advance = Advance::Click;
        community_coping::guide::Guide::new(vec![step])
    };
    app.insert_resource(GuideOverlay::new(reading));
    app.update();
    assert!(app.world().resource::<GuideOverlay>().holds_bots());
    let before = app.world().resource::<Table>().events.len();
    for _ in 0..10 {
        app.update();
    }
    assert_eq!(app.world().resource::<Table>().events.len(), before);
    press(&mut app, GuideIntent::Skip);
    for _ in 0..10 {
        app.update();
    }
    assert!(app.world().resource::<Table>().events.len() > before);
}
