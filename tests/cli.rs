//! The command-line tool, run as a real process on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};

const BIN: &str = env!("CARGO_BIN_EXE_community-coping");

fn manifest_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn mini_dir() -> PathBuf {
    manifest_dir().join("tests/fixtures/mini")
}

/// Runs the binary from the crate root.
fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(manifest_dir())
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

/// Asserts a failed run printed exactly one line on stderr and did not panic.
#[track_caller]
fn assert_one_line_error(o: &Output) -> String {
    let err = stderr(o);
    assert!(!o.status.success(), "expected failure, got {:?}", o.status);
    assert!(!err.contains("panicked"), "panic: {err}");
    assert_eq!(err.lines().count(), 1, "stderr should be one line: {err:?}");
    assert!(err.starts_with("error"), "{err:?}");
    err
}

/// A copy of a deck in a fresh temporary directory, removed on drop.
struct TempDeck {
    dir: PathBuf,
}

impl TempDeck {
    fn copy_of(src: &Path) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "community-coping-cli-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        for entry in std::fs::read_dir(src).expect("read fixture dir") {
            let path = entry.expect("dir entry").path();
            if path.is_file() {
                std::fs::copy(&path, dir.join(path.file_name().expect("file name")))
                    .expect("copy fixture file");
            }
        }
        Self { dir }
    }

    /// Replaces the one occurrence of `from` in `file` by `to`.
    fn edit(&self, file: &str, from: &str, to: &str) {
        let path = self.dir.join(file);
        let text = std::fs::read_to_string(&path).expect("read deck file");
        assert_eq!(text.matches(from).count(), 1, "{from:?} in {file}");
        std::fs::write(&path, text.replacen(from, to, 1)).expect("write deck file");
    }

    fn path(&self) -> &str {
        self.dir.to_str().expect("temp path is UTF-8")
    }
}

impl Drop for TempDeck {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The mini deck with an unknown district on resident r-02 (residents.ron 4:36).
fn broken_deck() -> TempDeck {
    let deck = TempDeck::copy_of(&mini_dir());
    deck.edit(
        "residents.ron",
        r#"id: "r-02", district: "b""#,
        r#"id: "r-02", district: "z""#,
    );
    deck
}

// ---------------------------------------------------------------------------
// validate

#[test]
fn validate_builtin_deck() {
    let o = run(&["validate"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert!(out.lines().any(|l| l.starts_with("ok")), "{out}");
    assert!(!out.contains("error"), "{out}");
}

#[test]
fn validate_builtin_deck_json_is_an_array() {
    let o = run(&["validate", "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    assert!(v.is_array(), "{v}");
}

#[test]
fn validate_mini_prints_warnings_and_succeeds() {
    let o = run(&["validate", "tests/fixtures/mini"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert!(out.contains("warning: "), "{out}");
    assert!(
        out.contains("--> tests/fixtures/mini/scenario.ron:8:5"),
        "{out}"
    );
    assert!(
        out.lines().last().is_some_and(|l| l.starts_with("ok")),
        "{out}"
    );
}

#[test]
fn validate_broken_deck_text() {
    let deck = broken_deck();
    let o = run(&["validate", deck.path()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}{}", stderr(&o));
    assert!(
        out.contains("error: resident \"r-02\" is in unknown district \"z\""),
        "{out}"
    );
    let place = format!("--> {}/residents.ron:4:36", deck.path());
    assert!(out.contains(&place), "no {place:?} in {out}");
    assert!(
        out.contains(r#"4 |     Resident(id: "r-02", district: "z""#),
        "the source line is shown: {out}"
    );
    assert!(out.contains("= help: "), "{out}");
    assert!(out.contains("1 error(s)"), "{out}");
}

#[test]
fn validate_broken_deck_json() {
    let deck = broken_deck();
    let o = run(&["validate", deck.path(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    let items = v.as_array().expect("an array");
    assert!(!items.is_empty());
    for item in items {
        let obj = item.as_object().expect("an object");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["column", "file", "hint", "line", "message", "severity"],
            "{item}"
        );
    }
    let error = items
        .iter()
        .find(|i| i["severity"] == "error")
        .expect("an error");
    assert_eq!(
        error["file"],
        format!("{}/residents.ron", deck.path()).as_str()
    );
    assert_eq!(error["line"], 4);
    assert_eq!(error["column"], 36);
    assert!(
        error["message"]
            .as_str()
            .is_some_and(|m| m.contains("\"z\""))
    );
    assert!(error["hint"].as_str().is_some_and(|h| !h.is_empty()));
    // Warnings come along too, marked as such.
    assert!(items.iter().any(|i| i["severity"] == "warning"), "{v}");
}

#[test]
fn validate_syntax_error_points_at_ron_position() {
    let deck = TempDeck::copy_of(&mini_dir());
    deck.edit("map.ron", r#""East"}, position"#, r#""East"} position"#);
    let o = run(&["validate", deck.path()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    let place = format!("--> {}/map.ron:2:55", deck.path());
    assert!(out.contains(&place), "no {place:?} in {out}");
}

#[test]
fn validate_missing_dir_is_one_line() {
    let o = run(&["validate", "/no/such/dir"]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("/no/such/dir"), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn validate_dir_without_scenario_file() {
    let dir = TempDeck::copy_of(&manifest_dir().join("tests/fixtures/mini"));
    std::fs::remove_file(dir.dir.join("scenario.ron")).expect("remove scenario.ron");
    let o = run(&["validate", dir.path()]);
    let out = stdout(&o);
    assert_eq!(o.status.code(), Some(1), "{out}");
    assert!(out.contains("scenario.ron"), "{out}");
    assert!(!stderr(&o).contains("panicked"));
}

// ---------------------------------------------------------------------------
// simulate

#[test]
fn simulate_is_deterministic() {
    let args = ["simulate", "--games", "200", "--seats", "4", "--seed", "7"];
    let a = run(&args);
    let b = run(&args);
    assert!(a.status.success(), "{}", stderr(&a));
    assert!(b.status.success(), "{}", stderr(&b));
    assert!(!a.stdout.is_empty());
    assert_eq!(a.stdout, b.stdout, "same arguments, same bytes");
    let out = stdout(&a);
    assert!(out.contains("games:          200"), "{out}");
    assert!(out.contains("seed 7"), "{out}");
}

#[test]
fn simulate_json_report() {
    let o = run(&[
        "simulate", "--games", "60", "--seats", "3", "--seed", "3", "--format", "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("JSON output");
    for key in [
        "games",
        "wins",
        "win_rate",
        "collapse_years",
        "collapse_districts",
        "mean_resolved",
    ] {
        assert!(v.get(key).is_some(), "no {key:?} in {v}");
    }
    assert_eq!(v["games"], 60);
    let wins = v["wins"].as_u64().expect("wins is a number");
    assert!(wins <= 60);
    let rate = v["win_rate"].as_f64().expect("win_rate is a number");
    assert!((rate - wins as f64 / 60.0).abs() < 1e-9, "{v}");
    let collapses: u64 = v["collapse_years"]
        .as_object()
        .expect("collapse_years is a map")
        .values()
        .map(|n| n.as_u64().expect("a count"))
        .sum();
    let by_district: u64 = v["collapse_districts"]
        .as_object()
        .expect("collapse_districts is a map")
        .values()
        .map(|n| n.as_u64().expect("a count"))
        .sum();
    assert_eq!(collapses, by_district, "{v}");
    assert!(collapses <= 60 - wins, "{v}");
}

#[test]
fn simulate_mini_deck() {
    let o = run(&[
        "simulate",
        "tests/fixtures/mini",
        "--games",
        "30",
        "--seats",
        "2",
        "--difficulty",
        "tight",
    ]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert!(out.contains("scenario \"mini\""), "{out}");
    assert!(out.contains("difficulty tight"), "{out}");
}

#[test]
fn simulate_unknown_difficulty() {
    let o = run(&["simulate", "--games", "5", "--difficulty", "nope"]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("\"nope\""), "{err}");
    assert!(err.contains("standard"), "the known ids are listed: {err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn simulate_too_many_seats() {
    let o = run(&["simulate", "--seats", "9"]);
    let err = assert_one_line_error(&o);
    assert!(err.contains('9'), "{err}");
    assert!(stdout(&o).is_empty());
}

#[test]
fn simulate_zero_games() {
    let o = run(&["simulate", "--games", "0"]);
    assert_one_line_error(&o);
}

#[test]
fn simulate_random_bot() {
    let o = run(&["simulate", "--bot", "random", "--games", "50"]);
    let out = stdout(&o);
    assert!(o.status.success(), "{out}{}", stderr(&o));
    assert!(out.contains("random bots"), "{out}");
    assert!(out.contains("games:          50"), "{out}");
}

#[test]
fn simulate_broken_deck_fails_with_diagnostics() {
    let deck = broken_deck();
    let o = run(&["simulate", deck.path(), "--games", "5"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.contains("residents.ron:4:36"), "{err}");
    assert!(stdout(&o).is_empty());
}

// ---------------------------------------------------------------------------
// argument errors

#[test]
fn unknown_subcommand_is_one_line() {
    let o = run(&["frobnicate"]);
    let err = assert_one_line_error(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("frobnicate"), "{err}");
}

#[test]
fn unknown_flag_is_one_line() {
    let o = run(&["validate", "--colour"]);
    let err = assert_one_line_error(&o);
    assert_eq!(o.status.code(), Some(2));
    assert!(err.contains("--colour"), "{err}");
}

#[test]
fn bad_format_value_is_one_line() {
    let o = run(&["simulate", "--format", "yaml"]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("yaml"), "{err}");
}

#[test]
fn help_and_version_succeed() {
    let h = run(&["--help"]);
    assert!(h.status.success());
    let help = stdout(&h);
    assert!(
        help.contains("validate") && help.contains("simulate"),
        "{help}"
    );
    let v = run(&["--version"]);
    assert!(v.status.success());
    assert!(stdout(&v).contains(env!("CARGO_PKG_VERSION")));
}

// ---------------------------------------------------------------------------
// simulate --journals and report

/// A fresh temporary folder, removed on drop.
struct TempFolder(PathBuf);

impl TempFolder {
    fn new(what: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "community-coping-cli-{what}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        Self(dir)
    }

    fn join(&self, name: &str) -> String {
        self.0.join(name).to_str().expect("UTF-8 path").to_owned()
    }

    fn path(&self) -> &str {
        self.0.to_str().expect("UTF-8 path")
    }

    fn sessions(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(&self.0)
            .expect("read dir")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "ccsession"))
            .collect();
        files.sort();
        files
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `simulate --journals` into a fresh folder: the folder and the run's output.
fn simulated(games: &str, extra: &[&str]) -> (TempFolder, Output) {
    let dir = TempFolder::new("journals");
    let mut args = vec!["simulate", "--games", games, "--seats", "3", "--seed", "4"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--journals", dir.path()]);
    let o = run(&args);
    assert!(o.status.success(), "{}", stderr(&o));
    (dir, o)
}

#[test]
fn simulate_journals_saves_finished_bot_sessions_and_prints_the_same_report() {
    let (dir, o) = simulated("6", &[]);
    let plain = run(&["simulate", "--games", "6", "--seats", "3", "--seed", "4"]);
    assert_eq!(o.stdout, plain.stdout, "stdout is the plain run's");
    assert!(stderr(&o).contains("saved 6 session(s)"), "{}", stderr(&o));
    let files = dir.sessions();
    assert_eq!(files.len(), 6);
    let mut ids = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).expect("read session");
        let header: serde_json::Value =
            serde_json::from_str(text.lines().next().expect("header")).expect("JSON header");
        let seats = header["setup"]["seats"].as_array().expect("seats");
        assert_eq!(seats.len(), 3);
        for (i, s) in seats.iter().enumerate() {
            assert_eq!(s["name"], format!("Bot {}", i + 1));
            assert_eq!(s["kind"]["Bot"], "Heuristic");
        }
        assert!(
            text.lines()
                .last()
                .expect("lines")
                .starts_with("{\"Finished\""),
            "{f:?} ends with its outcome"
        );
        ids.push(header["session_id"].as_str().expect("id").to_owned());
    }
    ids.dedup();
    assert_eq!(ids.len(), 6, "{ids:?}");
    // the same run again: the same files apart from the creation time
    let (again, _) = simulated("6", &[]);
    let strip = |p: &Path| {
        let text = std::fs::read_to_string(p).expect("read");
        let (head, rest) = text.split_once('\n').expect("header line");
        let mut h: serde_json::Value = serde_json::from_str(head).expect("header");
        h["created"] = serde_json::Value::Null;
        format!("{h}\n{rest}")
    };
    for (a, b) in files.iter().zip(again.sessions()) {
        assert_eq!(strip(a), strip(&b));
    }
}

#[test]
fn simulate_journals_into_a_file_is_one_line() {
    let dir = TempFolder::new("journals-file");
    let file = dir.join("taken");
    std::fs::write(&file, "x").expect("write");
    let o = run(&["simulate", "--games", "2", "--journals", &file]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("not a folder"), "{err}");
    let o = run(&[
        "simulate",
        "--games",
        "2",
        "--journals",
        &format!("{file}/below"),
    ]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("cannot create the folder"), "{err}");
}

#[test]
fn report_writes_html_and_csv_and_never_overwrites_without_force() {
    let (dir, _) = simulated("12", &["--difficulty", "intro"]);
    std::fs::write(dir.0.join("broken.ccsession"), "not a session\n").expect("write");
    let out = TempFolder::new("report-out");
    let html = out.join("report.html");
    let o = run(&["report", dir.path(), "--out", &html, "--lang", "en"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("report of 12 session(s)"), "{err}");
    assert!(err.contains("broken.ccsession"), "{err}");
    let page = std::fs::read_to_string(&html).expect("the page");
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("Win rate by difficulty") && page.contains("Introductory"));
    assert!(!page.contains("http://") && !page.contains("https://"));

    let o = run(&["report", dir.path(), "--out", &html]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("--force"), "{err}");
    assert_eq!(std::fs::read_to_string(&html).expect("kept"), page);

    let o = run(&[
        "report",
        dir.path(),
        "--out",
        &html,
        "--force",
        "--format",
        "csv",
        "--pseudonymise",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = std::fs::read(&html).expect("csv");
    assert!(csv.starts_with("\u{feff}".as_bytes()), "UTF-8 BOM");
    assert_eq!(String::from_utf8(csv).expect("UTF-8").lines().count(), 13);
}

#[test]
fn report_to_stdout_is_deterministic() {
    let (dir, _) = simulated("5", &[]);
    for format in ["html", "csv"] {
        let a = run(&["report", dir.path(), "--format", format]);
        let b = run(&["report", dir.path(), "--format", format]);
        assert!(a.status.success(), "{}", stderr(&a));
        assert!(!a.stdout.is_empty());
        assert_eq!(a.stdout, b.stdout, "{format}: same folder, same bytes");
    }
}

#[test]
fn report_bad_arguments_are_one_line() {
    let o = run(&["report", "no/such/folder"]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("no/such/folder"), "{err}");
    let dir = TempFolder::new("report-args");
    let o = run(&["report", dir.path(), "--scenario", "no/such/deck"]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("scenario"), "{err}");
    let broken = broken_deck();
    let o = run(&["report", dir.path(), "--scenario", broken.path()]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("validate"), "{err}");
    let o = run(&["report", dir.path(), "--out", dir.path()]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("folder"), "{err}");
    let o = run(&["report", dir.path(), "--format", "pdf"]);
    assert_one_line_error(&o);
}

// ---------------------------------------------------------------------------
// export --out, and a reader that stops early

#[test]
fn export_out_a_folder_says_so_and_no_out_error_names_the_data_folder() {
    let (dir, _) = simulated("1", &[]);
    let session = dir.sessions().remove(0);
    let session = session.to_str().expect("UTF-8 path");
    for format in ["html", "md", "csv", "json"] {
        let o = run(&["export", session, "--format", format, "--out", dir.path()]);
        let err = assert_one_line_error(&o);
        assert!(
            err.contains("is a folder") && err.contains("give a file name"),
            "{err}"
        );
        assert!(
            err.contains(&format!(".{format}")),
            "an example name: {err}"
        );
        assert!(!err.contains("--force"), "{err}");
        assert!(!err.contains("COMMUNITY_COPING_DATA_DIR"), "{err}");
    }
    // a folder that cannot be made: a file is in the way
    let blocker = dir.join("taken");
    std::fs::write(&blocker, "x").expect("write");
    let o = run(&[
        "export",
        session,
        "--format",
        "html",
        "--out",
        &format!("{blocker}/below/page.html"),
    ]);
    let err = assert_one_line_error(&o);
    assert!(err.contains("--out"), "{err}");
    assert!(!err.contains("COMMUNITY_COPING_DATA_DIR"), "{err}");
    // the report's --out says the same
    let o = run(&[
        "report",
        dir.path(),
        "--out",
        &format!("{blocker}/below/r.html"),
    ]);
    let err = assert_one_line_error(&o);
    assert!(
        err.contains("--out") && !err.contains("COMMUNITY_COPING_DATA_DIR"),
        "{err}"
    );
}

/// Runs the binary with its standard output a pipe whose reading end is
/// already closed, as `… | head` is once head has read enough: every write
/// fails with a broken pipe.
fn into_closed_pipe(args: &[&str]) -> Output {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    Command::new(BIN)
        .args(args)
        .current_dir(manifest_dir())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("the binary runs")
}

#[test]
fn a_reader_that_stops_early_ends_every_command_quietly() {
    let broken = broken_deck();
    let (dir, _) = simulated("2", &[]);
    let session = dir.sessions().remove(0);
    let session = session.to_str().expect("UTF-8 path");
    let out = dir.join("page.html");
    let runs: Vec<Vec<&str>> = vec![
        vec!["validate"],
        vec!["validate", broken.path()],
        vec!["validate", broken.path(), "--format", "json"],
        vec!["simulate", "--games", "3", "--seats", "3", "--seed", "1"],
        vec!["simulate", "--games", "3", "--format", "json"],
        vec!["report", dir.path()],
        vec!["report", dir.path(), "--format", "csv", "--pseudonymise"],
        vec!["export", session, "--format", "json", "--out", "-"],
        vec!["export", session, "--format", "html", "--out", &out],
        vec!["--help"],
        vec!["export", "--help"],
        vec!["--version"],
    ];
    for args in runs {
        let o = into_closed_pipe(&args);
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert!(!err.contains("Broken pipe"), "{args:?}: {err}");
        assert_eq!(o.status.code(), Some(0), "{args:?}: {err}");
    }
}

#[test]
fn a_reader_that_reads_a_little_then_stops_ends_the_command_quietly() {
    use std::io::Read as _;
    let (dir, _) = simulated("2", &[]);
    let session = dir.sessions().remove(0);
    // the JSON export is far bigger than a pipe holds, so the program is
    // still writing when the reader goes
    let mut child = Command::new(BIN)
        .args([
            "export",
            session.to_str().expect("UTF-8"),
            "--format",
            "json",
            "--out",
            "-",
        ])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut head = [0u8; 16];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut head)
        .expect("the first bytes");
    assert_eq!(&head[..1], b"{");
    let o = child.wait_with_output().expect("it ends");
    let err = stderr(&o);
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(o.status.code(), Some(0), "{err}");
}

/// Opening the game where there is no display gives one line saying what is
/// missing and how to fix it (a build without the game window says that
/// instead), never a panic with a backtrace.
#[test]
fn the_game_without_a_display_says_so_in_one_line() {
    let data = std::env::temp_dir().join(format!("cc-cli-nodisplay-{}", std::process::id()));
    let o = Command::new(env!("CARGO_BIN_EXE_community-coping"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env("COMMUNITY_COPING_DATA_DIR", &data)
        .output()
        .unwrap();
    let _ = std::fs::remove_dir_all(&data);
    let err = assert_one_line_error(&o);
    if cfg!(feature = "app") {
        assert!(err.contains("DISPLAY") && err.contains("xvfb-run"), "{err}");
    }
}

/// A bad `--window` size, or `--window` with `--fullscreen`, is one line
/// before any window opens.
#[test]
fn bad_window_choices_are_one_line() {
    for args in [
        &["--window", "10x10"][..],
        &["--window", "wide"][..],
        &["--window", "1280x720", "--fullscreen"][..],
    ] {
        let o = run(args);
        let err = assert_one_line_error(&o);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {err}");
    }
}
