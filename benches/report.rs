//! The cross-session report over 500 bot sessions (goal: under 2 s), saved
//! once into a temporary folder the way `simulate --journals` saves them.
//! Run with `cargo bench --bench report`; prints the figures.

use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::Instant;

use community_coping::content::default_content;
use community_coping::i18n::Texts;
use community_coping::report::{Report, render_csv, render_html};
use community_coping::rules::BotKind;
use community_coping::session::ScenarioSource;
use community_coping::sim::{SimConfig, run_saving_sessions};
use divan::Bencher;
use divan::counter::ItemsCount;

const SESSIONS: usize = 500;

/// Removes the folder when the process ends normally.
struct Folder(PathBuf);

impl Drop for Folder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// 500 four-seat heuristic sessions over the three presets, made once.
fn sessions() -> &'static PathBuf {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = std::env::temp_dir().join(format!(
            "community-coping-report-bench-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        let content = default_content().expect("default deck");
        let started = Instant::now();
        for (i, difficulty) in ["intro", "standard", "challenge"].iter().enumerate() {
            let games = SESSIONS / 3 + usize::from(i < SESSIONS % 3);
            let config = SimConfig {
                games,
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
        println!(
            "saved {SESSIONS} bot sessions in {:.2} s",
            started.elapsed().as_secs_f64()
        );
        dir
    })
}

fn main() {
    let dir = sessions();
    let _cleanup = Folder(dir.clone());
    // one plain timing, so the figure shows without reading divan's table
    let started = Instant::now();
    let report = Report::over_dir(dir, None);
    let texts = Texts::load("ja");
    let html = render_html(&report, &texts);
    let csv = render_csv(&report, &texts);
    println!(
        "report over {} sessions ({} skipped), HTML {} KB + CSV {} KB: {:.0} ms (goal < 2000 ms)",
        report.sessions.len(),
        report.skipped.len(),
        html.len() / 1024,
        csv.len() / 1024,
        started.elapsed().as_secs_f64() * 1000.0
    );
    assert_eq!(report.sessions.len(), SESSIONS, "{:?}", report.skipped);
    divan::main();
}

/// Reading, replaying and summing 500 sessions.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn report_500_sessions(bencher: Bencher) {
    let dir = sessions();
    bencher
        .counter(ItemsCount::new(SESSIONS))
        .bench(|| Report::over_dir(dir, None));
}

/// The same, rendered to HTML and CSV.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn report_500_sessions_html_csv(bencher: Bencher) {
    let dir = sessions();
    let texts = Texts::load("ja");
    bencher.counter(ItemsCount::new(SESSIONS)).bench(|| {
        let r = Report::over_dir(dir, None);
        (render_html(&r, &texts), render_csv(&r, &texts))
    });
}
