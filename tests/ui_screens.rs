//! egui_kittest tests of the title and setup screens: what a person clicks
//! becomes an intent, and the words follow the chosen language.
#![cfg(feature = "app")]

use std::sync::Arc;

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
    h.get_by_label("English").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![TitleIntent::NewSession, TitleIntent::Language("en")]
    );
    // with nothing to resume, the resume button is there but disabled
    assert!(
        h.get_by_label("続きから再開")
            .accesskit_node()
            .is_disabled()
    );
    let h = title_harness("en");
    h.get_by_label("New session");
    h.get_by_label("Quit");
}
