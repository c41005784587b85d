//! Screens at the smallest projected canvas (1280x720 points, the window at
//! 150 % UI scale) with the projector text sizes (body 24, small 18, heading
//! 32) and the bundled font: what must be in view is in view and big
//! enough to hit.
#![cfg(feature = "app")]

use std::sync::Arc;

use bevy_egui::egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
use bevy_egui::egui::{self, FontFamily, FontId, Rect, TextStyle, vec2};
use community_coping::app::{SetupForm, setup_screen};
use community_coping::content::{Content, default_content};
use community_coping::i18n::Texts;
use community_coping::rules::{Action, Game, Outcome, SeatKind, Setup as GameSetup};
use community_coping::ui::targets::{self, Target};
use community_coping::ui::{BoardView, game_end};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const SCREEN: egui::Vec2 = vec2(1280.0, 720.0);

/// The bundled font and the projector's text sizes.
fn projector_style(ctx: &egui::Context) {
    ctx.add_font(FontInsert::new(
        "BIZUDPGothic",
        egui::FontData::from_static(include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf")),
        vec![InsertFontFamily {
            family: FontFamily::Proportional,
            priority: FontPriority::Highest,
        }],
    ));
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (TextStyle::Small, FontId::proportional(18.0)),
            (TextStyle::Body, FontId::proportional(24.0)),
            (TextStyle::Button, FontId::proportional(24.0)),
            (TextStyle::Heading, FontId::proportional(32.0)),
            (TextStyle::Monospace, FontId::monospace(20.0)),
        ]
        .into();
    });
}

fn screen() -> Rect {
    Rect::from_min_size(egui::Pos2::ZERO, SCREEN)
}

fn inside(rect: Rect) -> bool {
    screen().expand(0.5).contains_rect(rect)
}

struct Setup {
    content: Arc<Content>,
    texts: Texts,
    form: SetupForm,
}

fn setup_harness(lang: &str) -> Harness<'static, Setup> {
    let content = default_content().unwrap();
    let texts = Texts::load(lang);
    let mut form = SetupForm::new(&content, &texts, 42);
    form.seat_count = 6;
    let mut h = Harness::builder().with_size(SCREEN).build_ui_state(
        |ui, s: &mut Setup| {
            let _ = setup_screen(ui, &s.content, &s.texts, &mut s.form, Some("—"));
        },
        Setup {
            content,
            texts,
            form,
        },
    );
    projector_style(&h.ctx);
    h.run();
    h
}

#[test]
fn setup_keeps_start_in_view_with_six_seats_and_the_rename_section_open() {
    for lang in ["ja", "en"] {
        let mut h = setup_harness(lang);
        let start = Texts::load(lang).t("setup.start").to_owned();
        let relabel = Texts::load(lang).t("setup.relabel").to_owned();
        assert!(
            inside(h.get_by_label(&start).rect()),
            "{lang}: Start in view"
        );
        // the rename section starts closed: no district name fields shown
        let hint = Texts::load(lang).t("setup.relabel_hint").to_owned();
        assert!(h.query_by_label(&hint).is_none(), "{lang}: rename closed");
        h.get_by_label_contains(&relabel).scroll_to_me();
        h.run();
        h.get_by_label_contains(&relabel).click();
        h.run();
        h.get_by_label(&hint);
        assert!(
            inside(h.get_by_label(&start).rect()),
            "{lang}: Start still in view with the rename section open"
        );
    }
}

#[test]
fn the_facilitator_mode_toggle_is_big_enough_to_hit() {
    let mut h = setup_harness("ja");
    let on = h.get_by_label("使う");
    assert!(on.rect().height() >= 32.0, "{:?}", on.rect());
    assert!(inside(on.rect()));
    on.click();
    h.run();
    assert!(h.state().form.facilitator_mode);
    h.get_by_label("使わない").click();
    h.run();
    assert!(!h.state().form.facilitator_mode);
}

/// A game nobody plays: seats end their turns until a district collapses.
fn collapsed_game(difficulty: &str, seed: u64) -> Game {
    let content = default_content().unwrap();
    let setup = GameSetup::standard(&content, 4, SeatKind::Human, difficulty, seed);
    let mut game = Game::new(content, setup).unwrap();
    while !game.is_over() {
        let seat = game.current_seat();
        let action = if game.must_release() {
            Action::Release {
                card: game.hand(seat)[0],
            }
        } else {
            Action::EndTurn
        };
        game.act(seat, &action).unwrap();
    }
    game
}

#[test]
fn the_collapse_screen_shows_every_resident_left_in_the_district() {
    for (difficulty, seed) in [("standard", 3), ("intro", 5), ("challenge", 8)] {
        let game = collapsed_game(difficulty, seed);
        let Some(Outcome::Collapsed { residents, .. }) = game.outcome().cloned() else {
            panic!("{difficulty}: a game nobody plays collapses");
        };
        assert!(residents.len() >= 4, "{difficulty}: {residents:?}");
        for lang in ["ja", "en"] {
            let texts = Texts::load(lang);
            let mut h = Harness::builder().with_size(SCREEN).build_ui(|ui| {
                let view = BoardView::new(&texts);
                let _ = game_end(ui, &game, &view);
            });
            projector_style(&h.ctx);
            h.run();
            let drawn = targets::drawing(&h.ctx);
            for r in &residents {
                let rect = drawn
                    .rect(Target::Resident(*r))
                    .unwrap_or_else(|| panic!("{difficulty} {lang}: {r:?} not drawn"));
                assert!(
                    inside(rect),
                    "{difficulty} {lang}: {r:?} at {rect:?} is cut off"
                );
            }
            let button = h.get_by_label(texts.t("end.to_debrief")).rect();
            assert!(inside(button), "{difficulty} {lang}: the way on is in view");
        }
    }
}
