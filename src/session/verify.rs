//! Checking a loaded session against the rules, replaying it once: every
//! action must be accepted and match the state hash recorded with it (by
//! the hash of the file's format), an undo must have something to take
//! back, a `Finished` record must say what the replayed game says, and
//! nothing may be played after it. A contradiction is refused, naming its
//! line; records after a skipped (unreadable) line are kept only if they
//! verify, else the part before that line is recovered.

use std::sync::Arc;

use super::error::SessionError;
use super::limits::{clip, year_ok};
use super::load::{LoadedSession, record_year};
use super::record::{InterventionKind, OutcomeSummary, Record, SESSION_FORMAT};
use crate::content::Content;
use crate::rules::{self, Action, Entry, Game, JOURNAL_FORMAT, Journal};

/// A session whose records agree with the rules and with each other.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The session as it is now read: in the current format, with fresh
    /// state hashes, and without records that had to be left out.
    pub session: LoadedSession,
    /// The game after every action in force.
    pub game: Game,
    pub journal: Journal,
}

/// The replay so far.
struct Walk {
    game: Game,
    entries: Vec<Entry>,
    records: Vec<Record>,
    lines: Vec<usize>,
    /// The line of the `Finished` record, once seen.
    finished: Option<usize>,
}

impl LoadedSession {
    /// Replays the session with `content` (the deck it was played with),
    /// checking every record (see the module header).
    pub fn verify(&self, content: Arc<Content>) -> Result<Verified, SessionError> {
        let empty = Journal {
            format: JOURNAL_FORMAT,
            deck: self.header.deck.clone(),
            setup: self.header.setup.clone(),
            entries: Vec::new(),
        };
        let calendar = (content.start_year(), content.end_year());
        if self.header.start_year != content.start_year() {
            return Err(SessionError::Contradiction {
                path: self.path.clone(),
                line: 1,
                problem: format!(
                    "its start_year {} is not the deck's first year {}",
                    self.header.start_year,
                    content.start_year()
                ),
            });
        }
        let start = rules::replay(content, &empty)?;
        match self.walk(&start, calendar, usize::MAX) {
            Ok(walk) => Ok(self.finish(walk, self.damage.clone())),
            Err((line, error)) => match self.gap_line {
                Some(gap) if line > gap => {
                    let walk = self.walk(&start, calendar, gap).map_err(|(_, e)| e)?;
                    let dropped = self.lines.iter().filter(|l| **l > gap).count();
                    let damage = format!(
                        "{}; the {dropped} records after line {gap} do not follow from those before it ({}), so only the part before line {gap} was recovered",
                        self.damage.as_deref().unwrap_or("a line was unreadable"),
                        clip(&error.to_string())
                    );
                    Ok(self.finish(walk, Some(damage)))
                }
                _ => Err(error),
            },
        }
    }

    /// Replays the session and checks that it ends in `game`'s state.
    pub fn check_state_hash(&self, game: &Game) -> Result<(), SessionError> {
        let verified = self.verify(Arc::clone(game.content()))?;
        let (replayed, recorded) = (game.state_hash(), verified.game.state_hash());
        if replayed == recorded {
            return Ok(());
        }
        Err(SessionError::StateMismatch {
            line: self.lines.last().copied().unwrap_or(1),
            actions: verified.journal.entries.len(),
            replayed,
            recorded,
        })
    }

    /// Replays the session with `content` after checking every record.
    pub fn resume(&self, content: Arc<Content>) -> Result<(Game, Journal), SessionError> {
        let verified = self.verify(content)?;
        Ok((verified.game, verified.journal))
    }

    /// The hash recorded with an action in this file's format.
    fn hash_of(&self, game: &Game) -> String {
        if self.header.format == 1 {
            game.state_hash_v1()
        } else {
            game.state_hash()
        }
    }

    /// Replays the records of lines before `before`.
    fn walk(
        &self,
        start: &Game,
        calendar: (i32, i32),
        before: usize,
    ) -> Result<Walk, (usize, SessionError)> {
        let mut w = Walk {
            game: start.clone(),
            entries: Vec::new(),
            records: Vec::with_capacity(self.records.len()),
            lines: Vec::with_capacity(self.records.len()),
            finished: None,
        };
        for (record, &line) in self.records.iter().zip(&self.lines) {
            if line >= before {
                break;
            }
            let refuse = |problem: String| {
                (
                    line,
                    SessionError::Contradiction {
                        path: self.path.clone(),
                        line,
                        problem,
                    },
                )
            };
            if let Some(year) = record_year(record)
                && !year_ok(year, Some(calendar))
            {
                return Err(refuse(format!(
                    "it names the year {year}, outside the deck's years {}..={} (one either side allowed)",
                    calendar.0, calendar.1
                )));
            }
            let takes_back = matches!(
                record,
                Record::Undo
                    | Record::Intervention {
                        kind: InterventionKind::UndoPastReveal,
                        ..
                    }
            );
            // an intervention's record is a remark; its effect is the
            // `Act` (or undo) that follows it, checked here
            let plays = matches!(record, Record::Act { .. });
            if let Some(end) = w.finished
                && (plays || takes_back)
            {
                return Err(refuse(format!(
                    "it changes the game after the end recorded on line {end}"
                )));
            }
            let mut record = record.clone();
            match &mut record {
                Record::Act {
                    seat,
                    action,
                    hash,
                    year,
                    ..
                } => {
                    w.game
                        .act(*seat, action)
                        .map_err(|e| refuse(format!("the rules refuse its action ({e})")))?;
                    match hash.as_deref() {
                        Some(recorded) => {
                            let replayed = self.hash_of(&w.game);
                            if replayed != recorded {
                                return Err((
                                    line,
                                    SessionError::StateMismatch {
                                        line,
                                        actions: w.entries.len() + 1,
                                        replayed,
                                        recorded: recorded.to_owned(),
                                    },
                                ));
                            }
                        }
                        // Every action a table ever wrote carries its hash;
                        // the one exception is the early end that reading a
                        // format-1 file puts where its facilitator ended.
                        None if self.header.format == 1 && *action == Action::EndGame => {}
                        None => {
                            return Err(refuse("its action has no state hash".into()));
                        }
                    }
                    if year.is_some_and(|y| y != w.game.year()) {
                        return Err(refuse(format!(
                            "it says play was in {} after its action, but the rules say {}",
                            year.unwrap_or_default(),
                            w.game.year()
                        )));
                    }
                    w.entries.push(Entry {
                        seat: *seat,
                        action: action.clone(),
                    });
                    *hash = Some(w.game.state_hash());
                    *year = Some(w.game.year());
                }
                _ if takes_back => {
                    // the rules' own undo decides: refused after the end,
                    // with nothing to take back, or (players) past a reveal
                    let who = if matches!(record, Record::Undo) {
                        rules::Undo::Players
                    } else {
                        rules::Undo::Facilitator
                    };
                    let mut journal = Journal {
                        format: JOURNAL_FORMAT,
                        deck: self.header.deck.clone(),
                        setup: self.header.setup.clone(),
                        entries: std::mem::take(&mut w.entries),
                    };
                    w.game = rules::undo(Arc::clone(start.content()), &mut journal, &w.game, who)
                        .map_err(|e| refuse(format!("it takes back an action: {e}")))?;
                    w.entries = journal.entries;
                }
                Record::Finished { outcome } => {
                    let replayed = OutcomeSummary::of(&w.game);
                    if !w.game.is_over() {
                        return Err(refuse(format!(
                            "it says the game ended ({}), but the actions before it leave the game going on",
                            outcome.describe()
                        )));
                    }
                    if replayed != *outcome {
                        return Err(refuse(format!(
                            "it says the game ended {}, but the actions before it end it {}",
                            outcome.describe(),
                            replayed.describe()
                        )));
                    }
                    w.finished.get_or_insert(line);
                }
                _ => {}
            }
            w.records.push(record);
            w.lines.push(line);
        }
        Ok(w)
    }

    fn finish(&self, walk: Walk, damage: Option<String>) -> Verified {
        let mut session = self.clone();
        let changed =
            self.header.format != SESSION_FORMAT || walk.records.len() != self.records.len();
        session.header.format = SESSION_FORMAT;
        session.records = walk.records;
        session.lines = walk.lines;
        session.damage = damage;
        session.rewrite |= changed;
        let journal = Journal {
            format: JOURNAL_FORMAT,
            deck: self.header.deck.clone(),
            setup: self.header.setup.clone(),
            entries: walk.entries,
        };
        Verified {
            session,
            game: walk.game,
            journal,
        }
    }
}
