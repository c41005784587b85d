//! Engine benchmarks: raw action throughput, whole heuristic games, and
//! loading + validating the default deck. Run with `cargo bench`.

use std::sync::Arc;

use community_coping::content::{default_content, default_sources, load};
use community_coping::rules::{BotKind, Game, Journal, SeatKind, Setup};
use community_coping::sim::{RunOptions, SimConfig, play_one, simulate};
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// A recorded 4-seat heuristic game: its starting state and actions.
fn recorded() -> (Game, Journal) {
    let c = default_content().expect("default deck");
    let setup = Setup::standard(&c, 4, SeatKind::Bot(BotKind::Heuristic), "intro", 11);
    let journal = play_one(&c, setup.clone())
        .expect("setup")
        .journal
        .expect("play_one keeps the journal");
    (Game::new(c, setup).expect("setup"), journal)
}

/// Applying already-chosen actions (one clone of the start state per pass).
#[divan::bench]
fn actions(bencher: Bencher) {
    let (start, journal) = recorded();
    bencher
        .counter(ItemsCount::new(journal.entries.len()))
        .bench_local(|| {
            let mut g = start.clone();
            for e in &journal.entries {
                let _ = black_box(g.act(e.seat, &e.action));
            }
            g
        });
}

/// One whole 4-seat heuristic game, set-up included, on one core.
#[divan::bench]
fn heuristic_game(bencher: Bencher) {
    let c = default_content().expect("default deck");
    let mut seed = 0;
    bencher.counter(ItemsCount::new(1usize)).bench_local(|| {
        seed += 1;
        let setup = Setup::standard(&c, 4, SeatKind::Bot(BotKind::Heuristic), "standard", seed);
        play_one(&c, setup)
    });
}

/// 10,000 4-seat heuristic games on all cores, folded into the summary as
/// they finish (the `simulate` command's path).
#[divan::bench(sample_count = 5, sample_size = 1)]
fn ten_thousand_games(bencher: Bencher) {
    let c: Arc<_> = default_content().expect("default deck");
    let config = SimConfig {
        games: 10_000,
        seats: 4,
        seed: 1,
        difficulty: "standard".into(),
        bot: BotKind::Heuristic,
        keep_journals: false,
    };
    bencher
        .counter(ItemsCount::new(config.games))
        .bench_local(|| simulate(&c, &config, &RunOptions::default()));
}

/// Parsing and validating the built-in deck.
#[divan::bench]
fn load_default_deck(bencher: Bencher) {
    let sources = default_sources();
    bencher.bench_local(|| load(black_box(&sources)).is_ok());
}
