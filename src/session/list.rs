//! The sessions in a folder, newest first, for the title screen's resume and
//! open-finished-session choices. A listing reads each file's header and
//! scans its lines for what a summary needs (turns ended, undos, the
//! `Finished` record) without decoding every record or replaying anything.

use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::error::SessionError;
use super::load::{parse_header, year_after_turns};
use super::paths::SESSION_EXTENSION;
use super::read::{lines, read_bounded};
use super::record::{OutcomeSummary, Record, ScenarioSource, SessionHeader};
use crate::content::{Text, default_content};

/// What the title screen shows of a session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub path: PathBuf,
    pub session_id: String,
    /// RFC 3339, UTC.
    pub created: String,
    pub scenario: ScenarioSource,
    /// Deck id (e.g. `"default"`).
    pub deck_id: String,
    /// The deck's title (「結川町の十年」) as the header records it; for
    /// files from before headers recorded it, the built-in deck's title
    /// when the header names the built-in deck, else the scenario folder's
    /// name. Show this, not the deck id, to people.
    pub deck_title: Text,
    /// Seat display names, in seat order.
    pub seat_names: Vec<String>,
    pub year_reached: i32,
    pub outcome: Option<OutcomeSummary>,
    /// What was wrong with the file's tail, if anything (the rest is usable).
    pub damage: Option<String>,
    /// A practice game forked from a replay.
    pub practice: bool,
}

impl SessionSummary {
    pub fn finished(&self) -> bool {
        self.outcome.is_some()
    }
    pub fn damaged(&self) -> bool {
        self.damage.is_some()
    }
}

/// The sessions of a folder, and the files that could not be read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SessionListing {
    /// Newest first.
    pub sessions: Vec<SessionSummary>,
    /// One note per session file skipped: which file and why.
    pub skipped: Vec<String>,
}

/// Reads every `*.ccsession` file in `dir`, newest first. A missing folder
/// is an empty listing; unreadable files are skipped with a note.
pub fn list_sessions(dir: &Path) -> SessionListing {
    let mut listing = SessionListing::default();
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return listing,
        Err(e) => {
            listing.skipped.push(format!(
                "could not read the session folder {}: {e}",
                dir.display()
            ));
            return listing;
        }
    };
    let paths: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == SESSION_EXTENSION) && p.is_file())
        .collect();
    // files are independent: read them on all cores
    let summaries: Vec<Result<SessionSummary, SessionError>> =
        paths.par_iter().map(|p| summarise(p)).collect();
    for s in summaries {
        match s {
            Ok(s) => listing.sessions.push(s),
            Err(e) => listing.skipped.push(e.to_string()),
        }
    }
    listing
        .sessions
        .sort_by(|a, b| b.created.cmp(&a.created).then_with(|| b.path.cmp(&a.path)));
    listing
}

/// The newest session that has not finished: the one to offer for resume.
pub fn latest_unfinished(dir: &Path) -> Option<SessionSummary> {
    list_sessions(dir)
        .sessions
        .into_iter()
        .find(|s| !s.finished())
}

/// What a listing shows of the session file at `path`.
fn summarise(path: &Path) -> Result<SessionSummary, SessionError> {
    let bytes = read_bounded(path)?;
    let mut lines = lines(&bytes);
    let first = lines.next().ok_or_else(|| SessionError::Header {
        path: path.to_path_buf(),
        problem: "the file is empty".into(),
    })?;
    let header = parse_header(path, first.text)?;
    // per action in force: whether it ended a turn, and the year the rules
    // recorded with it (format 2)
    let mut acts: Vec<(bool, Option<i32>)> = Vec::new();
    let mut outcome = None;
    let mut bad = Vec::new();
    for line in lines {
        let t = line.text.trim_ascii();
        if t.is_empty() {
            continue;
        }
        // a record is one JSON object or string on its own line; a full
        // check of each record is left to opening the session
        let whole = matches!(
            (t.first(), t.last()),
            (Some(b'{'), Some(b'}')) | (Some(b'"'), Some(b'"'))
        );
        if !whole {
            bad.push(line.number);
        } else if t.starts_with(b"{\"Act\":") {
            acts.push((
                contains(t, b"\"action\":\"EndTurn\"") || contains(t, b"\"action\":\"SkipTurn\""),
                recorded_year(t),
            ));
        } else if t == b"\"Undo\""
            || t.starts_with(b"{\"Intervention\":{\"kind\":\"UndoPastReveal\"")
        {
            acts.pop();
        } else if t.starts_with(b"{\"Finished\":") {
            match serde_json::from_slice::<Record>(t) {
                Ok(Record::Finished { outcome: o }) => outcome = Some(o),
                _ => bad.push(line.number),
            }
        }
    }
    let turns = acts.iter().filter(|(t, _)| *t).count();
    let year_reached = match (&outcome, acts.last()) {
        (Some(o), _) => o.year(),
        (None, Some((_, Some(year)))) => *year,
        // format 1 recorded no year: one turn per seat per year
        (None, _) => year_after_turns(header.start_year, turns, header.setup.seats.len()),
    };
    let damage = bad.first().map(|first| {
        format!(
            "{} unreadable line(s), the first on line {first}: open the session to recover the rest",
            bad.len()
        )
    });
    let deck_title = deck_title(&header);
    Ok(SessionSummary {
        path: path.to_path_buf(),
        session_id: header.session_id,
        created: header.created,
        scenario: header.scenario,
        deck_id: header.deck.id,
        deck_title,
        seat_names: header.setup.seats.into_iter().map(|x| x.name).collect(),
        year_reached,
        outcome,
        damage,
        practice: header.practice,
    })
}

/// The deck's title a listing shows: the header's, else (older files) the
/// built-in deck's when the header names its id, else the scenario's folder
/// or built-in name.
fn deck_title(header: &SessionHeader) -> Text {
    if let Some(title) = &header.deck_title {
        return title.clone();
    }
    if let Some((id, title)) = built_in_title()
        && *id == header.deck.id
    {
        return title.clone();
    }
    let name = match &header.scenario {
        ScenarioSource::BuiltIn(name) => name.clone(),
        ScenarioSource::Directory(dir) => dir.file_name().map_or_else(
            || dir.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        ),
    };
    Text::new([(crate::content::PRIMARY_LANGUAGE.to_owned(), name)].into())
}

/// The built-in deck's id and title, read once.
fn built_in_title() -> Option<&'static (String, Text)> {
    static TITLE: std::sync::OnceLock<Option<(String, Text)>> = std::sync::OnceLock::new();
    TITLE
        .get_or_init(|| {
            default_content()
                .ok()
                .map(|c| (c.id().to_owned(), c.title().clone()))
        })
        .as_ref()
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The `"year":N` an action record ends with (format 2), without decoding
/// the record; `None` when it has none or it is not a number.
fn recorded_year(line: &[u8]) -> Option<i32> {
    const KEY: &[u8] = b"\"year\":";
    let at = line.windows(KEY.len()).rposition(|w| w == KEY)? + KEY.len();
    let rest = &line[at..];
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_digit() || *b == b'-'))
        .unwrap_or(rest.len());
    std::str::from_utf8(&rest[..end]).ok()?.parse().ok()
}
