//! The cross-session report over a folder of real session files: bot games
//! saved as `simulate --journals` does, sessions with people, notes and
//! bookmarks, and files that must be skipped with their reason (damaged,
//! not a session, an unknown deck, another deck version).

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use community_coping::bots::Bot;
use community_coping::content::{Content, default_content, load_dir};
use community_coping::export::pseudonym;
use community_coping::i18n::Texts;
use community_coping::reflect::{Reflection, content_for};
use community_coping::report::{Report, SessionOutcome, SkipReason, render_csv, render_html};
use community_coping::rules::{BotKind, Game, Outcome, SeatKind, Setup};
use community_coping::session::{
    Record, SESSION_EXTENSION, ScenarioSource, SessionHeader, SessionWriter, load_session,
};
use community_coping::sim::{GameResult, SimConfig, run_saving_sessions};

/// A fresh temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(what: &str) -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "community-coping-report-{what}-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("create temp dir");
        Self(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn mini_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/mini")
}

fn config(games: usize, seats: usize, seed: u64, difficulty: &str) -> SimConfig {
    SimConfig {
        games,
        seats,
        seed,
        difficulty: difficulty.to_owned(),
        bot: BotKind::Heuristic,
        keep_journals: false,
    }
}

fn wins(results: &[GameResult]) -> usize {
    results
        .iter()
        .filter(|r| matches!(r.outcome(), Some(Outcome::Survived { .. })))
        .count()
}

/// A session with people: seat names, a bot seat, notes and bookmarks on
/// residents, created at `created`.
fn human_session(
    dir: &Path,
    content: &Arc<Content>,
    created: &str,
    names: &[&str],
    seed: u64,
) -> PathBuf {
    let mut setup = Setup::standard(content, names.len() + 1, SeatKind::Human, "standard", seed);
    for (seat, name) in setup.seats.iter_mut().zip(names) {
        seat.name = (*name).to_owned();
    }
    let last = setup.seats.len() - 1;
    setup.seats[last].kind = SeatKind::Bot(BotKind::Heuristic);
    setup.seats[last].name = "Bot".into();
    let mut header = SessionHeader::new(
        content,
        ScenarioSource::BuiltIn("default".into()),
        setup.clone(),
    );
    header.created = created.to_owned();
    header.session_id = format!("people-{seed}");
    let mut w = SessionWriter::create(dir, &header).expect("create session");
    let mut game = Game::new(Arc::clone(content), setup).expect("setup");
    let mut bots: Vec<Bot> = (0..game.seats().len())
        .map(|s| Bot::new(BotKind::Heuristic, seed, s))
        .collect();
    let mut notes = 0;
    while !game.is_over() {
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        game.act(seat, &action).expect("bot action is legal");
        w.append(&Record::act(seat, action, &game)).expect("append");
        if game.actions_taken().is_multiple_of(60) {
            notes += 1;
            w.append(&Record::Note {
                text: format!("note {notes} of {created}, with \"quotes\" & <tags>"),
                year: game.year(),
                seat,
                elapsed_secs: u64::from(game.actions_taken()),
            })
            .expect("note");
            // two bookmarks on the first resident, one on the second
            for key in ["r-001", "r-001", "r-002"].iter().take(1 + notes % 3) {
                w.append(&Record::Bookmark {
                    year: game.year(),
                    seat,
                    elapsed_secs: 0,
                    label: Some("later".into()),
                    resident: Some((*key).to_owned()),
                })
                .expect("bookmark");
            }
        }
    }
    w.append(&Record::finished(&game)).expect("finish");
    w.path().to_path_buf()
}

/// A copy of the session at `from` with its header line edited.
fn with_header(from: &Path, to: &Path, edit: impl FnOnce(&mut SessionHeader)) {
    let mut s = load_session(from).expect("load");
    edit(&mut s.header);
    let text = std::fs::read_to_string(from).expect("read");
    let rest = text.split_once('\n').expect("header line").1;
    let head = serde_json::to_string(&s.header).expect("encode header");
    std::fs::write(to, format!("{head}\n{rest}")).expect("write");
}

/// The folder every test reads, and what went into it.
struct Fixture {
    dir: TempDir,
    intro: Vec<GameResult>,
    challenge: Vec<GameResult>,
    mini: Vec<GameResult>,
    people: Vec<PathBuf>,
}

fn fixture() -> Fixture {
    let dir = TempDir::new("fixture");
    let content = default_content().expect("default deck");
    let builtin = ScenarioSource::BuiltIn("default".into());
    let intro = run_saving_sessions(&content, &config(8, 4, 1, "intro"), builtin.clone(), &dir.0)
        .expect("save intro games");
    let challenge = run_saving_sessions(
        &content,
        &config(8, 3, 2, "challenge"),
        builtin.clone(),
        &dir.0,
    )
    .expect("save challenge games");
    let mini_content = Arc::new(load_dir(&mini_dir()).expect("mini deck").content);
    let mini = run_saving_sessions(
        &mini_content,
        &config(3, 2, 3, "tight"),
        ScenarioSource::Directory(mini_dir()),
        &dir.0,
    )
    .expect("save mini games");
    let people = vec![
        human_session(
            &dir.0,
            &content,
            "2025-05-01T09:00:00Z",
            &["Aiko", "Ben"],
            5,
        ),
        human_session(&dir.0, &content, "2025-04-01T09:00:00Z", &["Aiko", "  "], 6),
    ];
    // files that must be skipped, each for its own reason
    let a_bot_game = first_session(&dir.0);
    let text = std::fs::read_to_string(&a_bot_game).expect("read");
    std::fs::write(
        dir.0.join("damaged.ccsession"),
        format!("{text}{{\"Act\":{{\"seat\":0,"),
    )
    .expect("write damaged");
    std::fs::write(dir.0.join("garbage.ccsession"), "not a session\n").expect("write garbage");
    with_header(&a_bot_game, &dir.0.join("kyoto.ccsession"), |h| {
        h.scenario = ScenarioSource::BuiltIn("kyoto".into());
    });
    with_header(&a_bot_game, &dir.0.join("older-deck.ccsession"), |h| {
        h.deck.content_hash = "0123456789abcdef".into();
    });
    std::fs::write(dir.0.join("readme.txt"), "not looked at").expect("write other file");
    Fixture {
        dir,
        intro,
        challenge,
        mini,
        people,
    }
}

fn first_session(dir: &Path) -> PathBuf {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == SESSION_EXTENSION))
        .filter(|p| p.to_string_lossy().contains("sim-"))
        .collect();
    files.sort();
    files.remove(0)
}

#[test]
fn counts_sessions_outcomes_and_participants() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    let bots = f.intro.len() + f.challenge.len() + f.mini.len();
    assert_eq!(r.sessions.len(), bots + f.people.len(), "{:#?}", r.skipped);
    let o = &r.outcomes;
    assert_eq!(
        o.survived + o.collapsed + o.ended_early + o.in_progress,
        r.sessions.len()
    );
    let bot_wins = wins(&f.intro) + wins(&f.challenge) + wins(&f.mini);
    let people_wins = r
        .sessions
        .iter()
        .filter(|s| s.session_id.starts_with("people-") && s.outcome == SessionOutcome::Survived)
        .count();
    assert_eq!(o.survived, bot_wins + people_wins);
    assert_eq!(
        r.collapse_years.iter().map(|(_, n)| n).sum::<usize>(),
        o.collapsed
    );
    // "Aiko" and "Ben", then "Aiko" and an unnamed seat: 4 people, 2 names
    assert_eq!(r.participants.people, 4);
    assert_eq!(r.participants.distinct_names, 2);
    assert_eq!(r.participants.sessions_with_people, 2);
    assert_eq!(r.participants.bots, 8 * 4 + 8 * 3 + 3 * 2 + 2);
    // oldest first: the session made "in April" comes before the one "in May"
    assert_eq!(r.sessions[0].session_id, "people-6");
    assert_eq!(r.sessions[1].session_id, "people-5");
    assert_eq!(r.sessions[0].date, "2025-04-01");
    assert_eq!((r.sessions[0].humans, r.sessions[0].bots), (2, 1));
}

#[test]
fn win_rate_by_difficulty_matches_the_simulator() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    let rate = |id: &str| {
        r.difficulties
            .iter()
            .find(|d| d.id == id)
            .unwrap_or_else(|| panic!("no {id} in {:?}", r.difficulties))
    };
    let intro = rate("intro");
    assert_eq!((intro.sessions, intro.decided), (8, 8));
    assert_eq!(intro.wins, wins(&f.intro));
    assert_eq!(intro.win_rate, Some(wins(&f.intro) as f64 / 8.0));
    let challenge = rate("challenge");
    assert_eq!(challenge.wins, wins(&f.challenge));
    assert_eq!(rate("tight").wins, wins(&f.mini));
    assert_eq!(rate("standard").sessions, 2);
    // the deck's order of presets: intro before standard before challenge
    let ids: Vec<&str> = r.difficulties.iter().map(|d| d.id.as_str()).collect();
    let at = |id| ids.iter().position(|x| *x == id).expect("listed");
    assert!(
        at("intro") < at("standard") && at("standard") < at("challenge"),
        "{ids:?}"
    );
}

#[test]
fn skipped_files_are_listed_with_their_reason() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    let reasons: Vec<(String, SkipReason)> = r
        .skipped
        .iter()
        .map(|s| {
            let name = s.path.file_name().expect("file name").to_string_lossy();
            (name.into_owned(), s.reason)
        })
        .collect();
    assert_eq!(
        reasons,
        vec![
            ("damaged.ccsession".into(), SkipReason::Damaged),
            ("garbage.ccsession".into(), SkipReason::Unreadable),
            ("kyoto.ccsession".into(), SkipReason::UnknownDeck),
            ("older-deck.ccsession".into(), SkipReason::DeckMismatch),
        ]
    );
    for s in &r.skipped {
        assert_eq!(s.message.lines().count(), 1, "{}", s.message);
        assert!(
            s.message
                .contains(&*s.path.file_name().unwrap().to_string_lossy()),
            "{}",
            s.message
        );
    }
    assert!(
        r.skipped[2].message.contains("--scenario"),
        "{}",
        r.skipped[2].message
    );
}

#[test]
fn tallies_districts_connections_bookmarks_and_notes() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    // two decks: the default's six districts and the mini deck's
    let default_districts: Vec<_> = r
        .districts
        .iter()
        .filter(|d| d.district.deck == "default")
        .collect();
    assert_eq!(default_districts.len(), 6);
    let collapses: usize = r.districts.iter().map(|d| d.collapses).sum();
    assert_eq!(collapses, r.outcomes.collapsed);
    for w in r.districts.windows(2) {
        assert!(w[0].collapses >= w[1].collapses, "most endangered first");
    }
    for d in &default_districts {
        assert_eq!(d.sessions, 8 + 8 + 2);
        assert!(d.mean_peak <= d.highest_load as f64);
    }
    for w in r.connections.windows(2) {
        assert!(w[0].uses >= w[1].uses, "most used first");
    }
    for c in &r.connections {
        assert_eq!(c.by_worry.iter().sum::<usize>(), c.uses);
        assert!(
            !r.never_used.contains(&c.connection),
            "{:?} is used and never used",
            c.connection.key
        );
    }
    let first = &r.bookmarked[0];
    assert_eq!(first.resident.key, "r-001");
    assert!(first.bookmarks > r.bookmarked[1].bookmarks);
    assert_eq!(first.sessions, 2);
    let notes: usize = r.sessions.iter().map(|s| s.notes).sum();
    assert!(notes > 0);
    assert_eq!(r.notes.len(), notes);
    assert!(r.notes[0].text.contains("2025-04-01"), "{:?}", r.notes[0]);
    assert!(r.notes.last().unwrap().text.contains("2025-05-01"));
    let dates: Vec<&str> = r.notes.iter().map(|n| n.created.as_str()).collect();
    assert!(dates.is_sorted(), "{dates:?}");
}

#[test]
fn the_same_folder_gives_the_same_bytes() {
    let f = fixture();
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        let a = Report::over_dir(&f.dir.0, None);
        let b = Report::over_dir(&f.dir.0, None);
        assert_eq!(a, b);
        assert_eq!(render_html(&a, &texts), render_html(&b, &texts));
        assert_eq!(render_csv(&a, &texts), render_csv(&b, &texts));
    }
}

#[test]
fn report_of_reflections_equals_the_folder_report() {
    let f = fixture();
    let from_dir = Report::over_dir(&f.dir.0, None);
    let mut reflections = Vec::new();
    for entry in std::fs::read_dir(&f.dir.0).expect("read dir") {
        let path = entry.expect("entry").path();
        let Ok(s) = load_session(&path) else { continue };
        if s.damage.is_some() {
            continue;
        }
        let Ok(content) = content_for(&s.header, None) else {
            continue;
        };
        reflections.push(Reflection::of_session(&s, content).expect("replays"));
    }
    let mut of = Report::of(&reflections);
    assert!(of.skipped.is_empty());
    of.skipped = from_dir.skipped.clone();
    assert_eq!(of, from_dir);
}

#[test]
fn html_is_self_contained_and_escaped() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    for lang in ["ja", "en"] {
        let html = render_html(&r, &Texts::load(lang));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.trim_end().ends_with("</html>"));
        for outside in [
            "http://", "https://", "src=", "href=", "url(", "@import", "<script", "<link", "<img",
        ] {
            assert!(!html.contains(outside), "{lang}: {outside} in the page");
        }
        assert!(!html.contains('⟦'), "{lang}: a missing string key");
        assert!(html.contains("&lt;tags&gt;"), "notes are escaped");
        assert!(!html.contains("<tags>"));
        assert!(html.contains("@media print") && html.contains("size: A4"));
        // every opened section and table is closed
        for tag in ["section", "table", "tr", "td", "ul"] {
            let open = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            let close = html.matches(&format!("</{tag}>")).count();
            assert_eq!(open, close, "{lang}: <{tag}> opened {open}, closed {close}");
        }
    }
}

#[test]
fn csv_has_a_bom_and_one_row_per_session() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    let csv = render_csv(&r, &Texts::load("ja"));
    let body = csv.strip_prefix('\u{feff}').expect("starts with a BOM");
    let lines: Vec<&str> = body.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), r.sessions.len() + 1);
    for l in &lines {
        // 12 columns, then 6 of link work (blank for decks without it)
        assert_eq!(l.split(',').count(), 18, "{l}");
        if *l != lines[0] {
            let link: Vec<&str> = l.split(',').skip(12).collect();
            assert!(
                link.iter().all(|x| x.is_empty()) || link.iter().all(|x| !x.is_empty()),
                "{l}"
            );
        }
    }
    let first = lines[1];
    assert!(
        first.starts_with("people-6,2025-04-01,結川町の十年,"),
        "{first}"
    );
    let en = render_csv(&r, &Texts::load("en"));
    assert!(en.contains("id,date (UTC),scenario,difficulty"), "{en}");
}

#[test]
fn another_scenario_folder_skips_sessions_of_other_decks() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, Some(&mini_dir()));
    assert_eq!(r.sessions.len(), f.mini.len());
    assert!(r.sessions.iter().all(|s| s.deck == "mini"));
    let mismatched = r
        .skipped
        .iter()
        .filter(|s| s.reason == SkipReason::DeckMismatch)
        .count();
    // every default-deck session, the kyoto copy and the edited-hash copy
    assert_eq!(mismatched, 8 + 8 + 2 + 2);
}

#[test]
fn a_missing_or_empty_folder_gives_an_empty_report() {
    let empty = TempDir::new("empty");
    let r = Report::over_dir(&empty.0, None);
    assert!(r.sessions.is_empty() && r.skipped.is_empty());
    let html = render_html(&r, &Texts::load("en"));
    assert!(html.contains("No sessions could be included"));
    let missing = Report::over_dir(&empty.0.join("nope"), None);
    assert_eq!(missing.skipped.len(), 1);
    assert_eq!(missing.skipped[0].reason, SkipReason::Unreadable);
}

#[test]
fn saved_bot_sessions_are_finished_bot_games() {
    let dir = TempDir::new("saved");
    let content = default_content().expect("default deck");
    let c = config(4, 3, 9, "standard");
    let results = run_saving_sessions(
        &content,
        &c,
        ScenarioSource::BuiltIn("default".into()),
        &dir.0,
    )
    .expect("save");
    let plain = community_coping::sim::run(&content, &c).expect("run");
    let outcomes = |rs: &[GameResult]| rs.iter().map(|r| r.outcome().cloned()).collect::<Vec<_>>();
    assert_eq!(
        outcomes(&results),
        outcomes(&plain),
        "same games as a plain run"
    );
    let mut ids = Vec::new();
    for entry in std::fs::read_dir(&dir.0).expect("read dir") {
        let s = load_session(&entry.expect("entry").path()).expect("load");
        assert!(s.damage.is_none());
        assert!(s.finished().is_some());
        let names: Vec<&str> = s
            .header
            .setup
            .seats
            .iter()
            .map(|x| x.name.as_str())
            .collect();
        assert_eq!(names, ["Bot 1", "Bot 2", "Bot 3"]);
        assert!(
            s.header
                .setup
                .seats
                .iter()
                .all(|x| x.kind == SeatKind::Bot(BotKind::Heuristic))
        );
        let content = content_for(&s.header, None).expect("deck");
        s.resume(content).expect("replays to the recorded hash");
        ids.push(s.header.session_id);
    }
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4, "{ids:?}");
    // saving the same run again in the same second refuses to overwrite
    let again = run_saving_sessions(
        &content,
        &c,
        ScenarioSource::BuiltIn("default".into()),
        &dir.0,
    );
    let created_now = std::fs::read_dir(&dir.0).expect("read dir").count();
    assert!(again.is_err() || created_now == 8);
}

/// Appends `records` to the session file at `path`.
fn append(path: &Path, records: &[Record]) {
    let mut text = std::fs::read_to_string(path).expect("read");
    for r in records {
        text.push_str(&serde_json::to_string(r).expect("encode"));
        text.push('\n');
    }
    std::fs::write(path, text).expect("write");
}

#[test]
fn a_pseudonymised_report_names_nobody_in_notes_and_local_names() {
    let dir = TempDir::new("pseudonymised");
    let content = default_content().expect("default deck");
    let typed = "花子さんと山田様、yuki と TANAKA-san";
    let mut written = Vec::new();
    for seed in [5, 6, 7, 8] {
        let path = human_session(
            &dir.0,
            &content,
            "2025-05-01T09:00:00Z",
            &["山田花子", "Tanaka Yuki"],
            seed,
        );
        append(
            &path,
            &[Record::Note {
                text: typed.into(),
                year: 2025,
                seat: 0,
                elapsed_secs: 9000,
            }],
        );
        let relabelled = path.with_file_name(format!("relabelled-{seed}.{SESSION_EXTENSION}"));
        with_header(&path, &relabelled, |h| {
            h.session_id = format!("relabelled-{seed}");
            for d in &mut h.district_relabels {
                *d = Some("花子さんの町".into());
            }
        });
        written.push(relabelled);
    }
    let plain = Report::over_dir(&dir.0, None);
    assert!(plain.notes.iter().any(|n| n.text == typed));
    assert!(
        plain.sessions.iter().any(|s| s.district_local.is_some()),
        "a session collapsed in a relabelled district"
    );
    for lang in ["ja", "en"] {
        let r = Report::over_dir_pseudonymised(&dir.0, None, lang);
        assert_eq!(r.participants, plain.participants, "people still counted");
        assert_eq!(r.sessions.len(), plain.sessions.len());
        let (a, b) = (pseudonym(0, lang), pseudonym(1, lang));
        let expected = format!("{a}さんと{a}様、{b} と {b}-san");
        assert!(
            r.notes.iter().any(|n| n.text == expected),
            "{lang}: {:?}",
            r.notes
        );
        let texts = Texts::load(lang);
        for out in [render_html(&r, &texts), render_csv(&r, &texts)] {
            for name in ["花子", "山田", "yuki", "tanaka"] {
                assert!(!out.to_lowercase().contains(name), "{lang}: {name} left");
            }
            assert!(out.contains(&format!("{a}さんの町")), "{lang}: local name");
        }
    }
}

#[test]
fn report_csv_cells_never_start_a_formula() {
    let dir = TempDir::new("formula");
    let content = default_content().expect("default deck");
    let path = human_session(&dir.0, &content, "2025-05-01T09:00:00Z", &["A"], 5);
    for (i, id) in ["@SUM(1)", "\t=1", "＋1", "-2"].iter().enumerate() {
        with_header(
            &path,
            &dir.0.join(format!("f{i}.{SESSION_EXTENSION}")),
            |h| {
                h.session_id = (*id).to_owned();
            },
        );
    }
    std::fs::remove_file(&path).expect("remove");
    let r = Report::over_dir(&dir.0, None);
    assert_eq!(r.sessions.len(), 4, "{:?}", r.skipped);
    let csv = render_csv(&r, &Texts::load("ja"));
    let ids: Vec<&str> = csv
        .split("\r\n")
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| l.split(',').next().unwrap())
        .collect();
    let mut ids = ids;
    ids.sort();
    assert_eq!(ids, ["'\t=1", "'-2", "'@SUM(1)", "'＋1"]);
}

#[cfg(unix)]
#[test]
fn links_loops_folders_and_fifos_are_listed_not_followed_for_ever() {
    use std::os::unix::fs::symlink;
    let dir = TempDir::new("links");
    let content = default_content().expect("default deck");
    let good = human_session(&dir.0, &content, "2025-05-01T09:00:00Z", &["A"], 5);
    let d = &dir.0;
    symlink(&good, d.join("alias.ccsession")).expect("a good link");
    symlink(d.join("nowhere.ccsession"), d.join("dangling.ccsession")).expect("dangling");
    symlink(d.join("loop-b.ccsession"), d.join("loop-a.ccsession")).expect("loop a");
    symlink(d.join("loop-a.ccsession"), d.join("loop-b.ccsession")).expect("loop b");
    std::fs::create_dir(d.join("folder.ccsession")).expect("folder");
    let _socket = std::os::unix::net::UnixListener::bind(d.join("socket.ccsession"));
    let fifo = std::process::Command::new("mkfifo")
        .arg(d.join("fifo.ccsession"))
        .status()
        .is_ok_and(|s| s.success());
    let r = Report::over_dir(d, None);
    assert_eq!(r.sessions.len(), 2, "the file and the good link to it");
    let mut listed: Vec<(String, SkipReason, &str)> = r
        .skipped
        .iter()
        .map(|s| {
            let name = s.path.file_name().unwrap().to_string_lossy().into_owned();
            (name, s.reason, s.message.as_str())
        })
        .collect();
    listed.retain(|(name, ..)| name != "socket.ccsession" || _socket.is_ok());
    let expect = |name: &str, says: &str| {
        let (_, reason, message) = listed
            .iter()
            .find(|(n, ..)| n == name)
            .unwrap_or_else(|| panic!("{name} not listed: {listed:?}"));
        assert_eq!(*reason, SkipReason::NotAFile, "{name}");
        assert!(message.contains(says), "{name}: {message}");
        assert_eq!(message.lines().count(), 1);
    };
    expect("dangling.ccsession", "does not exist");
    expect("loop-a.ccsession", "loop");
    expect("loop-b.ccsession", "loop");
    expect("folder.ccsession", "a folder");
    if _socket.is_ok() {
        expect("socket.ccsession", "a socket");
    }
    if fifo {
        expect("fifo.ccsession", "FIFO");
    }
    let html = render_html(&r, &Texts::load("en"));
    assert!(html.contains("dangling.ccsession") && html.contains("not a session file"));
}

/// A session of Aiko, Ben and a bot seat in which the facilitator handed
/// Ben's seat to a bot after `to_bot` actions and let a person take over
/// the bot's seat after `to_person` actions.
fn switched_session(dir: &Path, content: &Arc<Content>, to_bot: u32, to_person: u32) -> PathBuf {
    let mut setup = Setup::standard(content, 3, SeatKind::Human, "standard", 9);
    for (seat, name) in setup.seats.iter_mut().zip(["Aiko", "Ben", "Bot"]) {
        seat.name = name.to_owned();
    }
    setup.seats[2].kind = SeatKind::Bot(BotKind::Heuristic);
    let mut header = SessionHeader::new(
        content,
        ScenarioSource::BuiltIn("default".into()),
        setup.clone(),
    );
    header.session_id = format!("switched-{to_bot}-{to_person}");
    let mut w = SessionWriter::create(dir, &header).expect("create session");
    let mut game = Game::new(Arc::clone(content), setup).expect("setup");
    let mut bots: Vec<Bot> = (0..3).map(|s| Bot::new(BotKind::Heuristic, 9, s)).collect();
    while !game.is_over() {
        for (after, seat, kind) in [
            (to_bot, 1, SeatKind::Bot(BotKind::Heuristic)),
            (to_person, 2, SeatKind::Human),
        ] {
            if game.actions_taken() == after {
                w.append(&Record::SeatKind { seat, kind }).expect("switch");
            }
        }
        let seat = game.current_seat();
        let action = bots[seat].choose(&game, seat);
        game.act(seat, &action).expect("bot action is legal");
        w.append(&Record::act(seat, action, &game)).expect("append");
    }
    w.append(&Record::finished(&game)).expect("finish");
    w.path().to_path_buf()
}

#[test]
fn seats_switched_mid_game_count_as_people_with_a_bot_helper() {
    let dir = TempDir::new("switched");
    let content = default_content().expect("default deck");
    switched_session(&dir.0, &content, 12, 30);
    let r = Report::over_dir(&dir.0, None);
    assert_eq!(r.sessions.len(), 1, "{:?}", r.skipped);
    let s = &r.sessions[0];
    // Ben (a person, then a bot) and the bot seat a person took over are
    // both people who had a bot's help; no seat was a bot throughout
    assert_eq!((s.seats, s.humans, s.bots, s.bot_helped), (3, 3, 0, 2));
    let p = &r.participants;
    assert_eq!(
        (p.people, p.distinct_names, p.bots, p.bot_helped),
        (3, 3, 0, 2)
    );
    // a switch before the first action is who played the seat all along
    let dir = TempDir::new("switched-at-start");
    switched_session(&dir.0, &content, 0, u32::MAX);
    let r = Report::over_dir(&dir.0, None);
    let s = &r.sessions[0];
    assert_eq!((s.humans, s.bots, s.bot_helped), (1, 2, 0));
    assert_eq!(r.participants.people, 1);
    for lang in ["ja", "en"] {
        let html = render_html(&r, &Texts::load(lang));
        assert!(html.contains(Texts::load(lang).t("report.overview.bot_helped")));
    }
}

#[test]
fn the_report_names_each_session_by_its_deck_title() {
    let f = fixture();
    let r = Report::over_dir(&f.dir.0, None);
    let people = r
        .sessions
        .iter()
        .find(|s| s.session_id == "people-5")
        .expect("listed");
    assert_eq!(people.scenario.get("ja"), "結川町の十年");
    for (lang, title) in [("ja", "結川町の十年"), ("en", "Ten Years in Yuikawa")] {
        let texts = Texts::load(lang);
        let csv = render_csv(&r, &texts);
        let row = csv
            .split("\r\n")
            .find(|l| l.starts_with("people-5,"))
            .expect("a row");
        assert!(
            row.starts_with(&format!("people-5,2025-05-01,{title},")),
            "{row}"
        );
        let html = render_html(&r, &texts);
        assert!(
            html.contains(&format!("<code>people-5</code></td><td>{title}</td>")),
            "{lang}: the sessions table names the deck"
        );
    }
}
