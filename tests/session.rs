//! The session journal on disk: round trips, crash recovery, resume with the
//! state-hash check, undo, listings, and the settings file.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use community_coping::bots::Bot;
use community_coping::content::{Content, default_content};
use community_coping::rules::{self, Action, BotKind, Game, Journal, SeatKind, Setup};
use community_coping::session::{
    DATA_DIR_ENV, InterventionKind, OutcomeSummary, Record, ScenarioSource, SessionError,
    SessionHeader, SessionWriter, Settings, latest_unfinished, list_sessions, load_session,
    load_settings, load_settings_from, save_settings, save_settings_to, sessions_dir,
    settings_path,
};

/// A fresh folder under the system temp dir, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "cc-session-test-{name}-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("create temp dir");
        Self(dir)
    }
    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The default deck the format-1 fixtures were played with (version 1,
/// kept built in so their sessions still open).
fn v1_content() -> Arc<Content> {
    community_coping::content::built_in("default", "67799fc9860822e1").expect("the archived deck")
}

fn content() -> Arc<Content> {
    default_content().expect("the default deck validates")
}

fn setup(content: &Content, seed: u64) -> Setup {
    Setup::standard(
        content,
        3,
        SeatKind::Bot(BotKind::Heuristic),
        "standard",
        seed,
    )
}

fn header(content: &Content, seed: u64) -> SessionHeader {
    SessionHeader::new(
        content,
        ScenarioSource::BuiltIn("default".into()),
        setup(content, seed),
    )
}

/// A live game played by bots, recorded both in a rules journal and on disk.
struct Live {
    content: Arc<Content>,
    game: Game,
    journal: Journal,
    bots: Vec<Bot>,
    writer: SessionWriter,
}

impl Live {
    fn start(dir: &Path, seed: u64) -> Self {
        let content = content();
        let header = header(&content, seed);
        let game = Game::new(Arc::clone(&content), header.setup.clone()).expect("setup");
        let journal = Journal::new(&content, header.setup.clone());
        let bots = (0..header.setup.seats.len())
            .map(|s| Bot::new(BotKind::Heuristic, seed, s))
            .collect();
        let writer = SessionWriter::create(dir, &header).expect("create session");
        Self {
            content,
            game,
            journal,
            bots,
            writer,
        }
    }

    /// One bot action, applied and recorded; `false` once the game is over.
    fn step(&mut self) -> bool {
        if self.game.is_over() {
            return false;
        }
        let seat = self.game.current_seat();
        let action = self.bots[seat].choose(&self.game, seat);
        self.game
            .act(seat, &action)
            .expect("bots choose legal actions");
        self.journal.record(seat, action.clone());
        self.writer
            .append(&Record::act(seat, action, &self.game))
            .expect("append");
        true
    }

    fn play(&mut self, n: usize) {
        for _ in 0..n {
            if !self.step() {
                break;
            }
        }
    }
}

fn every_kind_of_record() -> Vec<Record> {
    vec![
        Record::Act {
            seat: 0,
            action: Action::EndTurn,
            hash: Some("abc".into()),
            year: None,
            elapsed_secs: None,
        },
        Record::Act {
            seat: 1,
            action: Action::Prescribe {
                resident: community_coping::content::ResidentId::from_index(3),
                cards: vec![community_coping::content::ConnectionId::from_index(7)],
            },
            hash: None,
            year: None,
            elapsed_secs: None,
        },
        Record::Undo,
        Record::Note {
            text: "B さんの発言をあとで共有する\n二行目".into(),
            year: 2022,
            seat: 1,
            elapsed_secs: 640,
        },
        Record::Bookmark {
            year: 2022,
            seat: 2,
            elapsed_secs: 700,
            label: Some("discuss".into()),
            resident: Some("r-001".into()),
        },
        Record::Bookmark {
            year: 2022,
            seat: 2,
            elapsed_secs: 701,
            label: None,
            resident: None,
        },
        Record::Intervention {
            kind: InterventionKind::SkipTurn,
            reason: "break".into(),
            year: 2023,
            seat: 0,
        },
        Record::SeatKind {
            seat: 2,
            kind: SeatKind::Human,
        },
        Record::Pause {
            paused: true,
            elapsed_secs: 800,
        },
        Record::Pause {
            paused: false,
            elapsed_secs: 900,
        },
        Record::Finished {
            outcome: OutcomeSummary::EndedEarly {
                year: 2023,
                connected: 4,
            },
        },
    ]
}

#[test]
fn a_session_reads_back_as_written() {
    let dir = TempDir::new("roundtrip");
    let content = content();
    let mut header = header(&content, 7);
    header.facilitator_mode = true;
    header.target_minutes = Some(90);
    header.district_relabels[1] = Some("本町".into());
    let mut w = SessionWriter::create(dir.path(), &header).expect("create");
    let records = every_kind_of_record();
    for r in &records {
        w.append(r).expect("append");
    }
    assert!(w.path().extension().is_some_and(|e| e == "ccsession"));
    let loaded = load_session(w.path()).expect("load");
    assert_eq!(loaded.header, header);
    assert_eq!(loaded.records, records);
    assert_eq!(loaded.damage, None);
    assert_eq!(loaded.seat_kinds()[2], SeatKind::Human);
    assert_eq!(loaded.elapsed_secs(), 900);
    assert_eq!(loaded.year_reached(), 2023);
    assert!(loaded.finished().is_some());
    // one line per record after the header
    let text = std::fs::read_to_string(w.path()).expect("read");
    assert_eq!(text.lines().count(), records.len() + 1);
    assert!(
        text.lines()
            .next()
            .is_some_and(|l| l.contains("\"format\":2"))
    );
    // no temp files are left beside it
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn created_is_rfc3339_utc() {
    let header = header(&content(), 1);
    let c = header.created.as_bytes();
    assert_eq!(c.len(), 20, "{}", header.created);
    assert_eq!(
        (c[4], c[7], c[10], c[13], c[16], c[19]),
        (b'-', b'-', b'T', b':', b':', b'Z')
    );
    assert!(header.created.starts_with("20"));
    assert_ne!(header.session_id, self::header(&content(), 1).session_id);
}

#[test]
fn a_crash_mid_line_keeps_the_good_prefix_and_reports_the_damage() {
    let dir = TempDir::new("crash");
    let mut live = Live::start(dir.path(), 11);
    live.play(12);
    let path = live.writer.path().to_path_buf();
    drop(live.writer);
    let full = std::fs::read(&path).expect("read");

    // a half-written last line
    std::fs::write(&path, &full[..full.len() - 7]).expect("truncate");
    let loaded = load_session(&path).expect("a damaged tail is not an error");
    assert_eq!(loaded.records.len(), 11);
    let damage = loaded.damage.as_deref().expect("damage reported");
    assert!(damage.contains("line 13"), "{damage}");
    assert!(damage.contains("cut off"), "{damage}");
    assert_eq!(loaded.journal().entries[..], live.journal.entries[..11]);

    // garbage after the good lines (and NUL bytes, as after a power cut)
    let mut garbage = full.clone();
    garbage.extend_from_slice(b"\0\0\0 not json\n{\"Act\":{\"seat\":0}}\n");
    std::fs::write(&path, &garbage).expect("write");
    let loaded = load_session(&path).expect("load");
    assert_eq!(loaded.records.len(), 12);
    let damage = loaded.damage.clone().expect("damage reported");
    assert!(damage.contains("line 14"), "{damage}");

    // going on from a damaged file: the tail is saved aside and cut off
    let mut w = SessionWriter::reopen(&loaded).expect("reopen");
    w.append(&Record::Undo).expect("append");
    let again = load_session(&path).expect("load");
    assert_eq!(again.damage, None);
    assert_eq!(again.records.len(), 13);
    assert_eq!(again.records.last(), Some(&Record::Undo));
    let mut backup = path.clone().into_os_string();
    backup.push(".damaged");
    assert_eq!(std::fs::read(&backup).expect("backup kept"), garbage);
}

#[test]
fn a_last_line_without_its_line_end_is_completed_on_reopen() {
    let dir = TempDir::new("noeol");
    let content = content();
    let mut w = SessionWriter::create(dir.path(), &header(&content, 3)).expect("create");
    w.append(&Record::Undo).expect("append");
    let path = w.path().to_path_buf();
    drop(w);
    let mut bytes = std::fs::read(&path).expect("read");
    bytes.pop();
    std::fs::write(&path, &bytes).expect("write");
    let loaded = load_session(&path).expect("load");
    assert_eq!((loaded.records.len(), loaded.damage.is_none()), (1, true));
    let mut w = SessionWriter::reopen(&loaded).expect("reopen");
    w.append(&Record::Undo).expect("append");
    let again = load_session(&path).expect("load");
    assert_eq!((again.records.len(), again.damage), (2, None));
}

#[test]
fn a_corrupt_header_is_an_error_that_says_so() {
    let dir = TempDir::new("header");
    let path = dir.path().join("broken.ccsession");
    for (text, expect) in [
        ("", "empty"),
        ("{\"format\":1,\"session_id\":", "not a session header"),
        ("{\"session_id\":\"x\"}\n", "no session format"),
        ("{\"format\":1}\n", "incomplete"),
    ] {
        std::fs::write(&path, text).expect("write");
        let err = load_session(&path).expect_err("a bad header is an error");
        assert!(matches!(err, SessionError::Header { .. }), "{err}");
        let msg = err.to_string();
        assert!(
            msg.contains(expect) && msg.contains("broken.ccsession"),
            "{msg}"
        );
    }
    std::fs::write(&path, "{\"format\":99}\n").expect("write");
    let err = load_session(&path).expect_err("a future format is an error");
    assert!(
        matches!(err, SessionError::Format { found: 99, .. }),
        "{err}"
    );
    let err = load_session(&dir.path().join("missing.ccsession")).expect_err("missing");
    assert!(matches!(err, SessionError::Read { .. }), "{err}");
}

#[test]
fn resume_replays_to_the_live_state() {
    let dir = TempDir::new("resume");
    let mut live = Live::start(dir.path(), 2024);
    live.play(60);
    live.writer
        .append(&Record::Note {
            text: "note".into(),
            year: live.game.year(),
            seat: live.game.current_seat(),
            elapsed_secs: 5,
        })
        .expect("append");
    let loaded = load_session(live.writer.path()).expect("load");
    assert_eq!(loaded.journal(), live.journal);
    let (game, journal) = loaded.resume(Arc::clone(&live.content)).expect("resume");
    assert_eq!(game.state_hash(), live.game.state_hash());
    assert_eq!(journal, live.journal);
    assert_eq!(loaded.year_reached(), live.game.year());

    // a whole game, finished
    let mut live = Live::start(dir.path(), 5);
    live.play(100_000);
    assert!(live.game.is_over());
    live.writer
        .append(&Record::finished(&live.game))
        .expect("append");
    let loaded = load_session(live.writer.path()).expect("load");
    let (game, _) = loaded.resume(Arc::clone(&live.content)).expect("resume");
    assert_eq!(game.state_hash(), live.game.state_hash());
    let outcome = loaded.finished().expect("finished");
    assert_eq!(outcome, &OutcomeSummary::of(&live.game));
    assert_eq!(loaded.year_reached(), live.game.year());
}

#[test]
fn a_tampered_hash_is_a_mismatch_error() {
    let dir = TempDir::new("mismatch");
    let mut live = Live::start(dir.path(), 9);
    live.play(10);
    let path = live.writer.path().to_path_buf();
    let text = std::fs::read_to_string(&path).expect("read");
    let hash = live.game.state_hash();
    assert!(text.contains(&hash));
    std::fs::write(&path, text.replace(&hash, &"0".repeat(64))).expect("write");
    let loaded = load_session(&path).expect("load");
    let err = loaded.resume(live.content).expect_err("mismatch");
    assert!(
        matches!(err, SessionError::StateMismatch { actions: 10, .. }),
        "{err}"
    );
    assert!(err.to_string().contains(&hash), "{err}");
}

#[test]
fn a_different_deck_is_refused_on_resume() {
    let dir = TempDir::new("deck");
    let mut live = Live::start(dir.path(), 9);
    live.play(3);
    let path = live.writer.path().to_path_buf();
    let text = std::fs::read_to_string(&path).expect("read");
    let deck_hash = live.content.content_hash().to_owned();
    std::fs::write(&path, text.replacen(&deck_hash, "not-the-deck", 1)).expect("write");
    let err = load_session(&path)
        .expect("load")
        .resume(live.content)
        .expect_err("deck mismatch");
    assert!(
        matches!(
            err,
            SessionError::Replay(rules::ReplayError::DeckMismatch { .. })
        ),
        "{err}"
    );
}

#[test]
fn undo_records_take_back_the_last_act() {
    let dir = TempDir::new("undo");
    let mut live = Live::start(dir.path(), 31);
    // play until the last action may be undone (a prescription or a release)
    let mut steps = 0;
    while !live.game.can_undo() {
        assert!(live.step() && steps < 5_000, "no undoable action came up");
        steps += 1;
    }
    let before_last = live.journal.entries.len() - 1;
    let undone = rules::undo(
        Arc::clone(&live.content),
        &mut live.journal,
        &live.game,
        rules::Undo::Players,
    )
    .expect("the engine allows it");
    live.writer.append(&Record::Undo).expect("append");
    assert_eq!(live.journal.entries.len(), before_last);

    let loaded = load_session(live.writer.path()).expect("load");
    assert_eq!(loaded.journal(), live.journal);
    let (game, _) = loaded.resume(Arc::clone(&live.content)).expect("resume");
    assert_eq!(game.state_hash(), undone.state_hash());
}

#[test]
fn journal_follows_undo_and_undo_past_reveal() {
    let dir = TempDir::new("journal");
    let content = content();
    let mut w = SessionWriter::create(dir.path(), &header(&content, 1)).expect("create");
    let act = |seat| Record::Act {
        seat,
        action: Action::EndTurn,
        hash: None,
        year: None,
        elapsed_secs: None,
    };
    for r in [
        act(0),
        act(1),
        Record::Undo,
        act(2),
        Record::Intervention {
            kind: InterventionKind::UndoPastReveal,
            reason: "misclick".into(),
            year: 2021,
            seat: 2,
        },
        Record::Intervention {
            kind: InterventionKind::SkipTurn,
            reason: "away".into(),
            year: 2021,
            seat: 1,
        },
        act(3),
        Record::Note {
            text: "n".into(),
            year: 2021,
            seat: 0,
            elapsed_secs: 1,
        },
    ] {
        w.append(&r).expect("append");
    }
    let seats: Vec<usize> = load_session(w.path())
        .expect("load")
        .journal()
        .entries
        .iter()
        .map(|e| e.seat)
        .collect();
    assert_eq!(seats, [0, 3]);
}

#[test]
fn sessions_are_listed_newest_first() {
    let dir = TempDir::new("list");
    let content = content();
    let make = |created: &str, id: &str, records: &[Record]| {
        let mut h = header(&content, 1);
        h.created = created.into();
        h.session_id = id.into();
        let mut w = SessionWriter::create(dir.path(), &h).expect("create");
        for r in records {
            w.append(r).expect("append");
        }
        w.path().to_path_buf()
    };
    let end_turns: Vec<Record> = (0..7)
        .map(|i| Record::Act {
            seat: i % 3,
            action: Action::EndTurn,
            hash: None,
            year: None,
            elapsed_secs: None,
        })
        .collect();
    make("2025-01-01T10:00:00Z", "old", &[]);
    let damaged = make("2025-03-01T10:00:00Z", "newest", &end_turns);
    make(
        "2025-02-01T10:00:00Z",
        "finished",
        &[Record::Finished {
            outcome: OutcomeSummary::Survived {
                year: 2030,
                connected: 20,
            },
        }],
    );
    let mut bytes = std::fs::read(&damaged).expect("read");
    bytes.extend_from_slice(b"{\"Act\"");
    std::fs::write(&damaged, bytes).expect("write");
    std::fs::write(dir.path().join("junk.ccsession"), "not a session").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "ignored").expect("write");

    let listing = list_sessions(dir.path());
    let ids: Vec<&str> = listing
        .sessions
        .iter()
        .map(|s| s.session_id.as_str())
        .collect();
    assert_eq!(ids, ["newest", "finished", "old"]);
    assert_eq!(listing.skipped.len(), 1);
    assert!(
        listing.skipped[0].contains("junk.ccsession"),
        "{:?}",
        listing.skipped
    );
    let [newest, finished, old] = &listing.sessions[..] else {
        unreachable!()
    };
    assert!(newest.damaged() && !newest.finished());
    assert_eq!(newest.year_reached, 2021 + 7 / 3);
    assert!(finished.finished() && !finished.damaged());
    assert_eq!(finished.year_reached, 2030);
    assert_eq!((old.year_reached, old.finished()), (2021, false));
    assert_eq!(old.scenario, ScenarioSource::BuiltIn("default".into()));
    assert_eq!(
        old.seat_names,
        ["プレイヤー1", "プレイヤー2", "プレイヤー3"]
    );
    assert_eq!(
        latest_unfinished(dir.path()).map(|s| s.session_id),
        Some("newest".to_owned())
    );
    assert!(
        list_sessions(&dir.path().join("nowhere"))
            .sessions
            .is_empty()
    );
}

#[test]
fn settings_round_trip_and_fall_back_with_a_notice() {
    let dir = TempDir::new("settings");
    let path = dir.path().join("sub").join("settings.ron");
    assert_eq!(load_settings_from(&path), (Settings::default(), None));

    let mine = Settings {
        language: "en".into(),
        ui_scale: 1.5,
        high_contrast: true,
        bot_pace_ms: 300,
        reduced_motion: true,
        stop_at_year_end: false,
        seat_names: vec!["さくら".into(), "Ken".into()],
    };
    save_settings_to(&path, &mine).expect("save");
    assert_eq!(load_settings_from(&path), (mine.clone(), None));

    std::fs::write(&path, "Settings(language: \"en\", ui_scale: ").expect("write");
    let (s, notice) = load_settings_from(&path);
    assert_eq!(s, Settings::default());
    let notice = notice.expect("a notice");
    assert!(notice.contains(&path.display().to_string()), "{notice}");

    std::fs::write(
        &path,
        "(language: \"fr\", ui_scale: 9.0, bot_pace_ms: 99999999)",
    )
    .expect("write");
    let (s, notice) = load_settings_from(&path);
    assert_eq!(s.language, "ja");
    assert_eq!(s.ui_scale, 2.5);
    assert_eq!(s.bot_pace_ms, 10_000);
    let notice = notice.expect("a notice");
    assert!(
        notice.contains("ui_scale") && notice.contains("settings.ron"),
        "{notice}"
    );

    std::fs::write(&path, "(ui_scale: 0.1)").expect("write");
    let (s, notice) = load_settings_from(&path);
    assert_eq!((s.ui_scale, s.language.as_str()), (0.75, "ja"));
    assert!(notice.is_some());

    // missing fields take their defaults silently
    std::fs::write(&path, "(high_contrast: true)").expect("write");
    let (s, notice) = load_settings_from(&path);
    assert!(s.high_contrast && notice.is_none());
    assert!(s.seat_names.is_empty(), "older files remember no names");
    let saved = std::fs::read_to_string({
        save_settings_to(&path, &s).expect("save");
        &path
    })
    .expect("read");
    assert!(!saved.contains("seat_names"), "no names, no field: {saved}");
}

/// The only test that touches the environment variable.
#[test]
fn the_data_dir_follows_the_environment_override() {
    let dir = TempDir::new("env");
    // SAFETY: no other test in this binary reads or writes this variable,
    // and std serialises its own environment access.
    unsafe { std::env::set_var(DATA_DIR_ENV, dir.path()) };
    assert_eq!(sessions_dir().expect("dir"), dir.path().join("sessions"));
    assert_eq!(
        settings_path().expect("path"),
        dir.path().join("settings.ron")
    );
    let mine = Settings {
        high_contrast: true,
        ..Settings::default()
    };
    save_settings(&mine).expect("save");
    assert_eq!(load_settings(), (mine, None));
    unsafe { std::env::remove_var(DATA_DIR_ENV) };
}

// ---- verification of every record, format 1, limits, recovery ----

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sessions/format1")
        .join(name)
}

/// The lines of a file, and writing them back.
fn file_lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("read")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").expect("write");
}

fn verify_file(path: &Path, content: &Arc<Content>) -> Result<rules::Game, SessionError> {
    load_session(path)?
        .verify(Arc::clone(content))
        .map(|v| v.game)
}

#[test]
fn every_swap_of_two_adjacent_different_actions_is_refused() {
    let dir = TempDir::new("swaps");
    let mut live = Live::start(dir.path(), 77);
    live.play(40);
    let path = live.writer.path().to_path_buf();
    let lines = file_lines(&path);
    assert_eq!(lines.len(), 41);
    let (mut tried, mut accepted) = (0, 0);
    for i in 1..lines.len() - 1 {
        let (a, b) = (&live.journal.entries[i - 1], &live.journal.entries[i]);
        if a == b {
            continue;
        }
        let mut swapped = lines.clone();
        swapped.swap(i, i + 1);
        write_lines(&path, &swapped);
        tried += 1;
        if let Ok(game) = verify_file(&path, &live.content) {
            accepted += 1;
            eprintln!("swap {i} accepted: {}", game.state_hash());
        }
    }
    assert!(tried > 30, "{tried}");
    assert_eq!(accepted, 0, "{accepted} of {tried} swaps accepted");
}

#[test]
fn a_finished_record_must_agree_with_the_game_and_end_it() {
    let dir = TempDir::new("finished");
    let mut live = Live::start(dir.path(), 5);
    live.play(100_000);
    live.writer
        .append(&Record::finished(&live.game))
        .expect("append");
    let path = live.writer.path().to_path_buf();
    let lines = file_lines(&path);
    assert!(verify_file(&path, &live.content).is_ok());

    // the last action deleted: the Finished record no longer follows
    let mut cut = lines.clone();
    cut.remove(cut.len() - 2);
    write_lines(&path, &cut);
    let err = verify_file(&path, &live.content).expect_err("refused");
    let msg = err.to_string();
    assert!(
        matches!(err, SessionError::Contradiction { line, .. } if line == cut.len()),
        "{msg}"
    );
    assert!(msg.contains("going on"), "{msg}");

    // an action after the end
    let mut after = lines.clone();
    after.push(lines[lines.len() - 2].clone());
    write_lines(&path, &after);
    let err = verify_file(&path, &live.content).expect_err("refused");
    assert!(
        matches!(err, SessionError::Contradiction { line, .. } if line == after.len()),
        "{err}"
    );
    assert!(err.to_string().contains("after the end"), "{err}");

    // a different outcome
    let mut other = lines.clone();
    let last = other.len() - 1;
    other[last] = serde_json::to_string(&Record::Finished {
        outcome: OutcomeSummary::EndedEarly {
            year: 2021,
            connected: 0,
        },
    })
    .expect("encode");
    write_lines(&path, &other);
    let err = verify_file(&path, &live.content).expect_err("refused");
    assert!(
        err.to_string().contains(&format!("line {}", last + 1)),
        "{err}"
    );
}

#[test]
fn a_changed_difficulty_or_a_missing_hash_is_refused() {
    let dir = TempDir::new("difficulty");
    let mut live = Live::start(dir.path(), 12);
    live.play(30);
    let path = live.writer.path().to_path_buf();
    let lines = file_lines(&path);
    for other in ["intro", "challenge"] {
        let mut changed = lines.clone();
        changed[0] = changed[0].replace(
            "\"difficulty\":\"standard\"",
            &format!("\"difficulty\":\"{other}\""),
        );
        assert_ne!(changed[0], lines[0]);
        write_lines(&path, &changed);
        let err = verify_file(&path, &live.content).expect_err("refused");
        assert!(
            matches!(err, SessionError::StateMismatch { line: 2, .. }),
            "{other}: {err}"
        );
    }
    let mut unhashed = lines.clone();
    let hash = live.game.state_hash();
    unhashed[30] = unhashed[30].replace(&format!("\"{hash}\""), "null");
    assert_ne!(unhashed[30], lines[30]);
    write_lines(&path, &unhashed);
    let err = verify_file(&path, &live.content).expect_err("refused");
    assert!(
        err.to_string().contains("line 31") && err.to_string().contains("no state hash"),
        "{err}"
    );
}

/// What each format-1 fixture must still read as.
struct Expect {
    file: &'static str,
    actions: usize,
    year_reached: i32,
    outcome: Option<OutcomeSummary>,
    /// The v1 hash of the game reached (for the unfinished ones).
    hash_v1: Option<&'static str>,
}

fn format1_fixtures() -> Vec<Expect> {
    vec![
        Expect {
            file: "a-unfinished-4-seats.ccsession",
            actions: 37,
            year_reached: 2023,
            outcome: None,
            hash_v1: Some("f07cdd39b87cfa74d58d3519e0e6702f63421bfc1951f9c0660e7c91f7107df3"),
        },
        Expect {
            file: "b-collapsed.ccsession",
            actions: 88,
            year_reached: 2026,
            outcome: Some(OutcomeSummary::Collapsed {
                year: 2026,
                district: "hills".into(),
                residents: ["r-009", "r-001", "r-004", "r-012"]
                    .map(String::from)
                    .to_vec(),
            }),
            hash_v1: Some("a3aafff29e8ba03f6d90dcd3f53a77a779a15585729ba3b5ff840ab0a5f4ed88"),
        },
        Expect {
            file: "c-ended-early-with-acts-after.ccsession",
            // 40 played, then the facilitator's end as the rules' EndGame
            actions: 41,
            year_reached: 2023,
            outcome: Some(OutcomeSummary::EndedEarly {
                year: 2023,
                connected: 8,
            }),
            hash_v1: None,
        },
        Expect {
            file: "d-skip-turn-and-undo-past-reveal.ccsession",
            actions: 24,
            year_reached: 2022,
            outcome: None,
            hash_v1: Some("b646ba96919a20caa9b3627970fb5f3024dea7077ca811e7a2462f7ffb2b43aa"),
        },
    ]
}

#[test]
fn format1_files_open_replay_and_list_as_they_did() {
    let content = v1_content();
    let dir = TempDir::new("format1-list");
    for e in format1_fixtures() {
        let loaded = load_session(&fixture(e.file)).expect(e.file);
        assert_eq!(loaded.damage, None, "{}", e.file);
        assert!(
            !loaded.header.practice,
            "{}: older files are not practice",
            e.file
        );
        assert_eq!(loaded.year_reached(), e.year_reached, "{}", e.file);
        assert_eq!(loaded.finished(), e.outcome.as_ref(), "{}", e.file);
        let v = loaded.verify(Arc::clone(&content)).expect(e.file);
        assert_eq!(v.journal.entries.len(), e.actions, "{}", e.file);
        assert_eq!(
            v.game.outcome().is_some(),
            e.outcome.is_some(),
            "{}",
            e.file
        );
        if let Some(o) = &e.outcome {
            assert_eq!(&OutcomeSummary::of(&v.game), o, "{}", e.file);
        }
        if let Some(h) = e.hash_v1 {
            assert_eq!(v.game.state_hash_v1(), h, "{}", e.file);
        }
        std::fs::copy(fixture(e.file), dir.path().join(e.file)).expect("copy");
    }
    // the ended-early file: the acts recorded after the end are left out, said so
    let c = load_session(&fixture("c-ended-early-with-acts-after.ccsession")).expect("load");
    assert_eq!(
        c.journal().entries.last().map(|e| &e.action),
        Some(&Action::EndGame)
    );
    assert!(
        c.adjustments.iter().any(|a| a.contains("2 later action")),
        "{:?}",
        c.adjustments
    );
    // the listing reads the same facts without replaying
    let listing = list_sessions(dir.path());
    assert_eq!(listing.sessions.len(), 4, "{:?}", listing.skipped);
    for e in format1_fixtures() {
        let s = listing
            .sessions
            .iter()
            .find(|s| s.path.ends_with(e.file))
            .expect("listed");
        assert_eq!(
            (s.year_reached, &s.outcome, s.damaged(), s.practice),
            (e.year_reached, &e.outcome, false, false),
            "{}",
            e.file
        );
    }
}

#[test]
fn format1_files_export_with_the_same_outcome() {
    use community_coping::export::{ExportOptions, Format, export_session};
    for e in format1_fixtures() {
        let json = export_session(&fixture(e.file), &ExportOptions::new(Format::Json))
            .unwrap_or_else(|err| panic!("{}: {err}", e.file));
        assert!(json.len() > 1000, "{}", e.file);
    }
}

#[test]
fn resuming_a_format1_file_upgrades_it_and_keeps_the_original() {
    let content = v1_content();
    let dir = TempDir::new("format1-resume");
    for name in [
        "a-unfinished-4-seats.ccsession",
        "d-skip-turn-and-undo-past-reveal.ccsession",
    ] {
        let path = dir.path().join(name);
        std::fs::copy(fixture(name), &path).expect("copy");
        let loaded = load_session(&path).expect("load");
        assert!(
            SessionWriter::reopen(&loaded).is_err(),
            "an unverified format-1 file is not appended to"
        );
        let v = loaded.verify(Arc::clone(&content)).expect("verify");
        let mut game = v.game.clone();
        let mut w = SessionWriter::reopen(&v.session).expect("reopen");
        // go on playing: one more action, recorded as the table does
        let seat = game.current_seat();
        let action = Bot::new(BotKind::Heuristic, 1, seat).choose(&game, seat);
        game.act(seat, &action).expect("legal");
        w.append(&Record::act(seat, action, &game)).expect("append");
        drop(w);
        let mut backup = path.clone().into_os_string();
        backup.push(".format1");
        assert_eq!(
            std::fs::read(&backup).expect("backup"),
            std::fs::read(fixture(name)).expect("fixture")
        );
        let again = load_session(&path).expect("load");
        assert!(file_lines(&path)[0].contains("\"format\":2"));
        let v2 = again.verify(Arc::clone(&content)).expect("verify upgraded");
        assert_eq!(v2.game.state_hash(), game.state_hash(), "{name}");
        assert_eq!(v2.journal.entries.len(), v.journal.entries.len() + 1);
    }
}

#[test]
fn years_outside_the_calendar_are_refused_naming_the_line() {
    let content = content();
    let dir = TempDir::new("years");
    let mut w = SessionWriter::create(dir.path(), &header(&content, 4)).expect("create");
    let note = |year| Record::Note {
        text: "n".into(),
        year,
        seat: 0,
        elapsed_secs: 1,
    };
    w.append(&note(2022)).expect("append");
    w.append(&note(99_999)).expect("append");
    w.append(&note(2023)).expect("append");
    let path = w.path().to_path_buf();
    let loaded = load_session(&path).expect("load");
    assert_eq!(loaded.records.len(), 2);
    let damage = loaded.damage.clone().expect("damage");
    assert!(
        damage.contains("line 3") && damage.contains("99999"),
        "{damage}"
    );
    // after an unreadable line, a record that does not verify is left out
    w.append(&note(2100)).expect("append");
    let v = load_session(&path)
        .expect("load")
        .verify(Arc::clone(&content))
        .expect("recovered");
    assert_eq!(v.session.records.len(), 1);
    // inside 1900..=2200 but far from the deck's 2021..=2030: refused
    let mut lines = file_lines(&path);
    lines.remove(2);
    write_lines(&path, &lines);
    let err = verify_file(&path, &content).expect_err("refused");
    assert!(
        matches!(err, SessionError::Contradiction { line: 4, .. }),
        "{err}"
    );
    assert!(err.to_string().contains("2100"), "{err}");
    // the header's start year
    let mut lines = file_lines(&path);
    lines[0] = lines[0].replace("\"start_year\":2021", "\"start_year\":-2000000000");
    write_lines(&path, &lines);
    let err = load_session(&path).expect_err("refused");
    assert!(err.to_string().contains("start_year"), "{err}");
}

#[test]
fn oversized_files_lines_and_devices_are_refused_in_one_line() {
    let dir = TempDir::new("limits");
    let big = dir.path().join("big.ccsession");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(community_coping::session::MAX_SESSION_BYTES + 1)
        .expect("sparse");
    let err = load_session(&big).expect_err("too large");
    assert!(matches!(err, SessionError::TooLarge { .. }), "{err}");
    #[cfg(unix)]
    {
        let err = load_session(Path::new("/dev/zero")).expect_err("a device");
        assert!(matches!(err, SessionError::NotAFile { .. }), "{err}");
    }
    let err = load_session(dir.path()).expect_err("a folder");
    assert!(matches!(err, SessionError::NotAFile { .. }), "{err}");
    // a 2 MB first line; a 2 MB garbage header is echoed only in part
    let long = dir.path().join("long.ccsession");
    std::fs::write(&long, "x".repeat(2 << 20)).expect("write");
    let err = load_session(&long).expect_err("too long");
    assert!(matches!(err, SessionError::HeaderTooLong { .. }), "{err}");
    std::fs::write(&long, "y".repeat(10_000)).expect("write");
    let msg = load_session(&long).expect_err("garbage").to_string();
    assert!(
        msg.len() < 800 && !msg.contains('\n'),
        "{} chars",
        msg.len()
    );
    // a 2 MB record line is skipped, the rest kept
    let content = content();
    let mut w = SessionWriter::create(dir.path(), &header(&content, 4)).expect("create");
    w.append(&Record::Note {
        text: "z".repeat(2 << 20),
        year: 2021,
        seat: 0,
        elapsed_secs: 1,
    })
    .expect("append");
    w.append(&Record::Undo).expect("append");
    let loaded = load_session(w.path()).expect("load");
    assert_eq!(loaded.records, [Record::Undo]);
    assert!(loaded.damage.expect("damage").contains("line 2"));
}

#[test]
fn a_bom_is_accepted_and_a_binary_header_is_one_clear_line() {
    let dir = TempDir::new("bom");
    let content = content();
    let mut w = SessionWriter::create(dir.path(), &header(&content, 4)).expect("create");
    w.append(&Record::Undo).expect("append");
    let path = w.path().to_path_buf();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(std::fs::read(&path).expect("read"));
    std::fs::write(&path, &bytes).expect("write");
    let loaded = load_session(&path).expect("a BOM is fine");
    assert_eq!((loaded.records.len(), loaded.damage), (1, None));
    std::fs::write(&path, b"\xFF\xFE\x00garbage\x80\n").expect("write");
    let msg = load_session(&path).expect_err("binary").to_string();
    assert!(msg.contains("UTF-8") && !msg.contains('\n'), "{msg}");
}

#[test]
fn a_hostile_session_id_never_leaves_the_folder() {
    use community_coping::session::{proposals_path, safe_file_stem};
    let dir = TempDir::new("ids");
    let content = content();
    for id in [
        "../../x",
        "/etc/passwd",
        "C:\\x",
        "",
        "a\u{0}\nb",
        &"w".repeat(5_000),
    ] {
        let mut h = header(&content, 1);
        h.session_id = id.to_owned();
        let w = SessionWriter::create(dir.path(), &h).expect("create");
        assert_eq!(w.path().parent(), Some(dir.path()), "{id:?}");
        let stem = safe_file_stem(id);
        assert!(!stem.is_empty() && stem.len() <= 64, "{id:?}");
        assert!(
            stem.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        );
        if let Ok(p) = proposals_path(id) {
            assert!(
                !p.components()
                    .any(|c| matches!(c, std::path::Component::ParentDir)),
                "{p:?}"
            );
            assert_eq!(
                p.file_name().map(|n| n.to_string_lossy().into_owned()),
                Some(format!("{stem}-connections.ron"))
            );
        }
    }
}

#[test]
fn a_corrupt_line_in_the_middle_keeps_what_verifies() {
    let content = content();
    let dir = TempDir::new("middle");
    let mut live = Live::start(dir.path(), 21);
    live.play(10);
    live.writer
        .append(&Record::Note {
            text: "middle".into(),
            year: 2021,
            seat: 0,
            elapsed_secs: 3,
        })
        .expect("append");
    live.play(10);
    let path = live.writer.path().to_path_buf();
    let lines = file_lines(&path);

    // a broken note: everything after it still verifies and is kept
    let mut broken = lines.clone();
    broken[11] = "{\"Note\":{\"te\u{0}".into();
    write_lines(&path, &broken);
    let loaded = load_session(&path).expect("load");
    let v = loaded.verify(Arc::clone(&content)).expect("verify");
    assert_eq!(v.game.state_hash(), live.game.state_hash());
    assert!(
        v.session
            .damage
            .as_deref()
            .is_some_and(|d| d.contains("line 12"))
    );

    // a broken action: only the part before it is recovered, and said so
    let mut broken = lines.clone();
    broken[5] = broken[5][..20].to_owned();
    write_lines(&path, &broken);
    let loaded = load_session(&path).expect("load");
    let v = loaded.verify(Arc::clone(&content)).expect("verify");
    assert_eq!(v.journal.entries[..], live.journal.entries[..4]);
    let damage = v.session.damage.clone().expect("damage");
    assert!(
        damage.contains("line 6") && damage.contains("recovered"),
        "{damage}"
    );
    // going on: the original is copied aside (synced) and the file rewritten
    let w = SessionWriter::reopen(&v.session).expect("reopen");
    drop(w);
    let mut backup = path.clone().into_os_string();
    backup.push(".damaged");
    assert_eq!(
        std::fs::read(&backup).expect("backup"),
        (broken.join("\n") + "\n").into_bytes()
    );
    let again = load_session(&path).expect("load");
    assert_eq!(again.damage, None);
    assert_eq!(
        again.verify(content).expect("verify").journal.entries.len(),
        4
    );
}

#[test]
fn the_clock_resumes_from_the_last_action_not_the_last_note() {
    let dir = TempDir::new("clock");
    let mut live = Live::start(dir.path(), 11);
    live.play(3);
    // a note at 3:38, then actions until 4:56, then the game stops
    live.writer
        .append(&Record::Note {
            text: "メモ".into(),
            year: live.game.year(),
            seat: 0,
            elapsed_secs: 218,
        })
        .expect("note");
    for secs in [240, 275, 296] {
        let seat = live.game.current_seat();
        let action = live.bots[seat].choose(&live.game, seat);
        live.game.act(seat, &action).expect("legal");
        live.writer
            .append(&Record::act(seat, action, &live.game).with_elapsed(secs))
            .expect("append");
    }
    let path = live.writer.path().to_path_buf();
    drop(live);
    let loaded = load_session(&path).expect("load");
    assert_eq!(loaded.damage, None);
    assert_eq!(loaded.elapsed_secs(), 296, "4:56, not the note's 3:38");
    // and the export reports the longer time
    let reflection =
        community_coping::reflect::Reflection::of_session(&loaded, content()).expect("reflect");
    assert_eq!(reflection.elapsed_secs, 296);
    // actions without a clock (forks, the simulator) leave the key out
    let g = Game::new(content(), setup(&content(), 1)).expect("setup");
    let bare = serde_json::to_string(&Record::act(0, Action::EndTurn, &g)).expect("json");
    assert!(!bare.contains("elapsed_secs"), "{bare}");
    let timed =
        serde_json::to_string(&Record::act(0, Action::EndTurn, &g).with_elapsed(5)).expect("json");
    assert!(timed.contains("\"elapsed_secs\":5"), "{timed}");
    // with_elapsed leaves other records alone
    assert_eq!(Record::Undo.with_elapsed(9), Record::Undo);
}

#[test]
fn listings_name_the_deck_by_its_title_old_files_included() {
    let dir = TempDir::new("titles");
    let content = content();
    // a new file records the title in both languages
    let new = header(&content, 1);
    let title = new
        .deck_title
        .clone()
        .expect("new headers record the title");
    assert_eq!(title.get("ja"), "結川町の十年");
    assert_eq!(title.get("en"), "Ten Years in Yuikawa");
    SessionWriter::create(dir.path(), &new).expect("create");
    // an old file of the built-in deck: the built-in title
    let mut old = header(&content, 2);
    old.session_id = "old-built-in".into();
    old.deck_title = None;
    let line = serde_json::to_string(&old).expect("json");
    assert!(!line.contains("deck_title"), "{line}");
    std::fs::write(dir.path().join("old.ccsession"), format!("{line}\n")).expect("write");
    // an old file of another deck: its folder's name
    let mut local = header(&content, 3);
    local.session_id = "old-local".into();
    local.deck_title = None;
    local.deck.id = "minato".into();
    local.scenario = ScenarioSource::Directory(PathBuf::from("decks").join("minato-deck"));
    let line = serde_json::to_string(&local).expect("json");
    std::fs::write(dir.path().join("local.ccsession"), format!("{line}\n")).expect("write");

    let listing = list_sessions(dir.path());
    assert_eq!(listing.sessions.len(), 3, "{:?}", listing.skipped);
    let by_id = |id: &str| {
        listing
            .sessions
            .iter()
            .find(|s| s.session_id == id)
            .expect("listed")
    };
    assert_eq!(by_id(&new.session_id).deck_title, title);
    assert_eq!(
        by_id("old-built-in").deck_title.get("en"),
        "Ten Years in Yuikawa"
    );
    assert_eq!(by_id("old-built-in").deck_title.get("ja"), "結川町の十年");
    assert_eq!(by_id("old-local").deck_title.get("ja"), "minato-deck");
    assert_eq!(by_id("old-local").deck_title.get("en"), "minato-deck");
    // the format-1 fixtures have no title and list with the built-in one
    let f = TempDir::new("titles-format1");
    let file = "a-unfinished-4-seats.ccsession";
    std::fs::copy(fixture(file), f.path().join(file)).expect("copy");
    let listing = list_sessions(f.path());
    assert_eq!(listing.sessions[0].deck_title.get("ja"), "結川町の十年");
}
