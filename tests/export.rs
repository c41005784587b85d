//! Session exports: snapshots of the Markdown, CSV and JSON of a fixed-seed
//! session; the HTML page well-formed and self-contained; pseudonymisation
//! leaving no original name in any format; atomic writes that never replace
//! a file without `--force`; the sentences shared with the debrief screen;
//! and `community-coping export` run as a real process on real files.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use community_coping::content::{Content, default_content};
use community_coping::export::{
    ExportError, Format, SCHEMA, pseudonym, pseudonymise, render, replace_names, write_export,
};
use community_coping::i18n::{
    LogContext, Texts, ending_sentences, remark_sentence, story_sentences, story_title,
    usage_sentences,
};
use community_coping::reflect::{Ending, Reflection};
use community_coping::rules::{BotKind, Game, SeatKind, Setup};
use community_coping::session::{
    InterventionKind, LoadedSession, Proposal, Record, ScenarioSource, SessionHeader,
    SessionWriter, load_session,
};
use community_coping::sim::play_one;

const BIN: &str = env!("CARGO_BIN_EXE_community-coping");

/// A fresh temporary folder, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "community-coping-export-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&dir);
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

const NAMES: [&str; 3] = ["山田花子", "Kenji", "B"];

fn fixed_session(dir: &Path) -> PathBuf {
    session_with_names(dir, NAMES)
}

/// The note typed during the fixed session: names, markup, CSV trouble and
/// a formula.
const NOTE: &str = "山田花子さんとkenjiが相談。<b>迷った</b> & \"引用\", 次へ";

/// A fixed-seed, three-seat session on the default deck with a header of
/// fixed values, notes, a bookmark, an override and debrief notes, written
/// to `dir`, with seats named `names`. Returns the file.
fn session_with_names(dir: &Path, names: [&str; 3]) -> PathBuf {
    session_with(dir, names, "東地区", &[])
}

/// [`session_with_names`] with district 0 relabelled `relabel` and
/// `extra` records appended at the end.
fn session_with(dir: &Path, names: [&str; 3], relabel: &str, extra: &[Record]) -> PathBuf {
    session_with_during(dir, names, relabel, &[], extra)
}

/// [`session_with`] with each `(i, record)` of `during` appended right after
/// action `i`.
fn session_with_during(
    dir: &Path,
    names: [&str; 3],
    relabel: &str,
    during: &[(usize, Record)],
    extra: &[Record],
) -> PathBuf {
    let content = default_content().expect("default deck");
    let mut setup = Setup::standard(&content, 3, SeatKind::Human, "challenge", 2024);
    for (seat, name) in setup.seats.iter_mut().zip(names) {
        seat.name = name.to_owned();
    }
    setup.seats[2].kind = SeatKind::Bot(BotKind::Heuristic);
    let journal = play_one(&content, setup.clone())
        .expect("setup")
        .journal
        .expect("journal kept");
    let mut header = SessionHeader::new(
        &content,
        ScenarioSource::BuiltIn("default".into()),
        setup.clone(),
    );
    header.session_id = "snapshot-0001".into();
    header.created = "2025-04-01T09:30:00Z".into();
    header.facilitator_mode = true;
    header.target_minutes = Some(90);
    header.district_relabels[0] = Some(relabel.into());
    let mut w = SessionWriter::create(dir, &header).expect("session file");
    let mut game = Game::new(Arc::clone(&content), setup).expect("setup");
    for (i, e) in journal.entries.iter().enumerate() {
        game.act(e.seat, &e.action).expect("legal");
        w.append(&Record::act(e.seat, e.action.clone(), &game))
            .expect("append");
        let at = |secs: u64| (game.year(), e.seat, secs);
        match i {
            4 => {
                let (year, seat, elapsed_secs) = at(125);
                w.append(&Record::Note {
                    text: NOTE.into(),
                    year,
                    seat,
                    elapsed_secs,
                })
                .expect("append");
            }
            9 => {
                let (year, seat, elapsed_secs) = at(301);
                w.append(&Record::Bookmark {
                    year,
                    seat,
                    elapsed_secs,
                    label: Some("Kenjiの判断 *あとで*".into()),
                    resident: Some(content.residents()[1].key.clone()),
                })
                .expect("append");
            }
            15 => {
                let (year, seat, _) = at(0);
                w.append(&Record::Intervention {
                    kind: InterventionKind::SkipTurn,
                    reason: "=1+1 B さんが席を外した".into(),
                    year,
                    seat,
                })
                .expect("append");
            }
            _ => {}
        }
        for (_, r) in during.iter().filter(|(at, _)| *at == i) {
            w.append(r).expect("append");
        }
    }
    w.append(&Record::Pause {
        paused: true,
        elapsed_secs: 2710,
    })
    .expect("append");
    w.append(&Record::finished(&game)).expect("append");
    w.append(&Record::DebriefNote {
        question: 0,
        text: "山田花子: 駅前の人が心に残った\n二行目 | 表 | # 見出しではない".into(),
    })
    .expect("append");
    w.append(&Record::DebriefNote {
        question: 2,
        text: "Kenji — 薬局の薬剤師さん".into(),
    })
    .expect("append");
    for r in extra {
        w.append(r).expect("append");
    }
    w.path().to_path_buf()
}

fn reflect(session: &LoadedSession) -> Reflection {
    let content = default_content().expect("default deck");
    Reflection::of_session(session, content).expect("reflects")
}

fn fixed_reflection() -> Reflection {
    let dir = TempDir::new();
    let path = fixed_session(dir.path());
    reflect(&load_session(&path).expect("loads"))
}

// ---------------------------------------------------------------------------
// snapshots

#[test]
fn markdown_snapshot() {
    let r = fixed_reflection();
    insta::assert_snapshot!(
        "markdown_ja",
        render(&r, Format::Markdown, &Texts::load("ja"))
    );
    insta::assert_snapshot!(
        "markdown_en",
        render(&r, Format::Markdown, &Texts::load("en"))
    );
}

#[test]
fn csv_snapshot() {
    let r = fixed_reflection();
    insta::assert_snapshot!("csv_ja", render(&r, Format::Csv, &Texts::load("ja")));
}

#[test]
fn json_snapshot() {
    let r = fixed_reflection();
    insta::assert_snapshot!("json_ja", render(&r, Format::Json, &Texts::load("ja")));
}

#[test]
fn the_same_session_gives_the_same_bytes() {
    let a = TempDir::new();
    let b = TempDir::new();
    let ra = reflect(&load_session(&fixed_session(a.path())).unwrap());
    let rb = reflect(&load_session(&fixed_session(b.path())).unwrap());
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        for f in Format::ALL {
            assert_eq!(render(&ra, f, &texts), render(&rb, f, &texts), "{f} {lang}");
        }
    }
}

// ---------------------------------------------------------------------------
// HTML

/// Checks tags balance (void and self-closed elements aside), attribute
/// quotes close, every `&` starts an entity and no raw `<` is left in text.
fn assert_well_formed(html: &str) {
    const VOID: [&str; 6] = ["meta", "br", "hr", "img", "input", "link"];
    let mut stack: Vec<String> = Vec::new();
    let mut rest = html;
    let mut offset = 0;
    while let Some(open) = rest.find('<') {
        let text = &rest[..open];
        assert_entities(text, offset);
        let tag_start = &rest[open..];
        // find the end of the tag, skipping quoted attribute values
        let mut quote = None;
        let mut end = None;
        for (i, c) in tag_start.char_indices().skip(1) {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '<') => panic!("raw < inside a tag at byte {}", offset + open),
                (None, '>') => {
                    end = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let end = end.unwrap_or_else(|| panic!("unclosed tag at byte {}", offset + open));
        let tag = &tag_start[1..end];
        if tag.starts_with("!DOCTYPE") {
        } else if let Some(name) = tag.strip_prefix('/') {
            let top = stack
                .pop()
                .unwrap_or_else(|| panic!("</{name}> closes nothing"));
            assert_eq!(
                top,
                name.trim(),
                "</{name}> closes <{top}> at byte {}",
                offset + open
            );
        } else {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            assert!(!name.is_empty(), "a bare < at byte {}", offset + open);
            assert_entities(tag, offset + open);
            if !tag.ends_with('/') && !VOID.contains(&name.as_str()) {
                stack.push(name);
            }
        }
        let consumed = open + end + 1;
        offset += consumed;
        rest = &rest[consumed..];
    }
    assert_entities(rest, offset);
    assert!(stack.is_empty(), "unclosed elements: {stack:?}");
}

fn assert_entities(text: &str, offset: usize) {
    for (i, _) in text.match_indices('&') {
        let after = &text[i..];
        assert!(
            ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
                .iter()
                .any(|e| after.starts_with(e)),
            "a bare & at byte {}: {:?}",
            offset + i,
            &after[..after.len().min(20)]
        );
    }
    assert!(!text.contains('>'), "a raw > near byte {offset}");
}

#[test]
fn the_html_is_well_formed_and_self_contained() {
    let r = fixed_reflection();
    for lang in ["ja", "en"] {
        let html = render(&r, Format::Html, &Texts::load(lang));
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert_well_formed(&html);
        for outside in [
            "http://", "https://", "src=", "href=", "@import", "url(", "<script", "<link", "<img",
            "<iframe",
        ] {
            assert!(!html.contains(outside), "{lang}: {outside} in the page");
        }
        // the parts the issue asks for
        for id in [
            "outcome",
            "timeline",
            "stories",
            "connections",
            "notes",
            "debrief",
        ] {
            assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
        }
        assert!(html.contains("<svg class=\"timeline\""));
        assert!(
            html.contains("class=\"threshold\""),
            "the collapse line is drawn"
        );
        assert!(html.contains("@page { size: A4"));
        assert!(html.contains("\"BIZ UDPGothic\""));
        assert!(html.contains("\"Noto Sans CJK JP\""));
        // the facilitator's markup is shown, not obeyed
        assert!(html.contains("&lt;b&gt;迷った&lt;/b&gt; &amp; &quot;引用&quot;"));
        assert!(!html.contains("<b>"));
        // debrief questions come with the notes taken
        assert!(html.contains("駅前の人が心に残った\n二行目"));
    }
}

#[test]
fn the_html_marks_events_bookmarks_and_notes_on_the_timeline() {
    let r = fixed_reflection();
    let html = render(&r, Format::Html, &Texts::load("ja"));
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    assert!(svg.contains("<polygon"), "an event mark");
    assert!(svg.contains("<rect"), "a bookmark mark");
    assert!(svg.contains("Kenjiの判断"), "the bookmark's label on hover");
    assert_eq!(
        svg.matches("<polyline").count(),
        r.content.districts().len(),
        "one line per district"
    );
    assert!(svg.contains("東地区"), "the table's own district names");
}

// ---------------------------------------------------------------------------
// CSV and JSON

/// Splits RFC 4180 CSV (CRLF rows) into rows of fields.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "CR without LF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, '\n') => panic!("a bare LF ends a row"),
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "an unclosed quote");
    assert!(
        field.is_empty() && row.is_empty(),
        "the last row has no CRLF"
    );
    rows
}

#[test]
fn the_csv_has_a_bom_one_row_per_event_and_quotes_by_rfc_4180() {
    let r = fixed_reflection();
    let csv = render(&r, Format::Csv, &Texts::load("ja"));
    let body = csv.strip_prefix('\u{FEFF}').expect("UTF-8 byte-order mark");
    let rows = parse_csv(body);
    assert!(
        rows.iter().all(|row| row.len() == 12),
        "12 columns everywhere"
    );
    assert_eq!(rows[0][0], "経過時間");
    assert_eq!(rows[0][11], "結果");
    let events =
        r.trace.opening.len() + r.trace.steps.iter().map(|s| s.events.len()).sum::<usize>();
    // the version-2 default deck has link work: one row per topic of it
    let link = rows
        .iter()
        .filter(|row| row[6].starts_with("link_work_"))
        .count();
    assert!(link > 0, "the link-work rows are there");
    assert_eq!(rows.len(), 1 + events + r.remarks.len() + link);
    let note = rows
        .iter()
        .find(|row| row[6] == "note")
        .expect("the note has a row");
    assert_eq!(note[0], "0:02:05", "the note's clock time");
    assert!(note[11].ends_with(NOTE), "{:?}", note[11]);
    let over = rows.iter().find(|row| row[6] == "intervention").unwrap();
    assert!(over[11].contains("=1+1"));
}

#[test]
fn a_csv_cell_that_looks_like_a_formula_is_guarded() {
    assert_eq!(
        guarded_seats(["=HYPERLINK(\"x\")", "+1", "@me"]),
        ["'+1", "'=HYPERLINK(\"x\")", "'@me"]
    );
    // a tab or carriage return first, and full-width forms
    assert_eq!(
        guarded_seats(["\t=1+1", "\r=2", "＝3"]),
        ["'\t=1+1", "'\r=2", "'＝3"]
    );
    assert_eq!(
        guarded_seats(["-1", "＋1", "＠me"]),
        ["'-1", "'＋1", "'＠me"]
    );
}

/// The seat cells of the CSV export of a session with seats `names`,
/// having checked that no cell of it starts a formula.
#[track_caller]
fn guarded_seats(names: [&str; 3]) -> Vec<String> {
    let dir = TempDir::new();
    let path = session_with_names(dir.path(), names);
    let r = reflect(&load_session(&path).unwrap());
    let csv = render(&r, Format::Csv, &Texts::load("en"));
    let rows = parse_csv(csv.strip_prefix('\u{FEFF}').unwrap());
    for row in &rows {
        for f in row {
            assert!(
                !f.starts_with(['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠']),
                "{f:?}"
            );
        }
    }
    let seats: std::collections::BTreeSet<&str> = rows[1..]
        .iter()
        .map(|row| row[3].as_str())
        .filter(|s| !s.is_empty())
        .collect();
    seats.into_iter().map(str::to_owned).collect()
}

#[test]
fn the_json_is_versioned_and_holds_everything() {
    let r = fixed_reflection();
    let json = render(&r, Format::Json, &Texts::load("en"));
    assert!(json.starts_with(
        "{\n  \"schema\": \"community-coping/session-export\",\n  \"schema_version\": 2,"
    ));
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v["schema"], SCHEMA);
    assert_eq!(v["language"], "en");
    assert_eq!(v["steps"].as_array().unwrap().len(), r.trace.steps.len());
    assert_eq!(v["stories"].as_array().unwrap().len(), r.stories.len());
    assert_eq!(v["seats"][1]["name"], "Kenji");
    assert_eq!(v["remarks"][0]["text"], NOTE);
    assert_eq!(v["debrief"][2]["notes"], "Kenji — 薬局の薬剤師さん");
    assert_eq!(v["session"]["created"], "2025-04-01T09:30:00Z");
    assert_eq!(v["districts"][0]["name"], "東地区");
    let kind = v["outcome"]["kind"].as_str().unwrap();
    assert_eq!(
        kind == "collapsed",
        matches!(r.ending, Ending::Collapsed(_))
    );
    assert_eq!(
        v["timeline"]["year_ends"].as_array().unwrap().len(),
        r.trace.year_ends.len()
    );
}

// ---------------------------------------------------------------------------
// pseudonymisation

#[test]
fn pseudonymised_exports_hold_none_of_the_original_names() {
    let dir = TempDir::new();
    let path = fixed_session(dir.path());
    for lang in ["ja", "en"] {
        let mut session = load_session(&path).unwrap();
        pseudonymise(&mut session, lang);
        let r = reflect(&session);
        let texts = Texts::load(lang);
        for f in Format::ALL {
            let out = render(&r, f, &texts);
            for name in ["山田花子", "Kenji"] {
                assert!(!out.contains(name), "{f} {lang} still holds {name}");
            }
            assert!(
                !out.to_lowercase().contains("kenji"),
                "{f} {lang}: a name typed in lower case"
            );
            assert!(out.contains(&pseudonym(0, lang)), "{f} {lang}");
        }
        let expected = if lang == "ja" {
            "参加者A"
        } else {
            "Participant A"
        };
        assert_eq!(r.header.setup.seats[0].name, expected);
        let html = render(&r, Format::Html, &texts);
        let b = pseudonym(1, lang);
        assert!(
            html.contains(&format!("{expected}さんと{b}が相談")),
            "notes keep their sense"
        );
    }
}

#[test]
fn a_one_letter_name_never_rewrites_a_pseudonym() {
    let pairs = vec![
        ("A".to_owned(), pseudonym(0, "en")),
        ("An".to_owned(), pseudonym(1, "en")),
        ("参加者".to_owned(), pseudonym(2, "ja")),
    ];
    assert_eq!(
        replace_names("An asked A; 参加者 nodded", &pairs),
        "Participant B asked Participant A; 参加者C nodded"
    );
    // Latin names only at word edges; short ones in their own case
    assert_eq!(
        replace_names("After a chat, Annie met A.", &pairs),
        "After a chat, Annie met Participant A."
    );
    let kenji = vec![("Kenji".to_owned(), pseudonym(1, "ja"))];
    assert_eq!(
        replace_names("kenjiさんとKENJI、Kenji's", &kenji),
        "参加者Bさんと参加者B、参加者B's"
    );
    assert_eq!(replace_names("", &pairs), "");
    assert_eq!(replace_names("no names", &[]), "no names");
    assert_eq!(pseudonym(25, "en"), "Participant Z");
    assert_eq!(pseudonym(26, "en"), "Participant AA");
    assert_eq!(pseudonym(1, "ja"), "参加者B");
}

/// Where the parts of seat names were typed in [`name_part_session`].
const PARTS_NOTE: &str = "花子さん、山田さん、山田様、花子ちゃん。yuki と TANAKA と Yuki-san";

/// A session whose seats are 山田花子 and Tanaka Yuki, with parts of their
/// names typed into a note, a bookmark label, an override reason, a debrief
/// note, a workshop proposal and a local district name.
fn name_part_session(dir: &Path) -> PathBuf {
    let note = |year| Record::Note {
        text: PARTS_NOTE.into(),
        year,
        seat: 0,
        elapsed_secs: 3000,
    };
    let extra = [
        note(2024),
        Record::Bookmark {
            year: 2024,
            seat: 1,
            elapsed_secs: 3001,
            label: Some("tanakaくんの判断".into()),
            resident: None,
        },
        Record::Intervention {
            kind: InterventionKind::EndGame,
            reason: "花子さんが帰宅".into(),
            year: 2024,
            seat: 0,
        },
        Record::DebriefNote {
            question: 1,
            text: "Yuki: 山田様の話".into(),
        },
        Record::Proposal(Proposal {
            name: "花子さんの店".into(),
            specialities: Vec::new(),
            helps: Vec::new(),
            description: "TANAKA knows it".into(),
            public: false,
        }),
    ];
    session_with(
        dir,
        ["山田花子", "Tanaka Yuki", "B"],
        "花子さんの町",
        &extra,
    )
}

#[test]
fn parts_of_names_are_pseudonymised_in_every_format_and_language() {
    let dir = TempDir::new();
    let path = name_part_session(dir.path());
    // without --pseudonymise, every part is there to be found
    let plain = render(
        &reflect(&load_session(&path).unwrap()),
        Format::Csv,
        &Texts::load("ja"),
    );
    for part in [
        "花子さん",
        "山田さん",
        "山田様",
        "花子ちゃん",
        "yuki",
        "TANAKA",
        "Yuki-san",
    ] {
        assert!(plain.contains(part), "{part} typed into the session");
    }
    for lang in ["ja", "en"] {
        let mut session = load_session(&path).unwrap();
        pseudonymise(&mut session, lang);
        let (a, b) = (pseudonym(0, lang), pseudonym(1, lang));
        for r in &session.records {
            if let Record::Proposal(p) = r {
                assert_eq!(p.name, format!("{a}さんの店"));
                assert_eq!(p.description, format!("{b} knows it"));
            }
        }
        let r = reflect(&session);
        let texts = Texts::load(lang);
        for f in Format::ALL {
            let out = render(&r, f, &texts);
            for part in ["花子", "山田", "Yuki", "Tanaka"] {
                assert!(
                    !out.to_lowercase().contains(&part.to_lowercase()),
                    "{f} {lang} still holds {part}"
                );
            }
            let expected = format!("{a}さん、{a}さん、{a}様、{a}ちゃん。{b} と {b} と {b}-san");
            let expected = match f {
                Format::Json => serde_json::to_string(&expected)
                    .unwrap()
                    .trim_matches('"')
                    .to_owned(),
                _ => expected,
            };
            assert!(
                out.contains(&expected),
                "{f} {lang}: the note keeps its sense"
            );
            assert!(
                out.contains(&format!("{a}さんの町")),
                "{f} {lang}: district"
            );
        }
    }
}

#[test]
fn a_year_from_the_file_never_sizes_the_export() {
    // Loading refuses such years in a session file (tests/session.rs); the
    // exports hold on their own too, for a reflection built any other way.
    use community_coping::reflect::{Remark, RemarkKind};
    let dir = TempDir::new();
    let far = |year: i32| Remark {
        at: 0,
        year,
        seat: 0,
        elapsed_secs: Some(10),
        kind: RemarkKind::Note(format!("year {year}")),
    };
    let bookmark = |year: i32| Remark {
        at: 0,
        year,
        seat: 1,
        elapsed_secs: Some(11),
        kind: RemarkKind::Bookmark {
            label: Some(format!("mark {year}")),
            resident: None,
        },
    };
    let path = session_with(dir.path(), NAMES, "東地区", &[]);
    let normal = render(
        &reflect(&load_session(&path).unwrap()),
        Format::Html,
        &Texts::load("en"),
    );
    let mut r = reflect(&load_session(&path).unwrap());
    r.remarks.extend([
        far(i32::MIN),
        far(i32::MAX),
        far(1_000_000),
        bookmark(i32::MIN),
        bookmark(-1),
    ]);
    for lang in ["ja", "en"] {
        let texts = Texts::load(lang);
        for f in Format::ALL {
            let out = render(&r, f, &texts);
            assert!(out.len() < 400_000, "{f} {lang}: {} bytes", out.len());
            // the remarks stay, with their years as text
            assert!(out.contains("year -2147483648"), "{f} {lang}");
            assert!(out.contains("year 1000000"), "{f} {lang}");
        }
    }
    let html = render(&r, Format::Html, &Texts::load("en"));
    let svg = |page: &str| {
        let start = page.find("<svg").expect("a chart");
        page[start..page[start..].find("</svg>").unwrap() + start].to_owned()
    };
    // the chart is the calendar's: no more year labels than without them
    let years = |chart: &str| chart.matches("<text").count();
    assert_eq!(years(&svg(&html)), years(&svg(&normal)), "the same axis");
    assert!(!svg(&html).contains("1000000"));
}

// ---------------------------------------------------------------------------
// writing

#[test]
fn an_existing_file_is_not_replaced_without_force() {
    let dir = TempDir::new();
    let out = dir.path().join("nested/export.md");
    write_export(&out, b"first", false).expect("a new file is written");
    let err = write_export(&out, b"second", false).expect_err("refused");
    assert!(matches!(err, ExportError::Exists { .. }));
    assert!(err.to_string().contains("--force"), "{err}");
    assert_eq!(std::fs::read(&out).unwrap(), b"first");
    write_export(&out, b"second", true).expect("replaced with force");
    assert_eq!(std::fs::read(&out).unwrap(), b"second");
    let left: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(left.len(), 1, "no temporary file left behind: {left:?}");
}

// ---------------------------------------------------------------------------
// sentences shared with the debrief screen

/// Sentences of several bot games, in both languages, have nothing unfilled.
#[test]
fn reflection_sentences_read_cleanly() {
    let content: Arc<Content> = default_content().unwrap();
    let mut collapsed = 0;
    for seed in 1..6 {
        let setup = Setup::standard(&content, 4, SeatKind::Human, "challenge", seed);
        let journal = play_one(&content, setup.clone()).unwrap().journal.unwrap();
        let dir = TempDir::new();
        let header = SessionHeader::new(
            &content,
            ScenarioSource::BuiltIn("default".into()),
            setup.clone(),
        );
        let mut w = SessionWriter::create(dir.path(), &header).unwrap();
        let mut game = Game::new(Arc::clone(&content), setup).unwrap();
        for e in &journal.entries {
            game.act(e.seat, &e.action).unwrap();
            w.append(&Record::act(e.seat, e.action.clone(), &game))
                .unwrap();
        }
        let r = reflect(&load_session(w.path()).unwrap());
        collapsed += usize::from(matches!(r.ending, Ending::Collapsed(_)));
        for lang in ["ja", "en"] {
            let texts = Texts::load(lang);
            let ctx = LogContext::new(
                &content,
                &texts,
                &r.header.setup,
                &r.header.district_relabels,
            );
            let mut all = ending_sentences(&r.ending, &ctx);
            all.extend(usage_sentences(&r.usage, &ctx));
            all.extend(r.remarks.iter().map(|m| remark_sentence(m, &ctx)));
            for s in &r.stories {
                all.push(story_title(s, &ctx));
                let lines = story_sentences(s, &ctx);
                assert!(
                    lines.len() >= 3,
                    "arrived, heard or not, reached or waiting"
                );
                all.extend(lines);
            }
            for s in all {
                assert!(!s.contains('⟦') && !s.contains('{'), "{lang}: {s}");
                assert!(!s.trim().is_empty());
            }
        }
    }
    assert!(collapsed > 0, "some challenge game collapses");
}

#[test]
fn the_cause_chain_reads_as_sentences() {
    let r = fixed_reflection();
    let texts = Texts::load("ja");
    let ctx = LogContext::new(
        &r.content,
        &texts,
        &r.header.setup,
        &r.header.district_relabels,
    );
    let lines = ending_sentences(&r.ending, &ctx);
    match &r.ending {
        Ending::Collapsed(chain) => {
            assert!(
                lines[0].contains(&format!("{}年の年末", chain.year)),
                "{}",
                lines[0]
            );
            assert!(lines[0].contains(&format!("限界の{}人", chain.threshold)));
            assert!(lines.len() >= 2, "at least one cause: {lines:?}");
        }
        _ => {
            assert!(lines[1].contains("いちばん危なかったのは"), "{lines:?}");
        }
    }
}

// ---------------------------------------------------------------------------
// the command line

fn run(args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).expect("stderr is UTF-8")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

/// A failed run printed exactly one line on stderr, exit 1, and no panic.
#[track_caller]
fn one_line_error(o: &Output) -> String {
    let err = stderr(o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

fn arg(p: &Path) -> &str {
    p.to_str().expect("temp paths are UTF-8")
}

#[test]
fn cli_writes_beside_the_session_file_and_refuses_to_overwrite() {
    let dir = TempDir::new();
    let session = fixed_session(dir.path());
    let o = run(&["export", arg(&session), "--format", "html"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let page = session.with_extension("html");
    assert!(stdout(&o).contains(arg(&page)), "{}", stdout(&o));
    let html = std::fs::read_to_string(&page).unwrap();
    assert_well_formed(&html);

    let o = run(&["export", arg(&session), "--format", "html"]);
    let err = one_line_error(&o);
    assert!(
        err.contains("--force") && err.contains("already exists"),
        "{err}"
    );
    assert_eq!(std::fs::read_to_string(&page).unwrap(), html, "left alone");

    let o = run(&[
        "export",
        arg(&session),
        "--format",
        "html",
        "--force",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("<html lang=\"en\">")
    );

    for (format, ext) in [("md", "md"), ("csv", "csv"), ("json", "json")] {
        let o = run(&["export", arg(&session), "--format", format]);
        assert!(o.status.success(), "{format}: {}", stderr(&o));
        assert!(session.with_extension(ext).is_file(), "{format}");
    }
    let out = dir.path().join("records/session.md");
    let o = run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        arg(&out),
        "--pseudonymise",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(!md.contains("山田花子") && md.contains("参加者A"), "{md}");
}

#[test]
fn cli_writes_to_standard_output_with_a_dash() {
    let dir = TempDir::new();
    let session = fixed_session(dir.path());
    let o = run(&[
        "export",
        arg(&session),
        "--format",
        "json",
        "--out",
        "-",
        "--pseudonymise",
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["schema_version"], 2);
    assert_eq!(v["seats"][1]["name"], "Participant B");
    let text = stdout(&o);
    assert!(!text.contains("Kenji") && !text.contains("山田花子"));
    let o = run(&["export", arg(&session), "--format", "csv", "--out", "-"]);
    assert!(o.stdout.starts_with("\u{FEFF}".as_bytes()));
}

#[test]
fn cli_never_writes_over_the_session_itself() {
    let dir = TempDir::new();
    let session = fixed_session(dir.path());
    let before = std::fs::read(&session).unwrap();
    let o = run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        arg(&session),
        "--force",
    ]);
    let err = one_line_error(&o);
    assert!(err.contains("session file itself"), "{err}");
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

#[test]
fn cli_missing_file_is_one_line() {
    let dir = TempDir::new();
    let missing = dir.path().join("nope.ccsession");
    let err = one_line_error(&run(&["export", arg(&missing), "--format", "html"]));
    assert!(err.contains("nope.ccsession"), "{err}");
    assert!(!dir.path().join("nope.html").exists());
}

#[test]
fn cli_damaged_journal_is_refused_unless_allowed() {
    let dir = TempDir::new();
    let session = fixed_session(dir.path());
    let mut bytes = std::fs::read(&session).unwrap();
    bytes.extend_from_slice(b"{\"Act\": {\"seat\": 0, \"acti");
    std::fs::write(&session, bytes).unwrap();
    let err = one_line_error(&run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        "-",
    ]));
    assert!(err.contains("cut off"), "says what is wrong: {err}");
    assert!(err.contains("--allow-damaged"), "says what to do: {err}");
    let o = run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        "-",
        "--allow-damaged",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("## 住民の物語"));
}

#[test]
fn cli_unknown_deck_or_version_is_one_line() {
    let dir = TempDir::new();
    let session = fixed_session(dir.path());
    let text = std::fs::read_to_string(&session).unwrap();
    let (header, rest) = text.split_once('\n').unwrap();
    let mut h: serde_json::Value = serde_json::from_str(header).unwrap();

    h["deck"]["content_hash"] = "0000000000000000".into();
    std::fs::write(&session, format!("{h}\n{rest}")).unwrap();
    let err = one_line_error(&run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        "-",
    ]));
    assert!(err.contains("--scenario DIR"), "{err}");

    h["scenario"] = serde_json::json!({"BuiltIn": "elsewhere"});
    std::fs::write(&session, format!("{h}\n{rest}")).unwrap();
    let err = one_line_error(&run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        "-",
    ]));
    assert!(
        err.contains("\"elsewhere\"") && err.contains("--scenario"),
        "{err}"
    );

    h["format"] = 99.into();
    std::fs::write(&session, format!("{h}\n{rest}")).unwrap();
    let err = one_line_error(&run(&[
        "export",
        arg(&session),
        "--format",
        "md",
        "--out",
        "-",
    ]));
    assert!(err.contains("format 99"), "{err}");
}

#[test]
fn cli_bad_format_is_a_usage_error() {
    let o = run(&["export", "x.ccsession", "--format", "pdf"]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("pdf"), "{err}");
}

// ---------------------------------------------------------------------------
// seats switched between a person and a bot; workshop proposals

/// The fixed session with Kenji's seat handed to a bot after action 10 and
/// the bot seat "B" taken over by a person after action 18.
fn switched_reflection(dir: &Path) -> Reflection {
    let during = [
        (
            10,
            Record::SeatKind {
                seat: 1,
                kind: SeatKind::Bot(BotKind::Heuristic),
            },
        ),
        (
            18,
            Record::SeatKind {
                seat: 2,
                kind: SeatKind::Human,
            },
        ),
    ];
    let path = session_with_during(dir, NAMES, "東地区", &during, &[]);
    reflect(&load_session(&path).expect("loads"))
}

#[test]
fn seats_switched_to_bots_show_as_played_in_every_format_and_language() {
    let dir = TempDir::new();
    let r = switched_reflection(dir.path());
    let kenji = r.seats[1].switches.first().expect("Kenji's switch").year;
    let b = r.seats[2].switches.first().expect("B's switch").year;
    assert!(r.seats[0].switches.is_empty());
    assert!(r.seats[1].switched() && r.seats[1].person() && !r.seats[1].bot_throughout());
    for (lang, kenji_form, b_form) in [
        (
            "ja",
            "{seat}（{kenji}年からボット）",
            "{seat}（ボット、{b}年から人）",
        ),
        (
            "en",
            "{seat} (bot from {kenji})",
            "{seat} (bot; a person from {b})",
        ),
    ] {
        let texts = Texts::load(lang);
        let ctx = LogContext::new(
            &r.content,
            &texts,
            &r.header.setup,
            &r.header.district_relabels,
        );
        let fill = |form: &str, seat: usize| {
            form.replace("{seat}", &ctx.seat(seat))
                .replace("{kenji}", &kenji.to_string())
                .replace("{b}", &b.to_string())
        };
        let (kenji_label, b_label) = (fill(kenji_form, 1), fill(b_form, 2));
        for f in [Format::Html, Format::Markdown, Format::Json] {
            let out = render(&r, f, &texts);
            for label in [&kenji_label, &b_label] {
                assert!(out.contains(label.as_str()), "{f} {lang} lacks {label:?}");
            }
        }
        // the CSV: a row at the moment of each switch
        let csv = render(&r, Format::Csv, &texts);
        let rows = parse_csv(csv.strip_prefix('\u{FEFF}').expect("BOM"));
        let to_bot = rows
            .iter()
            .find(|row| row[6] == "seat_to_bot")
            .expect("a row for Kenji's switch");
        assert_eq!(
            (to_bot[1].as_str(), to_bot[3].as_str()),
            (&*kenji.to_string(), "Kenji")
        );
        assert_eq!(to_bot[5], texts.t("export.csv.seat_kind"));
        assert!(to_bot[11].contains("Kenji"), "{:?}", to_bot[11]);
        let to_person = rows
            .iter()
            .find(|row| row[6] == "seat_to_person")
            .expect("a row for B's switch");
        assert_eq!(to_person[3], "B");
        // the switch rows come where they happened, in order
        let at = |kind: &str| rows.iter().position(|row| row[6] == kind).unwrap_or(0);
        assert!(at("seat_to_bot") < at("seat_to_person"));
        // the JSON: how each seat was played, and the switches
        let json: serde_json::Value =
            serde_json::from_str(&render(&r, Format::Json, &texts)).expect("JSON");
        let seats = json["seats"].as_array().expect("seats");
        let played: Vec<&str> = seats
            .iter()
            .map(|s| s["played_by"].as_str().unwrap_or(""))
            .collect();
        assert_eq!(played, ["person", "person_with_bot", "person_with_bot"]);
        assert_eq!(seats[1]["kind"], "human", "as set up");
        assert_eq!(seats[1]["switches"][0]["kind"], "bot_heuristic");
        assert_eq!(seats[1]["switches"][0]["year"], kenji);
        assert_eq!(seats[2]["switches"][0]["kind"], "human");
    }
    // a session without switches reads as before: a bot seat is just "bot"
    let plain = fixed_reflection();
    let md = render(&plain, Format::Markdown, &Texts::load("en"));
    assert!(
        md.contains("(Medical student on placement) (bot)\n"),
        "{md}"
    );
}

fn proposals() -> Vec<Record> {
    let content = default_content().expect("default deck");
    let speciality = content.specialities()[0].clone();
    vec![
        Record::Proposal(Proposal {
            name: "駅前の薬局の薬剤師さん".into(),
            specialities: vec![speciality.key.clone()],
            helps: vec![community_coping::content::Worry::Health],
            description: "薬の飲み方を一緒に確かめてくれる\n二行目 <b>&".into(),
            public: true,
        }),
        Record::Proposal(Proposal {
            name: "Kenji's café".into(),
            specialities: Vec::new(),
            helps: vec![community_coping::content::Worry::Relationships],
            description: "Open every morning".into(),
            public: false,
        }),
    ]
}

#[test]
fn workshop_proposals_appear_in_every_format_and_language() {
    let dir = TempDir::new();
    let path = session_with(dir.path(), NAMES, "東地区", &proposals());
    let r = reflect(&load_session(&path).expect("loads"));
    assert_eq!(r.proposals.len(), 2);
    let content = default_content().expect("default deck");
    let speciality = &content.specialities()[0];
    for (lang, heading, public, worry) in [
        ("ja", "わがまちのつながり（提案）", "公的なサービス", "健康"),
        (
            "en",
            "Our town's connections (proposals)",
            "public service",
            "health",
        ),
    ] {
        let texts = Texts::load(lang);
        assert_eq!(texts.t("export.section.proposals"), heading);
        assert_eq!(
            community_coping::i18n::worry_label(&texts, community_coping::content::Worry::Health),
            worry
        );
        let special = speciality.name.get(lang);
        let html = render(&r, Format::Html, &texts);
        let md = render(&r, Format::Markdown, &texts);
        let csv = render(&r, Format::Csv, &texts);
        let json = render(&r, Format::Json, &texts);
        for (f, out) in [("html", &html), ("md", &md), ("csv", &csv), ("json", &json)] {
            for want in [
                "駅前の薬局の薬剤師さん",
                "薬の飲み方を一緒に確かめてくれる",
                special,
                public,
            ] {
                assert!(out.contains(want), "{f} {lang} lacks {want:?}");
            }
            assert!(out.contains("Open every morning"), "{f} {lang}");
        }
        assert!(
            html.contains(&format!("<h2>{}</h2>", html_escape(heading))),
            "{lang}"
        );
        assert!(
            html.contains("&lt;b&gt;&amp;") && !html.contains("<b>&"),
            "escaped"
        );
        assert!(md.contains(&format!("## {heading}")), "{lang}");
        assert!(md.contains("\\<b\\>"), "Markdown escapes typed text");
        // CSV: one row per proposal, the name in the connections column
        let rows = parse_csv(csv.strip_prefix('\u{FEFF}').expect("BOM"));
        let rows: Vec<_> = rows.iter().filter(|row| row[6] == "proposal").collect();
        assert_eq!(rows.len(), 2, "{lang}");
        assert_eq!(rows[0][10], "駅前の薬局の薬剤師さん");
        assert_eq!(rows[0][9], worry);
        assert_eq!(rows[1][10], "Kenji's café");
        // JSON: keys beside the names
        let v: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let p = &v["proposals"];
        assert_eq!(p[0]["public"], true);
        assert_eq!(p[0]["specialities"][0]["key"], speciality.key.as_str());
        assert_eq!(p[0]["specialities"][0]["name"], special);
        assert_eq!(p[0]["helps"][0], "health");
        assert_eq!(p[1]["public"], false);
    }
    // pseudonymised like other typed text
    let mut session = load_session(&path).expect("loads");
    pseudonymise(&mut session, "en");
    let r = reflect(&session);
    for f in Format::ALL {
        let out = render(&r, f, &Texts::load("en"));
        assert!(!out.contains("Kenji"), "{f} still names Kenji");
        let want = match f {
            Format::Html => "Participant B&#39;s café",
            _ => "Participant B's café",
        };
        assert!(out.contains(want), "{f}");
    }
    // no proposals, no section
    let plain = render(&fixed_reflection(), Format::Markdown, &Texts::load("ja"));
    assert!(!plain.contains("わがまちのつながり"));
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('\'', "&#39;")
}
