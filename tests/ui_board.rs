//! The board's egui drawing functions, driven through egui_kittest with the
//! real default deck: clicks and keys give the intents the rules expect,
//! buttons are enabled only when the rules allow, and the words come from
//! the string tables in both languages. Widgets are found by their
//! accessibility labels, so no CJK font is needed.
#![cfg(feature = "app")]

use std::sync::Arc;

use bevy_egui::egui::{self, Key, Modifiers, vec2};
use community_coping::bots::{Advice, Bot, advise};
use community_coping::content::{ConnectionId, Content, ResidentId, default_content};
use community_coping::i18n::{LogContext, Texts};
use community_coping::rules::{Action, BotKind, Event, Game, Outcome, RuleError, SeatKind, Setup};
use community_coping::ui::{
    BoardUi, BoardView, EndIntent, Intent, YearEnd, board, game_end, handoff, year_end_summary,
};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

fn content() -> Arc<Content> {
    default_content().expect("the default deck validates")
}

fn new_game(seed: u64) -> Game {
    let c = content();
    let setup = Setup::standard(&c, 4, SeatKind::Human, "standard", seed);
    Game::new(c, setup).expect("a standard game sets up")
}

/// What a board test keeps between frames.
struct Table {
    game: Game,
    texts: Texts,
    ui: BoardUi,
    intents: Vec<Intent>,
    show_hidden: bool,
    interactive: bool,
    hint: Option<Advice>,
    events: Vec<Event>,
    motion: bool,
}

fn board_harness(game: Game, lang: &str) -> Harness<'static, Table> {
    board_harness_sized(game, lang, vec2(2400.0, 3600.0))
}

fn board_harness_sized(game: Game, lang: &str, size: egui::Vec2) -> Harness<'static, Table> {
    let table = Table {
        game,
        texts: Texts::load(lang),
        ui: BoardUi::default(),
        intents: Vec::new(),
        show_hidden: false,
        interactive: true,
        hint: None,
        events: Vec::new(),
        motion: true,
    };
    let mut harness = Harness::builder().with_size(size).build_ui_state(
        |ui, t: &mut Table| {
            let mut view = BoardView::new(&t.texts);
            view.show_hidden = t.show_hidden;
            view.interactive = t.interactive;
            view.hint = t.hint.as_ref();
            view.events = &t.events;
            view.motion = t.motion;
            if let Some(intent) = board(ui, &t.game, &view, &mut t.ui) {
                t.intents.push(intent);
            }
        },
        table,
    );
    harness.run();
    harness
}

/// The accessible name of a resident's card, as the board writes it.
fn card_label(game: &Game, texts: &Texts, r: ResidentId) -> String {
    let words = LogContext::new(game.content(), texts, game.setup(), &[]);
    let district = words.district(game.content().resident(r).district);
    texts.fmt(
        "board.resident_card",
        &[("resident", &words.resident(r)), ("district", &district)],
    )
}

fn click_resident(h: &mut Harness<'_, Table>, r: ResidentId) {
    let label = card_label(&h.state().game, &h.state().texts, r);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().ui.selected(),
        Some(r),
        "clicking the card selects it"
    );
}

fn disabled(h: &Harness<'_, Table>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().is_disabled()
}

/// A game where seat 0, after listening to `r`, can prescribe two or more
/// cards for it with an action left.
fn prescribable() -> (Game, ResidentId, Vec<ConnectionId>) {
    for seed in 0..2000 {
        let game = new_game(seed);
        let hidden: Vec<ResidentId> = game.hidden_in_town().collect();
        for r in hidden {
            let mut g = game.clone();
            g.act(0, &Action::Listen { resident: r }).unwrap();
            if g.actions_left() == 0 {
                continue;
            }
            if let Some(cards) = g.prescriptions(0, r).into_iter().find(|c| c.len() >= 2) {
                return (g, r, cards);
            }
        }
    }
    panic!("no seed gives a two-card prescription after one listen");
}

/// A game whose current seat must release a card: everyone connects until a hand overflows.
fn over_limit() -> Game {
    let mut g = new_game(7);
    for _ in 0..500 {
        if g.must_release() {
            return g;
        }
        let seat = g.current_seat();
        let action = match g.offer().first() {
            Some(&card) if g.actions_left() > 0 => Action::Connect { card },
            _ => Action::EndTurn,
        };
        g.act(seat, &action).unwrap();
        assert!(!g.is_over(), "the game ended before a hand overflowed");
    }
    panic!("no hand went over its limit");
}

#[test]
fn clicking_a_hidden_resident_then_listen_yields_listen_for_that_resident() {
    let game = new_game(1);
    let r = game
        .hidden_in_town()
        .nth(2)
        .expect("hidden residents in town");
    let mut h = board_harness(game, "ja");
    click_resident(&mut h, r);
    assert!(!disabled(&h, "話を聴く"));
    assert!(
        disabled(&h, "処方する"),
        "a hidden resident cannot be prescribed for"
    );
    h.get_by_label("話を聴く").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Listen { resident: r })]
    );
}

#[test]
fn keyboard_l_listens_e_ends_the_turn_and_c_then_a_digit_connects() {
    let game = new_game(2);
    let r = game.hidden_in_town().next().unwrap();
    let second_offer = game.offer()[1];
    let mut h = board_harness(game, "ja");
    click_resident(&mut h, r);
    h.key_press(Key::L);
    h.run();
    h.key_press(Key::C);
    h.run();
    assert!(h.state().ui.is_connecting());
    h.get_by_label_contains("つながるカードの番号");
    h.key_press(Key::Num2);
    h.run();
    h.key_press(Key::E);
    h.run();
    assert_eq!(
        h.state().intents,
        vec![
            Intent::Act(Action::Listen { resident: r }),
            Intent::Act(Action::Connect { card: second_offer }),
            Intent::Act(Action::EndTurn),
        ]
    );
    assert!(!h.state().ui.is_connecting());
}

#[test]
fn the_end_turn_button_yields_end_turn() {
    let mut h = board_harness(new_game(3), "ja");
    h.get_by_label("番を終える").click();
    h.run();
    assert_eq!(h.state().intents, vec![Intent::Act(Action::EndTurn)]);
}

#[test]
fn connect_buttons_take_the_card_they_show() {
    let game = new_game(4);
    let offer = game.offer().to_vec();
    let mut h = board_harness(game, "ja");
    h.get_by_label("つながる [3]").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Connect { card: offer[2] })]
    );
}

#[test]
fn a_seat_that_peeks_can_connect_to_the_top_deck_cards_too() {
    let mut game = new_game(14);
    let peeker = (0..4)
        .find(|s| game.peek(*s) > 0)
        .expect("a default role peeks");
    while game.current_seat() != peeker {
        game.act(game.current_seat(), &Action::EndTurn).unwrap();
    }
    let offered = game.offer().len();
    let peeked: Vec<ConnectionId> = game.peeked_cards(peeker).collect();
    assert!(!peeked.is_empty());
    let mut h = board_harness(game, "ja");
    h.get_by_label("山札の上（役割の力で選べる）");
    let label = format!("つながる [{}]", offered + 1);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Connect { card: peeked[0] })]
    );
}

#[test]
fn undo_is_disabled_right_after_a_listen() {
    let mut game = new_game(5);
    let r = game.hidden_in_town().next().unwrap();
    game.act(0, &Action::Listen { resident: r }).unwrap();
    assert!(!game.can_undo());
    let mut h = board_harness(game, "ja");
    assert!(disabled(&h, "一手戻す"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        h.state().intents.is_empty(),
        "Ctrl+Z does nothing when undo is not allowed"
    );
    // …and says why, in the rules' words
    let why = refusal(&h.state().game, &h.state().texts, RuleError::CannotUndo);
    h.get_by_label(&format!("！ {why}"));
    // The listened resident is known now: Listen is refused, with the reason on hover.
    click_resident(&mut h, r);
    assert!(disabled(&h, "話を聴く"));
    assert!(!disabled(&h, "処方する"));
}

#[test]
fn prescribe_confirm_is_disabled_until_the_chosen_cards_meet_every_need() {
    let (game, r, cards) = prescribable();
    let hand = game.hand(0).to_vec();
    let texts = Texts::load("ja");
    let pick = |c: &ConnectionId| {
        let i = hand.iter().position(|h| h == c).unwrap();
        let name = game.content().connection(*c).name.get("ja").to_owned();
        texts.fmt("prescribe.pick", &[("n", &(i + 1)), ("card", &name)])
    };
    let picks: Vec<String> = cards.iter().map(pick).collect();
    let mut h = board_harness(game, "ja");
    click_resident(&mut h, r);
    h.get_by_label("処方する").click();
    h.run();
    assert_eq!(h.state().ui.prescribing(), Some(r));
    assert!(disabled(&h, "つなぐ"), "nothing chosen yet");
    for (k, label) in picks.iter().enumerate() {
        h.get_by_label(label).click();
        h.run();
        let complete = k + 1 == picks.len();
        assert_eq!(
            disabled(&h, "つなぐ"),
            !complete,
            "after {} of {} cards",
            k + 1,
            picks.len()
        );
        if !complete {
            h.get_by_label_contains("まだ満たしていない必要");
        }
    }
    h.get_by_label_contains("すべての必要を満たしています");
    h.get_by_label("つなぐ").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Prescribe { resident: r, cards })]
    );
    assert_eq!(
        h.state().ui.prescribing(),
        None,
        "confirm closes the dialog"
    );
}

#[test]
fn prescribe_dialog_keys_toggle_cards_and_escape_cancels() {
    let (game, r, cards) = prescribable();
    let hand = game.hand(0).to_vec();
    let mut h = board_harness(game, "ja");
    click_resident(&mut h, r);
    h.key_press(Key::P);
    h.run();
    assert_eq!(h.state().ui.prescribing(), Some(r));
    let digit = |c: &ConnectionId| {
        [
            Key::Num1,
            Key::Num2,
            Key::Num3,
            Key::Num4,
            Key::Num5,
            Key::Num6,
            Key::Num7,
        ][hand.iter().position(|x| x == c).unwrap()]
    };
    h.key_press(digit(&cards[0]));
    h.run();
    assert_eq!(h.state().ui.chosen(), &cards[..1]);
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.state().intents.is_empty(),
        "Enter does not confirm an incomplete choice"
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().ui.prescribing(), None);
    assert!(h.state().intents.is_empty());
}

#[test]
fn a_hand_over_its_limit_asks_which_card_to_release() {
    let game = over_limit();
    let seat = game.current_seat();
    let hand = game.hand(seat).to_vec();
    let texts = Texts::load("ja");
    let prompt = texts.fmt("board.release_prompt", &[("limit", &game.hand_limit(seat))]);
    let mut h = board_harness(game, "ja");
    h.get_by_label_contains(&prompt);
    assert!(
        disabled(&h, "番を終える"),
        "the turn cannot end before releasing"
    );
    h.get_by_label("手放す [2]").click();
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(
        h.state().intents,
        vec![
            Intent::Act(Action::Release { card: hand[1] }),
            Intent::Act(Action::Release { card: hand[0] }),
        ]
    );
}

#[test]
fn undo_is_offered_after_a_release_by_button_and_ctrl_z() {
    let mut game = over_limit();
    let seat = game.current_seat();
    let card = game.hand(seat)[0];
    game.act(seat, &Action::Release { card }).unwrap();
    assert!(game.can_undo());
    let mut h = board_harness(game, "ja");
    assert!(!disabled(&h, "一手戻す"));
    h.get_by_label("一手戻す").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().intents, vec![Intent::Undo, Intent::Undo]);
}

#[test]
fn english_texts_show_english_labels() {
    let game = new_game(6);
    let r = game.hidden_in_town().next().unwrap();
    let mut h = board_harness(game, "en");
    for label in ["End turn", "Undo", "Offer row", "Connect [1]"] {
        h.get_by_label(label);
    }
    assert!(h.query_by_label("番を終える").is_none());
    click_resident(&mut h, r);
    h.get_by_label("Listen");
    h.get_by_label("Prescribe");
    h.get_by_label("Esc: menu");
}

#[test]
fn no_label_on_any_board_is_a_missing_key() {
    for lang in ["ja", "en"] {
        let game = over_limit();
        let h = board_harness(game, lang);
        let missing: Vec<String> = h
            .query_all_by(|n| {
                [n.label(), n.value()]
                    .into_iter()
                    .flatten()
                    .any(|l| l.contains('⟦') || l.contains('{'))
            })
            .map(|n| {
                let a = n.accesskit_node();
                a.label().or(a.value()).unwrap_or_default()
            })
            .collect();
        assert!(missing.is_empty(), "{lang}: {missing:?}");
    }
}

#[test]
fn hidden_worries_show_only_in_the_facilitator_view() {
    let game = new_game(8);
    let r = game.hidden_in_town().next().unwrap();
    let worry = game.content().resident(r).worry_text.get("ja").to_owned();
    let mut h = board_harness(game, "ja");
    assert!(
        h.query_by_label(&worry).is_none(),
        "the public board keeps worries hidden"
    );
    h.state_mut().show_hidden = true;
    h.run();
    h.get_by_label(&worry);
}

#[test]
fn a_board_that_is_not_interactive_refuses_buttons_and_keys() {
    let game = new_game(12);
    let r = game.hidden_in_town().next().unwrap();
    let mut h = board_harness(game, "ja");
    h.state_mut().interactive = false;
    h.run();
    assert!(disabled(&h, "番を終える"));
    assert!(disabled(&h, "つながる [1]"));
    click_resident(&mut h, r);
    assert!(
        disabled(&h, "話を聴く"),
        "selecting still works, acting does not"
    );
    h.key_press(Key::L);
    h.run();
    h.key_press(Key::E);
    h.run();
    assert!(h.state().intents.is_empty());
}

#[test]
fn the_coaching_hint_shows_the_bots_suggestion_with_its_reason() {
    let game = new_game(13);
    let advice = advise(&game, 0);
    let texts = Texts::load("ja");
    let words = LogContext::new(game.content(), &texts, game.setup(), &[]);
    let phrase = community_coping::i18n::describe_action(&advice.action, &words);
    let mut h = board_harness(game, "ja");
    assert!(h.query_by_label_contains("ボットなら").is_none());
    h.state_mut().hint = Some(advice);
    h.run();
    let node = h.get_by_label_contains("ボットなら").accesskit_node();
    let shown = node.label().or(node.value()).unwrap_or_default();
    assert!(shown.contains(&phrase), "{shown:?} names {phrase:?}");
}

#[test]
fn the_map_shows_each_districts_load_against_the_threshold() {
    let game = new_game(9);
    let texts = Texts::load("ja");
    let words = LogContext::new(game.content(), &texts, game.setup(), &[]);
    let threshold = usize::from(game.params().collapse_threshold);
    let loads = game.loads();
    let names: Vec<String> = (0..loads.len())
        .map(|i| words.district(community_coping::content::DistrictId::from_index(i)))
        .collect();
    let h = board_harness(game, "ja");
    for (name, load) in names.iter().zip(&loads) {
        let sentence = format!(
            "{name} {}",
            texts.fmt("board.load", &[("load", load), ("threshold", &threshold)])
        );
        h.get_by_label(&sentence);
    }
}

#[test]
fn the_handoff_card_names_the_next_seat_and_waits_for_space_or_a_click() {
    let texts = Texts::load("ja");
    let mut h = Harness::builder()
        .with_size(vec2(1280.0, 720.0))
        .build_ui_state(
            |ui, done: &mut u32| {
                if handoff(ui, &texts, "プレイヤー2", "世話焼きのおばちゃん") {
                    *done += 1;
                }
            },
            0,
        );
    h.run();
    let sentence = "次は プレイヤー2さん（世話焼きのおばちゃん）の番です";
    h.get_by_label(sentence);
    assert_eq!(*h.state(), 0, "it waits");
    h.key_press(Key::Space);
    h.run();
    assert_eq!(*h.state(), 1);
    h.get_by_label(sentence).click();
    h.run();
    assert_eq!(*h.state(), 2);
}

/// Ends turns until the first year ends; returns the game, the loads just
/// before the action that ended the year, and that action's events.
fn first_year_end(seed: u64) -> (Game, Vec<usize>, Vec<Event>) {
    let mut game = new_game(seed);
    loop {
        let before = game.loads();
        let events = game.act(game.current_seat(), &Action::EndTurn).unwrap();
        if events.iter().any(|e| matches!(e, Event::YearEnded { .. })) {
            return (game, before, events);
        }
    }
}

fn year_end_harness<'a>(
    game: &'a Game,
    summary: &'a YearEnd,
    texts: &'a Texts,
) -> Harness<'a, bool> {
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1400.0))
        .build_ui_state(
            move |ui, closed: &mut bool| {
                let view = BoardView::new(texts);
                *closed |= year_end_summary(ui, game, summary, &view);
            },
            false,
        );
    h.run();
    h
}

#[test]
fn the_year_end_summary_lists_loads_and_closes_on_its_button() {
    let (game, _, last) = first_year_end(10);
    let summary = YearEnd::of(&last).unwrap();
    let texts = Texts::load("ja");
    let first_year = game.content().start_year();
    assert_eq!(summary.year, first_year);
    let mut h = year_end_harness(&game, &summary, &texts);
    h.get_by_label(&texts.fmt("year_end.title", &[("year", &first_year)]));
    let districts = game.content().districts().len();
    assert_eq!(h.query_all_by_label_contains("困りごと").count(), districts);
    assert!(!*h.state());
    h.get_by_label("次の年へ").click();
    h.run();
    assert!(*h.state());
}

/// The action that ends a year's last turn also starts the next year, whose
/// first resident arrives in the same events: the summary must show the
/// town as it stood at the year end, not after that arrival.
#[test]
fn the_year_end_summary_shows_loads_at_the_year_end_not_after_the_next_arrival() {
    let texts = Texts::load("ja");
    for seed in [10, 11, 12, 13] {
        let (game, at_year_end, last) = first_year_end(seed);
        let arrived: Vec<usize> = last
            .iter()
            .skip_while(|e| !matches!(e, Event::YearEnded { .. }))
            .filter_map(|e| match e {
                Event::ResidentArrived { district, .. } => Some(district.index()),
                _ => None,
            })
            .collect();
        assert!(
            !arrived.is_empty(),
            "seed {seed}: the next year's first resident arrives"
        );
        assert_ne!(game.loads(), at_year_end, "seed {seed}: the town moved on");
        let summary = YearEnd::of(&last).unwrap();
        assert_eq!(summary.loads, at_year_end, "seed {seed}");
        let h = year_end_harness(&game, &summary, &texts);
        let words = LogContext::new(game.content(), &texts, game.setup(), &[]);
        let threshold = usize::from(game.params().collapse_threshold);
        for (i, district) in game.content().districts().iter().enumerate() {
            let name = words.district(community_coping::content::DistrictId::from_index(i));
            let line = |load: usize| {
                format!(
                    "{} {}",
                    district.symbol,
                    texts.fmt(
                        "year_end.district_load",
                        &[
                            ("district", &name),
                            ("load", &load),
                            ("threshold", &threshold)
                        ],
                    )
                )
            };
            h.get_by_label(&line(at_year_end[i]));
            if arrived.contains(&i) {
                assert!(h.query_by_label(&line(game.loads()[i])).is_none());
            }
            let warning = texts.fmt("year_end.warning", &[("district", &name)]);
            let warned = h.query_by_label_contains(&warning).is_some();
            assert_eq!(
                warned,
                at_year_end[i] + 1 == threshold,
                "seed {seed}: {name}"
            );
            let at_limit = texts.fmt("year_end.at_limit", &[("district", &name)]);
            assert!(
                h.query_by_label_contains(&at_limit).is_none(),
                "the town did not collapse"
            );
        }
    }
}

/// The residents whose needs grew are those of that year: the escalations
/// at its end (and event cards during it), in order, never a need gained in
/// the next year's opening.
#[test]
fn the_year_end_summary_lists_the_needs_gained_that_year() {
    let mut game = new_game(21);
    let mut events = game.opening_events().to_vec();
    let mut escalations = 0;
    while !game.is_over() && game.year() < game.content().start_year() + 4 {
        let ev = game.act(game.current_seat(), &Action::EndTurn).unwrap();
        events.extend(ev.iter().cloned());
        let Some(end) = ev.iter().position(|e| matches!(e, Event::YearEnded { .. })) else {
            continue;
        };
        let summary = YearEnd::of(&events).unwrap();
        let gained = |e: &Event| match e {
            Event::NeedGained {
                resident,
                need,
                cause,
            } => Some((*resident, *need, *cause)),
            _ => None,
        };
        let at_end: Vec<_> = ev[..end].iter().filter_map(gained).collect();
        assert!(summary.grew.ends_with(&at_end), "{summary:?}");
        escalations += at_end.len();
        for next_year in ev[end..].iter().filter_map(gained) {
            assert!(!summary.grew.contains(&next_year), "{summary:?}");
        }
    }
    assert!(escalations > 0, "needs escalated at some year end");
}

/// Draws the game-end screen, finds `title` on it, and clicks through to the debrief.
fn end_screen_shows_and_goes_to_the_debrief(game: &Game, texts: &Texts, title: &str) {
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1600.0))
        .build_ui_state(
            |ui, asked: &mut Vec<EndIntent>| {
                let view = BoardView::new(texts);
                asked.extend(game_end(ui, game, &view));
            },
            Vec::new(),
        );
    h.run();
    h.get_by_label_contains(title);
    h.get_by_label("ふりかえりへ").click();
    h.run();
    assert_eq!(h.state(), &vec![EndIntent::Debrief]);
}

#[test]
fn the_game_end_screen_shows_the_outcome_and_goes_to_the_debrief() {
    let mut game = new_game(11);
    let mut bots: Vec<Bot> = (0..4)
        .map(|s| Bot::new(BotKind::Heuristic, 11, s))
        .collect();
    while !game.is_over() {
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        game.act(seat, &action).unwrap();
    }
    let texts = Texts::load("ja");
    let title = match game.outcome().unwrap() {
        Outcome::Collapsed { .. } => texts.t("end.collapse_title").to_owned(),
        Outcome::Survived { .. } => texts.t("end.survived_title").to_owned(),
        Outcome::EndedEarly { .. } => unreachable!("bots never end a game early"),
    };
    end_screen_shows_and_goes_to_the_debrief(&game, &texts, &title);
}

#[test]
fn a_game_the_facilitator_ended_shows_so_and_goes_to_the_debrief() {
    let mut game = new_game(12);
    game.act(game.current_seat(), &Action::EndTurn).unwrap();
    game.act(game.current_seat(), &Action::EndGame).unwrap();
    let texts = Texts::load("ja");
    let year = game.year();
    let title = texts.fmt("end.ended_early", &[("year", &year)]);
    end_screen_shows_and_goes_to_the_debrief(&game, &texts, &title);
}

#[test]
fn every_symbol_the_board_draws_has_a_glyph_with_the_bundled_font() {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let ctx = egui::Context::default();
    ctx.add_font(FontInsert::new(
        "BIZUDPGothic",
        egui::FontData::from_static(include_bytes!("../assets/fonts/BIZUDPGothic-Regular.ttf")),
        vec![InsertFontFamily {
            family: egui::FontFamily::Proportional,
            priority: FontPriority::Highest,
        }],
    ));
    ctx.run_ui(egui::RawInput::default(), |_| {})
        .textures_delta
        .clear();
    let symbols: String = content()
        .districts()
        .iter()
        .map(|d| d.symbol.as_str())
        .chain([community_coping::ui::GLYPHS, "・（）「」、"])
        .collect();
    let font = egui::FontId::proportional(24.0);
    let missing: String = ctx.fonts_mut(|f| {
        symbols
            .chars()
            .filter(|c| !f.has_glyph(&font, *c))
            .collect()
    });
    assert!(missing.is_empty(), "no glyph for {missing:?}");
}

/// The rules' refusal, as the board words it.
fn refusal(game: &Game, texts: &Texts, e: RuleError) -> String {
    let words = LogContext::new(game.content(), texts, game.setup(), &[]);
    community_coping::i18n::rule_error(&e, &words)
}

/// Every key the board refuses says why on screen, in the rules' words.
#[test]
fn refused_keys_say_why_on_the_board() {
    // Seat 0 listens until it has no action left; one resident is known.
    let mut game = new_game(4);
    let mut known = None;
    while game.actions_left() > 0 || game.free_listens_left() > 0 {
        let r = game.hidden_in_town().next().unwrap();
        game.act(0, &Action::Listen { resident: r }).unwrap();
        known = Some(r);
    }
    let known = known.unwrap();
    let texts = Texts::load("ja");
    let no_actions = refusal(&game, &texts, RuleError::NoActionsLeft);
    let mut h = board_harness(game, "ja");
    h.key_press(Key::L);
    h.run();
    h.get_by_label(&format!("！ {}", texts.t("board.select_first")));
    click_resident(&mut h, known);
    assert!(
        h.query_by_label_contains(texts.t("board.select_first"))
            .is_none(),
        "a new choice clears the old refusal"
    );
    h.key_press(Key::P);
    h.run();
    assert_eq!(h.state().ui.prescribing(), None);
    h.get_by_label(&format!("！ {no_actions}"));
    h.key_press(Key::Num3);
    h.run();
    h.get_by_label(&format!("！ {}", texts.t("board.digit_needs_c")));
    assert!(h.state().intents.is_empty());
}

/// At the start of a turn nothing has been done: undo says so, not that
/// something was revealed or drawn.
#[test]
fn undo_at_the_start_of_a_turn_says_there_is_nothing_to_take_back() {
    let texts = Texts::load("en");
    let game = new_game(5);
    let nothing = refusal(&game, &texts, RuleError::NothingToUndo);
    let mut h = board_harness(game, "en");
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label(&format!("！ {nothing}"));
    // the next seat's turn: the last action (ending a turn) drew cards, but
    // this seat has done nothing yet
    h.state_mut().game.act(0, &Action::EndTurn).unwrap();
    h.run();
    assert!(
        h.query_by_label_contains(&nothing).is_none(),
        "the last seat's refusal goes with its turn"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label(&format!("！ {nothing}"));
    assert!(h.state().intents.is_empty());
}

/// The next seat starts with nothing selected, no dialog, no chosen cards;
/// the board never scrolls, so nothing of the last seat's view is left.
#[test]
fn the_selection_and_the_scroll_do_not_carry_over_to_the_next_seat() {
    let (game, r, cards) = prescribable();
    let mut h = board_harness_sized(game, "ja", vec2(1920.0, 1080.0));
    let top = h.get_by_label("番を終える").rect().top();
    h.get_by_label("番を終える").hover();
    h.run();
    for _ in 0..3 {
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: vec2(0.0, -200.0),
            modifiers: Modifiers::NONE,
            phase: egui::TouchPhase::Move,
        });
        h.run();
    }
    let scrolled = h.get_by_label("番を終える").rect().top();
    assert!(
        (scrolled - top).abs() < 1.0,
        "the board does not scroll: {top} → {scrolled}"
    );
    h.state_mut().ui.open_prescribe(r);
    h.run();
    h.key_press(Key::Num1);
    h.run();
    assert!(
        !h.state().ui.chosen().is_empty(),
        "a card is chosen: {cards:?}"
    );
    assert_eq!(h.state().ui.selected(), Some(r));
    h.state_mut().game.act(0, &Action::EndTurn).unwrap();
    h.run();
    let ui = &h.state().ui;
    assert_eq!(ui.selected(), None);
    assert_eq!(ui.prescribing(), None);
    assert!(ui.chosen().is_empty());
    assert!(!ui.is_connecting());
    let again = h.get_by_label("番を終える").rect().top();
    assert!(
        (again - top).abs() < 1.0,
        "back at the top: {top} vs {again}"
    );
}

/// What the rules report is shown moving: a listen turns the card over; any
/// key skips; with reduced motion nothing moves; a reopened board does not
/// replay the game's history.
#[test]
fn changes_animate_unless_motion_is_reduced_and_a_key_skips_them() {
    for motion in [true, false] {
        let game = new_game(6);
        let opening = game.opening_events().to_vec();
        let r = game.hidden_in_town().next().unwrap();
        let mut h = board_harness(game, "ja");
        h.state_mut().motion = motion;
        h.state_mut().events = opening;
        h.state_mut().ui.reset(); // as a resumed session's board starts
        h.step();
        assert!(!h.state().ui.is_animating(), "history is not replayed");
        let seat = h.state().game.current_seat();
        let events = h
            .state_mut()
            .game
            .act(seat, &Action::Listen { resident: r })
            .unwrap();
        h.state_mut().events.extend(events);
        h.step();
        assert_eq!(h.state().ui.is_animating(), motion, "motion {motion}");
        h.key_press(Key::A);
        h.step();
        assert!(!h.state().ui.is_animating(), "a key skips the animation");
    }
}

#[test]
fn a_practice_game_says_so_in_the_banner() {
    for practice in [false, true] {
        let game = new_game(3);
        let texts = Texts::load("ja");
        let mut state = BoardUi::default();
        let h = Harness::builder()
            .with_size(vec2(1920.0, 1080.0))
            .build_ui(move |ui| {
                let mut view = BoardView::new(&texts);
                view.practice = practice;
                let _ = board(ui, &game, &view, &mut state);
            });
        assert_eq!(h.query_by_label("［練習］").is_some(), practice);
    }
}

/// A collapse is a short moment (a fading frame while the screen appears),
/// unless motion is reduced; either way the screen ends up fully drawn.
#[test]
fn a_collapse_is_shown_as_a_moment_unless_motion_is_reduced() {
    // Bots that only end their turns let the town collapse.
    let mut game = new_game(11);
    while !game.is_over() {
        let seat = game.current_seat();
        if game.must_release() {
            let card = game.hand(seat)[0];
            game.act(seat, &Action::Release { card }).unwrap();
        } else {
            game.act(seat, &Action::EndTurn).unwrap();
        }
    }
    assert!(matches!(game.outcome(), Some(Outcome::Collapsed { .. })));
    for motion in [true, false] {
        let texts = Texts::load("ja");
        let g = game.clone();
        // Frames a millisecond apart: the moment is still running.
        let mut h = Harness::builder()
            .with_size(vec2(1920.0, 1080.0))
            .with_step_dt(0.001)
            .build_ui(move |ui| {
                let mut view = BoardView::new(&texts);
                view.motion = motion;
                let _ = game_end(ui, &g, &view);
            });
        h.step();
        let red_frame = h.output().shapes.iter().any(|c| match &c.shape {
            egui::Shape::Rect(r) => {
                let s = r.stroke.color;
                r.stroke.width >= 10.0 && s.r() > 100 && s.g() < 40
            }
            _ => false,
        });
        assert_eq!(red_frame, motion, "motion {motion}");
        h.get_by_label("ふりかえりへ");
    }
}

// ── Link work: visit, case conference, passing, creating ──

/// The board's test deck with every rule of link work on.
fn link_content() -> Arc<Content> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/linkwork-ui");
    let loaded = community_coping::content::load_dir(std::path::Path::new(dir))
        .expect("the link-work test deck validates");
    assert!(loaded.content.link_work());
    Arc::new(loaded.content)
}

fn link_game(seed: u64) -> Game {
    let c = link_content();
    let setup = Setup::standard(&c, 4, SeatKind::Human, "standard", seed);
    Game::new(c, setup).expect("a standard game sets up")
}

/// A deck without link work: the small fixture deck of the rule tests.
fn plain_game() -> Game {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini");
    let c = Arc::new(
        community_coping::content::load_dir(std::path::Path::new(dir))
            .expect("the mini deck validates")
            .content,
    );
    assert!(!c.link_work());
    let setup = Setup::standard(&c, 2, SeatKind::Human, "standard", 1);
    Game::new(c, setup).expect("a mini game sets up")
}

/// Seat 0 listens to a hidden resident who needs trust; returns the game and them.
fn listened_to_someone_wary() -> (Game, ResidentId) {
    for seed in 0..200 {
        let mut game = link_game(seed);
        let wary = game
            .hidden_in_town()
            .find(|r| game.content().resident(*r).trust > 0);
        if let Some(r) = wary {
            game.act(0, &Action::Listen { resident: r }).unwrap();
            if game.actions_left() > 0 {
                return (game, r);
            }
        }
    }
    panic!("no seed has a hidden resident who needs trust");
}

#[test]
fn link_work_controls_show_only_in_decks_that_have_link_work() {
    let labels = |game: &Game| {
        let h = board_harness(game.clone(), "ja");
        [
            "寄り添う",
            "ケース会議（行動2）",
            "カードを渡す（行動1）",
            "創る [1]",
        ]
        .map(|l| h.query_by_label(l).is_some())
    };
    assert_eq!(
        labels(&plain_game()),
        [false; 4],
        "the old board is unchanged"
    );
    assert_eq!(labels(&link_game(1)), [true; 4]);
    let h = board_harness(link_game(1), "en");
    for l in [
        "Visit",
        "Case conference (2 actions)",
        "Pass a card (1 action)",
        "Create [1]",
    ] {
        h.get_by_label(l);
    }
    h.get_by_label_contains("0 ties (0 informal)");
}

#[test]
fn visit_is_enabled_for_a_wary_resident_and_a_refused_visit_says_why() {
    let (game, r) = listened_to_someone_wary();
    let texts = Texts::load("ja");
    let needs_trust = refusal(&game, &texts, RuleError::NeedsTrust { left: 2 });
    let mut h = board_harness(game, "ja");
    assert!(disabled(&h, "寄り添う"), "no one is selected yet");
    click_resident(&mut h, r);
    h.get_by_label_contains("信頼 ○○（あと2回訪ねる）");
    assert!(!disabled(&h, "寄り添う"));
    h.key_press(Key::P);
    h.run();
    assert_eq!(h.state().ui.prescribing(), None, "trust comes first");
    h.get_by_label(&format!("！ {needs_trust}"));
    h.get_by_label("寄り添う").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Visit { resident: r })]
    );
    // Once visited this turn, V is refused with the rules' reason.
    let seat = h.state().game.current_seat();
    h.state_mut()
        .game
        .act(seat, &Action::Visit { resident: r })
        .unwrap();
    h.run();
    h.get_by_label_contains("信頼 ●○（あと1回訪ねる）");
    assert!(disabled(&h, "寄り添う"));
    h.key_press(Key::V);
    h.run();
    let again = refusal(&h.state().game, &texts, RuleError::VisitedThisTurn);
    h.get_by_label(&format!("！ {again}"));
    assert_eq!(h.state().intents.len(), 1);
}

/// A game, played by bots on the link-work deck, where the current seat
/// can hold a case conference for `r` and some pooled cards fit no set.
fn conference_ready() -> (Game, ResidentId) {
    for seed in 0..40 {
        let mut game = link_game(seed);
        let mut bots: Vec<Bot> = (0..4)
            .map(|s| Bot::new(BotKind::Heuristic, seed, s))
            .collect();
        for _ in 0..600 {
            if game.is_over() {
                break;
            }
            let seat = game.current_seat();
            if game.actions_left() >= 2 && !game.must_release() {
                let pool = game.pooled_hands();
                for r in game.revealed_in_town().collect::<Vec<_>>() {
                    let sets = game.conferences(seat, r);
                    let outside = pool.iter().any(|c| sets.iter().all(|s| !s.contains(c)));
                    if !sets.is_empty() && outside {
                        return (game, r);
                    }
                }
            }
            let action = bots[seat].choose(&game, seat);
            game.act(seat, &action).unwrap();
        }
    }
    panic!("no game reached a case conference with cards left out");
}

#[test]
fn the_conference_dialog_lists_only_cards_of_legal_sets_and_yields_the_set() {
    let (game, r) = conference_ready();
    let seat = game.current_seat();
    let sets = game.conferences(seat, r);
    let pool = game.pooled_hands();
    let listed: Vec<ConnectionId> = pool
        .iter()
        .copied()
        .filter(|c| sets.iter().any(|s| s.contains(c)))
        .collect();
    let name = |c: ConnectionId| game.content().connection(c).name.get("ja").to_owned();
    let mut h = board_harness(game.clone(), "ja");
    click_resident(&mut h, r);
    h.get_by_label("ケース会議（行動2）").click();
    h.run();
    assert_eq!(h.state().ui.conferring(), Some(r));
    // Exactly the cards of some legal set have a box, numbered in pooled order.
    let boxes: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::CheckBox)
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(boxes.len(), listed.len(), "{boxes:?}");
    assert!(listed.len() < pool.len(), "some pooled card fits no set");
    for (k, (c, label)) in listed.iter().zip(&boxes).enumerate() {
        let start = format!("[{}] {} ", k + 1, name(*c));
        assert!(label.starts_with(&start), "{label:?} is not {start:?}");
    }
    assert!(disabled(&h, "会議でつなぐ"), "nothing picked yet");
    // Pick the first legal set with the number keys, then confirm.
    let set = &sets[0];
    for c in set {
        let k = listed.iter().position(|l| l == c).unwrap();
        if k < 9 {
            h.key_press(DIGIT_KEYS[k]);
        } else {
            h.get_by_label_contains(&format!("[{}] ", k + 1)).click();
        }
        h.run();
    }
    assert!(!disabled(&h, "会議でつなぐ"));
    h.get_by_label("会議でつなぐ").click();
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Conference {
            resident: r,
            cards: set.clone(),
        })]
    );
    assert_eq!(h.state().ui.conferring(), None);
    assert!(
        game.check(seat, &h.state().intents[0].clone().act())
            .is_ok()
    );
}

const DIGIT_KEYS: [Key; 9] = [
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

trait ActOf {
    fn act(self) -> Action;
}

impl ActOf for Intent {
    fn act(self) -> Action {
        match self {
            Intent::Act(a) => a,
            Intent::Undo => panic!("not an action"),
        }
    }
}

#[test]
fn passing_picks_a_card_then_a_seat_and_a_full_hand_says_why() {
    // Bots play until the current seat could pass to one seat but not to
    // another whose hand is full.
    let (game, full, open) = (0..40)
        .find_map(|seed| {
            let mut game = link_game(seed);
            let mut bots: Vec<Bot> = (0..4)
                .map(|s| Bot::new(BotKind::Heuristic, seed, s))
                .collect();
            for _ in 0..600 {
                if game.is_over() {
                    return None;
                }
                let seat = game.current_seat();
                if let Some(&card) = game.hand(seat).first() {
                    let verdict = |to: usize| game.check(seat, &Action::Pass { card, to });
                    let others = (0..4).filter(|s| *s != seat);
                    let full = others
                        .clone()
                        .find(|to| verdict(*to) == Err(RuleError::RecipientHandFull(*to)));
                    let open = others.clone().find(|to| verdict(*to).is_ok());
                    if let (Some(full), Some(open)) = (full, open) {
                        return Some((game, full, open));
                    }
                }
                let action = bots[seat].choose(&game, seat);
                game.act(seat, &action).unwrap();
            }
            None
        })
        .expect("a seat that could pass to one seat but not to a full hand");
    let seat = game.current_seat();
    let others: Vec<usize> = (0..4).filter(|s| *s != seat).collect();
    let number = |to: usize| others.iter().position(|s| *s == to).unwrap() + 1;
    let card = game.hand(seat)[0];
    let name = game.content().connection(card).name.get("ja").to_owned();
    let texts = Texts::load("ja");
    let mut h = board_harness(game.clone(), "ja");
    h.key_press(Key::G);
    h.run();
    assert_eq!(
        h.state().ui.passing(),
        Some(None),
        "{:?}",
        h.state().ui.refusal()
    );
    // The dialog lists the hand; the number key picks the first card.
    h.get_by_label_contains(&format!("[1] {name}"));
    h.key_press(Key::Num1);
    h.run();
    assert_eq!(h.state().ui.passing(), Some(Some(card)));
    let words = LogContext::new(game.content(), &texts, game.setup(), &[]);
    let to_seat = |n: usize, s: usize| {
        texts.fmt(
            "pass.to_seat",
            &[
                ("n", &n),
                ("seat", &words.seat(s)),
                ("count", &game.hand(s).len()),
                ("limit", &game.hand_limit(s)),
            ],
        )
    };
    assert!(disabled(&h, &to_seat(number(full), full)));
    let why = refusal(&game, &texts, RuleError::RecipientHandFull(full));
    h.get_by_label(&format!("× {why}"));
    assert!(!disabled(&h, &to_seat(number(open), open)));
    h.key_press(DIGIT_KEYS[number(open) - 1]);
    h.run();
    assert_eq!(
        h.state().intents,
        vec![Intent::Act(Action::Pass { card, to: open })]
    );
    assert_eq!(h.state().ui.passing(), None);
}

#[test]
fn the_ideas_panel_shows_progress_and_create_puts_an_action_towards_an_idea() {
    let mut game = link_game(2);
    let ideas: Vec<ConnectionId> = game.open_ideas().collect();
    game.act(0, &Action::Create { idea: ideas[0] }).unwrap();
    let mut h = board_harness(game, "ja");
    h.get_by_label_contains("ふれあいサロン 1/4（");
    h.get_by_label_contains("買い物送迎ボランティア 0/3（");
    h.get_by_label("創る [1]").click();
    h.run();
    h.key_press(Key::R);
    h.run();
    assert!(h.state().ui.is_creating());
    h.key_press(Key::Num2);
    h.run();
    assert_eq!(
        h.state().intents,
        vec![
            Intent::Act(Action::Create { idea: ideas[0] }),
            Intent::Act(Action::Create { idea: ideas[1] }),
        ]
    );
    // With no action left, Create is disabled and R says why.
    let mut spent = h.state().game.clone();
    while spent.actions_left() > 0 {
        spent.act(0, &Action::Create { idea: ideas[2] }).unwrap();
    }
    let texts = Texts::load("ja");
    let why = refusal(&spent, &texts, RuleError::NoActionsLeft);
    let mut h = board_harness(spent, "ja");
    assert!(disabled(&h, "創る [1]"));
    h.key_press(Key::R);
    h.run();
    h.get_by_label(&format!("！ {why}"));
}

#[test]
fn cards_show_referrals_and_the_year_end_counts_ties_and_drifts() {
    // A referred resident's card says who referred them.
    let game = (0..200)
        .map(link_game)
        .find(|g| {
            g.content()
                .districts()
                .iter()
                .enumerate()
                .flat_map(|(d, _)| {
                    g.district_residents(community_coping::content::DistrictId::from_index(d))
                        .to_vec()
                })
                .any(|r| g.content().resident(r).referred_by.is_some())
        })
        .expect("a referred resident in some opening town");
    let h = board_harness(game, "ja");
    h.get_by_label_contains("紹介: ");
    // The year end counts the ties that year's Tied events made.
    let mut game = link_game(5);
    let mut bots: Vec<Bot> = (0..4).map(|s| Bot::new(BotKind::Heuristic, 5, s)).collect();
    let mut events = game.opening_events().to_vec();
    let mut tied = 0u32;
    loop {
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        let ev = game.act(seat, &action).unwrap();
        let ended = ev.iter().any(|e| matches!(e, Event::YearEnded { .. }));
        for e in &ev {
            if let Event::Tied { ties, .. } = e {
                tied += u32::from(*ties);
            }
        }
        events.extend(ev);
        if ended && tied > 0 {
            break;
        }
        if ended {
            tied = 0;
        }
        assert!(!game.is_over(), "no year with ties");
    }
    let summary = YearEnd::of(&events).unwrap();
    assert_eq!(summary.ties, tied);
    let texts = Texts::load("ja");
    let h = year_end_harness(&game, &summary, &texts);
    h.get_by_label_contains(&format!("この1年で結んだつながり: {tied}本"));
}
