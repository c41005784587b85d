//! Balance guard: the heuristic bot's win rates on the default deck keep the
//! presets in order and near their targets (the README reports the figures
//! from 10,000-game runs; this smaller run only catches big regressions).
//! Homes are drawn per game from its seed, as `simulate` does.

use community_coping::bots::{Lesson, Lessons};
use community_coping::content::default_content;
use community_coping::rules::BotKind;
use community_coping::sim::{RunOptions, SimConfig, simulate};

fn win_rate(difficulty: &str) -> f64 {
    let c = default_content().unwrap();
    let config = SimConfig {
        games: 600,
        seats: 4,
        seed: 2026,
        difficulty: difficulty.into(),
        bot: BotKind::Heuristic,
        keep_journals: false,
    };
    let r = simulate(&c, &config, &RunOptions::default()).unwrap();
    // a win rate means something only if every game was played out
    assert_eq!((r.refused, r.cut_off), (0, 0), "{difficulty}: {r:?}");
    r.win_rate
}

#[test]
fn presets_stay_in_order_and_near_their_targets() {
    let intro = win_rate("intro");
    let standard = win_rate("standard");
    let challenge = win_rate("challenge");
    assert!(
        intro > standard && standard > challenge,
        "{intro} {standard} {challenge}"
    );
    assert!((0.55..=0.88).contains(&intro), "intro {intro}");
    assert!((0.18..=0.50).contains(&standard), "standard {standard}");
    assert!((0.03..=0.25).contains(&challenge), "challenge {challenge}");
}

/// The standard preset's win rate with the heuristic bots playing by every
/// lesson, and without `lessons`, over the same games.
fn lesson_worth(lessons: &[Lesson]) -> (f64, f64) {
    let c = default_content().unwrap();
    let config = SimConfig {
        games: 500,
        seats: 4,
        seed: 2026,
        difficulty: "standard".into(),
        bot: BotKind::Heuristic,
        keep_journals: false,
    };
    let with = simulate(&c, &config, &RunOptions::default()).unwrap();
    let options = RunOptions {
        lessons: Lessons::without(lessons),
        ..RunOptions::default()
    };
    let without = simulate(&c, &config, &options).unwrap();
    (with.win_rate, without.win_rate)
}

#[test]
fn working_together_and_informal_ties_are_worth_playing() {
    // the README reports 2,000-game figures (+23 and +10 points); this
    // smaller run catches a deck or bot change that loses the lessons
    let (with, alone) = lesson_worth(&[Lesson::Share, Lesson::Conference]);
    assert!(with > alone + 0.12, "share+conference: {with} vs {alone}");
    let (with, public) = lesson_worth(&[Lesson::Informal]);
    assert!(with > public + 0.04, "informal: {with} vs {public}");
}
