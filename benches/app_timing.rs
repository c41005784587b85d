//! The app's responsiveness figures, measured on the real game binary on the
//! current X display:
//!
//! - launch → first interactive frame (median of 3 launches);
//! - click → updated frame: `xdotool` clicks title ⇄ setup, start, the
//!   handoff card, resident cards on the board and End turn; each figure runs
//!   from just before `xdotool` is started to the end of rendering of the
//!   first frame that shows the click's effect;
//! - idle CPU over 10 s on the board (all threads, from `/proc`);
//! - peak RSS (`VmHWM`) after all of the above.
//!
//! The game runs with `COMMUNITY_COPING_TIMING=1` (see `src/app/timing.rs`,
//! which prints when those frames are rendered) and a fresh data folder.
//! Clicks go to fixed points of the 1920×1080 window in Japanese at UI scale
//! 1 (the defaults of a fresh data folder); if the layout changes, update
//! the points below. Run it on a display without a GPU as
//!
//! ```sh
//! xvfb-run -s "-screen 0 1920x1080x24" cargo bench --bench app_timing
//! ```
//!
//! It prints figures and asserts nothing. Without a `DISPLAY` or without
//! `xdotool` it says so and skips. `APP_TIMING_BIN=path` measures another
//! build of the game instead (it needs `src/app/timing.rs`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Points in the game window (Japanese, scale 1).
const NEW_SESSION: (u32, u32) = (960, 251);
const SETUP_BACK: (u32, u32) = (55, 917);
const SETUP_START: (u32, u32) = (235, 920);
const HANDOFF: (u32, u32) = (960, 540);
/// The first resident card of the first three districts (one each at the start).
const CARDS: [(u32, u32); 3] = [(200, 660), (610, 660), (1010, 660)];
/// The first seat's End turn button.
const END_TURN: (u32, u32) = (1315, 133);

/// Time for hover effects to settle before a click.
const SETTLE: Duration = Duration::from_millis(1000);

fn main() {
    if !cfg!(feature = "app") {
        println!("app_timing: skipped (built without the `app` feature)");
        return;
    }
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        println!(
            "app_timing: skipped, no DISPLAY (run under xvfb-run -s \"-screen 0 1920x1080x24\")"
        );
        return;
    }
    if !Command::new("xdotool")
        .arg("version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
    {
        println!("app_timing: skipped, xdotool is not installed (apt-get install xdotool)");
        return;
    }
    if let Err(e) = measure() {
        println!("app_timing: failed: {e}");
        std::process::exit(1);
    }
}

fn measure() -> Result<(), String> {
    let mut launches = Vec::new();
    for _ in 0..2 {
        let game = Game::launch()?;
        launches.push(game.launch_ms);
        game.stop();
    }
    let mut game = Game::launch()?;
    launches.push(game.launch_ms);
    let window = game.window()?;
    // as on a desktop, where the window has the focus (Xvfb has no window manager)
    xdotool(&["windowfocus", "--sync", &window])?;
    let spawn = xdotool_overhead_ms();

    let mut clicks: Vec<(&str, Option<f64>)> = Vec::new();
    for _ in 0..5 {
        clicks.push(("title → setup", game.click(&window, NEW_SESSION)?));
        clicks.push(("setup → title", game.click(&window, SETUP_BACK)?));
    }
    clicks.push(("title → setup", game.click(&window, NEW_SESSION)?));
    clicks.push(("setup → handoff", game.click(&window, SETUP_START)?));
    clicks.push(("handoff → board", game.click(&window, HANDOFF)?));
    std::thread::sleep(Duration::from_secs(2));
    let idle = game.cpu_percent(Duration::from_secs(10));
    for _ in 0..2 {
        for card in CARDS {
            clicks.push(("select a resident", game.click(&window, card)?));
        }
    }
    clicks.push(("end turn → handoff", game.click(&window, END_TURN)?));
    clicks.push(("handoff → board", game.click(&window, HANDOFF)?));
    let rss = game.peak_rss_mb();
    let in_app = std::mem::take(&mut game.in_app);
    game.stop();

    launches.sort_by(f64::total_cmp);
    println!("app timing ({}, DISPLAY={})", binary().display(), display());
    println!(
        "  launch → first interactive frame: median {:.0} ms of {:?} (goal < 1500 ms)",
        launches[launches.len() / 2],
        launches.iter().map(|l| l.round()).collect::<Vec<_>>()
    );
    let seen: Vec<f64> = clicks.iter().filter_map(|(_, l)| *l).collect();
    let missed = clicks.len() - seen.len();
    println!(
        "  click → updated frame: {} (goal < 50 ms; includes starting xdotool, ~{spawn:.0} ms){}",
        summary(&seen),
        if missed > 0 {
            format!("; {missed} clicks showed no change")
        } else {
            String::new()
        }
    );
    let rendered: Vec<f64> = in_app.iter().map(|(all, _)| *all).collect();
    let built: Vec<f64> = in_app.iter().map(|(_, built)| *built).collect();
    println!(
        "    in the app, from reading the release to the frame rendered: {}",
        summary(&rendered)
    );
    println!(
        "    … of which building the frame (systems, egui pass, tessellation): {}",
        summary(&built)
    );
    let mut kinds: Vec<&str> = clicks.iter().map(|(k, _)| *k).collect();
    kinds.dedup();
    kinds.sort();
    kinds.dedup();
    for kind in kinds {
        let of: Vec<f64> = clicks
            .iter()
            .filter(|(k, _)| *k == kind)
            .filter_map(|(_, l)| *l)
            .collect();
        println!("    {kind}: {}", summary(&of));
    }
    match idle {
        Some(p) => println!("  idle CPU on the board over 10 s: {p:.2} % of one core (goal < 1 %)"),
        None => println!("  idle CPU on the board: not measured (no /proc)"),
    }
    match rss {
        Some(mb) => println!("  peak RSS (VmHWM): {mb:.0} MB (goal < 250 MB)"),
        None => println!("  peak RSS: not measured (no /proc)"),
    }
    Ok(())
}

/// `N=…, median … ms, max … ms`.
fn summary(values: &[f64]) -> String {
    if values.is_empty() {
        return "none".to_owned();
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    format!(
        "N={}, median {:.0} ms, max {:.0} ms",
        v.len(),
        v[v.len() / 2],
        v[v.len() - 1]
    )
}

/// The game binary: `APP_TIMING_BIN`, else the one Cargo built for this bench.
fn binary() -> PathBuf {
    std::env::var_os("APP_TIMING_BIN")
        .filter(|b| !b.is_empty())
        .map_or_else(
            || PathBuf::from(env!("CARGO_BIN_EXE_community-coping")),
            PathBuf::from,
        )
}

fn display() -> String {
    std::env::var("DISPLAY").unwrap_or_default()
}

fn unix_us() -> u128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros())
}

/// A `cc-timing` line's `key=value`.
fn field(line: &str, key: &str) -> Option<f64> {
    line.split_whitespace()
        .find_map(|w| w.strip_prefix(key)?.strip_prefix('='))
        .and_then(|v| v.parse().ok())
}

/// The game process and its `cc-timing` lines.
struct Game {
    child: Child,
    lines: Receiver<String>,
    data: PathBuf,
    launch_ms: f64,
    /// Per click, the app's own counts from reading the release to the frame
    /// rendered, and to the frame built (egui pass and tessellation done).
    in_app: Vec<(f64, f64)>,
}

impl Game {
    /// Starts the game with a fresh data folder and waits for its first
    /// interactive frame.
    fn launch() -> Result<Game, String> {
        let data = std::env::temp_dir().join(format!("cc-app-timing-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
        let launched = unix_us();
        let mut child = Command::new(binary())
            .env("COMMUNITY_COPING_TIMING", "1")
            .env("COMMUNITY_COPING_DATA_DIR", &data)
            .env_remove("COMMUNITY_COPING_SCREENSHOT")
            .env_remove("COMMUNITY_COPING_DEMO")
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot start the game: {e}"))?;
        let stderr = child.stderr.take().ok_or("no stderr")?;
        let (tx, lines) = channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(at) = line.find("cc-timing ") {
                    let _ = tx.send(line[at..].to_owned());
                }
            }
        });
        let mut game = Game {
            child,
            lines,
            data,
            launch_ms: 0.0,
            in_app: Vec::new(),
        };
        let line = game
            .wait_for("first_interactive_frame", Duration::from_secs(60))
            .ok_or("the game showed no title screen within 60 s")?;
        let at = field(&line, "unix_us").ok_or("unreadable timing line")?;
        game.launch_ms = (at - launched as f64) / 1000.0;
        Ok(game)
    }

    /// The next line naming `what`, if one comes in time.
    fn wait_for(&self, what: &str, limit: Duration) -> Option<String> {
        let deadline = Instant::now() + limit;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.split_whitespace().nth(1) == Some(what) => return Some(line),
                Ok(line) if line.contains("click_no_effect") && what == "click_frame" => {
                    return None;
                }
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// The game's window id, for `xdotool`.
    fn window(&self) -> Result<String, String> {
        let out = Command::new("xdotool")
            .args(["search", "--sync", "--name", "Community Coping"])
            .output()
            .map_err(|e| e.to_string())?;
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .next()
            .map(str::to_owned)
            .ok_or_else(|| "the game window was not found".to_owned())
    }

    /// Moves to `at`, lets hover effects settle, clicks, and returns the
    /// milliseconds until the frame showing the effect was rendered.
    fn click(&mut self, window: &str, at: (u32, u32)) -> Result<Option<f64>, String> {
        let (x, y) = (at.0.to_string(), at.1.to_string());
        xdotool(&["mousemove", "--sync", "--window", window, &x, &y])?;
        std::thread::sleep(SETTLE);
        while self.lines.try_recv().is_ok() {}
        let sent = unix_us();
        xdotool(&["click", "1"])?;
        let Some(line) = self.wait_for("click_frame", Duration::from_secs(10)) else {
            return Ok(None);
        };
        if let (Some(all), Some(built)) = (field(&line, "release_ms"), field(&line, "built_ms")) {
            self.in_app.push((all, built));
        }
        Ok(field(&line, "unix_us").map(|at| (at - sent as f64) / 1000.0))
    }

    /// CPU used by all the game's threads over `span`, in % of one core.
    fn cpu_percent(&self, span: Duration) -> Option<f64> {
        let before = cpu_ns(self.child.id())?;
        let start = Instant::now();
        std::thread::sleep(span);
        let used = cpu_ns(self.child.id())?.saturating_sub(before);
        Some(used as f64 / start.elapsed().as_nanos() as f64 * 100.0)
    }

    fn peak_rss_mb(&self) -> Option<f64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        let kb = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))?
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse::<f64>()
            .ok()?;
        Some(kb / 1024.0)
    }

    fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.data);
    }
}

/// Nanoseconds on CPU of all threads of `pid`: `/proc/PID/task/*/schedstat`,
/// else (kernels without it) utime + stime from `/proc/PID/stat` in ticks.
fn cpu_ns(pid: u32) -> Option<u64> {
    let dir = Path::new("/proc").join(pid.to_string());
    let mut total = None;
    for task in std::fs::read_dir(dir.join("task")).ok()?.flatten() {
        let Ok(stat) = std::fs::read_to_string(task.path().join("schedstat")) else {
            continue;
        };
        let ns = stat.split_whitespace().next()?.parse::<u64>().ok()?;
        total = Some(total.unwrap_or(0) + ns);
    }
    total.or_else(|| {
        let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
        // the fields after the parenthesised command: utime is the 12th, stime the 13th
        let rest = stat.rsplit_once(')')?.1;
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
        Some(ticks * 10_000_000) // USER_HZ is 100 on Linux
    })
}

fn xdotool(args: &[&str]) -> Result<(), String> {
    let status = Command::new("xdotool")
        .args(args)
        .status()
        .map_err(|e| format!("xdotool: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("xdotool {} failed", args.join(" ")))
    }
}

/// How long starting and running a trivial `xdotool` takes (median of 5).
fn xdotool_overhead_ms() -> f64 {
    let mut times: Vec<f64> = (0..5)
        .map(|_| {
            let start = Instant::now();
            let _ = Command::new("xdotool")
                .arg("getmouselocation")
                .stdout(Stdio::null())
                .status();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
