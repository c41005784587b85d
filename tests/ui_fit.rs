//! Screens at the smallest projected canvas (1280x720 points, the window at
//! 150 % UI scale) with the projector text sizes (body 24, small 18, heading
//! 32) and the bundled font: what must be in view is in view and big
//! enough to hit, and English text never breaks inside a word.
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
    // the form scrolls above the Start bar: bring the toggle into view first
    h.get_by_label("使う").scroll_to_me();
    h.run();
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
    collapsed_play(difficulty, seed).0
}

/// [`collapsed_game`] with every action taken, by seat.
fn collapsed_play(difficulty: &str, seed: u64) -> (Game, Vec<(usize, Action)>) {
    let content = default_content().unwrap();
    let mut actions = Vec::new();
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
        actions.push((seat, action));
    }
    (game, actions)
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

/// Lines of text that the last frame broke inside a word: a row that ends
/// in a letter followed, in the same paragraph, by a row that starts with
/// one ("neighbourhoo" / "d").
fn broken_words(output: &egui::FullOutput) -> Vec<String> {
    fn visit(shape: &egui::Shape, found: &mut Vec<String>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| visit(s, found)),
            egui::Shape::Text(text) => {
                let rows = &text.galley.rows;
                for pair in rows.windows(2) {
                    let end = pair[0].row.glyphs.last().map(|g| g.chr);
                    let start = pair[1].row.glyphs.first().map(|g| g.chr);
                    if !pair[0].ends_with_newline
                        && end.is_some_and(|c| c.is_ascii_alphabetic())
                        && start.is_some_and(|c| c.is_ascii_alphabetic())
                    {
                        found.push(text.galley.text().to_owned());
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    let mut found = Vec::new();
    for clipped in &output.shapes {
        visit(&clipped.shape, &mut found);
    }
    found
}

/// Every debrief tab in English, on the first frame after opening it and
/// once settled: no word is broken across lines.
#[test]
fn english_text_is_never_broken_inside_a_word() {
    use community_coping::reflect::Reflection;
    use community_coping::session::{
        Record, ScenarioSource, SessionHeader, SessionWriter, load_session,
    };
    use community_coping::ui::debrief::{DebriefTab, DebriefUi, DebriefView, debrief};
    let content = default_content().unwrap();
    let (game, actions) = collapsed_play("standard", 3);
    let dir = std::env::temp_dir().join(format!("cc-ui-fit-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let header = SessionHeader::new(
        &content,
        ScenarioSource::BuiltIn("default".into()),
        game.setup().clone(),
    );
    let mut w = SessionWriter::create(&dir, &header).unwrap();
    let mut replay = Game::new(Arc::clone(&content), game.setup().clone()).unwrap();
    for (seat, action) in actions {
        replay.act(seat, &action).unwrap();
        w.append(&Record::act(seat, action, &replay)).unwrap();
    }
    w.append(&Record::finished(&replay)).unwrap();
    let loaded = load_session(w.path()).unwrap();
    let r = Reflection::of_session(&loaded, Arc::clone(&content)).unwrap();
    let _ = std::fs::remove_dir_all(&dir);
    let texts = Texts::load("en");
    let mut found = Vec::new();
    for tab in DebriefTab::ALL {
        let mut h = Harness::builder().with_size(SCREEN).build_ui_state(
            |ui, state: &mut DebriefUi| {
                let mut view = DebriefView::new(&texts);
                view.replay = Some(&game);
                let _ = debrief(ui, &r, &view, state);
            },
            DebriefUi::on(DebriefTab::Outcome),
        );
        projector_style(&h.ctx);
        h.run();
        h.state_mut().tab = tab;
        h.step();
        found.extend(
            broken_words(h.output())
                .into_iter()
                .map(|t| format!("{tab:?} first: {t}")),
        );
        h.run();
        found.extend(
            broken_words(h.output())
                .into_iter()
                .map(|t| format!("{tab:?}: {t}")),
        );
    }
    let mut setup = setup_harness("en");
    setup.run();
    found.extend(
        broken_words(setup.output())
            .into_iter()
            .map(|t| format!("setup: {t}")),
    );
    let mut h = Harness::builder().with_size(SCREEN).build_ui(|ui| {
        let _ = game_end(ui, &game, &BoardView::new(&texts));
    });
    projector_style(&h.ctx);
    h.run();
    found.extend(
        broken_words(h.output())
            .into_iter()
            .map(|t| format!("end: {t}")),
    );
    assert!(found.is_empty(), "words broken:\n{}", found.join("\n"));
}

#[test]
fn the_broken_word_check_sees_a_word_broken_in_a_narrow_column() {
    let mut h = Harness::builder().with_size(SCREEN).build_ui(|ui| {
        ui.allocate_ui(vec2(90.0, 400.0), |ui| {
            ui.add(egui::Label::new("the neighbourhood circular").wrap());
        });
    });
    projector_style(&h.ctx);
    h.run();
    assert!(
        broken_words(h.output()).contains(&"the neighbourhood circular".to_owned()),
        "the check finds a word broken in a column narrower than the word"
    );
}
