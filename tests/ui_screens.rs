//! egui_kittest tests of the title and setup screens: what a person clicks
//! becomes an intent, and the words follow the chosen language.
#![cfg(feature = "app")]

use std::sync::Arc;

use bevy_egui::egui::accesskit::Role;
use bevy_egui::egui::vec2;
use community_coping::app::{SetupForm, SetupIntent, TitleIntent, setup_screen, title_screen};
use community_coping::content::{Content, default_content};
use community_coping::i18n::Texts;
use community_coping::rules::{BotKind, SeatKind};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

struct Setup {
    content: Arc<Content>,
    texts: Texts,
    form: SetupForm,
    intents: Vec<SetupIntent>,
}

fn setup_harness(lang: &str) -> Harness<'static, Setup> {
    let content = default_content().unwrap();
    let texts = Texts::load(lang);
    let form = SetupForm::new(&content, &texts, 42);
    let state = Setup {
        content,
        texts,
        form,
        intents: Vec::new(),
    };
    let mut h = Harness::builder()
        .with_size(vec2(1920.0, 2400.0))
        .build_ui_state(
            |ui, s: &mut Setup| {
                if let Some(i) = setup_screen(ui, &s.content, &s.texts, &mut s.form, None) {
                    s.intents.push(i);
                }
            },
            state,
        );
    h.run();
    h
}

#[test]
fn setup_defaults_give_four_human_seats_with_distinct_roles() {
    let h = setup_harness("ja");
    let s = h.state();
    let setup = s.form.to_setup(&s.content, &s.texts).unwrap();
    assert_eq!(setup.seats.len(), 4);
    assert_eq!(setup.seed, 42);
    assert_eq!(setup.difficulty, "standard");
    assert_eq!(setup.seats[0].name, "プレイヤー1");
    let mut roles: Vec<_> = setup.seats.iter().map(|s| s.role.clone()).collect();
    roles.dedup();
    assert_eq!(roles.len(), 4);
    // a role that needs a home district gets one
    for seat in &setup.seats {
        let role = s.content.role(s.content.role_by_key(&seat.role).unwrap());
        assert_eq!(role.needs_home_district(), seat.home_district.is_some());
    }
}

#[test]
fn choosing_seats_difficulty_and_a_bot_changes_the_setup() {
    let mut h = setup_harness("ja");
    h.get_by_label("6人").click();
    h.run();
    h.get_by_label("挑戦").click();
    h.run();
    let bots = h.get_all_by_label("ボット（考えて動く）").count();
    assert_eq!(bots, 6, "one bot toggle per seat");
    h.get_all_by_label("ボット（考えて動く）")
        .next()
        .unwrap()
        .click();
    h.run();
    let s = h.state();
    let setup = s.form.to_setup(&s.content, &s.texts).unwrap();
    assert_eq!(setup.seats.len(), 6);
    assert_eq!(setup.difficulty, "challenge");
    assert_eq!(setup.seats[0].kind, SeatKind::Bot(BotKind::Heuristic));
    assert_eq!(setup.seats[1].kind, SeatKind::Human);
}

#[test]
fn start_and_back_become_intents() {
    let mut h = setup_harness("en");
    h.get_by_label("Start").click();
    h.run();
    h.get_by_label("Back").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![SetupIntent::Start, SetupIntent::Back]
    );
}

#[test]
fn a_bad_seed_is_refused_with_a_sentence() {
    let h = setup_harness("ja");
    let s = h.state();
    let mut form = s.form.clone();
    form.seed_text = "abc".into();
    let err = form.to_setup(&s.content, &s.texts).unwrap_err();
    assert!(err.contains("シード"), "{err}");
    form.seed_text = "7".into();
    form.seats[1].role = form.seats[0].role;
    let err = form.to_setup(&s.content, &s.texts).unwrap_err();
    assert!(err.contains("役割"), "{err}");
}

#[test]
fn the_home_district_list_uses_the_local_district_names() {
    let mut h = setup_harness("ja");
    let (seat, home) = {
        let s = h.state();
        let seat = (0..s.form.seat_count)
            .find(|i| s.content.roles()[s.form.seats[*i].role].needs_home_district())
            .expect("a default seat chooses a home district");
        (seat, s.form.seats[seat].home)
    };
    let deck_name = h.state().content.districts()[home]
        .name
        .get("ja")
        .to_owned();
    let combo_values = |h: &Harness<'static, Setup>| -> Vec<String> {
        h.query_all_by_role(Role::ComboBox)
            .filter_map(|n| n.value())
            .collect()
    };
    assert!(combo_values(&h).iter().any(|v| v.ends_with(&deck_name)));
    h.state_mut().form.relabels[home] = "みなと地区".into();
    h.run();
    let values = combo_values(&h);
    assert!(
        values.iter().any(|v| v.ends_with("みなと地区")),
        "seat {seat}'s home district shows its local name: {values:?}"
    );
    assert!(
        !values.iter().any(|v| v.ends_with(&deck_name)),
        "{values:?}"
    );
}

#[test]
fn seat_names_are_remembered_for_the_next_setup() {
    let h = setup_harness("ja");
    let s = h.state();
    let mut form = s.form.clone();
    assert!(
        form.names(&s.texts).is_empty(),
        "default names are not kept"
    );
    form.seats[0].name = " さくら ".into();
    form.seats[2].name = "Ken".into();
    let names = form.names(&s.texts);
    assert_eq!(names, vec!["さくら", "", "Ken"]);
    let mut next = SetupForm::new(&s.content, &s.texts, 1);
    next.remember_names(&names);
    let setup = next.to_setup(&s.content, &s.texts).unwrap();
    let seats: Vec<&str> = setup.seats.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(seats, vec!["さくら", "プレイヤー2", "Ken", "プレイヤー4"]);
}

struct Title {
    texts: Texts,
    intents: Vec<TitleIntent>,
}

fn title_harness(lang: &str) -> Harness<'static, Title> {
    let mut h = Harness::builder()
        .with_size(vec2(1920.0, 1080.0))
        .build_ui_state(
            |ui, t: &mut Title| {
                if let Some(i) = title_screen(ui, &t.texts, "結川町の十年", None, None) {
                    t.intents.push(i);
                }
            },
            Title {
                texts: Texts::load(lang),
                intents: Vec::new(),
            },
        );
    h.run();
    h
}

#[test]
fn the_title_screen_speaks_japanese_then_english() {
    let mut h = title_harness("ja");
    h.get_by_label("新しいセッション").click();
    h.run();
    h.get_by_label("はじめての方へ").click();
    h.run();
    h.get_by_label("English").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![
            TitleIntent::NewSession,
            TitleIntent::Guided,
            TitleIntent::Language("en")
        ]
    );
    // with nothing to resume, the resume button is there but disabled
    assert!(
        h.get_by_label("続きから再開")
            .accesskit_node()
            .is_disabled()
    );
    let h = title_harness("en");
    h.get_by_label("New session");
    h.get_by_label("First time? Guided game");
    h.get_by_label("Quit");
}

/// The playing screen's main window (the projected one) and the
/// facilitator's private window, drawn by the same functions the app uses.
mod playing {
    use super::*;
    use bevy_egui::egui::Key;
    use community_coping::app::{
        Facilitator, PanelMode, PlayIntent, PlayState, Table, facilitator_window, main_window,
    };
    use community_coping::rules::{Action, Setup as GameSetup};
    use community_coping::session::{ScenarioSource, SessionHeader, Settings};
    use community_coping::ui::{BotPace, MenuIntent, MenuUi, MenuView, game_menu};

    pub(super) struct Play {
        pub table: Table,
        pub fac: Facilitator,
        pub play: PlayState,
        pub texts: Texts,
        pub settings: Settings,
        pub intents: Vec<PlayIntent>,
    }

    pub(super) fn table(seats: usize, seed: u64) -> Table {
        let c = default_content().unwrap();
        let setup = GameSetup::standard(&c, seats, SeatKind::Human, "standard", seed);
        let header = SessionHeader::new(&c, ScenarioSource::BuiltIn("default".into()), setup);
        Table::start(c, header, None).unwrap()
    }

    /// The facilitator with the coaching hint on and the tools in `panel`.
    fn facilitator(panel: PanelMode) -> Facilitator {
        let mut fac = Facilitator::for_session(true);
        fac.panel = panel;
        fac.coaching_hint = true;
        fac
    }

    pub(super) fn main_harness(table: Table, fac: Facilitator) -> Harness<'static, Play> {
        let state = Play {
            table,
            fac,
            play: PlayState::default(),
            texts: Texts::load("ja"),
            settings: Settings::default(),
            intents: Vec::new(),
        };
        let mut h = Harness::builder()
            .with_size(vec2(2400.0, 1600.0))
            .build_ui_state(
                |ui, p: &mut Play| {
                    let intent = main_window(
                        ui,
                        &mut p.table,
                        &mut p.fac,
                        &mut p.play,
                        &p.texts,
                        &p.settings,
                    );
                    p.intents.extend(intent);
                },
                state,
            );
        h.run();
        h
    }

    /// The worry of a resident nobody has listened to yet.
    fn a_hidden_worry(table: &Table) -> String {
        let r = table.game.hidden_in_town().next().unwrap();
        table.content.resident(r).worry_text.get("ja").to_owned()
    }

    const HINT: &str = "ボットなら";

    #[test]
    fn with_the_tools_in_their_own_window_or_hidden_nothing_private_is_projected() {
        for panel in [PanelMode::Window, PanelMode::Off] {
            let mut t = table(4, 3);
            t.handoff_pending = false;
            let worry = a_hidden_worry(&t);
            let h = main_harness(t, facilitator(panel));
            h.get_by_label("番を終える");
            assert!(
                h.query_by_label_contains(HINT).is_none(),
                "{panel:?}: no coaching hint on the main window"
            );
            assert!(h.query_by_label_contains(&worry).is_none(), "{panel:?}");
            assert!(h.query_by_label("隠れた悩み").is_none(), "{panel:?}");
        }
        // the private window has both
        let t = table(4, 3);
        let worry = a_hidden_worry(&t);
        let texts = Texts::load("ja");
        let mut fac = facilitator(PanelMode::Window);
        let mut h = Harness::builder()
            .with_size(vec2(1280.0, 2400.0))
            .build_ui(|ui| {
                let _ = facilitator_window(ui, &t, &texts, &mut fac);
            });
        h.run();
        h.get_by_label_contains(HINT);
        h.get_by_label_contains(&worry);
    }

    #[test]
    fn with_the_tools_beside_the_board_hidden_worries_are_not_offered() {
        let mut t = table(4, 3);
        t.handoff_pending = false;
        let worry = a_hidden_worry(&t);
        let h = main_harness(t, facilitator(PanelMode::Side));
        // the hint is where the facilitator put the tools; the worries are not
        h.get_by_label_contains(HINT);
        assert!(h.query_by_label("隠れた悩み").is_none());
        assert!(h.query_by_label_contains(&worry).is_none());
        h.get_by_label_contains("自分用ウィンドウ（F2）");
    }

    /// The action that ends a year also passes the turn to the next person:
    /// the year's summary comes first, then the handoff card.
    #[test]
    fn the_year_end_summary_comes_before_the_next_seats_handoff() {
        let texts = Texts::load("ja");
        let mut t = table(3, 10);
        t.handoff_pending = false;
        while t.year_end.is_none() {
            t.apply(Action::EndTurn, &texts).unwrap();
        }
        assert!(t.handoff_pending, "a person plays next");
        let year = t.year_end.as_ref().unwrap().year;
        let mut h = main_harness(t, Facilitator::default());
        h.get_by_label(&texts.fmt("year_end.title", &[("year", &year)]));
        assert!(h.query_by_label_contains("の番です").is_none());
        h.get_by_label("次の年へ").click();
        h.run();
        assert_eq!(h.state().intents, vec![PlayIntent::YearEndClosed]);
        h.state_mut().table.year_end = None;
        h.run();
        h.get_by_label_contains("の番です");
    }

    #[test]
    fn esc_opens_the_menu_only_when_nothing_else_uses_it() {
        let mut t = table(2, 4);
        t.handoff_pending = false;
        let r = t.game.hidden_in_town().next().unwrap();
        let mut h = main_harness(t, Facilitator::default());
        h.state_mut().play.board.select(Some(r));
        h.run();
        h.key_press(Key::Escape);
        h.run();
        assert!(
            h.state().play.menu.is_none(),
            "Esc first clears the selection"
        );
        assert_eq!(h.state().play.board.selected(), None);
        h.key_press(Key::Escape);
        h.run();
        assert!(h.state().play.menu.is_some());
        h.get_by_label("タイトルへ戻る");
        h.key_press(Key::Escape);
        h.run();
        assert_eq!(
            h.state().intents,
            vec![PlayIntent::Menu(MenuIntent::Resume)]
        );
    }

    struct Menu {
        texts: Texts,
        ui: MenuUi,
        facilitator: bool,
        intents: Vec<MenuIntent>,
    }

    fn menu_harness(facilitator: bool) -> Harness<'static, Menu> {
        let state = Menu {
            texts: Texts::load("ja"),
            ui: MenuUi::default(),
            facilitator,
            intents: Vec::new(),
        };
        let mut h = Harness::builder()
            .with_size(vec2(900.0, 1400.0))
            .build_ui_state(
                |ui, m: &mut Menu| {
                    let view = MenuView {
                        texts: &m.texts,
                        facilitator: m.facilitator,
                        pace: BotPace::Normal,
                        stop_at_year_end: true,
                        language: "ja",
                        scale: 1.0,
                        high_contrast: false,
                        reduced_motion: false,
                        game_over: false,
                        message: None,
                    };
                    m.intents.extend(game_menu(ui, &view, &mut m.ui));
                },
                state,
            );
        h.run();
        h
    }

    #[test]
    fn the_menu_returns_what_was_chosen() {
        let mut h = menu_harness(false);
        h.get_by_label("続ける（Esc）").click();
        h.run();
        h.get_by_label("ファシリテーターの道具を使う").click();
        h.run();
        h.get_by_label("ゆっくり").click();
        h.run();
        h.get_by_label_contains("年の終わりごとに止める").click();
        h.run();
        h.get_by_label("English").click();
        h.run();
        h.get_by_label("150%").click();
        h.run();
        h.get_by_label("ハイコントラスト（F4）").click();
        h.run();
        h.get_by_label("アニメーションを減らす").click();
        h.run();
        h.get_by_label("タイトルへ戻る").click();
        h.run();
        assert_eq!(
            h.state().intents,
            vec![
                MenuIntent::Resume,
                MenuIntent::Facilitator(true),
                MenuIntent::BotPace(BotPace::Slow),
                MenuIntent::StopAtYearEnd(false),
                MenuIntent::Language("en"),
                MenuIntent::Scale(150),
                MenuIntent::HighContrast(true),
                MenuIntent::ReducedMotion(true),
                MenuIntent::Title,
            ]
        );
        h.get_by_label_contains("キー操作");
    }

    #[test]
    fn ending_the_game_from_the_menu_needs_a_reason() {
        let mut h = menu_harness(true);
        let end = "ゲームをここで終える";
        assert!(h.get_by_label(end).accesskit_node().is_disabled());
        h.get_by_role(Role::TextInput).click();
        h.run();
        h.get_by_role(Role::TextInput).type_text("時間切れ");
        h.run();
        assert!(!h.get_by_label(end).accesskit_node().is_disabled());
        h.get_by_label(end).click();
        h.run();
        assert_eq!(
            h.state().intents,
            vec![MenuIntent::EndGame("時間切れ".into())]
        );
    }

    #[test]
    fn the_bot_pace_reads_back_from_the_stored_milliseconds() {
        for pace in BotPace::ALL {
            assert_eq!(BotPace::of_millis(pace.millis()), pace);
        }
        assert_eq!(
            BotPace::of_millis(Settings::default().bot_pace_ms),
            BotPace::Normal
        );
        assert!(BotPace::Slow.millis() <= community_coping::session::BOT_PACE_MAX_MS);
    }
}
