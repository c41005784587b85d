//! The guided game's callout, drawn by the same function the app uses: its
//! sentence and buttons in both languages, the intents it returns, and a box
//! that stays on a 1280×720 screen wherever its target is.
#![cfg(feature = "app")]

use bevy_egui::egui::{self, FontId, Rect, TextStyle, pos2, vec2};
use community_coping::app::{CALLOUT_WIDTH, CalloutView, GuideIntent, callout_rect, guide_callout};
use community_coping::guide::tutorial;
use community_coping::i18n::Texts;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;

const SCREEN: Rect = Rect {
    min: pos2(0.0, 0.0),
    max: pos2(1280.0, 720.0),
};

struct Callout {
    texts: Texts,
    text: String,
    next: bool,
    target: Option<Rect>,
    intents: Vec<GuideIntent>,
}

/// The board's text sizes at 1280×720 (points): body and buttons 24, small 18.
fn board_sizes(ctx: &egui::Context) {
    ctx.all_styles_mut(|s| {
        for (style, size) in [
            (TextStyle::Body, 24.0),
            (TextStyle::Button, 24.0),
            (TextStyle::Small, 18.0),
            (TextStyle::Heading, 32.0),
        ] {
            s.text_styles.insert(style, FontId::proportional(size));
        }
    });
}

/// The tutorial's longest step text in `lang`.
fn longest_text(lang: &str) -> String {
    let t = tutorial().unwrap();
    t.script
        .steps
        .iter()
        .map(|s| s.text.get(lang).to_owned())
        .max_by_key(|s| s.chars().count())
        .unwrap()
}

fn harness(lang: &str, next: bool, target: Option<Rect>) -> Harness<'static, Callout> {
    let mut h = Harness::builder().with_size(SCREEN.size()).build_ui_state(
        |ui, c: &mut Callout| {
            let view = CalloutView {
                texts: &c.texts,
                text: &c.text,
                position: (2, 14),
                next: c.next,
                target: c.target,
            };
            if let Some(i) = guide_callout(ui.ctx(), &view) {
                c.intents.push(i);
            }
        },
        Callout {
            texts: Texts::load(lang),
            text: longest_text(lang),
            next,
            target,
            intents: Vec::new(),
        },
    );
    board_sizes(&h.ctx);
    h.run();
    h
}

#[test]
fn the_callout_shows_its_sentence_and_returns_what_was_pressed() {
    let mut h = harness("ja", true, None);
    let text = h.state().text.clone();
    h.get_by_label(&text);
    h.get_by_label("案内 2/14");
    for label in ["次へ", "案内なしで続ける", "やめてタイトルへ"] {
        h.get_by_label(label).click();
        h.run();
    }
    assert_eq!(
        h.state().intents,
        vec![GuideIntent::Next, GuideIntent::Skip, GuideIntent::End]
    );

    // a step that waits for the board has no Next, and says so
    let h = harness("en", false, None);
    assert!(h.query_by_label("Next").is_none());
    h.get_by_label("Do it, and the guide goes on.");
    h.get_by_label("Skip guide");
    h.get_by_label("End (back to title)");
    h.get_by_label("Guide 2 of 14");
}

#[test]
fn the_callout_stays_on_a_1280_by_720_screen_beside_a_target_in_each_corner() {
    let size = vec2(120.0, 60.0);
    let corners = [
        Rect::from_min_size(pos2(0.0, 0.0), size),
        Rect::from_min_size(pos2(1280.0 - size.x, 0.0), size),
        Rect::from_min_size(pos2(0.0, 720.0 - size.y), size),
        Rect::from_min_size(pos2(1280.0 - size.x, 720.0 - size.y), size),
    ];
    for lang in ["ja", "en"] {
        for target in corners.iter().copied().map(Some).chain([None]) {
            let h = harness(lang, true, target);
            let text = h.state().text.clone();
            let labels = [
                text.as_str(),
                h.state().texts.t("guide.next"),
                h.state().texts.t("guide.skip"),
                h.state().texts.t("guide.end"),
            ];
            for label in labels {
                let r = h.get_by_label(label).rect();
                assert!(
                    SCREEN.contains_rect(r),
                    "{lang} {label:?} at {r:?} leaves the screen (target {target:?})"
                );
                if let Some(t) = target {
                    assert!(
                        !r.intersects(t),
                        "{label:?} at {r:?} covers the target {t:?}"
                    );
                }
            }
        }
    }
}

#[test]
fn callout_placement_is_beside_the_target_and_inside_the_screen() {
    let size = vec2(CALLOUT_WIDTH, 300.0);
    // below a target at the top, above one at the bottom
    let top = Rect::from_min_size(pos2(600.0, 10.0), vec2(80.0, 40.0));
    let r = callout_rect(SCREEN, Some(top), size);
    assert!(r.top() > top.bottom() && SCREEN.contains_rect(r), "{r:?}");
    let bottom = Rect::from_min_size(pos2(600.0, 660.0), vec2(80.0, 40.0));
    let r = callout_rect(SCREEN, Some(bottom), size);
    assert!(
        r.bottom() < bottom.top() && SCREEN.contains_rect(r),
        "{r:?}"
    );
    // a target as tall as the screen: beside it
    let tall = Rect::from_min_size(pos2(0.0, 0.0), vec2(400.0, 720.0));
    let r = callout_rect(SCREEN, Some(tall), size);
    assert!(r.left() > tall.right() && SCREEN.contains_rect(r), "{r:?}");
    // no target, or one covering everything: the middle, still on screen
    let r = callout_rect(SCREEN, None, size);
    assert_eq!(r.center(), SCREEN.center());
    let r = callout_rect(SCREEN, Some(SCREEN), size);
    assert!(SCREEN.contains_rect(r), "{r:?}");
    // larger than the screen: shrunk to fit
    let r = callout_rect(SCREEN, None, vec2(2000.0, 900.0));
    assert!(SCREEN.contains_rect(r), "{r:?}");
}

/// Every step of the bundled guide that points at something on the board
/// finds it drawn there, at the moment the step shows: the guided game's
/// script walked as a person would, the board drawn by the app's function.
#[test]
fn every_step_points_at_something_the_board_draws() {
    use std::sync::Arc;

    use community_coping::app::target_of;
    use community_coping::bots::Bot;
    use community_coping::guide::{Advance, Guide, Pointer, TRAINEE_SEAT};
    use community_coping::rules::{BotKind, Game};
    use community_coping::ui::{BoardUi, BoardView, board, targets};

    let t = tutorial().unwrap();
    let mut game = Game::new(Arc::clone(&t.content), t.script.setup("en")).unwrap();
    let mut guide = Guide::new(t.script.steps.clone());
    guide.observe(game.opening_events());
    let mut bots: Vec<Bot> = (0..game.seats().len())
        .map(|i| Bot::new(BotKind::Heuristic, t.script.seed, i))
        .collect();
    let mut resident = None;
    let mut checked = Vec::new();
    while let Some(step) = guide.step().cloned() {
        if let Pointer::Resident(r) = step.target {
            resident = Some(r);
        }
        let on_board = !matches!(
            step.target,
            Pointer::Centre | Pointer::YearEndContinue | Pointer::Handoff
        );
        if let Some(target) = target_of(step.target).filter(|_| on_board) {
            let state = (game.clone(), BoardUi::default());
            let mut harness = Harness::builder()
                .with_size(vec2(1920.0, 1080.0))
                .build_ui_state(
                    |ui, s: &mut (Game, BoardUi)| {
                        targets::begin(ui.ctx());
                        let texts = Texts::load("en");
                        let log = vec!["2031: the log".to_owned()];
                        let mut view = BoardView::new(&texts);
                        view.log = &log;
                        let _ = board(ui, &s.0, &view, &mut s.1);
                    },
                    state,
                );
            harness.run();
            harness.run();
            let drawn = targets::drawing(&harness.ctx);
            assert!(
                drawn.rect(target).is_some(),
                "step {}: {target:?} is not drawn",
                guide.position().0
            );
            checked.push(target);
        }
        match step.advance {
            Advance::Click => assert!(guide.next()),
            Advance::Action(kind) => {
                let r = resident.expect("a step pointed at the resident first");
                let action = common::trainee_action(&game, kind, r);
                let events = game.act(TRAINEE_SEAT, &action).unwrap();
                guide.observe(&events);
            }
            Advance::YearEnded => {
                let before = guide.position();
                while guide.position() == before {
                    let seat = game.current_seat();
                    let action = bots[seat].choose(&game, seat);
                    let events = game.act(seat, &action).unwrap();
                    guide.observe(&events);
                }
            }
        }
    }
    // the link-work controls are among them
    use community_coping::ui::targets::Target;
    for t in [
        Target::Visit,
        Target::Conference,
        Target::Pass,
        Target::Ideas,
    ] {
        assert!(checked.contains(&t), "{t:?} is never pointed at");
    }
}
