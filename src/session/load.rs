//! Reading a session file back: the header, then every record up to the
//! first damaged line. A cut-off or garbled tail (a crash mid-write, a bad
//! disk) is reported, never a panic, and the good records before it are kept.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::SessionError;
use super::record::{InterventionKind, OutcomeSummary, Record, SESSION_FORMAT, SessionHeader};
use crate::content::Content;
use crate::rules::{self, Action, Game, JOURNAL_FORMAT, Journal, SeatKind};

/// A session read from disk.
#[derive(Debug, Clone)]
pub struct LoadedSession {
    pub path: PathBuf,
    pub header: SessionHeader,
    /// The records of the good part of the file, in order.
    pub records: Vec<Record>,
    /// What was wrong with the file's tail (which line, what), when anything was.
    pub damage: Option<String>,
    /// Bytes of the file up to the end of the last good line.
    pub(super) valid_len: u64,
    pub(super) ends_with_newline: bool,
}

/// One line of the file: its bytes without the line end, where it ends
/// (after the line end) and whether it has one.
struct Line<'a> {
    text: &'a [u8],
    end: usize,
    terminated: bool,
}

fn lines(bytes: &[u8]) -> impl Iterator<Item = Line<'_>> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= bytes.len() {
            return None;
        }
        let rest = &bytes[start..];
        let (len, terminated) = match rest.iter().position(|b| *b == b'\n') {
            Some(i) => (i, true),
            None => (rest.len(), false),
        };
        let end = start + len + usize::from(terminated);
        let mut text = &rest[..len];
        if let [head @ .., b'\r'] = text {
            text = head;
        }
        start = end;
        Some(Line {
            text,
            end,
            terminated,
        })
    })
}

/// Reads a session file. Fails only when the file cannot be read or its
/// header is unusable; a damaged tail is reported in [`LoadedSession::damage`].
pub fn load_session(path: &Path) -> Result<LoadedSession, SessionError> {
    let bytes = fs::read(path).map_err(|source| SessionError::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut lines = lines(&bytes);
    let first = lines.next().ok_or_else(|| SessionError::Header {
        path: path.to_path_buf(),
        problem: "the file is empty".into(),
    })?;
    let header = parse_header(path, first.text)?;
    let mut session = LoadedSession {
        path: path.to_path_buf(),
        header,
        records: Vec::new(),
        damage: None,
        valid_len: first.end as u64,
        ends_with_newline: first.terminated,
    };
    for (i, line) in lines.enumerate() {
        let number = i + 2;
        if line.text.iter().all(u8::is_ascii_whitespace) {
            session.valid_len = line.end as u64;
            session.ends_with_newline = line.terminated;
            continue;
        }
        match serde_json::from_slice::<Record>(line.text) {
            Ok(r) => {
                session.records.push(r);
                session.valid_len = line.end as u64;
                session.ends_with_newline = line.terminated;
            }
            Err(e) => {
                session.damage = Some(damage_note(&session, number, &line, &e, bytes.len()));
                break;
            }
        }
    }
    Ok(session)
}

fn parse_header(path: &Path, text: &[u8]) -> Result<SessionHeader, SessionError> {
    let bad = |problem: String| SessionError::Header {
        path: path.to_path_buf(),
        problem,
    };
    let value: serde_json::Value = serde_json::from_slice(text)
        .map_err(|e| bad(format!("the first line is not a session header ({e})")))?;
    let format = value
        .get("format")
        .and_then(serde_json::Value::as_u64)
        .ok_or_else(|| bad("the first line has no session format number".into()))?;
    if format != u64::from(SESSION_FORMAT) {
        return Err(SessionError::Format {
            path: path.to_path_buf(),
            found: u32::try_from(format).unwrap_or(u32::MAX),
        });
    }
    serde_json::from_value(value).map_err(|e| bad(format!("the header is incomplete ({e})")))
}

fn damage_note(
    session: &LoadedSession,
    number: usize,
    line: &Line<'_>,
    error: &serde_json::Error,
    total: usize,
) -> String {
    let what = if line.terminated {
        format!("line {number} is not a valid record ({error})")
    } else {
        format!(
            "line {number}, the last one, is cut off, as when the game stops while writing it ({error})"
        )
    };
    let ignored = total as u64 - session.valid_len;
    format!(
        "{what}; the {} records before it were recovered and the rest of the file ({ignored} bytes) was ignored",
        session.records.len()
    )
}

impl LoadedSession {
    /// The accepted actions still in force, with their recorded state hashes:
    /// an `Undo` or an undo-past-reveal intervention takes back the last one.
    fn acts(&self) -> Vec<(usize, &Action, Option<&str>)> {
        let mut acts = Vec::new();
        for r in &self.records {
            match r {
                Record::Act { seat, action, hash } => acts.push((*seat, action, hash.as_deref())),
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

    /// The rules journal the records describe.
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

    /// Replays the session with `content` (the same deck it was played with)
    /// and checks the result against the last recorded state hash.
    pub fn resume(&self, content: Arc<Content>) -> Result<(Game, Journal), SessionError> {
        let journal = self.journal();
        let game = rules::replay(content, &journal)?;
        self.check_state_hash(&game)?;
        Ok((game, journal))
    }

    /// Whether `game` matches the state hash recorded with the last action in
    /// force (no check when that action has no hash).
    pub fn check_state_hash(&self, game: &Game) -> Result<(), SessionError> {
        let acts = self.acts();
        let Some((_, _, Some(recorded))) = acts.last() else {
            return Ok(());
        };
        let replayed = game.state_hash();
        if replayed == *recorded {
            Ok(())
        } else {
            Err(SessionError::StateMismatch {
                actions: acts.len(),
                replayed,
                recorded: (*recorded).to_owned(),
            })
        }
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

    /// The year play reached: the end year when finished, else counted from
    /// the turns ended (one turn per seat per year).
    pub fn year_reached(&self) -> i32 {
        if let Some(outcome) = self.finished() {
            return outcome.year();
        }
        let seats = self.header.setup.seats.len().max(1);
        let turns = self
            .acts()
            .iter()
            .filter(|(_, a, _)| matches!(a, Action::EndTurn))
            .count();
        let years = i32::try_from(turns / seats).unwrap_or(i32::MAX);
        self.header.start_year.saturating_add(years)
    }

    /// The session clock's last recorded value (notes, bookmarks, pauses).
    pub fn elapsed_secs(&self) -> u64 {
        self.records
            .iter()
            .filter_map(|r| match r {
                Record::Note { elapsed_secs, .. }
                | Record::Bookmark { elapsed_secs, .. }
                | Record::Pause { elapsed_secs, .. } => Some(*elapsed_secs),
                _ => None,
            })
            .max()
            .unwrap_or(0)
    }
}
