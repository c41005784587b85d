//! The app's responsiveness figures, measured on the real game binary on the
//! current X display, at a 1920×1080 and a 1280×720 window (the game's
//! `--window WxH`):
//!
//! - launch → first interactive frame (median of 3 launches);
//! - click → updated frame, per interaction (title ⇄ setup, start, the
//!   handoff card, resident cards on the board, an offer card's Connect,
//!   End turn): how many clicks, the median and the worst case. Each figure
//!   runs from just before `xdotool` is started to the end of rendering of
//!   the first frame that shows the click's effect;
//! - idle CPU over 10 s on the board (all threads, from `/proc`);
//! - peak RSS (`VmHWM`) after all of the above.
//!
//! The game runs with `COMMUNITY_COPING_TIMING=1` (see `src/app/timing.rs`,
//! which prints when those frames are rendered) and a fresh data folder
//! (Japanese, UI scale 1). It finds what to click by name, not by fixed
//! points: with timing on the game also prints `cc-timing targets` lines
//! with where each named thing was drawn (`src/app/timing_targets.rs`, from
//! `crate::ui::targets`), in window pixels, whenever they move; the bench
//! clicks the centre of the latest place of the target it wants, so a
//! layout change does not break it. The three resident cards are the first
//! ones drawn in three different districts. Run it on a display without a
//! GPU as
//!
//! ```sh
//! xvfb-run -a -s "-screen 0 1920x1080x24" cargo bench --bench app_timing
//! ```
//!
//! It prints figures and asserts nothing. Without a `DISPLAY` or without
//! `xdotool` it says so and skips; a target that never shows is one line
//! naming it. `APP_TIMING_BIN=path` measures another build of the game
//! instead (it needs `src/app/timing.rs` with the targets lines, and
//! `--window`).

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The window sizes measured: the design canvas and a common projector.
const WINDOWS: [(u32, u32); 2] = [(1920, 1080), (1280, 720)];

/// Time for hover effects to settle before a click.
const SETTLE: Duration = Duration::from_millis(1000);

/// Time for a new screen's layout to settle before its targets are read.
const LAYOUT: Duration = Duration::from_millis(300);

/// How long a wanted target may take to appear.
const TARGET_WAIT: Duration = Duration::from_secs(10);

fn main() {
    if !cfg!(feature = "app") {
        println!("app_timing: skipped (built without the `app` feature)");
        return;
    }
    if std::env::var_os("DISPLAY").is_none_or(|d| d.is_empty()) {
        println!(
            "app_timing: skipped, no DISPLAY (run under xvfb-run -a -s \"-screen 0 1920x1080x24\")"
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
    println!("app timing ({}, DISPLAY={})", binary().display(), display());
    for size in WINDOWS {
        if let Err(e) = measure(size) {
            println!("app_timing: failed at a {}x{} window: {e}", size.0, size.1);
            std::process::exit(1);
        }
    }
}

/// One interaction's clicks: its name and, per click, the milliseconds to
/// the updated frame (`None`: the click showed no change).
type Clicks = Vec<(&'static str, Option<f64>)>;

fn measure(size: (u32, u32)) -> Result<(), String> {
    let mut launches = Vec::new();
    for _ in 0..2 {
        let game = Game::launch(size)?;
        launches.push(game.launch_ms);
        game.stop();
    }
    let mut game = Game::launch(size)?;
    launches.push(game.launch_ms);
    let window = game.window()?;
    // as on a desktop, where the window has the focus (Xvfb has no window manager)
    xdotool(&["windowfocus", "--sync", &window])?;
    let spawn = xdotool_overhead_ms();

    let mut clicks: Clicks = Vec::new();
    for _ in 0..5 {
        game.switch(&mut clicks, "title → setup", &window, "new_session")?;
        game.switch(&mut clicks, "setup → title", &window, "setup_back")?;
    }
    game.switch(&mut clicks, "title → setup", &window, "new_session")?;
    game.switch(&mut clicks, "setup → handoff", &window, "setup_start")?;
    game.switch(&mut clicks, "handoff → board", &window, "handoff")?;
    std::thread::sleep(Duration::from_secs(2));
    let idle = game.cpu_percent(Duration::from_secs(10));
    let residents = game.residents_in_three_districts()?;
    for _ in 0..2 {
        for name in &residents {
            clicks.push(("select a resident", game.click(&window, name)?));
        }
    }
    for _ in 0..2 {
        clicks.push((
            "connect an offer card",
            game.click(&window, "offer_card:0")?,
        ));
    }
    game.switch(&mut clicks, "end turn → handoff", &window, "end_turn")?;
    game.switch(&mut clicks, "handoff → board", &window, "handoff")?;
    let rss = game.peak_rss_mb();
    let in_app = std::mem::take(&mut game.in_app);
    game.stop();

    launches.sort_by(f64::total_cmp);
    println!("  window {}x{}:", size.0, size.1);
    println!(
        "    launch → first interactive frame: median {:.0} ms of {:?} (goal < 1500 ms)",
        median(&launches),
        launches.iter().map(|l| l.round()).collect::<Vec<_>>()
    );
    println!(
        "    click → updated frame (goal < 50 ms; includes starting xdotool, ~{spawn:.0} ms):"
    );
    let mut kinds: Vec<&str> = Vec::new();
    for (kind, _) in &clicks {
        if !kinds.contains(kind) {
            kinds.push(kind);
        }
    }
    for kind in kinds {
        let of: Vec<Option<f64>> = clicks
            .iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, l)| *l)
            .collect();
        println!("      {kind}: {}", summary_of_clicks(&of));
    }
    let all: Vec<Option<f64>> = clicks.iter().map(|(_, l)| *l).collect();
    println!("      all clicks: {}", summary_of_clicks(&all));
    let rendered: Vec<f64> = in_app.iter().map(|(all, _)| *all).collect();
    let built: Vec<f64> = in_app.iter().map(|(_, built)| *built).collect();
    println!(
        "      in the app, from reading the release to the frame rendered: {}",
        summary(&rendered)
    );
    println!(
        "      … of which building the frame (systems, egui pass, tessellation): {}",
        summary(&built)
    );
    match idle {
        Some(p) => {
            println!("    idle CPU on the board over 10 s: {p:.2} % of one core (goal < 1 %)");
        }
        None => println!("    idle CPU on the board: not measured (no /proc)"),
    }
    match rss {
        Some(mb) => println!("    peak RSS (VmHWM): {mb:.0} MB (goal < 250 MB)"),
        None => println!("    peak RSS: not measured (no /proc)"),
    }
    Ok(())
}

/// [`summary`] of the clicks that showed their effect, plus how many did not.
fn summary_of_clicks(clicks: &[Option<f64>]) -> String {
    let seen: Vec<f64> = clicks.iter().flatten().copied().collect();
    let missed = clicks.len() - seen.len();
    if missed == 0 {
        summary(&seen)
    } else {
        format!("{}; {missed} showed no change", summary(&seen))
    }
}

/// `n=…, median … ms, worst … ms`.
fn summary(values: &[f64]) -> String {
    if values.is_empty() {
        return "none".to_owned();
    }
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    format!(
        "n={}, median {:.0} ms, worst {:.0} ms",
        v.len(),
        median(&v),
        v[v.len() - 1]
    )
}

/// The median of sorted, non-empty `v` (the mean of the middle two when
/// their number is even).
fn median(v: &[f64]) -> f64 {
    let mid = v.len() / 2;
    if v.len().is_multiple_of(2) {
        (v[mid - 1] + v[mid]) / 2.0
    } else {
        v[mid]
    }
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

/// Where each named target was drawn in the latest frame that moved one,
/// in drawing order: `x, y, w, h` in window pixels.
type Placed = Vec<(String, [f64; 4])>;

/// A `cc-timing targets NAME=x,y,w,h …` line's targets.
fn parse_targets(line: &str) -> Placed {
    line.split_whitespace()
        .skip(2)
        .filter_map(|word| {
            let (name, rect) = word.rsplit_once('=')?;
            let v: Vec<f64> = rect.split(',').filter_map(|n| n.parse().ok()).collect();
            Some((
                name.to_owned(),
                [*v.first()?, *v.get(1)?, *v.get(2)?, *v.get(3)?],
            ))
        })
        .collect()
}

/// The game process and its `cc-timing` lines.
struct Game {
    child: Child,
    /// The lines other than `targets`.
    lines: Receiver<String>,
    /// The latest `targets` line.
    placed: Arc<Mutex<Placed>>,
    /// The window's size in pixels.
    size: (u32, u32),
    data: PathBuf,
    launch_ms: f64,
    /// Per click, the app's own counts from reading the release to the frame
    /// rendered, and to the frame built (egui pass and tessellation done).
    in_app: Vec<(f64, f64)>,
}

impl Game {
    /// Starts the game with a fresh data folder and waits for its first
    /// interactive frame.
    fn launch(size: (u32, u32)) -> Result<Game, String> {
        let data = std::env::temp_dir().join(format!("cc-app-timing-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&data);
        std::fs::create_dir_all(&data).map_err(|e| e.to_string())?;
        let launched = unix_us();
        let mut child = Command::new(binary())
            .arg("--window")
            .arg(format!("{}x{}", size.0, size.1))
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
        let placed = Arc::new(Mutex::new(Placed::new()));
        let latest = Arc::clone(&placed);
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                let Some(at) = line.find("cc-timing ") else {
                    continue;
                };
                let line = &line[at..];
                if line.split_whitespace().nth(1) == Some("targets") {
                    if let Ok(mut placed) = latest.lock() {
                        *placed = parse_targets(line);
                    }
                } else {
                    let _ = tx.send(line.to_owned());
                }
            }
        });
        let mut game = Game {
            child,
            lines,
            placed,
            size,
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

    /// The latest targets drawn.
    fn placed(&self) -> Placed {
        self.placed.lock().map(|p| p.clone()).unwrap_or_default()
    }

    /// The centre of where `name` was last drawn, in window pixels, once it
    /// has been drawn (within [`TARGET_WAIT`]).
    fn centre(&self, name: &str) -> Result<(u32, u32), String> {
        let deadline = Instant::now() + TARGET_WAIT;
        loop {
            if let Some((_, [x, y, w, h])) = self.placed().iter().find(|(n, _)| n == name) {
                return Ok(((x + w / 2.0).round() as u32, (y + h / 2.0).round() as u32));
            }
            if Instant::now() > deadline {
                return Err(format!(
                    "the game drew no \"{name}\" within {} s (drawn: {}); is it a build that prints `cc-timing targets`?",
                    TARGET_WAIT.as_secs(),
                    self.placed()
                        .iter()
                        .map(|(n, _)| n.as_str())
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The centre of `target`, scrolling the mouse wheel over the middle of
    /// the window until it is inside the window (a form taller than a
    /// 1280×720 window scrolls).
    fn in_view(&self, window: &str, target: &str) -> Result<(u32, u32), String> {
        let (w, h) = self.size;
        for _ in 0..20 {
            let at = self.centre(target)?;
            if at.1 + 4 < h && at.0 + 4 < w {
                return Ok(at);
            }
            let (x, y) = ((w / 2).to_string(), (h / 2).to_string());
            xdotool(&["mousemove", "--sync", "--window", window, &x, &y])?;
            xdotool(&["click", "--repeat", "5", "5"])?;
            std::thread::sleep(LAYOUT);
        }
        let at = self.centre(target)?;
        Err(format!(
            "\"{target}\" is drawn at {},{}, outside the {w}x{h} window, and scrolling does not bring it in",
            at.0, at.1
        ))
    }

    /// The first resident card drawn in each of the first three districts
    /// that show one (fewer if fewer do).
    fn residents_in_three_districts(&self) -> Result<Vec<String>, String> {
        std::thread::sleep(LAYOUT);
        let placed = self.placed();
        let inside = |[x, y, w, h]: [f64; 4], [dx, dy, dw, dh]: [f64; 4]| {
            let (cx, cy) = (x + w / 2.0, y + h / 2.0);
            cx >= dx && cx <= dx + dw && cy >= dy && cy <= dy + dh
        };
        let mut chosen = Vec::new();
        for (_, district) in placed.iter().filter(|(n, _)| n.starts_with("district:")) {
            let first = placed
                .iter()
                .filter(|(n, _)| n.starts_with("resident:"))
                .find(|(_, r)| inside(*r, *district));
            if let Some((name, _)) = first {
                chosen.push(name.clone());
            }
            if chosen.len() == 3 {
                break;
            }
        }
        if chosen.is_empty() {
            return Err("the board drew no resident cards inside a district".to_owned());
        }
        Ok(chosen)
    }

    /// Clicks `target`, which leaves its screen, clicking again (up to
    /// twice) if a click showed no change (X servers without a window
    /// manager now and then lose a click), and adds each click to `clicks`.
    fn switch(
        &mut self,
        clicks: &mut Clicks,
        kind: &'static str,
        window: &str,
        target: &str,
    ) -> Result<(), String> {
        for _ in 0..3 {
            let took = self.click(window, target)?;
            clicks.push((kind, took));
            if took.is_some() {
                return Ok(());
            }
        }
        Err(format!(
            "three clicks on \"{target}\" ({kind}) showed no change"
        ))
    }

    /// Moves to the centre of `target`, lets hover effects settle, clicks,
    /// and returns the milliseconds until the frame showing the effect was
    /// rendered.
    fn click(&mut self, window: &str, target: &str) -> Result<Option<f64>, String> {
        std::thread::sleep(LAYOUT);
        let mut at = self.in_view(window, target)?;
        for _ in 0..3 {
            let (x, y) = (at.0.to_string(), at.1.to_string());
            xdotool(&["mousemove", "--sync", "--window", window, &x, &y])?;
            std::thread::sleep(SETTLE);
            // hovering may have moved it (a card that opens)
            let now = self.centre(target)?;
            if now == at {
                break;
            }
            at = now;
        }
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
