//! The UI string tables and the readable log: both languages complete and
//! parallel, and a sentence for every engine event with nothing left unfilled.

use std::collections::BTreeSet;
use std::sync::Arc;

use community_coping::bots::Bot;
use community_coping::content::{
    AgeBand, ConnectionId, Content, DistrictId, EventId, Household, Need, ResidentId, Worry,
    default_content,
};
use community_coping::i18n::{
    LANGUAGES, LogContext, Texts, age_label, describe, describe_action, describe_all,
    household_label, is_noise, need_label, rule_error, worry_label,
};
use community_coping::rules::{
    Action, BotKind, ConnectSource, Event, Game, NeedCause, RevealCause, RuleError, SeatKind, Setup,
};

fn content() -> Arc<Content> {
    default_content().expect("the default deck validates")
}

/// `{name}` placeholders of a template.
fn placeholders(template: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        if let Some(close) = rest.find('}') {
            out.insert(rest[..close].to_owned());
            rest = &rest[close + 1..];
        }
    }
    out
}

/// Whether a text has an unfilled `{name}` or a missing-key marker.
fn assert_clean(text: &str, what: &str) {
    assert!(!text.trim().is_empty(), "{what}: empty");
    assert!(!text.contains('⟦'), "{what}: missing key in {text:?}");
    assert!(
        placeholders(text).is_empty(),
        "{what}: unfilled placeholder in {text:?}"
    );
}

#[test]
fn both_tables_load_and_have_the_same_keys() {
    let ja = Texts::load("ja");
    let en = Texts::load("en");
    assert_eq!(ja.problem(), None);
    assert_eq!(en.problem(), None);
    let ja_keys: Vec<&str> = ja.keys().collect();
    let en_keys: Vec<&str> = en.keys().collect();
    assert!(ja_keys.len() > 150, "only {} keys", ja_keys.len());
    let only_ja: Vec<_> = ja_keys.iter().filter(|k| en.get(k).is_none()).collect();
    let only_en: Vec<_> = en_keys.iter().filter(|k| ja.get(k).is_none()).collect();
    assert!(
        only_ja.is_empty() && only_en.is_empty(),
        "only in ja: {only_ja:?}\nonly in en: {only_en:?}"
    );
    for lang in LANGUAGES.map(|(code, _)| code) {
        assert_eq!(Texts::load(lang).language(), lang);
    }
}

#[test]
fn placeholders_match_and_no_value_is_empty() {
    let ja = Texts::load("ja");
    let en = Texts::load("en");
    for key in ja.keys() {
        let (j, e) = (ja.t(key), en.t(key));
        assert!(!j.trim().is_empty(), "ja {key} is empty");
        assert!(!e.trim().is_empty(), "en {key} is empty");
        assert_eq!(
            placeholders(j),
            placeholders(e),
            "placeholders of {key} differ: {j:?} / {e:?}"
        );
    }
}

#[test]
fn no_key_is_written_twice_in_a_file() {
    for lang in ["ja", "en"] {
        // the game's file and one per area, merged at load: a key once in all
        let mut seen = BTreeSet::new();
        for suffix in ["", "-debrief", "-export", "-report"] {
            let path = format!(
                "{}/assets/i18n/{lang}{suffix}.ron",
                env!("CARGO_MANIFEST_DIR")
            );
            let text = std::fs::read_to_string(&path).expect("table file");
            for line in text.lines() {
                let line = line.trim_start();
                if let Some(rest) = line.strip_prefix('"')
                    && let Some(end) = rest.find("\":")
                {
                    assert!(
                        seen.insert(rest[..end].to_owned()),
                        "{lang}: {} twice",
                        &rest[..end]
                    );
                }
            }
        }
        assert_eq!(seen.len(), Texts::load(lang).keys().count(), "{lang}");
    }
}

#[test]
fn unknown_languages_fall_back_and_missing_keys_show() {
    let t = Texts::load("fr");
    assert_eq!(t.language(), "ja");
    assert_eq!(t.t("title.quit"), Texts::load("ja").t("title.quit"));
    assert_eq!(t.t("no.such.key"), "⟦no.such.key⟧");
    assert_eq!(t.fmt("no.such.key", &[("x", &1)]), "⟦no.such.key⟧");
    let en = Texts::load("en");
    assert_eq!(
        en.fmt("handoff.next", &[("name", &"B"), ("role", &"Café owner")]),
        "Next: B (Café owner)"
    );
    assert_eq!(
        Texts::load("ja").fmt(
            "handoff.next",
            &[("name", &"B"), ("role", &"喫茶店のマスター")]
        ),
        "次は Bさん（喫茶店のマスター）の番です"
    );
    // a placeholder without a value stays visible
    assert_eq!(en.fmt("board.year", &[]), "Year {year}");
}

fn setup(content: &Content) -> Setup {
    let mut s = Setup::standard(content, 3, SeatKind::Human, "standard", 1);
    s.seats[1].name = "B".into();
    s
}

/// One event of every variant, with ids from the default deck.
fn every_event(content: &Content) -> Vec<Event> {
    let r = ResidentId::from_index(0);
    let c = ConnectionId::from_index(0);
    let d = DistrictId::from_index(0);
    let e = EventId::from_index(0);
    let at = content.coping_track()[0].at;
    let speciality = content
        .residents()
        .iter()
        .flat_map(|r| &r.needs)
        .copied()
        .find(|n| matches!(n, Need::Speciality(_)));
    let mut events = vec![
        Event::TurnStarted {
            year: 2024,
            seat: 1,
            actions: 3,
        },
        Event::ResidentArrived {
            resident: r,
            district: d,
        },
        Event::EventDrawn { event: e },
        Event::EventDeferred { event: e },
        Event::ResidentDeckEmpty,
        Event::Listened {
            seat: 1,
            resident: r,
            free: true,
        },
        Event::Listened {
            seat: 1,
            resident: r,
            free: false,
        },
        Event::Connected {
            seat: 0,
            card: c,
            source: ConnectSource::Offer,
        },
        Event::Connected {
            seat: 0,
            card: c,
            source: ConnectSource::DeckTop,
        },
        Event::OfferRefilled { card: c },
        Event::ConnectionDeckReshuffled { cards: 12 },
        Event::HandOverLimit { seat: 2, limit: 5 },
        Event::Released { seat: 2, card: c },
        Event::Prescribed {
            seat: 1,
            resident: r,
            cards: vec![c, ConnectionId::from_index(1)],
            waived: None,
            met: Vec::new(),
        },
        Event::Prescribed {
            seat: 1,
            resident: r,
            cards: vec![c],
            waived: Some(Need::Worry(Worry::Health)),
            met: Vec::new(),
        },
        Event::CopingRaised { level: 4 },
        Event::BonusUnlocked { at },
        Event::NeedGained {
            resident: r,
            need: Need::Worry(Worry::Money),
            cause: NeedCause::Escalation,
        },
        Event::ConnectionAdded { card: c },
        Event::ConnectionLost { seat: 0, card: c },
        Event::TurnEnded { seat: 0 },
        Event::YearEnded {
            year: 2024,
            loads: vec![1, 2],
            grew: Vec::new(),
        },
        Event::TownCollapsed {
            year: 2025,
            district: d,
            residents: vec![r, ResidentId::from_index(1)],
        },
        Event::TownSurvived {
            year: 2030,
            connected: 17,
        },
        Event::GameEndedEarly {
            year: 2026,
            connected: 5,
        },
        Event::Visited {
            seat: 1,
            resident: r,
            visits: 1,
            needed: 2,
        },
        Event::Visited {
            seat: 1,
            resident: r,
            visits: 2,
            needed: 2,
        },
        Event::Refused {
            seat: 1,
            resident: r,
        },
        Event::Passed {
            from: 0,
            to: 2,
            card: c,
        },
        Event::ConferenceHeld {
            seat: 0,
            resident: r,
            seats: vec![0, 2],
        },
        Event::Tied {
            resident: r,
            ties: 3,
            informal: 1,
        },
        Event::Invested {
            seat: 2,
            idea: c,
            progress: 1,
            cost: 3,
        },
        Event::ResourceFounded { idea: c },
        Event::DriftedBack {
            resident: r,
            district: d,
        },
        Event::SpilledOver {
            resident: r,
            from: d,
            to: DistrictId::from_index(1),
        },
    ];
    for cause in [
        RevealCause::Listen,
        RevealCause::ExtraReveal,
        RevealCause::Event,
        RevealCause::HomeDistrict,
        RevealCause::Referral,
    ] {
        events.push(Event::Revealed { resident: r, cause });
    }
    if let Some(need) = speciality {
        events.push(Event::NeedGained {
            resident: r,
            need,
            cause: NeedCause::Event,
        });
    }
    events
}

/// The variant's name; a new variant fails to compile here until it is covered.
fn variant(e: &Event) -> &'static str {
    match e {
        Event::TurnStarted { .. } => "TurnStarted",
        Event::ResidentArrived { .. } => "ResidentArrived",
        Event::EventDrawn { .. } => "EventDrawn",
        Event::EventDeferred { .. } => "EventDeferred",
        Event::ResidentDeckEmpty => "ResidentDeckEmpty",
        Event::Listened { .. } => "Listened",
        Event::Revealed { .. } => "Revealed",
        Event::Connected { .. } => "Connected",
        Event::OfferRefilled { .. } => "OfferRefilled",
        Event::ConnectionDeckReshuffled { .. } => "ConnectionDeckReshuffled",
        Event::HandOverLimit { .. } => "HandOverLimit",
        Event::Released { .. } => "Released",
        Event::Prescribed { .. } => "Prescribed",
        Event::CopingRaised { .. } => "CopingRaised",
        Event::BonusUnlocked { .. } => "BonusUnlocked",
        Event::NeedGained { .. } => "NeedGained",
        Event::ConnectionAdded { .. } => "ConnectionAdded",
        Event::ConnectionLost { .. } => "ConnectionLost",
        Event::TurnEnded { .. } => "TurnEnded",
        Event::YearEnded { .. } => "YearEnded",
        Event::TownCollapsed { .. } => "TownCollapsed",
        Event::TownSurvived { .. } => "TownSurvived",
        Event::GameEndedEarly { .. } => "GameEndedEarly",
        Event::Visited { .. } => "Visited",
        Event::Refused { .. } => "Refused",
        Event::Passed { .. } => "Passed",
        Event::ConferenceHeld { .. } => "ConferenceHeld",
        Event::Tied { .. } => "Tied",
        Event::Invested { .. } => "Invested",
        Event::ResourceFounded { .. } => "ResourceFounded",
        Event::DriftedBack { .. } => "DriftedBack",
        Event::SpilledOver { .. } => "SpilledOver",
    }
}

#[test]
fn every_event_has_a_sentence_in_both_languages() {
    let content = content();
    let events = every_event(&content);
    let covered: BTreeSet<&str> = events.iter().map(variant).collect();
    assert_eq!(covered.len(), 32, "a variant is missing from the samples");
    let setup = setup(&content);
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let mut ctx = LogContext::new(&content, &texts, &setup, &[]);
        ctx.year = 2024;
        let mut sentences = BTreeSet::new();
        for e in &events {
            let s = describe(e, &ctx);
            assert_clean(&s, &format!("{lang} {e:?}"));
            assert!(s.starts_with("20"), "{lang}: {s} is not dated");
            sentences.insert(s);
        }
        assert_eq!(
            sentences.len(),
            events.len(),
            "{lang}: two events read the same"
        );
        let logged = describe_all(&events, &mut ctx);
        assert_eq!(logged.len(), events.iter().filter(|e| !is_noise(e)).count());
    }
}

#[test]
fn the_listen_sentence_names_the_resident_the_seat_and_the_worry() {
    let content = content();
    let money = content
        .residents()
        .iter()
        .position(|r| r.worry == Worry::Money)
        .map(ResidentId::from_index)
        .expect("a money worry in the deck");
    let resident = content.resident(money);
    let setup = setup(&content);
    let event = Event::Listened {
        seat: 1,
        resident: money,
        free: false,
    };

    let ja = Texts::load("ja");
    let ctx = LogContext {
        year: 2024,
        ..LogContext::new(&content, &ja, &setup, &[])
    };
    let s = describe(&event, &ctx);
    let district = content.district(resident.district).name.get("ja");
    let role = content
        .role_by_key(&setup.seats[1].role)
        .map(|r| content.role(r).name.get("ja"))
        .expect("role");
    assert_eq!(
        s,
        format!(
            "2024年 Bさん（{role}）が {district}の{}の話を聴きました — お金の悩み",
            resident.name.get("ja")
        )
    );
    assert!(s.contains(worry_label(&ja, Worry::Money)));

    let en = Texts::load("en");
    let ctx = LogContext {
        year: 2024,
        ..LogContext::new(&content, &en, &setup, &[])
    };
    let s = describe(&event, &ctx);
    assert!(s.starts_with("2024: B ("), "{s}");
    assert!(
        s.contains(resident.name.get("en")) && s.ends_with("a worry about money"),
        "{s}"
    );

    // the table's own name for the district replaces the deck's
    let mut relabels = vec![None; content.districts().len()];
    relabels[resident.district.index()] = Some("東地区".to_owned());
    let ctx = LogContext {
        year: 2024,
        ..LogContext::new(&content, &ja, &setup, &relabels)
    };
    let s = describe(&event, &ctx);
    assert!(s.contains("東地区の") && !s.contains(district), "{s}");
}

#[test]
fn a_whole_bot_game_reads_cleanly() {
    let content = content();
    let setup = Setup::standard(
        &content,
        4,
        SeatKind::Bot(BotKind::Heuristic),
        "standard",
        77,
    );
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let mut ctx = LogContext::new(&content, &texts, &setup, &[]);
        let mut game = Game::new(Arc::clone(&content), setup.clone()).expect("setup");
        let mut bots: Vec<Bot> = (0..4)
            .map(|s| Bot::new(BotKind::Heuristic, 77, s))
            .collect();
        let mut lines = describe_all(game.opening_events(), &mut ctx);
        while !game.is_over() {
            let seat = game.current_seat();
            let action = bots[seat].choose(&game, seat);
            assert_clean(&describe_action(&action, &ctx), "action");
            let events = game.act(seat, &action).expect("legal");
            lines.extend(describe_all(&events, &mut ctx));
        }
        assert!(lines.len() > 50);
        for l in &lines {
            assert_clean(l, lang);
        }
    }
}

#[test]
fn labels_actions_and_rule_errors_are_complete() {
    let content = content();
    let setup = setup(&content);
    let households = [
        Household::LivingAlone,
        Household::Couple,
        Household::ElderlyCouple,
        Household::SingleParent,
        Household::YoungCarer,
        Household::Household8050,
        Household::WithFamily,
        Household::MultiGeneration,
        Household::SharedHouse,
    ];
    let ages = [
        AgeBand::Twenties,
        AgeBand::Thirties,
        AgeBand::Forties,
        AgeBand::Fifties,
        AgeBand::Sixties,
        AgeBand::Seventies,
        AgeBand::Eighties,
        AgeBand::Nineties,
    ];
    let errors = [
        RuleError::GameOver,
        RuleError::NoSuchSeat(7),
        RuleError::NotYourTurn {
            expected: 0,
            got: 1,
        },
        RuleError::NoActionsLeft,
        RuleError::MustReleaseFirst,
        RuleError::NothingToRelease,
        RuleError::UnknownResident,
        RuleError::ResidentNotInTown,
        RuleError::AlreadyRevealed,
        RuleError::NotRevealed,
        RuleError::CardNotOffered,
        RuleError::CardNotInHand,
        RuleError::DuplicateCard,
        RuleError::NeedsNotMet,
        RuleError::NothingToUndo,
        RuleError::CannotUndo,
    ];
    let r = ResidentId::from_index(0);
    let c = ConnectionId::from_index(0);
    let actions = [
        Action::Listen { resident: r },
        Action::Connect { card: c },
        Action::Prescribe {
            resident: r,
            cards: vec![c],
        },
        Action::Release { card: c },
        Action::EndTurn,
        Action::SkipTurn,
        Action::EndGame,
    ];
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let ctx = LogContext::new(&content, &texts, &setup, &[]);
        for w in Worry::ALL {
            assert_clean(worry_label(&texts, w), lang);
            assert_clean(&need_label(&texts, &content, Need::Worry(w)), lang);
        }
        for h in households {
            assert_clean(household_label(&texts, h), lang);
        }
        let ages: BTreeSet<String> = ages.iter().map(|a| age_label(&texts, *a)).collect();
        assert_eq!(ages.len(), 8);
        let messages: BTreeSet<String> = errors.iter().map(|e| rule_error(e, &ctx)).collect();
        assert_eq!(
            messages.len(),
            errors.len(),
            "{lang}: two errors read the same"
        );
        for m in messages.iter().chain(ages.iter()) {
            assert_clean(m, lang);
        }
        for a in &actions {
            assert_clean(&describe_action(a, &ctx), lang);
        }
        assert!(
            rule_error(
                &RuleError::NotYourTurn {
                    expected: 1,
                    got: 0
                },
                &ctx
            )
            .contains('B')
        );
    }
}

/// Placeholders that stand for a number (some keys use `residents`, `cards`,
/// `needs` or `seats` for a list instead; a list filled with "1" reads
/// harmlessly).
const COUNT_PLACEHOLDERS: [&str; 20] = [
    "count",
    "n",
    "seats",
    "sessions",
    "actions",
    "cards",
    "connected",
    "years",
    "minutes",
    "needs",
    "residents",
    "total",
    "waiting",
    "load",
    "threshold",
    "limit",
    "level",
    "at",
    "discard",
    "connections",
];

/// Words after a "1 " that end in "s" but are not plurals.
const NOT_PLURAL: [&str; 8] = ["is", "was", "has", "its", "this", "ms", "as", "plus"];

/// The "1 …s" plurals of a text ("1 players", "1 year ends"): within the
/// two words after a standalone 1.
fn one_plurals(text: &str) -> Vec<String> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut found = Vec::new();
    for (i, w) in words.iter().enumerate() {
        // "1", "(1", "with 1" — not "2021" or "1:"
        if w.trim_start_matches(['(', '[', '（']) != "1" {
            continue;
        }
        for next in words.iter().skip(i + 1).take(2) {
            if !next.starts_with(|c: char| c.is_ascii_alphabetic()) {
                break; // "1 · minutes": another phrase
            }
            let bare: String = next
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect::<String>()
                .to_lowercase();
            if bare.len() > 1 && bare.ends_with('s') && !NOT_PLURAL.contains(&bare.as_str()) {
                found.push(format!("1 {next}"));
            }
        }
    }
    found
}

#[test]
fn every_count_in_english_reads_right_for_one() {
    let en = Texts::load("en");
    let ja = Texts::load("ja");
    // the check itself finds what it should
    assert_eq!(one_plurals("1 players"), ["1 players"]);
    assert_eq!(one_plurals("after 1 year ends"), ["1 ends"]);
    assert!(one_plurals("1 player · 2021 · 1 ms per action").is_empty());
    assert!(one_plurals("Years left: 1 · minutes left: 1").is_empty());
    let ones: Vec<(&str, &dyn std::fmt::Display)> = COUNT_PLACEHOLDERS
        .iter()
        .map(|p| (*p, &1 as &dyn std::fmt::Display))
        .collect();
    let mut checked = 0;
    let mut bad = Vec::new();
    for key in en.keys().filter(|k| !k.ends_with("_one")) {
        let template = en.t(key);
        if !placeholders(template)
            .iter()
            .any(|p| COUNT_PLACEHOLDERS.contains(&p.as_str()))
        {
            continue;
        }
        checked += 1;
        let text = en.fmt_count(key, 1, &ones);
        let plurals = one_plurals(&text);
        if !plurals.is_empty() {
            bad.push(format!("{key}: {text:?} has {plurals:?}"));
        }
        // other counts keep the plural form, in both languages
        assert_eq!(en.count_key(key, 2), key);
        assert_eq!(ja.count_key(key, 0), key);
    }
    assert!(checked > 40, "only {checked} count-bearing strings");
    assert!(bad.is_empty(), "English says \"1 …s\":\n{}", bad.join("\n"));
    // the forms picked for one
    assert_eq!(
        en.fmt_count("setup.seat_count", 1, &[("count", &1)]),
        "1 player"
    );
    assert_eq!(
        en.fmt_count("setup.seat_count", 3, &[("count", &3)]),
        "3 players"
    );
    assert_eq!(ja.fmt_count("setup.seat_count", 1, &[("count", &1)]), "1人");
}

#[test]
fn log_sentences_about_one_thing_use_the_singular() {
    let content = content();
    let setup = Setup::standard(&content, 2, SeatKind::Human, "standard", 1);
    let en = Texts::load("en");
    let ctx = LogContext::new(&content, &en, &setup, &[]);
    for (event, want) in [
        (
            Event::TurnStarted {
                year: 2021,
                seat: 0,
                actions: 1,
            },
            "with 1 action",
        ),
        (
            Event::ConnectionDeckReshuffled { cards: 1 },
            "1 discarded connection was",
        ),
        (
            Event::GameEndedEarly {
                year: 2022,
                connected: 1,
            },
            "1 resident connected",
        ),
        (
            Event::TownSurvived {
                year: 2030,
                connected: 1,
            },
            "1 resident connected",
        ),
    ] {
        let s = describe(&event, &ctx);
        assert!(s.contains(want), "{s:?} lacks {want:?}");
    }
}
