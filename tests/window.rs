//! On-screen test: opens the real game window and saves a screenshot, then
//! checks the picture is not blank. Needs a display (CI runs it under
//! xvfb-run with Mesa's software Vulkan); without one it skips and says so.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

fn display_available() -> bool {
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|v| std::env::var_os(v).is_some_and(|s| !s.is_empty()))
}

fn temp_png(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("community-coping-window-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

/// Runs the game until it has saved a screenshot and quit, with a time limit.
fn screenshot(path: &PathBuf) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_community-coping"))
        .env("COMMUNITY_COPING_SCREENSHOT", path)
        .spawn()
        .expect("start the game");
    let limit = Duration::from_secs(180);
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "the game exited with {status}");
            return;
        }
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("the game did not save a screenshot within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Distinct colours and the share of the most common one.
fn colour_stats(path: &PathBuf) -> (usize, f64, (u32, u32)) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(path).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    let bytes = &buf[..info.buffer_size()];
    let px = info.color_type.samples();
    let mut counts = std::collections::BTreeMap::new();
    for p in bytes.chunks(px) {
        *counts.entry(p[..3].to_vec()).or_insert(0usize) += 1;
    }
    let total = bytes.len() / px;
    let top = counts.values().max().copied().unwrap_or(0);
    (
        counts.len(),
        top as f64 / total as f64,
        (info.width, info.height),
    )
}

#[test]
fn the_window_opens_and_draws_text() {
    if !display_available() {
        eprintln!(
            "skipping the_window_opens_and_draws_text: no display (run it under xvfb-run, as .ci/run does)"
        );
        return;
    }
    let path = temp_png("placeholder.png");
    let _ = std::fs::remove_file(&path);
    screenshot(&path);
    let (colours, top_share, (w, h)) = colour_stats(&path);
    assert!(w >= 640 && h >= 360, "tiny screenshot {w}×{h}");
    // Text antialiasing gives many shades; a blank or single-colour frame gives one.
    assert!(
        colours > 20,
        "only {colours} colours: the frame looks blank"
    );
    assert!(
        top_share < 0.995,
        "one colour covers {:.1} % of the frame",
        top_share * 100.0
    );
    println!("screenshot {}: {w}×{h}, {colours} colours", path.display());
}
