//! Reading a session file back: the header, then every record. A cut-off or
//! garbled line (a crash mid-write, a bad disk) is skipped and reported,
//! never a panic, and the readable records around it are kept; checking the
//! records against the rules is [`LoadedSession::verify`]'s job.

use std::path::{Path, PathBuf};

use super::error::SessionError;
use super::limits::{MAX_LINE_BYTES, YEAR_RANGE, clip, year_ok};
use super::read::{Line, lines, read_bounded};
use super::record::{InterventionKind, OutcomeSummary, Record, SESSION_FORMAT, SessionHeader};
use super::upgrade::upgrade_format1;
use crate::rules::{Action, JOURNAL_FORMAT, Journal, SeatKind};

/// A session read from disk.
#[derive(Debug, Clone)]
pub struct LoadedSession {
    pub path: PathBuf,
    pub header: SessionHeader,
    /// The readable records, in order.
    pub records: Vec<Record>,
    /// What was wrong with the file (which lines, what), when anything was.
    pub damage: Option<String>,
    /// How an older format's records were read differently from how they
    /// were written (e.g. actions recorded after the facilitator ended the
    /// game, which format 1 let through); the file is not damaged for it.
    pub adjustments: Vec<String>,
    /// The file line each record came from.
    pub(super) lines: Vec<usize>,
    /// The first line skipped as unreadable, if any: records after it are
    /// kept only if they verify.
    pub(super) gap_line: Option<usize>,
    /// The file on disk is not exactly the header and records (skipped
    /// lines, an older format): going on recording rewrites it first.
    pub(super) rewrite: bool,
    pub(super) ends_with_newline: bool,
    /// The format the file was written in.
    pub(super) read_format: u32,
}

/// Reads a session file. Fails only when the file cannot be read, is too
/// large or not a regular file, or its header is unusable; damaged lines
/// are reported in [`LoadedSession::damage`].
pub fn load_session(path: &Path) -> Result<LoadedSession, SessionError> {
    let bytes = read_bounded(path)?;
    let mut lines = lines(&bytes);
    let empty = || SessionError::Header {
        path: path.to_path_buf(),
        problem: "the file is empty".into(),
    };
    let first = lines.next().ok_or_else(empty)?;
    let header = parse_header(path, first.text)?;
    let mut session = LoadedSession {
        path: path.to_path_buf(),
        header,
        records: Vec::new(),
        damage: None,
        adjustments: Vec::new(),
        lines: Vec::new(),
        gap_line: None,
        rewrite: false,
        ends_with_newline: first.terminated,
        read_format: 0,
    };
    session.read_format = session.header.format;
    let mut problems = Vec::new();
    for line in lines {
        session.ends_with_newline = line.terminated;
        if line.text.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match parse_record(&session.header, &line) {
            Ok(r) => {
                session.records.push(r);
                session.lines.push(line.number);
            }
            Err(problem) => {
                session.gap_line.get_or_insert(line.number);
                problems.push(problem);
            }
        }
    }
    if !problems.is_empty() {
        session.rewrite = true;
        session.damage = Some(damage_note(&problems, session.records.len()));
    }
    if session.header.format < SESSION_FORMAT {
        upgrade_format1(&mut session);
    }
    Ok(session)
}

pub(super) fn parse_header(path: &Path, text: &[u8]) -> Result<SessionHeader, SessionError> {
    let bad = |problem: String| SessionError::Header {
        path: path.to_path_buf(),
        problem,
    };
    if text.len() > MAX_LINE_BYTES {
        return Err(SessionError::HeaderTooLong {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(text)
        .map_err(|_| bad("the first line is not UTF-8 text, so not a session header".into()))?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| {
        bad(format!(
            "the first line is not a session header ({}): \"{}\"",
            clip(&e.to_string()),
            clip(text)
        ))
    })?;
    let format = value
        .get("format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| bad("the first line has no session format number".into()))?;
    if format == 0 || format > u64::from(SESSION_FORMAT) {
        return Err(SessionError::Format {
            path: path.to_path_buf(),
            found: u32::try_from(format).unwrap_or(u32::MAX),
        });
    }
    let header: SessionHeader = serde_json::from_value(value).map_err(|e| {
        bad(format!(
            "the header is incomplete ({})",
            clip(&e.to_string())
        ))
    })?;
    let out_of_range = |what: &str, year: i32| {
        bad(format!(
            "its {what} {year} is outside the years {}..={} a session can name",
            YEAR_RANGE.start(),
            YEAR_RANGE.end()
        ))
    };
    if !YEAR_RANGE.contains(&header.start_year) {
        return Err(out_of_range("start_year", header.start_year));
    }
    if let Some(origin) = &header.origin
        && !year_ok(origin.year, Some((header.start_year, *YEAR_RANGE.end())))
    {
        return Err(out_of_range("origin year", origin.year));
    }
    Ok(header)
}

/// One record line, or why it cannot be used (naming the line).
fn parse_record(header: &SessionHeader, line: &Line<'_>) -> Result<Record, String> {
    let n = line.number;
    if line.text.len() > MAX_LINE_BYTES {
        return Err(format!(
            "line {n} is longer than {} KB and was skipped",
            MAX_LINE_BYTES / 1024
        ));
    }
    let record = serde_json::from_slice::<Record>(line.text).map_err(|e| {
        let e = clip(&e.to_string());
        if line.terminated {
            format!("line {n} is not a valid record ({e})")
        } else {
            format!(
                "line {n}, the last one, is cut off, as when the game stops while writing it ({e})"
            )
        }
    })?;
    if let Some(year) = record_year(&record)
        && !year_ok(year, Some((header.start_year, *YEAR_RANGE.end())))
    {
        return Err(format!(
            "line {n} names the year {year}, outside the session's years ({}..={})",
            header.start_year.saturating_sub(1),
            YEAR_RANGE.end()
        ));
    }
    Ok(record)
}

/// The year a record names, if it names one.
pub(super) fn record_year(record: &Record) -> Option<i32> {
    match record {
        Record::Note { year, .. }
        | Record::Bookmark { year, .. }
        | Record::Intervention { year, .. } => Some(*year),
        Record::Finished { outcome } => Some(outcome.year()),
        Record::Act { year, .. } => *year,
        _ => None,
    }
}

fn damage_note(problems: &[String], kept: usize) -> String {
    const SHOWN: usize = 3;
    let mut note = problems[..problems.len().min(SHOWN)].join("; ");
    if problems.len() > SHOWN {
        note.push_str(&format!("; and {} more lines", problems.len() - SHOWN));
    }
    format!(
        "{note}; {} unreadable line(s) skipped and the {kept} readable records kept",
        problems.len()
    )
}

impl LoadedSession {
    /// The accepted actions still in force: an `Undo` or an
    /// undo-past-reveal intervention takes back the last one.
    fn acts(&self) -> Vec<(usize, &Action, Option<i32>)> {
        let mut acts = Vec::new();
        for r in &self.records {
            match r {
                Record::Act {
                    seat, action, year, ..
                } => acts.push((*seat, action, *year)),
                Record::Undo
                | Record::Intervention {
                    kind: InterventionKind::UndoPastReveal,
                    ..
                } => {
                    acts.pop();
                }
                _ => {}
            }
        }
        acts
    }

    /// The rules journal the records describe (not checked: see
    /// [`LoadedSession::verify`]).
    pub fn journal(&self) -> Journal {
        let mut journal = Journal {
            format: JOURNAL_FORMAT,
            deck: self.header.deck.clone(),
            setup: self.header.setup.clone(),
            entries: Vec::new(),
        };
        for (seat, action, _) in self.acts() {
            journal.record(seat, action.clone());
        }
        journal
    }

    /// How the session ended, when it did.
    pub fn finished(&self) -> Option<&OutcomeSummary> {
        self.records.iter().rev().find_map(|r| match r {
            Record::Finished { outcome } => Some(outcome),
            _ => None,
        })
    }

    /// Who plays each seat now, after any human↔bot switches.
    pub fn seat_kinds(&self) -> Vec<SeatKind> {
        let mut kinds: Vec<SeatKind> = self.header.setup.seats.iter().map(|s| s.kind).collect();
        for r in &self.records {
            if let Record::SeatKind { seat, kind } = r
                && let Some(k) = kinds.get_mut(*seat)
            {
                *k = *kind;
            }
        }
        kinds
    }

    /// The year play reached: the year of the end when finished, else the
    /// year the rules recorded with the last action in force (format 1,
    /// which did not record it: counted from the turns ended).
    pub fn year_reached(&self) -> i32 {
        if let Some(outcome) = self.finished() {
            return outcome.year();
        }
        let acts = self.acts();
        if let Some((_, _, year)) = acts.last() {
            if let Some(year) = year {
                return *year;
            }
        } else {
            return self.header.start_year;
        }
        let turns = acts
            .iter()
            .filter(|(_, a, _)| matches!(a, Action::EndTurn | Action::SkipTurn))
            .count();
        year_after_turns(self.header.start_year, turns, self.header.setup.seats.len())
    }

    /// Whether facilitator mode is on: as the menu last set it mid-game, or
    /// as the session was set up.
    pub fn facilitator_mode(&self) -> bool {
        self.records
            .iter()
            .rev()
            .find_map(|r| match r {
                Record::FacilitatorMode { on, .. } => Some(*on),
                _ => None,
            })
            .unwrap_or(self.header.facilitator_mode)
    }

    /// The session clock's latest recorded value, over every record that
    /// carries it (actions, notes, bookmarks, pauses), so a session resumed
    /// after a crash goes on from its last action, not its last note.
    pub fn elapsed_secs(&self) -> u64 {
        self.records
            .iter()
            .filter_map(|r| match r {
                Record::Note { elapsed_secs, .. }
                | Record::Bookmark { elapsed_secs, .. }
                | Record::Pause { elapsed_secs, .. }
                | Record::FacilitatorMode { elapsed_secs, .. } => Some(*elapsed_secs),
                Record::Act { elapsed_secs, .. } => *elapsed_secs,
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }
}

/// The year after `turns` turns ended by `seats` seats from `start`.
pub(super) fn year_after_turns(start: i32, turns: usize, seats: usize) -> i32 {
    let years = i32::try_from(turns / seats.max(1)).unwrap_or(i32::MAX);
    start.saturating_add(years)
}
