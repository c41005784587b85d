//! Listing 1,000 saved sessions, as the title screen does (goal: under
//! 200 ms), against decoding every record of every file (what the listing
//! did before it read only headers and scanned lines). The sessions are
//! four-seat bot games over the three presets, saved once into a temporary
//! folder. Run with `cargo bench --bench session_list`; prints the figures.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use community_coping::content::default_content;
use community_coping::rules::BotKind;
use community_coping::session::{ScenarioSource, list_sessions, load_session};
use community_coping::sim::{SimConfig, run_saving_sessions};

const SESSIONS: usize = 1_000;

/// Removes the folder when the process ends normally.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn sessions() -> Folder {
    let dir = std::env::temp_dir().join(format!(
        "community-coping-list-bench-{}",
        std::process::id()
    ));
    let _ = std::fs::remove_dir_all(&dir);
    let content = default_content().expect("default deck");
    for (i, difficulty) in ["intro", "standard", "challenge"].iter().enumerate() {
        let config = SimConfig {
            games: SESSIONS / 3 + usize::from(i < SESSIONS % 3),
            seats: 4,
            seed: 1 + i as u64,
            difficulty: (*difficulty).into(),
            bot: BotKind::Heuristic,
            keep_journals: false,
        };
        run_saving_sessions(
            &content,
            &config,
            ScenarioSource::BuiltIn("default".into()),
            &dir,
        )
        .expect("save bot sessions");
    }
    Folder(dir)
}

/// The median of five timings of `f`.
fn median(mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..5)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed()
        })
        .collect();
    times.sort();
    times[2]
}

fn main() {
    let folder = sessions();
    let dir = &folder.0;
    let bytes: u64 = std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .filter_map(|e| e.metadata().ok())
        .map(|m| m.len())
        .sum();
    let listing = list_sessions(dir);
    assert_eq!(listing.sessions.len(), SESSIONS, "{:?}", listing.skipped);
    let list = median(|| {
        std::hint::black_box(list_sessions(dir));
    });
    let decode_all = median(|| {
        for s in &listing.sessions {
            std::hint::black_box(load_session(&s.path).expect("load"));
        }
    });
    println!(
        "{SESSIONS} sessions ({} MB): list_sessions {:.0} ms (goal < 200 ms); decoding every record of every file {:.0} ms",
        bytes / (1024 * 1024),
        list.as_secs_f64() * 1e3,
        decode_all.as_secs_f64() * 1e3,
    );
}
