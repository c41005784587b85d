//! The projector layout test: the board, the year-end summary and the
//! handoff card are drawn with the bundled font at the canvases of a 16:9
//! window at UI scale 100 %, 125 % and 150 % (1920×1080, 1536×864 and
//! 1280×720 points),
//! in Japanese and English, in both themes, at several moments of a game
//! (the opening, a crowded town, a full hand to release from). Every text
//! the frame paints is then checked: nothing clipped or elided, nothing
//! outside the window, no two texts overlapping, nothing smaller than the
//! minimum; and everything a turn needs (every district and waiting
//! resident, the buttons, the hand, the offer row, the log) is on screen.
#![cfg(feature = "app")]

use std::sync::Arc;

use bevy_egui::egui::{self, Rect, Shape, vec2};
use community_coping::bots::Bot;
use community_coping::content::{Content, default_content};
use community_coping::i18n::Texts;
use community_coping::rules::{BotKind, Event, Game, SeatKind, Setup};
use community_coping::ui::style::{self, SMALL_SIZE};
use community_coping::ui::{BoardUi, BoardView, Target, YearEnd, board, handoff, targets};
use community_coping::ui::{
    Targets, conference_dialog, pass_dialog, prescribe_dialog, year_end_summary,
};
use egui_kittest::Harness;

fn content() -> Arc<Content> {
    default_content().expect("the default deck validates")
}

/// The canvases: (name, logical size). 1920×1080 is any 16:9 window at
/// 100 %; 1536×864 at 125 %; 1280×720 at 150 %.
const CANVASES: [(&str, f32, f32); 3] = [
    ("100%", 1920.0, 1080.0),
    ("125%", 1536.0, 864.0),
    ("150%", 1280.0, 720.0),
];

/// One text the frame painted.
#[derive(Debug)]
struct Text {
    text: String,
    /// Each row's ink, in screen points (empty rows left out).
    rows: Vec<Rect>,
    clip: Rect,
    elided: bool,
    smallest: f32,
}

fn texts_painted(shapes: &[egui::epaint::ClippedShape]) -> Vec<Text> {
    fn walk(shape: &Shape, clip: Rect, out: &mut Vec<Text>) {
        match shape {
            Shape::Text(t) => {
                if t.galley.text().trim().is_empty() {
                    return;
                }
                let smallest = t
                    .galley
                    .job
                    .sections
                    .iter()
                    .map(|s| s.format.font_id.size)
                    .fold(f32::INFINITY, f32::min);
                let rows = t
                    .galley
                    .rows
                    .iter()
                    .filter_map(|r| {
                        // The row's ink: its glyphs, not the leading space
                        // a wrapped layout gives its first row.
                        let ink = r
                            .row
                            .glyphs
                            .iter()
                            .filter(|g| !g.chr.is_whitespace())
                            .map(|g| g.logical_rect())
                            .reduce(|a, b| a.union(b))?;
                        Some(ink.translate(r.pos.to_vec2() + t.pos.to_vec2()))
                    })
                    .collect();
                out.push(Text {
                    text: t.galley.text().to_owned(),
                    rows,
                    clip,
                    elided: t.galley.elided,
                    smallest,
                });
            }
            Shape::Vec(v) => v.iter().for_each(|s| walk(s, clip, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for c in shapes {
        walk(&c.shape, c.clip_rect, &mut out);
    }
    out
}

/// Every way `texts` breaks the projector rules on a `screen`, in words.
fn problems(texts: &[Text], screen: Rect) -> Vec<String> {
    let mut found = Vec::new();
    let slack = 1.0;
    for t in texts {
        if t.elided {
            found.push(format!("elided: {:?}", t.text));
        }
        for row in &t.rows {
            if !t.clip.expand(slack).contains_rect(*row) {
                found.push(format!(
                    "clipped: {:?} at {row:?} (clip {:?})",
                    t.text, t.clip
                ));
            }
            if !screen.expand(slack).contains_rect(*row) {
                found.push(format!("outside the window: {:?} at {row:?}", t.text));
            }
        }
        if t.smallest < SMALL_SIZE - 0.01 {
            found.push(format!("{} pt: {:?}", t.smallest, t.text));
        }
    }
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            for ra in &a.rows {
                for rb in &b.rows {
                    let both = ra.intersect(*rb);
                    if both.width() > 1.5 && both.height() > 1.5 {
                        found.push(format!(
                            "overlap: {:?} at {ra:?} and {:?} at {rb:?}",
                            a.text, b.text
                        ));
                    }
                }
            }
        }
    }
    found
}

struct State {
    game: Game,
    texts: Texts,
    ui: BoardUi,
    log: Vec<String>,
    high_contrast: bool,
}

/// Draws `draw` once settled on a canvas and returns the painted texts and
/// the board's targets.
fn frame<S: 'static>(
    size: egui::Vec2,
    high_contrast: bool,
    state: S,
    mut draw: impl FnMut(&mut egui::Ui, &mut S) + 'static,
) -> (Vec<Text>, Targets) {
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        move |ui, s: &mut S| {
            targets::begin(ui.ctx());
            draw(ui, s);
        },
        state,
    );
    install_font(&harness.ctx);
    harness.ctx.all_styles_mut(style::apply);
    harness.ctx.set_visuals(style::visuals(high_contrast));
    harness.run();
    harness.run();
    let shapes = harness.output().shapes.clone();
    let drawn = targets::drawing(&harness.ctx);
    (texts_painted(&shapes), drawn)
}

fn install_font(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    ctx.add_font(FontInsert::new(
        "BIZUDPGothic",
        egui::FontData::from_static(include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf")),
        vec![InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: FontPriority::Highest,
        }],
    ));
}

/// The board's test deck with every rule of link work on (trust, first
/// refusals, referrals, passing, case conferences, ties, ideas).
fn link_content() -> Arc<Content> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linkwork-ui");
    let loaded = community_coping::content::load_dir(std::path::Path::new(dir))
        .expect("the link-work test deck validates");
    Arc::new(loaded.content)
}

/// A 4-seat game played by heuristic bots until `stop` says so.
fn played(seed: u64, stop: impl Fn(&Game) -> bool) -> (Game, Vec<Event>) {
    played_with(content(), seed, stop)
}

/// [`played`] with a deck of its own.
fn played_with(c: Arc<Content>, seed: u64, stop: impl Fn(&Game) -> bool) -> (Game, Vec<Event>) {
    let setup = Setup::standard(&c, 4, SeatKind::Human, "standard", seed);
    let mut game = Game::new(c, setup).expect("a standard game sets up");
    let mut events = game.opening_events().to_vec();
    let mut bots: Vec<Bot> = (0..4)
        .map(|s| Bot::new(BotKind::Heuristic, seed, s))
        .collect();
    for _ in 0..2000 {
        if game.is_over() || stop(&game) {
            break;
        }
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        events.extend(game.act(seat, &action).expect("the bot's action is legal"));
    }
    (game, events)
}

/// The moments of a game the layout is checked at.
fn moments() -> Vec<(&'static str, Game, Vec<Event>)> {
    let (start, e0) = played(7, |g| {
        g.actions_taken() > 0 || g.year() > g.content().start_year()
    });
    let crowded_at = |g: &Game| g.loads().iter().any(|&l| l + 1 >= g.collapse_threshold());
    let (crowded, e2) = played(11, |g| !g.is_over() && crowded_at(g));
    let (release, e3) = played(5, Game::must_release);
    let (late, e4) = played(3, |g| g.year() >= g.content().start_year() + 4);
    // The same moments on a deck with link work: more buttons, the ideas,
    // trust tracks and referral lines on the cards.
    let link = link_content();
    let (l_start, l0) = played_with(link.clone(), 7, |g| {
        g.actions_taken() > 0 || g.year() > g.content().start_year()
    });
    let (l_crowded, l2) = played_with(link.clone(), 13, |g| !g.is_over() && crowded_at(g));
    let (l_late, l4) = played_with(link, 3, |g| g.year() >= g.content().start_year() + 4);
    vec![
        ("opening", start, e0),
        ("year 5", late, e4),
        ("crowded", crowded, e2),
        ("release", release, e3),
        ("link work opening", l_start, l0),
        ("link work year 5", l_late, l4),
        ("link work crowded", l_crowded, l2),
    ]
}

fn board_problems(game: &Game, lang: &str, size: egui::Vec2, high_contrast: bool) -> Vec<String> {
    let texts = Texts::load(lang);
    let log: Vec<String> = (1..=6)
        .map(|i| format!("{} {i}", texts.t("board.offer_row").repeat(6)))
        .collect();
    let state = State {
        game: game.clone(),
        texts,
        ui: BoardUi::default(),
        log,
        high_contrast,
    };
    let (painted, drawn) = frame(size, high_contrast, state, |ui, s: &mut State| {
        let mut view = BoardView::new(&s.texts);
        view.high_contrast = s.high_contrast;
        view.log = &s.log;
        let _ = board(ui, &s.game, &view, &mut s.ui);
    });
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
    let mut found = problems(&painted, screen);
    // Everything a turn needs is drawn, inside the window.
    let mut needed = vec![
        Target::Banner,
        Target::Offer,
        Target::Log,
        Target::Listen,
        Target::Prescribe,
        Target::EndTurn,
        Target::Undo,
    ];
    if !game.must_release() {
        needed.push(Target::Hand);
    }
    // Link work's controls, where the deck has them.
    if c_has_trust(game) {
        needed.push(Target::Visit);
    }
    if game.conference_cost().is_some() {
        needed.push(Target::Conference);
    }
    if game.pass_cost().is_some() {
        needed.push(Target::Pass);
    }
    let ideas = game.open_ideas().count();
    if ideas > 0 {
        needed.push(Target::Ideas);
        needed.extend((0..ideas).map(Target::Idea));
    }
    let c = game.content();
    for d in 0..c.districts().len() {
        let d = community_coping::content::DistrictId::from_index(d);
        needed.push(Target::District(d));
        needed.extend(
            game.district_residents(d)
                .iter()
                .map(|&r| Target::Resident(r)),
        );
    }
    let seat = game.current_seat();
    needed.extend((0..game.hand(seat).len()).map(Target::HandCard));
    needed.extend((0..game.offer().len()).map(Target::OfferCard));
    for t in needed {
        match drawn.rect(t) {
            None => found.push(format!("not drawn: {t:?}")),
            Some(r) if !screen.expand(1.0).contains_rect(r) => {
                found.push(format!("outside the window: {t:?} at {r:?}"));
            }
            Some(_) => {}
        }
    }
    found
}

/// Whether some resident of the deck needs visits (the Visit button shows).
fn c_has_trust(game: &Game) -> bool {
    game.content().residents().iter().any(|r| r.trust > 0)
}

#[test]
fn the_board_fits_both_projector_canvases_in_both_languages() {
    let mut all = Vec::new();
    for (moment, game, _) in moments() {
        for (canvas, w, h) in CANVASES {
            for lang in ["ja", "en"] {
                for high_contrast in [false, true] {
                    for p in board_problems(&game, lang, vec2(w, h), high_contrast) {
                        all.push(format!("{moment} {canvas} {lang} hc={high_contrast}: {p}"));
                    }
                }
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_year_end_summary_and_handoff_fit_both_canvases() {
    let mut all = Vec::new();
    let stop = |g: &Game| g.year() > g.content().start_year() + 2;
    let (game, events) = played(11, stop);
    let summary = YearEnd::of(&events).expect("a year has ended");
    // With link work the summary also counts ties and who drifted back.
    let (link_game, link_events) = played_with(link_content(), 11, stop);
    let link_summary = YearEnd::of(&link_events).expect("a year has ended");
    let summaries = [("", game, summary), (" link work", link_game, link_summary)];
    for (canvas, w, h) in CANVASES {
        for lang in ["ja", "en"] {
            let size = vec2(w, h);
            let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
            for (deck, game, summary) in &summaries {
                let state = (game.clone(), Texts::load(lang), summary.clone());
                let (painted, drawn) = frame(size, false, state, |ui, (g, t, s)| {
                    let view = BoardView::new(t);
                    let _ = year_end_summary(ui, g, s, &view);
                });
                for p in problems(&painted, screen) {
                    all.push(format!("year end{deck} {canvas} {lang}: {p}"));
                }
                if drawn.rect(Target::YearEndContinue).is_none() {
                    all.push(format!(
                        "year end{deck} {canvas} {lang}: no continue button"
                    ));
                }
            }
            let texts = Texts::load(lang);
            let (painted, _) = frame(size, false, texts, |ui, t| {
                let _ = handoff(ui, t, "プレイヤー1", "喫茶店のマスター");
            });
            for p in problems(&painted, screen) {
                all.push(format!("handoff {canvas} {lang}: {p}"));
            }
        }
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

#[test]
fn the_checks_catch_overlap_clipping_and_small_text() {
    // The test can fail: text drawn small, on top of other text and past
    // its clip rectangle is reported.
    let size = vec2(400.0, 200.0);
    let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
    let (painted, _) = frame(size, false, (), |ui, _| {
        let painter = ui.painter();
        let font = egui::FontId::proportional(12.0);
        painter.text(
            egui::pos2(10.0, 10.0),
            egui::Align2::LEFT_TOP,
            "small",
            font,
            egui::Color32::BLACK,
        );
        let big = egui::FontId::proportional(24.0);
        painter.text(
            egui::pos2(100.0, 50.0),
            egui::Align2::LEFT_TOP,
            "one label",
            big.clone(),
            egui::Color32::BLACK,
        );
        painter.text(
            egui::pos2(110.0, 55.0),
            egui::Align2::LEFT_TOP,
            "another",
            big.clone(),
            egui::Color32::BLACK,
        );
        painter.text(
            egui::pos2(350.0, 150.0),
            egui::Align2::LEFT_TOP,
            "past the edge",
            big,
            egui::Color32::BLACK,
        );
    });
    let found = problems(&painted, screen);
    assert!(found.iter().any(|p| p.starts_with("12 pt")), "{found:?}");
    assert!(found.iter().any(|p| p.starts_with("overlap")), "{found:?}");
    assert!(
        found
            .iter()
            .any(|p| p.starts_with("clipped") || p.starts_with("outside")),
        "{found:?}"
    );
}

/// The other screens a session passes through, checked the same way: the
/// title, the setup form (its form scrolls above a bar that keeps Start in
/// view, so only what is drawn counts), the `Esc` menu, the prescribe
/// dialog over the board and the game's end.
#[test]
fn the_title_setup_menu_dialog_and_end_screens_fit_both_canvases() {
    use community_coping::app::{SetupForm, setup_screen, title_screen};
    use community_coping::ui::{BotPace, MenuUi, MenuView, game_end, game_menu};
    let mut all = Vec::new();
    let (over, _) = played(11, |_| false);
    assert!(over.is_over(), "the bots finish the game");
    let (meeting, meeting_for) = conference_moment();
    for (canvas, w, h) in CANVASES {
        for lang in ["ja", "en"] {
            let size = vec2(w, h);
            let screen = Rect::from_min_size(egui::Pos2::ZERO, size);
            let mut check = |name: &str, painted: Vec<Text>| {
                for p in problems(&painted, screen) {
                    // The setup form scrolls: a row cut at its edge is in a scroll area.
                    if name == "setup" && p.starts_with("clipped") {
                        continue;
                    }
                    all.push(format!("{name} {canvas} {lang}: {p}"));
                }
            };
            let (painted, _) = frame(size, false, Texts::load(lang), |ui, t| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let _ = title_screen(ui, t, "結川町の十年", None, None);
                });
            });
            check("title", painted);
            let c = content();
            let form = SetupForm::new(&c, &Texts::load(lang), 7);
            let (painted, _) = frame(
                size,
                false,
                (c, Texts::load(lang), form),
                |ui, (c, t, f)| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        let _ = setup_screen(ui, c, t, f, None);
                    });
                },
            );
            check("setup", painted);
            let (painted, _) = frame(
                size,
                false,
                (Texts::load(lang), MenuUi::default()),
                |ui, (t, m)| {
                    let view = MenuView {
                        texts: t,
                        facilitator: true,
                        pace: BotPace::Normal,
                        stop_at_year_end: true,
                        language: t.language(),
                        scale: 1.0,
                        high_contrast: false,
                        reduced_motion: false,
                        game_over: false,
                        message: None,
                    };
                    egui::Modal::new(egui::Id::new("menu")).show(ui.ctx(), |ui| {
                        let _ = game_menu(ui, &view, m);
                    });
                },
            );
            check("menu", painted);
            let (game, _) = played(7, |g| g.actions_taken() > 0);
            let r = game.hidden_in_town().next().expect("a hidden resident");
            let mut listened = game.clone();
            let seat = listened.current_seat();
            if listened
                .act(
                    seat,
                    &community_coping::rules::Action::Listen { resident: r },
                )
                .is_ok()
            {
                let mut ui_state = BoardUi::default();
                ui_state.open_prescribe(r);
                let state = (listened, Texts::load(lang), ui_state);
                let (painted, _) = frame(size, false, state, |ui, (g, t, s)| {
                    let view = BoardView::new(t);
                    egui::Modal::new(egui::Id::new("dialog")).show(ui.ctx(), |ui| {
                        ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
                        let _ = prescribe_dialog(ui, g, &view, s);
                    });
                });
                check("prescribe", painted);
            }
            // The link-work dialogs: a case conference with
            // cards from several hands, and a pass with its card picked.
            for dialog in ["conference", "pass"] {
                let mut ui_state = BoardUi::default();
                if dialog == "conference" {
                    ui_state.open_conference(meeting_for);
                } else {
                    ui_state.open_pass();
                    ui_state.pick_pass_card(meeting.hand(meeting.current_seat())[0]);
                }
                let state = (meeting.clone(), Texts::load(lang), ui_state);
                let (painted, _) = frame(size, false, state, |ui, (g, t, s)| {
                    let view = BoardView::new(t);
                    egui::Modal::new(egui::Id::new("dialog")).show(ui.ctx(), |ui| {
                        ui.set_max_width(ui.ctx().content_rect().width() * 0.8);
                        let _ = conference_dialog(ui, g, &view, s);
                        let _ = pass_dialog(ui, g, &view, s);
                    });
                });
                check(dialog, painted);
            }
            let (painted, _) = frame(
                size,
                false,
                (over.clone(), Texts::load(lang)),
                |ui, (g, t)| {
                    egui::CentralPanel::default().show(ui, |ui| {
                        let view = BoardView::new(t);
                        let _ = game_end(ui, g, &view);
                    });
                },
            );
            check("game end", painted);
        }
    }
    assert!(
        all.is_empty(),
        "{} problems:\n{}",
        all.len(),
        all.join("\n")
    );
}

/// A link-work game where the current seat can hold a case conference for
/// the returned resident, with as many pooled cards fitting as found.
fn conference_moment() -> (Game, community_coping::content::ResidentId) {
    let mut best: Option<(usize, Game, community_coping::content::ResidentId)> = None;
    for seed in 0..6 {
        let c = link_content();
        let setup = Setup::standard(&c, 4, SeatKind::Human, "standard", seed);
        let mut game = Game::new(c, setup).expect("a standard game sets up");
        let mut bots: Vec<Bot> = (0..4)
            .map(|s| Bot::new(BotKind::Heuristic, seed, s))
            .collect();
        for _ in 0..400 {
            if game.is_over() {
                break;
            }
            let seat = game.current_seat();
            if game.actions_left() >= 2 && !game.must_release() && !game.hand(seat).is_empty() {
                for r in game.revealed_in_town().collect::<Vec<_>>() {
                    let sets = game.conferences(seat, r);
                    let listed = game
                        .pooled_hands()
                        .iter()
                        .filter(|c| sets.iter().any(|s| s.contains(c)))
                        .count();
                    if best.as_ref().is_none_or(|(n, _, _)| listed > *n) {
                        best = Some((listed, game.clone(), r));
                    }
                }
            }
            let action = bots[seat].choose(&game, seat);
            game.act(seat, &action).expect("the bot's action is legal");
        }
    }
    let (listed, game, r) = best.expect("a seat could hold a case conference");
    assert!(listed >= 2, "a conference with cards from two hands");
    (game, r)
}
