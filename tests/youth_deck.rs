//! The youth deck (`scenarios/youth`, 明日見市): it loads with no errors and
//! no warnings, every text is written in Japanese and English, it uses every
//! field of link work, its residents span their 20s to their 90s, and bot
//! games on it finish without a refused action.

use std::path::PathBuf;
use std::sync::Arc;

use community_coping::content::{AgeBand, ConnectionKind, Content, Progress, Text, load_dir};
use community_coping::rules::{BotKind, SeatKind, Setup};
use community_coping::sim::{GameEnd, play_one};

fn deck_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("scenarios/youth")
}

fn youth() -> Content {
    let loaded =
        load_dir(&deck_dir()).unwrap_or_else(|e| panic!("the youth deck fails: {:?}", e.0));
    assert!(
        loaded.warnings.is_empty(),
        "the youth deck has warnings: {:?}",
        loaded.warnings
    );
    loaded.content
}

#[test]
fn loads_with_no_errors_or_warnings() {
    let c = youth();
    assert_eq!(c.id(), "youth");
    assert_eq!(c.districts().len(), 6);
    assert!(
        c.residents().len() >= 48,
        "{} residents",
        c.residents().len()
    );
    for d in c.districts() {
        let here = c
            .residents()
            .iter()
            .filter(|r| c.district(r.district).key == d.key)
            .count();
        assert!(here >= 8, "district {} has {here} residents", d.key);
    }
    assert!(c.connections().iter().filter(|k| k.in_deck).count() >= 40);
    assert_eq!(c.roles().len(), 6);
    assert!(c.events().len() >= 8);
    assert!(c.debrief_questions().len() >= 7);
}

#[test]
fn every_text_is_in_japanese_and_english() {
    let c = youth();
    assert_eq!(c.languages(), ["ja", "en"]);
    let mut texts: Vec<(String, &Text)> = vec![
        ("title".into(), c.title()),
        ("description".into(), c.description()),
    ];
    for (i, q) in c.debrief_questions().iter().enumerate() {
        texts.push((format!("debrief {i}"), q));
    }
    for u in c.coping_track() {
        texts.push((format!("unlock at {}", u.at), &u.text));
    }
    for d in c.difficulties() {
        texts.push((format!("difficulty {}", d.id), &d.name));
        texts.push((format!("difficulty {}", d.id), &d.description));
    }
    for d in c.districts() {
        texts.push((format!("district {}", d.key), &d.name));
    }
    for r in c.residents() {
        for t in [&r.name, &r.notice, &r.worry_text] {
            texts.push((format!("resident {}", r.key), t));
        }
        if let Some(t) = &r.referred_by {
            texts.push((format!("resident {} referral", r.key), t));
        }
    }
    for s in c.specialities() {
        texts.push((format!("speciality {}", s.key), &s.name));
    }
    for k in c.connections() {
        texts.push((format!("connection {}", k.key), &k.name));
        texts.push((format!("connection {}", k.key), &k.description));
    }
    for r in c.roles() {
        for t in [&r.name, &r.ability_text, &r.flavour] {
            texts.push((format!("role {}", r.key), t));
        }
    }
    for e in c.events() {
        texts.push((format!("event {}", e.key), &e.name));
        texts.push((format!("event {}", e.key), &e.text));
    }
    for (what, t) in texts {
        assert!(t.has("ja") && t.has("en"), "{what} lacks a language");
        assert_ne!(t.get("ja"), t.get("en"), "{what} is not translated");
    }
}

#[test]
fn uses_every_field_of_link_work() {
    let c = youth();
    assert!(c.link_work());
    let rs = c.residents();
    let trusting = rs.iter().filter(|r| r.trust > 0).count();
    let refusing = rs.iter().filter(|r| r.refuses_first).count();
    let referred = rs.iter().filter(|r| r.referred_by.is_some()).count();
    let overlapping = rs.iter().filter(|r| !r.overlaps.is_empty()).count();
    assert!(trusting >= 8, "{trusting} residents need trust");
    assert!(rs.iter().any(|r| r.trust >= 2), "someone needs two visits");
    assert!(refusing >= 3, "{refusing} residents refuse first");
    assert!(referred >= 6, "{referred} residents are referred");
    assert!(overlapping >= 8, "{overlapping} residents have overlaps");
    assert!(c.ideas().count() >= 5, "{} ideas", c.ideas().count());
    assert_eq!(c.progress(), Progress::Ties);
    for d in c.difficulties() {
        let p = d.params;
        assert!(p.pass_cost.is_some(), "{}: pass_cost", d.id);
        assert!(p.conference_cost.is_some(), "{}: conference_cost", d.id);
        assert!(p.relapse_after_years.is_some(), "{}: relapse", d.id);
        assert!(p.spill_over.is_some(), "{}: spill_over", d.id);
    }
    let informal = c
        .connections()
        .iter()
        .filter(|k| k.in_deck && k.kind == ConnectionKind::Informal)
        .count();
    let public = c
        .connections()
        .iter()
        .filter(|k| k.in_deck && k.kind == ConnectionKind::Public)
        .count();
    assert!(
        informal >= 15 && public >= 15,
        "{public} public, {informal} informal"
    );
}

#[test]
fn residents_span_their_twenties_to_their_nineties() {
    let c = youth();
    let ages: Vec<AgeBand> = c.residents().iter().map(|r| r.age).collect();
    for band in [AgeBand::Twenties, AgeBand::Nineties] {
        assert!(ages.contains(&band), "no resident in {band:?}");
    }
    let young = ages
        .iter()
        .filter(|a| matches!(a, AgeBand::Twenties | AgeBand::Thirties | AgeBand::Forties))
        .count();
    assert!(
        young * 4 >= ages.len() * 3,
        "a younger town: {young} of {} residents in their 20s to 40s",
        ages.len()
    );
}

#[test]
fn bot_games_finish_without_a_refused_action() {
    let c = Arc::new(youth());
    for (seed, difficulty) in [(1, "intro"), (2, "standard"), (3, "challenge")] {
        let setup = Setup::standard(&c, 4, SeatKind::Bot(BotKind::Heuristic), difficulty, seed);
        let result = play_one(&c, setup).unwrap();
        assert!(
            matches!(result.end, GameEnd::Over(_)),
            "{difficulty} game {seed} did not finish: {:?}",
            result.end
        );
        assert!(result.actions > 50, "{} actions", result.actions);
    }
}
